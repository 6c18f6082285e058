"""DuckLake: the store's second backend, for installations with several processes.

The embedded DuckDB file is the default: one process holds it for writing. A DuckLake store keeps its
catalog in PostgreSQL (many readers and writers, transactions, the backups city IT already runs) and its
data as Parquet files in a folder every process can reach; DuckDB stays the query engine, so every
statement in `queries/` runs on both. What differs lives here and in `lake_recovery`:

- **Configuration**: `LOKALUTVECKLING_DUCKLAKE` (a libpq connection string of the catalog database,
  `host=… port=… dbname=… user=… password=…`) and `LOKALUTVECKLING_DUCKLAKE_MAPP` (the shared folder),
  or `[ducklake]` `katalog` and `mapp` in `.streamlit/secrets.toml`. The folder holds `data/` (the
  Parquet files), `journal/`, `snapshots/` and the write lock.
- **Connecting**: the DuckLake and PostgreSQL extensions come from PyPI's `duckdb-extension-*` packages
  (no download at run time); the lake is opened as the connection's main database, so every cursor on it
  reads and writes the lake without naming it.
- **One writer at a time, across processes** (`write_lock`): new ids are the highest in use plus one and
  every write appends to the journal, so writers take a lock on a file in the shared folder; within a
  process `unit_of_work.WRITE_LOCK` still orders the threads.
- **Its place**: the journal and the snapshots are named after `<mapp>/lokalutveckling.duckdb`, a path
  that is never a file (`sql.database` gives it), so they work on a lake through the same code.
- **Following other processes** (`version`): the lake's snapshot id changes with every commit, by any
  process; the app compares it on every run and drops its caches when it moved.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import importlib.util
import os
import re
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from lokalutveckling.paths import db_path
from lokalutveckling.store import identifiers, sql
from lokalutveckling.store.files import private_dir
from lokalutveckling.store.sql import Connection, run_rows

ENV_CATALOG = "LOKALUTVECKLING_DUCKLAKE"
ENV_FOLDER = "LOKALUTVECKLING_DUCKLAKE_MAPP"
PLACE = "lokalutveckling.duckdb"  # the name journal and snapshots go by; never a file
EXTENSIONS = (
    ("duckdb_extension_postgres", "postgres", "postgres_scanner"),
    ("duckdb_extension_ducklake", "ducklake", "ducklake"),
)


class LakeError(Exception):
    """The DuckLake store cannot be reached or set up; the message says what and where."""


@dataclass(frozen=True)
class Lake:
    """A configured DuckLake store: the catalog's PostgreSQL connection string and the shared folder."""

    catalog: str
    folder: Path

    @property
    def uri(self) -> str:
        """What DuckDB opens (and `duckdb_databases().path` shows)."""
        return f"ducklake:postgres:{self.catalog}"

    @property
    def catalog_path(self) -> str:
        """The lake's path as the catalog names it (`duckdb_databases().path`)."""
        return f"postgres:{self.catalog}"

    @property
    def data_path(self) -> Path:
        return self.folder / "data"

    @property
    def place(self) -> Path:
        """The path the journal (`<mapp>/lokalutveckling.journal/`) and snapshots (`<mapp>/snapshots/`) are
        named after, as for a store file in that folder."""
        return self.folder / PLACE

    @property
    def lock_path(self) -> Path:
        return self.folder / "skrivlas"

    @property
    def tmp_dir(self) -> Path:
        return self.folder / "tmp"

    def __str__(self) -> str:  # how commands and messages name it: never with its password
        return self.describe()

    def describe(self) -> str:
        """The catalog and folder as the app and the commands name them: without the password."""
        shown = re.sub(r"(password\s*=\s*)(\S+)", r"\1***", self.catalog)
        shown = re.sub(r"(://[^:/@]+:)([^@]+)(@)", r"\1***\3", shown)
        return f"DuckLake (katalog: {shown}; data: {self.data_path})"


def configured(secrets: Mapping[str, object] | None = None) -> Lake | None:
    """The configured DuckLake store (environment first, then the secrets' `[ducklake]`), or None."""
    catalog = os.environ.get(ENV_CATALOG, "").strip()
    folder = os.environ.get(ENV_FOLDER, "").strip()
    section = (secrets or {}).get("ducklake")
    if not catalog and isinstance(section, Mapping):
        catalog = str(section.get("katalog") or "").strip()
        folder = folder or str(section.get("mapp") or "").strip()
    if not catalog:
        return None
    if not folder:
        raise LakeError(
            f"DuckLake är konfigurerad ({ENV_CATALOG}) men inte mappen för dess data: sätt {ENV_FOLDER} "
            "(eller mapp under [ducklake] i .streamlit/secrets.toml) till en mapp som alla processer når."
        )
    return Lake(catalog, Path(folder))


