"""Snapshots of the store, taken before every import and restore, and restoring one (admins only).

**How a snapshot is taken while the app holds the store.** The app keeps one read-write DuckDB
connection open, and DuckDB lets only one process open the file for writing; copying the file's
bytes from outside is unsafe (a write or checkpoint may be under way, and committed data may still
be in the .wal file). So the snapshot is made *through the open connection*: it attaches a new
database file and runs `COPY FROM DATABASE <store> TO <snapshot>`, which copies every table, view,
constraint and row as one transaction sees them. A transaction that is writing at that moment is
not half-copied: the copy shows the store as it was before that transaction committed (or after,
never in between). The new file is written under a temporary name and renamed into place once
DuckDB has closed it, so a listed snapshot is always complete. From the command line (the app not
running) the same is done on a connection of its own.

**Restore** runs through the open connection too: it attaches the snapshot read-only, checks that
its tables and columns are the store's, and in one transaction replaces the rows of every table
with the snapshot's, except `audit` (the log keeps everything that happened, including the
restore) and `anvandare` (accounts are not data: a restore must not revive a removed account or an
old password). A snapshot of the store as it was is taken first, so a restore can be undone.

Snapshots are files `<store>-<UTC time>-<reason>.duckdb` in `snapshots/` beside the store
(data/snapshots/ for the default store; git-ignored). They are never deleted automatically.

ATTACH and COPY FROM DATABASE take no bound parameters (DuckDB's parser wants a literal path and
identifiers), so those few statements are built by `lokalutveckling.store.identifiers`, from a path
this module made and identifiers read from the catalog and checked; everything else is in queries/import/.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from lokalutveckling.domain import TZ, OnChange, User, ValidationError
from lokalutveckling.paths import db_path
from lokalutveckling.store import identifiers, unit_of_work
from lokalutveckling.store.sql import Connection, Error, connect, database, run_rows

KEPT_TABLES = frozenset({"audit", "anvandare", "journal_position", "build_meta"})  # not replaced by a restore
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)(?:-(?P<reason>[a-z0-9-]+))?\.duckdb$")


class SnapshotError(Exception):
    """A snapshot could not be taken or found; the message says why."""


@dataclass(frozen=True)
class Snapshot:
    """One snapshot file: when it was taken (UTC), why, and its size in bytes."""

    path: Path
    tid: datetime
    anledning: str
    storlek: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the snapshot restored, the one taken first, and row counts per table."""

    restored: Path
    before: Path | None
    rows: dict[str, tuple[int, int]]  # table -> (rows before, rows after)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60]


def snapshot_dir(con: Connection) -> Path | None:
    """Where the snapshots of the open store go: `snapshots/` beside its file (None in memory)."""
    cur = con.cursor()
    try:
        _, path = database(cur)
    finally:
        cur.close()
    return path.parent / "snapshots" if path else None


def _open(target: Connection | Path | str, *, read_only: bool) -> tuple[Connection, bool]:
    """A connection for `target` and whether we opened it (and must close it)."""
    if isinstance(target, str | Path):
        path = Path(target)
        if not path.exists():
            raise SnapshotError(f"Databasen {path} finns inte.")
        try:
            return connect(path, read_only=read_only), True
        except Error as exc:
            raise SnapshotError(
                f"Kan inte öppna {path} ({str(exc).splitlines()[0]}). Körs appen? Ta ögonblicksbilden i appen "
                "eller stoppa den först."
            ) from None
    return target, False


