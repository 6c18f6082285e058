"""Barn och unga (issue 17, item 4): kronor to children and young people per area and per inhabitant aged 0–19.

Three parts, all from data.barn_omraden / data.barn_kraftsamling (queries/barn/omraden.sql): on the area
profile the children's share of the area's kronor per year against Malmö, the kraftsamlande areas and the
others (`omrade_section`, called from views.befolkning.section); Karta's colouring by kronor per child or
young inhabitant for one year (`karta_layer`); the kraftsamlande areas against the rest per year
(`kraftsamling_section`). The rule is the Karta kronor layer's: granted area-level insatser (not föreslagen,
not hela staden), an insats in several areas split evenly between them. Every year on its own."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import data, maps, provenance, ui
from lokalutveckling.figures import barn as barn_figures
from lokalutveckling.format import fmt_date, fmt_int, fmt_kr, fmt_pct
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.views import indicators

GROUP_LABELS = {g: f"barn_group_{g}" for g in data.BARN_GRUPPER}
MAP_YEAR_KEY = "karta_barn_ar"


def badge_kind(*kallor: pd.Series) -> str:
    """The badge of values by their `kalla` (views.indicators.kind_of): 'exempel' when every one is
    exempeldata, 'mixed_statistik' when some are, 'real_statistik' when none is ('real' when a value comes
    from a document or an import rather than official statistics)."""
    values = pd.concat([k.dropna().astype(str) for k in kallor], ignore_index=True)
    kind = indicators.kind_of(values)
    if kind == "real_statistik" and not all(provenance.service_of(k) for k in values):
        return "real"
    return kind


def sources_text(lang: str, *kallor: pd.Series) -> str:
    """The sources of the values by readable name in the page's language (an official source 'fetched …' in
    English), exempeldata as such."""
    names = {**indicators.source_names(lang), "exempeldata": t("source_exempel", lang)}
    return provenance.source_list(pd.concat([k.dropna() for k in kallor], ignore_index=True), names)


def split_kallor(kallor: pd.Series) -> pd.Series:
    """Comma-joined source ids ('a, b') one per row."""
    return kallor.dropna().astype(str).str.split(", ").explode()


def _per(value: object, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else fmt_kr(value, lang)


def _group(groups: pd.DataFrame, ar: int, grupp: str) -> pd.Series:
    return groups[(groups["ar"] == ar) & (groups["grupp"] == grupp)].iloc[0]


# ---- the area profile


def share_table(area: pd.DataFrame, groups: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per year (data.barn_omraden's rows for one area, data.barn_kraftsamling): the area's kronor to barn och
    unga (numbers, the money column), all its area-level kronor, the children's share, their insatser and of
    them exempeldata, inhabitants 0–19 and of which year, kronor per inhabitant 0–19 in the area, Malmö, the
    kraftsamlande and the other areas, whether the area was kraftsamlande, and the sources."""
    name = str(area["namn"].iloc[0]) if not area.empty else ""
    yes, no = t("map_kraft_yes", lang), t("map_kraft_no", lang)
    names = {**indicators.source_names(lang), "exempeldata": t("source_exempel", lang)}
    order = ("malmo", "kraftsamlande", "ovriga")
    per = {g: [_per(_group(groups, int(y), g)["kronor_per_barn"], lang) for y in area["ar"]] for g in order}
    return pd.DataFrame(
        {
            t("col_ar", lang): area["ar"].astype(int).to_numpy(),
            t("col_kronor", lang): area["barn_kronor"].round().astype("int64").to_numpy(),
            t("barn_col_alla", lang): [fmt_kr(v, lang) for v in area["alla_kronor"]],
            t("barn_col_andel", lang): ["–" if pd.isna(v) else fmt_pct(100 * v, lang) for v in area["barn_andel"]],
            t("col_insatser", lang): area["barn_insatser"].astype(int).to_numpy(),
            t("col_exempel", lang): area["barn_exempel"].astype(int).to_numpy(),
            t("barn_col_population", lang): ["–" if pd.isna(v) else fmt_int(v, lang) for v in area["befolkning_0_19"]],
            t("barn_col_population_year", lang): ["–" if pd.isna(v) else str(int(v)) for v in area["befolkning_ar"]],
            t("barn_col_per", lang, name=name): [_per(v, lang) for v in area["kronor_per_barn"]],
            **{t("barn_col_per", lang, name=t(GROUP_LABELS[g], lang)): per[g] for g in order},
            t("col_kraft", lang): [yes if v else no for v in area["kraftsamlande"]],
            t("barn_col_insats_source", lang): [
                "" if pd.isna(k) else provenance.source_list(pd.Series([k]), names) for k in area["kallor"]
            ],
            t("barn_col_population_source", lang): [
                "" if pd.isna(k) else provenance.source_list(pd.Series([k]), names) for k in area["befolkning_kalla"]
            ],
        }
    )


