"""A view, or several in one document (a *lägesrapport*), as an A4 PDF: a cover with the title, the date,
each view's link and filters, a contents list and the exempeldata statement; per view its charts (title,
sentence, image, badge, filters, scope, source, the figures as a table), its tables and its notes; at the
end every source. Every page has a footer with 'Sida 3 av 12', the title and the date, and the
exempeldata marker on each page whose content is, or holds, exempeldata.

ReportLab draws it with its own Vera fonts (embedded; they have å ä ö, the no-break space, the minus
sign and the en dash), so the text is the data's own characters, in Swedish format."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import pandas as pd
import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.tableofcontents import TableOfContents

from lokalutveckling.format import fmt_kr, fmt_number
from lokalutveckling.i18n import t
from lokalutveckling.rendering import images
from lokalutveckling.rendering.model import EXEMPEL_KINDS, Chart, Note, Report, Table, holds_exempel

EXEMPEL_COLOUR = "#B45309"  # the exempeldata badge's colour (ui.widgets)
TEXT_COLOUR = "#1F2933"
MUTED_COLOUR = "#52606D"
RULE_COLOUR = "#CBD2D9"
HEADER_FILL = "#E4E7EB"
FONT = "Vera"
MARGIN = 18 * mm
FOOTER_HEIGHT = 14 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN
FRAME_HEIGHT = A4[1] - 2 * MARGIN - FOOTER_HEIGHT
MAX_CELL_CHARS = 400  # a cell longer than this is cut with an ellipsis (the Excel download has it whole)
# Characters Vera lacks (the arrow in 'källa → nämnd', ≥) come from DejaVu Sans, Vera's extension, where
# Debian has it (fonts-dejavu-core, which fontconfig and so chromium pull in); else they stay as they are.
FALLBACK = "DejaVu"
FALLBACK_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _family(name: str, folder: Path, faces: dict[str, str]) -> None:
    for suffix, file in faces.items():
        pdfmetrics.registerFont(TTFont(name + suffix, str(folder / file)))
    pdfmetrics.registerFontFamily(
        name, normal=name, bold=f"{name}-Bold", italic=f"{name}-Italic", boldItalic=f"{name}-BoldItalic"
    )


@cache
def fonts() -> frozenset[int]:
    """Register ReportLab's Vera TTFs as one family (so <b> and <i> work), and DejaVu Sans for what Vera
    lacks where it is installed, once; the code points Vera has."""
    _family(
        FONT,
        Path(reportlab.__file__).parent / "fonts",
        {"": "Vera.ttf", "-Bold": "VeraBd.ttf", "-Italic": "VeraIt.ttf", "-BoldItalic": "VeraBI.ttf"},
    )
    faces = {"": "DejaVuSans.ttf", "-Bold": "DejaVuSans-Bold.ttf"}
    faces |= {"-Italic": "DejaVuSans-Oblique.ttf", "-BoldItalic": "DejaVuSans-BoldOblique.ttf"}
    if all((FALLBACK_DIR / file).exists() for file in faces.values()):
        _family(FALLBACK, FALLBACK_DIR, faces)
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


@cache
def _has_fallback() -> bool:
    fonts()
    return FALLBACK in pdfmetrics.getRegisteredFontNames()


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the report."""
    fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=TEXT_COLOUR, spaceAfter=4)
    return {
        "body": base,
        "cover_title": ParagraphStyle("cover_title", base, fontName=f"{FONT}-Bold", fontSize=24, leading=29),
        "cover_sub": ParagraphStyle("cover_sub", base, fontSize=12, leading=16, textColor=MUTED_COLOUR),
        "h1": ParagraphStyle("h1", base, fontName=f"{FONT}-Bold", fontSize=16, leading=20, spaceBefore=6),
        "h2": ParagraphStyle("h2", base, fontName=f"{FONT}-Bold", fontSize=12, leading=15, spaceBefore=10),
        "h3": ParagraphStyle("h3", base, fontName=f"{FONT}-Bold", fontSize=10, leading=13, spaceBefore=6),
        "meta": ParagraphStyle("meta", base, fontSize=8, leading=10.5, textColor=MUTED_COLOUR, spaceAfter=1),
        # cells break after a hyphen ('Nydala-Hermodsdal-Lindängen') and split a word longer than the column
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9.2, spaceAfter=0, embeddedHyphenation=1),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=7.5, leading=9.2, spaceAfter=0, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, fontName=f"{FONT}-Bold", fontSize=7.5, leading=9.2, spaceAfter=0),
        "head_right": ParagraphStyle(
            "head_right", base, fontName=f"{FONT}-Bold", fontSize=7.5, leading=9.2, spaceAfter=0, alignment=TA_RIGHT
        ),
        "exempel": ParagraphStyle(
            "exempel",
            base,
            textColor=EXEMPEL_COLOUR,
            borderColor=EXEMPEL_COLOUR,
            borderWidth=0.8,
            borderPadding=5,
            spaceBefore=8,
            spaceAfter=10,
        ),
        "toc0": ParagraphStyle("toc0", base, fontName=f"{FONT}-Bold", fontSize=10, leading=14, leftIndent=0),
        "toc1": ParagraphStyle("toc1", base, fontSize=9, leading=12, leftIndent=12, spaceAfter=1),
    }


