"""Command line: `python -m lokalutveckling exempeldata` rewrites the exempeldata seed CSVs (moved from
lokalutveckling.exempeldata)."""

from __future__ import annotations

from lokalutveckling.exempeldata import generate


def main(argv: list[str] | None = None) -> int:
    for name, count in generate().items():
        print(f"{name}: {count} rader")
    return 0
