"""Reading files as people really make them: an Excel workbook (.xlsx) or a CSV file as a header and rows.

`read_table` turns the bytes of a file into a header and rows, each row with the number the user
sees (the Excel row, or the CSV line where the record starts):
- Excel: title rows (merged or not) above the header are skipped by finding the header row, the row
  with the most known column names among the first `HEADER_SCAN_ROWS`; the sheet is the one asked
  for, else the first whose header is recognised.
- CSV: UTF-8 with or without BOM, else Windows-1252 (UTF-16 with BOM too, as Excel's "Unicode
  text"); the delimiter (semicolon, comma or tab) is the one under which a header is recognised.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from lokalutveckling.export import from_spreadsheet_text
from lokalutveckling.imports.formats.values import cell_text

MAX_BYTES = 25 * 1024 * 1024  # the file as uploaded
# Limits checked before a workbook is loaded or a file is read to the end, so that a small file
# cannot take the server's memory or time: an .xlsx is a zip, and 1 MB of it may unpack to 1 GiB.
MAX_ROWS = 300_000  # data rows below the header (136 delområden × 100 indicators × 20 years fit)
MAX_CELLS = 5_000_000  # cells read from an Excel sheet (rows × the columns each row has)
MAX_UNCOMPRESSED_BYTES = 250 * 1024 * 1024  # an .xlsx unpacked, all parts together
MAX_PART_BYTES = 200 * 1024 * 1024  # one sheet, or the shared strings (the text of the cells), unpacked
MAX_RATIO = 100  # how many times a part may grow when unpacked (zip bombs grow a thousandfold)
RATIO_FROM_BYTES = 1024 * 1024  # parts smaller than this unpacked are not held to MAX_RATIO
HEADER_SCAN_ROWS = 30
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "semikolon", ",": "komma", "\t": "tabb"}


class FileProblem(Exception):
    """The file as a whole cannot be read: `message` says why and what is expected."""


@dataclass
class Table:
    """A file's header and data rows. `rows` holds (row number as the user sees it, cells)."""

    fil: str
    format: str  # "xlsx" or "csv"
    blad: str | None
    header_rad: int
    headers: list[str]
    rows: list[tuple[int, list[object]]]
    notes: list[str] = field(default_factory=list)  # how the file was read (encoding, delimiter, sheet)


HeaderScore = Callable[[Sequence[object]], int]
# Told how far reading has come: (rows read, rows in all, or None when not known yet).
Tick = Callable[[int, int | None], None]


@dataclass(frozen=True)
class Formula:
    """An Excel cell holding a formula without a saved value (the file was never calculated and saved
    by Excel): the formula text, so that a message can show it."""

    text: str

    def __str__(self) -> str:
        return self.text


def file_kind(data: bytes, filename: str) -> str:
    """'xlsx' or 'csv', from the content (not only the name); FileProblem for anything else."""
    name = filename.lower()
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise FileProblem("filen är tom")
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise FileProblem("filen är en trasig zip- eller Excel-fil och kan inte öppnas") from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            raise FileProblem(_unsupported("ett Word-dokument (.docx)"))
        if "content.xml" in names:
            raise FileProblem(_unsupported("ett OpenDocument-dokument (.ods/.odt); spara det som .xlsx"))
        raise FileProblem(_unsupported("en zip-fil"))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(
            "filen är i det gamla Excel-formatet (.xls); spara den som Excel-arbetsbok (.xlsx) "
            "eller CSV och försök igen"
        )
    if data.startswith(b"%PDF"):
        raise FileProblem(_unsupported("en PDF"))
    if name.endswith((".xlsx", ".xlsm")):
        raise FileProblem("filen heter .xlsx men är ingen Excel-arbetsbok; spara den på nytt från Excel")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"
    if b"\x00" in data[:8192]:
        raise FileProblem(_unsupported("en binärfil"))
    return "csv"


def _unsupported(what: str) -> str:
    return f"filtypen stöds inte: filen är {what}. Ladda upp en Excel-fil (.xlsx) eller en CSV-fil"


