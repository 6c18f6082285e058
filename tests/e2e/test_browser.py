"""End to end: the app in headless Chromium, every page, filters in the URL, language, no external requests."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, wait_for_render

pytestmark = pytest.mark.e2e
LOCAL = {"127.0.0.1", "localhost", None, ""}
PAGES = [("oversikt", "Översikt"), ("beslut", "Beslut och källor")]


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_every_page_opens_without_an_error_box(app_url: str, page: Page, path: str, heading: str):
    external: list[str] = []
    page.on("request", lambda r: external.append(r.url) if urlparse(r.url).hostname not in LOCAL else None)
    page.goto(f"{app_url}/{path}")
    wait_for_render(page, heading)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
    screenshot(page, path)
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
    page.goto(f"{app_url}/oversikt?ar=2022&kalla=KS+anslag+till+f%C3%B6rfogande")
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
