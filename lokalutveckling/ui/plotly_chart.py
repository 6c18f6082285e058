"""Plotly figures drawn by the app's own chart frame (plotly_frame/): a plotly.js with only the trace
types the figures use (scripts/plotly/entry.js, built by scripts/build_plotly.sh), a classic script that
the browser keeps in its HTTP cache and code cache. Streamlit's own Plotly chunk is 4,6 MB and compiled
anew on every load (issue 13).

Streamlit serves a component's files with `Cache-Control: public` and neither max-age nor a validator
(ETag, Last-Modified), so a browser fetches them again for every frame on every load. The bundle is
therefore copied into the app's static files (static/plotly/, served at /app/static/, which answer with
ETag and Last-Modified) under a name that holds its sha256: the file at a name never changes, and its
Last-Modified is set far back so that the browser's heuristic freshness (a tenth of the time since
Last-Modified) keeps it for years. The frame falls back to its own copy when static serving is off."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
import streamlit.components.v1 as components

from lokalutveckling import assets
from lokalutveckling.i18n import t

FRAME = Path(__file__).with_name("plotly_frame")
BUNDLE = FRAME / "plotly.min.js"
STATIC_BUNDLES = assets.STATIC_DIR / "plotly"
# From the frame (<base>/component/<module>.plotly_frame/index.html) to the app's static files.
STATIC_URL = "../../app/static/plotly"
LAST_MODIFIED = 946_684_800  # 2000-01-01: the copy's Last-Modified (see the module's docstring)
# The plotly.js the bundle is built from (scripts/plotly/package.json): the 4.x that Streamlit 1.67's own
# Plotly chunk draws with (the last on npm), so every chart looks as it did through st.plotly_chart. The
# Python plotly package's figures name 3.3.1, whose Sankey lays its nodes out differently.
PLOTLY_JS = "4.1.1"
LOCALES = ("sv", "en")  # the bundle's locales (English is plotly.js's own)
COMPONENT = "plotly_frame"  # served at <base>/component/lokalutveckling.ui.plotly_chart.plotly_frame/

_frame = components.declare_component(COMPONENT, path=str(FRAME))


def bundle_name(data: bytes) -> str:
    """The static copy's file name: 'plotly-<first 16 hex digits of its sha256>.min.js'."""
    return f"plotly-{hashlib.sha256(data).hexdigest()[:16]}.min.js"


def install_bundle(static_dir: Path = STATIC_BUNDLES) -> Path:
    """Copy the bundle into `static_dir` under bundle_name (idempotent, safe with several processes)."""
    data = BUNDLE.read_bytes()
    path = static_dir / bundle_name(data)
    if not path.is_file() or path.read_bytes() != data:
        static_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.utime(tmp, (LAST_MODIFIED, LAST_MODIFIED))
        tmp.replace(path)
    return path


@st.cache_resource(show_spinner=False)
def bundle_url() -> str:
    """The bundle's URL from the frame, copied into the static files once per process."""
    return f"{STATIC_URL}/{install_bundle().name}"


def plotly_chart(fig: go.Figure, *, config: dict, key: str, locale: str) -> None:
    """Draw `fig` the column's width and the figure's height (layout.height, else 450 px) with Plotly's
    `config`, the modebar in `locale` ('sv' or 'en') and a button that fills the screen with the chart,
    as st.plotly_chart's has. `key` keeps the frame across reruns: the frame draws again only when
    the figure, the config or the locale changed."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}: the bundle has {', '.join(LOCALES)}")
    _frame(
        spec=pio.to_json(fig, validate=False),
        config=config,
        locale=locale,
        fullscreen=[t("chart_fullscreen", locale), t("chart_close_fullscreen", locale)],
        bundle=bundle_url(),
        key=key,
        default=None,
    )
