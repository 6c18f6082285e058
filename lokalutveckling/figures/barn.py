"""Barn och unga (issue 17): kronor to children and young people per inhabitant aged 0–19, one group of bars
per year (never a sum over years), one bar per series (an area, Malmö, the kraftsamlande areas, the others)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.figures.base import base_layout, empty_figure, escape
from lokalutveckling.format import fmt_int, fmt_kr
from lokalutveckling.i18n import t

# Each series' colour by its `grupp` (colour-blind safe, as figures.base), the same in every chart: the area
# blue, the kraftsamlande areas orange as their outline on Karta (maps.KRAFT_COLOUR), the others grey.
GROUP_COLOURS = {"omrade": "#0072B2", "malmo": "#009E73", "kraftsamlande": "#D55E00", "ovriga": "#999999"}


def per_child_bars(df: pd.DataFrame, *, title: str, lang: str = "sv") -> go.Figure:
    """Grouped bars: x the year, one trace per `serie` in the order it first appears, height kronor_per_barn.
    `df`: one row per year and series with ar, serie (its name as shown), grupp (GROUP_COLOURS' key: its
    colour), kronor_per_barn (null: no bar), barn_kronor, befolkning_0_19 and befolkning_ar for the hover."""
    if df.empty or df["kronor_per_barn"].isna().all():
        return empty_figure(lang=lang)
    years = sorted({int(y) for y in df["ar"]})
    fig = go.Figure()
    for serie, rows in df.groupby("serie", sort=False):
        colour = GROUP_COLOURS.get(str(rows["grupp"].iloc[0]), "#CC79A7")
        rows = rows.set_index("ar").reindex(years)
        hover = [
            ""
            if pd.isna(per)
            else f"<b>{escape(serie)}</b> {year}<br>{t('barn_hover_kronor', lang)}: {fmt_kr(kronor, lang)}"
            f"<br>{t('barn_hover_population', lang)} {int(pop_year)}: {fmt_int(pop, lang)}"
            f"<br>{fmt_kr(per, lang)} / {t('barn_hover_population', lang).lower()}"
            for year, per, kronor, pop, pop_year in zip(
                years,
                rows["kronor_per_barn"],
                rows["barn_kronor"],
                rows["befolkning_0_19"],
                rows["befolkning_ar"],
                strict=True,
            )
        ]
        fig.add_bar(
            x=[str(y) for y in years],
            y=rows["kronor_per_barn"].astype(float),
            name=escape(serie),
            marker={"color": colour},
            # The value on the bar, so that a 0 reads as 0 kr and not as a missing bar.
            text=["" if pd.isna(v) else fmt_kr(v, lang) for v in rows["kronor_per_barn"]],
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    fig.update_layout(barmode="group", bargroupgap=0.05)
    fig.update_xaxes(type="category", title=None)
    fig.update_yaxes(title=t("barn_axis_per", lang), tickformat=",d", rangemode="tozero")
    return base_layout(fig, lang=lang, height=380, title=title)
