"""What the command line's groups share: how a group and a command are added, and the --db option."""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from lokalutveckling.paths import ROOT
from lokalutveckling.store import lake
from lokalutveckling.store.lake import Lake

DB_HELP = (
    "databasfilen (standard: den konfigurerade DuckLake-databasen, LOKALUTVECKLING_DUCKLAKE, annars "
    "LOKALUTVECKLING_DB eller data/)"
)

Run = Callable[[argparse.Namespace], int]


def store_target(given: Path | None = None) -> Path | Lake:
    """The store a command works on: the file it names (--db or its path argument), else the configured
    DuckLake store (environment, or `[ducklake]` in .streamlit/secrets.toml, as the app reads it), else
    LOKALUTVECKLING_DB or data/."""
    return given or lake.target(_secrets())


def _secrets() -> dict[str, object]:
    path = ROOT / ".streamlit" / "secrets.toml"
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


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
