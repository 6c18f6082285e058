"""Nothing lost: the journal beside the store, and opening a store that is missing, damaged, behind its
journal, older than the seeds or held by another process (lokalutveckling.store.journal, .recovery)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lokalutveckling import domain, sources, store, writes
from lokalutveckling import imports as importer
from lokalutveckling.domain import User
from lokalutveckling.paths import ROOT
from lokalutveckling.sources import statistik
from lokalutveckling.store import journal, recovery, snapshots
from lokalutveckling.store.recovery import Action

ADMIN = User("ada", "Ada Admin", "admin")
EDITOR = User("kim", "Kim Redaktör", "redaktor")
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
FIXTURES = ROOT / "tests" / "fixtures" / "import"


def contents(con: store.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: the store's content, to compare two stores."""
    tables = [
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' order by table_name"
        ).fetchall()
    ]
    return {t: sorted(con.table(t).fetchall(), key=repr) for t in tables}


def new_insats(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "namn": "Läxhjälp på biblioteket",
        "namnd_kod": "KN",
        "finansiering_kod": "ks_anslag",
        "tilldelning_id": "T2022-KS-KN",
        "belopp_kr": 250_000,
        "startdatum": date(2025, 1, 1),
        "status": "pågående",
        "typ": "pilot",
        "fokus_kod": "utbildning",
        "omraden": ["10", "12"],
        "partner_externa": ["Studieförbund; Vuxenskolan"],
    }
    values.update(changes)
    return values


def mixed_writes(con: store.Connection, tmp_path: Path) -> None:
    """Every kind of write the product makes: accounts, insatser, status moves, follow-ups, an import,
    a snapshot restore, fetched statistics."""
    writes.add_user(con, ADMIN, {"anvandarnamn": "ada", "namn": "Ada", "roll": "admin", "losenord_hash": HASH})
    writes.add_user(con, ADMIN, {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "losenord_hash": HASH})
    writes.add_user(con, ADMIN, {"anvandarnamn": "sam", "namn": "Sam", "roll": "redaktor", "e_post": "s@malmo.se"})
    writes.set_role(con, ADMIN, "sam", "admin")
    writes.set_password(con, ADMIN, "kim", HASH.replace("aGFz", "bmV3"))
    first = writes.add_insats(con, EDITOR, new_insats())
    second = writes.add_insats(con, EDITOR, new_insats(namn='=HYPERLINK("x")', status="föreslagen"))
    writes.update_insats(con, EDITOR, first, {"namn": "Läxhjälp", "belopp_kr": 260_000}, 1)
    writes.update_insats(con, EDITOR, "INS-002", {"beskrivning": "Ny beskrivning med 'citat' och ;"}, 1)
    writes.change_status(
        con, EDITOR, second, "avbruten", datum=domain.today(), anledning="Ingen lokal", expected_version=1
    )
    writes.add_uppfoljning(
        con,
        EDITOR,
        first,
        {"datum": date(2025, 6, 1), "vem": "Kim", "vad": "Besök", "effekt": "viss", "underlag": "Enkät"},
    )
    snap = snapshots.snapshot(con, directory=tmp_path / "snaps", reason="test")
    p = importer.preview(con, "insatser", FIXTURES / "insatser_utf8_bom_komma.csv")
    assert p.ok, [x.text for x in p.problems]
    importer.apply(con, EDITOR, p, snapshot_dir=tmp_path / "snaps")
    writes.update_insats(con, EDITOR, first, {"namn": "Läxhjälp efter import"}, 2)
    snapshots.restore(con, snap, ADMIN, directory=tmp_path / "snaps")
    writes.add_uppfoljning(
        con, EDITOR, "INS-003", {"datum": date(2025, 7, 1), "vem": "Kim", "vad": "Möte", "effekt": "oklar"}
    )
    statistik.save(
        con,
        sources.Hamtning(
            tjanst="kolada",
            url="http://127.0.0.1/v2/data/kpi/N00945",
            tabell_id="N00945",
            tabell_namn="Invånare",
            regel="totalen",
            attribution="RKA",
            varden=[
                sources.Varde("kommun", "N00945", "2024", 2024, 362133.0, True, "hämtad", region_kod="1280"),
                sources.Varde("kommun", "N00945", "2024", 2024, None, False, "hämtad", region_kod="0180"),
            ],
        ),
        anvandare="kim",
    )
    writes.deactivate_user(con, ADMIN, "sam")


