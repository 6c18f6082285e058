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
import importlib
import sys
from collections.abc import Sequence

PROG = "python -m lokalutveckling"

# Each group: its module here, and the line the top --help shows for it (the same text the module's
# `register` gives its group; tests/test_cli.py checks they agree). Only the module of the group a command
# line names is imported: a command starts without loading every other group's libraries (the reports'
# rendering, the maps' geodata and Plotly).
GROUPS: dict[str, tuple[str, str]] = {
    "store": ("store", "databasen: öppna eller bygg, bygg om, säkerhetskopiera, återställ"),
    "user": ("user", "konton för redaktörer"),
    "import": ("imports", "importer från Excel eller CSV, mallar, export, ögonblicksbilder"),
    "stats": ("stats", "hämta officiell statistik (Malmö stads CKAN, SCB, Kolada) till databasen"),
    "geo": ("geo", "gränser för kartorna"),
    "exempeldata": ("exempeldata", "exempeldata: de genererade seed-filerna"),
    "report": ("report", "en vy som A4-rapport (PDF) eller bildspel (PPTX), som appens knappar gör den"),
}


def parser(*chosen: str) -> argparse.ArgumentParser:
    """The whole command line: a sub-parser per group, with its commands for the groups in `chosen` (their
    modules imported); every other group has its name and its line of help, enough for the top --help."""
    top = argparse.ArgumentParser(
        prog=PROG,
        description="Lokal utveckling i Malmö: databasen, konton, importer, officiell statistik, gränser, "
        "exempeldata och rapporter från kommandoraden. Varje grupp och kommando har sin egen --help.",
    )
    groups = top.add_subparsers(title="grupper", dest="group", metavar="GRUPP", required=True)
    for name, (module, text) in GROUPS.items():
        if name in chosen:
            importlib.import_module(f"{__name__}.{module}").register(groups)
        else:
            groups.add_parser(name, help=text)
    return top


def named_group(argv: Sequence[str]) -> str | None:
    """The group a command line names: its first word that is not an option (None for `--help` alone)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit code (argparse exits with 2 itself on a command line it cannot read)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    group = named_group(argv)
    args = parser(*([group] if group in GROUPS else [])).parse_args(argv)
    return args.run(args)
