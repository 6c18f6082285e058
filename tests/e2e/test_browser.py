"""End to end: the app in headless Chromium, every page, filters in the URL, language, no external requests."""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from lokalutveckling.paths import ROOT
from tests.e2e.conftest import screenshot, start_app, wait_for_render

pytestmark = pytest.mark.e2e
LOCAL = {"127.0.0.1", "localhost", None, ""}
# The default page is served at the root; "/oversikt" would be "Page not found".
PAGES = [
    ("", "Översikt"),
    ("karta", "Karta"),
    ("omrade", "Område"),
    ("insatser", "Insatser"),
    ("namnder", "Nämnder"),
    ("behov", "Behov och närvaro"),
    ("beslut", "Beslut och källor"),
]


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_every_page_opens_without_an_error_box(app_url: str, page: Page, path: str, heading: str):
    external: list[str] = []
    page.on("request", lambda r: external.append(r.url) if urlparse(r.url).hostname not in LOCAL else None)
    page.goto(f"{app_url}/{path}")
    wait_for_render(page, heading)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    screenshot(page, path or "oversikt")
    assert external == [], external


def test_oversikt_draws_its_charts_and_the_reconciliation(app_url: str, page: Page):
    page.goto(app_url)
    wait_for_render(page, "Översikt")
    # Six charts (one in the second tab) draw after the script has finished.
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 5", timeout=30_000)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "19\u00a0700\u00a0000\u00a0kr" in body and "18\u00a0600\u00a0000\u00a0kr" in body
    assert "Exempeldata" in body and "Verkliga siffror" in body


def test_a_link_opens_the_same_view(app_url: str, page: Page):
    page.goto(f"{app_url}/?ar=2022&kalla=KS+anslag+till+f%C3%B6rfogande")
    wait_for_render(page, "Översikt")
    total = page.locator('[data-testid="stMetric"]').first.inner_text()
    assert "15,0\u00a0mnkr" in total


def test_language_switch_translates_and_goes_into_the_url(app_url: str, page: Page):
    page.goto(app_url)
    wait_for_render(page, "Översikt")
    switch = page.locator('[data-testid="stSidebar"]').get_by_text("EN", exact=True)
    expect(switch).to_be_visible(timeout=30_000)
    switch.click()
    expect(page.get_by_role("heading", name="Overview", level=1)).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile(r"lang=EN"))
    wait_for_render(page, "Overview")
    screenshot(page, "oversikt_en")


def test_a_shared_link_to_a_page_works_as_the_first_request_after_a_restart(db_file, page: Page):
    """With a pages/ folder Streamlit runs a page alone until st.navigation has run once; the page
    must still get the shared frame (language switch, filters) from dashboard.py."""
    process, url = start_app(ROOT / "dashboard.py", {**os.environ, "LOKALUTVECKLING_DB": str(db_file)})
    try:
        page.goto(f"{url}/karta?karta_ar=2020")
        wait_for_render(page, "Karta")
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("Filter", exact=True)).to_be_visible()
        expect(sidebar.get_by_text("Översikt")).to_be_visible()
        expect(sidebar.locator('[data-testid="stSidebarNavLink"]')).to_have_count(4)  # not the legacy list of files
        assert "karta_ar=2020" in page.url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_karta_draws_the_14_areas_with_the_network_closed(app_url: str, page: Page):
    blocked: list[str] = []

    def only_local(route):
        if urlparse(route.request.url).hostname in LOCAL:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(f"{app_url}/karta?karta_ar=2020")
    wait_for_render(page, "Karta")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    areas = frame.locator("path.leaflet-interactive")
    expect(areas.first).to_be_visible(timeout=30_000)
    assert areas.count() >= 14
    areas.nth(9).hover()
    expect(frame.locator(".leaflet-tooltip")).to_contain_text("Område")
    screenshot(page, "karta")
    assert blocked == [], blocked


@pytest.mark.parametrize("query", ["karta_ar=2020", "karta_farg=Indikator&lang=SV&kalla=Delmos"])
def test_a_click_on_an_area_opens_its_profile(app_url: str, page: Page, query: str):
    page.goto(f"{app_url}/karta?{query}")
    wait_for_render(page, "Karta")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    areas = frame.locator("path.leaflet-interactive")
    expect(areas.first).to_be_visible(timeout=30_000)
    # The whole map in view, as a user sees it (a click on an area cut off by the window edge is lost).
    iframe = page.locator('iframe[title="streamlit_folium.st_folium"]')
    iframe.evaluate("e => e.scrollIntoView({block: 'center'})")
    # st_folium listens for clicks once its component has started: wait for its handlers on the areas.
    iframe.element_handle().content_frame().wait_for_function(
        "() => window.map && Object.values(window.map._layers).filter(l => l._events && l._events.click).length > 14"
    )
    # Features are drawn in code order: the 11th is område 11, Nydala, Almhög m fl.
    areas.nth(10).click(force=True)
    expect(page.get_by_role("heading", name="Nydala, Almhög m fl")).to_be_visible(timeout=30_000)
    assert urlparse(page.url).path.endswith("/omrade")
    params = parse_qs(urlparse(page.url).query)
    assert params["omrade"] == ["Nydala, Almhög m fl"]
    assert not any(k.startswith("karta_") for k in params)
    if "kalla=Delmos" in query:
        assert params["kalla"] == ["Delmos"]
    screenshot(page, "omrade_from_map")
