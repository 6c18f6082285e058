"""End to end: an area found by a name people use (a police area, a former stadsdel) on Område."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, wait_for_render

pytestmark = pytest.mark.e2e


def test_typing_seved_on_omrade_shows_its_area_and_how_it_maps(app_url: str, page: Page):
    page.goto(f"{app_url}/omrade")
    wait_for_render(page, "Område")
    box = page.get_by_label("Sök område med vilket namn som helst")
    box.fill("seved")
    box.press("Enter")
    expect(page.get_by_role("heading", name="Möllevången, Rådmansvången m fl", level=2)).to_be_visible(timeout=30_000)
    wait_for_render(page, "Område")
    answer = page.locator(".st-key-omrade_sok_svar")
    expect(answer).to_contain_text(
        "Seved (polisens lista 2025: utsatt område) ligger i Möllevången, Rådmansvången m fl"
    )
    expect(answer).to_contain_text("Seved är en del av delområdet Södra Sofielund")
    expect(page.get_by_text("Polisens lista 2025: Seved, utsatt (Södra Sofielund)")).to_be_visible()
    assert parse_qs(urlparse(page.url).query)["omrade"] == ["9"]
    screenshot(page, "omrade_seved")


def test_fosie_spans_three_areas_and_the_reader_chooses_one(app_url: str, page: Page):
    page.goto(f"{app_url}/omrade")
    wait_for_render(page, "Område")
    box = page.get_by_label("Sök område med vilket namn som helst")
    box.fill("Fosie")
    box.press("Enter")
    answer = page.locator(".st-key-omrade_sok_svar")
    expect(answer).to_contain_text("Fosie (stadsdel till 2013) spänner över 3 områden")
    answer.get_by_role("button", name="Visa Lindeborg, Borgmästaregården m fl").click()
    expect(page.get_by_role("heading", name="Lindeborg, Borgmästaregården m fl", level=2)).to_be_visible(timeout=30_000)
    wait_for_render(page, "Område")
    assert parse_qs(urlparse(page.url).query)["omrade"] == ["13"]
