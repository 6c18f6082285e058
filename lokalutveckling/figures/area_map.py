"""Karta's map as a Plotly figure, for images, the report, the slides and presentation mode: the 14 areas
drawn from their boundaries (or the schematic squares), coloured as Karta colours them, with their names
on them and the legend of their colours. No basemap and no internet: only Scatter traces (the app's
plotly.js bundle has bar, heatmap, sankey and scatter), in longitude and latitude with the latitude
stretched by 1/cos(latitude), so the areas keep their shapes.

Pure: boundaries and figures in, a figure out; the input is not changed."""

from __future__ import annotations

import math
from collections.abc import Collection

import pandas as pd
import plotly.graph_objects as go
import shapely.geometry
from shapely.geometry.polygon import orient

from lokalutveckling import maps
from lokalutveckling.figures.base import base_layout, escape
from lokalutveckling.format import fmt_number
from lokalutveckling.i18n import t

HEIGHT = 620  # px of the plot: a map wants more room than a bar chart
BORDER = {"team": ("#FFFFFF", 1.5), "indicator": ("#5A6B7B", 1.0)}
TEAM_OPACITY, INDICATOR_OPACITY = 0.55, 0.8  # as the page's map fills them (maps.presence_map)


def rgba(colour: str, alpha: float) -> str:
    """'#RRGGBB' as 'rgba(r,g,b,alpha)'."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def outline(geometry: dict) -> tuple[list[float | None], list[float | None]]:
    """A polygon's or multipolygon's rings as one path (lon, lat), parts apart by None: every exterior
    anticlockwise and every hole clockwise, so that a filled path leaves the holes open."""
    shape = shapely.geometry.shape(geometry)
    parts = list(shape.geoms) if shape.geom_type == "MultiPolygon" else [shape]
    lons: list[float | None] = []
    lats: list[float | None] = []
    for part in parts:
        oriented = orient(part, sign=1.0)
        for ring in [oriented.exterior, *oriented.interiors]:
            xs, ys = ring.xy
            lons.extend([*xs, None])
            lats.extend([*ys, None])
    return lons[:-1], lats[:-1]


def label_point(geometry: dict) -> tuple[float, float]:
    """Where an area's name goes ([lat, lon]): its centre when it is a rectangle (the schematic squares),
    else the point inside it farthest from its edges, as on Karta (maps.label_point)."""
    shape = shapely.geometry.shape(geometry)
    if shape.area >= 0.99 * shape.envelope.area:
        centre = shape.centroid
        return centre.y, centre.x
    return maps.label_point(geometry)


def short_name(name: str) -> str:
    """An area's name as the map shows it: before its first comma ('Möllevången' of 'Möllevången, … m fl')."""
    return name.split(",")[0].strip()


def _two_ways(
    inside: dict[str, bool], yes: str, no: str, lang: str
) -> tuple[dict[str, tuple[str, str, int]], dict[str, str]]:
    """Each area in the blue of the team colour (`yes`, the legend's first entry) or the grey (`no`)."""
    fills = {
        c: (
            (rgba(maps.TEAM_COLOUR, TEAM_OPACITY), t(yes, lang), 1)
            if i
            else (rgba(maps.NO_TEAM_COLOUR, TEAM_OPACITY), t(no, lang), 2)
        )
        for c, i in inside.items()
    }
    return fills, {c: t(yes if i else no, lang) for c, i in inside.items()}


def _colouring(
    codes: list[str],
    presence: pd.DataFrame,
    indicator: maps.IndicatorLayer | None,
    lang: str,
    marked: Collection[str] | None = None,
) -> tuple[dict[str, tuple[str, str, int]], dict[str, str]]:
    """Per area its fill, its legend entry and the entry's rank; and per area its hover text."""
    if marked is not None:  # an insats's areas (all of them for one in the whole city) against the rest
        return _two_ways({c: c in marked for c in codes}, "legend_insats_areas", "legend_other_areas", lang)
    if indicator is None:
        status = presence.set_index("omrade_kod")
        team = {c: bool(c in status.index and status.loc[c, "har_team"]) for c in codes}
        return _two_ways(team, "legend_team", "legend_no_team", lang)
    values = indicator.values.set_index("omrade_kod")["varde"]
    classes = maps.indicator_classes(values, indicator.higher_is_better)
    ranges = {c: (lo, hi) for c, lo, hi in maps.class_ranges(values, classes)}
    unit = indicator.unit
    fills, texts = {}, {}
    for code in codes:
        value = values.get(code)
        if value is None or pd.isna(value):
            fills[code] = (rgba(maps.MISSING_COLOUR, 1.0), t("map_missing", lang), 99)
            texts[code] = t("map_missing", lang)
            continue
        klass = int(classes[code])
        lo, hi = ranges[klass]
        fills[code] = (
            rgba(maps.CLASS_COLOURS[klass], INDICATOR_OPACITY),
            f"{fmt_number(lo, lang)}–{fmt_number(hi, lang)} {unit}",
            # Legend from least to most need: the classes' values rise or fall with the direction.
            klass + 1,
        )
        texts[code] = f"{fmt_number(value, lang)} {unit}"
    return fills, texts


