"""Exports that cannot hurt (issue 10, parts 5 and 6): text from the store that starts as a formula
(=, +, -, @, tab, carriage return) is text in every CSV and workbook we write, and an exported
insatser or indikatorvärden file imports back unchanged, names with ; and quotes included.

Workbooks are read back with openpyxl and as XML (no <f> element anywhere); CSV with the csv module."""

from __future__ import annotations

import csv
import gc
import io
import re
import zipfile
from datetime import date

import openpyxl
import pandas as pd
import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from lokalutveckling import domain, export, writes
from lokalutveckling import imports as importer
from lokalutveckling.imports import formats as fmt
from lokalutveckling.paths import ROOT
from lokalutveckling.store import recovery

EDITOR = domain.User("kim", "Kim Redaktör", "redaktor")
HYPERLINK = '=HYPERLINK("http://x","y")'
# What people (and attackers) may name things; `\tflik` is trimmed by every write, as all text is.
HOSTILE = [HYPERLINK, "+46 40 123", "-minus", "@at", "\tflik", "\rretur", "=1+1", "'=citerad"]
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


def formula_parts(workbook: bytes) -> list[str]:
    """The sheets of an .xlsx whose XML holds a formula element."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return [n for n in archive.namelist() if n.startswith("xl/worksheets/") and FORMULA_TAG.search(archive.read(n))]


def text_cells(workbook: bytes) -> dict[str, list[openpyxl.cell.cell.Cell]]:
    """Every cell holding text, per sheet, as openpyxl reads the file back."""
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    return {ws.title: [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)] for ws in book}


def assert_no_formula(workbook: bytes, expected: list[str]) -> None:
    """No formula in the file; each expected text is in a string cell, as it was, and when it starts
    as a formula may, with Excel's quote prefix (so that editing the cell keeps it text)."""
    assert formula_parts(workbook) == []
    cells = [c for sheet in text_cells(workbook).values() for c in sheet]
    assert all(c.data_type == "s" for c in cells)
    for text in expected:
        found = [c for c in cells if c.value == text]
        assert found, text
        assert all(c.quotePrefix == text.startswith(export.FORMULA_STARTS) for c in found), text


def csv_rows(data: bytes, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


# ------------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+46 40 123", "'+46 40 123"),
        ("-minus", "'-minus"),
        ("@at", "'@at"),
        ("\tflik", "'\tflik"),
        ("\rretur", "'\rretur"),
        ("'=citerad", "''=citerad"),  # an apostrophe that is data stays: one more goes in front
        ("''+två", "'''+två"),
        ("'vanlig", "'vanlig"),  # nothing follows that a spreadsheet would calculate
        ('Läxhjälp, "extra"', 'Läxhjälp, "extra"'),
        ("a=b", "a=b"),
        (" =mellanslag", " =mellanslag"),
        ("'", "'"),
        ("", ""),
    ],
)
def test_text_that_starts_as_a_formula_gets_an_apostrophe_and_loses_it_again(text, written):
    assert export.spreadsheet_text(text) == written
    assert export.from_spreadsheet_text(written) == text


@pytest.mark.parametrize("value", [None, -5, 12.5, date(2025, 1, 1), True])
def test_values_that_are_not_text_are_left_as_they_are(value):
    assert export.spreadsheet_text(value) is value
    assert export.from_spreadsheet_text(value) is value


def test_openpyxl_alone_would_make_a_formula_of_such_text():
    """Why protect_sheet exists: openpyxl infers a formula from a str starting with '='."""
    sheet = openpyxl.Workbook().active
    sheet["A1"] = HYPERLINK
    assert sheet["A1"].data_type == "f"
    export.protect_sheet(sheet)
    assert (sheet["A1"].data_type, sheet["A1"].value, sheet["A1"].quotePrefix) == ("s", HYPERLINK, True)


