"""Shared benchmark helpers: building the default and the 100x store."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lokalutveckling import store  # noqa: E402


def build_stores(workdir: Path, factor: int = 100) -> dict[str, Path]:
    """The default store and one with `factor` times the insatser, allocations and indicator values."""
    workdir.mkdir(parents=True, exist_ok=True)
    default = store.build_file(workdir / "default.duckdb")
    scaled = workdir / f"x{factor}.duckdb"
    shutil.copyfile(default, scaled)
    con = store.connect(scaled, read_only=False)
    try:
        # The scale script is several statements with one parameter: run it statement by statement.
        script = (ROOT / "benchmarks" / "scale.sql").read_text(encoding="utf-8")
        body = "\n".join(line for line in script.splitlines() if not line.startswith("--"))
        for statement in filter(None, (s.strip() for s in body.split(";"))):
            params = {"factor": factor} if "$factor" in statement else {}
            con.execute(statement, params)
        con.execute("checkpoint")
    finally:
        con.close()
    return {"default": default, f"x{factor}": scaled}
