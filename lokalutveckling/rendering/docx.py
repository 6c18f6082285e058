"""A view, or several in one document, as a Word document (docx) to edit before sending: the title and the
date, the exempeldata statement, per view its intro and its items in order (a heading per chart, table and
group of notes; real Word tables with a header row repeated on each page and kronor right-aligned; notes
as paragraphs; 'Innehåller exempeldata' under the heading of whatever is, or holds, exempeldata), and at
the end every source. A4, Swedish (or English) as the document's and the text's language, a footer with
the title, the date and 'Sida n av N' as Word fields. The same content as rendering.pdf, made editable.

python-docx writes it; a chart goes in as its A4 image (rendering.images) where a browser can draw it, else
as its title, sentence and table."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph

from lokalutveckling.i18n import t
from lokalutveckling.rendering import images, pdf
from lokalutveckling.rendering.model import EXEMPEL_KINDS, Chart, Note, Report, Table, holds_exempel

FONT_NAME = "Arial"  # in Word on every machine; LibreOffice draws it with the metric-compatible Liberation Sans
MARGIN_MM = 18
TEXT_WIDTH_MM = 210 - 2 * MARGIN_MM
BODY_PT = 10
CELL_PT = 8
CELL_PAD_PT = 4  # a cell's left and right margin
META_PT = 8
# Characters XML 1.0 does not allow (control characters other than tab, newline and carriage return).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DIGIT_HYPHEN = re.compile(r"-(?=\d)")


def _colour(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


EXEMPEL_RGB = _colour(pdf.EXEMPEL_COLOUR)
MUTED_RGB = _colour(pdf.MUTED_COLOUR)


def clean(value: object) -> str:
    """Text from the data as Word can hold it: the characters XML does not allow are left out."""
    return _INVALID.sub("", str(value))


def language_tag(lang: str) -> str:
    return "sv-SE" if lang == "sv" else "en-GB"


def _set_language(doc: WordDocument, tag: str) -> None:
    """The language of every run (Word's spelling and hyphenation), in the defaults and the Normal style."""
    for rpr in (doc.styles.element.find(qn("w:docDefaults")), doc.styles["Normal"].element.get_or_add_rPr()):
        if rpr is None:
            continue
        if rpr.tag == qn("w:docDefaults"):
            default = rpr.find(qn("w:rPrDefault"))
            if default is None:
                default = OxmlElement("w:rPrDefault")
                rpr.insert(0, default)
            rpr = default.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                default.append(rpr)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), tag)


def _set_fonts(doc: WordDocument) -> None:
    """One font for the whole document: every style's theme fonts (Calibri, Cambria) replaced by FONT_NAME."""
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT_NAME)


def _field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) in the paragraph: Word and LibreOffice fill it in as they lay out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _footer(doc: WordDocument, name: str, when: str, lang: str) -> None:
    """On every page: the title and the date on the left, 'Sida n av N' on the right."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.style = doc.styles["Footer"]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    run = paragraph.add_run(clean(f"{name} · {when}"[:110]) + "\t")
    # 'Sida {n} av {total}': the words around the two numbers, which are fields.
    before, _, rest = t("report_page_of", lang).partition("{n}")
    middle, _, after = rest.partition("{total}")
    paragraph.add_run(before)
    _field(paragraph, "PAGE")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES")
    if after:
        paragraph.add_run(after)
    for run in paragraph.runs:
        run.font.size = Pt(7.5)
        run.font.color.rgb = MUTED_RGB


def _setup(doc: WordDocument, name: str, reports: Sequence[Report], lang: str) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    _set_language(doc, language_tag(lang))
    _set_fonts(doc)
    props = doc.core_properties
    props.title = name
    props.language = language_tag(lang)
    props.author = t("report_author", lang)
    props.subject = " · ".join(r.heading for r in reports)
    props.created = pdf.made(reports)
    props.keywords = "exempeldata" if any(r.exempel for r in reports) else ""
    props.comments = t("report_subtitle", lang)
    _footer(doc, name, pdf.made(reports).strftime("%Y-%m-%d"), lang)


def _meta(doc: WordDocument, text: str, *, colour: RGBColor = MUTED_RGB, bold: bool = False) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(1)
    paragraph.paragraph_format.keep_with_next = True  # with the table or text it describes
    run = paragraph.add_run(clean(text))
    run.font.size = Pt(META_PT)
    run.font.color.rgb = colour
    run.bold = bold
    return paragraph


def _marker(doc: WordDocument, lang: str) -> None:
    """'Innehåller exempeldata', under the heading of what is, or holds, exempeldata."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(t("report_exempel_marker", lang))
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = EXEMPEL_RGB


