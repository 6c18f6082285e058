"""`python -m lokalutveckling stats ckan|scb|kolada …`: official statistics into the store. One command per
service in `sources.SOURCES`, with the options the service declares (and --db); `stats refresh` replaces the
exempeldata indicator values with official ones by the declared mapping and fetches the Kolada comparisons
(`sources.refresh`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lokalutveckling import sources, store
from lokalutveckling.cli.common import DB_HELP, SubParsers, add_command, add_group, store_target
from lokalutveckling.sources import ckan, kolada, refresh


def register(groups: SubParsers) -> None:
    """The group `stats` and its commands, one per service."""
    commands = add_group(
        groups, "stats", help="hämta officiell statistik (Malmö stads CKAN, SCB, Kolada) till databasen"
    )
    for service in sources.SOURCES.values():
        sub = add_command(commands, service.name, run, help=service.help)
        sub.add_argument("--db", type=Path, help=DB_HELP)
        for option in service.options:
            sub.add_argument(option.flag, **option.argparse_kwargs())
    sub = add_command(
        commands,
        "refresh",
        run_refresh,
        help="ersätt exempeldata i indikatorerna med officiella värden enligt indikator_kallor (CKAN) och hämta "
        "jämförelserna per kommun (Kolada)",
    )
    sub.add_argument("--dry-run", action="store_true", help="visa vad som skulle ändras, skriv inget")
    sub.add_argument("--db", type=Path, help=DB_HELP)
    sub.add_argument(
        "--ckan-url",
        default=None,
        help=f"CKAN-portalen (standard: ${refresh.CKAN_URL_ENV}, annars {ckan.DEFAULT_BASE_URL})",
    )
    sub.add_argument(
        "--kolada-url",
        default=None,
        help=f"Koladas API v3 (standard: ${refresh.KOLADA_URL_ENV}, annars {kolada.DEFAULT_BASE_URL})",
    )
    sub.add_argument("--timeout", type=float, default=sources.TIMEOUT_SECONDS, help="sekunder per anrop (standard 60)")


def run(args: argparse.Namespace) -> int:
    """Fetch (or with `--list` list the service's variables) and save in one transaction; exit 1 with a
    message when not."""
    service = sources.source(args.command)
    options = service.values(vars(args))
    listing = bool(options.get("list")) and service.list_variables is not None
    db = store_target(args.db)
    try:
        if listing:
            return _list(service, options)
        con = sources.open_store(db)
        try:
            membership = store.run_query(con, "omraden_membership") if service.needs_membership else None
            hamtning = sources.fetch(service.name, membership=membership, **options)
            hamtning_id = sources.save(con, hamtning)
        finally:
            con.close()
    except sources.FetchError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        if not listing:
            print(f"Inget har skrivits i {db}.", file=sys.stderr)
        return 1
    for line in sources.report(hamtning, hamtning_id, db):
        print(line)
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    """Fetch every mapped indicator and replace exempeldata in one write; exit 1 and write nothing when not."""
    db = store_target(args.db)
    try:
        result = refresh.refresh(
            db, dry_run=args.dry_run, base_url=args.ckan_url, kolada_url=args.kolada_url, timeout=args.timeout
        )
    except sources.FetchError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        print(f"Inget har ändrats i {db}.", file=sys.stderr)
        return 1
    for line in refresh.report(result, db, dry_run=args.dry_run):
        print(line)
    return 0


def _list(service: sources.Source, options: dict[str, object]) -> int:
    query, base_url = options["query"], options["base_url"]
    found = service.list_variables(query, base_url=base_url, timeout=options["timeout"])
    for variable in found:
        print(f"{variable['id']}  {variable['name']}")
    print(f"{len(found)} resurser för {query!r} på {base_url}.")
    return 0
