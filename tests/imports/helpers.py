"""What the import tests share: the fixture files' folder, the users, and ways to look at a store and a
preview. The files are in tests/fixtures/import/ (made by make_fixtures.py there)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lokalutveckling import imports as importer
from lokalutveckling import store
from lokalutveckling.domain import User
from lokalutveckling.paths import ROOT
from lokalutveckling.store import lake

FIXTURES = ROOT / "tests" / "fixtures" / "import"
EDITOR = User("kim", "Kim Redaktör", "redaktor")
READER = User("lo", "Lo Läsare", "lasare")


def dump(con: store.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, to compare a store before and after."""
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()]
    return {t: sorted(con.table(t).fetchall(), key=repr) for t in tables}


def file_hash(con: store.Connection) -> str:
    """The store file's bytes after a checkpoint (a checkpoint of an unchanged store changes nothing); for a
    DuckLake store its version, which every commit moves."""
    version = lake.version(con)
    if version is not None:
        return f"ducklake-version {version}"
    con.execute("checkpoint")
    path = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0]
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def texts(preview: importer.ImportPreview) -> list[str]:
    return [p.text for p in preview.problems]


def notices(preview: importer.ImportPreview) -> list[str]:
    return [n.full_text for n in preview.notices]


def preview_fixture(con: store.Connection, kind: str, name: str, **kwargs: object) -> importer.ImportPreview:
    return importer.preview(con, kind, FIXTURES / name, **kwargs)