def target(secrets: Mapping[str, object] | None = None) -> Lake | Path:
    """Where the store is: the configured DuckLake store, else the store file (`paths.db_path`)."""
    return configured(secrets) or db_path()


# ------------------------------------------------------------------------------------- connecting


def extension_dir() -> Path:
    """DuckDB's extension folder for the lake: the extensions from the pinned PyPI packages, installed once
    per machine into the user's cache (DuckDB loads an extension by its file name)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "lokalutveckling" / f"duckdb-{duckdb.__version__}-extensions"


@functools.cache
def _installed() -> Path:
    folder = extension_dir()
    staging = folder / "paket"
    private_dir(staging)
    con = duckdb.connect(config={"extension_directory": str(folder), "autoinstall_known_extensions": False})
    try:
        for package, shipped, name in EXTENSIONS:
            spec = importlib.util.find_spec(package)
            if spec is None or spec.origin is None:
                raise LakeError(f"Python-paketet {package.replace('_', '-')} saknas (requirements.txt).")
            source = Path(spec.origin).parent / "extensions" / f"v{duckdb.__version__}" / f"{shipped}.duckdb_extension"
            named = staging / f"{name}.duckdb_extension"
            if not named.exists() or named.stat().st_size != source.stat().st_size:
                shutil.copyfile(source, named)
            identifiers.install_extension(con, named)
    finally:
        con.close()
    return folder


def _config() -> dict[str, object]:
    return {"extension_directory": str(_installed()), "autoinstall_known_extensions": False}


def connect(lake: Lake) -> Connection:
    """A read-write connection whose main database is the lake (set up in the catalog on first use); a
    command that only reads uses one too, since a lake serves many processes."""
    private_dir(lake.data_path)
    try:
        con = duckdb.connect(lake.uri, config=_config())
    except duckdb.Error as exc:
        if not _missing_catalog(exc):
            raise LakeError(f"{lake.describe()} kan inte öppnas: {str(exc).splitlines()[0]}") from None
        _create(lake)
        con = duckdb.connect(lake.uri, config=_config())
    _known[lake.catalog_path] = lake
    sql.register_place(lake.catalog_path, lake.place)
    return con


def _missing_catalog(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return "data_path" in text or "data path" in text


def _create(lake: Lake) -> None:
    """Set up a new lake's catalog tables in PostgreSQL, with its data folder."""
    con = duckdb.connect(config=_config())
    try:
        identifiers.attach_new_lake(con, lake.uri, lake.data_path, "ny_lake")
        identifiers.detach(con, "ny_lake")
    except duckdb.Error as exc:
        raise LakeError(f"{lake.describe()} kan inte skapas: {str(exc).splitlines()[0]}") from None
    finally:
        con.close()


# The lakes this process connected to, by their uri (what the catalog says a connection's database is).
_known: dict[str, Lake] = {}


def lake_of(con: Connection) -> Lake | None:
    """The lake `con` is connected to, or None for a store file (or an in-memory store)."""
    if not _known:
        return None
    uri = sql.lake_uri(con)
    return _known.get(uri) if uri else None


@contextlib.contextmanager
def write_lock(con: Connection) -> Iterator[None]:
    """For a lake: hold the shared folder's write lock (every process's writers wait for each other).
    For a store file: nothing (DuckDB lets one process write it, `unit_of_work.WRITE_LOCK` orders threads)."""
    lake = lake_of(con)
    if lake is None:
        yield
        return
    with held(lake):
        yield


@contextlib.contextmanager
def held(lake: Lake) -> Iterator[None]:
    """The lake's write lock, for writers that do more than one transaction (building, migrating)."""
    private_dir(lake.folder)
    fd = os.open(lake.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def version(con: Connection) -> int | None:
    """The lake's current snapshot id (it changes with every commit, by any process); None for a file."""
    if lake_of(con) is None:
        return None
    cur = con.cursor()
    try:
        return int(run_rows(cur, "store/lake_version")[0]["id"])
    finally:
        cur.close()
