"""A link copied after changing choices and the language opens the same view in a fresh browser.

Choices are made in Swedish, the language is switched to English, `page.url` is copied and opened in a
new browser context (no cookies, no session): it must show the same choices and headings, and the URL
holds language-neutral codes, not the labels of either language."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import choose_option, screenshot, wait_for_render


def params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def wait_for_param(page: Page, key: str, value: str) -> None:
    """The URL is updated by the run a choice starts: wait for that state, not for a time."""
    expect(page).to_have_url(re.compile(rf"[?&]{re.escape(key)}={re.escape(value)}(&|$)"), timeout=30_000)


def click_until_param(page: Page, target, key: str, value: str) -> None:
    """Click `target` and wait for the URL to carry key=value. Seen once under a full suite's load: the click
    on a toggle reached no run (30 s later the app was idle and the URL unchanged). The state decides, not
    a time: when the app is idle and the URL still lacks it, the click is made again (at most three times)."""
    idle = """() => !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')"""
    pattern = re.compile(rf"[?&]{re.escape(key)}={re.escape(value)}(&|$)")
    for _ in range(3):
        target.click()
        try:
            expect(page).to_have_url(pattern, timeout=30_000)
            return
        except AssertionError:
            if not page.evaluate(idle):
                raise
    expect(page).to_have_url(pattern, timeout=30_000)


def headings(page: Page) -> list[str]:
    return [h.inner_text().strip() for h in page.locator("h1, h2, h3").all()]


def fresh_page(browser: Browser, url: str) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    fresh = context.new_page()
    fresh.goto(url)
    return fresh


def switch_to_english(page: Page, heading: str) -> None:
    page.get_by_test_id("stSidebar").get_by_text("EN", exact=True).click()
    wait_for_render(page, heading)
    wait_for_param(page, "lang", "EN")


def chip_texts(page: Page, label: str) -> list[str]:
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)
    return tags(box)


def tags(box) -> list[str]:
    """The chosen options a multiselect shows as chips."""
    return [c.strip() for c in box.locator("[data-tag] > span[title]").all_inner_texts()]


def test_a_copied_link_restores_filters_and_page_options_in_a_new_browser(app_url: str, page: Page, browser: Browser):
    page.goto(app_url)
    wait_for_render(page, "Översikt")
    sidebar = page.get_by_test_id("stSidebar")
    choose_option(sidebar, "Fokusområde", "Utbildning")
    page.keyboard.press("Escape")
    wait_for_param(page, "fokus", "utbildning")
    wait_for_render(page, "Översikt")
    choose_option(sidebar, "År", "2022")
    page.keyboard.press("Escape")
    wait_for_param(page, "ar", "2022")
    wait_for_render(page, "Översikt")
    page.get_by_role("radio", name="Staplar", exact=True).click()
    wait_for_param(page, "vy", "bars")
    wait_for_render(page, "Översikt")
    # The table under the nämnd × fokusområde chart.
    click_until_param(page, page.get_by_text("Visa som tabell").nth(1), "table_namnd_fokus", "true")
    wait_for_render(page, "Översikt")

    # Karta: delområden, colouring by an indicator (not the first one), the police layer.
    sidebar.get_by_role("link", name="Karta").click()
    wait_for_render(page, "Karta")
    page.get_by_text("Visa de 136 delområdena").click()
    wait_for_param(page, "karta_delomraden", "true")
    wait_for_render(page, "Karta")
    page.get_by_role("radio", name="Indikator", exact=True).click()
    wait_for_param(page, "karta_farg", "indicator")
    wait_for_render(page, "Karta")
    choose_option(page, "Indikator", "Utbildning: Eftergymnasial utbildning")
    wait_for_param(page, "karta_indikator", "eftergymnasial")
    wait_for_render(page, "Karta")
    page.get_by_test_id("stButtonGroup").get_by_text("Polisens utsatta områden", exact=True).click()
    wait_for_param(page, "karta_lager", "police")
    wait_for_render(page, "Karta")

    switch_to_english(page, "Map")
    karta = params(page)
    # Codes, the same in both languages: no label of either language in the link.
    assert karta["fokus"] == ["utbildning"] and karta["ar"] == ["2022"] and karta["lang"] == ["EN"]
    assert karta["karta_farg"] == ["indicator"] and karta["karta_indikator"] == ["eftergymnasial"]
    assert karta["karta_lager"] == ["kraft", "police"] and karta["karta_delomraden"] == ["true"]
    assert chip_texts(page, "Focus area") == ["Education"]  # the sidebar's choice kept through the switch

    fresh = fresh_page(browser, page.url)
    try:
        wait_for_render(fresh, "Map")
        expect(fresh.get_by_role("radio", name="Indicator", exact=True)).to_have_attribute("aria-checked", "true")
        indicator = fresh.get_by_role("combobox", name="Indicator", exact=True)
        expect(indicator).to_have_value("Education: Post-secondary education 25–64")
        expect(fresh.get_by_role("switch", name="Show the 136 sub-areas")).to_be_checked()
        layers = fresh.get_by_role("toolbar", name="Layers on the map")
        expect(layers.get_by_role("button", name="Police: vulnerable areas")).to_have_attribute("aria-pressed", "true")
        expect(layers.get_by_role("button", name="Concentrated effort")).to_have_attribute("aria-pressed", "true")
        assert chip_texts(fresh, "Focus area") == ["Education"]
        assert chip_texts(fresh, "Year") == ["2022"]
        assert headings(fresh) == headings(page)
        screenshot(fresh, "links_karta_en_fresh")
    finally:
        fresh.context.close()

    # Back on Översikt its choices are as they were left; the link opens them in a fresh browser.
    page.get_by_test_id("stSidebar").get_by_role("link", name="Overview").click()
    wait_for_render(page, "Overview")
    # Each choice reaches the address on its own way (the codes from the server's run, the bound toggle from
    # the browser once it is drawn): wait for both states.
    wait_for_param(page, "vy", "bars")
    expect(page.get_by_role("switch", name="Show as table").nth(1)).to_be_checked()
    wait_for_param(page, "table_namnd_fokus", "true")
    oversikt = params(page)
    assert oversikt["table_namnd_fokus"] == ["true"] and oversikt["fokus"] == ["utbildning"]
    fresh = fresh_page(browser, page.url)
    try:
        wait_for_render(fresh, "Overview")
        expect(fresh.get_by_role("radio", name="Bars", exact=True)).to_have_attribute("aria-checked", "true")
        expect(fresh.get_by_role("switch", name="Show as table").nth(1)).to_be_checked()
        assert chip_texts(fresh, "Focus area") == ["Education"]
        assert headings(fresh) == headings(page)
        shown = fresh.get_by_test_id("stMetric").all_inner_texts()
        assert shown == page.get_by_test_id("stMetric").all_inner_texts()
    finally:
        fresh.context.close()


