"""A view, or several, as 16:9 slides (PPTX): a title slide (title, date, links, filters, the exempeldata
statement), one slide per chart (its title, its image, the sentence, a footer with the source, the
filters and the exempeldata marker), a slide of the notes (the reconciliations), the tables of Table
items (the first rows; the PDF and Excel downloads have them whole), and last the sources."""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from lokalutveckling.i18n import t
from lokalutveckling.rendering import images
from lokalutveckling.rendering.model import EXEMPEL_KINDS, Chart, Note, Report, Table, holds_exempel
from lokalutveckling.rendering.pdf import (
    EXEMPEL_COLOUR,
    MUTED_COLOUR,
    TEXT_COLOUR,
    column_widths,
    document_title,
    made,
    table_text,
)

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
SIDE = Inches(0.5)
CONTENT_WIDTH = WIDTH - 2 * SIDE
TITLE_TOP, TITLE_HEIGHT = Inches(0.25), Inches(0.75)
FOOTER_TOP, FOOTER_HEIGHT = Inches(6.55), Inches(0.8)
SENTENCE_WIDTH, GAP = Inches(3.4), Inches(0.3)  # the column beside a chart with its sentence
TABLE_ROWS = 12  # a table slide shows at most this many rows; the PDF and Excel downloads have the rest
CELL_CHARS = 90  # a longer cell is cut on a slide
MAX_SOURCES = 12
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5  # python-pptx's default template


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _title(slide: Slide, text: str, size: int | None = None) -> None:
    """The slide's title placeholder, placed for 16:9 (the default template is 4:3); a long title in a
    smaller size, so that it stays on one line (two at the smallest)."""
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = SIDE, TITLE_TOP, CONTENT_WIDTH, TITLE_HEIGHT
    shape.text_frame.text = text
    shape.text_frame.word_wrap = True
    shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    if size is None:
        fits = [s for s in (28, 24, 20) if len(text) * s * 0.6 <= CONTENT_WIDTH / Emu(Pt(1))]
        size = fits[0] if fits else 20
    for paragraph in shape.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.color.rgb = Pt(size), True, _rgb(TEXT_COLOUR)


def _box(slide: Slide, left: int, top: int, width: int, height: int, name: str = ""):
    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = 0
    return frame


def _run(paragraph, text: str, size: float, colour: str = TEXT_COLOUR, bold: bool = False) -> None:
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, _rgb(colour)


