"""In Chromium, text from the store reads exactly as typed: an insats name, partner and follow-up in the
Insatser detail, an area's name and its insatser on Område, and the signed-in editor's name in the
sidebar, and a nämnd's name on a Plotly chart's axis, each holding Markdown, a colour directive, HTML and
URLs, with no bold, colour or link element made of them (the AppTest side, over every page:
tests/test_literal_text.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from lokalutveckling.paths import ROOT
from tests.conftest import _copy_store
from tests.e2e.conftest import CHART, sign_in, start_app, wait_for_charts, wait_for_render
from tests.ui.test_literal_text import (
    AREA,
    AREA_CODE,
    EDITOR,
    FOLLOW_UP,
    NAME,
    NAMND,
    PARTNER,
    PASSWORD,
    write_hostile_texts,
)

# Elements the markup would make if it were read as Markdown or HTML (a heading's own anchor aside).
MADE = "strong, em, b, a:not([data-testid='stHeaderActionElements'] a), code, [class*='stMarkdownColored']"


@pytest.fixture(scope="module")
def hostile_app(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    path = _copy_store(built_store, tmp_path_factory.mktemp("literal_e2e") / "literal.duckdb")
    ids = write_hostile_texts(path)
    process, url = start_app(ROOT / "dashboard.py", {**os.environ, "LOKALUTVECKLING_DB": str(path)})
    yield url, ids
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    yield context.new_page()
    context.close()


def nothing_made(element: Locator) -> None:
    assert element.locator(MADE).count() == 0, element.inner_html()


def cell(page: Page, text: str) -> Locator:
    """The static-table cell that reads exactly `text`."""
    found = page.locator('[data-testid="stTable"] td, [data-testid="stTable"] th').filter(has_text=text)
    for i in range(found.count()):
        if found.nth(i).inner_text().strip() == text:
            return found.nth(i)
    raise AssertionError(f"no table cell reads {text!r}")


def test_the_insats_detail_reads_as_typed(page: Page, hostile_app):
    url, ids = hostile_app
    page.goto(f"{url}/insatser?insats={ids['running']}")
    wait_for_render(page, "Insatser")
    heading = page.locator("h3").filter(has_text=ids["running"]).first
    assert heading.inner_text().strip() == f"{ids['running']} · {NAME}"
    nothing_made(heading)
    for text in (PARTNER, FOLLOW_UP):
        nothing_made(cell(page, text))


def test_the_area_page_reads_as_typed(page: Page, hostile_app):
    url, _ = hostile_app
    page.goto(f"{url}/omrade?omrade={AREA_CODE}")
    wait_for_render(page, "Område")
    heading = page.locator("h2").filter(has_text="Område **fet**").first
    assert heading.inner_text().strip() == AREA
    nothing_made(heading)
    # The area's insatser: 47 rows here, so the data grid, which draws its cells on a canvas as text.
    nothing_made(cell(page, NAME))  # the area's insatser, a static table


def test_the_signed_in_name_reads_as_typed(page: Page, hostile_app):
    url, _ = hostile_app
    page.goto(url)
    wait_for_render(page, "Översikt")
    bar = page.locator('[data-testid="stSidebar"]')
    sign_in(page, "kim", PASSWORD)
    line = bar.locator('[data-testid="stMarkdownContainer"]').filter(has_text="Inloggad som")
    expect(line).to_have_count(1, timeout=30_000)
    assert line.inner_text().strip() == f"Inloggad som {EDITOR} (redaktör)."
    # The template's own bold holds the name, as plain text: nothing else is made of it.
    bold = line.locator("strong")
    assert bold.count() == 1 and bold.inner_text() == EDITOR
    assert bold.locator("*:not(span:empty)").count() == 0, bold.inner_html()
    assert line.locator("a, em, b, code, [class*='stMarkdownColored']").count() == 0


def test_a_chart_label_reads_as_typed(page: Page, hostile_app):
    """Plotly reads <b>, <a> … in its texts: the nämnd's name on the bars' axis is the name as typed."""
    url, _ = hostile_app
    page.goto(f"{url}/namnder")
    wait_for_render(page, "Nämnder")
    wait_for_charts(page, 1)
    # The bars' nämnd axis, in the first chart.
    label = page.locator(CHART).first.locator(".ytick text").filter(has_text="Nämnd **fet**").first
    expect(label).to_have_count(1, timeout=30_000)
    assert label.text_content() == NAMND
    assert label.locator("a, tspan[style*='bold']").count() == 0
