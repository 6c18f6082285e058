"""The data quality page's parts: each check, how many rows it finds, and those rows with links."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from lokalutveckling import data, provenance, ui
from lokalutveckling.format import fmt_int, fmt_pct
from lokalutveckling.i18n import t
from lokalutveckling.ui import editor_help

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
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, key=f"dq_{key}")
    ui.download(shown, key=f"kvalitet_{key}", title=title, sources=t("dq_source", lang))


def statistics_fetches(lang: str) -> pd.DataFrame:
    """Every fetch of official statistics as a table: table, service, reference year, time, rows, rule,
    source and address, who fetched it (no rows before the first fetch)."""
    fetches = data.statistik_hamtningar()
    return pd.DataFrame(
        {
            t("stat_table", lang): fetches["tabell_namn"].fillna(fetches["tabell_id"]),
            t("stat_service", lang): [provenance.SERVICES.get(s, s) for s in fetches["tjanst"]],
            t("stat_reference_year", lang): fetches["referensar"].astype("Int64").astype("string").fillna("–"),
            t("stat_fetched", lang): [pd.Timestamp(h).strftime("%Y-%m-%d %H:%M") for h in fetches["hamtad"]],
            t("stat_rows", lang): fetches["n_rader"],
            t("stat_rule", lang): fetches["regel"],
            t("stat_source_col", lang): fetches["attribution"] + " · " + fetches["url"],
            t("stat_by", lang): fetches["anvandare"],
        }
    )


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
