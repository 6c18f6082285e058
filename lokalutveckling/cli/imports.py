"""Command line: `python -m lokalutveckling imports …` (moved from lokalutveckling.imports)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lokalutveckling import store, writes
from lokalutveckling.imports import (
    EXEMPELDATA_STEPS,
    KINDS,
    ImportPreview,
    ImportRefused,
    RowAction,
    apply,
    export_store,
    preview,
    remove_exempeldata,
    template,
)
from lokalutveckling.store import journal, recovery, snapshots
from lokalutveckling.writes import User

# ------------------------------------------------------------------------------- command line


def format_preview(p: ImportPreview, *, limit: int = 50) -> str:
    """A preview as plain text for the command line: readings, rows added and changed, problems."""
    where = ", ".join(
        x for x in (f"blad {p.sheet}" if p.sheet else "", f"rubrikrad {p.header_row}" if p.header_row else "") if x
    )
    lines = [f"{p.filename}{f' ({where})' if where else ''}, sha256 {p.sha256[:16]}…, källa {p.kalla!r}"]
    if p.notices:
        lines.append("Så lästes filen:")
        lines += [f"  - {n.full_text}" for n in p.notices[:limit]]
    if p.added:
        lines.append(f"Läggs till ({len(p.added)}):")
        lines += [f"  + rad {a.rad}: {_describe(a)}" for a in p.added[:limit]]
    if p.changed:
        lines.append(f"Ändras ({len(p.changed)}):")
        for a in p.changed[:limit]:
            lines.append(f"  ~ rad {a.rad}: {_describe(a)}")
            lines += [f"      {c.text}" for c in a.changes]
    if p.unchanged:
        lines.append(f"Oförändrade: {len(p.unchanged)}")
    if p.problems:
        lines.append(f"Problem ({len(p.problems)}):")
        lines += [f"  ! {x.text}" for x in p.problems[: limit * 4]]
        if len(p.problems) > limit * 4:
            lines.append(f"  … och {len(p.problems) - limit * 4} till")
    lines.append(p.summary())
    return "\n".join(lines)


def _describe(action: RowAction) -> str:
    name = action.values.get("namn")
    return f"{action.key} {name}" if name else action.key


def _cli_user(name: str | None) -> User:
    from lokalutveckling.domain import COMMAND_LINE

    return COMMAND_LINE if not name else User(name, name, "lasare")


def main(argv: list[str] | None = None) -> int:
    """`python -m lokalutveckling.imports preview|apply KIND FILE`, `template KIND OUT`, `export`,
    `snapshot`, `snapshots`, `restore NAME`, `remove-exempeldata TABLE`; exit 1 on any problem."""
    from lokalutveckling.paths import db_path

    parser = argparse.ArgumentParser(
        prog="python -m lokalutveckling.imports",
        description="Importera insatser, tilldelningar, indikatorvärden, områdesteam och kraftsamling från "
        "Excel (.xlsx) eller CSV; mallar, export, ögonblicksbilder.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--db", type=Path, default=None, help="databasfilen (standard: LOKALUTVECKLING_DB eller data/)"
        )
        return sub

    def with_user(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--user", default=None, help="agera som detta konto i databasen (standard: kommandoraden, administratör)"
        )
        return sub

    for name, text in (("preview", "visa vad en import skulle göra (skriver inget)"), ("apply", "importera")):
        sub = with_db(commands.add_parser(name, help=text))
        sub.add_argument("kind", choices=list(KINDS))
        sub.add_argument("file", type=Path)
        sub.add_argument(
            "--sheet", default=None, help="Excel-bladet att läsa (standard: det första med känd rubrikrad)"
        )
        sub.add_argument("--kalla", default=None, help="källan som anges på raderna (standard: filens namn)")
        if name == "apply":
            with_user(sub)
    sub = commands.add_parser("template", help="skriv en mall (.xlsx eller .csv efter filnamnet)")
    sub.add_argument("kind", choices=list(KINDS))
    sub.add_argument("out", type=Path)
    sub = with_db(commands.add_parser("export", help="hela databasen som CSV i en zip och som en Excel-arbetsbok"))
    sub.add_argument("out", type=Path, help="zip-filen; arbetsboken skrivs bredvid med .xlsx")
    with_db(commands.add_parser("snapshot", help="ta en ögonblicksbild av databasen"))
    with_db(commands.add_parser("snapshots", help="lista ögonblicksbilderna"))
    sub = with_user(with_db(commands.add_parser("restore", help="återställ en ögonblicksbild (administratör)")))
    sub.add_argument("name", help="ögonblicksbildens filnamn (se snapshots)")
    sub = with_user(with_db(commands.add_parser("remove-exempeldata", help="ta bort exempeldata ur en tabell")))
    sub.add_argument("table", choices=list(EXEMPELDATA_STEPS))
    args = parser.parse_args(argv)

    if args.command == "template":
        file_format = "csv" if args.out.suffix.lower() == ".csv" else "xlsx"
        args.out.write_bytes(template(args.kind, file_format))
        print(f"Mallen för {args.kind} finns i {args.out}.")
        return 0
    target = args.db or db_path()
    try:
        return _run(args, target)
    except recovery.StoreBusy as exc:
        print(f"{exc} ({target})", file=sys.stderr)
        return 1
    except (store.Error, snapshots.SnapshotError, recovery.StoreBroken, journal.JournalError) as exc:
        print(f"Kan inte använda databasen {target}: {exc}", file=sys.stderr)
        return 1
    except PermissionError as exc:
        print(exc, file=sys.stderr)
        return 1
    except writes.ValidationError as exc:
        for _, message in exc.errors:
            print(message, file=sys.stderr)
        return 1
    except ImportRefused as exc:
        print(exc, file=sys.stderr)
        for problem in exc.problems:
            print(f"  ! {problem.text}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, target: Path) -> int:
    folder = target.parent / "snapshots"
    if args.command == "snapshots":
        found = snapshots.list_snapshots(folder)
        if not found:
            print(f"Inga ögonblicksbilder i {folder}.")
        for s in found:
            print(f"{s.name}  {s.tid:%Y-%m-%d %H:%M:%S} UTC  {s.storlek // 1024} KiB  {s.anledning}")
        return 0
    read_only = args.command in ("preview", "export", "snapshot")
    # Writing goes through recovery.open_store: it refuses while the app holds the store, and makes the
    # store and its journal agree first (a missing or damaged store is built again from the journal).
    con = recovery.connect_read_only(target) if read_only and target.exists() else recovery.open_store(target).con
    try:
        if args.command == "snapshot":
            print(f"Ögonblicksbild: {snapshots.snapshot(con, directory=folder, reason='från kommandoraden')}")
            return 0
        if args.command == "restore":
            result = snapshots.restore(con, args.name, _cli_user(args.user), directory=folder)
            print(f"Återställde {result.restored.name}. Databasen som den var finns i {result.before}.")
            for table, (before, after) in result.rows.items():
                if before != after:
                    print(f"  {table}: {before} → {after} rader")
            return 0
        if args.command == "export":
            zipped, workbook = export_store(con)
            args.out.write_bytes(zipped)
            args.out.with_suffix(".xlsx").write_bytes(workbook)
            print(f"Exporterade databasen till {args.out} och {args.out.with_suffix('.xlsx')}.")
            return 0
        if args.command == "remove-exempeldata":
            removed = remove_exempeldata(con, _cli_user(args.user), args.table, snapshot_dir=folder)
            if not removed:
                print(f"{args.table} har ingen exempeldata.")
            for table, n in removed.items():
                print(f"Tog bort {n} rader exempeldata ur {table}.")
            return 0
        if not args.file.is_file():
            print(f"Filen {args.file} finns inte.", file=sys.stderr)
            return 1
        p = preview(con, args.kind, args.file, sheet=args.sheet, kalla=args.kalla)
        print(format_preview(p))
        if args.command == "preview":
            return 0 if p.ok else 1
        result = apply(con, _cli_user(args.user), p, snapshot_dir=folder)
        print(result.summary())
        if result.snapshot:
            print(f"Databasen som den var före importen finns i {result.snapshot}.")
        return 0
    finally:
        con.close()