@pytest.fixture(scope="module")
def first_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store opened for the first time: built from the seeds, with a journal of no entries (once per module)."""
    path = tmp_path_factory.mktemp("first") / "store.duckdb"
    opened = recovery.open_store(path)
    assert opened.report.action is Action.BUILT
    opened.con.close()
    return path


@pytest.fixture()
def fresh(first_built: Path, copy_store, tmp_path: Path) -> recovery.Opened:
    """A store as first built from the seeds, with its journal: a copy of `first_built`, so that each test
    does not build the store again."""
    opened = recovery.open_store(copy_store(first_built, tmp_path / "store.duckdb"))
    assert opened.report.action is Action.CURRENT and not opened.report.notable
    yield opened
    opened.con.close()


def _reopen(path: Path) -> recovery.Opened:
    return recovery.open_store(path)


def test_a_deleted_store_is_rebuilt_from_the_journal_with_the_same_content(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    mixed_writes(fresh.con, tmp_path)
    before = contents(fresh.con)
    assert len(before["audit"]) > 40 and len(before["anvandare"]) == 3
    fresh.con.close()
    path.unlink()
    again = _reopen(path)
    try:
        assert again.report.action is Action.REBUILT and again.report.missing
        assert again.report.entries_applied == len(journal.read_entries(_entries(path)).effective())
        assert contents(again.con) == before
        assert recovery.describe(again.report).startswith("Databasen återskapades från journalen")
    finally:
        again.con.close()


def _entries(path: Path) -> Path:
    j = journal.Journal(journal.journal_dir(path))
    return j.entries_path(j.generation)


def test_bytes_changed_in_the_middle_of_the_file_rebuild_it_and_keep_the_damaged_one(
    fresh: recovery.Opened, tmp_path: Path
):
    path = tmp_path / "store.duckdb"
    mixed_writes(fresh.con, tmp_path)
    fresh.con.execute("checkpoint")
    before = contents(fresh.con)
    fresh.con.close()
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(8192))
    damaged = path.read_bytes()
    again = _reopen(path)
    try:
        assert again.report.action is Action.REBUILT
        assert again.report.damaged and "checksum" in again.report.damaged.lower()
        assert again.report.damaged_kept.read_bytes() == damaged
        assert contents(again.con) == before
    finally:
        again.con.close()


def test_a_truncated_store_is_rebuilt(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    writes.add_user(fresh.con, ADMIN, {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "losenord_hash": HASH})
    fresh.con.execute("checkpoint")
    before = contents(fresh.con)
    fresh.con.close()
    os.truncate(path, path.stat().st_size // 3)
    again = _reopen(path)
    try:
        assert again.report.action is Action.REBUILT and again.report.damaged
        assert contents(again.con) == before
    finally:
        again.con.close()


def test_a_store_that_never_had_entries_is_built_from_the_seeds_when_deleted(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    fresh.con.close()
    path.unlink()
    again = _reopen(path)
    try:
        assert again.report.action is Action.BUILT
        assert again.con.execute("select count(*) from insatser").fetchone()[0] == 67
    finally:
        again.con.close()


def test_a_line_cut_off_by_a_crash_is_reported_and_never_applied(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    writes.add_insats(fresh.con, EDITOR, new_insats())
    before = contents(fresh.con)
    fresh.con.close()
    entries = _entries(path)
    good = entries.read_bytes()
    half = journal.line_bytes(journal.Entry(2, "2026-01-01T00:00:00", (journal.Step("delete from insatser", None),)))
    entries.write_bytes(good + half[: len(half) // 2])
    path.unlink()
    again = _reopen(path)
    try:
        assert again.report.action is Action.REBUILT
        assert any("rad 2: raden är avbruten" in p for p in again.report.journal_problems)
        assert contents(again.con) == before  # the half line (a delete of every insats) was not applied
        assert entries.read_bytes() == good  # moved aside, so new entries follow the last good one
        assert again.report.journal_kept.read_bytes() == half[: len(half) // 2]
        writes.add_insats(again.con, EDITOR, new_insats(namn="Efter kraschen"))
        assert [e.n for e in journal.read_entries(entries).entries] == [1, 2]
    finally:
        again.con.close()


def test_a_line_whose_checksum_fails_stops_the_replay_there_and_says_so(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    for name in ("Ett", "Två", "Tre"):
        writes.add_insats(fresh.con, EDITOR, new_insats(namn=name))
    fresh.con.close()
    entries = _entries(path)
    lines = entries.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace("Två".encode(), "TVÅ".encode())
    entries.write_bytes(b"".join(lines))
    path.unlink()
    again = _reopen(path)
    try:
        problems = " ".join(again.report.journal_problems)
        assert "rad 2: kontrollsumman stämmer inte" in problems and "de 1 raderna efter den" in problems
        names = {r[0] for r in again.con.execute("select namn from insatser").fetchall()}
        assert "Ett" in names and "Två" not in names and "TVÅ" not in names and "Tre" not in names
    finally:
        again.con.close()


class Crash(BaseException):
    """Stands in for the process being killed."""


def test_an_entry_written_just_before_a_crash_is_rolled_forward(
    fresh: recovery.Opened, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "store.duckdb"
    original = journal.Journal.append

    def append_then_die(self: journal.Journal, generation: str, entry: journal.Entry) -> None:
        original(self, generation, entry)
        raise Crash  # after the line is on disk, before the commit

    monkeypatch.setattr(journal.Journal, "append", append_then_die)
    with pytest.raises(Crash):
        writes.add_insats(fresh.con, EDITOR, new_insats(namn="Sparad strax före kraschen"))
    monkeypatch.undo()
    assert fresh.con.execute("select count(*) from insatser where namn like 'Sparad%'").fetchone()[0] == 0
    fresh.con.close()
    again = _reopen(path)
    try:
        assert again.report.action is Action.ROLLED_FORWARD and again.report.entries_applied == 1
        assert again.con.execute("select count(*) from insatser where namn like 'Sparad%'").fetchone()[0] == 1
        assert again.con.execute("select n from journal_position").fetchone()[0] == 1
    finally:
        again.con.close()


def test_a_commit_that_fails_is_voided_in_the_journal(fresh: recovery.Opened, tmp_path: Path, monkeypatch):
    path = tmp_path / "store.duckdb"
    original = journal.commit

    def failing_commit(cursor, recorder, bilagor=None):  # the journal line is written, then the commit fails
        class Refusing:
            def __getattr__(self, name):
                if name == "commit":

                    def fail():
                        raise store.Error("disk full")

                    return fail
                return getattr(cursor, name)

        return original(Refusing(), recorder, bilagor)

    monkeypatch.setattr(journal, "commit", failing_commit)
    with pytest.raises(store.Error, match="disk full"):
        writes.add_insats(fresh.con, EDITOR, new_insats(namn="Aldrig sparad"))
    monkeypatch.undo()
    writes.add_insats(fresh.con, EDITOR, new_insats(namn="Sparad"))
    before = contents(fresh.con)
    fresh.con.close()
    reading = journal.read_entries(_entries(path))
    assert [(e.n, e.upphav) for e in reading.entries] == [(1, None), (2, 1), (3, None)]
    path.unlink()
    again = _reopen(path)
    try:
        assert contents(again.con) == before
        assert again.con.execute("select count(*) from insatser where namn = 'Aldrig sparad'").fetchone()[0] == 0
    finally:
        again.con.close()


def test_a_store_without_a_journal_gets_one_and_survives_deletion(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    store.build_file(path)
    con = store.connect(path, read_only=False)  # an edit made before the journal existed
    con.execute("update insatser set namn = 'Från förr' where insats_id = 'INS-001'")
    con.execute("insert into audit values (1, now(), 'kim', 'ändring', 'insatser', 'INS-001', 'namn', 'a', 'b', null)")
    con.close()
    opened = recovery.open_store(path)
    assert opened.report.action is Action.ADOPTED and opened.report.base == "fil"
    writes.add_insats(opened.con, EDITOR, new_insats(namn="Efter journalen"))
    before = contents(opened.con)
    opened.con.close()
    path.unlink()
    again = recovery.open_store(path)
    try:
        assert again.report.action is Action.REBUILT and again.report.base == "fil"
        assert contents(again.con) == before
    finally:
        again.con.close()


def test_a_lost_journal_starts_again_from_the_store(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    writes.add_insats(fresh.con, EDITOR, new_insats())
    before = contents(fresh.con)
    fresh.con.close()
    import shutil

    shutil.rmtree(journal.journal_dir(path))
    again = _reopen(path)
    assert again.report.action is Action.ADOPTED
    again.con.close()
    path.unlink()
    third = _reopen(path)
    try:
        assert third.report.action is Action.REBUILT
        assert contents(third.con) == {**before, "journal_position": contents(third.con)["journal_position"]}
    finally:
        third.con.close()


def _change_a_seed(seed_dir: Path) -> None:
    text = (seed_dir / "kallor.csv").read_text(encoding="utf-8")
    (seed_dir / "kallor.csv").write_text(
        text.replace("Förstudie om segregation i Malmö", "Förstudie", 1), encoding="utf-8"
    )


def test_newer_seeds_rebuild_an_unedited_store_and_keep_an_edited_one_until_an_admin_chooses(
    tmp_path: Path, seed_copy: Path
):
    path = tmp_path / "store.duckdb"
    recovery.open_store(path, seed_copy).con.close()
    _change_a_seed(seed_copy)
    unedited = recovery.open_store(path, seed_copy)
    assert unedited.report.action is Action.BUILT and not unedited.report.seeds_newer
    writes.update_insats(unedited.con, EDITOR, "INS-002", {"namn": "Redigerad"}, 1)
    unedited.con.close()
    (seed_copy / "kallor.csv").write_text(
        (seed_copy / "kallor.csv").read_text(encoding="utf-8").replace("Förstudie", "Förstudien", 1), encoding="utf-8"
    )
    edited = recovery.open_store(path, seed_copy)
    assert edited.report.action is Action.CURRENT and edited.report.seeds_newer
    assert "En administratör väljer" in recovery.describe(edited.report)
    with pytest.raises(PermissionError):
        recovery.rebuild_on_seeds(edited, path, seed_copy, user=EDITOR)
    new, kept, applied = recovery.rebuild_on_seeds(edited, path, seed_copy, user=ADMIN)
    try:
        assert applied == 1 and kept.exists()
        assert new.con.execute("select namn from insatser where insats_id = 'INS-002'").fetchone()[0] == "Redigerad"
        assert not store.seeds_newer(new.con, seed_copy)
        before = contents(new.con)
    finally:
        new.con.close()
    path.unlink()
    again = recovery.open_store(path, seed_copy)
    try:
        assert again.report.action is Action.REBUILT and contents(again.con) == before
    finally:
        again.con.close()


def test_an_edited_store_of_an_older_version_is_upgraded_with_every_entry_kept(tmp_path: Path, seed_copy: Path):
    """A new version whose code reads columns an older store lacks (here: namnder.namn_en, dropped to make
    the store as an older version built it, with other seeds): the start builds on the new seeds and
    applies every saved entry again, instead of every page failing on the missing column."""
    path = tmp_path / "store.duckdb"
    opened = recovery.open_store(path, seed_copy)
    writes.update_insats(opened.con, EDITOR, "INS-002", {"namn": "Redigerad i den gamla versionen"}, 1)
    opened.con.execute("alter table namnder drop column namn_en")
    opened.con.execute("update build_meta set seed_hash = 'en äldre version'")
    opened.con.close()
    upgraded = recovery.open_store(path, seed_copy)
    try:
        assert upgraded.report.action is Action.UPGRADED and upgraded.report.entries_applied == 1
        assert "sparade ändringar lades på igen" in recovery.describe(upgraded.report)
        con = upgraded.con
        assert con.execute("select namn from insatser where insats_id = 'INS-002'").fetchone()[0] == (
            "Redigerad i den gamla versionen"
        )
        assert con.execute("select count(namn_en) from namnder").fetchone()[0] > 0
        assert not store.seeds_newer(con, seed_copy)
    finally:
        upgraded.con.close()
    assert list(tmp_path.glob("store-fore-ombyggnad-*.duckdb"))  # the old file kept beside it
    again = recovery.open_store(path, seed_copy)  # and the next start has nothing to do
    try:
        assert again.report.action is Action.CURRENT
    finally:
        again.con.close()


def test_an_edited_store_whose_seeds_only_changed_data_is_kept_as_it_is(tmp_path: Path, seed_copy: Path):
    path = tmp_path / "store.duckdb"
    opened = recovery.open_store(path, seed_copy)
    writes.update_insats(opened.con, EDITOR, "INS-002", {"namn": "Redigerad"}, 1)
    opened.con.close()
    _change_a_seed(seed_copy)
    kept = recovery.open_store(path, seed_copy)
    try:
        assert kept.report.action is Action.CURRENT and kept.report.seeds_newer  # an admin chooses
    finally:
        kept.con.close()


HOLD = "import sys, duckdb\ncon = duckdb.connect(sys.argv[1])\nprint('held', flush=True)\nsys.stdin.read()\n"


def _hold(path: Path) -> subprocess.Popen:
    """Another process holding the store for writing (like a running app); waits until it does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_process_is_told_why_it_cannot_open_the_store_and_backup_still_works(
    fresh: recovery.Opened, tmp_path: Path
):
    path = tmp_path / "store.duckdb"
    writes.add_insats(fresh.con, EDITOR, new_insats(namn="Med i kopian"))
    before = contents(fresh.con)
    fresh.con.close()
    holder = _hold(path)
    try:
        with pytest.raises(recovery.StoreBusy, match="används redan av en annan process"):
            recovery.open_store(path)
        result = _cli("build", str(path))
        assert result.returncode == 1 and "används redan av en annan process" in result.stderr
        assert "PID" not in result.stderr
        result = _cli("rebuild", str(path))
        assert result.returncode == 1 and "används redan" in result.stderr
        result = _cli("backup", str(tmp_path / "backups"), "--db", str(path))
        assert result.returncode == 0, result.stderr
    finally:
        holder.communicate("")
    (folder,) = (tmp_path / "backups").iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    copy = store.connect(folder / "store.duckdb")
    try:
        assert contents(copy) == before
    finally:
        copy.close()
    writes_after = recovery.open_store(path)
    writes.add_insats(writes_after.con, EDITOR, new_insats(namn="Efter kopian"))
    writes_after.con.close()
    result = _cli("restore-backup", str(folder), "--db", str(path))
    assert result.returncode == 0, result.stderr
    restored = store.connect(path)
    try:
        assert contents(restored) == before
    finally:
        restored.close()
    assert list(tmp_path.glob("store-fore-aterstallning-*.duckdb"))


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lokalutveckling", "store", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_start_command_succeeds_on_an_edited_store(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    writes.update_insats(fresh.con, EDITOR, "INS-002", {"namn": "Redigerad"}, 1)
    fresh.con.close()
    result = _cli("build", str(path))
    assert result.returncode == 0, result.stderr
    assert "Databasen är aktuell." in result.stdout and "insatser: 67 rader" in result.stdout


