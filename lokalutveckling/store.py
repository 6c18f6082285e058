"""The store: the only module that imports duckdb.

Building reads every seed CSV as text (with its line numbers), runs `queries/build/*.sql` in order
to type and shape it, then `queries/checks/*.sql`; any row a check returns stops the build with a
message naming file, row, column and value. Reading goes through `run_query`, which always binds
values as `$name` parameters.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from lokalutveckling.paths import BUILD_SQL_DIR, CHECKS_SQL_DIR, QUERIES_DIR, SEED_DIR

Connection = duckdb.DuckDBPyConnection
_PARAM = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")


class SeedError(Exception):
    """The seed data is wrong: `problems` lists each finding as a readable line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Fel i seed-data:\n" + "\n".join(f"- {p}" for p in problems))


class UnknownQueryError(KeyError):
    """A query name that has no file in queries/."""


@cache
def load_sql(name: str) -> str:
    """The text of `queries/<name>.sql`; an unknown name raises UnknownQueryError."""
    path = QUERIES_DIR / f"{name}.sql"
    if not re.fullmatch(r"[a-z0-9_]+(/[a-z0-9_]+)?", name) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.sql")))
        raise UnknownQueryError(f"Okänd fråga {name!r}. Kända frågor: {known}")
    return path.read_text(encoding="utf-8")


def query_params(sql: str) -> set[str]:
    """The `$name` parameters a statement uses (comments ignored)."""
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return set(_PARAM.findall(without_comments))


def run_query(con: Connection, name: str, **params: object) -> pd.DataFrame:
    """Run the named query with bound parameters; extra parameters are ignored, missing ones are an error."""
    sql = load_sql(name)
    needed = query_params(sql)
    missing = needed - params.keys()
    if missing:
        raise TypeError(f"Frågan {name!r} saknar parametrar: {', '.join(sorted(missing))}")
    bound = {k: _bindable(params[k]) for k in needed}
    return con.execute(sql, bound).df()


def _bindable(value: object) -> object:
    """Tuples and sets (hashable, so they can key Streamlit's cache) bind as DuckDB lists."""
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return value


def connect(path: Path | str | None = None, *, read_only: bool = True) -> Connection:
    """A connection to the store file, read-only unless asked; None gives an in-memory store."""
    if path is None:
        return duckdb.connect(":memory:")
    return duckdb.connect(str(path), read_only=read_only)


# ----------------------------------------------------------------------------------------- build


def seed_hash(seed_dir: Path = SEED_DIR) -> str:
    """A hash of everything a build reads: the seed CSVs and the build and check SQL."""
    digest = hashlib.sha256()
    files = sorted(seed_dir.glob("*.csv")) + sorted(BUILD_SQL_DIR.glob("*.sql")) + sorted(CHECKS_SQL_DIR.glob("*.sql"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_seed(path: Path) -> pd.DataFrame:
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


def build(con: Connection, seed_dir: Path = SEED_DIR) -> dict[str, int]:
    """Build the whole store in `con` from `seed_dir`; return row counts per table.

    Raises SeedError (naming file, row, column and value) when a check finds wrong seed data.
    """
    seeds = {p.stem: p for p in sorted(seed_dir.glob("*.csv"))}
    for name, path in seeds.items():
        con.register(f"raw_{name}", _read_seed(path))
    try:
        for sql_file in _sql_files(BUILD_SQL_DIR):
            try:
                con.execute(sql_file.read_text(encoding="utf-8"))
            except duckdb.Error as exc:
                raise SeedError([_explain_build_error(sql_file, exc, seeds)]) from exc
        problems = list(_run_checks(con))
        if problems:
            raise SeedError(problems)
    finally:
        for name in seeds:
            con.unregister(f"raw_{name}")
    con.execute(
        load_sql("build_meta_insert"),
        {"seed_hash": seed_hash(seed_dir), "built_at": datetime.now(UTC).replace(tzinfo=None)},
    )
    return dict(con.execute(load_sql("table_counts")).fetchall())


def _explain_build_error(sql_file: Path, exc: duckdb.Error, seeds: dict[str, Path]) -> str:
    """A build step failed: name the step and the seed file it reads."""
    text = sql_file.read_text(encoding="utf-8")
    read = sorted({m for m in re.findall(r"\braw_([a-z_]+)", text)})
    missing = [f"{name}.csv" for name in read if name not in seeds]
    if missing:
        return f"{', '.join(missing)} saknas i {SEED_DIR.name}/ (behövs av queries/build/{sql_file.name})"
    files = ", ".join(f"{name}.csv" for name in read) or "-"
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"queries/build/{sql_file.name} (läser {files}): {first_line}"


def _run_checks(con: Connection) -> Iterable[str]:
    """Every row returned by a check is one problem: fil, rad, kolumn, varde, fel."""
    for sql_file in _sql_files(CHECKS_SQL_DIR):
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
        con = duckdb.connect(str(tmp))
        try:
            build(con, seed_dir)
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    return db_path


def stored_seed_hash(db_path: Path) -> str | None:
    """The seed hash recorded in a built store, or None if the file is missing or unreadable."""
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute(load_sql("build_meta")).fetchone()
        return row[0] if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


def ensure_built(db_path: Path, seed_dir: Path = SEED_DIR) -> bool:
    """Build the store if it is missing or older than the seeds; True if it was built now."""
    if stored_seed_hash(db_path) == seed_hash(seed_dir):
        return False
    build_file(db_path, seed_dir)
    return True


def main() -> None:
    """Command line: build the store (`python -m lokalutveckling.store [path]`)."""
    import sys

    from lokalutveckling.paths import db_path

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else db_path()
    try:
        build_file(target)
    except SeedError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(1) from None
    con = connect(target)
    counts = con.execute(load_sql("table_counts")).fetchall()
    con.close()
    print(f"Byggde {target}")
    for table, count in counts:
        print(f"  {table}: {count} rader")


if __name__ == "__main__":
    main()
