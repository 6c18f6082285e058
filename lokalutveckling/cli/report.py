"""`python -m lokalutveckling report --view "oversikt?ar=2022" --format pdf|pptx --out FILE`: a view of the
app as an A4 report or as slides, made the way the app makes them (so it can run on a schedule).

The view is the page and query string of its link, as in the browser's address bar after the host
('karta?karta_ar=2020', 'omrade?omrade=rosengard&lang=EN'); `--view` more than once puts several views in one
document, and `lagesrapport?…` is the standard lägesrapport (STANDARD_REPORT, with the same query string for
each). Each view is drawn by running the app itself headless on the store (Streamlit's AppTest: the same
dashboard.py and page, the same filters and texts) and reading what the page recorded (ui.recording). The
store must not be held by a running app meanwhile (DuckDB: one process with the file open for writing).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs

from streamlit.testing.v1 import AppTest

from lokalutveckling.cli.common import DB_HELP, SubParsers
from lokalutveckling.format import fmt_int
from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT
from lokalutveckling.rendering import images, pdf, slides
from lokalutveckling.rendering.model import Report
from lokalutveckling.ui import session
from lokalutveckling.ui.pages import READER_PAGES

FORMATS = {"pdf": pdf.report_pdf, "pptx": slides.report_pptx}
LAGESRAPPORT = "lagesrapport"
# The standard lägesrapport: where the money goes, where the areas stand, the nämnder, needs against
# presence, and the decisions with their sources.
STANDARD_REPORT = ("oversikt", "karta", "namnder", "behov", "beslut")
RUN_SECONDS = 180  # a page's run, the first one in a process loading the store and the figures


class ViewError(Exception):
    """A view that cannot be drawn: the message says which and why."""


def register(groups: SubParsers) -> None:
    """The command `report` (a group of its own: later reports add commands under it)."""
    parser = groups.add_parser(
        "report",
        help="en vy som A4-rapport (PDF) eller bildspel (PPTX), som appens knappar gör den",
        description="En vy som A4-rapport (PDF) eller bildspel (PPTX): sidan och frågesträngen ur vyns länk, "
        f'till exempel "oversikt?ar=2022" eller "{LAGESRAPPORT}?ar=2022" för standardlägesrapporten '
        f"({', '.join(STANDARD_REPORT)}). Appen får inte ha databasen öppen samtidigt.",
    )
    parser.add_argument(
        "--view",
        action="append",
        required=True,
        metavar="VY",
        help='sidan och frågesträngen, t.ex. "oversikt?ar=2022"; flera --view blir ett dokument',
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="pdf", help="pdf (standard) eller pptx")
    parser.add_argument("--out", type=Path, required=True, metavar="FIL", help="filen att skriva")
    parser.add_argument("--title", default=None, help="dokumentets titel (standard: vyns eller 'Lägesrapport')")
    parser.add_argument("--db", type=Path, default=None, help=DB_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.db is not None:
        os.environ["LOKALUTVECKLING_DB"] = str(args.db.resolve())
    try:
        links = [link for view in args.view for link in expand(view)]
        reports = [record(link) for link in links]
        title = args.title or (t("report_lagesrapport", reports[0].lang) if len(reports) > 1 else None)
        content = FORMATS[args.format](reports, title=title)
    except (ViewError, images.ImagesUnavailable) as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(content)
    charts = sum(len(r.charts) for r in reports)
    print(f"{args.out}: {len(reports)} vy(er), {charts} diagram, {fmt_int(len(content))} byte")
    return 0


def expand(view: str) -> list[str]:
    """The links a --view stands for: itself, or the standard lägesrapport's pages with its query string."""
    page, _, query = view.strip().lstrip("/").partition("?")
    if page == LAGESRAPPORT:
        return [f"{name}?{query}" if query else name for name in STANDARD_REPORT]
    return [view.strip().lstrip("/")]


def record(link: str) -> Report:
    """The view of `link` as the app draws it: the page run headless, its recorded Report."""
    page, _, query = link.partition("?")
    page = page or "oversikt"
    if page not in READER_PAGES:
        raise ViewError(f"okänd sida {page!r} i vyn {link!r}: välj en av {', '.join(READER_PAGES)}")
    # A new session per view, opened at the page as a shared link opens it: the page's first run sends
    # itself through dashboard.py (ui.pages.run_through_the_entry_point), which records what it draws.
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=RUN_SECONDS)
    for key, values in parse_qs(query, keep_blank_values=True).items():
        app.query_params[key] = values if len(values) > 1 else values[0]
    app.switch_page(f"pages/{page}.py")
    app.run()
    if app.exception:
        raise ViewError(f"vyn {link!r} kunde inte ritas: {app.exception[0].value}")
    report = app.session_state[session.RECORDED] if session.RECORDED in app.session_state else None
    if report is None or report.page != page:
        said = " ".join(e.value for e in app.error) or "sidan ritades inte"
        raise ViewError(f"vyn {link!r} kunde inte ritas: {said}")
    return report
