"""One command line: `python -m lokalutveckling <group> <command>`."""

from __future__ import annotations

import importlib
import sys

# group -> the module under lokalutveckling.cli that runs it
GROUPS = {
    "store": "store",
    "user": "accounts",
    "import": "imports",
    "stats": "stats",
    "geo": "geo",
    "exempeldata": "exempeldata",
}


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the group's command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in GROUPS:
        print("Användning: python -m lokalutveckling {" + ",".join(GROUPS) + "} …", file=sys.stderr)
        return 2
    module = importlib.import_module(f"lokalutveckling.cli.{GROUPS[args[0]]}")
    return module.main(args[1:])
