"""Page parts shared by more than one page or too long for a page: KPI tiles, notes, tables, captions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import analys, data, documents, figures, maps, namnd_names, provenance, ui
from lokalutveckling.format import fmt_date, fmt_int, fmt_kr, fmt_mnkr, fmt_number
from lokalutveckling.i18n import t, unit
from lokalutveckling.store import cache
from lokalutveckling.ui import links


def kpi_tiles(f: data.Filter, lang: str) -> None:
    """The money per year and stage (beslut or förslag, by which organ and when: never one sum across
    years and stages), then insatser, områdesteam and kraftsamling (exempeldata)."""
    money = data.allocations_by_year_and_stadium(f)
    per = money.groupby(["ar", "stadium"], sort=True)
    total = view_total_figures(f)
    # At most three tiles a row: more cut the figures and names on a laptop or projector.
    slots = max(per.ngroups, 1) + (total is not None)
    cols = [
        column.container(border=True)
        for start in range(0, slots, 3)
        for column in st.columns(3)[: min(3, slots - start)]
    ]
    if money.empty:
        cols[0].metric(t("kpi_money_none", lang), "–")
    for col, ((year, stadium), rows) in zip(cols, per, strict=False):
        amount = int(rows["belopp_kr"].sum())
        kallor = ", ".join(sorted(set(", ".join(rows[f"kallor_{'en' if lang == 'en' else 'sv'}"]).split(", "))))
        col.metric(
            t("kpi_money_label", lang, ar=int(year), stadium=t(f"stadium_{stadium}", lang)),
            fmt_mnkr(amount, lang),
            help=t("kpi_money_help", lang, kr=fmt_kr(amount, lang), kallor=ui.literal(kallor)),
        )
        col.caption(" · ".join([fmt_kr(amount, lang), *(_decided_by(r, lang) for _, r in rows.iterrows())]))
        not_followed = filters_not_followed(f, lang, NOT_FOLLOWED_ALLOCATIONS)
        if not_followed:
            col.caption(":material/filter_alt_off: " + not_followed)
        with col:
            ui.badge("real_beslut" if stadium == "beslut" else "real_forslag")
    if total is not None:
        col = cols[max(per.ngroups, 1)]
        kronor, n, years = total
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        col.metric(
            f"{t('kpi_view_total', lang)} · {span}",
            fmt_mnkr(kronor, lang),
            help=view_total(f, lang).replace("**", ""),
        )
        detail = [fmt_kr(kronor, lang), t("kpi_view_total_detail", lang, n=n, stage=stage_of(f, lang))]
        if len(years) > 1:
            detail.append(t("scope_years", lang, n=len(years), parts=", ".join(map(str, years))))
        col.caption(" · ".join(detail))
        with col:
            ui.badge("mixed")
    st.caption(t("kpi_money_note", lang))

    status = data.insatser_by_status(f).set_index("status")["n_insatser"]
    on = data.reference_date(f)
    presence = data.presence(on)
    flags = data.insatser_flaggor_antal(date.today(), f)
    cols = st.columns(4, border=True)
    cols[0].metric(t("kpi_insatser", lang), int(status.sum()))
    cols[0].caption(
        t("kpi_insatser_detail", lang, running=int(status.get("pågående", 0)), stopped=int(status.get("avbruten", 0)))
    )
    cols[3].metric(t("kpi_flagged", lang), int(flags["n_flaggade"]), help=t("kpi_flagged_help", lang))
    cols[3].caption(
        t(
            "kpi_flagged_detail",
            lang,
            past=int(flags["n_efter_slutdatum"]),
            none=int(flags["n_ingen_uppfoljning_12_man"]),
        )
    )
    cols[3].page_link("pages/insatser.py", label=t("kpi_flagged_link", lang), query_params={"flaggade": "true"})
    cols[1].metric(t("kpi_team", lang), t("kpi_of_14", lang, n=int(presence["har_team"].sum())))
    cols[1].caption(t("kpi_as_of", lang, datum=fmt_date(on)))
    cols[2].metric(t("kpi_kraft", lang), t("kpi_of_14", lang, n=int(presence["kraftsamlande"].sum())))
    # Short names (the part before the comma): the full names hold commas themselves.
    cols[2].caption(
        " · ".join(ui.literal(n.split(",")[0]) for n in presence.loc[presence["kraftsamlande"], "namn"]) or "–"
    )
    areas_not_followed = filters_not_followed(f, lang, NOT_FOLLOWED_AREAS)
    if areas_not_followed:
        for col in (cols[1], cols[2]):
            col.caption(":material/filter_alt_off: " + areas_not_followed)
    for col in cols:
        with col:
            ui.badge("exempel")


def _decided_by(row: pd.Series, lang: str, *, markdown: bool = True) -> str:
    """Who decided or proposed, and when: 'Stadskontoret 2022-08-12, beslut planerat i KS 2022-08-17'; the
    names from the store shown literally in Markdown (`markdown`), as they are in a table cell or a file."""
    shown = ui.literal if markdown else str
    when = fmt_date(row["datum"].date()) if pd.notna(row["datum"]) else ""
    organ, paragraf = (shown(str(v)) if v else "" for v in (row["organ"], row["paragraf"]))
    text = " ".join(x for x in (organ, when, paragraf) if x and x != "None")
    if row["stadium"] == "förslag" and row["planerat_organ"]:
        planned = fmt_date(row["planerat_datum"].date()) if pd.notna(row["planerat_datum"]) else ""
        text += t("kpi_money_planned", lang, organ=shown(row["planerat_organ"]), datum=planned).rstrip()
    return text


def reconciliation_notes(lang: str) -> None:
    """Each declared total against its lines: a mismatch as a warning with both figures and the source,
    which opens the document at the total's line."""
    src = documents.sources(lang)
    for _, r in data.reconciliation().iterrows():
        values = {
            "kalla": r["finansieringskalla_en"] if lang == "en" else r["finansieringskalla"],
            "ar": int(r["ar"]),
            "declared": fmt_kr(r["deklarerat_kr"], lang),
            "rows": fmt_kr(r["summa_rader_kr"], lang),
            "diff": fmt_kr(r["differens_kr"], lang),
            "doc": src.markdown(r["kalla"], r["dokument_rad"]),
            "n": int(r["n_rader"]),
            "first": r["forsta_rad"],
            "last": r["sista_rad"],
        }
        if r["differens_kr"] != 0:
            st.warning(t("reconciliation_mismatch", lang, **values), icon=":material/warning:")
        else:
            st.caption(":material/check_circle: " + t("reconciliation_ok", lang, **values))


