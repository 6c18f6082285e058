"""The image downloads under every chart and under Karta's map: one small "Bild" popover with the chart as
PNG for a slide (16:9), PNG for an A4 page and SVG, each with its title, filters, source and badge drawn
in (rendering.images). An image is made only when its button is pressed, and pressing it does not rerun
the page; a server without Chromium says so in the popover instead of offering buttons that fail. Also
Karta's map as such a figure (figures.area_map), built once per distinct map."""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import figures, geo, maps
from lokalutveckling.i18n import t
from lokalutveckling.rendering import images
from lokalutveckling.rendering.model import Chart
from lokalutveckling.store import cache

# What the popover offers: (size, format, label key, file name ending).
CHOICES = (
    ("slide", "png", "image_png_slide", "bild_16x9.png"),
    ("a4", "png", "image_png_a4", "bild_a4.png"),
    ("slide", "svg", "image_svg", "bild.svg"),
)


def available() -> bool:
    """Whether this server has the Chromium the images are drawn with (a look at the PATH: no browser starts)."""
    return images.browser() is not None


def made(chart: Chart, size: str, fmt: str) -> Callable[[], bytes]:
    """The image's bytes when the button is pressed (Streamlit calls it then, not while the page runs)."""
    return lambda: images.image(chart, size=size, fmt=fmt)


def downloads(chart: Chart, name: str) -> None:
    """The popover with the image downloads of `chart`, named `name` (ui.file_name: page, view, date)
    plus what they are ('…_bild_16x9.png')."""
    language = chart.lang
    with st.popover(t("image_button", language), icon=":material/image:", help=t("image_help", language)):
        if not available():
            st.caption(t("image_unavailable", language))
            return
        for size, fmt, label, ending in CHOICES:
            st.download_button(
                t(label, language),
                made(chart, size, fmt),
                file_name=f"{name}_{ending}",
                mime=images.FORMATS[fmt],
                key=f"image_{size}_{fmt}_{chart.key}",
                on_click="ignore",  # no rerun: the page stays as it is while the image is made
                width="stretch",
            )


def area_map(
    bounds: geo.Boundaries,
    presence: pd.DataFrame | None,
    *,
    lang: str,
    indicator: maps.IndicatorLayer | None = None,
    layers: Collection[str] = (),
    title: str,
    marked: Collection[str] | None = None,
) -> go.Figure:
    """Karta's map, or an insats's areas (`marked`; `presence` None), drawn by Plotly (figures.area_map),
    shared by every run and session that shows the same map: building it costs about 20 ms, its key (the
    areas' colours and the names) next to nothing."""
    colours = (
        ()
        if presence is None
        else tuple(zip(presence["omrade_kod"], presence["har_team"], presence["kraftsamlande"], strict=True))
    )
    layer = (
        None
        if indicator is None
        else (
            indicator.name,
            indicator.unit,
            indicator.year,
            indicator.higher_is_better,
            tuple(zip(indicator.values["omrade_kod"], indicator.values["varde"].astype(float), strict=True)),
        )
    )
    areas = tuple(sorted(marked)) if marked is not None else None
    key = (bounds.source, bounds.origin, colours, layer, tuple(sorted(layers)), title, areas)
    return cache.cached_figure(
        "area_map",
        key,
        lang,
        lambda _key, language: figures.area_map(
            bounds.geojson,
            presence if presence is not None else pd.DataFrame(),
            lang=language,
            indicator=indicator,
            layers=layers,
            title=title,
            marked=marked,
        ),
    )
