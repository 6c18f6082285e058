"""`python -m lokalutveckling report --view "oversikt?ar=2022" --format pdf|pptx --out FILE`: a view of the
app as an A4 report or as slides, made the way the app makes them (so it can run on a schedule).
`python -m lokalutveckling report aterrapportering --kalla sos_statsbidrag --ar 2022 --format docx|pdf --out FILE`:
the återrapport for a funding source and year (rendering.aterrapport), read from the store directly.

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

from lokalutveckling import domain, store
from lokalutveckling.cli.common import DB_HELP, SubParsers, store_target
from lokalutveckling.format import fmt_int
from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT
from lokalutveckling.rendering import aterrapport, images, pdf, slides
from lokalutveckling.rendering.model import Note, Report
from lokalutveckling.store import journal, recovery
from lokalutveckling.ui import session
from lokalutveckling.ui.pages import READER_PAGES

FORMATS = {"pdf": pdf.report_pdf, "pptx": slides.report_pptx}
LAGESRAPPORT = "lagesrapport"
# The standard lägesrapport: where the money goes, where the areas stand, the nämnder, needs against
# presence, and the decisions with their sources.
STANDARD_REPORT = ("oversikt", "karta", "namnder", "behov", "beslut")
ATERRAPPORT = "aterrapportering"
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
        f"({', '.join(STANDARD_REPORT)}). Appen får inte ha databasen öppen samtidigt. "
        f"Kommandot {ATERRAPPORT} gör återrapporten för en finansieringskälla och ett år (Word eller PDF).",
    )
    parser.add_argument(
        "--view",
        action="append",
        metavar="VY",
        help='sidan och frågesträngen, t.ex. "oversikt?ar=2022"; flera --view blir ett dokument '
        f"(krävs utom med kommandot {ATERRAPPORT})",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="pdf", help="pdf (standard) eller pptx")
    parser.add_argument("--out", type=Path, metavar="FIL", help="filen att skriva (krävs)")
    parser.add_argument("--title", default=None, help="dokumentets titel (standard: vyns eller 'Lägesrapport')")
    parser.add_argument("--db", type=Path, default=None, help=DB_HELP)
    parser.set_defaults(run=run)
    commands = parser.add_subparsers(title="kommandon", dest="report_command", metavar="KOMMANDO", required=False)
    register_aterrapport(commands)


def run(args: argparse.Namespace) -> int:
    missing = [flag for flag, value in (("--view", args.view), ("--out", args.out)) if not value]
    if missing:
        print(
            f"Fel: {' och '.join(missing)} krävs: report --view VY --out FIL, eller report {ATERRAPPORT} "
            "--kalla KÄLLA --ar ÅR --out FIL",
            file=sys.stderr,
        )
        return 2
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
    # Imported here: every command starts the CLI, and only a report needs Streamlit's test runner (0,5 s).
    from streamlit.testing.v1 import AppTest

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


def register_aterrapport(commands: SubParsers) -> None:
    """`report aterrapportering`: the återrapport for a funding source and year as Word or PDF."""
    sub = commands.add_parser(
        ATERRAPPORT,
        help="återrapporten för en finansieringskälla och ett år som Word (docx) eller PDF",
        description="Återrapporten för en finansieringskälla och ett år, till exempel Socialstyrelsens "
        "statsbidrag 2022: vad som fördelats per nämnd (som det står i källan, med kontrollen av totalbeloppet), "
        "insatserna som använt medlen med uppföljning, stoppade insatser, medel som inte är knutna till en insats "
        "och alla källor. Ett utkast att redigera innan det skickas. Läses direkt ur databasen.",
    )
    sub.add_argument(
        "--kalla", required=True, metavar="KÄLLA", help="finansieringskällans kod eller kortnamn, t.ex. sos_statsbidrag"
    )
    sub.add_argument("--ar", required=True, type=int, metavar="ÅR", help="året, t.ex. 2022")
    sub.add_argument(
        "--format",
        dest="aterrapport_format",
        choices=aterrapport.FORMATS,
        default="docx",
        help="docx (standard) eller pdf",
    )
    sub.add_argument("--out", dest="aterrapport_out", type=Path, required=True, metavar="FIL", help="filen att skriva")
    sub.add_argument("--lang", choices=("sv", "en"), default="sv", help="språket: sv (standard) eller en")
    sub.add_argument("--db", dest="aterrapport_db", type=Path, default=None, metavar="PATH", help=DB_HELP)
    sub.set_defaults(run=run_aterrapport)


def run_aterrapport(args: argparse.Namespace) -> int:
    """Make the återrapport from the store (read-only while it exists) and write it; exit 1 with 'Fel: …'
    for an unknown källa or year or a store that cannot be read."""
    target = store_target(args.aterrapport_db or args.db)
    out: Path = args.aterrapport_out
    fmt = args.aterrapport_format
    try:
        con = recovery.open_for_reading(target)
        try:
            idag = domain.today()
            kod = aterrapport.kalla_kod(args.kalla, con)
            pairs = aterrapport.available(idag, con)
            if kod is None:
                print(
                    f"Fel: okänd finansieringskälla {args.kalla!r}. Återrapport finns för: "
                    f"{aterrapport.describe_available(pairs, con)}",
                    file=sys.stderr,
                )
                return 1
            report = aterrapport.build(kod, args.ar, args.lang, idag=idag, con=con)
        finally:
            con.close()
        content = aterrapport.render(report, args.ar, fmt)
    except aterrapport.NoSuchReport as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    except (recovery.StoreBusy, recovery.StoreBroken, journal.JournalError, store.Error, store.SeedError) as exc:
        print(f"Fel: kan inte läsa databasen {target}: {exc}", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    sections = sections_of(report)
    print(f"{out}: {aterrapport.document_title(report, args.ar)} ({fmt}, {fmt_int(len(content))} byte)")
    print(f"  {len(sections)} avsnitt: {' · '.join(sections)}")
    return 0


def sections_of(report: Report) -> list[str]:
    """The headings the document has, in order: a table's title, a run of notes' common title (or the notes
    heading), then the sources."""
    out: list[str] = []
    notes: list[Note] = []
    for item in [*report.items, None]:
        if isinstance(item, Note):
            notes.append(item)
            continue
        if notes:
            titles = {note.title for note in notes}
            out.append(notes[0].title if len(titles) == 1 else t("report_notes", report.lang))
            notes = []
        if item is not None:
            out.append(item.title)
    return [*out, t("report_sources", report.lang)]
