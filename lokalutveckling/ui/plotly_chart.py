"""Plotly figures drawn with the app's own plotly.js (plotly_js/plotly.min.js): only the trace types
the figures use (scripts/plotly/entry.js, built by scripts/build_plotly.sh), a classic script the browser
keeps in its HTTP cache and code cache. Streamlit's own Plotly chunk is 4,6 MB and compiled anew on every
load (issue 13).

The chart is a Streamlit component of the second kind (`st.components.v2`): its script (chart.js) runs in
the app's document, with no frame of its own, so plotly.js is loaded once per browser tab and a click to
another page draws its charts at once. (In a frame per chart, as first built, every chart loaded and ran
plotly.js again: clicks to the chart pages took 1,3-1,7x as long; benchmarks/run.py.)

The bundle is copied into the app's static files (static/plotly/, served at /app/static/ with ETag and
Last-Modified) under a name that holds its sha256: the file at a name never changes, and its
Last-Modified is set far back so that the browser's heuristic freshness (a tenth of the time since
Last-Modified) keeps it for years."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import streamlit as st
import streamlit.components.v2 as components

from lokalutveckling import assets
from lokalutveckling.i18n import t

FRAME = Path(__file__).with_name("plotly_js")
BUNDLE = FRAME / "plotly.min.js"
STATIC_BUNDLES = assets.STATIC_DIR / "plotly"
STATIC_URL = "app/static/plotly"  # from the page, resolved against its base
LAST_MODIFIED = 946_684_800  # 2000-01-01: the copy's Last-Modified (see the module's docstring)
# The plotly.js the bundle is built from (scripts/plotly/package.json): the 4.x that Streamlit 1.67's own
# Plotly chunk draws with (the last on npm), so every chart looks as it did through st.plotly_chart. The
# Python plotly package's figures name 3.3.1, whose Sankey lays its nodes out differently.
PLOTLY_JS = "4.1.1"
LOCALES = ("sv", "en")  # the bundle's locales (English is plotly.js's own)
COMPONENT = "lokalutveckling_plotly_chart"

_chart = components.component(
    COMPONENT, js=(FRAME / "chart.js").read_text(encoding="utf-8"), isolate_styles=False
)  # Plotly puts its styles into the document's head: no shadow root


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


def plotly_chart(spec: str, *, config: dict, key: str, locale: str, fill: dict | None = None) -> None:
    """Draw the figure `spec` (Plotly's JSON) the column's width and the figure's height (layout.height,
    else 450 px) with Plotly's `config`, the modebar in `locale` ('sv' or 'en') and a button that fills
    the screen with the chart, as st.plotly_chart's has. `key` keeps the chart across reruns: it draws
    again only when the figure, the config or the locale changed. `fill` (presentation mode): the height
    of the window from the chart's top down instead, less the elements matching the CSS selector
    `fill["below"]` and `fill["gap"]` px, at least `fill["min"]` px, its type, margins and note offsets in
    proportion to the window against `fill["base"]` ([width, height] the sizes are for); drawn again when
    the window resizes."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}: the bundle has {', '.join(LOCALES)}")
    _chart(
        data={
            "spec": spec,
            "config": config,
            "locale": locale,
            "fullscreen": [t("chart_fullscreen", locale), t("chart_close_fullscreen", locale)],
            "bundle": bundle_url(),
            **({"fill": fill} if fill else {}),
        },
        key=key,
        width="stretch",
        height="content",
    )
