"""In Chromium: a source on Beslut och källor opens the document's text at its line, highlighted and in view."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from lokalutveckling.paths import ROOT, SHARED_DIR
from tests.e2e.conftest import screenshot, start_app, wait_for_render

SEEDS = SHARED_DIR / "seeds"
TITLE = "Stadskontorets tjänsteskrivelse 2022-08-12"
MARKED = "rgb(255, 243, 176)"  # documents.VIEWER_CSS: the highlighted line's background


@pytest.fixture(scope="module")
def documents_app(db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with the source documents configured (as scripts/test.sh does when ../shared/seeds exists),
    on its own copy of the built store; one server for the module (its tests only read)."""
    store = tmp_path_factory.mktemp("documents") / "e2e.duckdb"
    shutil.copyfile(db_file, store)
    env = {**os.environ, "LOKALUTVECKLING_DB": str(store), "LOKALUTVECKLING_DOKUMENT": str(SEEDS)}
    process, url = start_app(ROOT / "dashboard.py", env)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    yield ctx
    ctx.close()


def open_source(context: BrowserContext, url: str, name: str):
    """Click the source named `name` on Beslut och källor; the document opens in a new tab of the app."""
    page = context.new_page()
    page.goto(f"{url}/beslut")
    wait_for_render(page, "Beslut och källor")
    link = page.get_by_role("link", name=name, exact=True).first
    link.scroll_into_view_if_needed()
    with context.expect_page() as opened:
        link.click()
    document = opened.value
    wait_for_render(document, TITLE)
    return document


def test_a_line_in_the_allocation_table_opens_the_document_there(documents_app, context):
    document = open_source(context, documents_app, f"{TITLE}, rad 171")
    assert re.search(r"/dokument\?dok=002_653f0594ef9bb87d\.txt&rad=171", document.url)
    line = document.locator("#rad-171")
    expect(line).to_have_class(re.compile(r"\blu-markerad\b"))
    expect(line).to_have_text(re.compile(r"^171\s*Grundskolenämnden\s+4 400 000$"))
    expect(line).to_be_in_viewport()
    assert line.evaluate("e => getComputedStyle(e).backgroundColor") == MARKED
    assert document.locator(".lu-markerad").count() == 1
    expect(document.locator("#rad-1")).not_to_be_in_viewport()  # scrolled down to the line
    expect(document.get_by_text("Rad 171 i dokumentet:")).to_be_visible()
    screenshot(document, "dokument_rad_171")


def test_the_declared_total_in_the_check_opens_at_its_line_and_leads_back(documents_app, context):
    document = open_source(context, documents_app, f"{TITLE}, rad 193")
    line = document.locator("#rad-193")
    expect(line).to_have_text(re.compile(r"^193\s*Totalbelopp\s+19 700 000$"))
    expect(line).to_be_in_viewport()
    assert line.evaluate("e => getComputedStyle(e).backgroundColor") == MARKED
    # The text is the file's, shown literally: the line after it is there too.
    expect(document.locator("#rad-195")).to_have_text(re.compile(r"^195\s*Ansvariga$"))
    document.get_by_role("link", name="Till Beslut och källor").click()
    wait_for_render(document, "Beslut och källor")


def test_the_allocation_download_names_its_sources_by_document_and_line(documents_app, context, tmp_path):
    page = context.new_page()
    page.goto(f"{documents_app}/beslut")
    wait_for_render(page, "Beslut och källor")
    button = page.get_by_role("button", name="Ladda ned tabellen (CSV)").nth(1)  # the second table's
    with page.expect_download() as download:
        button.click()
    path = tmp_path / "tilldelningar.csv"
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8-sig")
    assert (
        "Stadskontorets tjänsteskrivelse 2020-05-08, rad 116; Stadskontorets tjänsteskrivelse 2022-08-12, "
        "rad 167–178, 184–192; KSAU 2024-09-09 § 414, rad 60, 70"
    ) in text
    assert ".txt" not in text
