"""Files to fill in for an import: an .xlsx with the columns above one example row, a sheet
explaining each column and, given a store, a sheet of its codes; or the same as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from lokalutveckling import store
from lokalutveckling.export import protect_sheet, spreadsheet_text
from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.kinds import Kind, kind
from lokalutveckling.imports.whole_store import LIST_NOTE
from lokalutveckling.store import Connection


def template(kind_name: str, file_format: str = "xlsx", *, con: Connection | None = None) -> bytes:
    """A file to fill in for an import of `kind_name`: 'xlsx' (the columns above one example row,
    a sheet explaining each column in Swedish, and, given a store, a sheet of its codes and names)
    or 'csv' (semicolons, UTF-8 with BOM so that Excel opens å, ä and ö; header and example row).
    Text never starts as a formula (see export)."""
    spec = kind(kind_name)
    headers = [c.header for c in spec.columns]
    example = [c.example for c in spec.columns]
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow([spreadsheet_text(h) for h in headers])
        writer.writerow([spreadsheet_text(fmt.cell_text(v)) for v in example])
        return buffer.getvalue().encode("utf-8-sig")
    if file_format != "xlsx":
        raise ValueError(f"Okänt format {file_format!r}; välj xlsx eller csv.")
    import openpyxl  # heavy, and only for a workbook: loaded when one is made
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = spec.title[:31]
    sheet["A1"] = (
        f"Import av {spec.title.lower()} – en rad per {_row_noun(spec)}. Rad 4 är ett exempel: skriv över den."
    )
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(headers)
    sheet.append(example)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for cell in sheet[4]:
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    for index, column in enumerate(spec.columns, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.header) + 4))
    sheet.freeze_panes = "A4"
    about = workbook.create_sheet("Om kolumnerna")
    about.append(["Kolumn", "Obligatorisk", "Betydelse", "Så skrivs den", "Exempel"])
    for cell in about[1]:
        cell.font = Font(bold=True)
    for column in spec.columns:
        about.append(
            [
                column.header,
                "ja" if column.required else "nej",
                column.meaning,
                column.expected,
                fmt.cell_text(column.example),
            ]
        )
    about.append([])
    for line in _template_notes(spec):
        about.append([line])
    if spec.name == "insatser":
        about.append([LIST_NOTE])
    for letter, width in zip("ABCDE", (24, 12, 60, 60, 24), strict=True):
        about.column_dimensions[letter].width = width
    if con is not None:
        _codes_sheet(workbook.create_sheet("Koder"), spec, con)
    for each in workbook.worksheets:  # the codes sheet carries names from the store: text, never formulas
        protect_sheet(each)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row_noun(spec: Kind) -> str:
    return {
        "insatser": "insats",
        "tilldelningar": "tilldelning",
        "indikatorvarden": "indikator, område och år",
        "omradesteam": "period",
        "kraftsamling": "period",
    }[spec.name]


def _template_notes(spec: Kind) -> list[str]:
    return [
        f"Raderna känns igen på: {spec.key}. Finns raden redan ändras den; annars läggs den till. "
        "Rader som inte finns i filen lämnas orörda.",
        "Kolumnernas ordning spelar ingen roll, och rubrikerna får skrivas med små eller stora bokstäver. "
        "Rader ovanför rubrikraden (t.ex. en titel) och en summarad läses inte.",
        "Filen kan också sparas som CSV (semikolon eller komma, UTF-8 eller Windows-1252).",
        "Inget sparas förrän förhandsgranskningen är fri från problem och du bekräftar; då sparas allt eller inget, "
        "och databasen sparas först som en ögonblicksbild som kan återställas.",
    ]


def _codes_sheet(sheet, spec: Kind, con: Connection) -> None:
    from openpyxl.styles import Font  # heavy, see template()

    cur = con.cursor()
    try:
        rows = store.run_rows(cur, "import/koder")
    finally:
        cur.close()
    wanted = {
        "insatser": ("namnd", "finansiering", "fokus", "omrade", "tilldelning"),
        "tilldelningar": ("beslut", "namnd", "finansiering"),
        "indikatorvarden": ("indikator", "omrade"),
        "omradesteam": ("omrade",),
        "kraftsamling": ("omrade",),
    }[spec.name]
    titles = {
        "namnd": "Nämnd",
        "finansiering": "Finansieringskälla",
        "fokus": "Fokusområde",
        "omrade": "Område",
        "tilldelning": "Tilldelning",
        "beslut": "Beslut",
        "indikator": "Indikator",
    }
    sheet.append(["Slag", "Kod", "Namn"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for slag in wanted:
        for row in rows:
            if row["slag"] != slag:
                continue
            if slag == "omrade" and row["niva"] == "delomrade":
                continue
            sheet.append([titles[slag], row["kod"], row["namn"]])
    for letter, width in zip("ABC", (20, 22, 80), strict=True):
        sheet.column_dimensions[letter].width = width
