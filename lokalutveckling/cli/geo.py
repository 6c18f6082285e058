"""`python -m lokalutveckling geo fetch [--url URL] [--out PATH] [--timeout SECONDS]`: Malmö stad's boundaries."""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from pathlib import Path

from lokalutveckling import geo
from lokalutveckling.cli.common import SubParsers, add_command, add_group
from lokalutveckling.sources.boundaries import ATTRIBUTION, DEFAULT_URL, TIMEOUT_SECONDS, FetchError, fetch


def register(groups: SubParsers) -> None:
    """The group `geo` and its command."""
    commands = add_group(groups, "geo", help="gränser för kartorna")
    sub = add_command(
        commands,
        "fetch",
        fetch_boundaries,
        help="hämta Malmö stads delområden (delomr_p_3008) till data/geo/ för kartorna",
        description="Hämtar Malmö stads delområden (delomr_p_3008) till data/geo/ för kartorna.",
    )
    sub.add_argument("--url", default=DEFAULT_URL, help="adress till den zippade shapefilen (standard: Malmö stads)")
    sub.add_argument(
        "--out", type=Path, default=geo.DOWNLOADED, help=f"GeoJSON att skriva (standard: {geo.DOWNLOADED})"
    )
    sub.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, help="sekunder att vänta på servern")


def fetch_boundaries(args: argparse.Namespace) -> int:
    if urllib.parse.urlsplit(args.url).scheme not in ("http", "https", "file"):
        print(f"Fel: --url ska vara en http(s)- eller file-adress, inte {args.url!r}", file=sys.stderr)
        return 1
    try:
        result = fetch(args.url, args.out, timeout=args.timeout)
    except FetchError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"Obs: {note}", file=sys.stderr)
    print(f"Skrev {result.features} delområden ({result.areas} områden efter sammanslagning) till {result.path}")
    print(f"Källa: {args.url} (sha256 {result.sha256[:12]}…), fält {result.code_field}/{result.name_field or '-'}")
    print(f"Metadata: {result.meta_path}. Attribution: {ATTRIBUTION}.")
    return 0
