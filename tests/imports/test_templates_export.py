"""Templates that explain their columns and read back, and the full export read back."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from lokalutveckling import imports as importer
from lokalutveckling.store import recovery
from tests.imports.helpers import EDITOR, preview_fixture, texts

# --------------------------------------------------------------------------- templates, export


@pytest.mark.parametrize("kind", list(importer.KINDS))
def test_each_template_explains_its_columns_and_reads_back(rw_con, kind):
    spec = importer.KINDS[kind]
    workbook = openpyxl.load_workbook(io.BytesIO(importer.template(kind, con=rw_con)))
    assert workbook.sheetnames == [spec.title, "Om kolumnerna", "Koder"]
    assert [c.value for c in workbook[spec.title][3]] == [c.header for c in spec.columns]
    about = [r for r in workbook["Om kolumnerna"].iter_rows(min_row=2, max_row=len(spec.columns) + 1, values_only=True)]
    assert [(r[0], r[1]) for r in about] == [(c.header, "ja" if c.required else "nej") for c in spec.columns]
    assert all(r[2] and r[3] for r in about)
    for data, name in (
        (importer.template(kind), f"mall_{kind}.xlsx"),
        (importer.template(kind, "csv"), f"mall_{kind}.csv"),
    ):
        p = importer.preview(rw_con, kind, data, name)
        assert p.ok, texts(p)
        assert len(p.added) + len(p.changed) + len(p.unchanged) == 1
    assert importer.template(kind, "csv").startswith("\ufeff".encode())


def test_the_full_export_has_every_table_but_the_accounts_and_the_journal_position(con):
    zipped, workbook = importer.export_store(con)
    names = zipfile.ZipFile(io.BytesIO(zipped)).namelist()
    tables = {r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()}
    left_out = {"anvandare", "journal_position"}
    assert set(names) == {"om_exporten.txt"} | {f"{t}.csv" for t in tables - left_out}
    sheets = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True).sheetnames
    assert sheets[0] == "Om exporten" and set(sheets[1:]) == tables - left_out


def test_exported_tables_read_back_into_a_fresh_store_give_the_same_rows(rw_con, built_store, tmp_path, copy_store):
    importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx"))
    importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "insatser", "insatser_semikolon_cp1252.csv"))
    importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "indikatorvarden", "indikatorvarden_malmo.csv"))
    zipped, workbook = importer.export_store(rw_con)
    fresh_path = copy_store(built_store, tmp_path / "ny.duckdb")
    compared = {
        "insatser": "select * exclude (version, seed_rad) from insatser",
        "insats_fokusomraden": "select * exclude (seed_rad) from insats_fokusomraden",
        "insats_omraden": "select * exclude (seed_rad) from insats_omraden",
        "insats_partner": "select * exclude (seed_rad) from insats_partner",
        "indikatorvarden": "select * exclude (seed_rad) from indikatorvarden",
    }
    archive = zipfile.ZipFile(io.BytesIO(zipped))
    for source in ("csv", "xlsx"):
        fresh = recovery.open_store(fresh_path).con
        try:
            for kind in ("insatser", "indikatorvarden"):
                data = archive.read(f"{kind}.csv") if source == "csv" else workbook
                p = importer.preview(fresh, kind, data, f"export.{source}", sheet=kind if source == "xlsx" else None)
                assert p.ok, texts(p)[:5]
                importer.apply(fresh, EDITOR, p)
            for table, sql in compared.items():
                assert sorted(fresh.execute(sql).fetchall(), key=repr) == sorted(
                    rw_con.execute(sql).fetchall(), key=repr
                ), (source, table)
        finally:
            fresh.close()
