"""Downloads of tables exactly as shown: CSV and an Excel workbook that says what the figures are.

Pure: a DataFrame and a description in, bytes out. The workbook's first sheet is the table; the
second, "Om uttaget" / "About", names the view, the filters, the date and the sources, so a figure
that travels by e-mail still says where it came from.
"""

from __future__ import annotations

import io
from datetime import datetime

import pandas as pd

from lokalutveckling.i18n import t

SHEET_MAX = 31  # Excel's limit on sheet names


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel opens å, ä and ö correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")


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
            for column in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 200)):
                width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
            sheet.freeze_panes = "A2"
    return buffer.getvalue()
