"""The store: the only package that imports duckdb.

- `sql`: connections and bound queries (`load_sql`, `run_query`, `run_rows`, `connect`).
- `identifiers`: the few statements built as text, because DuckDB binds no names or paths (attach, copy).
- `builder`: the seeds read as text, shaped by `queries/build/`, checked by `queries/checks/`.
- `journal`, `unit_of_work`: every write in one transaction, journaled, audited, announced.
- `snapshots`: copies of the store taken through the open connection, and restoring one.
- `files`, `rebuild`, `backup`, `recovery`: a store's files on disk, building one from its journal, a
  backup, and opening the store so that nothing saved is lost (`recovery.open_store`): a store with
  entries is never rebuilt from the seeds alone, and a missing or damaged one is built again from its
  journal.
- `exempeldata`: removing the exempeldata rows (admins only, after a snapshot).
- `cache`: the app's one cached connection and its cached queries.

This module re-exports the names callers use as `store.<name>`.
"""

from __future__ import annotations

from lokalutveckling.store.builder import (
    SeedError,
    build,
    build_file,
    edit_count,
    read_seed,
    run_checks,
    seed_hash,
    seeds_newer,
    stored_hash,
)
from lokalutveckling.store.identifiers import attach, detach, quote_path
from lokalutveckling.store.sql import (
    CatalogError,
    Connection,
    Error,
    TransactionConflict,
    UnknownQueryError,
    changes_data,
    checkpoint,
    connect,
    database,
    database_path,
    load_sql,
    query_params,
    run_query,
    run_rows,
)

__all__ = [
    "CatalogError",
    "Connection",
    "Error",
    "SeedError",
    "TransactionConflict",
    "UnknownQueryError",
    "attach",
    "build",
    "build_file",
    "changes_data",
    "checkpoint",
    "connect",
    "database",
    "database_path",
    "detach",
    "edit_count",
    "load_sql",
    "query_params",
    "quote_path",
    "read_seed",
    "run_checks",
    "run_query",
    "run_rows",
    "seed_hash",
    "seeds_newer",
    "stored_hash",
]
