"""Datakvalitet's coverage of the indicators: per indicator, place (the 14 statistikområden and Malmö as a
whole) and year, whether the value is official, exempeldata or missing; how much is exempeldata, and how far
that share can fall by the declared mapping (what has no official source per area stays exempeldata)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import data, figures, ui
from lokalutveckling.format import fmt_int, fmt_pct
from lokalutveckling.i18n import t
from lokalutveckling.store import Connection, cache
from lokalutveckling.ui import links

STATES = ("officiell", "exempeldata", "saknas")  # queries/kvalitet/indikator_tackning.sql's `tillstand`


@dataclass(frozen=True)
class Coverage:
    """The counts over every indicator, place and measured year."""

    n_values: int  # values present (official or exempeldata)
    n_official: int
    n_exempel: int
    n_missing: int  # places and years without a value, among the years the indicator was measured
    n_floor: int  # exempeldata values of indicators without an official source per area (mapping)
    places: int

    @property
    def exempel_pct(self) -> float:
        return 100 * self.n_exempel / self.n_values if self.n_values else 0.0

    @property
    def floor_pct(self) -> float:
        return 100 * self.n_floor / self.n_values if self.n_values else 0.0

    @property
    def kind(self) -> str:
        """The badge of figures over these values: all exempeldata, all official, or both."""
        if self.n_official == 0:
            return "exempel"
        return "real_statistik" if self.n_exempel == 0 else "mixed_statistik"


def frame(con: Connection | None = None) -> pd.DataFrame:
    """One row per indikator, place and measured year with its `tillstand` (see STATES)."""
    return data.kvalitet("indikator_tackning", con)


def totals(df: pd.DataFrame) -> Coverage:
    state = df["tillstand"]
    exempel = state == "exempeldata"
    return Coverage(
        n_values=int((state != "saknas").sum()),
        n_official=int((state == "officiell").sum()),
        n_exempel=int(exempel.sum()),
        n_missing=int((state == "saknas").sum()),
        n_floor=int((exempel & ~df["har_officiell_kalla"].astype(bool)).sum()),
        places=int(df["omrade_kod"].nunique()),
    )


def _names(df: pd.DataFrame, lang: str) -> pd.Series:
    return df["indikator_en"].fillna(df["indikator"]) if lang == "en" else df["indikator"]


def per_indicator_year(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per indicator (in the store's order) and measured year: how many places are official, exempeldata,
    missing. Columns indikator (the name in the language), ar, n_officiell, n_exempel, n_saknas."""
    counted = (
        df.assign(indikator=_names(df, lang))
        .groupby(["ordning", "indikator_kod", "indikator", "ar"], sort=True)["tillstand"]
        .value_counts()
        .unstack(fill_value=0)
        .reindex(columns=list(STATES), fill_value=0)
        .reset_index()
    )
    return counted.rename(columns={"officiell": "n_officiell", "exempeldata": "n_exempel", "saknas": "n_saknas"}).drop(
        columns=["ordning", "indikator_kod"]
    )[["indikator", "ar", "n_officiell", "n_exempel", "n_saknas"]]


def share_text(c: Coverage, lang: str) -> str:
    """'412 av 2 730 indikatorvärden (15 %) är exempeldata; … är officiell statistik …'."""
    return t(
        "cov_share",
        lang,
        ex=fmt_int(c.n_exempel, lang),
        n=fmt_int(c.n_values, lang),
        pct=fmt_pct(c.exempel_pct, lang, 0),
        off=fmt_int(c.n_official, lang),
    )


def floor_text(c: Coverage, lang: str) -> str:
    """How many exempeldata values have no official source by the mapping: the floor of the share."""
    return t("cov_floor", lang, floor=fmt_int(c.n_floor, lang), pct=fmt_pct(c.floor_pct, lang, 0))


def area_year_matrix(df: pd.DataFrame, indikator_kod: str, lang: str) -> pd.DataFrame:
    """One indicator: a row per place (Malmö first), a column per measured year, each cell the state in words."""
    one = df[df["indikator_kod"] == indikator_kod]
    words = one.assign(state=[t(f"cov_state_{s}", lang) for s in one["tillstand"]])
    grid = words.pivot_table(
        index=["omrade_ordning", "omrade"], columns="ar", values="state", aggfunc="first"
    ).sort_index()
    grid.columns = [str(c) for c in grid.columns]
    grid = grid.reset_index().drop(columns="omrade_ordning")
    return grid.rename(columns={"omrade": t("col_omrade", lang)})


def _heatmap(_key: object, lang: str) -> go.Figure:
    df = frame()
    return figures.coverage_heatmap(per_indicator_year(df, lang), places=totals(df).places, lang=lang)


def section(lang: str) -> None:
    """The coverage: figures, the share in words and its floor, the heatmap with its table, one indicator's
    area × year matrix."""
    df = frame()
    c = totals(df)
    figures_row = [
        ("exempel", fmt_pct(c.exempel_pct, lang, 0)),
        ("official", fmt_int(c.n_official, lang)),
        ("floor", fmt_pct(c.floor_pct, lang, 0)),
    ]
    for column, (what, value) in zip(st.columns(len(figures_row)), figures_row, strict=True):
        column.metric(t(f"cov_metric_{what}", lang), value, help=t(f"cov_metric_{what}_help", lang), border=True)
    ui.badge(c.kind)
    counts = per_indicator_year(df, lang)
    table = counts.rename(
        columns={
            "indikator": t("col_indikator", lang),
            "ar": t("col_ar", lang),
            "n_officiell": t("cov_col_official", lang),
            "n_exempel": t("cov_col_exempel", lang),
            "n_saknas": t("cov_col_missing", lang),
        }
    ).astype({t("col_ar", lang): "string"})
    ui.chart(
        cache.cached_figure("tackning", None, lang, _heatmap),  # built once per language until the next write
        table,
        key="indikator_tackning",
        kind=c.kind,
        caption=t("cov_chart_caption", lang, n=c.places),
        sources=t("cov_sources", lang),
        sentence=f"{share_text(c, lang)} {floor_text(c, lang)}",
    )
    order = df.drop_duplicates("indikator_kod")
    labels = dict(zip(order["indikator_kod"], _names(order, lang), strict=True))
    if not labels:
        return
    kod = links.selectbox(st, t("cov_select", lang), labels, key="dq_tackning_indikator")
    ui.table(
        area_year_matrix(df, kod, lang),
        key=f"tackning_{kod}",
        title=f"{t('cov_select', lang)}: {labels[kod]}",
        sources=t("cov_sources", lang),
        exempel=share_text(totals(df[df["indikator_kod"] == kod]), lang),
    )
    st.caption(t("cov_matrix_caption", lang))
