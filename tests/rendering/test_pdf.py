"""The A4 report (rendering.pdf) read back with pypdf: the cover, the contents and where they point, the
figures, their tables, the reconciliation, the sources, the footers and the exempeldata marker, the
images, the fonts and the metadata."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pandas as pd
import pytest
from pypdf import PdfReader

from lokalutveckling.rendering import images, pdf
from lokalutveckling.rendering.model import Note, Report, Table

NBSP = "\u00a0"
MARKER = "Innehåller exempeldata"


def plain(text: str) -> str:
    """Text as pypdf extracts it: a no-break space comes out as a space."""
    return text.replace(NBSP, " ")


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def oversikt(recorded_views) -> Report:
    return recorded_views["oversikt"]


@pytest.fixture(scope="module")
def oversikt_pdf(oversikt) -> bytes:
    return pdf.report_pdf([oversikt])


@pytest.fixture(scope="module")
def oversikt_pages(oversikt_pdf) -> list[str]:
    return pages_text(oversikt_pdf)


@pytest.fixture(scope="module")
def lagesrapport_pdf(recorded_views) -> bytes:
    return pdf.report_pdf(list(recorded_views.values()), title="Lägesrapport")


def contents(cover: str) -> list[tuple[int, str]]:
    """The contents list's entries as (page, heading): pypdf gives each entry's dots and number first."""
    return [(int(number), heading.strip()) for number, heading in re.findall(r"(?:\.\s+)+(\d+)\n([^\n]+)", cover)]


def test_the_cover_says_what_the_report_is(oversikt, oversikt_pages):
    cover = oversikt_pages[0]
    assert cover.startswith("Översikt\n")
    assert f"Gjord {oversikt.made:%Y-%m-%d %H:%M}" in cover
    assert "Länk: oversikt?ar=2022" in cover
    assert "Filter: År: 2022" in cover
    assert "Rapporten innehåller exempeldata" in cover
    assert "Innehåll" in cover


def test_the_contents_list_every_figure_and_the_notes_with_the_page_they_are_on(oversikt, oversikt_pages):
    entries = contents(oversikt_pages[0])
    headings = [heading for _, heading in entries]
    assert headings == [
        "Översikt",
        "Pengar per nämnd i besluten och förslagen, per år",
        "Kontroll av totalbelopp",
        "Kronor per nämnd och fokusområde",
        "Flödet: finansieringskälla → nämnd → fokusområde",
        "Insatser per status",
        "Beslutskedjan",
        "Källor",
    ]
    assert [c.title for c in oversikt.charts] == [
        h for h in headings if h not in ("Översikt", "Kontroll av totalbelopp", "Källor")
    ]
    for page, heading in entries:
        assert heading in oversikt_pages[page - 1], (page, heading)


def test_each_figure_has_its_page_content_image_badge_filters_and_source(oversikt, oversikt_pdf, oversikt_pages):
    assert len(oversikt_pages) >= 1 + len(oversikt.charts)
    text = plain("\n".join(oversikt_pages))
    for chart in oversikt.charts:
        assert chart.title in text
        assert plain(f"Märkning: {chart.badge}") in text
        assert plain(chart.source[:60]) in text.replace("\n", " ")
    assert "Filter: År: 2022" in text
    reader = PdfReader(io.BytesIO(oversikt_pdf))
    assert sum(len(page.images) for page in reader.pages) == len(oversikt.charts)
    image = next(page.images[0] for page in reader.pages if page.images)
    assert image.image.width == images.SIZES["a4"][0] * images.SCALES["a4"]  # images.image(size="a4"), not scaled down


def test_the_figures_tables_are_real_tables_in_swedish_format(oversikt, oversikt_pages):
    text = plain("\n".join(oversikt_pages))
    table = oversikt.charts[0].table
    # every kronor figure of the first chart's table, as fmt_kr writes it
    for value in table["Kronor"]:
        assert plain(pdf.fmt_kr(value)) in text
    # the header repeats on the page the table continues on
    first = next(i for i, page in enumerate(oversikt_pages) if "Tabell: Pengar per nämnd" in page)
    assert oversikt_pages[first + 1].startswith("Nämnd\n År\nStadium")


def test_the_reconciliation_shows_the_declared_sum_against_the_rows(oversikt_pages):
    text = plain("\n".join(oversikt_pages)).replace("\n", " ")
    assert "källan anger totalbelopp 19 700 000 kr" in text
    assert "summerar till 18 600 000 kr" in text
    assert "Skillnad: −1 100 000 kr" in text


def test_the_sources_end_the_report_with_document_and_line(oversikt, oversikt_pages):
    last = plain(oversikt_pages[-1]).replace("\n", " ")
    assert last.startswith("Källor")
    assert "Stadskontorets tjänsteskrivelse 2022-08-12, rad 167–178, 184–192" in last
    assert "Stadskontorets tjänsteskrivelse 2022-08-12, rad 35" in last
    for source in oversikt.sources:
        assert plain(source)[:50] in last


def test_every_page_has_its_number_title_date_filters_and_where_its_sources_are(oversikt, oversikt_pages):
    total = len(oversikt_pages)
    for number, page in enumerate(oversikt_pages, start=1):
        assert f"Sida {number} av {total}" in page
        assert f"Översikt · {oversikt.made:%Y-%m-%d}" in page
        assert "Filter: År: 2022 · Källa under varje figur och tabell; alla källor med dokument och rad sist" in page


def test_exempeldata_is_marked_on_the_pages_that_hold_it(oversikt, oversikt_pages):
    assert MARKER in oversikt_pages[0]  # the cover says the report holds exempeldata
    for chart in oversikt.charts:
        pages = [page for page in oversikt_pages[1:-1] if chart.title in page]
        assert pages, chart.title
        if chart.exempel:
            assert all(MARKER in page for page in pages), chart.title
    # the first figure (real amounts, proposals) with its table fills its own pages: no marker there
    first = [page for page in oversikt_pages if "Pengar per nämnd i besluten" in page][1]
    assert MARKER not in first
    assert MARKER in oversikt_pages[-1]  # the sources name the exempeldata


def test_the_fonts_are_embedded_and_the_metadata_set(oversikt_pdf):
    reader = PdfReader(io.BytesIO(oversikt_pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]  # TrueType, embedded
    assert reader.metadata.title == "Översikt"
    assert reader.metadata.author == "Lokal utveckling i Malmö"
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    assert reader.outline[0].title == "Översikt"


def test_a_lagesrapport_holds_the_views_in_one_document(recorded_views, lagesrapport_pdf):
    pages = pages_text(lagesrapport_pdf)
    cover = pages[0]
    assert cover.startswith("Lägesrapport\n")
    for link in ("oversikt?ar=2022", "karta?ar=2022", "beslut?ar=2022"):
        assert f"Länk: {link}" in cover
    headings = [heading for _, heading in contents("\n".join(pages[:2]))]
    assert {"Översikt", "Karta", "Beslut och källor", "Områdesteam och kraftsamling per område"} <= set(headings)
    text = plain("\n".join(pages))
    assert "Allt är exempeldata (14 av 14 områden)" in text
    assert "Polisens lista 2025 över utsatta och särskilt utsatta områden i Malmö" in text.replace("\n", " ")
    # Beslut och källor holds no exempeldata: its page has no marker
    beslut = [page for page in pages if page.startswith("Beslut och källor")]
    assert beslut and all(MARKER not in page for page in beslut)
    assert f"Lägesrapport · {max(r.made for r in recorded_views.values()):%Y-%m-%d}" in pages[-1]


def test_a_view_without_exempeldata_says_nothing_of_it(recorded_views):
    pages = pages_text(pdf.report_pdf([recorded_views["beslut"]]))
    # Its list of sources names the exempeldata generator among the documents (a row about exempeldata,
    # none itself): no page is marked and the cover makes no exempeldata statement.
    assert all(MARKER not in page for page in pages)
    assert "Rapporten innehåller exempeldata" not in plain("\n".join(pages))
    assert "Exempeldata: genererat av" in plain("\n".join(pages))
    assert "19 700 000 kr" in plain("\n".join(pages))


def synthetic(lang: str = "sv") -> Report:
    frame = pd.DataFrame(
        {
            "Namn": ["<b>&amp; Förening & co</b>", "Ö" * 30 + " lång text som radbryts i cellen " * 6],
            "År": [2022, 2023],
            "Kronor": [1234567.0, -4000.0],
            "Andel": [12.345, 0.5],
        }
    )
    return Report(
        page="insatser",
        title="Insatser <i>",
        link="insatser?namnd=<x>",
        lang=lang,
        filters="Nämnd: <x> & y",
        made=datetime(2026, 12, 1, 9, 30),
        intro="Vyn <b>visar</b> & mer.",
        items=[
            Table(key="t", title="Tabell <b>&", frame=frame, sources="Källa <1> & 2, rad 3", money=("Kronor",)),
            Note(title="Not <b>", text="Text med <tag> & tecken."),
        ],
    )


def test_text_from_the_store_is_shown_literally_and_numbers_in_swedish_format():
    text = plain("\n".join(pages_text(pdf.report_pdf([synthetic()]))))
    flat = text.replace("\n", " ")
    for literal in (
        "Insatser <i>",
        "Tabell <b>&",
        "<b>&amp; Förening & co</b>",
        "Filter: Nämnd: <x> & y",
        "Vyn <b>visar</b> & mer.",
        "Källa: Källa <1> & 2, rad 3",
        "Text med <tag> & tecken.",
    ):
        assert literal in flat, literal
    assert "1 234 567 kr" in text and "−4 000 kr" in text
    assert "12,3" in text and "2022" in text and "2 022" not in text


def test_an_english_view_has_english_fixed_texts():
    pages = pages_text(pdf.report_pdf([synthetic("en")]))
    assert "Contents" in pages[0] and "Filters: Nämnd: <x> & y" in pages[0]
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert "SEK 1,234,567" in plain("\n".join(pages))
    assert pages[-1].startswith("Sources")