def test_a_link_to_an_insats_carries_its_id_and_opens_it_in_a_new_browser(app_url: str, page: Page, browser: Browser):
    page.goto(f"{app_url}/insatser")
    wait_for_render(page, "Insatser")
    choose_option(page, "Status", "avbruten")
    page.keyboard.press("Escape")
    wait_for_param(page, "status", "avbruten")
    wait_for_render(page, "Insatser")
    choose_option(page, "Visa en insats i sin helhet", "INS-010")
    wait_for_param(page, "insats", "INS-010")
    wait_for_render(page, "Insatser")
    detail = page.get_by_role("heading", name=re.compile(r"^INS-010 · "))
    expect(detail).to_be_visible()
    name = detail.inner_text().split(" · ", 1)[1]
    expect(page.get_by_role("combobox", name="Visa en insats i sin helhet")).to_have_value(f"INS-010 · {name}")

    switch_to_english(page, "Measures")
    assert params(page)["insats"] == ["INS-010"] and params(page)["status"] == ["avbruten"]
    expect(page.get_by_role("heading", name=f"INS-010 · {name}")).to_be_visible()

    fresh = fresh_page(browser, page.url)
    try:
        wait_for_render(fresh, "Measures")
        expect(fresh.get_by_role("heading", name=f"INS-010 · {name}")).to_be_visible()
        expect(fresh.get_by_role("combobox", name="Show one measure in full")).to_have_value(f"INS-010 · {name}")
        status = fresh.get_by_test_id("stMultiSelect").filter(has_text="Status")
        assert tags(status) == ["stopped"]
        assert params(fresh)["insats"] == ["INS-010"]
    finally:
        fresh.context.close()


def test_an_old_label_style_link_opens_the_right_view_and_unknown_values_are_dropped(app_url: str, page: Page):
    page.goto(f"{app_url}/?lang=EN&fokus=Housing&kalla=KS+anslag+till+f%C3%B6rfogande&vy=Staplar&namnd=Nonsense")
    wait_for_render(page, "Overview")
    wait_for_param(page, "fokus", "boende")
    assert params(page)["kalla"] == ["ks_anslag"] and params(page)["vy"] == ["bars"]
    assert "namnd" not in params(page)
    assert chip_texts(page, "Focus area") == ["Housing"]
    assert chip_texts(page, "Funding source") == ["KS discretionary budget"]
    expect(page.get_by_role("radio", name="Bars", exact=True)).to_have_attribute("aria-checked", "true")
