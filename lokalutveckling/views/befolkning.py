"""Område's "Barn och unga i området" (issue 16, item 3): the area's population by age group in its newest
year beside Malmö's, with the source of every value, and kronor per child or young person: per målgrupp
and year the area's own granted insatser divided by the population of the matching age group; then (issue
17, views.barn) the children's share of the area's kronor per year against Malmö and the kraftsamlande areas."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lokalutveckling import data, provenance, ui
from lokalutveckling.format import fmt_int, fmt_kr, fmt_pct
from lokalutveckling.i18n import t
from lokalutveckling.views import barn, indicators


def section(kod: str, lang: str) -> None:
    """The section: its heading, the age table and the kronor-per-person table, each with its badge, and the
    children's share of the area's kronor against Malmö and the kraftsamlande areas (views.barn, issue 17)."""
    st.subheader(t("bef_header", lang))
    age_section(kod, lang)
    kronor_section(kod, lang)
    barn.omrade_section(kod, lang)


def badge_kind(*kallor: pd.Series) -> str:
    """The badge of values by their `kalla` (views.barn.badge_kind): 'exempel' when every one is exempeldata,
    'mixed_statistik' when some are, 'real_statistik' when none is ('real' when a value comes from a document
    or an import rather than official statistics)."""
    return barn.badge_kind(*kallor)


def _sources(lang: str, *kallor: pd.Series) -> str:
    """The sources of the values by readable name in the page's language, exempeldata as such."""
    return barn.sources_text(lang, *kallor)


def _source(kalla: object, ar: object, names: dict[str, str], lang: str) -> str:
    """One value's source as the key figures say it: 'Officiell: …, referensår 2024' or 'Exempeldata'."""
    return "" if pd.isna(kalla) else provenance.indicator_value_text(str(kalla), ar, names, lang)


def age_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Age group, the area's count and share, Malmö's count and share, and each value's source."""
    name = "namn_en" if lang == "en" else "namn_sv"
    names = indicators.source_names(lang)
    return pd.DataFrame(
        {
            t("bef_col_group", lang): df[name],
            t("col_omradet", lang): [fmt_int(v, lang) for v in df["varde"]],
            t("bef_col_area_share", lang): [fmt_pct(100 * v, lang) for v in df["andel"]],
            t("col_malmo", lang): ["" if pd.isna(v) else fmt_int(v, lang) for v in df["stadens_varde"]],
            t("bef_col_city_share", lang): ["" if pd.isna(v) else fmt_pct(100 * v, lang) for v in df["stadens_andel"]],
            t("bef_col_area_source", lang): [
                _source(k, a, names, lang) for k, a in zip(df["kalla"], df["ar"], strict=True)
            ],
            t("bef_col_city_source", lang): [
                _source(k, a, names, lang) for k, a in zip(df["stadens_kalla"], df["ar"], strict=True)
            ],
        }
    )


def age_section(kod: str, lang: str) -> None:
    """The area's population by age group in the newest year, beside Malmö's."""
    df = data.befolkning_omrade(kod)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{t('bef_age_header', lang)}**", width="content")
        if not df.empty:
            ui.badge(badge_kind(df["kalla"], df["stadens_kalla"]))
    if df.empty:
        st.caption(t("bef_none", lang))
        return
    sources = _sources(lang, df["kalla"], df["stadens_kalla"])
    ui.table(
        age_table(df, lang),
        key=f"befolkning_{kod}",
        title=f"{t('bef_age_header', lang)} {int(df['ar'].iloc[0])}",
        sources=sources,
        kind=badge_kind(df["kalla"], df["stadens_kalla"]),
    )
    st.caption(t("bef_age_caption", lang, year=int(df["ar"].iloc[0]), sources=ui.literal(sources)))


def kronor_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Målgrupp, year, number of insatser (and of them exempeldata), kronor, the age group's population and
    kronor per person; a year without a population value says so instead of a figure."""
    return pd.DataFrame(
        {
            t("bef_col_malgrupp", lang): df["malgrupp"],
            t("col_ar", lang): df["ar"].astype(int),
            t("col_insatser", lang): df["insatser"].astype(int),
            t("col_exempel", lang): df["exempel"].astype(int),
            t("col_kronor", lang): df["kronor"],
            t("bef_col_population", lang): [
                t("bef_no_population", lang, year=int(y)) if pd.isna(p) else fmt_int(p, lang)
                for p, y in zip(df["befolkning"], df["ar"], strict=True)
            ],
            t("bef_col_per_person", lang): ["–" if pd.isna(k) else fmt_kr(k, lang) for k in df["kronor_per_person"]],
        }
    )


def kronor_section(kod: str, lang: str) -> None:
    """Kronor per child or young person per målgrupp and year (never summed over years)."""
    df = data.befolkning_kronor(kod)
    kallor = df["kallor"].str.split(",").explode() if not df.empty else pd.Series(dtype=str)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{t('bef_kronor_header', lang)}**", width="content")
        if not df.empty:
            ui.badge(badge_kind(kallor, df["befolkning_kalla"]))
    if df.empty:
        st.caption(t("bef_kronor_none", lang))
        return
    table = kronor_table(df, lang)
    ui.table(
        table,
        key=f"befolkning_kronor_{kod}",
        money=(t("col_kronor", lang),),
        title=t("bef_kronor_header", lang),
        sources=_sources(lang, kallor, df["befolkning_kalla"]),
        exempel=ui.exempel_of(table),
    )
    st.caption(
        t(
            "bef_kronor_caption",
            lang,
            insats_sources=ui.literal(_sources(lang, kallor)),
            population_sources=ui.literal(_sources(lang, df["befolkning_kalla"])) or "–",
        )
    )
