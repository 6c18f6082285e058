"""Command line: `python -m lokalutveckling store …` (moved from lokalutveckling.store.recovery)."""

from __future__ import annotations

import logging
from pathlib import Path

from lokalutveckling import store
from lokalutveckling.store.journal import JournalError
from lokalutveckling.store.recovery import (
    StoreBroken,
    StoreBusy,
    backup,
    describe,
    open_store,
    rebuild_on_seeds,
    restore_backup,
)


def main(argv: list[str] | None = None) -> int:
    """`python -m lokalutveckling.store [path] [--rebuild | --backup DIR | --fran-backup DIR]`."""
    import argparse
    import sys

    from lokalutveckling.paths import db_path

    parser = argparse.ArgumentParser(
        prog="python -m lokalutveckling.store",
        description="Öppna databasen (bygg den, eller återskapa den från journalen om den saknas eller är "
        "skadad) och visa vad som gjordes.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="databasfilen (standard: LOKALUTVECKLING_DB eller data/)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--rebuild",
        action="store_true",
        help="bygg på de nuvarande seed-filerna och lägg på journalens ändringar (den gamla filen sparas)",
    )
    group.add_argument(
        "--backup", type=Path, metavar="MAPP", help="skriv en säkerhetskopia i MAPP (går medan appen körs)"
    )
    group.add_argument("--fran-backup", type=Path, metavar="MAPP", help="återställ en säkerhetskopia (appen stoppad)")
    args = parser.parse_args(argv)
    target: Path = args.path or db_path()
    logging.basicConfig(level=logging.ERROR)
    try:
        if args.backup:
            folder = backup(target, args.backup)
            print(f"Säkerhetskopian finns i {folder}")
            return 0
        if args.fran_backup:
            report = restore_backup(target, args.fran_backup)
            print(f"Säkerhetskopian {args.fran_backup} är återställd. {describe(report)}")
            return 0
        opened = open_store(target)
        if args.rebuild:
            opened, kept, applied = rebuild_on_seeds(opened, target, command_line=True)
            print(
                f"Byggde om {target} på de nuvarande seed-filerna och lade på {applied} ändringar; den gamla finns i {kept}"
            )
        else:
            print(describe(opened.report))
        counts = opened.con.execute(store.load_sql("table_counts")).fetchall()
        opened.con.close()
    except StoreBusy as exc:
        print(f"{exc} ({target})", file=sys.stderr)
        return 1
    except (StoreBroken, JournalError, store.SeedError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Databasen: {target}")
    for table, count in counts:
        print(f"  {table}: {count} rader")
    return 0