def read_table(
    data: bytes, filename: str, score: HeaderScore, *, sheet: str | None = None, tick: Tick | None = None
) -> Table:
    """The header and rows of an .xlsx or CSV file; FileProblem when the file cannot be read at all.

    `score(cells)` says how many cells of a row are known column names; the header is the row that
    scores highest (at least 2) among the first rows, and data are the rows below it. A row whose
    every filled cell is a known column name is a header too (so a file with only 'Namn' is told
    which columns it lacks). The limits above are checked before the rows are read (an .xlsx's
    unpacked sizes from its zip directory) or while they are read (rows, cells): reading stops at
    the limit. `tick(rows read, rows in all)` is told as reading goes on.
    """
    if len(data) > MAX_BYTES:
        raise FileProblem(too_big_message(len(data)))
    kind = file_kind(data, filename)
    if kind == "xlsx":
        formulas = check_xlsx_sizes(data)
        return _read_xlsx(data, filename, score, sheet, tick, formulas=formulas)
    if sheet:
        raise FileProblem(f"en CSV-fil har inga blad; ta bort bladnamnet {sheet!r}")
    return _read_csv(data, filename, score, tick)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f}".replace(",", " ").replace(".", ",")


def _part_name(name: str) -> str:
    if name.endswith("sharedStrings.xml"):
        return f"cellernas text ({name})"
    return f"bladet {name}" if name.startswith("xl/worksheets/") else name


def _limited_part(name: str) -> bool:
    return name.startswith("xl/worksheets/") or name.endswith("sharedStrings.xml")