def text(value: object) -> str:
    """Text from the data as Paragraph markup that shows it literally (names may hold < & >), each
    character Vera lacks in the fallback font."""
    plain = str(value)
    known = fonts()
    if all(ord(c) in known for c in plain) or not _has_fallback():
        return xml_escape(plain)
    parts: list[str] = []
    for char in plain:
        escaped = xml_escape(char)
        parts.append(escaped if ord(char) in known or char in "\n\t" else f'<font name="{FALLBACK}">{escaped}</font>')
    return "".join(parts).replace(f'</font><font name="{FALLBACK}">', "")


# Flowables that are, or hold, exempeldata: the document marks the page each is drawn on. Tables and
# paragraphs split across pages as their own class, so every part marks its page.
class ExempelParagraph(Paragraph):
    exempel = True


class ExempelTable(PdfTable):
    exempel = True


class Heading(Paragraph):
    """A heading listed in the contents at `level` (0: a view or the sources, 1: a figure, table or notes)."""

    def __init__(self, markup: str, style: ParagraphStyle, level: int, exempel: bool = False) -> None:
        super().__init__(markup, style)
        self.toc_level = level
        self.exempel = exempel


def cell_value(value: object, money: bool, lang: str) -> str:
    """One table cell as the pages show it: kronor with fmt_kr, decimals with fmt_number, the rest as is."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    if money and isinstance(value, (int, float)):
        return fmt_kr(value, lang)
    if isinstance(value, float):
        return fmt_number(value, lang)
    if isinstance(value, (datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def table_text(frame: pd.DataFrame, money: Sequence[str], lang: str) -> tuple[list[str], list[list[str]], list[bool]]:
    """The table's header, its rows as text and which columns are numbers (right-aligned)."""
    header = [str(c) for c in frame.columns]
    numeric = [
        column in money
        or (pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]))
        for column in frame.columns
    ]
    rows = [
        [cell_value(value, column in money, lang) for column, value in zip(frame.columns, row, strict=True)]
        for row in frame.itertuples(index=False, name=None)
    ]
    return header, rows, numeric


def column_widths(
    header: list[str], rows: list[list[str]], numeric: list[bool], width: float, size: float = 0, pad: float = 7
) -> list[float]:
    """Each column at least as wide as its longest word (a kronor figure is one, its spaces no-break, and
    a date; a text column's longest words at most a sixth of the width, they split), the rest of the width
    shared in proportion to how much more its typical cell wants."""
    fonts()  # measured in Vera (the slides measure with it too)
    size = size or styles()["cell"].fontSize  # pt, as `width` and `pad` (the cell's padding)
    least, wanted = [], []
    for i, name in enumerate(header):
        cells = [row[i] for row in rows[:400]]
        # a hyphen before a digit does not break ('INS-031'; 'Nydala-Hermodsdal' does)
        words = [w for cell in cells for w in re.split(r"(?<=\D-)(?=\D)| ", cell)] + name.split(" ")
        word = max((pdfmetrics.stringWidth(w, f"{FONT}-Bold", size) for w in words), default=0) + pad
        least.append(min(word, (0.3 if numeric[i] else 0.16) * width))
        lengths = sorted(pdfmetrics.stringWidth(c, FONT, size) for c in cells) or [0.0]
        wanted.append(max(least[-1], min(lengths[int(0.9 * (len(lengths) - 1))] + pad, 0.5 * width)))
    if sum(least) >= width:
        return [width * w / sum(least) for w in least]
    extra = [w - m for w, m in zip(wanted, least, strict=True)]
    spare = width - sum(least)
    if sum(extra) <= spare:  # everything fits on one line: share what is left by the wanted widths
        return [width * w / sum(wanted) for w in wanted]
    return [m + spare * e / sum(extra) for m, e in zip(least, extra, strict=True)]


