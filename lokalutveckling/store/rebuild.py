"""Building a store file from a journal generation: its base (seeds or a file) and its entries, in order.

A store's journal position (`journal_position`: its generation and the number of the last entry it
holds) is written in the same transaction as each entry, so a store and its journal can always be
compared. A new store file is built under a temporary name and renamed into place.
"""

from __future__ import annotations

import os
import secrets
import shutil
from datetime import datetime
from pathlib import Path

from lokalutveckling.paths import SEED_DIR
from lokalutveckling.store import files, journal, snapshots
from lokalutveckling.store.builder import build, build_file
from lokalutveckling.store.files import with_mode
from lokalutveckling.store.journal import Journal, JournalError
from lokalutveckling.store.outcome import Action, Report
from lokalutveckling.store.sql import Connection, Error, checkpoint, connect, load_sql, run_rows


def position(con: Connection) -> tuple[str | None, int]:
    """The journal generation the store belongs to and the number of the last entry it holds."""
    cur = con.cursor()
    try:
        try:
            rows = run_rows(cur, "store/journal_position")
        except Error:
            cur.execute(load_sql("build/19_journal_position"))
            rows = run_rows(cur, "store/journal_position")
    finally:
        cur.close()
    if not rows:
        return None, 0
    return (str(rows[0]["generation"]) if rows[0]["generation"] else None), int(rows[0]["n"])


def set_position(con: Connection, generation: str, n: int) -> None:
    cur = con.cursor()
    try:
        run_rows(cur, "store/journal_position_set", generation=generation, n=n)
    finally:
        cur.close()


def build_fresh(path: Path, j: Journal, seed_dir: Path = SEED_DIR, *, reason: str = "") -> Connection:
    """Build the store from the seeds and start a journal generation whose base is those seeds."""
    build_file(path, seed_dir)
    con = connect(path, read_only=False)
    cur = con.cursor()
    try:
        meta = run_rows(cur, "store/build_meta")[0]
    finally:
        cur.close()
    generation = j.start_from_seeds(str(meta["seed_hash"]), meta["built_at"], seed_dir, reason=reason)
    set_position(con, generation, 0)
    checkpoint(con)
    with_mode(path)
    return con


def adopt(con: Connection, path: Path, j: Journal, *, reason: str) -> str:
    """Start a journal generation from a consistent copy of the open store (nothing may write meanwhile)."""
    folder = j.root / "tmp"
    files.private_dir(folder)
    copy = snapshots.snapshot(con, directory=folder, reason="journalbas", with_secrets=True)
    assert copy is not None
    try:
        generation = j.start_from_file(copy, reason=reason)
    finally:
        copy.unlink(missing_ok=True)
    set_position(con, generation, 0)
    return generation


def rebuild_from_journal(path: Path, j: Journal, generation: str, reading: journal.Reading) -> int:
    """Build the store again from the generation's base and its entries, in a temporary file that is
    renamed to `path`; returns the number of entries applied. The caller moved any old file aside."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.aterskapas")
    try:
        con = build_base(tmp, j, generation)
        try:
            applied = apply_entries(con, j, generation, reading, after=0)
            checkpoint(con)
        finally:
            con.close()
        with_mode(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    return applied


def build_base(target: Path, j: Journal, generation: str) -> Connection:
    """A store file at `target` holding exactly the generation's base, at journal position 0."""
    base = j.base(generation)
    if base.get("typ") == "seed":
        folder = j.root / generation / "bas"
        con = connect(target, read_only=False)
        try:
            build(
                con,
                folder / "seed",
                build_dir=folder / "build",
                checks_dir=folder / "checks",
                built_at=datetime.fromisoformat(str(base["built_at"])),
            )
        except BaseException:
            con.close()
            raise
    elif base.get("typ") == "fil":
        blob = j.blob_path(str(base["bilaga"]))
        if not blob.exists():
            raise JournalError(f"Journalens bas {blob.name} saknas i {blob.parent}.")
        shutil.copyfile(blob, target)
        con = connect(target, read_only=False)
    else:
        raise JournalError(f"Okänd bas i journalen: {base!r}")
    set_position(con, generation, 0)
    return con


def apply_entries(con: Connection, j: Journal, generation: str, reading: journal.Reading, *, after: int) -> int:
    """Apply the effective entries numbered above `after`, each in its own transaction, and leave the
    store at the journal's last line number; returns how many were applied."""
    applied = 0
    for entry in reading.effective():
        if entry.n <= after:
            continue
        cur = con.cursor()
        try:
            journal.apply(cur, entry, j, generation)
        except Error as exc:
            raise JournalError(
                f"Ändring {entry.n} i journalen ({entry.tid}) kunde inte läggas på: {str(exc).splitlines()[0]}"
            ) from exc
        finally:
            cur.close()
        applied += 1
    if reading.last_n > after:
        set_position(con, generation, reading.last_n)
    return applied


def catch_up(
    con: Connection, place: Path, j: Journal, generation: str, reading: journal.Reading, n: int, report: Report
) -> None:
    """A store at the journal's generation, holding entries up to `n`: apply the entries it lacks (rolled
    forward), or, when it is ahead of its journal, start a new generation from it as it is (adopted)."""
    if n < reading.last_n:
        report.entries_applied = apply_entries(con, j, generation, reading, after=n)
        report.action = Action.ROLLED_FORWARD
    elif n > reading.last_n:
        report.journal_problems.append(
            f"Journalen slutade vid ändring {reading.last_n} men databasen hade {n}; en ny journal började "
            "från databasen som den är."
        )
        adopt(con, place, j, reason=f"journalen slutade vid {reading.last_n}, databasen vid {n}")
        report.action = Action.ADOPTED