def allocation_caption(f: data.Filter, lang: str) -> str:
    """Sources and decision stage of the allocations shown."""
    lines = data.tilldelningar_as_written(f)
    if lines.empty:
        return t("empty", lang)
    stages = " ".join(provenance.stage_texts(lines, lang))
    return t("caption_real_alloc", lang, sources=ui.literal(ui.sources(lines["kalla"])), stage=stages)


def breakdown_caption(f: data.Filter, lang: str) -> str:
    """The caption of the insats-based charts: real totals, exempeldata breakdown."""
    lines = data.tilldelningar_as_written(f)
    return t("caption_breakdown", lang, sources=ui.literal(ui.sources(lines["kalla"])) or "–")


def allocation_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The allocation chart's figures: per nämnd, year, stage (with who decided or proposed, and when) and
    funding source, with the document and lines."""
    kalla = "finansieringskalla_en" if lang == "en" else "finansieringskalla"
    df = namnd_names.localize(df, lang, column="namnd", full=True)
    return pd.DataFrame(
        {
            t("col_namnd", lang): df["namnd"],
            t("col_ar", lang): df["ar"].astype(int),
            t("col_stadium", lang): [t(f"stadium_{s}", lang) for s in df["stadium"]],
            t("col_beslut_av", lang): [_decided_by(r, lang, markdown=False) for _, r in df.iterrows()],
            t("col_kalla", lang): df[kalla],
            t("col_kronor", lang): df["belopp_kr"],
            t("col_dokument", lang): _readable(df["kallor"], lang),
            t("col_rad", lang): df["rader"],
        }
    )


def _readable(kallor: pd.Series, lang: str) -> list[str]:
    """Each ', '-joined list of source ids as the documents' readable names ('Stadskontorets
    tjänsteskrivelse 2022-08-12'), never their file names (the names looked up once for the column)."""
    names = documents.sources(lang).names
    return [", ".join(names.get(k, k) for k in str(v or "").split(", ") if k) for v in kallor]


def money_scope(f: data.Filter, lang: str, *, apart: bool = False) -> str:
    """Which years and stages the money of a view comes from, said on the figure: '2022 · förslag
    (Stadskontoret 2022-08-12, beslut planerat i KS 2022-08-17); 2024 · förslag (KSAU 2024-09-09 § 414)'.
    Several years are named as a sum over them, never as one year's money."""
    money = data.allocations_by_year_and_stadium(f)
    if money.empty:
        return ""
    parts = [
        f"{int(year)} · {t(f'stadium_{stadium}', lang)} ({'; '.join(_decided_by(r, lang) for _, r in rows.iterrows())})"
        for (year, stadium), rows in money.groupby(["ar", "stadium"], sort=True)
    ]
    years = money["ar"].nunique()
    if apart:  # a figure that keeps each year and stage apart (the money per nämnd) names them, no sum
        key = "scope_one" if len(parts) == 1 else "scope_apart"
    else:
        key = "scope_one" if len(parts) == 1 else ("scope_years" if years > 1 else "scope_stages")
    return t(key, lang, parts="; ".join(parts), n=years)


