"""Shared fixtures: an in-memory store built from the real seeds, and a built store file for AppTest."""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.components.v2 import manifest_scanner

from lokalutveckling import auth, store
from lokalutveckling.paths import ROOT
from lokalutveckling.store import journal, recovery
from lokalutveckling.store.lake import Lake
from tests import pg

# Every new AppTest scans the installed packages' metadata for Streamlit components (about 0,2 s each: most
# of a page's run); the packages do not change during a test run, so the answer is read once per process.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes() -> Iterator[None]:
    """Passwords hashed at argon2's lowest cost (auth.TEST_COST): at production cost every hash and check
    costs tens of milliseconds. tests/ui/test_auth.py checks that the app hashes at production cost."""
    auth.use_cost(auth.TEST_COST)
    yield
    auth.use_cost(auth.PRODUCTION_COST)


@pytest.fixture(scope="session")
def con() -> Iterator[store.Connection]:
    """The default data, built in memory once per test session."""
    connection = store.connect(None)
    store.build(connection)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store file built from the default seeds; the app under test reads it via LOKALUTVECKLING_DB."""
    path = tmp_path_factory.mktemp("store") / "lokalutveckling.duckdb"
    store.build_file(path)
    old = os.environ.get("LOKALUTVECKLING_DB")
    os.environ["LOKALUTVECKLING_DB"] = str(path)
    yield path
    if old is None:
        os.environ.pop("LOKALUTVECKLING_DB", None)
    else:
        os.environ["LOKALUTVECKLING_DB"] = old


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of data/seed/ for tests that break seed data on purpose."""
    target = tmp_path / "seed"
    target.mkdir()
    for path in (ROOT / "data" / "seed").glob("*.csv"):
        (target / path.name).write_bytes(path.read_bytes())
    return target


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file built once from the default seeds, with its journal, to be copied by tests that write
    (with `copy_store`)."""
    path = tmp_path_factory.mktemp("template") / "template.duckdb"
    recovery.open_store(path).con.close()
    return path


def _copy_store(template: Path, path: Path) -> Path:
    """Copy a store file and its journal folder to `path` (and `<path stem>.journal/`)."""
    path.write_bytes(template.read_bytes())
    shutil.copytree(journal.journal_dir(template), journal.journal_dir(path))
    return path


@pytest.fixture()
def copy_store() -> Callable[[Path, Path], Path]:
    """`copy_store(template, path)`: a store file with its journal, copied for a test to change."""
    return _copy_store


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked `ducklake_too` get their rw_con on both backends: a store file and a DuckLake store."""
    if "rw_con" in metafunc.fixturenames and metafunc.definition.get_closest_marker("ducklake_too"):
        metafunc.parametrize("rw_con", ["fil", "ducklake"], indirect=True)


@pytest.fixture()
def rw_con(request: pytest.FixtureRequest, built_store: Path, tmp_path: Path) -> Iterator[store.Connection]:
    """A read-write connection to a fresh copy of the default store (and its journal), for one test to change:
    a store file, or (tests marked `ducklake_too`, second run) a DuckLake store of its own."""
    if getattr(request, "param", "fil") == "ducklake":
        connection = recovery.open_store(request.getfixturevalue("lake")).con
    else:
        connection = recovery.open_store(_copy_store(built_store, tmp_path / "store.duckdb")).con
    yield connection
    connection.close()


# ------------------------------------------------------------------------------------- DuckLake


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pg.Cluster]:
    """A throw-away PostgreSQL cluster for this test process (see tests/pg.py)."""
    cluster = pg.Cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def lake_template(pg_cluster: pg.Cluster, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A DuckLake store built from the default seeds, with its journal: the template database and folder."""
    name = pg_cluster.new_database()
    folder = tmp_path_factory.mktemp("lake-template")
    recovery.open_store(Lake(pg_cluster.catalog(name), folder)).con.close()
    return name, folder


@pytest.fixture()
def lake(pg_cluster: pg.Cluster, lake_template: tuple[str, Path], tmp_path: Path) -> Lake:
    """A DuckLake store of this test's own, holding the default data with its journal: a copy of the template
    database (its Parquet files, which DuckLake never changes, shared) and of the template's folder."""
    name, folder = lake_template
    target = tmp_path / "lake"
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("data"))
    return Lake(pg_cluster.catalog(pg_cluster.new_database(template=name)), target)


@pytest.fixture()
def empty_lake(pg_cluster: pg.Cluster, tmp_path: Path) -> Lake:
    """A DuckLake store not set up yet: an empty catalog database and an empty folder."""
    return Lake(pg_cluster.catalog(pg_cluster.new_database()), tmp_path / "tom-lake")