def pdf_table(frame: pd.DataFrame, money: Sequence[str], lang: str, exempel: bool) -> Flowable:
    """A real PDF table: cells as Paragraphs (long text wraps), the header repeated on every page."""
    css = styles()
    if frame.empty:
        return Paragraph(t("report_empty_table", lang), css["meta"])
    header, rows, numeric = table_text(frame, money, lang)
    data = [[Paragraph(text(h), css["head_right" if num else "head"]) for h, num in zip(header, numeric, strict=True)]]
    for row in rows:
        data.append(
            [
                Paragraph(
                    text(v if len(v) <= MAX_CELL_CHARS else v[: MAX_CELL_CHARS - 1] + "…"),
                    css["cell_right" if num else "cell"],
                )
                for v, num in zip(row, numeric, strict=True)
            ]
        )
    kind = ExempelTable if exempel else PdfTable
    table = kind(data, colWidths=column_widths(header, rows, numeric, TEXT_WIDTH), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else ReportLab's default, Helvetica, not embedded
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_FILL)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(MUTED_COLOUR)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(RULE_COLOUR)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def chart_image(chart: Chart) -> Image:
    """The chart's A4 image, scaled to the text width keeping its aspect (smaller if taller than a page)."""
    png = images.image(chart, size="a4")
    picture = Image(io.BytesIO(png))
    width, height = picture.imageWidth, picture.imageHeight
    scale = min(TEXT_WIDTH / width, 0.72 * FRAME_HEIGHT / height)  # room for its heading and what it is
    picture.drawWidth, picture.drawHeight = width * scale, height * scale
    picture.hAlign = "CENTER"
    picture.exempel = chart.exempel
    return picture


def _para(markup: str, style: ParagraphStyle, exempel: bool) -> Paragraph:
    return (ExempelParagraph if exempel else Paragraph)(markup, style)


def _filters(value: str, lang: str) -> str:
    return f"{t('export_filters', lang)}: {value or t('report_no_filters', lang)}"


def chart_flowables(chart: Chart, lang: str) -> list[Flowable]:
    """A chart: its heading, sentence, image and what it is; then its table."""
    css, ex = styles(), chart.exempel
    head: list[Flowable] = [Heading(text(chart.title), css["h2"], 1, ex)]
    if chart.sentence:
        head.append(_para(text(chart.sentence), css["body"], ex))
    head.append(chart_image(chart))
    badge = f'<font color="{chart.badge_colour}"><b>{text(chart.badge)}</b></font>'
    meta = [t("report_badge", lang, badge=badge)]
    meta.append(text(_filters(chart.filters, lang)))
    if chart.scope:
        meta.append(text(t("report_scope", lang, scope=chart.scope)))
    meta.append(text(t("chart_source", lang, sources=chart.source or "–")))
    if chart.caption and chart.caption not in (chart.source, chart.scope):
        meta.append(f"<i>{text(chart.caption)}</i>")
    head += [_para(line, css["meta"], ex) for line in meta]
    out: list[Flowable] = [CondPageBreak(0.45 * FRAME_HEIGHT), KeepTogether(head)]
    if chart.table is not None:
        out += [
            Paragraph(text(t("report_table_of", lang, title=chart.title)), css["h3"]),
            pdf_table(chart.table, chart.money, lang, ex),
        ]
    return out


def table_flowables(table: Table, lang: str) -> list[Flowable]:
    css, ex = styles(), holds_exempel(table)
    head: list[Flowable] = [Heading(text(table.title), css["h2"], 1, ex)]
    if table.exempel:
        colour = EXEMPEL_COLOUR if ex else MUTED_COLOUR
        head.append(_para(f'<font color="{colour}">{text(table.exempel)}</font>', css["meta"], ex))
    head.append(_para(text(_filters(table.filters, lang)), css["meta"], ex))
    if table.sources:
        head.append(_para(text(t("chart_source", lang, sources=table.sources)), css["meta"], ex))
    return [CondPageBreak(0.2 * FRAME_HEIGHT), *head, pdf_table(table.frame, table.money, lang, ex)]