def money_kind(f: data.Filter) -> str:
    """The badge of real money in the documents for a filter: 'real_beslut' when all of it is decided,
    'real_forslag' when all of it is proposed, else 'real_blandat' (the figure names each year's stage)."""
    stages = set(data.allocations_by_year_and_stadium(f)["stadium"])
    if stages == {"beslut"}:
        return "real_beslut"
    if stages == {"förslag"}:
        return "real_forslag"
    return "real_blandat"


def scope_lines(
    f: data.Filter,
    lang: str,
    *,
    ignored: dict[str, str] | None = None,
    total: bool = False,
    money: bool = True,
    apart: bool = False,
) -> list[str]:
    """What a figure says about itself beside its data: the years and stages of its money, the sidebar
    filters it does not follow and why, and the total of a filtered view (Markdown, with icons)."""
    lines = []
    if money and (scope := money_scope(f, lang, apart=apart)):
        lines.append(":material/calendar_month: " + scope)
    if ignored and (not_followed := filters_not_followed(f, lang, ignored)):
        lines.append(":material/filter_alt_off: " + not_followed)
    if total and (sum_text := view_total(f, lang)):
        lines.append(":material/functions: " + sum_text)
    return lines


def figure_scope(
    f: data.Filter,
    lang: str,
    *,
    ignored: dict[str, str] | None = None,
    total: bool = False,
    money: bool = True,
    apart: bool = False,
) -> str:
    """Shows scope_lines right under a figure's heading and returns them as one text, for the figure's
    image and its downloads (ui.chart's and ui.table's `scope`)."""
    lines = scope_lines(f, lang, ignored=ignored, total=total, money=money, apart=apart)
    for line in lines:
        st.caption(line)
    return " ".join(lines)


def map_scope(f: data.Filter, layer: maps.IndicatorLayer | None, lang: str) -> str:
    """What Karta's map follows: coloured by the kronor of the insatser it follows every sidebar filter
    (and says their years, stages and total); coloured by områdesteam or an indicator it follows none of
    them, and says so when one is set."""
    if layer is not None and layer.name == t("karta_money_name", lang):
        return figure_scope(f, lang, total=True)
    return figure_scope(f, lang, ignored=NOT_FOLLOWED_MAP, money=False)


# Which sidebar filters a figure does not follow, and why (text key of the reason).
NOT_FOLLOWED_ALLOCATIONS = {"fokus": "notfollowed_fokus_alloc"}
NOT_FOLLOWED_CHAIN = {"fokus": "notfollowed_chain"}
NOT_FOLLOWED_MAP = {
    "ar": "notfollowed_map_year",
    "kalla": "notfollowed_map",
    "fokus": "notfollowed_map",
    "namnd": "notfollowed_map",
}
NOT_FOLLOWED_NEED = {"kalla": "notfollowed_need", "fokus": "notfollowed_need", "namnd": "notfollowed_need"}
NOT_FOLLOWED_POLICE = {key: "notfollowed_police" for key in ("ar", "kalla", "fokus", "namnd")}
NOT_FOLLOWED_SOURCES = {key: "notfollowed_sources" for key in ("ar", "kalla", "fokus", "namnd")}
NOT_FOLLOWED_AREAS = {
    "kalla": "notfollowed_areas",
    "fokus": "notfollowed_areas",
    "namnd": "notfollowed_areas",
}


def filters_not_followed(f: data.Filter, lang: str, ignored: dict[str, str]) -> str:
    """The sentence a figure carries when a sidebar filter is set that it does not follow ('' when every set
    filter is followed): 'Följer inte filtret Fokusområde: källdokumenten anger inte fokusområde per
    tilldelning.'"""
    chosen = {"ar": f.ar, "kalla": f.kallor, "fokus": f.fokus, "namnd": f.namnder}
    reasons: dict[str, list[str]] = {}
    for key, reason in ignored.items():
        if chosen[key]:
            reasons.setdefault(reason, []).append(t(ui.FILTER_KEYS[key], lang))
    return " ".join(
        t("notfollowed", lang, filters=", ".join(names), reason=t(reason, lang)) for reason, names in reasons.items()
    )


