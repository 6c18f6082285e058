"""Område's parts: the area's status, key figures against Malmö, trends with its insatser as bands, the
official statistics fetched for it, its insatser, and the areas most like it."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import analys, area_names, data, figures, namnd_names, provenance, ui
from lokalutveckling.format import fmt_date, fmt_int, fmt_number
from lokalutveckling.i18n import t, unit
from lokalutveckling.store import cache
from lokalutveckling.ui import links, session
from lokalutveckling.views.behov import need_indicator_select
from lokalutveckling.views.indicators import exempel_text, indicator_names, kind_of, source_names


def key_figures_table(df: pd.DataFrame, lang: str, names: dict[str, str] | None = None) -> pd.DataFrame:
    """Indicator, fokusområde, year, the area's value, Malmö's value, the unit, and what each value is
    (official statistics with service, resource, reference year and fetch day, a document, or exempeldata;
    both when Malmö's value has another source than the area's). `names`: the sources' readable names
    (ui.document_names)."""
    name, fokus = ("namn_en", "fokus_en") if lang == "en" else ("namn_sv", "fokus_sv")
    city_kalla = df["stadens_kalla"] if "stadens_kalla" in df else pd.Series([None] * len(df), index=df.index)
    return pd.DataFrame(
        {
            t("col_indikator", lang): df[name],
            t("col_fokus", lang): df[fokus].fillna(""),
            t("col_ar", lang): df["ar"],
            t("col_omradet", lang): _by_unit(df["varde"], df["enhet"], lang),
            t("col_malmo", lang): _by_unit(df["stadens_varde"], df["enhet"], lang),
            t("col_enhet", lang): [unit(u, lang) for u in df["enhet"]],
            t("col_indicator_source", lang): [
                provenance.indicator_pair_text(k, c, ar, names, lang)
                for k, c, ar in zip(df["kalla"], city_kalla, df["ar"], strict=True)
            ],
        }
    )


def key_figures_kallor(df: pd.DataFrame) -> pd.Series:
    """The sources of the key figures shown: the area's values and Malmö's (data.omrade_key_figures)."""
    city = df["stadens_kalla"] if "stadens_kalla" in df else pd.Series(dtype=object)
    return pd.concat([df["kalla"], city[df["stadens_varde"].notna()]], ignore_index=True)


def _by_unit(values: pd.Series, units: pd.Series, lang: str) -> list[str]:
    """Counts (unit 'antal') as whole numbers, everything else with one decimal, in the language's format."""
    return [
        "" if pd.isna(v) else fmt_int(v, lang) if u == "antal" else fmt_number(v, lang)
        for v, u in zip(values, units, strict=True)
    ]


def indicator_select(key_figures: pd.DataFrame, lang: str, *, key: str) -> str:
    """Choose one of the area's indicators with a fokusområde; returns its code."""
    rows = key_figures[key_figures["fokus_kod"].notna()].set_index("indikator_kod")
    name, fokus = ("namn_en", "fokus_en") if lang == "en" else ("namn_sv", "fokus_sv")
    labels = {k: f"{f}: {n}" for k, f, n in zip(rows.index, rows[fokus], rows[name], strict=True)}
    kod = links.selectbox(st, t("karta_indicator", lang), labels, indicator_names(rows), key=key)
    return kod


def trend_figure(kod: str, indikator: str, lang: str) -> go.Figure:
    """The area's trend in one indicator with its insatser as bands, built once per area, indicator and
    language (cleared with the other caches after every write)."""
    return cache.cached_figure("trend", (kod, indikator), lang, _build_trend)


def _build_trend(key: tuple[str, str], lang: str) -> go.Figure:
    kod, indikator = key
    row = data.omrade_key_figures(kod).set_index("indikator_kod").loc[indikator]
    return figures.trend_with_insats_bands(
        data.omrade_indicator_trend(kod, indikator),
        bands_for(data.omrade_insatser(kod), row["fokus_kod"]),
        omrade=kod,
        name=row["namn_en" if lang == "en" else "namn_sv"],
        unit=unit(row["enhet"], lang),
        lang=lang,
    )


