"""The data quality page's parts: each check, how many rows it finds, and those rows with links."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from lokalutveckling import data, provenance, ui
from lokalutveckling.format import fmt_int, fmt_pct
from lokalutveckling.i18n import t, unit
from lokalutveckling.ui import editor_help, paging

# The checks in the store (queries/kvalitet/<name>.sql) that the page shows, each a list of rows to look at.
CHECKS = (
    "tilldelningar_mot_insatser",
    "insatser_utan_tilldelning",
    "insatser_utan_plats_eller_fokus",
    "indikatorer_saknas",
)


def summary(checks: dict[str, pd.DataFrame], lang: str) -> None:
    """One row of figures above the details: declared totals that do not match their lines, the rows each
    check finds, and how much of the insatser is still exempeldata."""
    mismatches = int((data.reconciliation()["differens_kr"] != 0).sum())
    status = data.data_status().set_index("tabell")
    insatser = status.loc["insatser"]
    figures = [
        ("totals", fmt_int(mismatches, lang)),
        (
            "money",
            fmt_int(len(checks["tilldelningar_mot_insatser"]) + len(checks["insatser_utan_tilldelning"]), lang),
        ),
        ("place", fmt_int(len(checks["insatser_utan_plats_eller_fokus"]), lang)),
        ("missing", fmt_int(len(checks["indikatorer_saknas"]), lang)),
        ("exempel", fmt_pct(100 * insatser["n_ex"] / insatser["n"] if insatser["n"] else 0, lang, 0)),
    ]
    for column, (what, value) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(t(f"dq_sum_{what}", lang), value, help=t(f"dq_sum_{what}_help", lang), border=True)


def insats_link(insats_id: str, lang: str = "sv") -> str:
    """A link that opens the insats on the Insatser page, in the page's language."""
    return f"/insatser?insats={quote(insats_id)}" + ("&lang=EN" if lang == "en" else "")


def finding(title: str, df: pd.DataFrame, lang: str, *, key: str, ok: str, columns: dict[str, str]) -> None:
    """One check: a heading with its count, 'fine' when nothing is found, else the rows (insatser linked)."""
    st.markdown(f"**{title}**")
    if df.empty:
        st.success(ok, icon=":material/check_circle:")
        return
    st.warning(t("dq_found", lang, n=len(df)), icon=":material/report:")
    shown = df[list(columns)].rename(columns=columns)
    config = {}
    if "insats_id" in df.columns:
        shown.insert(0, t("dq_open", lang), [insats_link(i, lang) for i in df["insats_id"]])
        config[t("dq_open", lang)] = st.column_config.LinkColumn(display_text=r"/insatser\?insats=([^&]*)")
    # A page at a time (?dq_<check>_sida=2), sorted over all rows by any column but the link.
    sortable = {str(i): str(c) for i, c in enumerate(shown.columns, start=1) if c != t("dq_open", lang)}
    result = paging.paged(shown, key=f"dq_{key}", lang=lang, columns=sortable)
    result.slot.dataframe(result.rows, hide_index=True, width="stretch", column_config=config, key=f"dq_{key}")
    ui.download(result.ordered, key=f"kvalitet_{key}", title=title, sources=t("dq_source", lang))


def statistics_fetches(lang: str) -> tuple[pd.DataFrame, list[str]]:
    """Every fetch of official statistics as a table: table, service, reference year, time, rows, the number
    of its rule, source and address, who fetched it (no rows before the first fetch); and the rules in words,
    each once (a refresh makes many fetches by the same few rules)."""
    fetches = data.statistik_hamtningar()
    rules = list(dict.fromkeys(fetches["regel"].fillna("–").astype(str)))
    table = pd.DataFrame(
        {
            t("stat_table", lang): fetches["tabell_namn"].fillna(fetches["tabell_id"]),
            t("stat_service", lang): [provenance.SERVICES.get(s, s) for s in fetches["tjanst"]],
            t("stat_reference_year", lang): fetches["referensar"].astype("Int64").astype("string").fillna("–"),
            t("stat_fetched", lang): [pd.Timestamp(h).strftime("%Y-%m-%d %H:%M") for h in fetches["hamtad"]],
            t("stat_rows", lang): fetches["n_rader"],
            t("stat_rule", lang): [str(rules.index(r) + 1) for r in fetches["regel"].fillna("–").astype(str)],
            t("stat_source_col", lang): fetches["attribution"] + " · " + fetches["url"],
            t("stat_by", lang): fetches["anvandare"],
        }
    )
    return table, [t("stat_rule_text", lang, n=i, text=rule) for i, rule in enumerate(rules, start=1)]