def view_total_figures(f: data.Filter) -> tuple[int, int, list[int]] | None:
    """Kronor and number of the granted insatser a filtered view selects, and the years their money is
    of; None when no filter is set."""
    if f == data.ALL:
        return None
    status = data.insatser_by_status(f)
    granted = status[status["status"] != "föreslagen"]
    years = f.ar or tuple(sorted({int(a) for a in data.allocations_by_year_and_stadium(f)["ar"]}))
    return int(granted["belopp_kr"].fillna(0).sum()), int(granted["n_insatser"].sum()), list(years)


def view_total(f: data.Filter, lang: str) -> str:
    """The total of a filtered view of insatser (the amounts of the granted insatser that the filters
    select), with their number and where the amounts come from; '' when no filter is set."""
    total = view_total_figures(f)
    if total is None:
        return ""
    kronor, n, _years = total
    chosen = ui.literal(ui.filter_text()) or t("filter_all", lang)
    return t("view_total", lang, kr=fmt_kr(kronor, lang), n=n, filters=chosen, stage=stage_of(f, lang))


def stage_of(f: data.Filter, lang: str) -> str:
    """What the money of a view rests on, in words: 'beloppen bygger på förslag'."""
    return t(
        {"real_beslut": "stage_of_beslut", "real_forslag": "stage_of_forslag"}.get(money_kind(f), "stage_of_blandat"),
        lang,
    )


def matrix_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Nämnd × fokusområde figures, with translated headers."""
    fokus = "fokus_en" if lang == "en" else "fokus_sv"
    df = namnd_names.localize(df, lang, column="namnd", full=True)
    return df[["namnd", fokus, "belopp_kr", "n_insatser", "n_exempeldata"]].rename(
        columns={
            "namnd": t("col_namnd", lang),
            fokus: t("col_fokus", lang),
            "belopp_kr": t("col_kronor", lang),
            "n_insatser": t("col_insatser", lang),
            "n_exempeldata": t("col_exempel", lang),
        }
    )


def flow_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Källa → nämnd → fokusområde figures, with translated headers."""
    fokus = "fokus_en" if lang == "en" else "fokus_sv"
    kalla = "finansieringskalla_en" if lang == "en" else "finansieringskalla"
    df = namnd_names.localize(df, lang)
    return df[[kalla, "kortnamn", fokus, "belopp_kr", "n_insatser", "n_exempeldata"]].rename(
        columns={
            kalla: t("col_kalla", lang),
            "kortnamn": t("col_namnd", lang),
            fokus: t("col_fokus", lang),
            "belopp_kr": t("col_kronor", lang),
            "n_insatser": t("col_insatser", lang),
            "n_exempeldata": t("col_exempel", lang),
        }
    )


def status_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Insatser per status, with translated status names and headers."""
    out = df.assign(status=[t(f"status_{s}", lang) for s in df["status"]])
    return out[["status", "n_insatser", "belopp_kr", "n_exempeldata"]].rename(
        columns={
            "status": t("col_status", lang),
            "n_insatser": t("col_insatser", lang),
            "belopp_kr": t("col_kronor", lang),
            "n_exempeldata": t("col_exempel", lang),
        }
    )


def timeline_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The decision chain as a table: date, organ, paragraph, stage, what, the source document by its
    readable name (documents.Sources.name) and the line. pages/beslut.py shows the document as a link
    to that line (documents.linked_table); the download keeps name and line apart."""
    src = documents.sources(lang)
    out = df.assign(
        datum=[fmt_date(d.date()) if pd.notna(d) else str(a) for d, a in zip(df["datum"], df["ar"], strict=True)],
        stadium=[t(f"stadium_{s}", lang) for s in df["stadium"]],
        kalla=[src.name(k) for k in df["kalla"]],
    )
    return out[
        ["datum", "organ", "paragraf", "arende", "stadium", "rubrik", "belopp_kr", "kalla", "dokument_rad"]
    ].rename(
        columns={
            "datum": t("col_datum", lang),
            "organ": t("col_organ", lang),
            "paragraf": "§",
            "arende": t("col_arende", lang),
            "stadium": t("col_stadium", lang),
            "rubrik": t("col_rubrik", lang),
            "belopp_kr": t("col_kronor", lang),
            "kalla": t("col_dokument", lang),
            "dokument_rad": t("col_rad", lang),
        }
    )


