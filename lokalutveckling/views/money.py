"""What a money figure says about itself: the years and stages (beslut or förslag, by which organ and when)
its money comes from, the sidebar filters it does not follow and why, and the total of a filtered view;
and the money per nämnd (Översikt, Nämnder) with its table and captions."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import data, figures, namnd_names, narrative, provenance, ui
from lokalutveckling.format import fmt_date, fmt_kr
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.views import dokument

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
    chosen = {"ar": f.ar, "kalla": f.finansiering, "fokus": f.fokus, "namnd": f.namnder}
    reasons: dict[str, list[str]] = {}
    for key, reason in ignored.items():
        if chosen[key]:
            reasons.setdefault(reason, []).append(t(ui.FILTER_KEYS[key], lang))
    return " ".join(
        t("notfollowed", lang, filters=", ".join(names), reason=t(reason, lang)) for reason, names in reasons.items()
    )


def money_scope(f: data.Filter, lang: str, *, apart: bool = False) -> str:
    """Which years and stages the money of a view comes from, said on the figure: '2022 · förslag
    (Stadskontoret 2022-08-12, beslut planerat i KS 2022-08-17); 2024 · förslag (KSAU 2024-09-09 § 414)'.
    Several years are named as a sum over them, never as one year's money."""
    money = data.allocations_by_year_and_stadium(f)
    if money.empty:
        return ""
    parts = [
        f"{int(year)} · {t(f'stadium_{stadium}', lang)} ({'; '.join(decided_by(r, lang) for _, r in rows.iterrows())})"
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


def stage_of(f: data.Filter, lang: str) -> str:
    """What the money of a view rests on, in words: 'beloppen bygger på förslag'."""
    return t(
        {"real_beslut": "stage_of_beslut", "real_forslag": "stage_of_forslag"}.get(money_kind(f), "stage_of_blandat"),
        lang,
    )


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


def decided_by(row: pd.Series, lang: str, *, markdown: bool = True) -> str:
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


def allocation_bars(f: data.Filter, lang: str) -> go.Figure:
    """The money per nämnd, each year and stage apart, built once per filter and language and shared
    (building one costs 30–90 ms; cleared with the other caches after every write)."""
    return cache.cached_figure("allocation_bars", f, lang, _build_allocation_bars)


def _build_allocation_bars(f: data.Filter, lang: str) -> go.Figure:
    # Nämnder by their names in the language (namnd_names): the chart's axis and labels.
    return figures.allocation_bars(namnd_names.localize(data.allocations_by_namnd(f), lang), lang=lang)


def allocation_sentence(f: data.Filter, lang: str) -> str:
    """The allocation chart's sentences (narrative.allocations), written once per filter and language and
    shared like the chart (6 ms of pandas work a run on Översikt and Nämnder otherwise)."""
    return cache.cached_text("allocation_sentence", f, lang, _write_allocation_sentence)


def _write_allocation_sentence(f: data.Filter, lang: str) -> str:
    return narrative.allocations(data.allocations_by_namnd(f), lang)


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
            t("col_beslut_av", lang): [decided_by(r, lang, markdown=False) for _, r in df.iterrows()],
            t("col_kalla", lang): df[kalla],
            t("col_kronor", lang): df["belopp_kr"],
            t("col_dokument", lang): _readable(df["kallor"], lang),
            t("col_rad", lang): df["rader"],
        }
    )


def _readable(kallor: pd.Series, lang: str) -> list[str]:
    """Each ', '-joined list of source ids as the documents' readable names ('Stadskontorets
    tjänsteskrivelse 2022-08-12'), never their file names (the names looked up once for the column)."""
    names = dokument.sources(lang).names
    return [", ".join(names.get(k, k) for k in str(v or "").split(", ") if k) for v in kallor]


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
