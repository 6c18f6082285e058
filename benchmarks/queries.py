"""Time every page query at the default data size and at 100x. Usage: python benchmarks/queries.py"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from common import ROOT, build_stores

from lokalutveckling import store

PARAMS = {
    "ar": (),
    "finansiering": (),
    "fokus": (),
    "namnder": (),
    "datum": date(2025, 6, 30),
    "indikator": "forvarvsfrekvens",
    "indikatorer": (),
    "omrade": "10",
    "insats_id": "INS-002",
    "namnd": "FRN",
    "sok": "",
    "statusar": (),
    "typer": (),
    "omraden": (),
    "malgrupper": (),
    "hamtning_id": 1,
}
SINGLE_YEAR = {"indicator_values_by_area": 2024}
READ_FOLDERS = ("", "register/", "kvalitet/", "statistik/")  # write/ and import/ change the store
SKIP = {"store/build_meta_insert", "hamtning_insert", "varden_insert"}  # writes


def time_query(con: store.Connection, name: str, repeat: int = 15) -> float:
    """Median wall time in milliseconds of one query on a fresh cursor."""
    times = []
    for _ in range(repeat):
        cursor = con.cursor()
        start = time.perf_counter()
        params = {**PARAMS, "ar": SINGLE_YEAR[name]} if name in SINGLE_YEAR else PARAMS
        store.run_query(cursor, name, **params)
        times.append((time.perf_counter() - start) * 1000)
        cursor.close()
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stores = build_stores(Path(tmp))
        names = sorted(
            f"{folder}{p.stem}"
            for folder in READ_FOLDERS
            for p in (ROOT / "queries" / folder).glob("*.sql")
            if p.stem not in SKIP
        )
        results = {}
        for label, path in stores.items():
            con = store.connect(path)
            results[label] = {name: time_query(con, name) for name in names}
            con.close()
    print("| query | default (ms) | 100x (ms) | ratio |\n|---|---:|---:|---:|")
    for name in names:
        a, b = results["default"][name], results["x100"][name]
        print(f"| {name} | {a:.2f} | {b:.2f} | {b / a:.1f} |")


if __name__ == "__main__":
    main()
