"""The register's kronor in Chromium on an English browser: Swedish format ('330 000 kr'), sorted as numbers.

The grid draws its cells on a canvas; an init script records every text it draws (fillText) with its
position, so the test reads what a user sees."""

from __future__ import annotations

import csv
import re

from playwright.sync_api import Browser

from lokalutveckling.paths import ROOT
from tests.e2e.conftest import wait_for_render

NBSP = "\u00a0"
RECORD_DRAWN_TEXT = """
window.__drawn = [];
const fillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
  // Where on its canvas, in CSS pixels (the page scrolls inside Streamlit's own container, so a
  // position on screen is read from the canvas when it is needed).
  const m = this.getTransform();
  const ratio = this.canvas.width / (this.canvas.getBoundingClientRect().width || 1);
  window.__drawn.push({text: String(text), x: (m.a * x + m.e) / ratio, y: (m.d * y + m.f) / ratio});
  return fillText.call(this, text, x, y, ...rest);
};
"""
KRONOR = re.compile(rf"^\d{{1,3}}(?:{NBSP}\d{{3}})*{NBSP}kr$")


def seed_insatser() -> list[dict[str, str]]:
    with (ROOT / "data" / "seed" / "insatser.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def drawn(page) -> list[tuple[str, float, float]]:
    return [(d["text"], d["x"], d["y"]) for d in page.evaluate("() => window.__drawn")]


def kronor_column(page, header_x: float) -> list[int]:
    """The kronor cells drawn last in the column under the header, top to bottom, as numbers."""
    cells: dict[float, str] = {}
    for text, x, y in drawn(page):
        if KRONOR.match(text) and abs(x - header_x) < 120:
            cells[round(y)] = text  # a later draw of the same row replaces the earlier one
    return [int(re.sub(r"\D", "", cells[y])) for y in sorted(cells)]


def test_register_kronor_are_swedish_on_an_english_browser_and_sort_as_numbers(browser: Browser, app_url):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
    context.add_init_script(RECORD_DRAWN_TEXT)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/insatser?insatser_rader=100")  # the whole register on one page: the header sorts it
        wait_for_render(page, "Insatser")
        assert page.evaluate("() => navigator.language") == "en-US"
        page.locator('[data-testid="stDataFrame"]').first.scroll_into_view_if_needed()
        page.wait_for_function("() => window.__drawn.some(d => d.text === 'Kronor')")
        texts = [t for t, _, _ in drawn(page)]
        # INS-064, Boendeskola för unga hyresgäster: 330 000 kr in the seeds; never '330,000'.
        assert f"330{NBSP}000{NBSP}kr" in texts
        assert not any(re.fullmatch(r"[\d,]+(\.\d+)?", t) and "," in t for t in texts)
        header = [(x, y) for t, x, y in drawn(page) if t == "Kronor"][-1]
        before = kronor_column(page, header[0])
        assert len(before) > 5 and before != sorted(before)

        page.evaluate("() => { window.__drawn = []; }")
        box = page.locator('[data-testid="stDataFrame"] canvas').first.bounding_box()
        page.mouse.click(box["x"] + header[0] + 5, box["y"] + header[1])
        # The grid redraws the column once sorted: wait for a drawn top row holding the smallest amount of
        # the register (from the seeds), then read the whole column.
        smallest = min(int(r["belopp_kr"]) for r in seed_insatser() if r["belopp_kr"])
        page.wait_for_function(
            "([x, text]) => window.__drawn.some(d => d.text === text && Math.abs(d.x - x) < 120)",
            arg=[header[0], f"{smallest:,}".replace(",", NBSP) + f"{NBSP}kr"],
        )
        after = kronor_column(page, header[0])
        assert len(after) > 5 and after[0] == smallest
        # Numeric order (as text, "1 130 000 kr" would come before "150 000 kr").
        assert after == sorted(after) and after != before
    finally:
        context.close()
