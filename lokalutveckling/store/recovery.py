"""Opening the store for writing, so that nothing reported saved is ever lost.

`open_store(path)` is how the app and every command that writes get their connection. It makes
the store and its journal (`lokalutveckling.store.journal`) agree before anything is written:

- **No store file, or a damaged one** (it cannot be opened, or reading every table fails a block
  checksum): a store that had entries is built again from the journal's base and entries, in a
  temporary file renamed into place; a damaged file is kept beside it (`…-skadad-<time>.duckdb`).
  A store that never had entries is built from the seeds.
- **Entries in the journal that the store lacks** (a crash after the journal line was written and
  before the commit): they are applied ("rolled forward").
- **A store without a journal** (made before the journal existed, or whose journal was lost), or a
  journal behind the store: a new journal generation starts from a consistent copy of the store.
- **Seeds newer than the store's base**: a store without entries is built again from the new
  seeds; a store with entries is kept and the report says so (an admin chooses, see
  `rebuild_on_seeds`).
- **The file held by another process** (a second app, or a command while the app runs):
  `StoreBusy`, with a message that says what to do.

Every case is described in the returned `Report`, which the app shows. A rebuild or restore never
replaces a file under a running app: the commands refuse while the app holds the store.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lokalutveckling.domain import User
from lokalutveckling.paths import SEED_DIR
from lokalutveckling.store import journal, lake_recovery, unit_of_work
from lokalutveckling.store.backup import backup
from lokalutveckling.store.builder import SeedError, build_file, edit_count, seeds_newer
from lokalutveckling.store.files import StoreBusy, aside, connect_read_only, remove, stamp, try_open, with_mode
from lokalutveckling.store.journal import Journal, JournalError
from lokalutveckling.store.lake import Lake, held, lake_of
from lokalutveckling.store.outcome import Action, Opened, Report, StoreBroken
from lokalutveckling.store.rebuild import (
    adopt,
    apply_entries,
    build_base,
    build_fresh,
    catch_up,
    position,
    rebuild_from_journal,
    set_position,
)
from lokalutveckling.store.sql import Connection, Error, checkpoint, connect, run_rows

# Opening and recovering a store is asked of this module; these live in the modules it is made of.
__all__ = [
    "Action",
    "Opened",
    "Report",
    "StoreBroken",
    "StoreBusy",
    "apply_entries",
    "backup",
    "build_base",
    "connect_read_only",
    "describe",
    "open_for_reading",
    "open_store",
    "place",
    "rebuild_on_seeds",
    "recent_report",
    "restore_backup",
]

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------ opening


def open_store(target: Path | Lake, seed_dir: Path = SEED_DIR) -> Opened:
    """The store at `target` (a file, or a DuckLake store: `lake_recovery.open_lake`), read-write, agreeing
    with its journal; see the module docstring."""
    if isinstance(target, Lake):
        opened = lake_recovery.open_lake(target, seed_dir)
        if opened.report.seeds_newer and (lacking := _lacking_structure(opened.con, target.place, seed_dir)):
            con, j = _upgrade(opened.con, target.place, opened.journal, opened.report, seed_dir, lacking)
            opened = Opened(con, opened.report, j, opened.last)
        return opened
    path = target
    path.parent.mkdir(parents=True, exist_ok=True)
    j = Journal(journal.journal_dir(path))
    report = Report()
    try:
        # The store's lock first: while another process holds it, that process may be appending to the
        # journal right now, and its unfinished line must not be taken for a crash's.
        con, damage = (None, None) if not path.exists() else try_open(path)
        report.missing = not path.exists()
        generation = j.generation
        reading = j.read(generation) if generation else journal.Reading(())
        if reading.problems:
            report.journal_problems = list(reading.problems)
            log.error("Journalen %s: %s", j.root, "; ".join(reading.problems))
            report.journal_kept = j.repair_tail(generation)
        if con is None:
            con = _replace_missing(path, j, generation, reading, damage, report, seed_dir)
        else:
            con = _reconcile(con, path, j, generation, reading, report, seed_dir)
        if report.seeds_newer and (lacking := _lacking_structure(con, path, seed_dir)):
            con, j = _upgrade(con, path, j, report, seed_dir, lacking)
    except StoreBusy:
        raise
    except (JournalError, SeedError, Error, OSError) as exc:
        log.exception("Databasen %s kunde inte öppnas eller återskapas", path)
        raise StoreBroken(
            f"Databasen kunde inte öppnas och inte heller återskapas ({str(exc).splitlines()[0]}).",
            "Inget har skrivits över: journalen och eventuella skadade filer finns kvar. Den som sköter servern "
            "kan återskapa databasen från en säkerhetskopia (python -m lokalutveckling store restore-backup "
            "MAPP) eller läsa serverns logg för detaljer.",
        ) from exc
    if report.notable:
        log.info("Databasen %s: %s (%s ändringar lagda på)", path, report.action.value, report.entries_applied)
        j.save_event(report.as_event())
    return Opened(con, report, j, _last_report(j))


def place(target: Path | Lake) -> Path:
    """The path a store's journal and snapshots are named after: its file, or a DuckLake store's place."""
    return target.place if isinstance(target, Lake) else target


def open_for_reading(target: Path | Lake) -> Connection:
    """A connection for a command that only reads: read-only to an existing store file (StoreBusy while
    another process writes it), else the store opened as the app does (a DuckLake store serves many)."""
    if isinstance(target, Path) and target.exists():
        return connect_read_only(target)
    return open_store(target).con


def _structure(con: Connection) -> set[tuple[str, str]]:
    """Every (table or view, column) of a store."""
    cur = con.cursor()
    try:
        return {(str(r["tabell"]), str(r["kolumn"])) for r in run_rows(cur, "store/columns")}
    finally:
        cur.close()


def _lacking_structure(con: Connection, path: Path, seed_dir: Path) -> list[str]:
    """The tables and columns a store built from the current seeds and build SQL has and this store lacks
    (the code of this version reads them): empty when only seed data changed. Built once into a temporary
    file beside the store, only when the seeds are newer than the store."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.jamfor")
    try:
        build_file(tmp, seed_dir)
        fresh = connect(tmp, read_only=True)
        try:
            wanted = _structure(fresh)
        finally:
            fresh.close()
    finally:
        remove(tmp)
    return sorted(f"{t}.{c}" for t, c in wanted - _structure(con))


