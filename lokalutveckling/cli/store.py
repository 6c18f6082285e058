"""`python -m lokalutveckling store build|rebuild [PATH]`, `store backup|restore-backup MAPP [--db PATH]`,
`store to-lake [--db PATH] [--ersatt]` and `store from-lake FIL`: moving a store file into the configured
DuckLake store and back, every table's rows counted and compared."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from lokalutveckling import store
from lokalutveckling.cli.common import DB_HELP, Run, SubParsers, add_command, add_db, add_group, store_target
from lokalutveckling.paths import db_path
from lokalutveckling.store import journal, lake, lake_recovery, recovery
from lokalutveckling.store.lake import Lake


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

    sub = add_command(
        commands,
        "to-lake",
        _moving(to_lake),
        help="flytta databasfilen (med ändringar, konton och logg) till den konfigurerade DuckLake-databasen "
        "(appen stoppad); raderna räknas och jämförs",
    )
    sub.add_argument("--db", type=Path, help="databasfilen att flytta (standard: LOKALUTVECKLING_DB eller data/)")
    sub.add_argument("--ersatt", action="store_true", help="ersätt en databas som redan finns i DuckLake")
    sub = add_command(
        commands,
        "from-lake",
        _moving(from_lake),
        help="kopiera den konfigurerade DuckLake-databasen till en ny databasfil; raderna räknas och jämförs",
    )
    sub.add_argument("file", type=Path, metavar="FIL", help="den nya databasfilen (får inte finnas)")


def build(args: argparse.Namespace, target: Path | Lake) -> int:
    """Open the store as the app does (build it, or build it again from its journal) and say what was done."""
    opened = recovery.open_store(target)
    print(recovery.describe(opened.report))
    return _counts(opened, target)


def rebuild(args: argparse.Namespace, target: Path | Lake) -> int:
    """Build on the current seeds with the journal's entries applied again; the old file is kept."""
    opened, kept, applied = recovery.rebuild_on_seeds(
        recovery.open_store(target), recovery.place(target), command_line=True
    )
    print(f"Byggde om {target} på de nuvarande seed-filerna och lade på {applied} ändringar; den gamla finns i {kept}")
    return _counts(opened, target)


def backup(args: argparse.Namespace, target: Path | Lake) -> int:
    print(f"Säkerhetskopian finns i {recovery.backup(recovery.place(target), args.folder)}")
    return 0


def restore_backup(args: argparse.Namespace, target: Path | Lake) -> int:
    report = recovery.restore_backup(target, args.folder)
    print(f"Säkerhetskopian {args.folder} är återställd. {recovery.describe(report)}")
    return 0


def to_lake(args: argparse.Namespace) -> int:
    """The store file into the configured DuckLake store, every table counted before and after."""
    return _moved(lake_recovery.to_lake(args.db or db_path(), _configured(), replace=args.ersatt))


def from_lake(args: argparse.Namespace) -> int:
    """The configured DuckLake store into a new store file, every table counted before and after."""
    return _moved(lake_recovery.from_lake(_configured(), args.file))


def _configured() -> Lake:
    target = store_target()
    if not isinstance(target, Lake):
        raise lake.LakeError(
            f"Ingen DuckLake-databas är konfigurerad: sätt {lake.ENV_CATALOG} och {lake.ENV_FOLDER} (eller "
            "[ducklake] i .streamlit/secrets.toml)."
        )
    return target


def _moved(move: lake_recovery.Move) -> int:
    print(f"Från: {move.source}")
    print(f"Till: {move.target}")
    for line in move.lines():
        print(f"  {line}")
    if move.differences:
        print(f"Raderna skiljer i {', '.join(move.differences)}: kontrollera innan källan tas bort.", file=sys.stderr)
        return 1
    print("Varje tabell har samma rader och innehåll (antal och kontrollsumma) i båda.")
    return 0


def _moving(command: Callable[[argparse.Namespace], int]) -> Run:
    def run(args: argparse.Namespace) -> int:
        logging.basicConfig(level=logging.ERROR)
        try:
            return command(args)
        except recovery.StoreBusy as exc:
            print(exc, file=sys.stderr)
            return 1
        except (lake.LakeError, recovery.StoreBroken, journal.JournalError, store.Error) as exc:
            print(f"Fel: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1

    return run


def _counts(opened: recovery.Opened, target: Path | Lake) -> int:
    """The store's tables and their row counts, after what opening it did."""
    counts = opened.con.execute(store.load_sql("store/table_counts")).fetchall()
    opened.con.close()
    print(f"Databasen: {target}")
    for table, count in counts:
        print(f"  {table}: {count} rader")
    return 0


def _guarded(command: Callable[[argparse.Namespace, Path | Lake], int]) -> Run:
    """`command` on the store file the command line names, with the store's refusals as a message on
    stderr and exit code 1."""

    def run(args: argparse.Namespace) -> int:
        logging.basicConfig(level=logging.ERROR)
        try:
            target = store_target(vars(args).get("path") or vars(args).get("db"))
        except lake.LakeError as exc:
            print(exc, file=sys.stderr)
            return 1
        try:
            return command(args, target)
        except recovery.StoreBusy as exc:
            print(f"{exc} ({target})", file=sys.stderr)
            return 1
        except (lake.LakeError, recovery.StoreBroken, journal.JournalError, store.SeedError) as exc:
            print(exc, file=sys.stderr)
            return 1

    return run
