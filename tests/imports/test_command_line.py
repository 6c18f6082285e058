"""The command line, the import queries' headers, and a large preview in a process of its own."""

from __future__ import annotations

import openpyxl
import pytest

from lokalutveckling import cli, store
from lokalutveckling import imports as importer
from lokalutveckling.imports import ImportRefused, previews
from lokalutveckling.paths import ROOT
from tests.imports.helpers import EDITOR, FIXTURES

# ----------------------------------------------------------------------------- command line


def test_command_line_template_preview_and_apply(built_store, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    db.write_bytes(built_store.read_bytes())
    out = tmp_path / "mall.xlsx"
    assert cli.main(["import", "template", "insatser", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Insatser", "Om kolumnerna"]

    bad = str(FIXTURES / "insatser_negativa_belopp.csv")
    assert cli.main(["import", "preview", "insatser", bad, "--db", str(db)]) == 1
    assert "beloppet får inte vara negativt" in capsys.readouterr().out
    assert cli.main(["import", "apply", "insatser", bad, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Importen görs inte: insatser_negativa_belopp.csv har 2 problem." in err
    assert "  ! insatser_negativa_belopp.csv, rad 2, kolumn Belopp: beloppet får inte vara negativt" in err

    good = str(FIXTURES / "insatser_semikolon_cp1252.csv")
    assert cli.main(["import", "apply", "insatser", good, "--db", str(db), "--user", "lo"]) == 1
    assert "rollen läsare" in capsys.readouterr().err
    assert cli.main(["import", "apply", "insatser", good, "--db", str(db)]) == 0
    printed = capsys.readouterr().out
    assert "  ~ rad 3: INS-005 Trygghetsbelysning och stråk\n      Belopp (kr): 770000 → 900000" in printed
    assert "insatser_semikolon_cp1252.csv: 2 nya och 1 ändrade rader importerade, 0 oförändrade." in printed
    assert "Databasen som den var före importen finns i" in printed
    con = store.connect(db)
    try:
        assert con.execute("select distinct anvandare from audit").fetchall() == [("kommandorad",)]
    finally:
        con.close()

    assert cli.main(["import", "snapshots", "--db", str(db)]) == 0
    assert "fore-import-av-insatser-semikolon-cp1252-csv" in capsys.readouterr().out
    assert cli.main(["import", "export", str(tmp_path / "allt.zip"), "--db", str(db)]) == 0
    assert (tmp_path / "allt.xlsx").is_file()


def test_the_command_line_says_when_the_store_is_held_by_another_writer(built_store, tmp_path, capsys):
    db = tmp_path / "upptagen.duckdb"
    db.write_bytes(built_store.read_bytes())
    # Another process holding the file is simulated by a read-write connection in this one: DuckDB
    # refuses a read-only connection with another configuration, as it refuses another process.
    held = store.connect(db, read_only=False)
    try:
        code = cli.main(
            ["import", "preview", "insatser", str(FIXTURES / "insatser_semikolon_cp1252.csv"), "--db", str(db)]
        )
    finally:
        held.close()
    assert code == 1
    assert "Databasen används redan av en annan process" in capsys.readouterr().err


def test_every_import_query_has_a_header():
    for path in sorted((ROOT / "queries" / "import").glob("*.sql")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("-- "), path.name


def test_a_large_preview_runs_in_a_process_of_its_own_and_gives_the_same_result(rw_con, monkeypatch):
    from lokalutveckling.imports import apart as import_apart

    rows = ["Tilldelnings-id;Beslut;Nämnd;Finansieringskälla;År;Belopp"]
    rows += [f"T-{i:06d};B2024-KSAU414-KS;FRN;ks_anslag;2025;{1000 + i}" for i in range(7000)]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    assert len(data) > import_apart.APART_FROM_BYTES
    here = importer.preview(rw_con, "tilldelningar", data, "stor.csv")
    told: list[importer.Progress] = []

    def not_here(*args, **kwargs):
        raise AssertionError("the large preview ran in the app's own process")

    monkeypatch.setattr(previews, "preview", not_here)  # the child process imports its own, unpatched
    apart = import_apart.preview(rw_con, "tilldelningar", data, "stor.csv", progress=told.append)
    monkeypatch.undo()
    assert apart.summary() == here.summary() == "stor.csv: 7000 nya, 0 ändras, 0 oförändrade (tilldelningar)."
    assert apart.plan_signature == here.plan_signature and apart.sha256 == here.sha256
    assert told and told[-1].fraction > 0.5
    result = importer.apply(rw_con, EDITOR, apart)  # the live store is planned again, and matches
    assert len(result.added) == 7000
    folder = store.database_path(rw_con).parent
    assert not list(folder.glob("**/*forhandsgranskning*"))  # the copy it read was removed


def test_a_child_process_that_fails_is_a_clear_refusal_not_a_traceback(rw_con):
    from lokalutveckling.imports import apart as import_apart

    data = b"Namn;Belopp\n" + b"x;1\n" * (import_apart.APART_FROM_BYTES // 4)
    with pytest.raises(ImportRefused, match=r"Förhandsgranskningen av stor\.csv misslyckades \(.*okand"):
        import_apart.preview(rw_con, "okand", data, "stor.csv")
