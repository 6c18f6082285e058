"""Connections and bound queries: every statement is a file in queries/, its values bound as `$name`.

`run_query` and `run_rows` load the named statement, check that every parameter it uses is given and
bind only those; nothing here builds SQL text (the few statements that must be, because DuckDB binds no
identifiers or paths, are in `lokalutveckling.store.identifiers`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import duckdb
import pandas as pd

from lokalutveckling.paths import QUERIES_DIR

Connection = duckdb.DuckDBPyConnection
# For modules that must not import duckdb themselves (writes): any database error, and the error a
# transaction gets when another one changed the same row first.
Error = duckdb.Error
TransactionConflict = duckdb.TransactionException
CatalogError = duckdb.CatalogException
_PARAM = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")


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


# The places of the DuckLake stores this process connected to, by their catalog path (store.lake fills it).
_PLACES: dict[str, Path] = {}


def register_place(catalog_path: str, place: Path) -> None:
    """Name the path a DuckLake store's journal and snapshots go by (store.lake, when it connects)."""
    _PLACES[catalog_path] = place


def database(con: Connection) -> tuple[str, Path | None]:
    """The open store's database name and file (None for an in-memory store); for a DuckLake store the
    path its journal and snapshots are named after (`<mapp>/lokalutveckling.duckdb`, never a file)."""
    row = run_rows(con, "store/databas")[0]
    path = row["path"]
    if row["typ"] == "ducklake":
        return str(row["namn"]), _PLACES.get(str(path))
    return str(row["namn"]), Path(str(path)) if path else None


def lake_uri(con: Connection) -> str | None:
    """The catalog path of the open DuckLake store; None for a store file or an in-memory store."""
    row = run_rows(con, "store/databas")[0]
    return str(row["path"]) if row["typ"] == "ducklake" else None


def database_path(con: Connection) -> Path | None:
    """The file of the open store (None for an in-memory store)."""
    return database(con)[1]


def connect(path: Path | str | None = None, *, read_only: bool = True) -> Connection:
    """A connection to the store file, read-only unless asked; None gives an in-memory store."""
    if path is None:
        return duckdb.connect(":memory:")
    return duckdb.connect(str(path), read_only=read_only)


def checkpoint(con: Connection) -> None:
    """Write everything in the .wal file into the store file."""
    con.execute("checkpoint")
