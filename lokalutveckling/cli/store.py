"""`python -m lokalutveckling store build|rebuild [PATH]`, `store backup|restore-backup MAPP [--db PATH]`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from lokalutveckling import store
from lokalutveckling.cli.common import DB_HELP, Run, SubParsers, add_command, add_db, add_group
from lokalutveckling.paths import db_path
from lokalutveckling.store import journal, recovery


def register(groups: SubParsers) -> None:
    """The group `store` and its commands."""
    commands = add_group(groups, "store", help="databasen: öppna eller bygg, bygg om, säkerhetskopiera, återställ")
    for name, command, text in (
        (
            "build",
            build,
            "öppna databasen (bygg den, eller återskapa den från journalen om den saknas eller är skadad) och "
            "visa vad som gjordes",
        ),
        (
            "rebuild",
            rebuild,
            "bygg på de nuvarande seed-filerna och lägg på journalens ändringar (den gamla filen sparas)",
        ),
    ):
        sub = add_command(commands, name, _guarded(command), help=text)
        sub.add_argument("path", nargs="?", type=Path, help=DB_HELP)
    for name, command, text, folder in (
        ("backup", backup, "skriv en säkerhetskopia i MAPP (går medan appen körs)", "mappen att skriva den i"),
        ("restore-backup", restore_backup, "återställ en säkerhetskopia (appen stoppad)", "mappen med säkerhetskopian"),
    ):
        sub = add_db(add_command(commands, name, _guarded(command), help=text))
        sub.add_argument("folder", type=Path, metavar="MAPP", help=folder)


def build(args: argparse.Namespace, target: Path) -> int:
    """Open the store as the app does (build it, or build it again from its journal) and say what was done."""
    opened = recovery.open_store(target)
    print(recovery.describe(opened.report))
    return _counts(opened, target)


def rebuild(args: argparse.Namespace, target: Path) -> int:
    """Build on the current seeds with the journal's entries applied again; the old file is kept."""
    opened, kept, applied = recovery.rebuild_on_seeds(recovery.open_store(target), target, command_line=True)
    print(f"Byggde om {target} på de nuvarande seed-filerna och lade på {applied} ändringar; den gamla finns i {kept}")
    return _counts(opened, target)


def backup(args: argparse.Namespace, target: Path) -> int:
    print(f"Säkerhetskopian finns i {recovery.backup(target, args.folder)}")
    return 0


def restore_backup(args: argparse.Namespace, target: Path) -> int:
    report = recovery.restore_backup(target, args.folder)
    print(f"Säkerhetskopian {args.folder} är återställd. {recovery.describe(report)}")
    return 0


def _counts(opened: recovery.Opened, target: Path) -> int:
    """The store's tables and their row counts, after what opening it did."""
    counts = opened.con.execute(store.load_sql("store/table_counts")).fetchall()
    opened.con.close()
    print(f"Databasen: {target}")
    for table, count in counts:
        print(f"  {table}: {count} rader")
    return 0


def _guarded(command: Callable[[argparse.Namespace, Path], int]) -> Run:
    """`command` on the store file the command line names, with the store's refusals as a message on
    stderr and exit code 1."""

    def run(args: argparse.Namespace) -> int:
        target: Path = vars(args).get("path") or vars(args).get("db") or db_path()
        logging.basicConfig(level=logging.ERROR)
        try:
            return command(args, target)
        except recovery.StoreBusy as exc:
            print(f"{exc} ({target})", file=sys.stderr)
            return 1
        except (recovery.StoreBroken, journal.JournalError, store.SeedError) as exc:
            print(exc, file=sys.stderr)
            return 1

    return run
