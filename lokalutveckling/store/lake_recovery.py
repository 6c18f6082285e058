"""Opening a DuckLake store so that nothing saved is lost, and moving a store between the two backends.

The same rules as for a store file (`recovery`), with what differs for a lake: there is no file to move
aside or rename into place, so a store is built in a temporary file (from the seeds, or from the journal's
base and entries, with `rebuild`'s functions) and its tables replace the lake's in one transaction
(`replace_from_file`); what it replaces is kept as a snapshot first. Every step holds the lake's write
lock, so no other process writes meanwhile.

- **An empty lake** (a new catalog database): built from the journal when it has entries, else from the
  seeds with a new journal generation.
- **Entries the lake lacks**: applied ("rolled forward"). **A lake without a journal**, or a journal
  behind it: a new generation starts from a copy of the lake. **A lake older than its journal**: built
  again from the journal. **Seeds newer, never edited**: built again from the new seeds.
- **Moving** (`to_lake`, `from_lake`): a store file's tables into the lake, or the lake's into a new
  file, every row counted before and after (`Move`); accounts, audit and entries are rows and move too.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

from lokalutveckling.paths import SEED_DIR
from lokalutveckling.store import identifiers, journal, snapshots
from lokalutveckling.store.builder import SeedError, build_file, edit_count, seeds_newer
from lokalutveckling.store.files import connect_read_only, private_dir, remove, with_mode
from lokalutveckling.store.journal import Journal, JournalError
from lokalutveckling.store.lake import Lake, LakeError, connect, held
from lokalutveckling.store.outcome import Action, Opened, Report, StoreBroken
from lokalutveckling.store.rebuild import adopt, catch_up, position, rebuild_from_journal, set_position
from lokalutveckling.store.sql import Connection, Error, database, run_rows

log = logging.getLogger(__name__)


def journal_of(lake: Lake) -> Journal:
    return Journal(journal.journal_dir(lake.place))


# ------------------------------------------------------------------------------------ opening


def open_lake(lake: Lake, seed_dir: Path = SEED_DIR) -> Opened:
    """The lake, read-write, agreeing with its journal (see the module docstring)."""
    j = journal_of(lake)
    report = Report()
    try:
        con = connect(lake)
        with held(lake):
            generation = j.generation
            reading = j.read(generation) if generation else journal.Reading(())
            if reading.problems:
                report.journal_problems = list(reading.problems)
                log.error("Journalen %s: %s", j.root, "; ".join(reading.problems))
                report.journal_kept = j.repair_tail(generation)
            if not tables(con):
                report.missing = True
                _fill(con, lake, j, generation, reading, report, seed_dir)
            else:
                _agree(con, lake, j, generation, reading, report, seed_dir)
    except LakeError as exc:
        raise StoreBroken(str(exc), _ADVICE) from exc
    except (JournalError, SeedError, Error, OSError) as exc:
        log.exception("%s kunde inte öppnas eller återskapas", lake.describe())
        raise StoreBroken(
            f"{lake.describe()} kunde inte öppnas och inte heller återskapas ({str(exc).splitlines()[0]}).", _ADVICE
        ) from exc
    if report.notable:
        log.info("%s: %s (%s ändringar lagda på)", lake.describe(), report.action.value, report.entries_applied)
        j.save_event(report.as_event())
    last = j.last_event()
    try:
        previous = Report.from_event(last) if last else None
    except (KeyError, ValueError):
        previous = None
    return Opened(con, report, j, previous)


_ADVICE = (
    "Inget har skrivits över: journalen och katalogen finns kvar. Den som sköter servern kontrollerar att "
    "PostgreSQL kör och att LOKALUTVECKLING_DUCKLAKE stämmer, eller läser serverns logg för detaljer."
)


def tables(con: Connection) -> list[str]:
    cur = con.cursor()
    try:
        return [str(r["tabell"]) for r in run_rows(cur, "store/tables")]
    finally:
        cur.close()


def _fill(
    con: Connection,
    lake: Lake,
    j: Journal,
    generation: str | None,
    reading: journal.Reading,
    report: Report,
    seed_dir: Path,
) -> None:
    """An empty lake: from the journal when it holds a history, else from the seeds."""
    has_history = generation is not None and (reading.entries or j.base(generation).get("typ") == "fil")
    if generation is not None and has_history:
        with _temporary(lake, "aterskapas") as tmp:
            report.entries_applied = rebuild_from_journal(tmp, j, generation, reading)
            replace_from_file(con, tmp)
        report.action = Action.REBUILT
        report.base = str(j.base(generation).get("typ"))
        report.seeds_newer = seeds_newer(con, seed_dir)
        return
    _from_seeds(con, lake, j, seed_dir, reason="ny databas")
    report.action = Action.BUILT
    report.base = "seed"


def _from_seeds(con: Connection, lake: Lake, j: Journal, seed_dir: Path, *, reason: str) -> None:
    with _temporary(lake, "byggs") as tmp:
        build_file(tmp, seed_dir)
        replace_from_file(con, tmp)
    cur = con.cursor()
    try:
        meta = run_rows(cur, "store/build_meta")[0]
    finally:
        cur.close()
    generation = j.start_from_seeds(str(meta["seed_hash"]), meta["built_at"], seed_dir, reason=reason)
    set_position(con, generation, 0)


def _agree(
    con: Connection,
    lake: Lake,
    j: Journal,
    generation: str | None,
    reading: journal.Reading,
    report: Report,
    seed_dir: Path,
) -> None:
    """Make a lake with tables and its journal agree (the rules of `recovery`'s store file)."""
    stored, n = position(con)
    if not reading.effective() and edit_count(con) == 0 and seeds_newer(con, seed_dir):
        _from_seeds(con, lake, j, seed_dir, reason="nya seed-data")
        report.action = Action.BUILT
        report.base = "seed"
        return
    if generation is not None and stored == generation:
        catch_up(con, lake.place, j, generation, reading, n, report)
    elif generation is not None and stored is not None and stored in j.generations():
        report.damaged = "databasen hörde till en äldre journal än den aktuella"
        report.damaged_kept = keep(con, "ersatt av journalen")
        with _temporary(lake, "aterskapas") as tmp:
            report.entries_applied = rebuild_from_journal(tmp, j, generation, reading)
            replace_from_file(con, tmp)
        report.action = Action.REBUILT
    else:
        why = "databasen hade ingen journal" if generation is None else "databasen hörde inte till journalen"
        adopt(con, lake.place, j, reason=why)
        report.action = Action.ADOPTED
    current = j.generation
    report.base = str(j.base(current).get("typ", "")) if current else ""
    report.seeds_newer = seeds_newer(con, seed_dir)


# ------------------------------------------------------------------------- replacing the tables


@contextlib.contextmanager
def _temporary(lake: Lake, label: str):
    private_dir(lake.tmp_dir)
    tmp = lake.tmp_dir / f"{label}-{secrets.token_hex(4)}.duckdb"
    try:
        yield tmp
    finally:
        remove(tmp)


def keep(con: Connection, reason: str) -> Path | None:
    """A snapshot (with the accounts' secrets, for putting back by hand) of the lake before it is replaced."""
    return snapshots.snapshot(con, reason=reason, optional=True, with_secrets=True)


def replace_from_file(con: Connection, source: Path) -> dict[str, tuple[int, int]]:
    """Replace every table and view of the lake with those of the store file `source`, in one transaction
    (other processes see the old tables or the new, never a mix); the row count of every table."""
    cur = con.cursor()
    alias = f"flytt_{secrets.token_hex(6)}"
    try:
        name, _ = database(cur)
        identifiers.attach(cur, source, alias)
        try:
            cur.begin()
            try:
                for row in run_rows(cur, "store/objects"):
                    identifiers.drop(cur, str(row["typ"]), str(row["namn"]))
                identifiers.copy_database_from(cur, alias, name)
                cur.commit()
            except BaseException:
                with contextlib.suppress(Error):
                    cur.rollback()
                raise
        finally:
            identifiers.detach(cur, alias)
        return counts(cur)
    finally:
        cur.close()


def counts(con: Connection) -> dict[str, tuple[int, int]]:
    """Rows per table of the open store, with a checksum of every value in them: (rows, checksum)."""
    found = {}
    for name in tables(con):
        row = run_rows(con, "store/table_scan", tabell=name)[0]
        found[name] = (int(row["n"]), int(row["kontroll"] or 0))
    return found


def empty(lake: Lake) -> Path | None:
    """Drop every table of the lake (kept as a snapshot first, which is returned): before a backup is put
    back, after which opening the lake builds it from the backup's journal."""
    con = connect(lake)
    try:
        with held(lake):
            kept = keep(con, "före återställning") if tables(con) else None
            cur = con.cursor()
            try:
                cur.begin()
                try:
                    for row in run_rows(cur, "store/objects"):
                        identifiers.drop(cur, str(row["typ"]), str(row["namn"]))
                    cur.commit()
                except BaseException:
                    with contextlib.suppress(Error):
                        cur.rollback()
                    raise
            finally:
                cur.close()
        return kept
    finally:
        con.close()


# ------------------------------------------------------------------------------------- moving


@dataclass(frozen=True)
class Move:
    """A store moved between the backends: rows per table in the source and in the target."""

    source: str
    target: str
    before: dict[str, tuple[int, int]]  # table -> (rows, checksum of every value)
    after: dict[str, tuple[int, int]]

    @property
    def differences(self) -> list[str]:
        """Tables whose rows or values differ (empty when every row arrived unchanged)."""
        names = sorted(set(self.before) | set(self.after))
        return [t for t in names if self.before.get(t) != self.after.get(t)]

    def lines(self) -> list[str]:
        """The table of counts, one line per table, for the command line."""
        width = max((len(t) for t in self.before | self.after), default=5)
        rows = [f"{'tabell':<{width}}  {'rader före':>10}  {'rader efter':>11}  innehåll"]
        for t in sorted(set(self.before) | set(self.after)):
            old, new = self.before.get(t), self.after.get(t)
            same = "samma" if old == new else "SKILLNAD"
            rows.append(f"{t:<{width}}  {_n(old):>10}  {_n(new):>11}  {same}")
        total_before = sum(n for n, _ in self.before.values())
        total_after = sum(n for n, _ in self.after.values())
        rows.append(f"{'summa':<{width}}  {total_before:>10}  {total_after:>11}")
        return rows


def _n(value: tuple[int, int] | None) -> str:
    return "-" if value is None else str(value[0])


def to_lake(source: Path, lake: Lake, *, replace: bool = False) -> Move:
    """Move the store file `source` (with its edits, accounts and audit) into the lake.

    Refuses a lake that already holds a store unless `replace` (then it is kept as a snapshot first).
    The lake's journal starts a new generation whose base is a copy of the file: nothing in it is lost."""
    if not source.exists():
        raise LakeError(f"Databasfilen {source} finns inte.")
    private_dir(lake.tmp_dir)
    src = connect_read_only(source)  # StoreBusy while the app holds the file
    try:
        cur = src.cursor()
        before = counts(cur)
        cur.close()
        copy = snapshots.snapshot(src, directory=lake.tmp_dir, reason="flytt till ducklake", with_secrets=True)
    finally:
        src.close()
    assert copy is not None
    con = connect(lake)
    try:
        with held(lake):
            if tables(con) and not replace:
                raise LakeError(
                    f"{lake.describe()} har redan en databas. Ange --ersatt för att ersätta den (den sparas "
                    "först som ögonblicksbild)."
                )
            if tables(con):
                keep(con, "före flytt från fil")
            after = replace_from_file(con, copy)
            j = journal_of(lake)
            generation = j.start_from_file(copy, reason=f"flyttad från {source.name}")
            set_position(con, generation, 0)
    finally:
        con.close()
        remove(copy)
    after.pop("journal_position", None)
    before.pop("journal_position", None)
    return Move(str(source), lake.describe(), before, after)


def from_lake(lake: Lake, target: Path) -> Move:
    """Copy the lake (with its edits, accounts and audit) into a new store file `target`; opening the file
    later starts its own journal from it. Refuses an existing file."""
    if target.exists():
        raise LakeError(f"{target} finns redan; välj ett nytt filnamn (inget skrivs över).")
    target.parent.mkdir(parents=True, exist_ok=True)
    con = connect(lake)
    try:
        with held(lake):
            cur = con.cursor()
            before = counts(cur)
            cur.close()
            copy = snapshots.snapshot(con, directory=target.parent, reason="flytt från ducklake", with_secrets=True)
    finally:
        con.close()
    assert copy is not None
    copy.replace(target)
    with_mode(target)
    check = connect_read_only(target)
    try:
        after = counts(check)
    finally:
        check.close()
    after.pop("journal_position", None)
    before.pop("journal_position", None)
    return Move(lake.describe(), str(target), before, after)
