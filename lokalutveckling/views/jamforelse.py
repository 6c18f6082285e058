"""The Kolada comparison beside the indicators (issue 16): Malmö, Stockholm and Göteborg in each KPI's newest
year all three have, and their unweighted mean, in the indicator's unit (the mapping's `faktor` applied).
Område shows every indicator with a fetched comparison KPI, Karta the chosen indicator's."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lokalutveckling import data, maps, ui
from lokalutveckling.format import fmt_int, fmt_number
from lokalutveckling.i18n import t, unit
from lokalutveckling.store import Connection

CITIES = ("malmo", "stockholm", "goteborg")  # Kolada's 1280, 0180, 1480 (queries/statistik/jamforelse.sql)


def comparisons(con: Connection | None = None) -> pd.DataFrame:
    """The mapping's comparison KPIs, each fetched one (hamtad) with the mapping's factor applied: malmo,
    stockholm, goteborg and medel (the unweighted mean of the three) in the indicator's unit."""
    df = data.statistik_jamforelse(con)
    scaled = df.assign(**{c: df[c].astype("float") * df["faktor"].astype("float") for c in CITIES})
    return scaled.assign(medel=scaled[list(CITIES)].mean(axis=1, skipna=False))


def _value(value: object, enhet: str, lang: str) -> str:
    """A count as a whole number; else one decimal, two below 10 (5,98 per 1 000)."""
    if pd.isna(value):
        return "–"
    number = float(value)
    if enhet == "antal":
        return fmt_int(number, lang)
    return fmt_number(number, lang, 2 if abs(number) < 10 else 1)


def table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The comparisons as readers see them: indicator, KPI id and Kolada's title, year, the three cities, their
    mean, the unit, and whether the KPI is still to be confirmed as the indicator's measure."""
    names = df["indikator_en"].fillna(df["indikator"]) if lang == "en" else df["indikator"]
    shown = {
        t("col_indikator", lang): names,
        t("cmp_col_kpi", lang): df["kpi"],
        t("cmp_col_title", lang): df["kpi_titel"].fillna(""),
        t("cmp_col_year", lang): [t("cmp_no_year", lang) if pd.isna(a) else str(int(a)) for a in df["ar"]],
    }
    for city in (*CITIES, "medel"):
        column = t(f"cmp_col_{'mean' if city == 'medel' else city}", lang)
        shown[column] = [_value(v, e, lang) for v, e in zip(df[city], df["enhet"], strict=True)]
    shown[t("cmp_col_unit", lang)] = [unit(e, lang) for e in df["enhet"]]
    out = pd.DataFrame(shown)
    if (df["sakerhet"] == "att bekräfta").any():
        out[t("cmp_col_sakerhet", lang)] = [
            t("cmp_to_confirm", lang) if s == "att bekräfta" else "" for s in df["sakerhet"]
        ]
    return out


def _fetched(df: pd.DataFrame) -> tuple[str, str]:
    """Who publishes the figures and the days they were fetched."""
    attribution = "; ".join(dict.fromkeys(str(a) for a in df["attribution"].dropna())) or "Kolada (RKA)"
    return attribution, ", ".join(sorted({pd.Timestamp(h).date().isoformat() for h in df["hamtad"].dropna()}))


def sources(df: pd.DataFrame, lang: str) -> str:
    """The source as plain text, for the table's downloads, reports and slides."""
    attribution, dates = _fetched(df)
    return t("cmp_sources", lang, attribution=attribution, date=dates)


def caption(df: pd.DataFrame, lang: str) -> str:
    """Where the figures come from and when they were fetched, the mean said as what it is (Markdown)."""
    attribution, dates = _fetched(df)
    text = t("cmp_caption", lang, attribution=ui.literal(attribution), date=dates)
    if (df["sakerhet"] == "att bekräfta").any():
        text += " " + t("cmp_confirm_note", lang)
    return text


def _show(df: pd.DataFrame, lang: str, *, key: str) -> None:
    """The fetched comparisons among `df`, or the sentence that none is fetched yet."""
    df = df[df["hamtad"].notna()]
    if df.empty:
        st.caption(t("cmp_none", lang))
        return
    ui.badge("real_statistik")
    ui.table(table(df, lang), key=key, title=t("cmp_header", lang), sources=sources(df, lang), kind="real")
    st.caption(caption(df, lang))


def omrade_section(lang: str) -> None:
    """Område: every indicator with a fetched comparison KPI (the same for every area: Kolada is per
    municipality), or a sentence that none is fetched yet."""
    st.subheader(t("cmp_header", lang))
    _show(comparisons(), lang, key="kolada_jamforelse")


def indicator_codes(layer: maps.IndicatorLayer | None) -> list[str]:
    """The indicator Karta is coloured by, none for team or kronor."""
    return [layer.indikator_kod] if layer is not None and layer.indikator_kod else []


def karta_section(layer: maps.IndicatorLayer | None, lang: str) -> None:
    """Karta: the chosen indicator's comparison; nothing when the map is coloured by team or kronor, or the
    indicator has no comparison KPI in the mapping."""
    df = comparisons()
    df = df[df["indikator_kod"].isin(indicator_codes(layer))]
    if df.empty:
        return
    st.subheader(t("cmp_header", lang))
    _show(df, lang, key="kolada_jamforelse_karta")
