"""Every path the project uses, from one constant."""

from __future__ import annotations

import os
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
