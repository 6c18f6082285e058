"""The chain of one ärende on a time axis (issue 15): its decisions and proposals, the uppdrag given, their
report-backs and due dates, one lane per kind of event; a beslut is a filled marker, a förslag an open one,
so the stage reads without colour (and the legend says it)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.figures.base import base_layout, empty_figure, escape, wrap
from lokalutveckling.i18n import t

# The kinds of event, in lane order from the top, with their symbol per stage (filled: beslut, open: förslag).
KINDS = ("beslut", "uppdrag", "aterrapport", "senast")
SYMBOLS = {
    ("beslut", "beslut"): "circle",
    ("beslut", "förslag"): "circle-open",
    ("uppdrag", "beslut"): "square",
    ("uppdrag", "förslag"): "square-open",
    ("aterrapport", "beslut"): "diamond",
    ("aterrapport", "förslag"): "diamond-open",
    ("senast", ""): "triangle-down",
    ("senast", "forfallen"): "x",
}
OFFSET = {"förslag": 0.15, "beslut": -0.15}
COLOURS = {"beslut": "#0072B2", "uppdrag": "#009E73", "aterrapport": "#6B3FA0", "senast": "#B45309"}


def chain_timeline(events: pd.DataFrame, *, lang: str = "sv", title: str = "") -> go.Figure:
    """Events of one ärende (views.uppdrag.chain_events: datum, kind, stadium, ref, text, kalla_text,
    forfallen) on a time axis, one lane per kind; events on the same day and lane share a marker whose
    hover lists each with its document and line."""
    if events.empty:
        return empty_figure(lang=lang)
    fig = go.Figure()
    kinds = [k for k in KINDS if k in set(events["kind"])]
    lane = {k: len(kinds) - 1 - i for i, k in enumerate(kinds)}  # the first kind on top
    for (kind, stage), symbol in SYMBOLS.items():
        part = events[(events["kind"] == kind) & (events["stadium"] == stage)]
        if part.empty:
            continue
        xs, hovers = [], []
        for day, group in part.groupby("datum", sort=True):
            xs.append(day)
            hovers.append("<br><br>".join(_hover(r, lang) for _, r in group.iterrows()))
        fig.add_scatter(
            x=xs,
            # A förslag a little above its lane and a beslut a little below: on the same day both show.
            y=[lane[kind] + OFFSET.get(stage, 0.0)] * len(xs),
            mode="markers",
            name=t(f"uo_legend_{kind}_{stage or 'datum'}", lang),
            showlegend=True,
            marker={
                "symbol": symbol,
                "size": 18,
                "color": COLOURS[kind],
                "line": {"width": 3, "color": COLOURS[kind]},
            },
            customdata=hovers,
            hovertemplate="%{customdata}<extra></extra>",
        )
    fig.update_yaxes(
        tickmode="array",
        tickvals=[lane[k] for k in kinds],
        ticktext=[t(f"uo_lane_{k}", lang) for k in kinds],
        range=[-0.6, len(kinds) - 0.4],
        zeroline=False,
    )
    fig.update_xaxes(tickformat="%Y-%m")
    shown = pd.to_datetime(events["datum"]).dropna()
    if shown.nunique() == 1:  # one day: half a year each side, so the axis has dates
        day = shown.iloc[0]
        fig.update_xaxes(range=[day - pd.DateOffset(months=6), day + pd.DateOffset(months=6)])
    return base_layout(fig, lang=lang, height=360, title=title or t("uo_chain_header", lang))


def _hover(row: pd.Series, lang: str) -> str:
    """One event: what and when, its stage, and its source document and line."""
    stage = (
        f"<br>{t('hover_stage', lang)}: {t('stadium_' + row['stadium'], lang)}"
        if row["stadium"]
        in (
            "beslut",
            "förslag",
        )
        else ""
    )
    overdue = f"<br><b>{t('uo_overdue', lang)}</b>" if row["forfallen"] else ""
    source = f"<br>{t('hover_source', lang)}: {escape(row['kalla_text'])}" if row["kalla_text"] else ""
    return f"<b>{escape(row['ref'])}</b><br>{wrap(escape(row['text']))}{stage}{overdue}{source}"
