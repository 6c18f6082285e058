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

# px (drawn at SCALE): a 16:9 slide, and the text width of an A4 page at the height of a third of it.
SIZES = {"slide": (1600, 900), "a4": (1600, 1000)}
SCALE = 1.5  # 2 400 px wide: sharp on a projector and in print
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
# The note under the plot wraps at this many characters (a page's narrow column wraps at 56).
NOTE_WIDTH = {"slide": 150, "a4": 150}

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
    fig.update_layout(width=width, height=max(height, int(fig.layout.height or 0)) if size == "a4" else height)
    return fig


def image(chart: Chart, *, size: str = "slide", fmt: str = "png") -> bytes:
    """The chart as PNG or SVG bytes of `size` ('slide' or 'a4')."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    return figure_image(drawn_figure(chart, size), fmt=fmt)


def figure_image(fig: go.Figure, *, fmt: str = "png") -> bytes:
    """Any figure (its own width and height) as PNG or SVG bytes."""
    with _LOCK:  # one drawing at a time through the one browser
        _ensure_started()
        return pio.to_image(fig, format=fmt, scale=SCALE if fmt == "png" else 1, validate=False)