def exempel_shares(lang: str) -> pd.DataFrame:
    """How much of each main table is still exempeldata."""
    status = data.data_status()
    return pd.DataFrame(
        {
            t("dq_table", lang): [editor_help.table_name(n, lang) for n in status["tabell"]],
            t("dq_rows", lang): [fmt_int(n, lang) for n in status["n"]],
            t("dq_exempel_rows", lang): [fmt_int(n, lang) for n in status["n_ex"]],
            t("dq_exempel_share", lang): [
                fmt_pct(100 * e / n if n else 0, lang, 0) for e, n in zip(status["n_ex"], status["n"], strict=True)
            ],
        }
    )


def money_findings(checks: dict[str, pd.DataFrame], lang: str) -> None:
    """Allocation lines whose insatser do not add up to them, and insatser without an allocation line."""
    finding(
        t("dq_alloc_title", lang),
        checks["tilldelningar_mot_insatser"],
        lang,
        key="tilldelningar",
        ok=t("dq_alloc_ok", lang),
        columns={
            "tilldelning_id": t("dq_line", lang),
            "ar": t("col_ar", lang),
            "namnd_en" if lang == "en" else "namnd": t("col_namnd", lang),
            "finansieringskalla_en" if lang == "en" else "finansieringskalla": t("col_kalla", lang),
            "tilldelat_kr": t("dq_allocated", lang),
            "n_insatser": t("col_insatser", lang),
            "insatser_kr": t("dq_insatser_kr", lang),
            "differens_kr": t("dq_difference", lang),
            "kalla": t("col_dokument", lang),
            "dokument_rad": t("dq_doc_line", lang),
        },
    )
    finding(
        t("dq_no_alloc_title", lang),
        checks["insatser_utan_tilldelning"],
        lang,
        key="utan_tilldelning",
        ok=t("dq_no_alloc_ok", lang),
        columns={
            "insats_id": "Id",
            "namn": t("ins_name", lang),
            "status": t("col_status", lang),
            "belopp_kr": t("col_kronor", lang),
            "kalla": t("ins_source", lang),
        },
    )


def place_findings(checks: dict[str, pd.DataFrame], lang: str) -> None:
    """Insatser without a place or a fokusområde, each with what is missing."""
    places = checks["insatser_utan_plats_eller_fokus"]
    places = places.assign(problem=[t(f"dq_problem_{p}", lang) for p in places["problem"]])
    finding(
        t("dq_place_title", lang),
        places,
        lang,
        key="plats",
        ok=t("dq_place_ok", lang),
        columns={
            "insats_id": "Id",
            "namn": t("ins_name", lang),
            "problem": t("dq_problem", lang),
            "status": t("col_status", lang),
            "kalla": t("ins_source", lang),
        },
    )


def missing_indicators(checks: dict[str, pd.DataFrame], lang: str) -> None:
    """Indicator values missing for an area and year."""
    finding(
        t("dq_missing_title", lang),
        checks["indikatorer_saknas"].assign(
            indikator=lambda d: d["indikator_en"].fillna(d["indikator"]) if lang == "en" else d["indikator"]
        ),
        lang,
        key="saknas",
        ok=t("dq_missing_ok", lang),
        columns={"indikator": t("col_indikator", lang), "omrade": t("col_omrade", lang), "ar": t("col_ar", lang)},
    )


def indicator_sources(lang: str) -> None:
    """Each indicator's definition, years, number of values and where the values come from."""
    sources = data.kvalitet("indikator_kallor")
    sources["enhet"] = [unit(u, lang) for u in sources["enhet"]]
    if lang == "en":  # the indicators by their English names on English pages
        sources["indikator"] = sources["indikator_en"].fillna(sources["indikator"])
    paging.table(  # a page at a time when the indicators are many (?indikatorkallor_sida=2)
        sources[["indikator", "enhet", "definition_kalla", "forsta_ar", "senaste_ar", "n_varden", "vardenas_kallor"]]
        .rename(
            columns={
                "indikator": t("col_indikator", lang),
                "enhet": t("col_enhet", lang),
                "definition_kalla": t("dq_definition", lang),
                "forsta_ar": t("dq_first_year", lang),
                "senaste_ar": t("dq_last_year", lang),
                "n_varden": t("dq_values", lang),
                "vardenas_kallor": t("dq_value_sources", lang),
            }
        )
        .astype({t("dq_first_year", lang): "string", t("dq_last_year", lang): "string"}),
        key="indikatorkallor",
    )