def _lines(frame, lines: Sequence[tuple[str, float, str, bool]]) -> None:
    """Paragraphs of (text, size, colour, bold), the first in the frame's own empty paragraph."""
    for i, (text, size, colour, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        _run(paragraph, text, size, colour, bold)
        paragraph.space_after = Pt(size * 0.4)


def _filters(value: str, lang: str) -> str:
    return f"{t('export_filters', lang)}: {value or t('report_no_filters', lang)}"


def footer(slide: Slide, source: str | None, filters: str | None, marker: str, lang: str) -> None:
    """The footer: the exempeldata `marker` first, in the exempeldata colour (none when ''), then the
    source and the filters (each left out when None)."""
    frame = _box(slide, SIDE, FOOTER_TOP, CONTENT_WIDTH - Inches(1.0), FOOTER_HEIGHT, name="Sidfot")
    frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    paragraph = frame.paragraphs[0]
    parts = [t("chart_source", lang, sources=source or "–")] if source is not None else []
    if marker:
        _run(paragraph, marker, 11, EXEMPEL_COLOUR, bold=True)
        parts.insert(0, "")
    _run(paragraph, " · ".join(parts), 11, MUTED_COLOUR)
    if filters is not None:
        _run(frame.add_paragraph(), _filters(filters, lang), 11, MUTED_COLOUR)


def title_slide(prs: Presentation, reports: Sequence[Report], title: str, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    heading, subtitle = slide.placeholders[0], slide.placeholders[1]
    heading.left, heading.top, heading.width, heading.height = SIDE, Inches(1.2), CONTENT_WIDTH, Inches(1.4)
    heading.text_frame.text = title
    for paragraph in heading.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.color.rgb = Pt(44), True, _rgb(TEXT_COLOUR)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = SIDE, Inches(2.7), CONTENT_WIDTH, Inches(3.0)
    frame = subtitle.text_frame
    frame.word_wrap = True
    lines = [
        (t("report_subtitle", lang), 20, MUTED_COLOUR, False),
        (t("report_made", lang, when=made(reports).strftime("%Y-%m-%d %H:%M")), 18, MUTED_COLOUR, False),
    ]
    for report in reports[:6]:
        lines.append((f"{report.heading} — {t('report_link', lang)}: {report.link}", 16, TEXT_COLOUR, True))
        lines.append((_filters(report.filters, lang), 14, MUTED_COLOUR, False))
    frame.text = ""
    _lines(frame, lines)
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
    if any(report.exempel for report in reports):
        box = _box(slide, SIDE, Inches(5.9), CONTENT_WIDTH, Inches(0.9), name="Exempeldata")
        _lines(box, [(t("report_exempel_statement", lang), 14, EXEMPEL_COLOUR, True)])


def view_slide(prs: Presentation, report: Report) -> None:
    """Between the views of a lägesrapport: the view's title, link and filters."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, report.heading, 36)
    frame = _box(slide, SIDE, Inches(1.4), CONTENT_WIDTH, Inches(3))
    lines = [(f"{t('report_link', report.lang)}: {report.link}", 18, TEXT_COLOUR, False)]
    lines.append((_filters(report.filters, report.lang), 18, MUTED_COLOUR, False))
    if report.intro:
        lines.append((report.intro, 16, TEXT_COLOUR, False))
    _lines(frame, lines)


def text_size(text: str, width: int, height: int, sizes: Sequence[int] = (20, 18, 16, 14, 12)) -> int:
    """The largest type size (pt) at which `text` should fit the box: about 0.55 em a character, lines at
    1.25 em (python-pptx cannot measure text)."""
    for size in sizes:
        per_line = max(1, int(width / Emu(Pt(size)) / 0.55))
        lines = sum(-(-max(len(part), 1) // per_line) for part in text.split("\n"))
        if lines * size * 1.25 * 1.15 <= height / Emu(Pt(1)):  # 1.15: the space after each paragraph
            return size
    return sizes[-1]


def chart_slide(prs: Presentation, chart: Chart, lang: str) -> None:
    """The chart: its title, its image fitted between the title and the footer, the sentence in a column
    beside it (a 16:9 image under a title leaves the slide's sides free), the footer."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, chart.title)
    top = TITLE_TOP + TITLE_HEIGHT + Inches(0.05)
    column = SENTENCE_WIDTH if chart.sentence else 0
    png = images.image(chart, size="slide")
    width_px, height_px = struct.unpack(">II", png[16:24])  # the PNG's own size, from its header
    height = FOOTER_TOP - Inches(0.1) - top
    width = int(height * width_px / height_px)
    room = CONTENT_WIDTH - (column + GAP if column else 0)
    if width > room:
        width, height = room, int(room * height_px / width_px)
    left = SIDE if column else int((WIDTH - width) / 2)
    picture = slide.shapes.add_picture(io.BytesIO(png), Emu(left), top, width, height)
    picture.name = "Figur"
    if chart.sentence:
        box_left = left + width + GAP
        box_width, box_height = WIDTH - SIDE - box_left, FOOTER_TOP - Inches(0.1) - top
        frame = _box(slide, box_left, top + Inches(0.2), box_width, box_height - Inches(0.2), name="Mening")
        _lines(
            frame,
            [(chart.sentence, text_size(chart.sentence, box_width, box_height - Inches(0.2)), TEXT_COLOUR, False)],
        )
    marker = (
        ""
        if not chart.exempel
        else t("report_exempel_short" if chart.kind == "exempel" else "report_exempel_marker", lang)
    )
    footer(slide, chart.source, chart.filters, marker, lang)


def notes_slide(prs: Presentation, notes: Sequence[Note], lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    titles = {note.title for note in notes}
    _title(slide, notes[0].title if len(titles) == 1 else t("report_notes", lang))
    frame = _box(slide, SIDE, Inches(1.3), CONTENT_WIDTH, Inches(5.2), name="Anteckningar")
    size = 18 if sum(len(note.text) for note in notes) < 900 else 14
    lines = []
    for note in notes:
        if len(titles) > 1:
            lines.append((note.title, size, TEXT_COLOUR, True))
        colour = EXEMPEL_COLOUR if note.kind in EXEMPEL_KINDS else TEXT_COLOUR
        lines.append((note.text, size, colour, False))
    _lines(frame, lines)
    if any(note.kind in EXEMPEL_KINDS for note in notes):
        footer(slide, None, None, t("report_exempel_marker", lang), lang)


def _cut(value: str) -> str:
    return value if len(value) <= CELL_CHARS else value[: CELL_CHARS - 1] + "…"


def _wrapped_lines(text: str, per_line: int) -> int:
    """How many lines `text` takes wrapped at spaces with `per_line` characters a line (a longer word is
    broken, as renderers do)."""
    lines, used = 1, 0
    for word in text.split():
        while len(word) > per_line:  # broken over lines of its own
            lines += 1 if used else 0
            word, used = word[per_line:], 0
            lines += 1
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def table_slide(prs: Presentation, table: Table, lang: str) -> None:
    """The table's first rows as a real table (as many of the first TABLE_ROWS as fit above the footer,
    long cells cut), and how many more the downloads hold."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, table.title)
    header, rows, numeric = table_text(table.frame, table.money, lang)
    rows = [[_cut(value) for value in row] for row in rows]
    shown: list[list[str]] = []
    top = TITLE_TOP + TITLE_HEIGHT + Inches(0.1)
    if header:
        size = 12 if len(header) <= 5 else 10
        point = Emu(Pt(1))
        widths = [int(w * point) for w in column_widths(header, rows, numeric, CONTENT_WIDTH / point, size, 16)]

        def row_height(values: list[str], bold: bool = False) -> int:
            """Estimated: python-pptx cannot measure text, and a renderer grows a row to its text, wrapping
            at spaces (a word that does not fit starts a new line)."""
            lines = max(
                _wrapped_lines(v, max(1, int((int(w / point) - 10) / (size * (0.62 if bold else 0.55)))))
                for v, w in zip(values, widths, strict=True)
            )
            return int(Pt(lines * size * 1.2 + 6))

        heights = [row_height(header, bold=True)]
        room = FOOTER_TOP - Inches(0.5) - top
        for row in rows[:TABLE_ROWS]:
            if sum(heights) + row_height(row) > room and shown:
                break
            shown.append(row)
            heights.append(row_height(row))
        shape = slide.shapes.add_table(len(shown) + 1, len(header), SIDE, top, CONTENT_WIDTH, sum(heights))
        shape.name = "Tabell"
        grid = shape.table
        for col, width in enumerate(widths):
            grid.columns[col].width = width
        for index, height in enumerate(heights):
            grid.rows[index].height = height
        for col, name in enumerate(header):
            for row, value in enumerate([name, *(r[col] for r in shown)]):
                cell = grid.cell(row, col)
                cell.text = value
                for paragraph in cell.text_frame.paragraphs:
                    paragraph.alignment = PP_ALIGN.RIGHT if numeric[col] else PP_ALIGN.LEFT
                    for run in paragraph.runs:
                        run.font.size, run.font.bold = Pt(size), row == 0
                cell.margin_top = cell.margin_bottom = Inches(0.03)
    more = len(rows) - len(shown)
    if more > 0:
        frame = _box(slide, SIDE, FOOTER_TOP - Inches(0.45), CONTENT_WIDTH, Inches(0.4), name="Fler rader")
        _lines(
            frame, [(t("slides_more_row" if more == 1 else "slides_more_rows", lang, n=more), 12, MUTED_COLOUR, False)]
        )
    footer(slide, table.sources, table.filters, table.exempel if holds_exempel(table) else "", lang)


def sources_slide(prs: Presentation, reports: Sequence[Report], lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, t("report_sources", lang))
    sources = list(dict.fromkeys(source for report in reports for source in report.sources))
    frame = _box(slide, SIDE, Inches(1.3), CONTENT_WIDTH, Inches(5.6), name="Källor")
    shown = sources[:MAX_SOURCES]
    size = 16 if sum(len(s) for s in shown) < 700 else 13 if sum(len(s) for s in shown) < 1400 else 11
    lines = [(f"• {source}", size, TEXT_COLOUR, False) for source in shown] or [
        (t("report_no_sources", lang), size, MUTED_COLOUR, False)
    ]
    if len(sources) > len(shown):
        lines.append((t("slides_more_sources", lang, n=len(sources) - len(shown)), size, MUTED_COLOUR, False))
    _lines(frame, lines)


def number_slides(prs: Presentation) -> None:
    """'3 / 12' in the bottom right corner of every slide."""
    total = len(prs.slides)
    for index, slide in enumerate(prs.slides, start=1):
        frame = _box(slide, WIDTH - SIDE - Inches(0.9), FOOTER_TOP, Inches(0.9), FOOTER_HEIGHT, name="Bildnummer")
        frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        _run(frame.paragraphs[0], f"{index} / {total}", 11, MUTED_COLOUR)
        frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def report_pptx(reports: Sequence[Report], *, title: str | None = None) -> bytes:
    """The view(s) as 16:9 slides; `title` names a presentation of several views ('Lägesrapport')."""
    if not reports:
        raise ValueError("a presentation needs at least one view")
    lang = reports[0].lang
    name = document_title(reports, title)
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    title_slide(prs, reports, name, lang)
    for report in reports:
        if len(reports) > 1:
            view_slide(prs, report)
        notes = [item for item in report.items if isinstance(item, Note)]
        for item in report.items:
            if isinstance(item, Chart):
                chart_slide(prs, item, lang)
            elif isinstance(item, Table):
                table_slide(prs, item, lang)
            elif item is notes[0]:  # all the view's notes on one slide, where the page shows the first
                notes_slide(prs, notes, lang)
    sources_slide(prs, reports, lang)
    number_slides(prs)
    properties = prs.core_properties
    properties.title = name
    properties.author = t("report_author", lang)
    properties.subject = " · ".join(report.link for report in reports)
    properties.language = "sv-SE" if lang == "sv" else "en-GB"
    properties.created = made(reports)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
