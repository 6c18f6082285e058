"""What the command line's groups share: how a group and a command are added, and the --db option."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

DB_HELP = "databasfilen (standard: LOKALUTVECKLING_DB eller data/)"

Run = Callable[[argparse.Namespace], int]


class SubParsers(Protocol):
    """What `ArgumentParser.add_subparsers` returns: a group's place for its commands."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def sentence(text: str) -> str:
    """A help line ('visa vad en import skulle göra') as the sentence a --help page opens with."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def add_group(groups: SubParsers, name: str, *, help: str, description: str = "") -> SubParsers:
    """A group (`python -m lokalutveckling NAME`) and the sub-parsers its commands go in."""
    parser = groups.add_parser(name, help=help, description=description or sentence(help))
    return parser.add_subparsers(title="kommandon", dest="command", metavar="KOMMANDO", required=True)


def add_command(
    commands: SubParsers, name: str, run: Run, *, help: str, description: str = ""
) -> argparse.ArgumentParser:
    """A command of a group; `run(args)` runs it and returns its exit code."""
    parser = commands.add_parser(name, help=help, description=description or sentence(help))
    parser.set_defaults(run=run)
    return parser


def add_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The --db option: which store file (default: LOKALUTVECKLING_DB or data/)."""
    parser.add_argument("--db", type=Path, default=None, help=DB_HELP)
    return parser
