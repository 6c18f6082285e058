"""End to end: the app in headless Chromium, every page, filters in the URL, language, no external requests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import (
    UnrequestedApps,
    choose_option,
    screenshot,
    sign_in,
    wait_for_charts,
    wait_for_render,
)

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
    ("effekt", "Vad ger effekt"),
    ("kvalitet", "Datakvalitet"),
    ("beslut", "Beslut och källor"),
    ("uppdrag", "Uppdrag och återrapportering"),
]


# The tests of the first request after a restart: one server each, started ahead (see UnrequestedApps).
RESTARTS = 3


@pytest.fixture(scope="module", autouse=True)
def restarted(db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnrequestedApps]:
    apps = UnrequestedApps(db_file, tmp_path_factory.mktemp("omstart"), RESTARTS)
    try:
        yield apps
    finally:
        apps.stop()


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
    wait_for_charts(page, 5)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "19\u00a0700\u00a0000\u00a0kr" in body and "18\u00a0600\u00a0000\u00a0kr" in body
    assert "Exempeldata" in body and "Verkliga siffror" in body


def test_a_link_opens_the_same_view(app_url: str, page: Page):
    page.goto(f"{app_url}/?ar=2022&kalla=KS+anslag+till+f%C3%B6rfogande")
    wait_for_render(page, "Översikt")
    total = page.locator('[data-testid="stMetric"]').first.inner_text()
    assert "15,0\u00a0mnkr" in total


def test_filters_are_greyed_out_where_they_do_not_apply_and_kept_for_the_next_page(app_url: str, page: Page):
    page.goto(f"{app_url}/?ar=2022&kalla=KS+anslag+till+f%C3%B6rfogande")
    wait_for_render(page, "Översikt")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("link", name="Område").click()
    wait_for_render(page, "Område")
    expect(sidebar.get_by_text("Filtren gäller inte den här sidan")).to_be_visible()
    year = sidebar.locator('[data-testid="stMultiSelect"]').first
    expect(year).to_contain_text("2022")
    expect(year.locator("input")).to_be_disabled()
    sidebar.get_by_role("link", name="Översikt").click()
    wait_for_render(page, "Översikt")
    expect(sidebar.get_by_text("Filtren gäller inte den här sidan")).to_have_count(0)
    expect(page.locator('[data-testid="stMetric"]').first).to_contain_text("15,0\u00a0mnkr")
    params = parse_qs(urlparse(page.url).query)
    assert params["ar"] == ["2022"]


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


def test_a_shared_link_to_a_page_works_as_the_first_request_after_a_restart(restarted: UnrequestedApps, page: Page):
    """With a pages/ folder Streamlit runs a page alone until st.navigation has run once; the page
    must still get the shared frame (language switch, filters) from dashboard.py."""
    url = restarted.take()
    page.goto(f"{url}/karta?karta_ar=2020")
    wait_for_render(page, "Karta")
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("Filter", exact=True)).to_be_visible()
    expect(sidebar.get_by_text("Översikt")).to_be_visible()
    # Every page of st.navigation, not the legacy list of files.
    expect(sidebar.locator('[data-testid="stSidebarNavLink"]')).to_have_count(len(PAGES))
    assert "karta_ar=2020" in page.url


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
    assert params["omrade"] == ["11"]  # the area's code (lokalutveckling.ui.links)
    assert not any(k.startswith("karta_") for k in params)
    if "kalla=Delmos" in query:
        assert params["kalla"] == ["delmos"]  # an old label-style link, kept as the source's code
    screenshot(page, "omrade_from_map")


def _choose(scope, label: str, option: str, *, multi: bool = False) -> None:
    """Pick an option in a Streamlit selectbox or multiselect by typing it."""
    # Click the option itself (Enter would take whatever the list shows while it is still filtering).
    choose_option(scope, label, option)
    if multi:  # a multiselect stays open after a choice (in a selectbox, Escape clears it)
        scope.get_by_label(label, exact=True).press("Escape")


def _date(scope, label: str, day: str) -> None:
    """Type a date (YYYY-MM-DD) into Streamlit's segmented date field."""
    year, month, dd = day.split("-")
    for part, value in (("year", year), ("month", month), ("day", dd)):
        field = scope.get_by_role("spinbutton", name=f"{part}, {label}")
        field.click()
        field.press_sequentially(value)


