"""Issue 15 as a coordinator meets it in the browser: the Socialstyrelsen report marked as submitted on
Uppdrag och återrapportering, then the återrapport downloaded as Word with one click, saying so."""

from __future__ import annotations

import io
import re

from docx import Document
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from lokalutveckling import domain
from tests.e2e.conftest import EDITOR, choose_option, sign_in, wait_for_render

IDLE = """() => !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')"""


def test_a_coordinator_marks_the_report_submitted_and_downloads_it_as_word(app_url: str, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    try:
        page.goto(f"{app_url}/uppdrag")
        wait_for_render(page, "Uppdrag och återrapportering")
        expect(page.get_by_text("Förfallen").first).to_be_visible()  # the Delmos application of 2020
        sign_in(page, EDITOR[0], EDITOR[2])
        expect(page.get_by_text(f"Inloggad som {EDITOR[1]}")).to_be_visible(timeout=30_000)
        wait_for_render(page, "Uppdrag och återrapportering")  # the run that draws the editors' forms is over

        duty = page.locator('[data-testid="stExpander"]').filter(
            has_text="Statsbidrag Socialstyrelsen 2022: kravet som det står (R-2022-SOS)"
        )
        duty.get_by_text("kravet som det står (R-2022-SOS)").click()
        form = duty.locator('[data-testid="stForm"]')
        expect(form).to_be_visible()
        choose_option(form, "Status", "inlämnad")
        form.get_by_role("button", name="Spara återrapporteringen").click()
        today = domain.today().isoformat()
        saved = f"Återrapporteringskravet R-2022-SOS (Stadskontoret till Socialstyrelsen) är sparat: status inlämnad, inlämnad {today}"
        expect(page.get_by_text(saved)).to_be_visible(timeout=30_000)

        # The save's rerun draws the page again: its buttons are clicked once that run is over, and the click
        # is sent again only while the app is idle with no download started (a click the redraw swallowed).
        wait_for_render(page, "Uppdrag och återrapportering")
        row = page.locator('[data-testid="stHorizontalBlock"]').filter(has_text="Statsbidrag Socialstyrelsen 2022").last
        button = row.get_by_role("button", name="Återrapport (Word)")
        for attempt in range(3):
            try:
                with page.expect_download(timeout=30_000) as download:
                    button.click()
                break
            except PlaywrightTimeoutError:
                if attempt == 2 or not page.evaluate(IDLE):
                    raise
        assert re.fullmatch(
            r"aterrapport_sos_statsbidrag_2022_\d{4}-\d{2}-\d{2}\.docx", download.value.suggested_filename
        )
        doc = Document(io.BytesIO(open(download.value.path(), "rb").read()))
        spaces = str.maketrans({"\u00a0": " ", "\u202f": " "})  # kronor are written with no-break spaces
        text = "\n".join(p.text for p in doc.paragraphs).translate(spaces)
        cells = "\n".join(c.text for table in doc.tables for r in table.rows for c in r.cells).translate(spaces)
        assert f"inlämnad {today}" in text + cells  # the state just saved, in the document
        assert "19 700 000 kr" in text + cells and "18 600 000 kr" in text + cells
        assert "Funktionsstödsnämnden" in cells
    finally:
        page.close()