def snapshot(
    target: Connection | Path | str,
    *,
    directory: Path | None = None,
    reason: str = "",
    optional: bool = False,
    with_secrets: bool = False,
) -> Path | None:
    """Copy the store (an open connection, or a store file) into a new snapshot file; its path.

    `directory` defaults to `snapshots/` beside the store file. An in-memory store has no such
    folder: SnapshotError, or None when `optional`. The copy holds no password hashes (a restore
    keeps the accounts, so it never needs them) unless `with_secrets` (the journal's own copies);
    file and folder are readable by their owner only.
    """
    con, opened = _open(target, read_only=True)
    try:
        cur = con.cursor()
        try:
            name, path = database(cur)
            folder = directory or (path.parent / "snapshots" if path else None)
            if folder is None:
                if optional:
                    return None
                raise SnapshotError("Databasen finns bara i minnet; ange en mapp för ögonblicksbilden.")
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            folder.chmod(0o700)
            stem = path.stem if path else "minne"
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            label = _slug(reason)
            final = folder / f"{stem}-{stamp}{'-' + label if label else ''}.duckdb"
            temporary = folder / f".{final.name}.{secrets.token_hex(4)}.tmp"
            alias = f"ogonblicksbild_{secrets.token_hex(6)}"
            try:
                identifiers.attach(cur, temporary, alias, read_only=False)
                try:
                    identifiers.copy_database(cur, name, alias)
                    if not with_secrets:
                        # Before the copy is first written to disk, so no hash ever reaches the file.
                        identifiers.blank_password_hashes(cur, alias)
                except BaseException:
                    with contextlib.suppress(Error):
                        cur.rollback()
                    raise
                finally:
                    identifiers.detach(cur, alias)
                temporary.chmod(0o600)
                temporary.replace(final)
            except identifiers.UnsafeName as exc:
                raise SnapshotError(str(exc)) from None
            except Error as exc:
                raise SnapshotError(f"Ögonblicksbilden kunde inte tas: {str(exc).splitlines()[0]}") from None
            finally:
                temporary.unlink(missing_ok=True)
                temporary.with_name(temporary.name + ".wal").unlink(missing_ok=True)
            return final
        finally:
            cur.close()
    finally:
        if opened:
            con.close()


def list_snapshots(directory: Path | None = None) -> list[Snapshot]:
    """The snapshots in `directory` (default: snapshots/ beside the configured store, i.e.
    data/snapshots/), newest first; an empty list when there are none."""
    if directory is None:
        directory = db_path().parent / "snapshots"
    found: list[Snapshot] = []
    if not directory.is_dir():
        return found
    for path in directory.glob("*.duckdb"):
        match = _NAME.match(path.name)
        if not match:
            continue
        tid = datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        reason = (match.group("reason") or "").replace("-", " ")
        found.append(Snapshot(path, tid, reason, path.stat().st_size))
    return sorted(found, key=lambda s: s.tid, reverse=True)


def _structure(cur: Connection, name: str) -> dict[str, list[tuple[str, str]]]:
    tables: dict[str, list[tuple[str, str]]] = {}
    for row in run_rows(cur, "store/databas_kolumner", databas=name):
        tables.setdefault(str(row["tabell"]), []).append((str(row["kolumn"]), str(row["datatyp"])))
    return tables


def restore(
    target: Connection | Path | str,
    chosen: Snapshot | Path | str,
    user: User | None,
    *,
    directory: Path | None = None,
    on_change: OnChange = None,
) -> RestoreResult:
    """Replace the store's data with a snapshot's (admins only), in one transaction.

    `chosen` is a Snapshot, or the name or path of a file in the snapshot folder. The store as it
    was is snapshotted first. The audit log and the accounts are kept (see the module docstring);
    one audit row per table records the restore ('återställning', rows before and after).
    Raises PermissionError, SnapshotError (unknown file), ValidationError (a snapshot whose
    tables or columns differ from the store's).
    """
    con, opened = _open(target, read_only=False)
    try:
        actor = unit_of_work.require_admin(con, user, "återställa en ögonblicksbild")
        folder = directory or snapshot_dir(con)
        source = _snapshot_file(chosen, folder)
        before = snapshot(con, directory=folder, reason=f"före återställning av {source.stem}", optional=True)
        cur = con.cursor()
        alias = f"ogonblicksbild_{secrets.token_hex(6)}"
        try:
            name, _ = database(cur)
            identifiers.attach(cur, source, alias)
            try:
                rows = _replace_tables(con, cur, name, alias, source, actor)
            finally:
                identifiers.detach(cur, alias)
        finally:
            cur.close()
    finally:
        if opened:
            con.close()
    unit_of_work.notify(on_change)
    return RestoreResult(source, before, rows)