def test_an_editor_adds_and_stops_an_insats_and_a_reader_sees_it(app_url: str, browser):
    from tests.e2e.conftest import EDITOR

    name = "<script>alert(1)</script> Läxhjälp i Holma"
    alerts: list[str] = []
    editor = browser.new_page(viewport={"width": 1400, "height": 1800})
    editor.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    editor.goto(f"{app_url}/insatser")
    wait_for_render(editor, "Insatser")
    sidebar = editor.locator('[data-testid="stSidebar"]')
    sign_in(editor, EDITOR[0], EDITOR[2])
    expect(sidebar.get_by_text(f"Inloggad som {EDITOR[1]}")).to_be_visible(timeout=30_000)

    editor.get_by_text("Ny insats").click()
    form = editor.locator('[data-testid="stForm"]').first
    form.get_by_label("Namn", exact=True).fill(name)
    _choose(form, "Ansvarig nämnd", "Fritid")
    _choose(form, "Finansieringskälla", "Kommunbidrag lokal utveckling")
    form.get_by_label("Belopp (kr)").fill("250000")
    _date(form, "Startdatum", "2025-02-01")
    _choose(form, "Status", "pågående")
    _choose(form, "Typ", "pilot")
    _choose(form, "Fokusområde", "Utbildning")
    _choose(form, "Områden", "Hyllievång, Kroksbäck m fl", multi=True)
    screenshot(editor, "insats_form_filled")
    form.get_by_role("button", name="Spara").click()
    screenshot(editor, "insats_after_save")
    saved = editor.get_by_text(re.compile(r"Insatsen INS-\d+ \(.*Läxhjälp i Holma\) är sparad"))
    expect(saved).to_be_visible(timeout=30_000)
    new_id = re.search(r"INS-\d+", saved.inner_text()).group(0)
    # The form stays open and is empty again: one more click on Spara is refused and adds no second insats.
    expect(form.get_by_label("Namn", exact=True)).to_have_value("")
    form.get_by_role("button", name="Spara").click()
    expect(form.get_by_text("Namn måste anges.")).to_be_visible(timeout=30_000)
    expect(editor.get_by_text(re.compile(r"Läxhjälp i Holma\) är sparad"))).to_have_count(0)

    _choose(editor, "Visa en insats i sin helhet", new_id)
    expect(editor.get_by_role("heading", name=re.compile(new_id))).to_be_visible(timeout=30_000)
    editor.get_by_role("tab", name="Ändra status").click()
    editor.get_by_text("avbruten", exact=True).click()
    editor.get_by_label("Varför avbryts insatsen? (krävs)").fill("Ingen **lokal** att vara i efter flytten.")
    editor.get_by_role("button", name="Ändra status till avbruten").click()
    expect(editor.get_by_text(f"Insatsen {new_id} har nu status avbruten.")).to_be_visible(timeout=30_000)
    screenshot(editor, "insats_stopped_by_editor")

    reader = browser.new_page(viewport={"width": 1400, "height": 1800})
    reader.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    reader.goto(f"{app_url}/insatser?sok=Holma")
    wait_for_render(reader, "Insatser")
    expect(reader.get_by_text("Ny insats")).to_have_count(0)
    _choose(reader, "Visa en insats i sin helhet", new_id)
    heading = reader.get_by_role("heading", name=re.compile(new_id))
    expect(heading).to_be_visible(timeout=30_000)
    assert "<script>alert(1)</script> Läxhjälp i Holma" in heading.inner_text()
    # In the history's table, as typed (the register's grid has it too, in its "Varför avbruten" column).
    reason = reader.locator('[data-testid="stTable"]').get_by_text("Ingen **lokal** att vara i efter flytten.")
    expect(reason).to_be_visible()
    expect(reader.get_by_role("tab", name="Ändra status")).to_have_count(0)
    expect(reader.get_by_role("button", name="Spara")).to_have_count(0)
    screenshot(reader, "insats_seen_by_reader")
    assert alerts == []
    editor.close()
    reader.close()


def _sign_in(page: Page) -> None:
    from tests.e2e.conftest import EDITOR

    sign_in(page, EDITOR[0], EDITOR[2])
    expect(page.locator('[data-testid="stSidebar"]').get_by_text(f"Inloggad som {EDITOR[1]}")).to_be_visible(
        timeout=30_000
    )