def written_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Allocation lines as written, with year, source, the document by its readable name and the line
    (shown as a link to that line on pages/beslut.py, see timeline_table)."""
    src = documents.sources(lang)
    out = df.assign(
        kalla=[src.name(k) for k in df["kalla"]],
        stadium=[t(f"stadium_{s}", lang) for s in df["stadium"]],
    )
    return out[["ar", "stadium", "finansieringskalla", "mottagare_text", "belopp_kr", "kalla", "dokument_rad"]].rename(
        columns={
            "ar": t("col_ar", lang),
            "stadium": t("col_stadium", lang),
            "finansieringskalla": t("col_kalla", lang),
            "mottagare_text": t("col_mottagare", lang),
            "belopp_kr": t("col_kronor", lang),
            "kalla": t("col_dokument", lang),
            "dokument_rad": t("col_rad", lang),
        }
    )


def kallor_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The sources by readable name (with the organ), type, date, diarienummer and title, and how many
    rows of the store cite each (pages/beslut.py links each document to its text)."""
    src = documents.sources(lang)
    out = df.assign(
        kalla_id=[src.name(k) for k in df["kalla_id"]],
        datum=[fmt_date(d.date()) if pd.notna(d) else "" for d in df["datum"]],
        n_rader=[fmt_int(n, lang) for n in df["n_rader"]],
    )
    return out[["kalla_id", "typ", "datum", "arende", "titel", "n_rader"]].rename(
        columns={
            "kalla_id": t("col_dokument", lang),
            "typ": t("col_typ", lang),
            "datum": t("col_datum", lang),
            "arende": t("col_arende", lang),
            "titel": t("col_titel", lang),
            "n_rader": t("col_antal_rader", lang),
        }
    )


FIGURES: dict[str, Callable[[data.Filter, str], go.Figure]] = {
    # Nämnder by their names in the language (namnd_names): the charts' axes and labels.
    "allocation_bars": lambda f, lang: figures.allocation_bars(
        namnd_names.localize(data.allocations_by_namnd(f), lang), lang=lang
    ),
    "heatmap": lambda f, lang: figures.heatmap_namnd_fokus(
        namnd_names.localize(data.insatser_by_namnd_fokus(f), lang), data.fokusomraden(), lang=lang
    ),
    "stacked_bars": lambda f, lang: figures.stacked_bars_namnd_fokus(
        namnd_names.localize(data.insatser_by_namnd_fokus(f), lang), data.fokusomraden(), lang=lang
    ),
    "sankey": lambda f, lang: figures.sankey_flow(namnd_names.localize(data.flow(f), lang), lang=lang),
    "status": lambda f, lang: figures.status_bars(data.insatser_by_status(f), lang=lang),
    "timeline": lambda f, lang: figures.decision_timeline(data.beslut_timeline(f), lang=lang),
}


def figure(name: str, f: data.Filter, lang: str) -> go.Figure:
    """A page figure for a filter and language, built once and shared (building one costs 30–90 ms)."""
    return cache.cached_figure(name, f, lang, FIGURES[name])


def presence_legend(lang: str, *, team: bool = True) -> None:
    """The map's legend in the page, so it prints and reads with the map (`team`: the areas are coloured
    by områdesteam; otherwise the indicator legend above says what the colours mean)."""
    swatch = '<span style="display:inline-block;width:14px;height:14px;background:{c};border:{b};margin:0 6px -2px 0"></span>'
    items = (
        []
        if not team
        else [
            (swatch.format(c=maps.TEAM_COLOUR, b="1px solid #fff"), t("legend_team", lang)),
            (swatch.format(c=maps.NO_TEAM_COLOUR, b="1px solid #fff"), t("legend_no_team", lang)),
        ]
    )
    items += [
        (swatch.format(c="transparent", b=f"3px dashed {maps.KRAFT_COLOUR}"), t("legend_kraft", lang)),
        (swatch.format(c="transparent", b=f"3px solid {maps.POLICE_COLOUR}"), t("legend_police_special", lang)),
        (swatch.format(c="transparent", b=f"2px dotted {maps.POLICE_COLOUR}"), t("legend_police", lang)),
    ]
    # Each swatch stays on the line of its label.
    st.html(" &nbsp; ".join(f'<span style="white-space:nowrap">{s}{escape(label)}</span>' for s, label in items))


def presence_table(df: pd.DataFrame, indicator: maps.IndicatorLayer | None, lang: str) -> pd.DataFrame:
    """Per area: name, områdesteam start and whether active, kraftsamlande, and the indicator if shown."""
    yes, no = t("map_kraft_yes", lang), t("map_kraft_no", lang)
    out = pd.DataFrame(
        {
            t("col_omrade", lang): df["namn"],
            t("map_layer_team", lang): [yes if v else no for v in df["har_team"]],
            t("col_team_start", lang): [fmt_date(d.date()) if pd.notna(d) else "" for d in df["team_start"]],
            t("col_kraft", lang): [yes if v else no for v in df["kraftsamlande"]],
        }
    )
    if indicator is not None:
        values = indicator.values.set_index("omrade_kod")
        for column in ("n_insatser", "kronor"):
            if column in values:
                out[t(f"col_{column}", lang)] = [values[column].get(k) for k in df["omrade_kod"]]
        out[f"{indicator.name} {indicator.year} ({indicator.unit})"] = [
            round(v, 1) if pd.notna(v) else None for v in (values["varde"].get(k) for k in df["omrade_kod"])
        ]
    return out