def _upgrade(
    con: Connection, path: Path, j: Journal, report: Report, seed_dir: Path, lacking: list[str]
) -> tuple[Connection, Journal]:
    """The code needs tables or columns the store lacks (a new version came with new seeds and build SQL):
    build the store on the new seeds and apply every saved entry again (rebuild_on_seeds), the old file kept
    beside it. Without this, every page would fail on the missing columns; with it nothing saved is lost.
    If an entry cannot be applied on the new seeds, JournalError stops the start with what to do."""
    log.warning(
        "Databasen %s saknar det den här versionen läser (%s); den byggs på de nya seed-data med alla ändringar",
        path,
        ", ".join(lacking[:8]) + (" …" if len(lacking) > 8 else ""),
    )
    upgraded, kept, applied = rebuild_on_seeds(Opened(con, report, j), path, seed_dir, command_line=True)
    log.info("Databasen %s uppgraderades; den gamla filen sparades som %s", path, kept)
    report.action = Action.UPGRADED
    report.entries_applied = applied
    report.base = "seed"
    report.seeds_newer = False
    return upgraded.con, upgraded.journal


def _last_report(j: Journal) -> Report | None:
    event = j.last_event()
    try:
        return Report.from_event(event) if event else None
    except (KeyError, ValueError):
        return None


TELL_FOR = timedelta(hours=24)


def recent_report(opened: Opened, now: datetime | None = None) -> Report | None:
    """What to tell the app's users: what opening the store just did, or else what the last recovery did
    if it was less than a day ago (e.g. `python -m lokalutveckling store build`, run by scripts/run.sh before
    the app starts, rebuilt it). None when there is nothing to tell."""
    if opened.report.notable:
        return opened.report
    last = opened.last  # read when the store was opened: no file is read on a rerun
    return last if last and last.notable and (now or datetime.now(UTC)) - last.when < TELL_FOR else None


def _replace_missing(
    path: Path,
    j: Journal,
    generation: str | None,
    reading: journal.Reading,
    damage: str | None,
    report: Report,
    seed_dir: Path,
) -> Connection:
    if damage is not None:
        report.damaged = damage
        report.damaged_kept = aside(path, "skadad")
        log.error("Databasen %s var skadad (%s); den sparades som %s", path, damage, report.damaged_kept)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():  # a lost file's write-ahead log: DuckDB would replay it onto the new file
        kept = wal.with_name(f"{path.stem}-utan-fil-{stamp()}{path.suffix}.wal")
        os.replace(wal, kept)
        with_mode(kept)
        log.error("Databasen %s saknades men dess .wal fanns; den sparades som %s", path, kept)
    has_history = generation is not None and (reading.entries or j.base(generation).get("typ") == "fil")
    if generation is not None and has_history:
        report.entries_applied = rebuild_from_journal(path, j, generation, reading)
        report.action = Action.REBUILT
        report.base = str(j.base(generation).get("typ"))
        con = connect(path, read_only=False)
        report.seeds_newer = seeds_newer(con, seed_dir)
        return con
    report.action = Action.BUILT
    report.base = "seed"
    return build_fresh(path, j, seed_dir, reason="ny databas")


