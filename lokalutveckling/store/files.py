"""A store's files on disk: opening one (held by another process? damaged?), moving one aside, its mode;
writing and copying files durably (fsync, then rename into place), readable by their owner only.

DuckDB lets one process hold a store file for writing; `StoreBusy` says what to do when another does.
A damaged file is found by reading every row of every table (`verify`), and is never deleted: it is
moved aside (`aside`) under a name that says why and when.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path

from lokalutveckling.store.sql import Connection, Error, connect, run_rows


class StoreBusy(Exception):
    """Another process holds the store file for writing."""


def is_lock_error(exc: BaseException) -> bool:
    """DuckDB's refusal because another process (or, in one process, another connection with other
    settings) holds the file."""
    text = str(exc).lower()
    return "could not set lock" in text or "conflicting lock" in text or "different configuration" in text


def connect_read_only(path: Path) -> Connection:
    """A read-only connection for a command that only reads; StoreBusy while another process writes."""
    try:
        return connect(path, read_only=True)
    except Error as exc:
        if is_lock_error(exc):
            raise StoreBusy(busy_message()) from None
        raise


def busy_message() -> str:
    return (
        "Databasen används redan av en annan process: en annan instans av appen eller ett kommando som skriver "
        "i den. Bara en process i taget kan skriva i databasen. Stoppa den andra processen (eller vänta tills "
        "kommandot är klart) och försök igen; kommandon som skriver körs medan appen är stoppad, eller i appen."
    )


def verify(con: Connection) -> None:
    """Read every row of every table, so that a damaged block is found now (DuckDB checks each block's
    checksum as it reads it), not later on a page. Raises store.Error."""
    cur = con.cursor()
    try:
        for row in run_rows(cur, "store/tables"):
            run_rows(cur, "store/table_scan", tabell=row["tabell"])
    finally:
        cur.close()


def try_open(path: Path) -> tuple[Connection | None, str | None]:
    """(connection, None) for a healthy store, (None, reason) for a damaged one; StoreBusy when held."""
    try:
        con = connect(path, read_only=False)
    except Error as exc:
        if is_lock_error(exc):
            raise StoreBusy(busy_message()) from None
        return None, str(exc).splitlines()[0]
    try:
        verify(con)
    except Error as exc:
        con.close()
        return None, str(exc).splitlines()[0]
    return con, None


def stamp() -> str:
    """Now, in UTC, as it goes into the name of a file moved aside."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def aside(path: Path, label: str) -> Path:
    """Move a store file (and its .wal) out of the way, keeping it; returns where it went."""
    target = path.with_name(f"{path.stem}-{label}-{stamp()}{path.suffix}")
    os.replace(path, target)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        os.replace(wal, target.with_name(target.name + ".wal"))
    with_mode(target)
    return target


def with_mode(path: Path) -> None:
    """Make a file readable by its owner only (it holds password hashes)."""
    try:
        path.chmod(0o600)
    except OSError:
        pass


def remove(path: Path) -> None:
    """Delete a store file and its .wal."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def private_dir(path: Path) -> None:
    """Make a folder (and its parents) readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        path.chmod(0o700)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(path: Path, data: bytes) -> None:
    """Write a whole file under a temporary name, fsync it, and rename it into place."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def copy_durably(source: Path, target: Path) -> None:
    """Copy a file under a temporary name, fsync it, and rename it into place (owner-only)."""
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    shutil.copyfile(source, tmp)
    tmp.chmod(0o600)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