def indicator_names(defs: pd.DataFrame) -> dict[str, str]:
    """Every name an indicator (indexed by indikator_kod) is shown by, in both languages, with and without
    its fokusområde: the names older links carry (see links)."""
    names: dict[str, str] = {}
    for kod, row in defs.iterrows():
        for language in ("sv", "en"):
            name, fokus = row.get(f"namn_{language}"), row.get(f"fokus_{language}")
            names[f"{fokus}: {name}"] = str(kod)
            names.setdefault(str(name), str(kod))
    return names


def indicator_choice(f: data.Filter, lang: str) -> maps.IndicatorLayer | None:
    """The colouring control: områdesteam, an indicator (grouped by fokusområde) in one of its years, or
    the kronor of the insatser shown by the sidebar filters, per inhabitant."""
    # The options are codes shown in the language, kept in the URL as codes (`?karta_farg=kronor`).
    choice = links.segmented_control(
        st,
        t("karta_colour_by", lang),
        *links.labelled(
            ["team", "indicator", "kronor"], lambda code, language: t(f"karta_colour_{code}", language), lang
        ),
        default="team",
        required=True,
        key="karta_farg",
    )
    if choice == "kronor":
        return _money_layer(f, lang)
    if choice != "indicator":
        return None
    defs = data.indikatorer()
    defs = defs[defs["fokus_kod"].notna()].set_index("indikator_kod")
    name = "namn_en" if lang == "en" else "namn_sv"
    fokus = "fokus_en" if lang == "en" else "fokus_sv"
    labels = {k: f"{f}: {n}" for k, f, n in zip(defs.index, defs[fokus], defs[name], strict=True)}
    left, right = st.columns([3, 1])
    kod = links.selectbox(left, t("karta_indicator", lang), labels, indicator_names(defs), key="karta_indikator")
    years = list(defs.loc[kod, "ar_lista"])
    year = right.selectbox(
        t("karta_indicator_year", lang), years[::-1], key=f"karta_indikator_ar_{kod}", bind="query-params"
    )
    values = data.indicator_values(kod, int(year))
    city = values["stadens_varde"].dropna()
    return maps.IndicatorLayer(
        values=values,
        name=defs.loc[kod, name],
        unit=unit(defs.loc[kod, "enhet"], lang),
        year=int(year),
        higher_is_better=defs.loc[kod, "hogre_ar_battre"],
        city_value=float(city.iloc[0]) if not city.empty else None,
    )


def _money_layer(f: data.Filter, lang: str) -> maps.IndicatorLayer:
    """Kronor per inhabitant per area; the hela staden insatser are reported apart, not spread out."""
    areas = data.insatser_by_omrade(f)
    city = data.insatser_hela_staden(f).iloc[0]
    st.caption(
        t(
            "karta_money_rule",
            lang,
            n=int(city["n_insatser"]),
            kronor=fmt_kr(city["kronor"], lang),
            year=int(areas["folkmangd_ar"].max()),
        )
    )
    values = areas.assign(varde=areas["kronor_per_invanare"], kalla=areas["kallor"])
    return maps.IndicatorLayer(
        values=values[["omrade_kod", "varde", "kalla", "n_insatser", "kronor"]],
        name=t("karta_money_name", lang),
        unit=t("karta_money_unit", lang),
        year=max(f.ar) if f.ar else int(areas["folkmangd_ar"].max()),
        higher_is_better=None,
        city_value=float(areas["kronor"].sum() / areas["folkmangd"].sum()),
    )


