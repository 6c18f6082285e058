"""End to end, presentation mode (issue 14 item 1) in headless Chromium at a projector's 1280×720: no
sidebar or Streamlit chrome, the slide's chart fills most of the window, the arrow keys step through the
view with the position in the address, Escape leaves it for the same view; the page's meeting controls
take no room above its first chart, and its PDF report and slides download."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import CHART, screenshot, wait_for_render

pytestmark = pytest.mark.e2e
SLIDE = ".st-key-lu-slide"
IDLE = (
    '() => !!document.querySelector(\'[data-testid="stApp"][data-test-script-state="notRunning"]'
    '[data-test-connection-state="CONNECTED"]\') && !document.querySelector(\'[data-testid="stSkeleton"]\')'
)
# The slide's chart has drawn (Plotly's SVG and its traces) and says `title` in its own title.
SLIDE_DRAWN = f"""title => {{
  const gd = document.querySelector('{SLIDE} {CHART}');
  const drawn = gd && gd.querySelector('.main-svg') && gd._fullData && gd._fullData.length === gd.data.length;
  const shown = gd && gd.querySelector('.gtitle');
  return !!(drawn && shown && shown.textContent.trim() === title);
}}"""
KEYS_READY = "() => !!document.querySelector('[data-ready=\"true\"]')"


@pytest.fixture()
def projector(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def slide_title(page: Page) -> str:
    return page.locator(f"{SLIDE} {CHART} .gtitle").first.text_content().strip()


def wait_for_slide(page: Page, title: str, position: str) -> None:
    expect(page.locator(f"{SLIDE} .lu-position")).to_have_text(position, timeout=30_000)
    page.wait_for_function(SLIDE_DRAWN, arg=title, timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000)
    page.wait_for_function(KEYS_READY, timeout=30_000)


def test_presentation_fills_the_projector_and_steps_with_the_keys(app_url: str, projector: Page):
    page = projector
    page.goto(f"{app_url}/?ar=2022&presentation=1")
    wait_for_slide(page, "Pengar per nämnd i besluten och förslagen, per år", re.compile(r"^1 / \d+$"))
    count = int(page.locator(f"{SLIDE} .lu-position").text_content().split("/")[1])
    assert count >= 5  # Översikt: five charts and the reconciliation notes

    # No sidebar, header or toolbar on screen; the page as it ran is not shown (its title is hidden).
    for chrome in ("stSidebar", "stHeader", "stToolbar"):
        expect(page.locator(f'[data-testid="{chrome}"]')).to_be_hidden()
    expect(page.get_by_role("heading", name="Översikt", level=1)).to_be_hidden()
    # The chart fills most of the window; the filters are in the corner.
    box = page.locator(f"{SLIDE} {CHART}").bounding_box()
    assert box is not None
    assert box["width"] >= 0.8 * 1280 and box["height"] >= 0.55 * 720, box
    assert box["y"] + box["height"] <= 720, box  # all of it on the screen
    expect(page.locator(f"{SLIDE} .lu-top")).to_contain_text("År: 2022")
    # The sentence and the sources are under it, the buttons on the screen.
    expect(page.locator(f"{SLIDE} .lu-source")).to_contain_text("Stadskontorets tjänsteskrivelse 2022-08-12")
    next_button = page.get_by_role("button", name="Nästa")
    expect(next_button).to_be_in_viewport()
    screenshot(page, "presentation_oversikt_1280")

    # → : the next slide (the reconciliation notes), the position in the address.
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"{SLIDE} .lu-position")).to_have_text(f"2 / {count}", timeout=30_000)
    expect(page.locator(SLIDE)).to_contain_text("19 700 000 kr")
    page.wait_for_function(IDLE, timeout=30_000)
    assert query(page)["bild"] == ["2"] and query(page)["presentation"] == ["1"]
    # → again: the heatmap.
    page.keyboard.press("ArrowRight")
    wait_for_slide(page, "Kronor per nämnd och fokusområde", f"3 / {count}")
    assert query(page)["bild"] == ["3"]
    # ← back, then End and Home.
    page.keyboard.press("ArrowLeft")
    expect(page.locator(f"{SLIDE} .lu-position")).to_have_text(f"2 / {count}", timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000)
    page.wait_for_function(KEYS_READY, timeout=30_000)
    page.keyboard.press("End")
    expect(page.locator(f"{SLIDE} .lu-position")).to_have_text(f"{count} / {count}", timeout=30_000)
    assert query(page)["bild"] == [str(count)]
    page.wait_for_function(IDLE, timeout=30_000)
    expect(page.get_by_role("button", name="Nästa")).to_be_disabled()
    # The on-screen button.
    page.get_by_role("button", name="Föregående").click()
    expect(page.locator(f"{SLIDE} .lu-position")).to_have_text(f"{count - 1} / {count}", timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000)
    page.wait_for_function(KEYS_READY, timeout=30_000)
    page.keyboard.press("Home")
    wait_for_slide(page, "Pengar per nämnd i besluten och förslagen, per år", f"1 / {count}")

    # Escape: the same view, without presentation and bild; the sidebar is back.
    page.keyboard.press("Escape")
    wait_for_render(page, "Översikt")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    assert "presentation" not in query(page) and "bild" not in query(page)
    assert query(page)["ar"] == ["2022"]
    expect(page.locator(SLIDE)).to_have_count(0)


def test_a_link_opens_at_its_slide_and_the_button_starts_and_leaves(app_url: str, projector: Page):
    page = projector
    page.goto(f"{app_url}/?ar=2022&presentation=1&bild=3")
    wait_for_slide(page, "Kronor per nämnd och fokusområde", re.compile(r"^3 / \d+$"))
    page.get_by_role("button", name="Avsluta").click()
    wait_for_render(page, "Översikt")
    assert "presentation" not in query(page) and query(page)["ar"] == ["2022"]

    # The meeting controls take no room of their own: the page's title starts where it would without them.
    controls = page.locator(".st-key-lu-meeting")
    expect(controls).to_be_in_viewport()
    title = page.get_by_role("heading", name="Översikt", level=1).bounding_box()
    container = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()
    padding = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stMainBlockContainer\"]')).paddingTop)"
    )
    assert title is not None and container is not None
    assert title["y"] - (container["y"] + padding) < 20, (title, container, padding)
    assert controls.bounding_box()["y"] + controls.bounding_box()["height"] <= title["y"] + 8
    screenshot(page, "meeting_controls_oversikt_1280")

    page.get_by_role("button", name="Presentera").click()
    wait_for_slide(page, "Pengar per nämnd i besluten och förslagen, per år", re.compile(r"^1 / \d+$"))
    assert query(page)["presentation"] == ["1"] and query(page)["ar"] == ["2022"]


def test_the_meeting_controls_download_the_view_as_pdf_and_slides(app_url: str, projector: Page):
    page = projector
    page.goto(f"{app_url}/?ar=2022")
    wait_for_render(page, "Översikt")
    with page.expect_download(timeout=120_000) as pdf:
        page.get_by_role("button", name="PDF-rapport").click()
    assert re.fullmatch(r"oversikt_\d{4}-\d{2}-\d{2}\.pdf", pdf.value.suggested_filename)
    assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"
    with page.expect_download(timeout=120_000) as pptx:
        page.get_by_role("button", name="Bildspel (PowerPoint)").click()
    assert re.fullmatch(r"oversikt_\d{4}-\d{2}-\d{2}\.pptx", pptx.value.suggested_filename)
    assert open(pptx.value.path(), "rb").read(2) == b"PK"  # a zip, as every PPTX
