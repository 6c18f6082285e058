"""Downloads of tables exactly as shown: CSV and an Excel workbook that says what the figures are.

Pure: a DataFrame and a description in, bytes out. The workbook's first sheet is the table; the
second, "Om uttaget" / "About", names the view, the filters, the date and the sources, so a figure
that travels by e-mail still says where it came from.

Text from the store is data, never a formula, in every file we write (OWASP's "CSV injection"): a text
that starts with =, +, -, @, a tab or a carriage return would run as a formula in Excel or LibreOffice.
In a workbook such a cell is written as a string cell (type 's', never a formula, `protect_sheet`) with
Excel's own quote prefix; in CSV, which has no types, it gets a leading apostrophe
(`spreadsheet_text`), which the importer takes off again (`from_spreadsheet_text`), so that an exported
file imports back unchanged.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

import pandas as pd

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


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel opens å, ä and ö correctly; text never starts as a formula. Lines end
    in CRLF, as in Excel's own CSV, so that a cell holding a carriage return is quoted."""
    return csv_ready(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


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
    title: str, filters: str, sources: str, *, lang: str = "sv", when: datetime | None = None
) -> list[tuple[str, str]]:
    """The description sheet's rows: what, filters, when, sources."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    return [
        (t("export_what", lang), title),
        (t("export_filters", lang), filters or t("filter_all", lang)),
        (t("export_when", lang), stamp),
        (t("export_sources", lang), sources),
    ]


def excel_bytes(frame: pd.DataFrame, about: list[tuple[str, str]], *, lang: str = "sv") -> bytes:
    """An .xlsx workbook: the table on the first sheet, `about` on the second, columns sized to fit."""
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
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        shown.to_excel(writer, sheet_name=data_sheet, index=False)
        pd.DataFrame(about, columns=[t("export_field", lang), t("export_value", lang)]).to_excel(
            writer, sheet_name=about_sheet, index=False
        )
        for name in (data_sheet, about_sheet):
            sheet = writer.sheets[name]
            protect_sheet(sheet)
            for column in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 200)):
                width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
            sheet.freeze_panes = "A2"
    return buffer.getvalue()