# ---------------------------------------------------------------------------- page downloads


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Insats": [*HOSTILE, 'Läxhjälp, "extra"'],
            "Kronor": [-5, 0, 1, 2, 3, 4, 5, 6, 7],
            "Partner": ["@p", "", "", "", "", "", "", "", "Föreningen A; B"],
        }
    )


def test_a_page_csv_holds_no_formula_and_reads_back_as_it_was():
    frame = hostile_frame().rename(columns={"Partner": "=Partner"})
    rows = csv_rows(export.csv_bytes(frame))
    assert rows[0] == ["Insats", "Kronor", "'=Partner"]
    assert [r[0] for r in rows[1:]] == [export.spreadsheet_text(v) for v in frame["Insats"]]
    assert rows[1][:3] == ["'" + HYPERLINK, "-5", "'@p"]  # a number stays a number
    assert rows[-1] == ['Läxhjälp, "extra"', "7", "Föreningen A; B"]
    assert not any(cell.startswith(export.FORMULA_STARTS) for row in rows for cell in row if cell != "-5")
    # The importer's reading takes the apostrophes off again.
    table = fmt.read_table(
        export.csv_bytes(frame), "x.csv", lambda cells: sum(c in ("Insats", "Kronor") for c in cells)
    )
    assert [cells[0] for _, cells in table.rows] == list(frame["Insats"])


def test_a_page_workbook_holds_no_formula_in_the_table_or_in_om_uttaget():
    frame = hostile_frame()
    about = export.about_rows(HYPERLINK, "Fokus: =1+1", "@källa")
    workbook = export.excel_bytes(frame, about)
    assert_no_formula(workbook, [*HOSTILE[:4], "=1+1", "Fokus: =1+1", "@källa"])
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    header = export.header_row(about)  # the description's lines come first, then the table
    assert book["Data"]["A1"].value == "Innehåll: " + HYPERLINK
    # Exactly as written, a carriage return included (openpyxl writes it as a character reference with lxml).
    assert [c.value for c in book["Data"]["A"][header:]] == list(frame["Insats"])
    assert book["Data"][f"B{header + 1}"].value == -5 and book["Data"][f"B{header + 1}"].data_type == "n"
    assert book["Om uttaget"]["B2"].value == HYPERLINK
    # As the importer reads a workbook: the text, not a formula nor an empty cell.
    read = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True, data_only=True)
    assert next(read["Data"].iter_rows(min_row=header + 1, values_only=True))[0] == HYPERLINK


# --------------------------------------------------------------------------- a hostile store


def add_hostile_insatser(con) -> dict[str, str]:
    """Insatser with hostile names, description, target group and partners, through the form's
    writes; and indicator values with hostile sources, through an import. {insats_id: name}."""
    added = {}
    for number, name in enumerate([*HOSTILE, 'Läxhjälp, "extra"']):
        fields = {
            "namn": name,
            "beskrivning": "=1+1 och mer" if number == 0 else "-",
            "namnd_kod": "KN",
            "finansiering_kod": "ks_anslag",
            "belopp_kr": 100_000 + number,
            "startdatum": date(2025, 1, 1),
            "status": "pågående",
            "typ": "pilot",
            "malgrupp": "@unga",
            "fokus_kod": "utbildning",
            "omraden": ["10", "12"],
            "partner_namnder": ["GRN"],
            "partner_externa": ["Föreningen A; B", "=Partner", 'Citat "AB"', "a|b", '"Kulturhuset" Malmö'],
        }
        added[writes.add_insats(con, EDITOR, fields)] = name.strip()
    lines = [["Indikator", "Område", "År", "Värde", "Källa"]] + [
        ["forvarvsfrekvens", "12", str(2005 + i), "50,5", kalla]
        for i, kalla in enumerate([HYPERLINK, "+46 40 123", "-minus", "@at", 'a; b, "c"'])
    ]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(lines)
    p = importer.preview(con, "indikatorvarden", buffer.getvalue().encode(), "hostile.csv")
    assert p.ok, [x.text for x in p.problems]
    importer.apply(con, EDITOR, p)
    return added