def test_journal_and_store_files_are_readable_by_their_owner_only(fresh: recovery.Opened, tmp_path: Path):
    path = tmp_path / "store.duckdb"
    writes.add_user(fresh.con, ADMIN, {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "losenord_hash": HASH})
    root = journal.journal_dir(path)
    for item in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(item.stat().st_mode)
        assert mode & 0o077 == 0, (item, oct(mode))
    assert HASH in _entries(path).read_text(encoding="utf-8")  # so the journal must be private


def test_values_round_trip_through_the_journal_encoding():
    from datetime import datetime
    from decimal import Decimal

    values = [None, True, 0, -7, 1.1, float("inf"), "å'\"", date(2025, 1, 2), datetime(2025, 1, 2, 3, 4, 5, 6)]
    values += [Decimal("1.10"), ["a", None, date(2024, 1, 1)], [[1, 2], []]]
    for value in values:
        back = journal.decode(json.loads(json.dumps(journal.encode(value))))
        assert back == value and type(back) is type(value)


KILLED_WRITER = """
import os, sys
from pathlib import Path
from lokalutveckling.store import recovery
from lokalutveckling import domain, writes
opened = recovery.open_store(Path(sys.argv[1]))
writes.update_insats(opened.con, domain.User("kim", "Kim", "redaktor"), "INS-002", {"namn": "Före döden"}, 1)
os._exit(9)  # killed: no checkpoint, the write is only in the .wal file
"""