def share_sentence(area: pd.DataFrame, groups: pd.DataFrame, lang: str) -> str:
    """Per year: the area's kronor to barn och unga, their share of its kronor, and kronor per inhabitant
    0–19 against Malmö's, the kraftsamlande areas' and the others'; then what is exempeldata."""
    parts = []
    for _, row in area.iterrows():
        year = int(row["ar"])
        kraft, ovriga, malmo = (_group(groups, year, g) for g in data.BARN_GRUPPER)
        share = (
            t("barn_no_area_kronor", lang)
            if pd.isna(row["barn_andel"])
            else t("barn_share_of", lang, share=fmt_pct(100 * row["barn_andel"], lang))
        )
        values = {
            "year": year,
            "kronor": fmt_kr(row["barn_kronor"], lang),
            "share": share,
            "per": _per(row["kronor_per_barn"], lang),
            "population_year": "–" if pd.isna(row["befolkning_ar"]) else int(row["befolkning_ar"]),
            "malmo": _per(malmo["kronor_per_barn"], lang),
        }
        if kraft["omraden"]:
            parts.append(
                t(
                    "barn_share_year",
                    lang,
                    kraft=_per(kraft["kronor_per_barn"], lang),
                    ovriga=_per(ovriga["kronor_per_barn"], lang),
                    **values,
                )
            )
        else:
            parts.append(t("barn_share_year_no_kraft", lang, **values))
    return " ".join(parts)