def _snapshot_file(chosen: Snapshot | Path | str, folder: Path | None) -> Path:
    """The snapshot file asked for; only files named like snapshots, in the snapshot folder."""
    path = chosen.path if isinstance(chosen, Snapshot) else Path(chosen)
    if folder is not None and not path.is_absolute() and path.parent == Path("."):
        path = folder / path
    if not _NAME.match(path.name) or not path.is_file():
        raise SnapshotError(f"Ögonblicksbilden {path.name} finns inte.")
    if folder is not None and path.resolve().parent != folder.resolve():
        raise SnapshotError(f"{path.name} ligger inte bland ögonblicksbilderna i {folder}.")
    return path


def _replace_tables(
    con: Connection, cur: Connection, name: str, alias: str, source: Path, actor: User
) -> dict[str, tuple[int, int]]:
    ours = _structure(cur, name)
    theirs = _structure(cur, alias)
    differences = []
    for table in sorted(set(ours) | set(theirs)):
        if table in KEPT_TABLES:
            continue
        if table not in theirs:
            differences.append(f"tabellen {table} saknas i ögonblicksbilden")
        elif table not in ours:
            differences.append(f"tabellen {table} finns bara i ögonblicksbilden")
        elif ours[table] != theirs[table]:
            differences.append(f"tabellen {table} har andra kolumner")
    if differences:
        raise ValidationError(
            [
                (
                    "ogonblicksbild",
                    f"Ögonblicksbilden {source.name} har inte samma tabeller och kolumner som databasen "
                    f"({'; '.join(differences)}); den kan inte återställas med den här versionen.",
                )
            ]
        )
    tables = [t for t in sorted(ours) if t not in KEPT_TABLES]
    counts: dict[str, tuple[int, int]] = {}
    taken = _taken_at(source)
    note = f"återställd från ögonblicksbilden {source.name}; ändringar gjorda efter {taken} ångrades"
    # Tables named without their database, so that the journal's copy of these statements can be
    # replayed on a store file of another name; the snapshot file is kept with the journal entry.
    with unit_of_work.transaction(con, bilagor={alias: source}) as tx:
        w = unit_of_work.Work(tx, actor)
        changed = _insatser_changed(tx, alias) if "insatser" in tables else []
        # Versions only move forward: every restored insats, uppdrag and krav gets a version above any it had,
        # so an edit form opened before the restore is refused as a conflict instead of overwriting the restored row.
        bump = int(run_rows(tx, "store/insats_hogsta_version")[0]["version"]) + 1
        for table in tables:
            before = _count(tx, table)
            try:
                identifiers.replace_rows(tx, table, alias)
            except identifiers.UnsafeName as exc:
                raise SnapshotError(str(exc)) from None
            counts[table] = (before, _count(tx, table))
        for table, query in _VERSIONED.items():
            if table in tables:
                run_rows(tx, query, steg=bump)
        if changed:  # each insats the restore changed shows the restore in its history
            unit_of_work.audit_rows(
                tx, actor, "återställning", [("insatser", i, None, None, None) for i in changed], note, tid=w.now
            )
        for table, (n_before, n_after) in counts.items():
            w.audit(
                "återställning",
                table,
                source.name,
                None,
                f"{n_before} rader",
                f"{n_after} rader",
                f"återställd från ögonblicksbilden {source.name}",
            )
    return counts


# The tables whose rows editors save against a version, and the statement that moves their versions forward.
_VERSIONED = {
    "insatser": "store/insatser_version_fram",
    "uppdrag": "store/uppdrag_version_fram",
    "aterrapporteringskrav": "store/krav_version_fram",
}

# The tables that hold an insats's own rows: a difference in any of them changes that insats.
_INSATS_TABLES = (
    "insatser",
    "insats_fokusomraden",
    "insats_omraden",
    "insats_partner",
    "insats_malindikatorer",
    "uppfoljningar",
    "statushistorik",
)


