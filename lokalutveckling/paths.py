"""Every path the project uses, from one constant."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES_DIR = ROOT / "queries"
BUILD_SQL_DIR = QUERIES_DIR / "build"
CHECKS_SQL_DIR = QUERIES_DIR / "checks"
SEED_DIR = ROOT / "data" / "seed"
DEFAULT_DB_PATH = ROOT / "data" / "lokalutveckling.duckdb"
SHARED_DIR = ROOT.parent / "shared"


def db_path() -> Path:
    """The store file: `LOKALUTVECKLING_DB` if set, else data/lokalutveckling.duckdb."""
    configured = os.environ.get("LOKALUTVECKLING_DB")
    return Path(configured) if configured else DEFAULT_DB_PATH


def documents_dir(secrets: Mapping[str, object] | None = None) -> Path | None:
    """The folder holding the source documents (the `kallor` files, plain text) that the app shows:
    `LOKALUTVECKLING_DOKUMENT`, else `dokument_path` in the app's secrets; None when neither is set
    (scripts/run.sh and scripts/test.sh point it at ../shared/seeds/ when that exists)."""
    value = os.environ.get("LOKALUTVECKLING_DOKUMENT") or (secrets or {}).get("dokument_path")
    return Path(str(value)) if value else None
