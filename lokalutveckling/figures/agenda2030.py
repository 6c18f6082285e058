"""Agenda 2030's figure: one area on the three sustainability dimensions, its index among all 14 areas'.

Pure: a frame in (agenda2030.dimension_index with the areas' names), a Plotly figure out.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.figures.base import MUTED, base_layout, empty_figure, escape
from lokalutveckling.format import fmt_number
from lokalutveckling.i18n import t

AREA_COLOUR = "#0072B2"
OTHERS_COLOUR = "#BBBBBB"


def dimension_strip(
    result: pd.DataFrame, *, omrade: str, area_name: str, labels: Mapping[str, str], lang: str = "sv"
) -> go.Figure:
    """One row per dimension (in `labels`' order, top first): every area's index as a grey dot, `omrade`'s as
    a large blue one with its rank; a dimension without indicators says so in its row instead of a dot.

    `result` has dimension, omrade_kod, namn, index (0–1, NaN without indicators), rang, n_indikatorer."""
    if result.empty:
        return empty_figure(lang=lang)
    fig = go.Figure()
    rows = [labels[d] for d in labels][::-1]  # Plotly draws the first category at the bottom
    # Every dimension's row, also one without a value (its text says why it is empty).
    fig.add_scatter(
        x=[0.5] * len(rows), y=rows, mode="markers", marker={"opacity": 0}, hoverinfo="skip", showlegend=False
    )
    n = int(result.groupby("dimension")["index"].count().max() or 0)
    others = result[(result["omrade_kod"] != omrade) & result["index"].notna()]
    fig.add_scatter(
        x=others["index"],
        y=[labels[d] for d in others["dimension"]],
        mode="markers",
        name=t("a2030_fig_others", lang),
        marker={"size": 11, "color": OTHERS_COLOUR, "line": {"color": "#777777", "width": 1}},
        customdata=[escape(x) for x in others["namn"]],
        hovertemplate="%{customdata}: %{x:.2f}<extra></extra>",
    )
    own = result[(result["omrade_kod"] == omrade) & result["index"].notna()]
    fig.add_scatter(
        x=own["index"],
        y=[labels[d] for d in own["dimension"]],
        mode="markers+text",
        name=escape(area_name),
        marker={"size": 22, "color": AREA_COLOUR, "line": {"color": "#FFFFFF", "width": 2}},
        text=[
            t("a2030_fig_rank", lang, index=fmt_number(i, lang, 2), rang=int(r), n=n)
            for i, r in zip(own["index"], own["rang"], strict=True)
        ],
        # Near an end of the axis the label reads inwards, so that a narrow column does not cut it off.
        textposition=["top left" if i > 0.8 else "top right" if i < 0.2 else "top center" for i in own["index"]],
        textfont={"color": AREA_COLOUR, "size": 14},
        hovertemplate=f"{escape(area_name)}: %{{x:.2f}}<extra></extra>",
    )
    empty = [d for d in labels if result.loc[result["dimension"] == d, "index"].isna().all()]
    for dimension in empty:
        fig.add_annotation(
            x=0.5,
            y=labels[dimension],
            text=escape(t("a2030_fig_no_indicators", lang)),
            showarrow=False,
            font={"size": 14, "color": MUTED},
        )
    fig.update_xaxes(title=t("a2030_axis", lang), range=[-0.05, 1.05], zeroline=False)
    fig.update_yaxes(categoryorder="array", categoryarray=rows, range=[-0.6, len(rows) - 0.4])
    title = t("a2030_fig_title", lang, namn=area_name)
    return base_layout(fig, lang=lang, height=330, title=title)
