"""One command line: `python -m lokalutveckling <group> <command>`, with `--help` at every level.

    python -m lokalutveckling store build|rebuild [PATH]          the store: open, build, recover
    python -m lokalutveckling store backup|restore-backup MAPP    a backup, and restoring one
    python -m lokalutveckling user add|hash-password              accounts for editors
    python -m lokalutveckling import preview|apply|template|…     imports, templates, export, snapshots
    python -m lokalutveckling stats ckan|scb|kolada               official statistics into the store
    python -m lokalutveckling geo fetch                           Malmö stad's boundaries for the maps
    python -m lokalutveckling exempeldata generate                the exempeldata seed CSVs, written again
    python -m lokalutveckling report --view "oversikt?ar=2022" …  a view as an A4 report (PDF) or slides (PPTX)
    python -m lokalutveckling report aterrapportering --kalla … --ar …  the återrapport for a funding source and year (Word, PDF)

Each group is one module here that adds its commands to the parser (`register`) and runs them: it
parses, calls the package's public functions and prints; exit 0 when done, 1 with a message on stderr
when not, 2 (argparse) for a command line it cannot read.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from lokalutveckling.cli import exempeldata, geo, imports, report, stats, store, user

GROUPS = (store, user, imports, stats, geo, exempeldata, report)
PROG = "python -m lokalutveckling"


def parser() -> argparse.ArgumentParser:
    """The whole command line: a sub-parser per group, and one per command under it."""
    top = argparse.ArgumentParser(
        prog=PROG,
        description="Lokal utveckling i Malmö: databasen, konton, importer, officiell statistik, gränser, "
        "exempeldata och rapporter från kommandoraden. Varje grupp och kommando har sin egen --help.",
    )
    groups = top.add_subparsers(title="grupper", dest="group", metavar="GRUPP", required=True)
    for group in GROUPS:
        group.register(groups)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit code (argparse exits with 2 itself on a command line it cannot read)."""
    args = parser().parse_args(argv)
    return args.run(args)
