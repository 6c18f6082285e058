"""The only statements built as text: those that name a file or a table, which DuckDB binds no parameter for.

ATTACH wants a literal path, and COPY FROM DATABASE, DELETE FROM and INSERT INTO want identifiers; every
value in them is still bound. Each function here takes only names checked against a strict pattern (an
alias the caller made, a name read from the catalog) and paths quoted as SQL strings, and builds its one
statement from a fixed template. Nothing else in the package puts a name or path into SQL text.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from lokalutveckling.store.sql import Connection, Error

ALIAS = re.compile(r"[a-z_][a-z0-9_]*")  # an attached database's alias: made by the caller
CATALOG_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # a database or table name read from the catalog
# The name DuckDB gives a DuckLake store opened as the main database: from its catalog's connection string
# ("postgres:host=127" for host=127.0.0.1 …).
DATABASE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_:=. -]*")


class UnsafeName(ValueError):
    """A name or path that cannot be put into a statement safely."""


def check_alias(alias: str) -> str:
    """`alias`, if it is a plain lowercase identifier; UnsafeName otherwise."""
    if not ALIAS.fullmatch(alias):
        raise UnsafeName(f"Ogiltigt namn {alias!r}")
    return alias


def quote_ident(name: str) -> str:
    """A catalog name as a quoted SQL identifier; UnsafeName for anything but letters, digits, _ and -."""
    if not CATALOG_NAME.fullmatch(name):
        raise UnsafeName(f"Oväntat namn i databasen: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def quote_database(name: str) -> str:
    """A database name read from the catalog as a quoted identifier (a DuckLake store's has : = . and spaces)."""
    if not DATABASE_NAME.fullmatch(name):
        raise UnsafeName(f"Oväntat namn på databasen: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def quote_path(path: Path) -> str:
    """A file path as a SQL string literal (ATTACH takes no bound parameters)."""
    return quote_text(str(path))


def quote_text(text: str) -> str:
    """A text (a path, a DuckLake uri) as a SQL string literal."""
    if "\x00" in text:
        raise UnsafeName("Ogiltig sökväg.")
    return "'" + text.replace("'", "''") + "'"


def attach(cursor: Connection, path: Path, alias: str, *, read_only: bool = True) -> None:
    """Attach a database file under `alias` (an identifier the caller made)."""
    check_alias(alias)
    # Said either way: an attached file takes the mode of the connection unless told (a read-only store
    # would attach a new snapshot file read-only, and fail to create it).
    mode = " (read_only)" if read_only else " (read_write)"
    cursor.execute(f"attach {quote_path(path)} as {alias}{mode}")


def attach_new_lake(cursor: Connection, uri: str, data_path: Path, alias: str) -> None:
    """Attach a DuckLake store (`ducklake:postgres:<connection string>`) under `alias`, naming the folder for
    its Parquet files: how a new lake's catalog is set up."""
    check_alias(alias)
    cursor.execute(f"attach {quote_text(uri)} as {alias} (data_path {quote_text(str(data_path) + '/')})")


def install_extension(cursor: Connection, path: Path) -> None:
    """Install a DuckDB extension from a file (the pinned PyPI packages ship them)."""
    cursor.execute(f"install {quote_path(path)}")


def detach(cursor: Connection, alias: str) -> None:
    """Detach `alias`; nothing when it is not attached."""
    check_alias(alias)
    with contextlib.suppress(Error):
        cursor.execute(f"detach {alias}")


def copy_database(cursor: Connection, database: str, alias: str) -> None:
    """Copy every table, view and row of `database` (a name from the catalog) into the attached `alias`."""
    cursor.execute(f"copy from database {quote_database(database)} to {check_alias(alias)}")


def copy_database_from(cursor: Connection, alias: str, database: str) -> None:
    """Copy every table, view and row of the attached `alias` into `database` (a name from the catalog)."""
    cursor.execute(f"copy from database {check_alias(alias)} to {quote_database(database)}")


def drop(cursor: Connection, kind: str, name: str) -> None:
    """Drop a view or table of the open store (a name from the catalog)."""
    if kind not in ("view", "table"):
        raise UnsafeName(f"Okänd sorts objekt: {kind!r}")
    cursor.execute(f"drop {kind} {quote_ident(name)}")


def blank_password_hashes(cursor: Connection, alias: str) -> None:
    """Empty the password hashes in the attached copy `alias` (a snapshot holds no secrets)."""
    cursor.execute(f"update {check_alias(alias)}.main.anvandare set losenord_hash = null")  # noqa: S608


def replace_rows(cursor: Connection, table: str, alias: str) -> None:
    """Replace the rows of `table` (a name from the catalog) with those of the same table in the attached
    `alias`. The table written to is named without its database, so that the journal's copy of these
    statements can be replayed on a store file of another name; the table read is bound by name."""
    ident, source = quote_ident(table), f"{check_alias(alias)}.main.{table}"  # both checked before either runs
    cursor.execute(f"delete from {ident}")  # noqa: S608
    cursor.execute(f"insert into {ident} select * from query_table($t)", {"t": source})  # noqa: S608
