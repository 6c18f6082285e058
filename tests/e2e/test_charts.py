"""End to end: every chart draws in the page with the app's own plotly.js (ui.plotly_chart), at the
column's width and the figure's height, the modebar in the page's language with the camera's PNG as
configured, nothing loaded from elsewhere, and a rerun that leaves a figure as it was does not draw it
again."""

from __future__ import annotations

import struct
from datetime import date
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import CHART, choose_option, screenshot, wait_for_charts, wait_for_render

pytestmark = pytest.mark.e2e
LOCAL = {"127.0.0.1", "localhost", None, ""}
# path, heading, the charts the page draws at least on first view (default store, no filters)
PAGES = [("", "Översikt", 5), ("namnder", "Nämnder", 2), ("omrade", "Område", 1), ("behov", "Behov och närvaro", 1)]
SIZES = """sel => [...document.querySelectorAll(sel)].map(gd => {
  const box = gd.getBoundingClientRect();
  return {frame: [Math.round(box.width), Math.round(box.height)], plot: [gd._fullLayout.width, gd._fullLayout.height],
          wanted: gd.layout.height, column: Math.round(gd.parentElement.getBoundingClientRect().width),
          draws: Number(gd.dataset.draws),
          buttons: [...gd.querySelectorAll('.modebar-btn')].map(a => a.getAttribute('data-title'))};
})"""
DRAWS = """sel => [...document.querySelectorAll(sel)].map(gd => [gd.dataset.draws || null, gd.__mark ?? null])"""


def open_page(page: Page, url: str, heading: str, least: int) -> list[dict]:
    """Open a page and wait until every chart on it has drawn; their sizes and modebars."""
    page.goto(url)
    wait_for_render(page, heading)
    frames = page.locator(CHART)
    expect(frames.nth(least - 1)).to_be_attached()
    wait_for_charts(page, frames.count())
    return page.evaluate(SIZES, CHART)


@pytest.mark.parametrize(("path", "heading", "least"), PAGES)
def test_every_chart_draws_at_its_size_with_a_swedish_modebar_and_nothing_from_elsewhere(
    app_url: str, page: Page, path: str, heading: str, least: int
):
    external: list[str] = []
    page.on("request", lambda r: external.append(r.url) if urlparse(r.url).hostname not in LOCAL else None)
    charts = open_page(page, f"{app_url}/{path}", heading, least)
    assert len(charts) >= least
    for chart in charts:
        # The figure's height (the chart's box is exactly as tall) at the column's width.
        assert chart["frame"][1] == chart["plot"][1] == chart["wanted"], chart
        assert chart["frame"][0] == chart["plot"][0] == chart["column"], chart
        assert chart["draws"] == 1, chart
        assert {"Ladda ner diagram som PNG", "Helskärm"} <= set(chart["buttons"]), chart
        assert "Välj lasso" not in chart["buttons"] and "Download plot as a PNG" not in chart["buttons"]
    assert "Zooma in" in {b for chart in charts for b in chart["buttons"]}  # the bars' and heatmaps' own
    assert external == [], external
    screenshot(page, f"charts_{path or 'oversikt'}")


def test_the_modebar_speaks_english_on_english_pages(app_url: str, page: Page):
    charts = open_page(page, f"{app_url}/namnder?lang=EN", "Committees", 2)
    for chart in charts:
        assert {"Download plot as a PNG", "Fullscreen"} <= set(chart["buttons"]), chart
        assert "Ladda ner diagram som PNG" not in chart["buttons"]


def test_the_camera_downloads_the_chart_as_configured(app_url: str, page: Page):
    open_page(page, app_url, "Översikt", 5)
    frame = page.locator(CHART).first
    frame.locator(".main-svg").first.hover()
    with page.expect_download(timeout=30_000) as download:
        frame.locator('.modebar-btn[data-title="Ladda ner diagram som PNG"]').click()
    name = download.value.suggested_filename
    assert name.startswith("oversikt_") and name.endswith(f"_{date.today().isoformat()}.png"), name
    png = open(download.value.path(), "rb").read(24)  # the PNG's header: its size
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, _height = struct.unpack(">II", png[16:24])
    assert width == 2 * 1280  # widgets.IMAGE_WIDTH at PLOTLY_CONFIG's scale, whatever the screen


def test_a_rerun_draws_only_the_charts_whose_figure_changed(app_url: str, page: Page):
    open_page(page, app_url, "Översikt", 5)
    # Each chart marked, to tell a chart drawn again from one Streamlit mounted anew.
    page.evaluate("sel => document.querySelectorAll(sel).forEach((gd, i) => { gd.__mark = i; })", CHART)
    assert page.evaluate(DRAWS, CHART) == [["1", i] for i in range(5)]
    page.locator('[data-testid="stMain"]').get_by_text("Visa som tabell").first.click()  # a rerun, the same figures
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible(timeout=30_000)
    wait_for_render(page, "Översikt")
    # The same charts (the table opens inside its chart's block), none drawn again.
    assert page.evaluate(DRAWS, CHART) == [["1", i] for i in range(5)]
    sidebar = page.locator('[data-testid="stSidebar"]')
    choose_option(sidebar, "År", "2022")  # new figures (and fewer key figures above them)
    sidebar.get_by_label("År", exact=True).press("Escape")  # a multiselect stays open after a choice
    page.wait_for_function(f"sel => ({DRAWS})(sel).some(([draws, mark]) => draws === '2' && mark !== null)", arg=CHART)
    wait_for_render(page, "Översikt")
    wait_for_charts(page, page.locator(CHART).count())
    # A kept chart drew its new figure once; one that Streamlit mounted anew (the elements above it
    # changed) drew once.
    for draws, mark in page.evaluate(DRAWS, CHART):
        assert draws == ("2" if mark is not None else "1"), (draws, mark)
