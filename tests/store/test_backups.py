"""Backups without asking: daily snapshots and their retention, restores that say what they undo and
never move a version back, and snapshots without password hashes (lokalutveckling.store.snapshots)."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lokalutveckling import store, writes
from lokalutveckling.domain import User
from lokalutveckling.store import snapshots
from lokalutveckling.writes import ConflictError

ADMIN = User("ada", "Ada Admin", "admin")
EDITOR = User("kim", "Kim Redaktör", "redaktor")
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"


def version(con: store.Connection, insats_id: str) -> int:
    return con.execute("select version from insatser where insats_id = ?", [insats_id]).fetchone()[0]


def test_a_restore_lists_what_it_undoes_first_and_moves_versions_forward(rw_con: store.Connection, tmp_path: Path):
    folder = tmp_path / "snaps"
    writes.update_insats(rw_con, EDITOR, "INS-002", {"namn": "Före bilden"}, 1)
    snap = snapshots.snapshot(rw_con, directory=folder, reason="test")
    assert snapshots.undone_by(rw_con, snap, directory=folder) == []
    writes.update_insats(rw_con, EDITOR, "INS-002", {"namn": "Efter bilden", "belopp_kr": 123_000}, 2)
    writes.update_insats(rw_con, EDITOR, "INS-005", {"namn": "Också efter"}, 1)
    writes.add_user(rw_con, ADMIN, {"anvandarnamn": "sam", "namn": "Sam", "roll": "redaktor", "losenord_hash": HASH})
    undone = snapshots.undone_by(rw_con, snap, directory=folder)
    assert [(u["tabell"], u["rad_id"], u["falt"]) for u in undone] == [
        ("insatser", "INS-005", 1),
        ("insatser", "INS-002", 2),
    ]
    assert all(
        u["anvandare"] == "kim" and u["handling"] == "ändring" for u in undone
    )  # the account is kept: not listed
    highest = rw_con.execute("select max(version) from insatser").fetchone()[0]
    snapshots.restore(rw_con, snap, ADMIN, directory=folder)
    assert rw_con.execute("select namn from insatser where insats_id = 'INS-002'").fetchone()[0] == "Före bilden"
    assert rw_con.execute("select min(version) from insatser").fetchone()[0] > highest  # never back
    with pytest.raises(ConflictError):  # a form opened before the restore (version 3) is refused
        writes.update_insats(rw_con, EDITOR, "INS-002", {"namn": "Gammalt formulär"}, 3)
    history = rw_con.execute(
        "select rad_id, handling, kommentar from audit where handling = 'återställning' and tabell = 'insatser' "
        "and rad_id like 'INS-%' order by rad_id"
    ).fetchall()
    assert [h[0] for h in history] == ["INS-002", "INS-005"]  # the insatser it changed, and no others
    assert history[0][2].startswith(f"återställd från ögonblicksbilden {snap.name}; ändringar gjorda efter ")
    assert rw_con.execute("select count(*) from anvandare where anvandarnamn = 'sam'").fetchone()[0] == 1


def test_snapshots_hold_no_password_hashes_and_are_private(rw_con: store.Connection, tmp_path: Path):
    writes.add_user(rw_con, ADMIN, {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "losenord_hash": HASH})
    snap = snapshots.snapshot(rw_con, directory=tmp_path / "snaps", reason="test")
    copy = store.connect(snap)
    try:
        assert copy.execute("select anvandarnamn, losenord_hash from anvandare").fetchall() == [("kim", None)]
    finally:
        copy.close()
    assert HASH.encode() not in snap.read_bytes()
    assert stat.S_IMODE(snap.stat().st_mode) == 0o600
    assert stat.S_IMODE(snap.parent.stat().st_mode) == 0o700
    assert rw_con.execute("select losenord_hash from anvandare").fetchone()[0] == HASH  # the store keeps it


def test_one_daily_snapshot_a_day(rw_con: store.Connection, tmp_path: Path):
    folder = tmp_path / "snaps"
    first = snapshots.daily(rw_con, directory=folder)
    assert first is not None and first.exists()
    assert snapshots.daily(rw_con, directory=folder) is None
    assert [s.anledning for s in snapshots.list_snapshots(folder)] == ["daglig"]


def _fake_daily(folder: Path, when: datetime) -> Path:
    path = folder / f"store-{when.strftime('%Y%m%dT%H%M%S%f')}Z-daglig.duckdb"
    path.write_bytes(b"x")
    return path


def test_the_retention_keeps_seven_days_and_eight_weeks_and_never_other_snapshots(tmp_path: Path):
    folder = tmp_path / "snaps"
    folder.mkdir()
    start = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    made = [_fake_daily(folder, start - timedelta(days=d)) for d in range(90)]
    extra = _fake_daily(folder, start - timedelta(hours=2))  # a second one on the newest day
    kept_import = folder / f"store-{(start - timedelta(days=200)).strftime('%Y%m%dT%H%M%S%f')}Z-fore-import-av-x.duckdb"
    kept_import.write_bytes(b"x")
    deleted = snapshots.prune(folder)
    left = {s.path for s in snapshots.list_snapshots(folder) if s.anledning == "daglig"}
    assert set(made[:7]) <= left  # the last 7 days
    weeks = {(start - timedelta(days=d)).isocalendar()[:2] for d in range(90)}
    newest_week = sorted(weeks, reverse=True)[:8]
    assert len(left) == len(
        set(made[:7]) | {min((p for p in made if _week(p) == w), key=lambda p: -_ts(p)) for w in newest_week}
    )
    assert extra in deleted and made[-1] in deleted
    assert kept_import.exists()


def _ts(path: Path) -> float:
    return datetime.strptime(path.name.split("-")[1], "%Y%m%dT%H%M%S%fZ").timestamp()


def _week(path: Path) -> tuple[int, int]:
    return datetime.strptime(path.name.split("-")[1], "%Y%m%dT%H%M%S%fZ").isocalendar()[:2]
