"""`python -m lokalutveckling exempeldata generate`: the exempeldata seed CSVs, written again (fixed seed)."""

from __future__ import annotations

import argparse

from lokalutveckling import exempeldata
from lokalutveckling.cli.common import SubParsers, add_command, add_group


def register(groups: SubParsers) -> None:
    """The group `exempeldata` and its command."""
    commands = add_group(groups, "exempeldata", help="exempeldata: de genererade seed-filerna")
    add_command(
        commands,
        "generate",
        generate,
        help="skriv exempeldatans seed-filer i data/seed/ på nytt (samma slumpfrö ger samma filer)",
    )


def generate(args: argparse.Namespace) -> int:
    for name, count in exempeldata.generate().items():
        print(f"{name}: {count} rader")
    return 0
