"""Reading values (amounts, dates, numbers, headers, names) and the limits a file is held to before
and while it is read."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date

import openpyxl
import pandas as pd
import pytest

from lokalutveckling import imports as importer
from lokalutveckling import store
from lokalutveckling.domain import COMMAND_LINE
from lokalutveckling.imports import ImportRefused, lookups
from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.formats import files as fmt_files
from lokalutveckling.paths import ROOT
from tests.imports.helpers import FIXTURES, dump, file_hash, texts

# ------------------------------------------------------------------------------- value readers


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("1 300 000", 1, 1_300_000),
        ("1300000", 1, 1_300_000),
        ("1 300 000 kr", 1, 1_300_000),
        ("1,3 mnkr", 1, 1_300_000),
        ("1.3 mnkr", 1, 1_300_000),
        ("1 300 000,00", 1, 1_300_000),
        ("1\u00a0300\u00a0000", 1, 1_300_000),
        ("1\u2009300\u2009000 kr", 1, 1_300_000),
        ("1\u202f300\u202f000", 1, 1_300_000),
        ("1 300 tkr", 1, 1_300_000),
        ("1 300 000 SEK", 1, 1_300_000),
        ("1.300.000", 1, 1_300_000),
        ("1,300,000", 1, 1_300_000),
        ("1 300 000:-", 1, 1_300_000),
        ("12,6 mnkr", 1, 12_600_000),
        ("0", 1, 0),
        (1300000, 1, 1_300_000),
        (1300000.0, 1, 1_300_000),
        ("1 300", 1000, 1_300_000),  # a column 'Belopp (tkr)'
        (1.3, 1_000_000, 1_300_000),  # a column 'Belopp (mnkr)'
        ("1,3", 1_000_000, 1_300_000),
    ],
)
def test_accepted_amounts(text, unit, expected):
    assert fmt.parse_amount(text, unit=unit) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ca 1 mkr", fmt.AMOUNT_APPROXIMATE),
        ("cirka 300 000 kr", fmt.AMOUNT_APPROXIMATE),
        ("ungefär 2 mnkr", fmt.AMOUNT_APPROXIMATE),
        ("-5000", fmt.AMOUNT_NEGATIVE),
        ("\u22125 000 kr", fmt.AMOUNT_NEGATIVE),
        (-5000, fmt.AMOUNT_NEGATIVE),
        ("1,3", fmt.AMOUNT_AMBIGUOUS),
        ("1.3", fmt.AMOUNT_AMBIGUOUS),
        ("1,300", fmt.AMOUNT_AMBIGUOUS),
        (1.3, fmt.AMOUNT_AMBIGUOUS),
        ("1 300 000,50", fmt.AMOUNT_FRACTION),
        (1300000.5, fmt.AMOUNT_FRACTION),
        ("1,2345678 mnkr", fmt.AMOUNT_FRACTION),
        ("se bilaga", fmt.AMOUNT_EXPECTED),
        ("1 300 000 euro", fmt.AMOUNT_EXPECTED),
        ("20 000 000 000", fmt.AMOUNT_TOO_BIG),
        (True, fmt.AMOUNT_EXPECTED),
    ],
)
def test_refused_amounts(text, message):
    with pytest.raises(fmt.BadValue) as error:
        fmt.parse_amount(text)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-09-09", date(2024, 9, 9)),
        ("9/9/2024", date(2024, 9, 9)),
        ("1/2/2025", date(2025, 2, 1)),  # day first, as in Swedish
        ("09.09.2024", date(2024, 9, 9)),
        ("2024-09-09 00:00:00", date(2024, 9, 9)),
        ("2024-09-09T00:00:00", date(2024, 9, 9)),
        (date(2024, 9, 9), date(2024, 9, 9)),
        (pd.Timestamp("2024-09-09").to_pydatetime(), date(2024, 9, 9)),
    ],
)
def test_accepted_dates(value, expected):
    assert fmt.parse_date(value) == (expected, None)


def test_an_excel_day_number_is_a_date_only_in_an_excel_file_and_says_so():
    assert fmt.parse_date(45544, excel=True) == (date(2024, 9, 9), "Excels dagnummer 45544 läst som 2024-09-09")
    with pytest.raises(fmt.BadValue):
        fmt.parse_date(45544)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("igår", fmt.DATE_EXPECTED),
        ("9/13/2024", f"9/13/2024 är inget giltigt datum; {fmt.DATE_EXPECTED}"),
        ("2024-09-09 14:30", "ska vara ett datum utan klockslag"),
        ("1999-12-31", "datumet 1999-12-31 ligger utanför åren 2000–2100"),
        ("9/9/24", fmt.DATE_EXPECTED),
    ],
)
def test_refused_dates(value, message):
    with pytest.raises(fmt.BadValue) as error:
        fmt.parse_date(value)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12,6", 12.6), ("12.6", 12.6), ("31 000", 31000.0), ("1 234,5", 1234.5), ("41,2 %", 41.2), (7, 7.0)],
)
def test_numbers(value, expected):
    assert fmt.parse_number(value) == pytest.approx(expected)


def test_headers_are_matched_without_case_spaces_or_units():
    kind = importer.INSATSER
    for header in ("Belopp (kr)", "belopp_kr", "Belopp", "BELOPP", " belopp ", "Belopp kr", "Beviljat belopp"):
        assert kind.match(header) == ("belopp_kr", fmt.header_key(header)[1]), header
    assert kind.match("Belopp (tkr)") == ("belopp_kr", "tkr")
    assert kind.match("Belopp i tkr") == ("belopp_kr", "tkr")
    assert kind.match("Ansvarig förvaltning") == ("namnd_kod", "")
    assert kind.match("Kommentar") is None


def test_names_of_namnder_and_omraden(con):
    koder = lookups.koder(con)
    for written in ("FRN", "Fritidsnämnden", "fritidsnämnden", "Fritid", "FRITID", "frn", "Fritidsförvaltningen"):
        assert koder.namnder.resolve(written).kod == "FRN", written
    assert koder.namnder.resolve("FRN").how is None
    assert koder.namnder.resolve("Fritidsnämnden").how is None
    assert koder.namnder.resolve("Fritid").how == "'Fritid' tolkas som FRN (Fritidsnämnden)"
    assert koder.namnder.resolve("Hälsa, vård och omsorgsnämnden").kod == "HVON"  # as tilldelningar write it
    assert koder.namnder.resolve("Stadskontoret").kod == "KS"
    omraden = koder.omraden
    assert omraden.resolve("lindängen", city=False, delomraden=False, what="x").kod == "12"
    assert omraden.resolve("Lindangen", city=False, delomraden=False, what="x").kod == "12"  # no å, ä, ö
    assert omraden.resolve("12", city=False, delomraden=False, what="x") == fmt.Resolved("12", None)
    holma = omraden.resolve("HOLMA", city=False, delomraden=True, what="x")
    assert holma.kod == "14"
    assert holma.how == (
        "'HOLMA' är delområdet Holma (25611) och räknas till statistikområde 14 (Hyllievång, Kroksbäck m fl)"
    )
    with pytest.raises(fmt.BadValue, match="är ett delområde i statistikområde 14"):
        omraden.resolve("Holma", city=False, delomraden=False, what="x")
    with pytest.raises(fmt.BadValue, match="okänt område"):
        omraden.resolve("Lund", city=False, delomraden=True, what="x")


# ---------------------------------------------------------------------------- limits before reading


def _xlsx_with(parts: dict[str, bytes], *, level: int = 9) -> bytes:
    """An .xlsx-shaped zip (a workbook part and the given parts), compressed hard."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _refused_unchanged(con: store.Connection, kind: str, data: bytes, name: str) -> list[str]:
    before_rows, before_file = dump(con), file_hash(con)
    p = importer.preview(con, kind, data, name)
    with pytest.raises(ImportRefused):
        importer.apply(con, COMMAND_LINE, p)
    assert dump(con) == before_rows and file_hash(con) == before_file
    return texts(p)


