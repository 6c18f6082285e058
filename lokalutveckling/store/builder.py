"""The build: seed CSVs read as text, shaped by `queries/build/*.sql`, checked by `queries/checks/*.sql`.

Every seed CSV is read as text with its line numbers, the build SQL runs in order to type and shape it,
then the checks; any row a check returns stops the build with a message naming file, row, column and
value. Building a file goes to a temporary path renamed into place, so a reader never sees half a store.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from lokalutveckling.paths import BUILD_SQL_DIR, CHECKS_SQL_DIR, SEED_DIR
from lokalutveckling.store.sql import CatalogError, Connection, Error, checkpoint, connect, load_sql


class SeedError(Exception):
    """The seed data is wrong: `problems` lists each finding as a readable line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Fel i seed-data:\n" + "\n".join(f"- {p}" for p in problems))


def seed_hash(seed_dir: Path = SEED_DIR, build_dir: Path = BUILD_SQL_DIR, checks_dir: Path = CHECKS_SQL_DIR) -> str:
    """A hash of everything a build reads: the seed CSVs and the build and check SQL."""
    digest = hashlib.sha256()
    files = sorted(seed_dir.glob("*.csv")) + sorted(build_dir.glob("*.sql")) + sorted(checks_dir.glob("*.sql"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_seed(path: Path) -> pd.DataFrame:
    """A seed CSV as text columns plus `_rad`, the line number of each record in the file."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            raise SeedError([f"{path.name}: filen är tom (rubrikraden saknas)"]) from None
        rows, lines = [], []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise SeedError(
                    [f"{path.name}, rad {reader.line_num}: {len(record)} kolumner, rubrikraden har {len(header)}"]
                )
            rows.append([cell.strip() for cell in record])
            lines.append(reader.line_num)
    frame = pd.DataFrame(rows, columns=[h.strip() for h in header], dtype="string")
    frame["_rad"] = pd.Series(lines, dtype="int64")
    return frame


def _sql_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.sql"))


def build(
    con: Connection,
    seed_dir: Path = SEED_DIR,
    *,
    build_dir: Path = BUILD_SQL_DIR,
    checks_dir: Path = CHECKS_SQL_DIR,
    built_at: datetime | None = None,
) -> dict[str, int]:
    """Build the whole store in `con` from `seed_dir`; return row counts per table.

    `build_dir`, `checks_dir` and `built_at` are given when a store is built again from a journal's
    copy of the seeds, so that it is the same store as the one built then.
    Raises SeedError (naming file, row, column and value) when a check finds wrong seed data.
    """
    seeds = {p.stem: p for p in sorted(seed_dir.glob("*.csv"))}
    for name, path in seeds.items():
        con.register(f"raw_{name}", read_seed(path))
    try:
        for sql_file in _sql_files(build_dir):
            try:
                con.execute(sql_file.read_text(encoding="utf-8"))
            except Error as exc:
                raise SeedError([_explain_build_error(sql_file, exc, seeds)]) from exc
        problems = list(run_checks(con, checks_dir))
        if problems:
            raise SeedError(problems)
    finally:
        for name in seeds:
            con.unregister(f"raw_{name}")
    con.execute(
        load_sql("store/build_meta_insert"),
        {
            "seed_hash": seed_hash(seed_dir, build_dir, checks_dir),
            "built_at": built_at or datetime.now(UTC).replace(tzinfo=None),
        },
    )
    return dict(con.execute(load_sql("store/table_counts")).fetchall())


def _explain_build_error(sql_file: Path, exc: Error, seeds: dict[str, Path]) -> str:
    """A build step failed: name the step and the seed file it reads."""
    text = sql_file.read_text(encoding="utf-8")
    read = sorted({m for m in re.findall(r"\braw_([a-z_]+)", text)})
    missing = [f"{name}.csv" for name in read if name not in seeds]
    if missing:
        return f"{', '.join(missing)} saknas i {SEED_DIR.name}/ (behövs av queries/build/{sql_file.name})"
    files = ", ".join(f"{name}.csv" for name in read) or "-"
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"queries/build/{sql_file.name} (läser {files}): {first_line}"


def run_checks(con: Connection, checks_dir: Path = CHECKS_SQL_DIR) -> Iterable[str]:
    """Every row returned by a check is one problem: fil, rad, kolumn, varde, fel."""
    for sql_file in _sql_files(checks_dir):
        rows = con.execute(sql_file.read_text(encoding="utf-8")).fetchall()
        for fil, rad, kolumn, varde, fel in rows:
            where = f"{fil}, rad {rad}" if rad is not None else fil
            shown = "tomt" if varde in (None, "") else repr(varde)
            yield f"{where}, kolumn {kolumn}: {fel} (värde: {shown}) [kontroll {sql_file.stem}]"


def build_file(db_path: Path, seed_dir: Path = SEED_DIR) -> Path:
    """Build into a temporary file beside `db_path`, then rename it into place atomically."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = connect(tmp, read_only=False)
        try:
            build(con, seed_dir)
            checkpoint(con)
        finally:
            con.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    return db_path


def stored_hash(con: Connection) -> str | None:
    """The seed hash the open store was built from (None for a store without build metadata)."""
    try:
        row = con.execute(load_sql("store/build_meta")).fetchone()
    except Error:
        return None
    return row[0] if row else None


def edit_count(con: Connection) -> int:
    """How many changes were made in the app (audit rows); 0 for a store without an audit table."""
    try:
        row = con.execute(load_sql("store/store_edits")).fetchone()
    except CatalogError:
        return 0
    return int(row[0]) if row else 0


def seeds_newer(con: Connection, seed_dir: Path = SEED_DIR) -> bool:
    """True when the open store was built from other seeds than those in `seed_dir` now."""
    return stored_hash(con) != seed_hash(seed_dir)