def _heading(doc: WordDocument, text: str, level: int) -> Paragraph:
    heading = doc.add_heading(clean(text), level=level)
    heading.paragraph_format.keep_with_next = True
    return heading


def _shade(cell_element: object, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#"))
    cell_element.get_or_add_tcPr().append(shading)


def _borders(table: WordTable) -> None:
    """Rules as the PDF draws them: a darker one under the header, light ones between rows, none upright;
    each cell's margins as rendering.pdf's column widths count them."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side, colour, size in (
        ("top", pdf.RULE_COLOUR, 4),
        ("left", None, 0),
        ("bottom", pdf.RULE_COLOUR, 4),
        ("right", None, 0),
        ("insideH", pdf.RULE_COLOUR, 2),
        ("insideV", None, 0),
    ):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single" if colour else "nil")
        if colour:
            border.set(qn("w:sz"), str(size))
            border.set(qn("w:color"), colour.lstrip("#"))
        borders.append(border)
    properties.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", 20), ("left", CELL_PAD_PT * 20), ("bottom", 20), ("right", CELL_PAD_PT * 20)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(value))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)


def _header_rule(cell_element: object) -> None:
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")
    bottom.set(qn("w:color"), pdf.MUTED_COLOUR.lstrip("#"))
    borders.append(bottom)
    cell_element.get_or_add_tcPr().append(borders)


def _repeat_header(row_element: object) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_element.get_or_add_trPr().append(header)


def _no_break_hyphens(run: object, text: str) -> None:
    """The run's text with each hyphen before a digit as Word's non-breaking hyphen, so that a date or an
    id ('2023-08-26', 'INS-031') is not broken across lines; it reads back as '-'."""
    parts = _DIGIT_HYPHEN.split(text)
    run.text = parts[0]
    for part in parts[1:]:
        run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            piece = OxmlElement("w:t")
            piece.set(qn("xml:space"), "preserve")
            piece.text = part
            run._r.append(piece)


def _write_cell(cell: object, text: str, *, right: bool, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run()
    _no_break_hyphens(run, clean(text))
    run.font.size = Pt(CELL_PT)
    run.bold = bold


def word_table(doc: WordDocument, frame: object, money: Sequence[str], lang: str) -> WordTable | Paragraph:
    """A real Word table: a shaded header row repeated on every page, numbers and kronor right-aligned
    (kronor as the pages write them), the columns as wide as rendering.pdf would make them."""
    if frame.empty:
        return _meta(doc, t("report_empty_table", lang))
    header, rows, numeric = pdf.table_text(frame, money, lang)
    width_pt = TEXT_WIDTH_MM / 25.4 * 72
    widths = pdf.column_widths(header, rows, numeric, width_pt, size=CELL_PT, pad=2 * CELL_PAD_PT + 2)
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    _borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Pt(width)
    for r, word_row in enumerate(table.rows):
        values = header if r == 0 else rows[r - 1]
        for i, (cell, value) in enumerate(zip(word_row.cells, values, strict=True)):
            cell.width = Pt(widths[i])
            text = value if len(value) <= pdf.MAX_CELL_CHARS else value[: pdf.MAX_CELL_CHARS - 1] + "…"
            _write_cell(cell, text, right=numeric[i], bold=r == 0)
            if r == 0:
                _shade(cell._tc, pdf.HEADER_FILL)
                _header_rule(cell._tc)
    _repeat_header(table.rows[0]._tr)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
    return table


def _filters(value: str, lang: str) -> str:
    return f"{t('export_filters', lang)}: {value or t('report_no_filters', lang)}"


def _chart(doc: WordDocument, chart: Chart, lang: str, level: int) -> None:
    """A chart: its heading and sentence, its image (or, without a browser, only the words and the table),
    what it is, and its table."""
    _heading(doc, chart.title, level)
    if chart.exempel:
        _marker(doc, lang)
    if chart.sentence:
        doc.add_paragraph(clean(chart.sentence))
    try:
        png = images.image(chart, size="a4", fmt="png")
    except images.ImagesUnavailable:
        png = None
    if png is not None:
        doc.add_picture(io.BytesIO(png), width=Mm(TEXT_WIDTH_MM))
    _meta(doc, t("report_badge", lang, badge=chart.badge))
    _meta(doc, _filters(chart.filters, lang))
    if chart.scope:
        _meta(doc, t("report_scope", lang, scope=chart.scope))
    _meta(doc, t("chart_source", lang, sources=chart.source or "–"))
    if chart.table is not None:
        _heading(doc, t("report_table_of", lang, title=chart.title), level + 1)
        word_table(doc, chart.table, chart.money, lang)


def _table(doc: WordDocument, table: Table, lang: str, level: int) -> None:
    exempel = holds_exempel(table)
    _heading(doc, table.title, level)
    if exempel:
        _marker(doc, lang)
    if table.exempel:
        _meta(doc, table.exempel, colour=EXEMPEL_RGB if exempel else MUTED_RGB)
    _meta(doc, _filters(table.filters, lang))
    if table.sources:
        _meta(doc, t("chart_source", lang, sources=table.sources))
    word_table(doc, table.frame, table.money, lang)


def _notes(doc: WordDocument, notes: list[Note], lang: str, level: int) -> None:
    """Consecutive notes under one heading (their common title, else 'Kontroller och anteckningar'), a
    paragraph each."""
    common = len({note.title for note in notes}) == 1
    _heading(doc, notes[0].title if common else t("report_notes", lang), level)
    if any(note.kind in EXEMPEL_KINDS for note in notes):
        _marker(doc, lang)
    for note in notes:
        paragraph = doc.add_paragraph()
        if not common:
            paragraph.add_run(clean(note.title) + ". ").bold = True
        run = paragraph.add_run(clean(note.text))
        if note.kind in EXEMPEL_KINDS:
            run.font.color.rgb = EXEMPEL_RGB


def _view(doc: WordDocument, report: Report, level: int) -> None:
    """One view's items in the order the page shows them, consecutive notes together."""
    lang = report.lang
    if not report.items:
        doc.add_paragraph(t("report_empty", lang))
    notes: list[Note] = []
    for item in [*report.items, None]:
        if isinstance(item, Note):
            notes.append(item)
            continue
        if notes:
            _notes(doc, notes, lang, level)
            notes = []
        if isinstance(item, Chart):
            _chart(doc, item, lang, level)
        elif isinstance(item, Table):
            _table(doc, item, lang, level)


def _sources(doc: WordDocument, reports: Sequence[Report], lang: str) -> None:
    """Every source of every view, by name with document and line, once per view."""
    _heading(doc, t("report_sources", lang), 1)
    for report in reports:
        if len(reports) > 1:
            _heading(doc, report.heading, 2)
        if not report.sources:
            _meta(doc, t("report_no_sources", lang))
        for source in report.sources:
            paragraph = doc.add_paragraph(style="List Bullet")
            run = paragraph.add_run(clean(source))
            if "exempeldata" in source.lower():
                run.font.color.rgb = EXEMPEL_RGB


def report_docx(reports: Sequence[Report], *, title: str | None = None) -> bytes:
    """The view(s) as a Word document; `title` names it (default: the views' headings)."""
    if not reports:
        raise ValueError("a report needs at least one view")
    lang = reports[0].lang
    name = pdf.document_title(reports, title)
    doc = Document()
    several = len(reports) > 1
    _setup(doc, name, reports, lang)
    doc.add_heading(clean(name), level=0)
    if not several and reports[0].heading != name:
        doc.add_paragraph(clean(reports[0].heading), style="Subtitle")
    _meta(doc, t("report_made", lang, when=pdf.made(reports).strftime("%Y-%m-%d %H:%M")))
    for report in reports:
        view = f"{t('report_view', lang)}: {report.heading} · " if several else ""
        link = f"{t('report_link', lang)}: {report.link} · " if report.link else ""
        _meta(doc, view + link + _filters(report.filters, lang))
    if any(report.exempel for report in reports):
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(t("aterrapport_docx_exempel", lang))
        run.font.color.rgb = EXEMPEL_RGB
        run.bold = True
    for report in reports:
        if several:
            _heading(doc, report.heading, 1)
        if report.intro:
            doc.add_paragraph(clean(report.intro))
        _view(doc, report, 2 if several else 1)
    _sources(doc, reports, lang)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
