"""A chart's image as a reader downloads it: "Bild" under the chart opens its choices (drawn on opening),
and the PNG for a slide arrives named for the page, the view and the date, 2 400 × 1 350 px."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image

from tests.e2e.conftest import wait_for_charts, wait_for_render


def test_the_bild_menu_opens_and_downloads_the_chart_as_a_slide_png(app_url, page):
    page.goto(f"{app_url}/?ar=2022")
    wait_for_render(page, "Översikt")
    wait_for_charts(page, 5)
    page.get_by_role("button", name="Bild").first.click()
    choice = page.get_by_role("button", name="PNG för bildspel (16:9)")
    choice.wait_for(state="visible", timeout=30_000)
    with page.expect_download(timeout=60_000) as made:
        choice.click()
    download = made.value
    assert download.suggested_filename == f"oversikt_tilldelning_per_namnd_{date.today().isoformat()}_bild_16x9.png"
    image = Image.open(io.BytesIO(open(download.path(), "rb").read()))
    assert image.size == (2400, 1350)
    assert len(set(image.convert("RGB").getdata())) > 200  # a drawn chart, not an empty picture