def notes_flowables(notes: list[Note], lang: str) -> list[Flowable]:
    """Consecutive notes under one heading (their common title, else 'Kontroller och anteckningar')."""
    css = styles()
    titles = {note.title for note in notes}
    common = len(titles) == 1
    ex = any(note.kind in EXEMPEL_KINDS for note in notes)
    out: list[Flowable] = [
        CondPageBreak(0.15 * FRAME_HEIGHT),
        Heading(text(notes[0].title if common else t("report_notes", lang)), css["h2"], 1, ex),
    ]
    for note in notes:
        markup = text(note.text) if common else f"<b>{text(note.title)}.</b> {text(note.text)}"
        out.append(_para(markup, css["body"], note.kind in EXEMPEL_KINDS))
    return out


def view_flowables(report: Report) -> list[Flowable]:
    """One view: its heading and intro, then its items in the order the page shows them."""
    css, lang = styles(), report.lang
    out: list[Flowable] = [PageBreak(), Heading(text(report.heading), css["h1"], 0)]
    link = f"{t('report_link', lang)}: {report.link} · " if report.link else ""  # a document of its own has none
    out.append(Paragraph(text(f"{link}{_filters(report.filters, lang)}"), css["meta"]))
    if report.intro:
        out.append(Paragraph(text(report.intro), css["body"]))
    if not report.items:
        out.append(Paragraph(text(t("report_empty", lang)), css["body"]))
    notes: list[Note] = []
    for item in [*report.items, None]:
        if isinstance(item, Note):
            notes.append(item)
            continue
        if notes:
            out += notes_flowables(notes, lang)
            notes = []
        if isinstance(item, Chart):
            out += chart_flowables(item, lang)
        elif isinstance(item, Table):
            out += table_flowables(item, lang)
    return out


def sources_flowables(reports: Sequence[Report], lang: str) -> list[Flowable]:
    """Every source of every view, by name with document and line, once per view."""
    css = styles()
    out: list[Flowable] = [PageBreak(), Heading(text(t("report_sources", lang)), css["h1"], 0)]
    for report in reports:
        if len(reports) > 1:
            out.append(Paragraph(text(report.heading), css["h3"]))
        sources = report.sources
        if not sources:
            out.append(Paragraph(text(t("report_no_sources", lang)), css["meta"]))
        for source in sources:
            out.append(_para(f"• {text(source)}", css["body"], "exempeldata" in source.lower()))
    return out


def made(reports: Sequence[Report]) -> datetime:
    return max(report.made for report in reports)


def document_title(reports: Sequence[Report], title: str | None) -> str:
    return title or " · ".join(report.heading for report in reports) or t("report_author", "sv")


def cover_flowables(reports: Sequence[Report], title: str, lang: str) -> list[Flowable]:
    css = styles()
    out: list[Flowable] = [
        Spacer(1, 18 * mm),
        Paragraph(text(title), css["cover_title"]),
        Paragraph(text(t("report_subtitle", lang)), css["cover_sub"]),
        Paragraph(text(t("report_made", lang, when=made(reports).strftime("%Y-%m-%d %H:%M"))), css["cover_sub"]),
        Spacer(1, 6 * mm),
    ]
    for report in reports:
        out.append(Paragraph(f"<b>{text(t('report_view', lang))}: {text(report.heading)}</b>", css["body"]))
        if report.link:
            out.append(Paragraph(text(f"{t('report_link', lang)}: {report.link}"), css["meta"]))
        out.append(Paragraph(text(_filters(report.filters, lang)), css["meta"]))
        out.append(Spacer(1, 2 * mm))
    if any(report.exempel for report in reports):
        out.append(ExempelParagraph(text(t("report_exempel_statement", lang)), css["exempel"]))
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [css["toc0"], css["toc1"]]
    toc.tableStyle = TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        + [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING")]
    )
    out += [Spacer(1, 4 * mm), Paragraph(text(t("report_contents", lang)), css["h2"]), toc]
    return out


