"""Snapshots taken by an import, and restoring one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lokalutveckling import domain, store, writes
from lokalutveckling import imports as importer
from lokalutveckling.domain import COMMAND_LINE
from lokalutveckling.paths import SEED_DIR
from lokalutveckling.store import snapshots
from tests.imports.helpers import EDITOR, dump, preview_fixture

# The seed's indicator values (data rows of indikatorvarden.csv): what the snapshot holds.
SEED_VALUES = len((SEED_DIR / "indikatorvarden.csv").read_text(encoding="utf-8").splitlines()) - 1

# --------------------------------------------------------------------------- snapshot, restore


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_a_snapshot_through_an_open_connection_skips_an_uncommitted_write(rw_con, tmp_path):
    writer = rw_con.cursor()
    writer.begin()
    writer.execute("delete from indikatorvarden")
    path = snapshots.snapshot(rw_con, reason="test")
    writer.rollback()
    writer.close()
    assert path is not None and path.parent == snapshots.snapshot_dir(rw_con)
    copy = store.connect(path)
    try:
        assert copy.execute("select count(*) from indikatorvarden").fetchone() == (SEED_VALUES,)
        assert dump(copy)["insatser"] == dump(rw_con)["insatser"]
    finally:
        copy.close()
    (listed,) = snapshots.list_snapshots(snapshots.snapshot_dir(rw_con))
    assert (listed.path, listed.anledning) == (path, "test")


VERSION = 14  # the position of insatser.version


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_restore_brings_back_the_data_keeps_the_log_and_can_be_undone(rw_con, tmp_path):
    original = dump(rw_con)
    result = importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx"))
    assert result.snapshot is not None
    with pytest.raises(PermissionError, match="Bara en administratör kan återställa en ögonblicksbild"):
        snapshots.restore(rw_con, result.snapshot, EDITOR)
    restored = snapshots.restore(rw_con, result.snapshot.name, COMMAND_LINE)
    now = dump(rw_con)
    versioned = {"insatser", "uppdrag", "aterrapporteringskrav"}  # their versions move forward, see below
    assert {t: r for t, r in now.items() if t not in snapshots.KEPT_TABLES | versioned} == {
        t: r for t, r in original.items() if t not in snapshots.KEPT_TABLES | versioned
    }
    without_version = "select * exclude (version) from insatser order by insats_id"
    assert rw_con.execute(without_version).fetchall() == [
        tuple(v for i, v in enumerate(r) if i != VERSION) for r in sorted(original["insatser"])
    ]
    assert min(r[VERSION] for r in dump(rw_con)["insatser"]) > max(r[VERSION] for r in original["insatser"])
    assert restored.rows["insatser"] == (71, 67)
    log = rw_con.execute("select handling, tabell, gammalt_varde, nytt_varde from audit order by audit_id").fetchall()
    assert ("import", "insatser", None, "4 nya, 0 ändrade, 0 oförändrade") in log
    assert ("återställning", "insatser", "71 rader", "67 rader") in log
    assert restored.before is not None
    snapshots.restore(rw_con, restored.before, COMMAND_LINE)
    assert rw_con.execute("select count(*) from insatser").fetchone() == (71,)
    names = [s.name for s in snapshots.list_snapshots(snapshots.snapshot_dir(rw_con))]
    assert len(names) == 3 and names[-1] == result.snapshot.name


def test_a_krav_form_opened_before_a_restore_is_refused_after_it(rw_con):
    loaded = writes.get_krav(rw_con, "R-2022-SOS")
    path = snapshots.snapshot(rw_con, reason="före")
    snapshots.restore(rw_con, path, COMMAND_LINE)
    restored = writes.get_krav(rw_con, "R-2022-SOS")
    assert {k: v for k, v in restored.items() if k != "version"} == {k: v for k, v in loaded.items() if k != "version"}
    assert restored["version"] > loaded["version"]
    assert writes.get_uppdrag(rw_con, "U-2020-KS247-STRUKTUR")["version"] > 1
    with pytest.raises(writes.ConflictError):
        writes.update_krav(rw_con, EDITOR, "R-2022-SOS", loaded["version"], {"status": "pågår"})
    assert writes.get_krav(rw_con, "R-2022-SOS")["status"] == "ej påbörjad"


def test_restore_refuses_files_that_are_not_snapshots(rw_con, tmp_path):
    with pytest.raises(snapshots.SnapshotError, match="finns inte"):
        snapshots.restore(rw_con, "store-20250101T000000000000Z.duckdb", COMMAND_LINE)
    other = tmp_path / "annat.duckdb"
    other.write_bytes(b"")
    with pytest.raises(snapshots.SnapshotError, match=r"annat\.duckdb finns inte"):
        snapshots.restore(rw_con, other, COMMAND_LINE)


def test_restore_refuses_a_snapshot_with_another_structure(rw_con, tmp_path):
    path = snapshots.snapshot(rw_con, reason="gammal")
    other = store.connect(path, read_only=False)
    other.execute("alter table omradesteam add column extra varchar")
    other.close()
    before = dump(rw_con)
    with pytest.raises(domain.ValidationError, match="tabellen omradesteam har andra kolumner"):
        snapshots.restore(rw_con, path, COMMAND_LINE)
    assert {t: r for t, r in dump(rw_con).items() if t != "audit"} == {t: r for t, r in before.items() if t != "audit"}


def test_a_snapshot_and_restore_of_a_store_file_from_the_command_line(built_store, tmp_path):
    db = tmp_path / "fil.duckdb"
    db.write_bytes(built_store.read_bytes())
    path = snapshots.snapshot(db, reason="kommandorad")
    assert path.parent == tmp_path / "snapshots"
    held = store.connect(db, read_only=False)
    try:
        with pytest.raises(snapshots.SnapshotError):
            snapshots.snapshot(Path(str(db) + ".saknas"))
    finally:
        held.close()
