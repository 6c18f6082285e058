"""Charts and Karta's map as images (rendering.images, through Kaleido and Debian's chromium), read back:
their sizes, that they are drawn (many colours, a dark title), the texts of the SVG; and the image
downloads under every chart (ui.images) in AppTest, whose PNG decodes."""

from __future__ import annotations

import html
import io
import re
from dataclasses import replace
from typing import ClassVar

import plotly.graph_objects as go
import pytest
from PIL import Image
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from lokalutveckling.paths import ROOT
from lokalutveckling.rendering import images
from lokalutveckling.rendering.model import Chart, Report
from lokalutveckling.ui import session

pytestmark = pytest.mark.skipif(images.browser() is None, reason="Debian's chromium is missing (scripts/chromium.sh)")

ENTRY = str(ROOT / "dashboard.py")


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.convert("RGB")


def drawn_colours(image: Image.Image) -> int:
    return len(image.getcolors(maxcolors=1 << 20) or [])


def has_dark_text(image: Image.Image, top: float) -> bool:
    """Whether the band from the top to `top` (a share of the height) holds dark (text) pixels."""
    band = image.crop((0, 0, image.width // 2, int(image.height * top))).convert("L")
    return min(band.getdata()) < 80


@pytest.fixture(scope="module")
def allocation(recorded_views: dict[str, Report]) -> Chart:
    """Översikt's first chart (kronor per nämnd, 2022) as the page recorded it."""
    return recorded_views["oversikt"].charts[0]


@pytest.fixture(scope="module")
def area_map(recorded_views: dict[str, Report]) -> Chart:
    """Karta's map as the page recorded it."""
    return next(c for c in recorded_views["karta"].charts if c.key == "karta_omraden")


def test_slide_png_is_16_9_at_2400_px_and_drawn(allocation):
    image = png(images.image(allocation, size="slide"))
    assert image.size == (2400, 1350)
    assert drawn_colours(image) > 200  # bars, hatching, antialiased text: not a blank page
    assert has_dark_text(image, 0.05)  # the title at the top


def test_a4_png_is_the_a4_size_at_least_and_drawn(allocation):
    image = png(images.image(allocation, size="a4"))
    width, height = images.SIZES["a4"]
    scale = images.SCALES["a4"]
    assert image.width == round(width * scale) == 2400
    # As tall as the figure wants (the allocation bars with their note: 669 px), within the page.
    assert round(height * scale) <= image.height <= round(images.A4_MAX_HEIGHT * scale)
    wanted = max(height, images.drawn_figure(allocation, "a4").layout.height) * scale
    assert abs(image.height - wanted) <= 1  # whole pixels
    assert drawn_colours(image) > 200
    assert has_dark_text(image, 0.04)


def test_svg_holds_title_badge_filters_and_source(allocation):
    svg = images.image(allocation, fmt="svg").decode("utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", svg))
    assert allocation.title in text
    assert allocation.badge in text
    assert "Källa" in text and "År: 2022" in text
    assert "Stadskontorets tjänsteskrivelse 2022-08-12" in text  # the source document by name


def test_a_figure_taller_than_a4_stops_at_the_page(allocation):
    tall = replace(allocation, figure=go.Figure(allocation.figure).update_layout(height=3000))
    image = png(images.image(tall, size="a4"))
    assert image.height == round(images.A4_MAX_HEIGHT * images.SCALES["a4"])
    slide = png(images.image(tall, size="slide"))
    assert slide.size == (2400, 1350)  # a slide is a slide: the plot gives way, not the size


def test_karta_map_image_draws_the_areas_with_their_names(area_map):
    assert area_map.kind == "exempel" and area_map.badge == "Exempeldata"
    assert "Läge vid slutet av år" in area_map.filters
    image = png(images.image(area_map, size="slide"))
    assert image.size == (2400, 1350)
    assert drawn_colours(image) > 100
    svg = html.unescape(images.image(area_map, fmt="svg").decode("utf-8"))
    for name in ("Västra hamnen", "Möllevången", "Nydala", "Oxie Kyrkby", "Bunkeflostrand"):
        assert f">{name}<" in svg  # each area's short name on it
    assert "Områdesteam" in svg and "Inget områdesteam" in svg  # the legend
    # Where the boundaries come from: the boundary file (LOKALUTVECKLING_GEO), else the schematic squares.
    assert ("Gränser: Malmö stads 136" in svg) != ("Schematisk karta" in svg)


class KeptMediaFiles(MediaFileManager):
    """AppTest's media file manager, kept after the run (AppTest drops its runtime), to press a button."""

    made: ClassVar[list[MediaFileManager]] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        KeptMediaFiles.made.append(self)


def run() -> AppTest:
    """Översikt for 2022 in AppTest."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["ar"] = "2022"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def image_buttons(at: AppTest) -> list:
    return [b for b in at.get("download_button") if b.proto.id.split("-")[-1].startswith("image_")]


def deferred_bytes(button) -> bytes:
    """What a download button's callable gives when the button is pressed (as Streamlit's server calls it)."""
    manager = KeptMediaFiles.made[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    file_id = url.rsplit("/", 1)[-1].split(".")[0]
    return manager._storage.get_file(file_id).content


def test_every_chart_has_the_image_downloads_and_they_make_images(db_file, monkeypatch):
    monkeypatch.setattr(app_test_module, "MediaFileManager", KeptMediaFiles)
    at = run()
    charts = at.session_state[session.RECORDED].charts
    popovers = [p for p in at.get("popover") if p.proto.popover.label == "Bild"]
    assert len(popovers) == len(charts) == 5
    buttons = image_buttons(at)
    assert len(buttons) == 3 * len(charts)
    labels = [b.proto.label for b in buttons[:3]]
    assert labels == ["PNG för bildspel (16:9)", "PNG för A4", "SVG (vektor)"]
    assert all(b.proto.deferred_file_id and b.proto.ignore_rerun for b in buttons)  # made on click, no rerun
    image = png(deferred_bytes(buttons[0]))
    assert image.size == (2400, 1350)
    assert b"<svg" in deferred_bytes(buttons[2])[:400]


def test_without_chromium_the_popover_says_what_is_missing(db_file, monkeypatch):
    monkeypatch.setattr(images, "browser", lambda: None)
    at = run()
    assert image_buttons(at) == []
    assert any("Chromium" in c.value and "scripts/chromium.sh" in c.value for c in at.caption)
    assert len([p for p in at.get("popover") if p.proto.popover.label == "Bild"]) == 5