def test_an_editor_imports_indicator_values_after_fixing_the_file(app_url: str, browser, tmp_path):
    bad = tmp_path / "nyckeltal_2025.csv"
    bad.write_text("Indikator;Område;År;Värde\nForvarvsfrekvens;Lindängen, Almvik m fl;2025;ca 60\n", encoding="cp1252")
    good = tmp_path / "nyckeltal_2025_rättad.csv"
    good.write_text("Indikator;Område;År;Värde\nFörvärvsfrekvens;Lindängen, Almvik m fl;2025;61,3\n", encoding="cp1252")
    editor = browser.new_page(viewport={"width": 1400, "height": 1400})
    editor.goto(f"{app_url}/")
    wait_for_render(editor, "Översikt")
    _sign_in(editor)
    editor.locator('[data-testid="stSidebar"]').get_by_role("link", name="Data", exact=True).click()
    wait_for_render(editor, "Data")
    _choose(editor, "Vad filen innehåller", "Indikatorvärden")
    wait_for_render(editor, "Data")
    editor.locator("input[type=file]").set_input_files(str(bad))
    editor.get_by_role("button", name="Förhandsgranska").click()
    expect(editor.get_by_text("nyckeltal_2025.csv: 1 problem")).to_be_visible(timeout=30_000)
    problems = editor.locator('[data-testid="stTable"]')
    expect(problems).to_contain_text("ska vara ett tal, t.ex. 12,6 eller 31 000")
    expect(problems).to_contain_text("ca 60")
    screenshot(editor, "import_preview_problem")
    editor.locator("input[type=file]").set_input_files(str(good))
    # The old file's preview goes away once the new file is in.
    expect(editor.get_by_text("nyckeltal_2025.csv: 1 problem")).to_have_count(0, timeout=30_000)
    editor.get_by_role("button", name="Förhandsgranska").click()
    expect(editor.get_by_text(re.compile(r"nyckeltal_2025_rättad\.csv: 1 nya, 0 ändras"))).to_be_visible(timeout=30_000)
    editor.get_by_role("button", name="Importera").click()
    expect(editor.get_by_text("nyckeltal_2025_rättad.csv är importerad: 1 nya")).to_be_visible(timeout=30_000)
    screenshot(editor, "import_done")

    reader = browser.new_page(viewport={"width": 1400, "height": 1400})
    reader.goto(f"{app_url}/omrade?omrade=Lindängen, Almvik m fl")
    wait_for_render(reader, "Område")
    key_figures = reader.locator('[data-testid="stTable"]').first
    expect(key_figures).to_contain_text("2025")
    expect(key_figures).to_contain_text("61,3")
    expect(reader.locator('[data-testid="stSidebar"]').get_by_role("link", name="Data", exact=True)).to_have_count(0)
    editor.close()
    reader.close()


