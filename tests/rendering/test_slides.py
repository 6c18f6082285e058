"""The slides (rendering.slides) read back with python-pptx: the title slide, one slide per chart with its
title, picture, sentence and footer (the source, the filters, the exempeldata marker only on exempeldata),
the notes, the tables of Table items, the sources, the slide numbers and the core properties."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.util import Inches

from lokalutveckling.rendering import slides
from lokalutveckling.rendering.model import Report

from .test_pdf import synthetic


def shape_texts(slide) -> dict[str, str]:
    return {shape.name: shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}


def all_text(slide) -> str:
    return "\n".join(shape_texts(slide).values())


@pytest.fixture(scope="module")
def oversikt(recorded_views) -> Report:
    return recorded_views["oversikt"]


@pytest.fixture(scope="module")
def deck(oversikt):
    return Presentation(io.BytesIO(slides.report_pptx([oversikt])))


def test_the_deck_is_16_9_with_a_slide_per_chart_and_its_properties(oversikt, deck):
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    # title, the charts, one slide of the notes, the sources
    assert len(deck.slides) == 1 + len(oversikt.charts) + 1 + 1
    assert deck.core_properties.title == "Översikt"
    assert deck.core_properties.author == "Lokal utveckling i Malmö"
    for number, slide in enumerate(deck.slides, start=1):
        assert shape_texts(slide)["Bildnummer"] == f"{number} / {len(deck.slides)}"


def test_the_title_slide_says_what_when_which_view_and_filters(oversikt, deck):
    text = all_text(deck.slides[0])
    assert deck.slides[0].shapes.title.text == "Översikt"
    assert f"Gjord {oversikt.made:%Y-%m-%d %H:%M}" in text
    assert "Länk: oversikt?ar=2022" in text
    assert "Filter: År: 2022" in text
    assert "Rapporten innehåller exempeldata" in text


def test_each_chart_slide_has_its_title_picture_and_a_footer_with_source_and_marker(oversikt, deck):
    chart_slides = [s for s in deck.slides if s.shapes.title.text in {c.title for c in oversikt.charts}]
    assert [s.shapes.title.text for s in chart_slides] == [c.title for c in oversikt.charts]
    for chart, slide in zip(oversikt.charts, chart_slides, strict=True):
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == 1 and pictures[0].width > Inches(8)  # most of the slide's width
        assert pictures[0].top + pictures[0].height <= slides.FOOTER_TOP  # the footer does not cover it
        footer = shape_texts(slide)["Sidfot"]
        assert f"Källa: {chart.source}" in footer
        assert "Filter: År: 2022" in footer
        assert ("exempeldata" in footer.lower()) == chart.exempel, (chart.title, footer)
        if chart.kind == "exempel":
            assert footer.startswith("Exempeldata · ")
        if chart.sentence:
            assert shape_texts(slide)["Mening"] == chart.sentence
    assert {c.kind for c in oversikt.charts} >= {"exempel", "real"}  # both kinds checked


def test_the_notes_slide_shows_the_reconciliation(deck):
    notes = next(s for s in deck.slides if s.shapes.title.text == "Kontroll av totalbelopp")
    text = shape_texts(notes)["Anteckningar"].replace("\u00a0", " ")
    assert "källan anger totalbelopp 19 700 000 kr" in text
    assert "summerar till 18 600 000 kr" in text


def test_the_last_slide_lists_the_sources(oversikt, deck):
    last = deck.slides[len(deck.slides) - 1]
    assert last.shapes.title.text == "Källor"
    text = shape_texts(last)["Källor"]
    for source in oversikt.sources:
        assert f"• {source}" in text
    assert "Stadskontorets tjänsteskrivelse 2022-08-12, rad 167–178, 184–192" in text


def test_a_table_slide_has_a_real_table_of_the_first_rows_shown_literally():
    report = synthetic()
    frame = report.items[0].frame
    report.items[0] = type(report.items[0])(
        key="t", title="Tabell <b>&", frame=frame.loc[[0] * 20 + [1] * 10].reset_index(drop=True), money=("Kronor",)
    )
    deck = Presentation(io.BytesIO(slides.report_pptx([report])))
    slide = next(s for s in deck.slides if s.shapes.title.text == "Tabell <b>&")
    table = next(shape for shape in slide.shapes if shape.has_table).table
    assert len(table.rows) == 1 + slides.TABLE_ROWS
    assert [cell.text for cell in table.rows[0].cells] == ["Namn", "År", "Kronor", "Andel"]
    assert [cell.text for cell in table.rows[1].cells] == [
        "<b>&amp; Förening & co</b>",
        "2022",
        "1\u00a0234\u00a0567\u00a0kr",
        "12,3",
    ]
    assert "… och 18 rader till. Hela tabellen finns i PDF-rapporten och i Excel-nedladdningen." in all_text(slide)
    assert "exempeldata" not in shape_texts(slide)["Sidfot"].lower()


def test_a_lagesrapport_has_the_views_and_the_karta_tables(recorded_views):
    deck = Presentation(io.BytesIO(slides.report_pptx(list(recorded_views.values()), title="Lägesrapport")))
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[0] == "Lägesrapport" and titles[-1] == "Källor"
    assert {"Översikt", "Karta", "Beslut och källor", "Områdesteam och kraftsamling per område"} <= set(titles)
    karta = deck.slides[titles.index("Områdesteam och kraftsamling per område")]
    assert shape_texts(karta)["Sidfot"].startswith("Allt är exempeldata (14 av 14 områden)")
    assert any(shape.has_table for shape in karta.shapes)
    assert deck.core_properties.title == "Lägesrapport"


def test_an_english_deck_has_english_fixed_texts():
    deck = Presentation(io.BytesIO(slides.report_pptx([synthetic("en")])))
    assert "Made 2026-12-01 09:30" in all_text(deck.slides[0])
    assert "Filters: Nämnd: <x> & y" in all_text(deck.slides[0])
    last = deck.slides[len(deck.slides) - 1]
    assert last.shapes.title.text == "Sources" and "• Källa <1> & 2, rad 3" in all_text(last)


def test_a_table_row_is_estimated_by_words_wrapped_at_spaces():
    """A renderer wraps at spaces, so a row of long words takes more lines than its characters alone say:
    the Kolada titles ran into the "… och 3 rader till" line before the estimate counted words."""
    _wrapped_lines = slides._wrapped_lines
    assert _wrapped_lines("", 10) == 1 and _wrapped_lines("Folkmängd", 10) == 1
    assert _wrapped_lines("abc def ghi", 7) == 2  # 'abc def' | 'ghi'
    assert _wrapped_lines("Invånare 25-64 år med eftergymnasial utbildning", 24) == 3  # 47 characters, 3 lines
    assert _wrapped_lines("x" * 25, 10) == 3  # a word longer than a line is broken