def indicator_legend(layer: maps.IndicatorLayer, lang: str) -> None:
    """The classes with their value ranges, the direction, the city value and the source."""
    values = layer.values.set_index("omrade_kod")["varde"]
    ranges = maps.class_ranges(values, maps.indicator_classes(values, layer.higher_is_better))
    swatch = '<span style="display:inline-block;width:14px;height:14px;background:{c};border:1px solid #999;margin:0 6px -2px 0"></span>'
    items = [
        f"{swatch.format(c=maps.CLASS_COLOURS[c])}{fmt_number(lo, lang)}–{fmt_number(hi, lang)}" for c, lo, hi in ranges
    ]
    st.html(f"<b>{escape(layer.name)} {layer.year}</b> ({escape(layer.unit)}): " + " &nbsp; ".join(items))
    city = ui.literal(f"{fmt_number(layer.city_value, lang)} {layer.unit}") if layer.city_value is not None else "–"
    sources = ui.literal(
        ", ".join(sorted({s for v in layer.values["kalla"].dropna() for s in str(v).split(", ")})) or "–"
    )
    if layer.higher_is_better is None:
        st.caption(t("karta_classes_plain", lang, city=city, source=sources))
        return
    direction = "direction_higher" if layer.higher_is_better else "direction_lower"
    st.caption(t("karta_classes", lang, direction=t(direction, lang), city=city, source=sources, year=layer.year))


def omrade_status(row: pd.Series, lang: str) -> str:
    """'Områdesteam: sedan 2019-01-01. Kraftsamlande: ja.'"""
    team = (
        t("map_team_since", lang, datum=fmt_date(pd.Timestamp(row["team_start"]).date()))
        if row["har_team"]
        else t("map_no_team", lang)
    )
    kraft = t("map_kraft_yes", lang) if row["kraftsamlande"] else t("map_kraft_no", lang)
    return t("omrade_status", lang, team=team, kraft=kraft)


def key_figures_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Indicator, fokusområde, year, the area's value, Malmö's value and the unit."""
    name, fokus = ("namn_en", "fokus_en") if lang == "en" else ("namn_sv", "fokus_sv")
    return pd.DataFrame(
        {
            t("col_indikator", lang): df[name],
            t("col_fokus", lang): df[fokus].fillna(""),
            t("col_ar", lang): df["ar"],
            t("col_omradet", lang): _by_unit(df["varde"], df["enhet"], lang),
            t("col_malmo", lang): _by_unit(df["stadens_varde"], df["enhet"], lang),
            t("col_enhet", lang): [unit(u, lang) for u in df["enhet"]],
        }
    )


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


def bands_for(insatser: pd.DataFrame, fokus_kod: str) -> pd.DataFrame:
    """The area's own (not city-wide) granted insatser in a fokusområde, as periods for trend bands."""
    own = insatser[~insatser["hela_staden"] & (insatser["status"] != "föreslagen")]
    return own[own["fokus_kod"] == fokus_kod]


def official_statistics_section(kod: str, lang: str) -> None:
    """Official statistics fetched for the area (by `python -m lokalutveckling.sources.statistik`), beside Malmö,
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
    fetches = df.drop_duplicates(["tjanst", "tabell_id"])
    st.caption(
        t(
            "stat_caption",
            lang,
            sources="; ".join(
                t(
                    "stat_source",
                    lang,
                    attribution=ui.literal(str(r.attribution)),
                    service=provenance.SERVICES.get(r.tjanst, r.tjanst),
                    table=ui.literal(str(r.tabell_id)),
                    date=pd.Timestamp(r.hamtad).date().isoformat(),
                )
                for r in fetches.itertuples(index=False)
            ),
        )
    )


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


MAP_KEY = "karta_omradesteam"
_CLICKED = "_karta_klickat_omrade"


def remember_clicked_area() -> None:
    """st_folium's on_change: keep the code of the area just clicked (the page then opens its profile)."""
    clicked = (st.session_state.get(MAP_KEY) or {}).get("last_active_drawing") or {}
    code = (clicked.get("properties") or {}).get("omrade_kod")
    if code:
        st.session_state[_CLICKED] = str(code)


def open_clicked_area() -> None:
    """After a click on an area: open Område for it; language and sidebar filters stay as they are."""
    code = st.session_state.pop(_CLICKED, None)
    if code is None:
        return
    areas = data.presence(date.today())
    names = dict(zip(areas["omrade_kod"], areas["namn"], strict=True))
    if code not in names:
        return
    # Only the area, by its code: the language and the sidebar filters keep their values (and put them
    # back in the URL) on the next page by themselves.
    st.switch_page("pages/omrade.py", query_params={"omrade": code})


def police_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The police's areas as listed, the delområden that stand in for them, and the source."""
    groups = maps.police_groups(df)
    areas = dict(zip(df["omrade_kod"].astype(str), df["omrade"], strict=False))
    return pd.DataFrame(
        {
            t("col_police_area", lang): [g["namn"] for g in groups],
            t("col_police_category", lang): [
                t("police_special" if g["kategori"] == "särskilt utsatt" else "police_vulnerable", lang) for g in groups
            ],
            t("col_ar", lang): [str(g["ar"]) for g in groups],
            t("col_police_delomraden", lang): [", ".join(g["delomraden"]) for g in groups],
            t("col_omrade", lang): ["; ".join(areas[c] for c in g["omrade_kod"]) for g in groups],
            t("col_police_approx", lang): [g["avgransning"] for g in groups],
            t("col_dokument", lang): [g["kalla"] for g in groups],
        }
    )