def test_a_store_file_deleted_after_a_kill_is_rebuilt_without_replaying_its_old_wal(fresh: recovery.Opened, tmp_path):
    path = tmp_path / "store.duckdb"
    fresh.con.close()
    result = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    wal = path.with_name(path.name + ".wal")
    assert wal.exists()
    path.unlink()  # someone deletes the store file by hand, not its .wal
    again = _reopen(path)
    try:
        assert again.report.action is Action.REBUILT
        rows = again.con.execute("select audit_id, falt, nytt_varde from audit").fetchall()
        assert rows == [(1, "namn", "Före döden")]  # once, not twice
        assert list(tmp_path.glob("store-utan-fil-*.duckdb.wal"))  # kept, not replayed
    finally:
        again.con.close()


def test_the_sidebar_notice_says_what_was_done_and_nothing_for_a_plain_start():
    from lokalutveckling import ui

    assert not recovery.Report(action=Action.BUILT).notable and not recovery.Report().notable
    rebuilt = recovery.Report(action=Action.REBUILT, entries_applied=1234, missing=True, base="seed")
    assert rebuilt.notable
    text = ui.store_report_text(rebuilt, "sv")
    assert "från seed-data och journalen: 1\u00a0234 sparade ändringar lades på igen" in text
    assert text.endswith("Databasfilen saknades.")
    damaged = recovery.Report(action=Action.BUILT, damaged="checksum", damaged_kept=Path("/srv/x-skadad.duckdb"))
    assert damaged.notable and "hade ingen journal" in ui.store_report_text(damaged, "sv")
    assert "/srv" not in ui.store_report_text(damaged, "sv")  # no server paths for readers
    rolled = ui.store_report_text(recovery.Report(action=Action.ROLLED_FORWARD, entries_applied=1), "en")
    assert rolled.startswith("1 changes saved just before the app stopped were applied from the journal")