def trend_table(trend: pd.DataFrame, area_name: str, lang: str, names: dict[str, str] | None = None) -> pd.DataFrame:
    """The trend's figures as a reader reads them (data.omrade_indicator_trend: ar, omrade_kod, varde,
    kalla): a row a year with the area and Malmö side by side, and the sources behind them by readable
    name (`names`, ui.document_names; exempeldata as such), separated by semicolons."""
    city = trend["omrade_kod"].astype(str) == "0"
    wide = trend.assign(vem=[t("col_malmo", lang) if c else area_name for c in city]).pivot_table(
        index="ar", columns="vem", values="varde", aggfunc="first"
    )
    kallor = trend.groupby("ar")["kalla"].agg(
        lambda k: "; ".join(sorted({provenance.source_label(x, lang, names) for x in k.dropna().astype(str)}))
    )
    out = pd.DataFrame({t("col_ar", lang): wide.index.astype(int)})
    for name in (area_name, t("col_malmo", lang)):
        out[name] = wide[name].to_numpy() if name in wide.columns else None
    out[t("col_dokument", lang)] = kallor.reindex(wide.index).to_numpy()
    return out


def bands_for(insatser: pd.DataFrame, fokus_kod: str) -> pd.DataFrame:
    """The area's own (not city-wide) granted insatser in a fokusområde, as periods for trend bands."""
    own = insatser[~insatser["hela_staden"] & (insatser["status"] != "föreslagen")]
    return own[own["fokus_kod"] == fokus_kod]


def official_statistics_section(kod: str, lang: str) -> None:
    """Official statistics fetched for the area (by `python -m lokalutveckling stats`), beside Malmö,
    with where and when each table was fetched. Areas whose delområden were not all in the answer have
    no value and say so."""
    df = data.statistik_omrade(kod)
    if df.empty:
        st.caption(t("stat_none", lang))
        return
    ui.badge("real")
    values = _by_unit(df["varde"], df["enhet"], lang)
    table = pd.DataFrame(
        {
            t("stat_table", lang): df["tabell_namn"].fillna(df["tabell_id"]),
            t("stat_variable", lang): df["variabel_namn"],
            t("col_ar", lang): df["ar"],
            t("col_omradet", lang): [
                v if complete else t("stat_incomplete", lang)
                for v, complete in zip(values, df["komplett"], strict=True)
            ],
            t("col_malmo", lang): [
                v if complete is not False else t("stat_incomplete", lang)
                for v, complete in zip(
                    _by_unit(df["stadens_varde"], df["enhet"], lang), df["stadens_komplett"], strict=True
                )
            ],
            t("col_enhet", lang): [unit(u, lang) for u in df["enhet"]],
            t("stat_note", lang): df["anmarkning"].fillna(""),
        }
    )
    if not table[t("stat_note", lang)].any():
        table = table.drop(columns=t("stat_note", lang))
    ui.table(table, key=f"statistik_{kod}")
    # One source per publisher, service and fetch day, with its tables (a refresh fetches many on one day).
    fetches = df.drop_duplicates(["tjanst", "tabell_id"]).assign(dag=lambda d: pd.to_datetime(d["hamtad"]).dt.date)
    sources = [
        t(
            "stat_source",
            lang,
            attribution=ui.literal(str(attribution)),
            service=provenance.SERVICES.get(tjanst, tjanst),
            table=ui.literal(", ".join(group["tabell_id"].astype(str))),
            date=dag.isoformat(),
        )
        for (attribution, tjanst, dag), group in fetches.groupby(["attribution", "tjanst", "dag"], sort=False)
    ]
    st.caption(t("stat_caption", lang, sources="; ".join(sources)))


