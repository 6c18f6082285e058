"""Beslut och källor: the decision chain (a named figure and its table), the allocation lines as written,
the sources, and each declared total checked against its lines (also on Översikt and Datakvalitet)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import data, figures, provenance, ui
from lokalutveckling.format import fmt_date, fmt_int
from lokalutveckling.i18n import t
from lokalutveckling.rendering.model import Note
from lokalutveckling.store import cache
from lokalutveckling.ui import recording
from lokalutveckling.views import dokument


def reconciliation_notes(lang: str) -> None:
    """Each declared total against its lines: a mismatch as a warning with both figures and the source,
    which opens the document at the total's line."""
    src = dokument.sources(lang)
    for _, r in data.reconciliation().iterrows():
        recording.add(
            Note(
                title=t("reconciliation_header", lang),
                text=ui.plain_text(provenance.reconciliation_text(r, lang, src.text(r["kalla"], r["dokument_rad"]))),
            )
        )
        shown = provenance.reconciliation_text(r, lang, src.markdown(r["kalla"], r["dokument_rad"]))
        if r["differens_kr"] != 0:
            st.warning(shown, icon=":material/warning:")
        else:
            st.caption(":material/check_circle: " + shown)


def decision_timeline(f: data.Filter, lang: str) -> go.Figure:
    """The decisions and proposals over time (cached like money.allocation_bars)."""
    return cache.cached_figure("timeline", f, lang, _build_decision_timeline)


def _build_decision_timeline(f: data.Filter, lang: str) -> go.Figure:
    return figures.decision_timeline(data.beslut_timeline(f), lang=lang)


def timeline_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The decision chain as a table: date, organ, paragraph, stage, what, the source document by its
    readable name (views.dokument.Sources.name) and the line. pages/beslut.py shows the document as a link
    to that line (views.dokument.linked_table); the download keeps name and line apart."""
    src = dokument.sources(lang)
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
    src = dokument.sources(lang)
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
    src = dokument.sources(lang)
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