def test_the_app_tells_of_a_rebuild_the_start_command_made_before_it_started(fresh: recovery.Opened, tmp_path: Path):
    from datetime import timedelta

    path = tmp_path / "store.duckdb"
    writes.add_insats(fresh.con, EDITOR, new_insats())
    fresh.con.close()
    path.unlink()
    by_command = _reopen(path)  # what scripts/run.sh does first
    assert by_command.report.action is Action.REBUILT
    by_command.con.close()
    app = _reopen(path)  # then the app opens a store that is already whole
    try:
        assert app.report.action is Action.CURRENT
        told = recovery.recent_report(app)
        assert told is not None and told.action is Action.REBUILT and told.entries_applied == 1 and told.missing
        assert recovery.recent_report(app, now=told.when + timedelta(hours=25)) is None  # a day later: quiet
        assert str(tmp_path) not in json.dumps(app.journal.last_event())  # no server paths kept for readers
    finally:
        app.con.close()


def test_a_journal_that_cannot_be_written_saves_nothing_and_says_so(fresh: recovery.Opened, monkeypatch):
    def full(self, generation, entry):
        raise journal.JournalError("Ändringen kunde inte skrivas i journalen (disken är full); den har inte sparats.")

    before = contents(fresh.con)
    monkeypatch.setattr(journal.Journal, "append", full)
    with pytest.raises(domain.NotSaved) as caught:
        writes.add_insats(fresh.con, EDITOR, new_insats(namn="Aldrig sparad"))
    assert caught.value.errors == [
        ("", "Ändringen kunde inte skrivas i journalen (disken är full); den har inte sparats.")
    ]
    assert isinstance(caught.value, domain.ValidationError)  # the forms show it like any refused value
    assert contents(fresh.con) == before
