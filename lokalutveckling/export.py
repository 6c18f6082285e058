"""Downloads of tables exactly as shown: CSV and an Excel workbook that say what the figures are.

Pure: a DataFrame and a description in, bytes out. The description (`about_rows`: the view, the filters
as applied, the date, the sources by readable name with document and line, and how much is
exempeldata) travels inside every file, so a figure sent by e-mail or pasted into a slide still says
where it came from:
- the workbook's first sheet starts with it, one line each, above the table (the exempeldata line
  first after the title, highlighted), and the second sheet, "Om uttaget" / "About", holds it again
  as a two-column table;
- a page CSV starts with the same lines, each one cell padded to the table's width, then an empty
  line and the table. Spreadsheets show the lines on top, as the city's statistics CSVs do; the
  importer (`import_formats.read_table`) looks for the header row among the first rows, so an
  exported file still imports; `pandas.read_csv(..., skiprows=header_row(about) - 1)` reads the table.
  The whole-store export (`importer.export_store`) writes plain CSV files, with the description in a
  text file beside them in the zip: those files are made to be imported elsewhere as they are.

Text from the store is data, never a formula, in every file we write (OWASP's "CSV injection"): a text
that starts with =, +, -, @, a tab or a carriage return would run as a formula in Excel or LibreOffice.
In a workbook such a cell is written as a string cell (type 's', never a formula, `protect_sheet`) with
Excel's own quote prefix; in CSV, which has no types, it gets a leading apostrophe
(`spreadsheet_text`), which the importer takes off again (`from_spreadsheet_text`), so that an exported
file imports back unchanged.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

import pandas as pd

from lokalutveckling.format import fmt_int, fmt_pct
from lokalutveckling.i18n import t

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

T = TypeVar("T")

SHEET_MAX = 31  # Excel's limit on sheet names
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may read as the start of a formula
QUOTE = "'"


def _formula_like(text: str) -> bool:
    """True when `text`, leading apostrophes aside, starts as a spreadsheet formula may."""
    return text.lstrip(QUOTE).startswith(FORMULA_STARTS)


def spreadsheet_text(value: T) -> T:
    """A value as a CSV cell that a spreadsheet shows as text: text that (leading apostrophes aside)
    starts with =, +, -, @, tab or carriage return gets one more leading apostrophe; anything else,
    and every non-text value, is returned as it is. Undone exactly by `from_spreadsheet_text`."""
    if isinstance(value, str) and _formula_like(value):
        return QUOTE + value  # type: ignore[return-value]
    return value


def from_spreadsheet_text(value: T) -> T:
    """The inverse of `spreadsheet_text`: one leading apostrophe goes when what follows (leading
    apostrophes aside) starts with =, +, -, @, tab or carriage return; anything else stays as it is."""
    if isinstance(value, str) and value.startswith(QUOTE) and _formula_like(value):
        return value[1:]  # type: ignore[return-value]
    return value


def csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells and column names are `spreadsheet_text`."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype | pd.CategoricalDtype):
            out[column] = out[column].map(spreadsheet_text)
    out.columns = [spreadsheet_text(c) for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame, about: list[tuple[str, str]] | None = None) -> bytes:
    """UTF-8 with BOM, so Excel opens å, ä and ö correctly; text never starts as a formula. Lines end
    in CRLF, as in Excel's own CSV, so that a cell holding a carriage return is quoted.

    With `about` (see about_rows) the file starts with its lines, one cell each padded to the table's
    width, and an empty line: the table's header is then on line `header_row(about)`."""
    table = csv_ready(frame).to_csv(index=False, lineterminator="\r\n")
    if about is None:
        return table.encode("utf-8-sig")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    width = max(len(frame.columns), 1)
    for line in [*header_lines(about), ""]:
        writer.writerow([spreadsheet_text(line)] + [""] * (width - 1))
    return (buffer.getvalue() + table).encode("utf-8-sig")


def header_lines(about: list[tuple[str, str]]) -> list[str]:
    """The description as the lines above a table: 'Innehåll: …', 'Filter: …', …"""
    return [f"{field}: {value}" for field, value in about]


def header_row(about: list[tuple[str, str]]) -> int:
    """The line (CSV) or row (the workbook's first sheet) of the table's header, counted from 1."""
    return len(about) + 2