def _insatser_changed(cur: Connection, alias: str) -> list[str]:
    """The insatser whose rows differ between the store and the attached snapshot (either way)."""
    found: set[str] = set()
    for table in _INSATS_TABLES:
        query = "store/insatser_skiljer" if table == "insatser" else "store/insats_rader_skiljer"
        theirs = f"{alias}.main.{table}"
        for a, b in ((table, theirs), (theirs, table)):
            found.update(str(r["insats_id"]) for r in run_rows(cur, query, a=a, b=b))
    return sorted(found)


def _taken_at(path: Path) -> str:
    """When a snapshot was taken, in Malmö's time, from its file name."""
    match = _NAME.match(path.name)
    if not match:
        return "?"
    tid = datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    return tid.astimezone(ZoneInfo(TZ)).strftime("%Y-%m-%d %H:%M")


def undone_by(
    con: Connection, chosen: Snapshot | Path | str, *, directory: Path | None = None
) -> list[dict[str, object]]:
    """What restoring `chosen` would undo: the changes logged after the snapshot was taken (its own audit
    log is the line), newest first, one row per change (time, who, what, table, row, field count).
    Account changes are not listed: a restore keeps the accounts."""
    folder = directory or snapshot_dir(con)
    source = _snapshot_file(chosen, folder)
    cur = con.cursor()
    alias = f"ogonblicksbild_{secrets.token_hex(6)}"
    try:
        identifiers.attach(cur, source, alias)
        try:
            last = int(run_rows(cur, "store/audit_hogsta", tabell=f"{alias}.main.audit")[0]["audit_id"])
            return run_rows(cur, "store/audit_efter", audit_id=last)
        finally:
            identifiers.detach(cur, alias)
    finally:
        cur.close()


def _count(cur: Connection, table: str) -> int:
    return int(run_rows(cur, "store/tabell_antal", tabell=table)[0]["n"])


# ------------------------------------------------------------------------------ daily snapshots

DAILY_REASON = "daglig"
KEEP_DAYS = 7  # the newest daily snapshot of each of the last 7 days that have one
KEEP_WEEKS = 8  # and the newest of each of the last 8 ISO weeks that have one


def daily(con: Connection, *, directory: Path | None = None, now: datetime | None = None) -> Path | None:
    """Take today's daily snapshot if there is none yet, then thin the daily ones out (`prune`).

    Returns the new snapshot, or None when today's was already taken (or the store is in memory).
    Snapshots taken before imports, restores and removals are never deleted automatically.
    """
    folder = directory or snapshot_dir(con)
    if folder is None:
        return None
    today = (now or datetime.now(UTC)).astimezone(ZoneInfo(TZ)).date()
    taken = [s for s in list_snapshots(folder) if s.anledning == DAILY_REASON]
    new = None
    if not any(s.tid.astimezone(ZoneInfo(TZ)).date() == today for s in taken):
        new = snapshot(con, directory=folder, reason=DAILY_REASON)
    prune(folder)
    return new


def prune(folder: Path) -> list[Path]:
    """Delete the daily snapshots outside the retention: keep the newest of each of the last KEEP_DAYS
    days and of each of the last KEEP_WEEKS ISO weeks that have one; returns what was deleted."""
    local = ZoneInfo(TZ)
    taken = [s for s in list_snapshots(folder) if s.anledning == DAILY_REASON]  # newest first
    keep: set[Path] = set()
    days: list[object] = []
    weeks: list[object] = []
    for s in taken:
        day = s.tid.astimezone(local).date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAYS:
            days.append(day)
            keep.add(s.path)
        if week not in weeks and len(weeks) < KEEP_WEEKS:
            weeks.append(week)
            keep.add(s.path)
    deleted = []
    for s in taken:
        if s.path not in keep:
            s.path.unlink(missing_ok=True)
            deleted.append(s.path)
    return deleted