def _reconcile(
    con: Connection,
    path: Path,
    j: Journal,
    generation: str | None,
    reading: journal.Reading,
    report: Report,
    seed_dir: Path,
) -> Connection:
    """Make an opened, healthy store and its journal agree; returns the connection to use."""
    stored, n = position(con)
    entries = bool(reading.effective())
    if not entries and edit_count(con) == 0 and seeds_newer(con, seed_dir):
        # Never edited, and the seeds changed: build it from the new seeds, as before the journal.
        con.close()
        remove(path)
        report.action = Action.BUILT
        report.base = "seed"
        return build_fresh(path, j, seed_dir, reason="nya seed-data")
    if generation is not None and stored == generation:
        catch_up(con, path, j, generation, reading, n, report)
    elif generation is not None and stored is not None and stored in j.generations():
        # The file is an older state than the journal (e.g. copied back by hand): the journal wins.
        con.close()
        report.damaged = "filen hörde till en äldre journal än den aktuella"
        report.damaged_kept = aside(path, "ersatt")
        report.entries_applied = rebuild_from_journal(path, j, generation, reading)
        report.action = Action.REBUILT
        con = connect(path, read_only=False)
    else:
        # Made before the journal existed, or its journal is gone: start one from the store as it is.
        why = "databasen hade ingen journal" if generation is None else "databasen hörde inte till journalen"
        adopt(con, path, j, reason=why)
        report.action = Action.ADOPTED
    current = j.generation
    report.base = str(j.base(current).get("typ", "")) if current else ""
    report.seeds_newer = seeds_newer(con, seed_dir)
    return con


# ------------------------------------------------------------------- new seeds, with the entries


def rebuild_on_seeds(
    opened: Opened,
    path: Path,
    seed_dir: Path = SEED_DIR,
    *,
    user: User | None = None,
    command_line: bool = False,
) -> tuple[Opened, Path, int]:
    """Build the store on the current seeds and apply every entry of its journal on top, then put it in
    place of the open one (whose connection is closed). Only an admin may, in the app; on the command
    line (`command_line`) whoever runs the server's commands.

    Built in a temporary file first: if an entry cannot be applied on the new seeds, JournalError says
    which, and nothing is changed. The old file is kept beside the store; a new journal generation
    (base: the new seeds, entries: the same ones) starts. Returns (the new store, the kept file, the
    number of entries applied).
    """
    if not command_line:
        actor = unit_of_work.require(opened.con, user, "admin")
        if not actor.is_admin:
            raise PermissionError("Bara en administratör kan bygga om databasen.")
    j = opened.journal
    old_generation = j.generation
    reading = j.read(old_generation) if old_generation else journal.Reading(())
    if reading.problems:
        raise JournalError("Journalen har skadade rader; bygg inte om förrän de är utredda: " + reading.problems[0])
    entries = reading.effective()
    lake = lake_of(opened.con)
    if lake is not None:
        with held(lake):  # read again under the lock: another process may have saved an entry since
            current = j.read(j.generation) if j.generation else journal.Reading(())
            return _rebuild_lake_on_seeds(opened, lake, current.effective(), seed_dir)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.nyaseed")
    staged = _staged(entries)
    try:
        meta, applied = _built_on_seeds(tmp, j, staged, seed_dir)
        opened.con.close()
        kept = aside(path, "fore-ombyggnad")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    generation = j.start_from_seeds(str(meta["seed_hash"]), meta["built_at"], seed_dir, reason="nya seed-data")
    for entry in staged.entries:
        j.append(generation, entry)
    con = connect(path, read_only=False)
    set_position(con, generation, staged.last_n)
    report = Report(action=Action.REBUILT, entries_applied=applied, base="seed")
    return Opened(con, report, j), kept, applied


def _staged(entries: Sequence[journal.Entry]) -> journal.Reading:
    """The entries numbered again from 1, as they go into a new generation."""
    return journal.Reading(
        tuple(journal.Entry(i, e.tid, e.steg, e.bilagor, e.beskrivning) for i, e in enumerate(entries, start=1))
    )


def _built_on_seeds(tmp: Path, j: Journal, staged: journal.Reading, seed_dir: Path) -> tuple[dict[str, object], int]:
    """A store file at `tmp` built on the seeds with the staged entries applied: its build_meta row and the
    number of entries applied (JournalError, naming the entry, when one no longer applies)."""
    build_file(tmp, seed_dir)
    con = connect(tmp, read_only=False)
    try:
        cur = con.cursor()
        meta = run_rows(cur, "store/build_meta")[0]
        cur.close()
        applied = apply_entries(con, j, "ny", staged, after=0)
        checkpoint(con)
    finally:
        con.close()
    return meta, applied