def check_xlsx_sizes(data: bytes) -> bool:
    """Refuse (FileProblem) an .xlsx whose parts unpack to more than the limits, or grow more than
    MAX_RATIO times (a zip bomb), from the zip's directory alone, before anything is unpacked.
    Returns whether a sheet holds formulas (then their saved values are checked as they are read)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
                    raise FileProblem(
                        f"filen ser ut som en zip-bomb: {_part_name(info.filename)} packas upp från "
                        f"{_mb(info.compress_size)} MB till {_mb(info.file_size)} MB ({_thousands(round(ratio))} gånger); "
                        f"största tillåtna är {MAX_RATIO} gånger. Spara filen på nytt från Excel"
                    )
                if _limited_part(info.filename) and info.file_size > MAX_PART_BYTES:
                    raise FileProblem(
                        f"{_part_name(info.filename)} är {_mb(info.file_size)} MB uppackad; största tillåtna är "
                        f"{MAX_PART_BYTES // 1024 // 1024} MB. Dela upp filen i flera filer"
                    )
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED_BYTES:
                raise FileProblem(
                    f"arbetsboken är {_mb(total)} MB uppackad; största tillåtna är "
                    f"{MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB uppackad. Dela upp den i flera filer"
                )
            return any(_has_formula(archive, i) for i in infos if i.filename.startswith("xl/worksheets/"))
    except zipfile.BadZipFile:
        raise FileProblem("filen är en trasig zip- eller Excel-fil och kan inte öppnas") from None


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


def _has_formula(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a sheet's XML has a formula element, read in pieces (its size is already limited)."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(1024 * 1024):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def rows_message(limit: int = 0) -> str:
    limit = limit or MAX_ROWS
    return (
        f"filen har fler än {_thousands(limit)} rader under rubrikraden; största tillåtna är "
        f"{_thousands(limit)} rader. Dela upp den i flera filer"
    )


def cells_message() -> str:
    return (
        f"bladet har fler än {_thousands(MAX_CELLS)} celler; största tillåtna är {_thousands(MAX_CELLS)} celler "
        "(rader gånger kolumner). Ta bort tomma kolumner och rader eller dela upp filen"
    )


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def too_big_message(size: int) -> str:
    shown = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return (
        f"filen är {shown} MB; största tillåtna storlek är {MAX_BYTES // 1024 // 1024} MB. Dela upp den i flera filer"
    )


def _best_header(rows: Iterable[tuple[int, Sequence[object]]], score: HeaderScore) -> tuple[int, int] | None:
    """(index among the rows, score) of the best header candidate, or None when there is none: the row
    that scores highest, at least 2; else the first row whose every filled cell is a known column
    name (a file with one column, 'Namn', has a header that lacks the other columns)."""
    best: tuple[int, int] | None = None
    lone: tuple[int, int] | None = None
    for index, (_, cells) in enumerate(rows):
        points = score(cells)
        if points >= 2 and (best is None or points > best[1]):
            best = (index, points)
        elif points == 1 and lone is None:
            filled = [c for c in cells if cell_text(c)]
            if len(filled) == 1:
                lone = (index, points)
    return best or lone


def _no_header(first: Sequence[object] | None) -> FileProblem:
    seen = ", ".join(cell_text(c) for c in (first or []) if cell_text(c)) or "inget"
    return FileProblem(
        f"hittar ingen rubrikrad med kända kolumnnamn bland de första {HEADER_SCAN_ROWS} raderna "
        f"(första raden med innehåll: {seen})"
    )


def _read_xlsx(
    data: bytes, filename: str, score: HeaderScore, sheet: str | None, tick: Tick | None, *, formulas: bool = False
) -> Table:
    import openpyxl  # only when an Excel file is read

    written = None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # With formulas, the same workbook once more as written: a formula cell whose saved value is
        # missing reads as None above and as '=…' here, and becomes a Formula (not an empty cell).
        written = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False) if formulas else None
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise FileProblem(f"filen kan inte öppnas som Excel-arbetsbok (.xlsx): {exc}") from None
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise FileProblem(f"bladet {sheet!r} finns inte; filen har bladen: {', '.join(names)}")
        candidates = [sheet] if sheet is not None else names
        first_content: Sequence[object] | None = None
        for name in candidates:
            ws = workbook[name]
            declared = ws.max_row if ws.max_row and ws.max_row > 1 else None  # for progress only
            ws.reset_dimensions()  # some programs write a wrong size; read what is there
            values = ws.iter_rows(values_only=True)
            if written is not None:
                formula_ws = written[name]
                formula_ws.reset_dimensions()
                values = _with_formulas(values, formula_ws.iter_rows(values_only=True))
            rows = _limited(_numbered(values), tick, declared)
            head: list[tuple[int, list[object]]] = []
            for number, cells in rows:
                head.append((number, cells))
                if len(head) >= HEADER_SCAN_ROWS:
                    break
            if first_content is None:
                first_content = next((c for _, c in head if any(cell_text(v) for v in c)), None)
            if sheet is None and not any(any(cell_text(v) for v in c) for _, c in head):
                continue  # an empty sheet (e.g. Blad2) has no header to find
            found = _best_header(head, score)
            if found is None:
                continue
            header_number, header = head[found[0]]
            body = head[found[0] + 1 :]
            body.extend(rows)
            if len(body) > MAX_ROWS:
                raise FileProblem(rows_message())
            notes = []
            if len(names) > 1 and sheet is None:
                notes.append(f"läser bladet {name!r} (filen har bladen: {', '.join(names)})")
            if header_number > 1:
                notes.append(f"rubrikraden är rad {header_number}; raderna ovanför läses inte")
            return Table(filename, "xlsx", name, header_number, _headers(header), _trimmed(body, len(header)), notes)
        if first_content is None:
            raise FileProblem("filen är tom (inga ifyllda celler)")
        if sheet is None and len(names) > 1:
            raise FileProblem(
                f"hittar ingen rubrikrad med kända kolumnnamn på något av bladen ({', '.join(names)}) "
                f"bland de första {HEADER_SCAN_ROWS} raderna"
            )
        raise _no_header(first_content)
    finally:
        workbook.close()
        if written is not None:
            written.close()


def _numbered(rows: Iterable[Sequence[object]]) -> Iterable[tuple[int, list[object]]]:
    for number, cells in enumerate(rows, start=1):
        yield number, list(cells)


def _with_formulas(
    values: Iterable[Sequence[object]], written: Iterable[Sequence[object]]
) -> Iterable[Sequence[object]]:
    """Rows of saved values, with a Formula where a cell holds a formula but no saved value."""
    for saved, as_written in zip(values, written, strict=False):
        cells = list(saved)
        for i, text in enumerate(as_written):
            if i < len(cells) and cells[i] is None and isinstance(text, str) and text.startswith("="):
                cells[i] = Formula(text)
        yield cells


def _limited(
    rows: Iterable[tuple[int, list[object]]], tick: Tick | None, total: int | None
) -> Iterable[tuple[int, list[object]]]:
    """Rows of a sheet until a limit: FileProblem past MAX_ROWS + the rows a header may be below, or
    past MAX_CELLS (counted as openpyxl gives them, i.e. up to each row's last cell)."""
    cells = 0
    for count, (number, row) in enumerate(rows, start=1):
        cells += len(row)
        if count > MAX_ROWS + HEADER_SCAN_ROWS:
            raise FileProblem(rows_message())
        if cells > MAX_CELLS:
            raise FileProblem(cells_message())
        if tick is not None and count % 1000 == 0:
            tick(count, total)
        yield number, row


def _headers(cells: Sequence[object]) -> list[str]:
    return [cell_text(c) for c in cells]


def _trimmed(rows: Iterable[tuple[int, list[object]]], width: int) -> list[tuple[int, list[object]]]:
    """Rows padded or cut to the header's width (cells right of the header are not read)."""
    out = []
    for number, cells in rows:
        if len(cells) < width:
            cells = cells + [None] * (width - len(cells))
        out.append((number, cells[:width]))
    return out


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise FileProblem("filen kan inte läsas som text (trasig UTF-16)") from None
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    mixed = _mixed_encoding(data, bad)
    if mixed:
        raise FileProblem(mixed)
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise FileProblem("filen kan inte läsas som text (varken UTF-8 eller Windows-1252)") from None


# å, ä, ö, é, ü … as UTF-8 writes them (two bytes, the first 0xC3); in Windows-1252 text that pair
# would be 'Ã¥', which no Swedish file has.
_UTF8_LETTER = re.compile(rb"\xc3[\x80-\xbf]")


def _mixed_encoding(data: bytes, bad: int) -> str | None:
    """A message when a file that is not UTF-8 throughout has UTF-8 letters too: some lines saved as
    UTF-8 and others as Windows-1252 (pasted together). Names the line where the encoding changes."""
    utf8 = _UTF8_LETTER.search(data)
    if utf8 is None:
        return None
    bad_line = data.count(b"\n", 0, bad) + 1
    utf8_line = data.count(b"\n", 0, utf8.start()) + 1
    if utf8_line < bad_line:
        first, then, where = "UTF-8", "Windows-1252", bad_line
    else:
        first, then, where = "Windows-1252", "UTF-8", utf8_line
    return (
        f"filen blandar teckenkodningar: raderna före rad {where} är {first}, rad {where} är {then}. "
        "Spara hela filen i en kodning (helst UTF-8) och försök igen"
    )


def _records(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    """CSV records with the line each starts on (a quoted field may span lines). A cell that starts
    with an apostrophe before =, +, -, @, tab or carriage return is read without that apostrophe:
    our exports put it there so that a spreadsheet shows the text, not a formula (see export)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    try:
        for record in reader:
            yield previous + 1, [from_spreadsheet_text(c) if c[:1] == "'" else c for c in record]
            previous = reader.line_num
    except csv.Error as exc:
        raise FileProblem(f"rad {previous + 1}: CSV-filen kan inte tolkas ({exc})") from None


def _read_csv(data: bytes, filename: str, score: HeaderScore, tick: Tick | None = None) -> Table:
    text, encoding = decode(data)
    if not text.strip():
        raise FileProblem("filen är tom")
    sample = "\n".join(text.splitlines()[: HEADER_SCAN_ROWS * 2])
    best: tuple[int, int, str] | None = None  # (score, count of delimiter in header, delimiter)
    first_content: Sequence[object] | None = None
    for delimiter in DELIMITERS:
        head = []
        for number, record in _records(sample, delimiter):
            head.append((number, record))
            if len(head) >= HEADER_SCAN_ROWS:
                break
        if first_content is None:
            first_content = next((r for _, r in head if any(c.strip() for c in r)), None)
        found = _best_header(head, score)
        if found is None:
            continue
        candidate = (found[1], len(head[found[0]][1]), delimiter)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        raise _no_header(first_content)
    delimiter = best[2]
    records = _records(text, delimiter)
    header_number, header = 0, []
    for number, record in records:
        if score(record) == best[0] and len(record) == best[1]:
            header_number, header = number, record
            break
    notes = []
    if encoding != "UTF-8":
        notes.append(f"filen är inte UTF-8; läst som {encoding}")
    notes.append(f"kolumnerna skiljs åt med {DELIMITER_NAMES[delimiter]}")
    if header_number > 1:
        notes.append(f"rubrikraden är rad {header_number}; raderna ovanför läses inte")
    # Lines are an upper bound on records (a quoted cell may hold a line break): the count, and
    # reading stops one row past the limit.
    total = text.count("\n") - header_number + 1
    rows: list[tuple[int, list[object]]] = []
    for n, r in records:
        rows.append((n, r))
        if len(rows) > MAX_ROWS:
            raise FileProblem(rows_message())
        if tick is not None and len(rows) % 5000 == 0:
            tick(len(rows), total)
    return Table(filename, "csv", None, header_number, _headers(header), _trimmed(rows, len(header)), notes)