def protect_sheet(sheet: Worksheet) -> None:
    """Every text cell of an openpyxl sheet as text: openpyxl makes a str that starts with '=' a
    formula, so such cells (and every other one that starts as a formula may) become string cells
    with Excel's quote prefix, which also keeps them text when someone edits them in Excel."""
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if isinstance(value, str) and _formula_like(value):
                cell.data_type = "s"
                cell.quotePrefix = True


def about_rows(
    title: str,
    filters: str,
    sources: str,
    *,
    lang: str = "sv",
    when: datetime | None = None,
    exempel: str = "",
    scope: str = "",
) -> list[tuple[str, str]]:
    """The description of a download: what, exempeldata, filters as applied, when, sources; with `scope`
    (the years and stages of its money, the filters it does not follow and why) after the filters. `exempel`
    is `exempel_text`'s sentence; empty filters read 'Inga filter' ('No filters')."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    return [
        (t("export_what", lang), title),
        (t("export_exempel", lang), exempel or "–"),
        (t("export_filters", lang), filters or t("export_no_filters", lang)),
        *([(t("export_scope", lang), scope)] if scope else []),
        (t("export_when", lang), stamp),
        (t("export_sources", lang), sources or "–"),
    ]


def exempel_text(n_exempel: int, n_total: int, lang: str = "sv", *, unit: str | None = None) -> str:
    """How much of a download is exempeldata, e.g. 'Exempeldata: 40 av 52 rader (77 %)'; 'Inga
    exempeldata (0 av 12 rader)' when none, 'Allt är exempeldata (14 av 14 rader)' when all. `unit`
    names what is counted (default 'rader' / 'rows')."""
    unit = unit or t("export_unit_rows", lang)
    values = {"n": fmt_int(n_exempel, lang), "total": fmt_int(n_total, lang), "unit": unit}
    if n_total and n_exempel >= n_total:
        return t("export_exempel_all", lang, **values)
    if not n_exempel:
        return t("export_exempel_none", lang, **values)
    return t("export_exempel_share", lang, share=fmt_pct(100 * n_exempel / n_total, lang, 0), **values)


def excel_bytes(frame: pd.DataFrame, about: list[tuple[str, str]], *, lang: str = "sv") -> bytes:
    """An .xlsx workbook: on the first sheet the description's lines (the title in bold, the exempeldata
    line highlighted), an empty row and the table from row `header_row(about)`; the description again
    on the second sheet; columns sized to fit the table."""
    from openpyxl.styles import Font, PatternFill  # heavy, and only for a workbook: loaded when one is made

    buffer = io.BytesIO()
    data_sheet = t("export_sheet_data", lang)[:SHEET_MAX]
    about_sheet = t("export_sheet_about", lang)[:SHEET_MAX]
    shown = frame.copy()
    for column in shown.columns:
        # Excel has no time zones and no lists: dates stay dates, lists become text.
        if isinstance(shown[column].dtype, pd.DatetimeTZDtype):
            shown[column] = shown[column].dt.tz_localize(None)
        elif shown[column].map(lambda v: isinstance(v, list | tuple)).any():
            shown[column] = shown[column].map(lambda v: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v)
    start = header_row(about)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        shown.to_excel(writer, sheet_name=data_sheet, index=False, startrow=start - 1)
        pd.DataFrame(about, columns=[t("export_field", lang), t("export_value", lang)]).to_excel(
            writer, sheet_name=about_sheet, index=False
        )
        sheet = writer.sheets[data_sheet]
        for number, line in enumerate(header_lines(about), start=1):
            sheet.cell(row=number, column=1, value=line)
        sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
        exempel_row = next((n for n, (field, _) in enumerate(about, 1) if field == t("export_exempel", lang)), None)
        if exempel_row is not None:
            sheet.cell(row=exempel_row, column=1).font = Font(bold=True)
            sheet.cell(row=exempel_row, column=1).fill = PatternFill("solid", fgColor="FDE7D2")
        for name, first in ((data_sheet, start), (about_sheet, 1)):
            sheet = writer.sheets[name]
            protect_sheet(sheet)
            for column in sheet.iter_cols(min_row=first, max_row=min(sheet.max_row, first + 200)):
                width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
            sheet.freeze_panes = f"A{first + 1}"
    return buffer.getvalue()