def share_series(area: pd.DataFrame, groups: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chart's series: the area, Malmö, the kraftsamlande and the other areas, per year."""
    name = str(area["namn"].iloc[0])
    columns = ["ar", "kronor_per_barn", "barn_kronor", "befolkning_0_19", "befolkning_ar"]
    order = ["malmo", "kraftsamlande", "ovriga"]
    rows = [area[columns].assign(serie=name, grupp="omrade")]
    for g in order:
        part = groups[(groups["grupp"] == g) & groups["ar"].isin(area["ar"])]
        rows.append(part[[*columns, "grupp"]].assign(serie=t(GROUP_LABELS[g], lang)))
    return pd.concat(rows, ignore_index=True)


def omrade_section(kod: str, lang: str) -> None:
    """On the area profile: per year the area's kronor to barn och unga, their share of the area's kronor,
    and kronor per inhabitant 0–19 against Malmö, the kraftsamlande areas and the others (a chart with its
    table, sentence and sources through ui.chart), exempeldata marked."""
    areas = data.barn_omraden()
    area = areas[areas["omrade_kod"] == kod]
    kind = badge_kind(split_kallor(areas["kallor"]), areas["befolkning_kalla"], areas["kraft_kalla"])
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{t('barn_share_header', lang)}**", width="content")
        if not area.empty:
            ui.badge(kind)
    if area.empty:
        st.caption(t("barn_share_none", lang))
        return
    groups = data.barn_kraftsamling()
    sentence = share_sentence(area, groups, lang)
    if kind == "exempel":
        sentence = f"{sentence} {t('barn_exempel_sentence', lang)}"
    insats_sources = sources_text(lang, split_kallor(areas["kallor"]))
    population_sources = sources_text(lang, areas["befolkning_kalla"])
    ui.chart(
        cache.cached_figure("barn_andel", kod, lang, _share_figure),  # once per area and language
        share_table(area, groups, lang),
        key=f"barn_andel_{kod}",
        sentence=sentence,
        kind=kind,
        sources=sources_text(lang, split_kallor(areas["kallor"]), areas["befolkning_kalla"], areas["kraft_kalla"]),
        caption=t(
            "barn_share_caption",
            lang,
            rule=t("barn_rule", lang),
            groups=t("barn_groups_rule", lang),
            insats_sources=ui.literal(insats_sources) or "–",
            population_sources=ui.literal(population_sources) or "–",
        ),
    )


def _share_figure(kod: object, lang: str) -> go.Figure:
    """omrade_section's chart for one area (built once per area and language, cleared after every write)."""
    areas = data.barn_omraden()
    area = areas[areas["omrade_kod"] == kod]
    title = t("barn_share_title", lang, name=str(area["namn"].iloc[0]))
    return barn_figures.per_child_bars(share_series(area, data.barn_kraftsamling(), lang), title=title, lang=lang)


# ---- Karta


def karta_layer(f: data.Filter, lang: str) -> maps.IndicatorLayer:
    """Karta coloured by kronor to barn och unga per inhabitant 0–19 in one year (the select `karta_barn_ar`,
    in the URL; default the newest year with such money). A kronor layer (indikator_kod None): it follows the
    sidebar filters as the kronor layer does, the year filter choosing the years offered. The values per area:
    omrade_kod, varde (kronor per inhabitant 0–19), kalla (the insatser's and the population's sources),
    n_insatser, kronor; city_value Malmö's (the 14 areas together)."""
    areas = data.barn_omraden(f)
    years = sorted({int(y) for y in areas["ar"]}, reverse=True)
    if not years:
        st.caption(t("barn_map_none", lang))
        presence = data.presence(data.reference_date(f))
        empty = pd.DataFrame({"omrade_kod": presence["omrade_kod"], "varde": float("nan"), "kalla": None})
        return maps.IndicatorLayer(
            values=empty.assign(n_insatser=0, kronor=0.0),
            name=t("barn_map_name", lang),
            unit=t("barn_map_unit", lang),
            year=max(f.ar) if f.ar else data.reference_date(f).year,
            higher_is_better=None,
            city_value=None,
        )
    year = int(st.selectbox(t("barn_map_year", lang), years, key=MAP_YEAR_KEY, bind="query-params"))
    rows = areas[areas["ar"] == year]
    malmo = _group(data.barn_kraftsamling(f), year, "malmo")
    population_year = rows["befolkning_ar"].dropna()
    st.caption(
        t(
            "barn_map_rule",
            lang,
            rule=t("barn_rule", lang),
            year=year,
            population_year=int(population_year.max()) if not population_year.empty else "–",
        )
    )
    kalla = [
        ", ".join(sorted({s for v in (k, b) if isinstance(v, str) for s in v.split(", ")})) or None
        for k, b in zip(rows["kallor"], rows["befolkning_kalla"], strict=True)
    ]
    values = pd.DataFrame(
        {
            "omrade_kod": rows["omrade_kod"].to_numpy(),
            "varde": rows["kronor_per_barn"].astype(float).to_numpy(),
            "kalla": kalla,
            "n_insatser": rows["barn_insatser"].astype(int).to_numpy(),
            "kronor": rows["barn_kronor"].round().to_numpy(),
        }
    )
    per = malmo["kronor_per_barn"]
    return maps.IndicatorLayer(
        values=values,
        name=t("barn_map_name", lang),
        unit=t("barn_map_unit", lang),
        year=year,
        higher_is_better=None,
        city_value=None if per is None or pd.isna(per) else float(per),
    )


# ---- kraftsamlande areas against the rest


def kraftsamling_table(groups: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per year and group (data.barn_kraftsamling): how many areas and which, kronor to barn och unga (the
    money column), all the group's area-level kronor, the children's share, inhabitants 0–19 and of which
    year, kronor per inhabitant 0–19 (a ratio of sums), the insatser and of them exempeldata."""
    return pd.DataFrame(
        {
            t("col_ar", lang): groups["ar"].astype(int).to_numpy(),
            t("barn_col_group", lang): [t(GROUP_LABELS[g], lang) for g in groups["grupp"]],
            t("barn_col_areas", lang): groups["omraden"].astype(int).to_numpy(),
            t("barn_col_area_names", lang): ["; ".join(n) for n in groups["namn"]],
            t("col_kronor", lang): groups["barn_kronor"].round().astype("int64").to_numpy(),
            t("barn_col_alla", lang): [fmt_kr(v, lang) for v in groups["alla_kronor"]],
            t("barn_col_andel", lang): [_pct(v, lang) for v in groups["barn_andel"]],
            t("barn_col_population", lang): [
                "–" if pd.isna(v) else fmt_int(v, lang) for v in groups["befolkning_0_19"]
            ],
            t("barn_col_population_year", lang): ["–" if pd.isna(v) else str(int(v)) for v in groups["befolkning_ar"]],
            t("barn_col_per_group", lang): [_per(v, lang) for v in groups["kronor_per_barn"]],
            t("col_insatser", lang): groups["barn_insatser"].astype(int).to_numpy(),
            t("col_exempel", lang): groups["barn_exempel"].astype(int).to_numpy(),
        }
    )


def _pct(value: object, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else fmt_pct(100 * float(value), lang)


def kraftsamling_sentence(groups: pd.DataFrame, lang: str) -> str:
    """Per year: kronor per inhabitant 0–19 in the kraftsamlande areas, the others and Malmö."""
    parts = []
    for year in sorted({int(y) for y in groups["ar"]}):
        kraft, ovriga, malmo = (_group(groups, year, g) for g in data.BARN_GRUPPER)
        if kraft["omraden"]:
            parts.append(
                t(
                    "barn_kraft_year",
                    lang,
                    year=year,
                    n=int(kraft["omraden"]),
                    kraft=_per(kraft["kronor_per_barn"], lang),
                    ovriga=_per(ovriga["kronor_per_barn"], lang),
                    malmo=_per(malmo["kronor_per_barn"], lang),
                )
            )
        else:
            parts.append(t("barn_kraft_year_none", lang, year=year, malmo=_per(malmo["kronor_per_barn"], lang)))
    return " ".join(parts)


def kraftsamling_areas_text(periods: pd.DataFrame, lang: str) -> str:
    """Which areas are kraftsamlande and since when ('Örtagården, Herrgården m fl (från 2025-01-01)'), and
    that the choice is exempeldata when it is."""
    if periods.empty:
        return t("barn_kraft_no_areas", lang)
    named = [
        t("barn_kraft_area", lang, name=r["namn"], start=fmt_date(r["startdatum"].date()))
        if pd.isna(r["slutdatum"])
        else t(
            "barn_kraft_area_ended",
            lang,
            name=r["namn"],
            start=fmt_date(r["startdatum"].date()),
            end=fmt_date(r["slutdatum"].date()),
        )
        for _, r in periods.iterrows()
    ]
    text = t("barn_kraft_areas", lang, areas="; ".join(named))
    if (periods["kalla"] == "exempeldata").any():
        text = f"{text} {t('barn_kraft_exempel', lang)}"
    return text


def kraftsamling_section(lang: str, f: data.Filter | None = None) -> None:
    """The kraftsamlande areas against the rest and Malmö per year: kronor to barn och unga per inhabitant
    0–19 (chart and table through ui.chart), with the rule in words: which areas, since when, exempeldata.
    With `f` (the sidebar's filters) it follows them as Karta's barn och unga colouring does; without, it
    follows none and says so."""
    follows = f is not None
    f = f if f is not None else data.ALL
    areas = data.barn_omraden(f)
    groups = data.barn_kraftsamling(f)
    periods = data.barn_kraftsamlande_omraden()
    kind = badge_kind(split_kallor(areas["kallor"]), areas["befolkning_kalla"], periods["kalla"])
    with st.container(horizontal=True, vertical_alignment="center"):
        st.subheader(t("barn_kraft_header", lang), width="content")
        ui.badge(kind)
    st.markdown(ui.literal(kraftsamling_areas_text(periods, lang)))
    if groups.empty:
        st.caption(t("barn_map_none", lang))
        return
    series = groups.assign(serie=[t(GROUP_LABELS[g], lang) for g in groups["grupp"]])
    sentence = kraftsamling_sentence(groups, lang)
    if kind == "exempel":
        sentence = f"{sentence} {t('barn_exempel_sentence', lang)}"
    ui.chart(
        barn_figures.per_child_bars(series, title=t("barn_kraft_title", lang), lang=lang),
        kraftsamling_table(groups, lang),
        key="barn_kraftsamling",
        sentence=sentence,
        kind=kind,
        sources=sources_text(lang, split_kallor(areas["kallor"]), areas["befolkning_kalla"], periods["kalla"]),
        ignored=() if follows else tuple(ui.FILTER_KEYS),
        caption=t(
            "barn_kraft_caption",
            lang,
            rule=t("barn_rule", lang),
            groups=t("barn_groups_rule", lang),
            insats_sources=ui.literal(sources_text(lang, split_kallor(areas["kallor"]))) or "–",
            population_sources=ui.literal(sources_text(lang, areas["befolkning_kalla"])) or "–",
            kraft_sources=ui.literal(sources_text(lang, periods["kalla"])) or "–",
        ),
    )