# Records, from the first paint on, every sidebar navigation link and every script state the app shows.
WATCH = """
window.__seen = {links: new Set(), states: []};
new MutationObserver(() => {
  document.querySelectorAll('[data-testid="stSidebarNav"] a').forEach(a => window.__seen.links.add(a.pathname));
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app && app.getAttribute('data-test-script-state');
  if (state && window.__seen.states[window.__seen.states.length - 1] !== state) window.__seen.states.push(state);
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


@pytest.mark.parametrize("path", ["", "karta"])
def test_a_reader_never_sees_the_editors_pages_listed_after_a_restart(
    restarted: UnrequestedApps, page: Page, path: str
):
    """The first run after a start comes from the pages/ folder, before dashboard.py's st.navigation; its
    list of every file there (data, konton) must never reach the sidebar."""
    url = restarted.take()
    page.add_init_script(WATCH)
    page.goto(f"{url}/{path}")
    wait_for_render(page, dict(PAGES)[path])
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.locator('[data-testid="stSidebarNavLink"]')).to_have_count(len(PAGES))
    seen = page.evaluate("() => [...window.__seen.links]")
    assert seen and not {"/data", "/konton"} & set(seen), seen
    assert {"/", "/karta", "/beslut"} <= set(seen)
    screenshot(page, f"nav_after_restart_{path or 'oversikt'}")


def test_two_downloads_in_a_row_both_arrive_without_a_rerun(app_url: str, page: Page, tmp_path):
    page.goto(f"{app_url}/beslut")
    wait_for_render(page, "Beslut och källor")
    page.evaluate(WATCH)
    csv = page.get_by_role("button", name="Ladda ned tabellen (CSV)").first
    excel = page.get_by_role("button", name="Ladda ned (Excel)").first
    name = f"beslut_beslutskedja_{date.today().isoformat()}"  # the page, the view and the date
    with (
        page.expect_download(predicate=lambda d: d.suggested_filename == f"{name}.csv") as first,
        page.expect_download(predicate=lambda d: d.suggested_filename == f"{name}.xlsx") as second,
    ):
        csv.click()
        excel.click()  # at once, as a user clicking both
    first.value.save_as(tmp_path / "a.csv")
    second.value.save_as(tmp_path / "a.xlsx")
    assert "KSAU" in (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    assert (tmp_path / "a.xlsx").read_bytes()[:2] == b"PK"
    assert "running" not in page.evaluate("() => window.__seen.states")  # a download does not rerun the page


def test_a_long_search_is_bounded_before_it_reaches_the_url(app_url: str, page: Page):
    page.goto(f"{app_url}/insatser")
    wait_for_render(page, "Insatser")
    box = page.get_by_label("Sök", exact=True)
    box.fill("Holma" + "x" * 100_000)  # a paste longer than the box takes is refused whole
    expect(box).to_have_value("")
    box.fill("Holma" + "x" * 195)
    box.press("End")
    box.press_sequentially("yy")  # typing stops at 200 characters
    expect(box).to_have_value("Holma" + "x" * 195)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"sok=Holmax+$"))
    assert len(parse_qs(urlparse(page.url).query)["sok"][0]) == 200
    page.reload()  # the link opens again (an address of 100 kB got a bare "400 Bad Request")
    wait_for_render(page, "Insatser")
    expect(page.get_by_label("Sök", exact=True)).to_have_value("Holma" + "x" * 195)


def test_the_browser_asks_before_a_reload_throws_away_what_an_editor_typed(app_url: str, browser):
    from tests.e2e.conftest import EDITOR

    editor = browser.new_page(viewport={"width": 1280, "height": 720})
    editor.goto(f"{app_url}/insatser")
    wait_for_render(editor, "Insatser")
    _sign_in(editor)
    expect(editor.get_by_text("Laddar du om sidan loggas du ut.")).to_be_visible()
    editor.wait_for_function("() => window.__osparatInstalled")  # the app's guard has started
    editor.get_by_text("Ny insats").click()
    name = editor.locator('[data-testid="stForm"]').first.get_by_label("Namn", exact=True)
    name.fill("Ett namn som inte är sparat")
    with editor.expect_event("dialog") as asked:
        editor.evaluate("setTimeout(() => location.reload())")  # as the browser's reload button
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()  # the editor stays: nothing is lost
    expect(name).to_have_value("Ett namn som inte är sparat")
    expect(editor.locator('[data-testid="stSidebar"]').get_by_text(f"Inloggad som {EDITOR[1]}")).to_be_visible()
    screenshot(editor, "unsaved_guard")
    editor.close()

    clean = browser.new_page(viewport={"width": 1280, "height": 720})  # signed in, nothing typed: no question
    clean.goto(f"{app_url}/insatser")
    wait_for_render(clean, "Insatser")
    _sign_in(clean)
    asked_clean: list[str] = []
    clean.on("dialog", lambda d: (asked_clean.append(d.type), d.accept()))
    clean.reload()
    wait_for_render(clean, "Insatser")
    assert asked_clean == []
    # As the sidebar said: the reload has signed the editor out.
    expect(clean.locator('[data-testid="stSidebar"]').get_by_text("Logga in för att redigera")).to_be_visible()
    clean.close()


def test_after_a_conflict_the_editor_loads_the_saved_version_and_saves(app_url: str, browser):
    first, second = (browser.new_page(viewport={"width": 1280, "height": 720}) for _ in range(2))
    for editor in (first, second):
        editor.goto(f"{app_url}/insatser?insats=INS-010")
        wait_for_render(editor, "Insatser")
        _sign_in(editor)
        expect(editor.get_by_text("Du redigerar version 1.")).to_be_visible()

    def save_target_group(editor: Page, text: str) -> None:
        editor.get_by_label("Målgrupp", exact=True).last.fill(text)  # the form's (the register has one too)
        editor.get_by_role("button", name="Spara", exact=True).last.click()

    save_target_group(second, "barn 0–6")
    expect(second.get_by_text("Insatsen INS-010 är sparad (1 fält ändrade).")).to_be_visible()
    save_target_group(first, "barn 1–5")
    expect(first.get_by_text(re.compile("INS-010 har ändrats av någon annan"))).to_be_visible()
    both = first.locator('[data-testid="stTable"]').filter(has_text="Din version")
    expect(both).to_contain_text("barn 0–6")
    expect(both).to_contain_text("barn 1–5")
    screenshot(first, "conflict")
    first.get_by_role("button", name="Ladda den sparade versionen").click()
    expect(first.get_by_text("Du redigerar version 2.")).to_be_visible()
    expect(first.get_by_label("Målgrupp", exact=True).last).to_have_value("barn 0–6")  # not what was typed
    expect(first.get_by_text(re.compile("har ändrats av någon annan"))).to_have_count(0)
    save_target_group(first, "barn 0–6 och deras föräldrar")
    expect(first.get_by_text("Insatsen INS-010 är sparad (1 fält ändrade).")).to_be_visible()
    expect(first.get_by_text("Du redigerar version 3.")).to_be_visible()
    first.close()
    second.close()
