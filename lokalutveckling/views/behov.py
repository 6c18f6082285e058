"""Behov och närvaro: areas with high need and little presence of the city, by a rule stated in words;
the indicators to read need from (also Område's similar areas), the result, its named figure and table."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import analys, data, figures, provenance
from lokalutveckling.format import fmt_kr
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import links
from lokalutveckling.views.indicators import indicator_names

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


def indicator_sources_line(indicators: list[str], lang: str, names: dict[str, str] | None = None) -> str:
    """What the indicator values behind the need index are: 'Indikatorvärdena: 42 officiella (källor: Malmö
    stads öppna data (CKAN): …), 28 exempeldata.' (each chosen indicator's newest year in the 14 areas;
    a value from a document counts as real, with its document among the sources)."""
    kallor = [k for k in data.indicator_latest(tuple(indicators))["kalla"].tolist() if isinstance(k, str) and k]
    exempel = sum(1 for k in kallor if k == "exempeldata")
    real = sorted({(names or {}).get(k, provenance.source_label(k, lang, names)) for k in kallor if k != "exempeldata"})
    listed = t("need_indicator_sources_list", lang, sources="; ".join(real)) if real else ""
    return t("need_indicator_sources", lang, n=len(kallor) - exempel, sources=listed, m=exempel)


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