def test_the_whole_store_export_holds_no_formula_and_imports_back_unchanged(rw_con):
    added = add_hostile_insatser(rw_con)
    stored = dict(rw_con.execute("select insats_id, namn from insatser").fetchall())
    assert {i: stored[i] for i in added} == added
    assert "flik" in added.values() and HYPERLINK in added.values()
    partners = rw_con.execute(
        "select list(partner_namn order by partner_namn) from insats_partner where insats_id = $id and partner_typ = 'extern'",
        {"id": next(iter(added))},
    ).fetchone()[0]
    assert partners == ['"Kulturhuset" Malmö', "=Partner", 'Citat "AB"', "Föreningen A; B", "a|b"]

    zipped, workbook = importer.export_store(rw_con)
    archive = zipfile.ZipFile(io.BytesIO(zipped))
    rows = csv_rows(archive.read("insatser.csv"))
    header = rows[0]
    ours = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[0] in added]
    assert sorted(r["namn"] for r in ours) == sorted(export.spreadsheet_text(n) for n in added.values())
    assert {r["namn"] for r in ours} >= {"'" + HYPERLINK, "'+46 40 123", "'-minus", "'@at", "''=citerad"}
    assert {r["partner_externa"] for r in ours} == {
        '"""Kulturhuset"" Malmö"; =Partner; Citat "AB"; "Föreningen A; B"; "a|b"'
    }  # a list cell does not start with =; the items are read back by split_list
    for name in archive.namelist():
        for row in csv_rows(archive.read(name)) if name.endswith(".csv") else []:
            assert not any(cell[:1] in ("=", "+", "@", "\t", "\r") for cell in row), (name, row)
    assert formula_parts(workbook) == []
    assert_no_formula(workbook, [HYPERLINK, "+46 40 123", "-minus", "@at", "=1+1 och mer", "@unga"])

    kept = {
        "insatser": rw_con.execute("select count(*) from insatser where kalla <> 'exempeldata'").fetchone()[0],
        "indikatorvarden": rw_con.execute(
            "select count(*) from indikatorvarden where kalla <> 'exempeldata'"
        ).fetchone()[0],
    }
    for kind in ("insatser", "indikatorvarden"):
        for source, data, sheet in (("csv", archive.read(f"{kind}.csv"), None), ("xlsx", workbook, kind)):
            p = importer.preview(rw_con, kind, data, f"export.{source}", sheet=sheet)
            assert p.ok, (kind, source, [x.text for x in p.problems][:5])
            assert (len(p.added), len(p.changed)) == (0, 0), (kind, source, [a.changes for a in p.changed][:3])
            assert len(p.unchanged) == kept[kind] > 0, (kind, source)


def test_the_template_codes_sheet_holds_names_from_the_store_as_text(rw_con):
    rw_con.execute("update namnder set namn = $namn where namnd_kod = $kod", {"namn": HYPERLINK, "kod": "KN"})
    for kind in ("insatser", "tilldelningar"):
        workbook = importer.template(kind, con=rw_con)
        assert_no_formula(workbook, [HYPERLINK])
        codes = openpyxl.load_workbook(io.BytesIO(workbook))["Koder"]
        assert ("Nämnd", "KN", HYPERLINK) in list(codes.iter_rows(values_only=True))
        data = importer.template(kind, "csv")
        assert not any(c.startswith(export.FORMULA_STARTS) for row in csv_rows(data, ";") for c in row)


def test_the_template_explains_how_lists_and_formula_like_text_are_written():
    about = openpyxl.load_workbook(io.BytesIO(importer.template("insatser")))["Om kolumnerna"]
    lines = [r[0] for r in about.iter_rows(values_only=True) if r[0]]
    assert importer.LIST_NOTE in lines
    assert '"Föreningen A; B"; Studieförbund' in importer.LIST_NOTE
    assert fmt.split_list('"Föreningen A; B"; Studieförbund', commas=False) == ["Föreningen A; B", "Studieförbund"]