def area_map(
    geojson: dict,
    presence: pd.DataFrame,
    *,
    lang: str,
    indicator: maps.IndicatorLayer | None = None,
    layers: Collection[str] = ("kraft",),
    title: str = "",
    height: int = HEIGHT,
    marked: Collection[str] | None = None,
) -> go.Figure:
    """The areas of `geojson` (features with omrade_kod and namn; the boundaries or the schematic map)
    filled by områdesteam (`presence`: omrade_kod, har_team, kraftsamlande; one row per area) or, given
    `indicator`, by its quantile classes (maps.indicator_classes, the same colours as Karta), kraftsamlande
    areas outlined dashed when "kraft" is in `layers`, each area's name on it, a legend of the colours.
    `marked`: instead, those areas filled against the rest (an insats's areas; `presence` then unused)."""
    features = geojson["features"]
    codes = [str(f["properties"]["omrade_kod"]) for f in features]
    fills, texts = _colouring(codes, presence, indicator, lang, marked)
    border, border_width = BORDER["team" if indicator is None else "indicator"]
    legend_title = escape(f"{indicator.name} {indicator.year}") if indicator is not None else ""
    fig = go.Figure()
    shown: set[str] = set()
    lats_all: list[float] = []
    for feature, code in zip(features, codes, strict=True):
        lons, lats = outline(feature["geometry"])
        lats_all.extend(v for v in lats if v is not None)
        fill, entry, rank = fills[code]
        name = escape(feature["properties"]["namn"])
        fig.add_trace(
            go.Scatter(
                x=lons,
                y=lats,
                mode="lines",
                fill="toself",
                fillcolor=fill,
                line={
                    "color": border if rank != 99 else "#5A6B7B",
                    "width": border_width,
                    "dash": None if rank != 99 else "dot",
                },
                name=escape(entry),
                legendgroup=entry,
                legendrank=rank,
                showlegend=entry not in shown,
                hoveron="fills",
                hovertemplate=f"<b>{name}</b><br>{escape(texts[code])}<extra></extra>",
                meta={"omrade_kod": code},
            )
        )
        shown.add(entry)
    if "kraft" in layers:
        kraft = set(presence.loc[presence["kraftsamlande"].astype(bool), "omrade_kod"].astype(str))
        for feature, code in zip(features, codes, strict=True):
            if code not in kraft:
                continue
            lons, lats = outline(feature["geometry"])
            fig.add_trace(
                go.Scatter(
                    x=lons,
                    y=lats,
                    mode="lines",
                    line={"color": maps.KRAFT_COLOUR, "width": 3.5, "dash": "dash"},
                    name=t("legend_kraft", lang),
                    legendgroup="kraft",
                    legendrank=100,
                    showlegend="kraft" not in shown,
                    hoverinfo="skip",
                    meta={"omrade_kod": code, "kraftsamlande": True},
                )
            )
            shown.add("kraft")
    labels = [label_point(f["geometry"]) for f in features]
    fig.add_trace(
        go.Scatter(
            x=[lon for _, lon in labels],
            y=[lat for lat, _ in labels],
            mode="text",
            text=[escape(short_name(f["properties"]["namn"])) for f in features],
            textfont={"size": 12, "color": "#1F2933", "weight": 600, "shadow": "0 0 3px #fff, 0 0 2px #fff"},
            showlegend=False,
            hoverinfo="skip",
            name="",
        )
    )
    base_layout(fig, lang=lang, height=height, title=title)
    middle = (min(lats_all) + max(lats_all)) / 2 if lats_all else 55.6
    fig.update_xaxes(visible=False, showgrid=False, zeroline=False)
    # One degree of latitude is 1/cos(latitude) times as long as one of longitude: the map is not squashed.
    fig.update_yaxes(
        visible=False, showgrid=False, zeroline=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(middle))
    )
    fig.update_layout(
        plot_bgcolor="#FFFFFF",
        legend={"title": {"text": legend_title} if legend_title else None, "traceorder": "normal"},
        hovermode="closest",
    )
    return fig