class FooterCanvas(Canvas):
    """Holds each page until the end, then draws the footers: 'Sida n av N', the title and the date, and
    the exempeldata marker on the pages whose flowables marked them."""

    def __init__(self, *args: object, footer: tuple[str, str, str, str] = ("", "", "sv", ""), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.footer = footer
        self.exempel_page = False
        self.pages: list[dict] = []

    def showPage(self) -> None:
        self.pages.append(dict(self.__dict__))
        self.exempel_page = False
        self._startPage()

    def save(self) -> None:
        total = len(self.pages)
        for state in self.pages:
            self.__dict__.update(state)
            self.draw_footer(total)
            super().showPage()
        super().save()

    def draw_footer(self, total: int) -> None:
        title, when, lang, about = self.footer
        y = MARGIN - 4 * mm
        self.saveState()
        self.setStrokeColor(colors.HexColor(RULE_COLOUR))
        self.setLineWidth(0.5)
        self.line(MARGIN, y + 4.5 * mm, A4[0] - MARGIN, y + 4.5 * mm)
        self.setFont(FONT, 7.5)
        self.setFillColor(colors.HexColor(MUTED_COLOUR))
        left = f"{title} · {when}"[:110]
        if self.exempel_page:  # a long title is cut ('…') short of the marker in the middle, never under it
            room = A4[0] / 2 - pdfmetrics.stringWidth(t("report_exempel_marker", lang), f"{FONT}-Bold", 8) / 2
            while len(title) > 1 and MARGIN + pdfmetrics.stringWidth(left, FONT, 7.5) > room - 2 * mm:
                title = title[:-2].rstrip() + "…"
                left = f"{title} · {when}"
        self.drawString(MARGIN, y, left)
        self.drawRightString(A4[0] - MARGIN, y, t("report_page_of", lang, n=self._pageNumber, total=total))
        # Under it, on every page: the filters the figures follow and where their sources are.
        self.setFont(FONT, 6.5)
        self.drawString(MARGIN, y - 3.2 * mm, about[:150])
        if self.exempel_page:
            self.setFont(f"{FONT}-Bold", 8)
            self.setFillColor(colors.HexColor(EXEMPEL_COLOUR))
            self.drawCentredString(A4[0] / 2, y, t("report_exempel_marker", lang))
        self.restoreState()


class ReportDocument(BaseDocTemplate):
    """A4 portrait with a footer band; headings go into the contents and the PDF's outline."""

    def __init__(self, buffer: io.BytesIO, **kwargs: object) -> None:
        super().__init__(
            buffer,
            initialFontName=FONT,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER_HEIGHT,
            **kwargs,
        )
        frame = Frame(
            MARGIN,
            MARGIN + FOOTER_HEIGHT,
            TEXT_WIDTH,
            FRAME_HEIGHT,
            id="text",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._headings = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if getattr(flowable, "exempel", False):
            self.canv.exempel_page = True
        level = getattr(flowable, "toc_level", None)
        if level is not None:
            label = flowable.getPlainText()
            self._headings += 1
            key = f"h{self._headings}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(label, key, level=level, closed=level > 0)
            self.notify("TOCEntry", (level, text(label), self.page, key))

    def beforeDocument(self) -> None:
        self._headings = 0  # each pass of multiBuild numbers the headings (the bookmarks' keys) anew


def report_pdf(reports: Sequence[Report], *, title: str | None = None) -> bytes:
    """The view(s) as an A4 PDF report; `title` names a document of several views ('Lägesrapport')."""
    if not reports:
        raise ValueError("a report needs at least one view")
    fonts()
    lang = reports[0].lang
    name = document_title(reports, title)
    when = made(reports).strftime("%Y-%m-%d")
    story: list[Flowable] = cover_flowables(reports, name, lang)
    for report in reports:
        story += view_flowables(report)
    story += sources_flowables(reports, lang)
    buffer = io.BytesIO()
    doc = ReportDocument(
        buffer,
        title=name,
        author=t("report_author", lang),
        subject=" · ".join(report.link for report in reports),
        creator=t("report_author", lang),
        lang="sv-SE" if lang == "sv" else "en-GB",
    )
    filters = "; ".join(dict.fromkeys(r.filters or t("report_no_filters", lang) for r in reports))
    about = t("report_footer_about", lang, filters=filters)
    doc.multiBuild(story, canvasmaker=partial(FooterCanvas, footer=(name, when, lang, about)))
    return buffer.getvalue()