@pytest.mark.parametrize(
    "items",
    [
        ["Föreningen A; B", "Studieförbund"],
        ["a|b", "c\nd", "e, f"],
        ['Citat "AB"', '"Kulturhuset" Malmö', '"'],
        ["10", "12"],
    ],
)
def test_a_list_cell_reads_back_item_for_item(items):
    for commas in (True, False):
        assert fmt.split_list(fmt.list_cell(items, commas=commas), commas=commas) == items


def test_list_cells_as_people_write_them_read_as_before():
    assert fmt.split_list("10; 12|14\n3", commas=False) == ["10", "12", "14", "3"]
    assert fmt.split_list("GRN, FRN;;KN") == ["GRN", "FRN", "KN"]
    assert fmt.split_list('Malmö "Folkets" hus; Nydala', commas=False) == ['Malmö "Folkets" hus', "Nydala"]
    assert fmt.split_list('"Kulturhuset" Malmö, Nydala') == ['"Kulturhuset" Malmö', "Nydala"]


# ------------------------------------------------------------------- the Insatser page itself


def test_the_insatser_page_downloads_hold_no_formula(built_store, tmp_path, monkeypatch, copy_store):
    """The page's own download buttons, as a reader gets them: the files are made by the callables
    the page hands to st.download_button (recorded here), on the store with a hostile name."""
    path = copy_store(built_store, tmp_path / "farlig.duckdb")
    con = recovery.open_store(path).con
    try:
        added = add_hostile_insatser(con)
    finally:
        con.close()
    made: dict[str, object] = {}
    original = DeltaGenerator.download_button

    def recording(self, label, data, *args, **kwargs):
        made[kwargs.get("file_name", label)] = data
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.run()
        at.switch_page("pages/insatser.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        named = {name.rsplit(".", 1)[-1]: made[name] for name in made if name.startswith("insatser_")}
        csv_data, xlsx_data = named["csv"](), named["xlsx"]()  # type: ignore[operator]
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
        gc.collect()
    rows = csv_rows(csv_data)
    names = {r[1] for r in rows if r[0] in added}
    assert names == {export.spreadsheet_text(n) for n in added.values()}
    assert "'" + HYPERLINK in names and "'@at" in names
    assert_no_formula(xlsx_data, [HYPERLINK, "+46 40 123", "-minus", "@at"])
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_data))["Data"]
    assert {r[1] for r in sheet.iter_rows(values_only=True) if r[0] in added} == set(added.values())


def test_no_other_module_writes_a_spreadsheet_on_its_own():
    """Every CSV or workbook people get goes through export (csv_bytes, protect_sheet); the seed
    files exempeldata writes are read by the build, not by people."""
    writers = re.compile(r"\.to_csv\(|\.to_excel\(|csv\.writer\(|openpyxl\.Workbook\(|ExcelWriter\(")
    found = {
        str(p.relative_to(ROOT))
        for p in [*ROOT.glob("lokalutveckling/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "dashboard.py"]
        if writers.search(p.read_text(encoding="utf-8"))
    }
    assert found == {
        "lokalutveckling/export.py",
        "lokalutveckling/imports/templates.py",
        "lokalutveckling/imports/whole_store.py",
        "lokalutveckling/exempeldata.py",
    }
    templates = (ROOT / "lokalutveckling" / "imports" / "templates.py").read_text(encoding="utf-8")
    whole_store = (ROOT / "lokalutveckling" / "imports" / "whole_store.py").read_text(encoding="utf-8")
    assert templates.count("protect_sheet(") >= 1 and whole_store.count("protect_sheet(") >= 1
    assert "csv_bytes(frame)" in whole_store
