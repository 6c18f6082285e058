"""The store: the only module that imports duckdb.

Building reads every seed CSV as text (with its line numbers), runs `queries/build/*.sql` in order
to type and shape it, then `queries/checks/*.sql`; any row a check returns stops the build with a
message naming file, row, column and value. Reading goes through `run_query`, which always binds
values as `$name` parameters; writing goes through `lokalutveckling.writes`, which uses the same.

Opening a store for writing goes through `lokalutveckling.store.recovery.open_store`, which keeps the
store and its journal (`lokalutveckling.store.journal`) in step: a store with entries is never rebuilt
from the seeds alone, and a missing or damaged one is built again from its journal.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from lokalutveckling.paths import BUILD_SQL_DIR, CHECKS_SQL_DIR, QUERIES_DIR, SEED_DIR

Connection = duckdb.DuckDBPyConnection
# For modules that must not import duckdb themselves (writes): any database error, and the error a
# transaction gets when another one changed the same row first.
Error = duckdb.Error
TransactionConflict = duckdb.TransactionException
_PARAM = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")


class SeedError(Exception):
    """The seed data is wrong: `problems` lists each finding as a readable line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Fel i seed-data:\n" + "\n".join(f"- {p}" for p in problems))


class UnknownQueryError(KeyError):
    """A query name that has no file in queries/."""


@functools.cache
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
    sql, bound = _bound(name, params)
    return con.execute(sql, bound).df()


def run_rows(con: Connection, name: str, **params: object) -> list[dict[str, object]]:
    """Like `run_query`, but the rows as dicts of plain Python values (date, int, list, None): for writes."""
    sql, bound = _bound(name, params)
    result = con.execute(sql, bound)
    if result.description is None:
        return []
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def _bound(name: str, params: dict[str, object]) -> tuple[str, dict[str, object]]:
    """The named query's text and the parameters it uses; a missing one is a TypeError."""
    sql = load_sql(name)
    needed = query_params(sql)
    missing = needed - params.keys()
    if missing:
        raise TypeError(f"Frågan {name!r} saknar parametrar: {', '.join(sorted(missing))}")
    return sql, {k: _bindable(params[k]) for k in needed}


def _bindable(value: object) -> object:
    """Tuples and sets (hashable, so they can key Streamlit's cache) bind as DuckDB lists."""
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return value


_READS = frozenset({"SELECT", "EXPLAIN", "PRAGMA", "ATTACH", "DETACH", "TRANSACTION", "CALL"})


@functools.cache
def changes_data(sql: str) -> bool:
    """True when a statement may change the store (anything but reads, attach/detach and calls):
    what the journal records."""
    for statement in duckdb.extract_statements(sql):
        if statement.type.name not in _READS:
            return True
    return False


def quote_path(path: Path) -> str:
    """A file path as a SQL string literal (ATTACH takes no bound parameters)."""
    text = str(path)
    if "\x00" in text:
        raise ValueError("Ogiltig sökväg.")
    return "'" + text.replace("'", "''") + "'"


def attach(cursor: Connection, path: Path, alias: str, *, read_only: bool = True) -> None:
    """Attach a database file under `alias` (an identifier the caller made)."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", alias):
        raise ValueError(f"Ogiltigt namn {alias!r}")
    # Said either way: an attached file takes the mode of the connection unless told (a read-only store
    # would attach a new snapshot file read-only, and fail to create it).
    mode = " (read_only)" if read_only else " (read_write)"
    cursor.execute(f"attach {quote_path(path)} as {alias}{mode}")


def detach(cursor: Connection, alias: str) -> None:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", alias):
        raise ValueError(f"Ogiltigt namn {alias!r}")
    try:
        cursor.execute(f"detach {alias}")
    except duckdb.Error:
        pass


def database_path(con: Connection) -> Path | None:
    """The file of the open store (None for an in-memory store)."""
    row = con.execute(load_sql("import/databas")).fetchone()
    return Path(str(row[1])) if row and row[1] else None


def connect(path: Path | str | None = None, *, read_only: bool = True) -> Connection:
    """A connection to the store file, read-only unless asked; None gives an in-memory store."""
    if path is None:
        return duckdb.connect(":memory:")
    return duckdb.connect(str(path), read_only=read_only)


# ----------------------------------------------------------------------------------------- build


def seed_hash(seed_dir: Path = SEED_DIR, build_dir: Path = BUILD_SQL_DIR, checks_dir: Path = CHECKS_SQL_DIR) -> str:
    """A hash of everything a build reads: the seed CSVs and the build and check SQL."""
    digest = hashlib.sha256()
    files = sorted(seed_dir.glob("*.csv")) + sorted(build_dir.glob("*.sql")) + sorted(checks_dir.glob("*.sql"))
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
        con.register(f"raw_{name}", _read_seed(path))
    try:
        for sql_file in _sql_files(build_dir):
            try:
                con.execute(sql_file.read_text(encoding="utf-8"))
            except duckdb.Error as exc:
                raise SeedError([_explain_build_error(sql_file, exc, seeds)]) from exc
        problems = list(_run_checks(con, checks_dir))
        if problems:
            raise SeedError(problems)
    finally:
        for name in seeds:
            con.unregister(f"raw_{name}")
    con.execute(
        load_sql("build_meta_insert"),
        {
            "seed_hash": seed_hash(seed_dir, build_dir, checks_dir),
            "built_at": built_at or datetime.now(UTC).replace(tzinfo=None),
        },
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


def _run_checks(con: Connection, checks_dir: Path = CHECKS_SQL_DIR) -> Iterable[str]:
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


def _stored_hash(con: Connection) -> str | None:
    try:
        row = con.execute(load_sql("build_meta")).fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def edit_count(con: Connection) -> int:
    """How many changes were made in the app (audit rows); 0 for a store without an audit table."""
    try:
        row = con.execute(load_sql("store_edits")).fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0]) if row else 0


def seeds_newer(con: Connection, seed_dir: Path = SEED_DIR) -> bool:
    """True when the open store was built from other seeds than those in `seed_dir` now."""
    return _stored_hash(con) != seed_hash(seed_dir)