def _rebuild_lake_on_seeds(
    opened: Opened, lake: Lake, entries: Sequence[journal.Entry], seed_dir: Path
) -> tuple[Opened, Path, int]:
    """rebuild_on_seeds for a DuckLake store: built in a temporary file, whose tables then replace the
    lake's in one transaction (the lake as it was kept as a snapshot first)."""
    j = opened.journal
    staged = _staged(entries)
    lake.tmp_dir.mkdir(parents=True, exist_ok=True)
    tmp = lake.tmp_dir / f"nyaseed-{secrets.token_hex(4)}.duckdb"
    try:
        meta, applied = _built_on_seeds(tmp, j, staged, seed_dir)
        kept = lake_recovery.keep(opened.con, "före ombyggnad")
        lake_recovery.replace_from_file(opened.con, tmp)
    finally:
        remove(tmp)
    generation = j.start_from_seeds(str(meta["seed_hash"]), meta["built_at"], seed_dir, reason="nya seed-data")
    for entry in staged.entries:
        j.append(generation, entry)
    set_position(opened.con, generation, staged.last_n)
    report = Report(action=Action.REBUILT, entries_applied=applied, base="seed")
    return Opened(opened.con, report, j), kept or lake.place, applied


# ------------------------------------------------------------------------------------ backups
# (`backup` is in lokalutveckling.store.backup; putting one back opens the store, so it is here)


def restore_backup(target: Path | Lake, folder: Path) -> Report:
    """Put a backup made by `backup` in place of the store and its journal (with the app stopped).

    The present store file and journal are kept beside them, renamed. Raises StoreBusy while another
    process holds the store.
    """
    source = Journal(folder / "journal")
    if source.generation is None:
        raise JournalError(f"{folder} är ingen säkerhetskopia (journal/aktuell.txt saknas).")
    if isinstance(target, Lake):
        # The lake's tables go (kept as a snapshot), the backup's journal comes in its journal's place, and
        # opening the empty lake builds it from that journal.
        journal_root = journal.journal_dir(target.place)
        lake_recovery.empty(target)
        if journal_root.exists():
            os.replace(journal_root, journal_root.with_name(f"{journal_root.name}-fore-aterstallning-{stamp()}"))
        shutil.copytree(source.root, journal_root)
        opened = open_store(target)
        opened.con.close()
        return opened.report
    path = target
    if path.exists():
        con, _ = try_open(path)  # refuses (StoreBusy) while the app holds it
        if con is not None:
            con.close()
    target = journal.journal_dir(path)
    if target.exists():
        os.replace(target, target.with_name(f"{target.name}-fore-aterstallning-{stamp()}"))
    shutil.copytree(source.root, target)
    if path.exists():
        aside(path, "fore-aterstallning")
    opened = open_store(path)
    opened.con.close()
    return opened.report


# ------------------------------------------------------------------------------- command line


def describe(report: Report) -> str:
    """The report in a sentence or two (Swedish), for the command line and the server log."""
    lines = {
        Action.CURRENT: "Databasen är aktuell.",
        Action.BUILT: "Databasen byggdes från seed-data (den hade inga ändringar gjorda i appen).",
        Action.REBUILT: f"Databasen återskapades från journalen: basen och {report.entries_applied} sparade ändringar.",
        Action.ROLLED_FORWARD: f"{report.entries_applied} ändringar ur journalen, som sparades strax innan "
        "processen stoppades, lades på.",
        Action.ADOPTED: "En ny journal startades från databasen som den var.",
        Action.UPGRADED: "Den här versionen behövde tabeller eller kolumner som databasen saknade: den byggdes på de "
        f"nya seed-data och {report.entries_applied} sparade ändringar lades på igen; den gamla filen sparades "
        "bredvid.",
    }
    text = [lines[report.action]]
    if report.missing and report.action == Action.REBUILT:
        text.append("Databasfilen saknades.")
    if report.damaged:
        text.append(
            f"Den gamla filen gick inte att använda ({report.damaged}); den sparades som {report.damaged_kept}."
        )
    text.extend(report.journal_problems)
    if report.journal_kept:
        text.append(f"De skadade raderna sparades i {report.journal_kept}.")
    if report.seeds_newer:
        text.append(
            "Seed-datan är nyare än databasens bas, och databasen har ändringar: den byggs inte om av sig själv. "
            "En administratör väljer (sidan Data, eller python -m lokalutveckling store rebuild)."
        )
    return " ".join(text)