def test_a_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked(rw_con, monkeypatch):
    bomb = _xlsx_with({"xl/sharedStrings.xml": b"A" * (300 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small on disk, 300 MB unpacked

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    assert _refused_unchanged(rw_con, "insatser", bomb, "bomb.xlsx") == [
        "bomb.xlsx: filen ser ut som en zip-bomb: cellernas text (xl/sharedStrings.xml) packas upp från 0,3 MB till "
        "300,0 MB (1 029 gånger); största tillåtna är 100 gånger. Spara filen på nytt från Excel"
    ]


def test_a_sheet_or_a_workbook_over_the_unpacked_limits_is_refused(rw_con, monkeypatch):
    data = (FIXTURES / "insatser_fritid_2025.xlsx").read_bytes()  # sheet2.xml is 4 076 bytes unpacked
    monkeypatch.setattr(fmt_files, "MAX_PART_BYTES", 4000)
    assert _refused_unchanged(rw_con, "insatser", data, "stort_blad.xlsx") == [
        "stort_blad.xlsx: bladet xl/worksheets/sheet2.xml är 0,0 MB uppackad; största tillåtna är 0 MB. "
        "Dela upp filen i flera filer"
    ]
    monkeypatch.setattr(fmt_files, "MAX_PART_BYTES", 200 * 1024 * 1024)
    monkeypatch.setattr(fmt_files, "MAX_UNCOMPRESSED_BYTES", 20_000)  # the parts add up to 21 876 bytes
    assert texts(importer.preview(rw_con, "insatser", data, "stor.xlsx")) == [
        "stor.xlsx: arbetsboken är 0,0 MB uppackad; största tillåtna är 0 MB uppackad. Dela upp den i flera filer"
    ]


def test_the_limits_are_as_the_readme_says_and_a_realistic_file_fits():
    assert (fmt.MAX_ROWS, fmt.MAX_CELLS, fmt.MAX_RATIO) == (300_000, 5_000_000, 100)
    assert (fmt.MAX_UNCOMPRESSED_BYTES, fmt.MAX_PART_BYTES) == (250 * 1024 * 1024, 200 * 1024 * 1024)
    assert 136 * 100 * 20 <= fmt.MAX_ROWS  # indikatorvärden for every delområde, 100 indicators, 20 years
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for said in ("300 000 rader", "5 000 000 celler", "250 MB", "200 MB", "100 gånger"):
        assert said in readme, said


def test_a_csv_over_the_row_limit_is_refused_and_one_at_the_limit_is_read(rw_con):
    header = "Indikator;Område;År;Värde\n"
    at_limit = header + "folkmangd;12;2025;1\n" * fmt.MAX_ROWS
    table = fmt.read_table(at_limit.encode(), "gräns.csv", importer.INDIKATORVARDEN.score)
    assert len(table.rows) == fmt.MAX_ROWS
    over = (at_limit + "folkmangd;12;2025;1\n").encode()
    started = time.perf_counter()
    refused = _refused_unchanged(rw_con, "indikatorvarden", over, "over.csv")
    assert refused == [
        "over.csv: filen har fler än 300 000 rader under rubrikraden; största tillåtna är 300 000 rader. "
        "Dela upp den i flera filer"
    ]
    assert time.perf_counter() - started < 30  # refused while reading, without checking a row


def test_an_excel_sheet_over_the_row_or_cell_limit_is_refused_while_it_is_read(rw_con, monkeypatch):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Indikator", "Område", "År", "Värde"])
    for year in range(2000, 2012):
        sheet.append(["folkmangd", "12", year, 1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    monkeypatch.setattr(fmt_files, "MAX_ROWS", 11)
    assert _refused_unchanged(rw_con, "indikatorvarden", buffer.getvalue(), "rader.xlsx") == [
        "rader.xlsx: filen har fler än 11 rader under rubrikraden; största tillåtna är 11 rader. "
        "Dela upp den i flera filer"
    ]
    monkeypatch.setattr(fmt_files, "MAX_ROWS", 12)
    assert importer.preview(rw_con, "indikatorvarden", buffer.getvalue(), "rader.xlsx").ok
    monkeypatch.setattr(fmt_files, "MAX_CELLS", 51)  # 13 rows of 4 cells
    assert texts(importer.preview(rw_con, "indikatorvarden", buffer.getvalue(), "celler.xlsx")) == [
        "celler.xlsx: bladet har fler än 51 celler; största tillåtna är 51 celler (rader gånger kolumner). "
        "Ta bort tomma kolumner och rader eller dela upp filen"
    ]