NEED_DEFAULT = ("forvarvsfrekvens", "ekonomiskt_bistand", "trangboddhet", "behorighet_gymnasiet", "otrygghet")


def need_indicator_select(
    lang: str, *, key: str, default: tuple[str, ...] = NEED_DEFAULT, label: str = "need_indicators"
) -> list[str]:
    """Indicators with a known direction (need can be read from them), grouped by fokusområde label."""
    defs = data.indikatorer()
    defs = defs[defs["fokus_kod"].notna() & defs["hogre_ar_battre"].notna()].set_index("indikator_kod")
    name = "namn_en" if lang == "en" else "namn_sv"
    fokus = "fokus_en" if lang == "en" else "fokus_sv"
    labels = {k: f"{f}: {n}" for k, f, n in zip(defs.index, defs[fokus], defs[name], strict=True)}
    return links.multiselect(
        st,
        t(label, lang),
        labels,
        indicator_names(defs),
        default=[k for k in default if k in labels],
        select_all=False,
        key=key,
        placeholder=t("need_choose", lang),
    )


def need_presence(f: data.Filter, indicators: list[str], lang: str) -> tuple[pd.DataFrame, float | None]:
    """The need/presence result per area (see analys) and the x position of the high-need line."""
    chosen = data.indicator_latest(tuple(indicators))
    directions = dict(zip(chosen["indikator_kod"], chosen["hogre_ar_battre"].astype(bool), strict=False))
    need = analys.need_index(chosen[["indikator_kod", "omrade_kod", "varde"]], directions)
    presence = data.presence(date.today())
    markers = analys.presence_markers(presence, data.insatser_by_omrade(f))
    result = analys.flag_high_need_low_presence(need, markers).merge(presence[["omrade_kod", "namn"]], on="omrade_kod")
    ranked = result["behovsindex"].dropna().sort_values(ascending=False).tolist()
    cutoff = analys.high_need_cutoff(len(ranked))
    line = (ranked[cutoff - 1] + ranked[cutoff]) / 2 if 0 < cutoff < len(ranked) else None
    return result, line


def need_figure(f: data.Filter, indicators: list[str], lang: str) -> go.Figure:
    """The need/presence scatter, built once per filter, indicators, day and language (cleared with the
    other caches after every write)."""
    return cache.cached_figure("need", (f, tuple(indicators), date.today()), lang, _build_need_figure)


def _build_need_figure(key: tuple[data.Filter, tuple[str, ...], date], lang: str) -> go.Figure:
    f, indicators, _day = key
    result, cutoff = need_presence(f, list(indicators), lang)
    return figures.need_presence_scatter(result, lang=lang, cutoff_index=cutoff)


def need_rule_text(result: pd.DataFrame, indicators: list[str], lang: str) -> str:
    """The rule the page used, in words, with its actual numbers."""
    rule = analys.Rule()
    n = int(result["behovsindex"].notna().sum())
    years = sorted(set(data.indicator_latest(tuple(indicators))["ar"].astype(int)))
    return t(
        "need_rule",
        lang,
        k=len(indicators),
        years=", ".join(str(y) for y in years),
        top=analys.high_need_cutoff(n, rule),
        n=n,
        markers=rule.max_markers,
        median=fmt_kr(float(result["median_kr"].iloc[0]), lang) if len(result) else "–",
    )


def need_table(result: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The need/presence result as a table, most need first."""
    yes, no = t("yes", lang), t("no", lang)
    return pd.DataFrame(
        {
            t("col_omrade", lang): result["namn"],
            t("col_need_rank", lang): [str(int(r)) if pd.notna(r) else "" for r in result["behovsrang"]],
            t("col_need_index", lang): result["behovsindex"].round(2),
            t("col_need_n", lang): result["n_indikatorer"],
            t("col_team", lang): [yes if v else no for v in result["har_team"]],
            t("col_kraft", lang): [yes if v else no for v in result["kraftsamlande"]],
            t("col_kr_per_inv", lang): result["kronor_per_invanare"].round(1),
            t("col_markers", lang): [f"{int(m)} / 3" for m in result["markorer"]],
            t("col_flag", lang): [t("need_flag_yes", lang) if v else "" for v in result["flagga"]],
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
    ui.table(table, key=f"likhet_{kod}")
    st.caption(t("similar_caption", lang, year=int(values["ar"].max())))
