"""Charts as images: a recorded chart (model.Chart) with its title, badge, filters and sources drawn in,
as PNG or SVG, sized for a slide (16:9) or an A4 page. Plotly draws them through Kaleido, which runs a
headless Chromium: Debian's `chromium` (scripts/chromium.sh installs it), found at BROWSER_PATH or on the
PATH; no internet. One browser is started on first use and kept for the process."""

from __future__ import annotations

import os
import shutil
import threading

import plotly.graph_objects as go
import plotly.io as pio

from lokalutveckling import figures
from lokalutveckling.rendering.model import Chart

# px as the figure is laid out, and the scale its PNG is drawn at: both 2 400 px wide, sharp on a projector
# and in print. The layout is narrower than a screen's so that the type reads: on a 16:9 slide (13,3 inches
# wide) the 15 px type is 11 pt, and on the text width of an A4 page (17 cm) 7 pt and the 12 px source
# note 6 pt (laid out 1 600 px wide they were 7 pt on the slide, 4,5 and 3,6 pt on A4).
SIZES = {"slide": (1280, 720), "a4": (1000, 625)}
SCALES = {"slide": 1.875, "a4": 2.4}
SCALE = 1.5  # a figure drawn at its own size (figure_image)
A4_MAX_HEIGHT = 1400  # px: a tall figure on A4 grows to its height, at most to what the page's text area holds
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
# The note under the plot wraps at this many characters (a page's narrow column wraps at 56).
NOTE_WIDTH = {"slide": 170, "a4": 130}

_LOCK = threading.Lock()
_started = False


class ImagesUnavailable(RuntimeError):
    """No browser to draw with: the message says what to install."""


def browser() -> str | None:
    """The Chromium Kaleido draws with: BROWSER_PATH, else chromium on the PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured and os.path.exists(configured):
        return configured
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _ensure_started() -> None:
    global _started
    if _started:
        return
    path = browser()
    if path is None:
        raise ImagesUnavailable(
            "Bilder kräver Chromium (Debians paket chromium): installera det med scripts/chromium.sh "
            "eller ange sökvägen i BROWSER_PATH."
        )
    os.environ["BROWSER_PATH"] = path
    import kaleido  # lazy: only processes that draw images start a browser

    kaleido.start_sync_server(silence_warnings=True)
    _started = True


def drawn_figure(chart: Chart, size: str = "slide") -> go.Figure:
    """The chart as it is drawn into an image of `size`: with its provenance, the size's width and height."""
    width, height = SIZES[size]
    fig = figures.with_provenance(chart.figure, **chart.provenance(), width=NOTE_WIDTH[size])
    if size == "a4":  # as tall as the figure wants, within the page
        height = min(max(height, int(fig.layout.height or 0)), A4_MAX_HEIGHT)
    fig.update_layout(width=width, height=height)
    return fig


def image(chart: Chart, *, size: str = "slide", fmt: str = "png") -> bytes:
    """The chart as PNG or SVG bytes of `size` ('slide' or 'a4')."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    return figure_image(drawn_figure(chart, size), fmt=fmt, scale=SCALES[size])


def figure_image(fig: go.Figure, *, fmt: str = "png", scale: float = SCALE) -> bytes:
    """Any figure (its own width and height) as PNG (drawn at `scale`) or SVG bytes."""
    with _LOCK:  # one drawing at a time through the one browser
        _ensure_started()
        return pio.to_image(fig, format=fmt, scale=scale if fmt == "png" else 1, validate=False)
