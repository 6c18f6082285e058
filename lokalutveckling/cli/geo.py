"""Command line: `python -m lokalutveckling geo …` (moved from lokalutveckling.sources.boundaries)."""

from __future__ import annotations

import argparse
import sys
import urllib.request
from pathlib import Path

from lokalutveckling import geo
from lokalutveckling.sources.boundaries import ATTRIBUTION, DEFAULT_URL, TIMEOUT_SECONDS, FetchError, fetch

# ---------------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lokalutveckling.sources.boundaries",
        description="Hämtar Malmö stads delområden (delomr_p_3008) till data/geo/ för kartorna.",
    )
    parser.add_argument("--url", default=DEFAULT_URL, help="adress till den zippade shapefilen (standard: Malmö stads)")
    parser.add_argument(
        "--out", type=Path, default=geo.DOWNLOADED, help=f"GeoJSON att skriva (standard: {geo.DOWNLOADED})"
    )
    parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, help="sekunder att vänta på servern")
    args = parser.parse_args(argv)
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
