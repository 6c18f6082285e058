"""`python -m lokalutveckling import preview|apply KIND FILE`, `template KIND OUT`, `export OUT`, `snapshot`,
`snapshots`, `restore NAME`, `remove-exempeldata TABLE`; exit 1 on any problem."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from lokalutveckling import domain, imports, store
from lokalutveckling.cli.common import Run, SubParsers, add_command, add_db, add_group, store_target
from lokalutveckling.domain import COMMAND_LINE, User
from lokalutveckling.store import journal, recovery, snapshots
from lokalutveckling.store.lake import Lake

Command = Callable[[argparse.Namespace, store.Connection, Path], int]


def register(groups: SubParsers) -> None:
    """The group `import` and its commands."""
    commands = add_group(
        groups,
        "import",
        help="importer från Excel eller CSV, mallar, export, ögonblicksbilder",
        description="Importera insatser, tilldelningar, indikatorvärden, områdesteam och kraftsamling från "
        "Excel (.xlsx) eller CSV; mallar, export, ögonblicksbilder.",
    )
    for name, command, text in (
        ("preview", preview, "visa vad en import skulle göra (skriver inget)"),
        ("apply", apply, "importera"),
    ):
        sub = add_db(add_command(commands, name, _on_store(command, read_only=name == "preview"), help=text))
        sub.add_argument("kind", choices=list(imports.KINDS))
        sub.add_argument("file", type=Path)
        sub.add_argument(
            "--sheet", default=None, help="Excel-bladet att läsa (standard: det första med känd rubrikrad)"
        )
        sub.add_argument("--kalla", default=None, help="källan som anges på raderna (standard: filens namn)")
        if name == "apply":
            _add_user(sub)
    sub = add_command(commands, "template", template, help="skriv en mall (.xlsx eller .csv efter filnamnet)")
    sub.add_argument("kind", choices=list(imports.KINDS))
    sub.add_argument("out", type=Path)
    sub = add_db(
        add_command(
            commands,
            "export",
            _on_store(export, read_only=True),
            help="hela databasen som CSV i en zip och som en Excel-arbetsbok",
        )
    )
    sub.add_argument("out", type=Path, help="zip-filen; arbetsboken skrivs bredvid med .xlsx")
    add_db(
        add_command(commands, "snapshot", _on_store(snapshot, read_only=True), help="ta en ögonblicksbild av databasen")
    )
    add_db(add_command(commands, "snapshots", list_snapshots, help="lista ögonblicksbilderna"))
    sub = _add_user(
        add_db(add_command(commands, "restore", _on_store(restore), help="återställ en ögonblicksbild (administratör)"))
    )
    sub.add_argument("name", help="ögonblicksbildens filnamn (se snapshots)")
    sub = _add_user(
        add_db(
            add_command(
                commands, "remove-exempeldata", _on_store(remove_exempeldata), help="ta bort exempeldata ur en tabell"
            )
        )
    )
    sub.add_argument("table", choices=list(imports.EXEMPELDATA_STEPS))


def _add_user(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
    sub.add_argument(
        "--user", default=None, help="agera som detta konto i databasen (standard: kommandoraden, administratör)"
    )
    return sub


# ------------------------------------------------------------------------------------- commands


def template(args: argparse.Namespace) -> int:
    file_format = "csv" if args.out.suffix.lower() == ".csv" else "xlsx"
    args.out.write_bytes(imports.template(args.kind, file_format))
    print(f"Mallen för {args.kind} finns i {args.out}.")
    return 0


def list_snapshots(args: argparse.Namespace) -> int:
    target = store_target(args.db)
    folder = _snapshot_dir(target)
    try:
        found = snapshots.list_snapshots(folder)
    except REFUSALS as exc:
        return _refused(exc, target)
    if not found:
        print(f"Inga ögonblicksbilder i {folder}.")
    for s in found:
        print(f"{s.name}  {s.tid:%Y-%m-%d %H:%M:%S} UTC  {s.storlek // 1024} KiB  {s.anledning}")
    return 0


def preview(args: argparse.Namespace, con: store.Connection, target: Path) -> int:
    p = _preview(args, con)
    return 0 if p.ok else 1


def apply(args: argparse.Namespace, con: store.Connection, target: Path) -> int:
    p = _preview(args, con)
    result = imports.apply(con, _cli_user(args.user), p, snapshot_dir=_snapshot_dir(target))
    print(result.summary())
    if result.snapshot:
        print(f"Databasen som den var före importen finns i {result.snapshot}.")
    return 0


def export(args: argparse.Namespace, con: store.Connection, target: Path) -> int:
    zipped, workbook = imports.export_store(con)
    args.out.write_bytes(zipped)
    args.out.with_suffix(".xlsx").write_bytes(workbook)
    print(f"Exporterade databasen till {args.out} och {args.out.with_suffix('.xlsx')}.")
    return 0


def snapshot(args: argparse.Namespace, con: store.Connection, target: Path) -> int:
    taken = snapshots.snapshot(con, directory=_snapshot_dir(target), reason="från kommandoraden")
    print(f"Ögonblicksbild: {taken}")
    return 0


def restore(args: argparse.Namespace, con: store.Connection, target: Path) -> int:
    result = snapshots.restore(con, args.name, _cli_user(args.user), directory=_snapshot_dir(target))
    print(f"Återställde {result.restored.name}. Databasen som den var finns i {result.before}.")
    for table, (before, after) in result.rows.items():
        if before != after:
            print(f"  {table}: {before} → {after} rader")
    return 0


def remove_exempeldata(args: argparse.Namespace, con: store.Connection, target: Path) -> int:
    removed = imports.remove_exempeldata(con, _cli_user(args.user), args.table, snapshot_dir=_snapshot_dir(target))
    if not removed:
        print(f"{args.table} har ingen exempeldata.")
    for table, n in removed.items():
        print(f"Tog bort {n} rader exempeldata ur {table}.")
    return 0


# ---------------------------------------------------------------------------------- shared parts


def _preview(args: argparse.Namespace, con: store.Connection) -> imports.ImportPreview:
    """The preview of `args.file`, printed; raises ImportRefused when the file cannot be read."""
    p = imports.preview(con, args.kind, args.file, sheet=args.sheet, kalla=args.kalla)
    print(format_preview(p))
    return p


def format_preview(p: imports.ImportPreview, *, limit: int = 50) -> str:
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


def _describe(action: imports.RowAction) -> str:
    name = action.values.get("namn")
    return f"{action.key} {name}" if name else action.key


def _cli_user(name: str | None) -> User:
    return COMMAND_LINE if not name else User(name, name, "lasare")


def _snapshot_dir(target: Path | Lake) -> Path:
    return recovery.place(target).parent / "snapshots"


def _on_store(command: Command, *, read_only: bool = False) -> Run:
    """`command` with a connection to the store the command line names. Reading uses a read-only
    connection when the file exists; writing goes through recovery.open_store: it refuses while the app
    holds the store, and makes the store and its journal agree first (a missing or damaged store is built
    again from the journal)."""

    def run(args: argparse.Namespace) -> int:
        target = store_target(args.db)
        try:
            con = recovery.open_for_reading(target) if read_only else recovery.open_store(target).con
            try:
                if "file" in args and not args.file.is_file():
                    print(f"Filen {args.file} finns inte.", file=sys.stderr)
                    return 1
                return command(args, con, target)
            finally:
                con.close()
        except REFUSALS as exc:
            return _refused(exc, target)

    return run


REFUSALS = (
    recovery.StoreBusy,
    store.Error,
    snapshots.SnapshotError,
    recovery.StoreBroken,
    journal.JournalError,
    PermissionError,
    domain.ValidationError,
    imports.ImportRefused,
)


def _refused(exc: Exception, target: Path) -> int:
    """A refusal (one of REFUSALS) as its message on stderr; exit code 1."""
    if isinstance(exc, recovery.StoreBusy):
        print(f"{exc} ({target})", file=sys.stderr)
    elif isinstance(exc, store.Error | snapshots.SnapshotError | recovery.StoreBroken | journal.JournalError):
        print(f"Kan inte använda databasen {target}: {exc}", file=sys.stderr)
    elif isinstance(exc, domain.ValidationError):
        for _, message in exc.errors:
            print(message, file=sys.stderr)
    elif isinstance(exc, imports.ImportRefused):
        print(exc, file=sys.stderr)
        for problem in exc.problems:
            print(f"  ! {problem.text}", file=sys.stderr)
    else:  # PermissionError
        print(exc, file=sys.stderr)
    return 1