def omrade_insatser_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Insatser in the area and city-wide: name, where, status, nämnd, fokusområde, kronor, period."""
    fokus = "fokus_en" if lang == "en" else "fokus_sv"
    period = [
        f"{fmt_date(pd.Timestamp(s).date())} – {fmt_date(pd.Timestamp(e).date()) if pd.notna(e) else ''}"
        for s, e in zip(df["startdatum"], df["slutdatum"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("col_insats", lang): df["namn"],
            t("col_plats", lang): [t("plats_hela_staden" if h else "plats_omradet", lang) for h in df["hela_staden"]],
            t("col_status", lang): [t(f"status_{s}", lang) for s in df["status"]],
            t("col_namnd", lang): namnd_names.translate(df["namnd"], lang),
            t("col_fokus", lang): df[fokus].fillna(""),
            t("col_kronor", lang): df["belopp_kr"],
            t("col_period", lang): period,
        }
    )


def similar_areas_section(kod: str, names: dict[str, str], lang: str) -> None:
    """The areas most like this one on chosen indicators, by a weighted distance whose weights are shown."""
    chosen = need_indicator_select(lang, key="omrade_likhet", label="similar_indicators")
    if not chosen:
        st.info(t("need_none", lang))
        return
    defs = data.indikatorer().set_index("indikator_kod")
    label = "namn_en" if lang == "en" else "namn_sv"
    st.caption(t("similar_weights_help", lang))
    columns = st.columns(min(len(chosen), 5))
    weights = {
        k: columns[i % len(columns)].select_slider(
            defs.loc[k, label], options=[0, 1, 2, 3], value=1, key=f"omrade_vikt_{k}", bind="query-params"
        )
        for i, k in enumerate(chosen)
    }
    values = data.indicator_latest(tuple(chosen))
    ui.badge(kind_of(values["kalla"]))
    try:
        ranked = analys.similar_areas(values[["indikator_kod", "omrade_kod", "varde"]], kod, weights)
    except ValueError as exc:
        st.warning(ui.literal(str(exc)))
        return
    used = ", ".join(f"{defs.loc[k, label]} × {w}" for k, w in weights.items() if w)
    st.markdown(t("similar_result", lang, namn=ui.literal(names[kod]), weights=used))
    wide = values.pivot_table(index="omrade_kod", columns="indikator_kod", values="varde", aggfunc="first")
    top = ranked.head(5)
    table = pd.DataFrame({t("col_omrade", lang): [names[kod]] + [names[k] for k in top["omrade_kod"]]})
    table[t("col_distance", lang)] = [fmt_number(d, lang, 2) for d in [0.0, *top["avstand"]]]
    for k in chosen:
        table[f"{defs.loc[k, label]} ({unit(defs.loc[k, 'enhet'], lang)})"] = [
            wide.loc[c, k] if c in wide.index else None for c in [kod, *top["omrade_kod"]]
        ]
    ui.table(
        table,
        key=f"likhet_{kod}",
        title=f"{t('similar_header', lang)}: {names[kod]}",
        sources=ui.sources_of(values.get("kalla")),
        kind=kind_of(values["kalla"]),
        exempel=exempel_text(values["kalla"], lang),
    )
    st.caption(
        t(
            "similar_caption_values",
            lang,
            year=int(values["ar"].max()),
            sources=ui.literal(provenance.indicator_sources(values["kalla"], source_names(lang), lang)),
        )
    )


def choose_area(index: area_names.NameIndex, names: dict[str, str], lang: str) -> str:
    """A name search (Enter shows its area when it leads to one; otherwise each matching name with a button
    per area) beside the list of areas, kept in the URL as the area's code; returns the chosen code."""
    search_col, choose_col = st.columns(2)
    query = search_col.text_input(
        t("omrade_search", lang),
        key=session.AREA_SEARCH,
        placeholder=t("omrade_search_hint", lang),
        on_change=_search_chosen,
        args=(index,),
    )
    # ?omrade=<code>; names of old links, and any name that leads to one area (?omrade=Seved)
    kod = links.selectbox(choose_col, t("omrade_choose", lang), names, area_names.url_names(index), key=session.AREA)
    _search_results(index, query, kod, lang)
    return kod


def _choose(kod: str) -> None:
    session.put(session.AREA, kod)


def _search_chosen(index: area_names.NameIndex) -> None:
    """A name typed (Enter): show its area at once when it leads to one."""
    kod = area_names.single_area(index, session.get(session.AREA_SEARCH, ""))
    if kod is not None:
        _choose(kod)


def _search_results(index: area_names.NameIndex, query: str, shown: str, lang: str) -> None:
    """How each matching name maps, with a button for each area it leads to that is not shown."""
    if not query.strip():
        return
    matches = area_names.find(index, query, limit=6)
    if not matches:
        st.info(t("omrade_search_none", lang), icon=":material/search_off:")
        return
    with st.container(border=True, key="omrade_sok_svar"):
        for i, name in enumerate(matches[:5]):
            text_col, go_col = st.columns([4, 1], vertical_alignment="center")
            text_col.markdown(area_names.explain(index, name, lang, ui.literal))
            for k in name.areas(index.order):
                if k != shown:
                    go_col.button(
                        ui.literal(t("omrade_search_go", lang, area=index.areas[k])),
                        key=f"omrade_sok_{i}_{k}",
                        on_click=_choose,
                        args=(k,),
                        width="stretch",
                    )
        if len(matches) > 5:
            st.caption(t("omrade_search_more", lang))
