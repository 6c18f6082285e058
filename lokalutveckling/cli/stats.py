"""Command line: `python -m lokalutveckling stats …` (moved from lokalutveckling.sources.statistik)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from lokalutveckling import store
from lokalutveckling.sources.statistik import TIMEOUT_SECONDS, FetchError, Hamtning, open_store, report, save

# -------------------------------------------------------------------------------- command line


def _parser() -> argparse.ArgumentParser:
    from lokalutveckling.sources import ckan as fetch_ckan
    from lokalutveckling.sources import kolada as fetch_kolada
    from lokalutveckling.sources import scb as fetch_scb

    parser = argparse.ArgumentParser(
        prog="python -m lokalutveckling.sources.statistik",
        description="Hämta officiell statistik (Malmö stads CKAN, SCB, Kolada) till databasen.",
    )
    sub = parser.add_subparsers(dest="tjanst", required=True)

    def common(p: argparse.ArgumentParser, base_url: str) -> None:
        p.add_argument("--db", type=Path, help="databasfilen (standard: LOKALUTVECKLING_DB eller data/)")
        p.add_argument("--base-url", default=base_url, help=f"tjänstens adress (standard: {base_url})")
        p.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, help="sekunder per anrop (standard 60)")

    ckan = sub.add_parser("ckan", help="Malmö stads områdesstatistik per delområde, summerad till de 14 områdena")
    common(ckan, fetch_ckan.DEFAULT_BASE_URL)
    ckan.add_argument("--resource", help="resurs-id för variabeln (datastore_search)")
    ckan.add_argument("--population-resource", help="resurs-id för befolkning per delområde (vikt för andelar)")
    ckan.add_argument("--typ", choices=("antal", "andel"), help="antal summeras, andel viktas med befolkning")
    ckan.add_argument("--column", help="värdekolumnen, om resursen har flera")
    ckan.add_argument("--list", action="store_true", help="lista variablerna (resource_search) i stället")
    ckan.add_argument("--query", default=fetch_ckan.DEFAULT_QUERY, help="sökfrågan för --list")
    ckan.add_argument("--page-size", type=int, default=fetch_ckan.PAGE_SIZE, help="poster per sida (standard 1000)")

    scb = sub.add_parser("scb", help="en tabell ur SCB:s PxWebAPI 2.0 (JSON-stat2)")
    common(scb, fetch_scb.DEFAULT_BASE_URL)
    scb.add_argument("--table", required=True, help="tabell-id, t.ex. TAB638")
    scb.add_argument("--region", required=True, help="regionkoder, t.ex. 1280,0180,1480")
    scb.add_argument("--region-variable", default="Region", help="regionvariabelns kod (standard Region)")
    scb.add_argument("--contents", help="innehållskoder (ContentsCode), kommaseparerade")
    scb.add_argument("--time", help="perioder, t.ex. 2023,2024 eller top(3)")
    scb.add_argument("--select", action="append", default=[], metavar="VAR=KOD,…", help="fler urval")

    kolada = sub.add_parser("kolada", help="nyckeltal per kommun ur Kolada v2")
    common(kolada, fetch_kolada.DEFAULT_BASE_URL)
    kolada.add_argument("--kpi", required=True, help="nyckeltalets id, t.ex. N00945")
    kolada.add_argument("--year", required=True, help="år, t.ex. 2024 eller 2022,2023,2024")
    kolada.add_argument("--municipality", required=True, help="kommunkoder, t.ex. 1280,0180,1480")
    return parser


def _fetch(args: argparse.Namespace) -> Hamtning:
    from lokalutveckling.sources import ckan as fetch_ckan
    from lokalutveckling.sources import kolada as fetch_kolada
    from lokalutveckling.sources import scb as fetch_scb

    if args.tjanst == "ckan":
        if not args.resource:
            raise FetchError("Ange --resource ID (variabelns resurs-id), eller --list för att se variablerna.")
        return fetch_ckan.fetch(
            args.resource,
            population_resource=args.population_resource,
            typ=args.typ,
            column=args.column,
            base_url=args.base_url,
            timeout=args.timeout,
            page_size=args.page_size,
            membership=args.membership,
        )
    if args.tjanst == "scb":
        return fetch_scb.fetch(
            args.table,
            args.region,
            contents=args.contents,
            time=args.time,
            select=args.select,
            region_variable=args.region_variable,
            base_url=args.base_url,
            timeout=args.timeout,
        )
    return fetch_kolada.fetch(args.kpi, args.year, args.municipality, base_url=args.base_url, timeout=args.timeout)


def _list(args: argparse.Namespace) -> int:
    from lokalutveckling.sources import ckan as fetch_ckan

    resources = fetch_ckan.list_resources(args.query, base_url=args.base_url, timeout=args.timeout)
    for resource in resources:
        print(f"{resource['id']}  {resource['name']}")
    print(f"{len(resources)} resurser för {args.query!r} på {args.base_url}.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from lokalutveckling.paths import db_path

    args = _parser().parse_args(argv)
    db = args.db or db_path()
    try:
        if args.tjanst == "ckan" and args.list:
            return _list(args)
        con = open_store(db)
        try:
            args.membership = store.run_query(con, "omraden_membership") if args.tjanst == "ckan" else None
            hamtning = _fetch(args)
            hamtning_id = save(con, hamtning)
        finally:
            con.close()
    except FetchError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        if not (args.tjanst == "ckan" and args.list):
            print(f"Inget har skrivits i {db}.", file=sys.stderr)
        return 1
    for line in report(hamtning, hamtning_id, db):
        print(line)
    return 0
