"""The areas' figures: an indicator over the years against Malmö with the area's insatser as bands, and
need against presence (kronor per inhabitant), one point per area."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.figures.base import base_layout, empty_figure, escape
from lokalutveckling.format import fmt_kr
from lokalutveckling.i18n import t


def trend_with_insats_bands(
    trend: pd.DataFrame, insatser: pd.DataFrame, *, omrade: str, name: str, unit: str, lang: str = "sv"
) -> go.Figure:
    """An indicator over the years for one område against Malmö, with the area's insatser as bands.

    Each band spans an insats from its start to its end (or to today while running), so nobody reads a
    figure as the effect of an insats that had not started. `trend` has ar, omrade_kod ('0' = Malmö)
    and varde; `insatser` has namn, startdatum, slutdatum.
    """
    if trend.empty:
        return empty_figure(lang=lang)
    fig = go.Figure()
    today = pd.Timestamp.today().normalize()
    for _, row in insatser.iterrows():
        start = pd.Timestamp(row["startdatum"])
        end = pd.Timestamp(row["slutdatum"]) if pd.notna(row["slutdatum"]) else today
        fig.add_vrect(x0=start, x1=end, fillcolor="#E69F00", opacity=0.12, line_width=0, layer="below")
    for code, label, colour, dash in (
        (omrade, name, "#0072B2", "solid"),
        ("0", t("map_city_value", lang), "#5A6B7B", "dot"),
    ):
        part = trend[trend["omrade_kod"] == code].sort_values("ar")
        # A yearly figure sits mid-year, under its own year's label, so bands before or after it read right.
        x = [pd.Timestamp(year=int(a), month=7, day=1) for a in part["ar"]]
        fig.add_scatter(
            x=x,
            y=part["varde"],
            mode="lines+markers",
            name=escape(label),
            line={"color": colour, "dash": dash, "width": 3},
            hovertemplate=f"{escape(label)}<br>%{{x|%Y}}: %{{y:,.1f}} {escape(unit)}<extra></extra>",
        )
    fig.update_yaxes(title=escape(unit))
    fig.update_xaxes(dtick="M12", tick0="2016-07-01", tickformat="%Y")
    return base_layout(fig, lang=lang, height=380, title=name)


def need_presence_scatter(df: pd.DataFrame, *, lang: str = "sv", cutoff_index: float | None = None) -> go.Figure:
    """Need index (x) against kronor per inhabitant (y), one point per area.

    `df` has namn, behovsindex, kronor_per_invanare, har_team, kraftsamlande, markorer, flagga,
    median_kr. Filled points have an områdesteam; a diamond marks kraftsamlande; flagged areas are
    ringed in red and named on the chart. `cutoff_index` draws the high-need line.
    """
    shown = df.dropna(subset=["behovsindex"])
    if shown.empty:
        return empty_figure(lang=lang)
    fig = go.Figure()
    kinds = [
        (True, True, "need_legend_team_kraft"),
        (True, False, "need_legend_team"),
        (False, True, "need_legend_kraft"),
        (False, False, "need_legend_no_team"),
    ]
    for has_team, kraft, label in kinds:
        part = shown[(shown["har_team"] == has_team) & (shown["kraftsamlande"] == kraft)]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["behovsindex"],
                y=part["kronor_per_invanare"],
                mode="markers",
                name=t(label, lang),
                marker={
                    "size": 20 if kraft else 17,
                    "color": "#0072B2" if has_team else "#FFFFFF",
                    "line": {"color": "#0072B2", "width": 2},
                    "symbol": "diamond" if kraft else "circle",
                },
                customdata=list(
                    zip(
                        [escape(str(n)) for n in part["namn"]],
                        [fmt_kr(v, lang) for v in part["kronor_per_invanare"]],
                        part["markorer"],
                        strict=True,
                    )
                ),
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>"
                    + t("need_hover_index", lang)
                    + ": %{x:.2f}<br>"
                    + t("need_hover_kronor", lang)
                    + ": %{customdata[1]}<br>"
                    + t("need_hover_markers", lang)
                    + ": %{customdata[2]} / 3<extra></extra>"
                ),
            )
        )
    flagged = shown[shown["flagga"]]
    if not flagged.empty:
        fig.add_trace(
            go.Scatter(
                x=flagged["behovsindex"],
                y=flagged["kronor_per_invanare"],
                mode="markers+text",
                name=t("need_legend_flag", lang),
                marker={"size": 30, "color": "rgba(0,0,0,0)", "line": {"color": "#D55E00", "width": 3}},
                text=[escape(str(n).split(",")[0]) for n in flagged["namn"]],
                textposition="top center",
                textfont={"color": "#A63D00", "size": 15},
                hoverinfo="skip",
            )
        )
    median = float(shown["median_kr"].iloc[0])
    fig.add_hline(
        y=median,
        line={"color": "#5A6B7B", "dash": "dot", "width": 1.5},
        annotation_text=t("need_median_line", lang, kronor=fmt_kr(median, lang)),
        annotation_position="top left",
    )
    if cutoff_index is not None:
        fig.add_vline(
            x=cutoff_index,
            line={"color": "#D55E00", "dash": "dash", "width": 1.5},
            annotation_text=t("need_cutoff_line", lang),
            annotation_position="top right",
        )
    fig.update_xaxes(title=t("need_axis_index", lang), range=[-0.05, 1.05], zeroline=False)
    fig.update_yaxes(title=t("need_axis_kronor", lang), rangemode="tozero")
    return base_layout(fig, lang=lang, height=480, title=t("behov_title", lang))
