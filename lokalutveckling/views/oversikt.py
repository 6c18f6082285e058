"""Översikt's parts: the key figures (money per year and stage, insatser, områdesteam, kraftsamling), and
the charts of the insatser by nämnd and fokusområde, by flow and by status, each a named figure with its
table. Nämnder shows the same nämnd × fokusområde bars."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import data, figures, namnd_names, ui
from lokalutveckling.format import fmt_date, fmt_kr, fmt_mnkr
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import links
from lokalutveckling.views.money import (
    NOT_FOLLOWED_ALLOCATIONS,
    NOT_FOLLOWED_AREAS,
    decided_by,
    filters_not_followed,
    stage_of,
    view_total,
    view_total_figures,
)


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
        kallor = ", ".join(sorted(set(", ".join(rows[f"finansiering_{'en' if lang == 'en' else 'sv'}"]).split(", "))))
        col.metric(
            t("kpi_money_label", lang, ar=int(year), stadium=t(f"stadium_{stadium}", lang)),
            fmt_mnkr(amount, lang),
            help=t("kpi_money_help", lang, kr=fmt_kr(amount, lang), kallor=ui.literal(kallor)),
        )
        col.caption(" · ".join([fmt_kr(amount, lang), *(decided_by(r, lang) for _, r in rows.iterrows())]))
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


def heatmap(f: data.Filter, lang: str) -> go.Figure:
    """The kronor of the insatser per nämnd and fokusområde as a heatmap (cached like money.allocation_bars)."""
    return cache.cached_figure("heatmap", f, lang, _build_heatmap)


def _build_heatmap(f: data.Filter, lang: str) -> go.Figure:
    frame = namnd_names.localize(data.insatser_by_namnd_fokus(f), lang)
    return figures.heatmap_namnd_fokus(frame, data.fokusomraden(), lang=lang)


def stacked_bars(f: data.Filter, lang: str) -> go.Figure:
    """The same figures as `heatmap`, as bars per nämnd stacked by fokusområde (Översikt, Nämnder)."""
    return cache.cached_figure("stacked_bars", f, lang, _build_stacked_bars)


def _build_stacked_bars(f: data.Filter, lang: str) -> go.Figure:
    frame = namnd_names.localize(data.insatser_by_namnd_fokus(f), lang)
    return figures.stacked_bars_namnd_fokus(frame, data.fokusomraden(), lang=lang)


def sankey(f: data.Filter, lang: str) -> go.Figure:
    """The flow källa → nämnd → fokusområde of the insatser's kronor."""
    return cache.cached_figure("sankey", f, lang, _build_sankey)


def _build_sankey(f: data.Filter, lang: str) -> go.Figure:
    return figures.sankey_flow(namnd_names.localize(data.flow(f), lang), lang=lang)


def status_bars(f: data.Filter, lang: str) -> go.Figure:
    """The insatser per status."""
    return cache.cached_figure("status", f, lang, _build_status_bars)


def _build_status_bars(f: data.Filter, lang: str) -> go.Figure:
    return figures.status_bars(data.insatser_by_status(f), lang=lang)


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


def matrix_as_bars(lang: str) -> bool:
    """Whether the nämnd × fokusområde figures are shown as bars (else as a heatmap).

    One chart at a time (not tabs): the hidden one would be drawn too, and a link keeps the choice. Codes
    shown in the language and kept in the URL as codes (`?vy=bars`): the choice survives a switch."""
    return (
        links.segmented_control(
            st,
            t("matrix_view", lang),
            *links.labelled(["heatmap", "bars"], lambda code, language: t(f"view_{code}", language), lang),
            default="heatmap",
            key="vy",
            required=True,
            label_visibility="collapsed",
        )
        == "bars"
    )
