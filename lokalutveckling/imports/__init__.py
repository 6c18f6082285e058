"""Import of insatser, tilldelningar, indicator values and områdesteam/kraftsamling periods from
Excel (.xlsx) and CSV files, in two steps that a page or the command line can show:

1. `preview(con, kind, file, filename)` reads and checks everything and writes nothing. It lists
   the rows that would be added, changed (field by field, old → new) and left unchanged, every
   problem (file, sheet, row as the user sees it, column, value, what is expected) and every
   reading worth mentioning (a nämnd given by name, a delområde counted to its statistikområde,
   the file's encoding and delimiter, the header row found below a title).
2. `apply(con, user, preview)` refuses a preview with problems, checks the role (redaktör), takes a
   snapshot of the store, and writes everything or nothing in one transaction, with audit rows that
   name the file and its sha256 checksum (handling 'import'). It re-reads the store inside the
   transaction and refuses if the store changed since the preview (`StalePreview`).

Rows are matched to stored ones by their key: insats_id (or, without an id, nämnd and namn);
tilldelning_id; (indikator, område, år); (område, startdatum). Importing the same file again
changes nothing. Imports never delete: rows missing from the file are left as they are. Imported
rows get `kalla` = the file name (or a given source, or the file's own Källa column); rows whose
Källa is exempeldata are skipped, so that exempeldata is never imported as if it were real. The
file is registered as a source (`kallor`, typ importfil) so that its rows name a document.

Also here: `template(kind)` (an .xlsx with the columns, an explanation sheet and an example row, or
the same as CSV), `export_store(con)` (every table as CSV in a zip and as one workbook), and
`remove_exempeldata(con, user, table)` (admin). Snapshots and restore live in
`lokalutveckling.store.snapshots`. Command line: `python -m lokalutveckling.imports --help`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import time
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from lokalutveckling import domain, store, writes
from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.formats import BadValue, FileProblem, Names, Resolved
from lokalutveckling.store import Connection, snapshots, unit_of_work
from lokalutveckling.writes import User

ADDED, CHANGED, UNCHANGED = "ny", "ändras", "oförändrad"
EXEMPELDATA = "exempeldata"
HANDLING = "import"
MAX_PROBLEMS = 5000  # a file of nothing but errors still gets a readable answer
MISSING_VALUE = "värde saknas; kolumnen är obligatorisk"
FORMULA_NO_VALUE = (
    "cellen har en formel men inget sparat värde (filen är inte beräknad och sparad i Excel); öppna filen i "
    "Excel och spara den igen, eller skriv in värdet i stället för formeln"
)


# ------------------------------------------------------------------------------ kinds of file


@dataclass(frozen=True)
class Column:
    """One column an import reads: its field, the header the template uses, and what it means."""

    field: str
    header: str
    meaning: str
    expected: str
    example: object = ""
    required: bool = False
    synonyms: tuple[str, ...] = ()
    amount: bool = False  # the header may give a unit: 'Belopp (tkr)'


@dataclass(frozen=True)
class Kind:
    """What an import of one kind reads, and what it is keyed by."""

    name: str
    title: str
    table: str
    key: str
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)

    def match(self, header: object) -> tuple[str, str] | None:
        """(field, unit) for a header, or None when it names no known column."""
        name, unit = fmt.header_key(header)
        if not name:
            return None
        for column in self.columns:
            names = {fmt.norm(s) for s in (column.field, column.header, *column.synonyms)}
            if name in names:
                return column.field, unit
            if column.amount:
                for base in names:
                    rest = name[len(base) :] if name.startswith(base) else None
                    if rest and rest.removeprefix("i") in _UNIT_WORDS:
                        return column.field, rest.removeprefix("i")
        return None

    def score(self, cells: Sequence[object]) -> int:
        """How many distinct known columns a row names: the header row names the most."""
        return len({m[0] for c in cells if (m := self.match(c)) is not None})


_UNIT_WORDS = {"kr", "sek", "kronor", "tkr", "tsek", "mnkr", "mkr", "msek"}

KALLA = Column(
    "kalla",
    "Källa",
    "Varifrån uppgiften kommer (t.ex. ett beslut eller en rapport). Tom: filens namn.",
    "Text. Rader med källan exempeldata hoppas över: exempeldata importeras aldrig.",
    "",
    synonyms=("källa", "kalla_id", "uppgiftskälla", "källhänvisning"),
)

INSATSER = Kind(
    "insatser",
    "Insatser",
    "insatser",
    "Insats-id; utan id känns insatsen igen på ansvarig nämnd och namn",
    (
        Column(
            "insats_id",
            "Insats-id",
            "Insatsens id. Tom för en ny insats: den känns då igen på nämnd och namn, annars får den ett "
            "nytt id (INS-…).",
            "Text, t.ex. INS-012",
            "",
            synonyms=("id", "insatsid", "insatsnummer", "löpnummer"),
        ),
        Column(
            "namn",
            "Namn",
            "Insatsens namn.",
            "Text, högst 200 tecken",
            "Läxhjälp på biblioteket",
            True,
            ("insats", "insatsens namn", "namn på insatsen", "insatsnamn", "benämning", "rubrik", "aktivitet"),
        ),
        Column(
            "beskrivning",
            "Beskrivning",
            "Vad insatsen gör, kort.",
            "Text, högst 4000 tecken",
            "Läxhjälp två kvällar i veckan.",
            synonyms=("kort beskrivning", "syfte", "innehåll"),
        ),
        Column(
            "namnd_kod",
            "Ansvarig nämnd",
            "Nämnden som leder insatsen.",
            "Kod eller namn, t.ex. FRN, Fritidsnämnden, Fritid eller Fritidsförvaltningen",
            "KN",
            True,
            ("nämnd", "ansvarig", "nämndkod", "förvaltning", "ansvarig förvaltning", "nämnd/förvaltning"),
        ),
        Column(
            "finansiering_kod",
            "Finansieringskälla",
            "Varifrån pengarna kommer.",
            "Kod eller namn, t.ex. ks_anslag eller KS anslag till förfogande",
            "ks_anslag",
            True,
            ("finansiering", "finansieringskod", "medel", "anslag", "finansierad av", "källa för finansiering"),
        ),
        Column(
            "tilldelning_id",
            "Tilldelning",
            "Tilldelningen (beslutet om medel) som insatsens pengar kommer från, om den finns i databasen.",
            "Id, t.ex. T2022-KS-KN; ska gälla samma finansieringskälla",
            "T2022-KS-KN",
            synonyms=("tilldelningsid", "tilldelnings-id", "medelstilldelning"),
        ),
        Column(
            "belopp_kr",
            "Belopp (kr)",
            "Insatsens belopp i kronor.",
            "Hela kronor: 1 300 000, 1300000, 1 300 000 kr, 1,3 mnkr, 1 300 tkr eller 1 300 000,00",
            250000,
            True,
            ("belopp", "beviljat belopp", "beviljade medel", "kostnad", "budget", "summa", "kronor"),
            amount=True,
        ),
        Column(
            "startdatum",
            "Startdatum",
            "När insatsen startar eller startade.",
            "Datum: 2024-09-09 eller 9/9/2024 (dag/månad/år)",
            date(2025, 1, 1),
            True,
            ("start", "från", "från och med", "fr.o.m.", "startar"),
        ),
        Column(
            "slutdatum",
            "Slutdatum",
            "När insatsen slutar eller slutade; tom om den löper tills vidare.",
            "Datum, inte före startdatum",
            date(2025, 12, 31),
            synonyms=("slut", "till", "till och med", "t.o.m.", "slutar"),
        ),
        Column(
            "status",
            "Status",
            "Var insatsen är i sin livscykel.",
            "föreslagen, beviljad, pågående, avslutad eller avbruten (permanentad görs i appen)",
            "pågående",
            True,
            ("läge",),
        ),
        Column(
            "typ",
            "Typ",
            "Vilken sorts insats.",
            "pilot, förstudie, utökning eller ny",
            "pilot",
            True,
            ("insatstyp", "typ av insats"),
        ),
        Column(
            "malgrupp",
            "Målgrupp",
            "Vilka insatsen vänder sig till.",
            "Text, högst 100 tecken",
            "barn 6–15",
            synonyms=("målgrupp",),
        ),
        Column(
            "hela_staden",
            "Hela staden",
            "Ja om insatsen gäller hela staden (då anges inga områden).",
            "ja eller nej",
            "nej",
            synonyms=("hela malmö", "gäller hela staden"),
        ),
        Column(
            "fokus_kod",
            "Fokusområde",
            "Insatsens huvudsakliga fokusområde.",
            "boende, utbildning, arbetsmarknad, demokrati (Demokrati och civilsamhälle) eller brottslighet",
            "utbildning",
            True,
            ("fokus", "primärt fokusområde", "huvudsakligt fokusområde", "fokusomrade"),
        ),
        Column(
            "sekundara_fokus",
            "Övriga fokusområden",
            "Fler fokusområden som insatsen också berör.",
            "Lista med semikolon eller komma, t.ex. demokrati; boende",
            "demokrati",
            synonyms=("sekundära fokusområden", "andra fokusområden", "fler fokusområden"),
        ),
        Column(
            "omraden",
            "Områden",
            "De geografiska statistikområden (1–14) där insatsen görs, eller Hela staden. Ett delområde "
            "räknas till sitt statistikområde (det står i förhandsgranskningen).",
            "Koder eller namn med semikolon emellan, t.ex. 10; 12 eller Lindängen; Nydala, Almhög m fl",
            "10; Lindängen",
            synonyms=(
                "område",
                "omrade_kod",
                "geografiskt område",
                "geografiska områden",
                "statistikområde",
                "statistikområden",
            ),
        ),
        Column(
            "partner_namnder",
            "Samverkande nämnder",
            "Andra nämnder som är med i insatsen.",
            "Koder eller namn med semikolon eller komma emellan, t.ex. GRN; FRN",
            "GRN",
            synonyms=("samverkande nämnd", "samverkan med nämnder", "partnernämnder"),
        ),
        Column(
            "partner_externa",
            "Externa partner",
            "Organisationer utanför staden som är med.",
            "Namn med semikolon emellan (komma får finnas i ett namn)",
            "Studieförbund",
            synonyms=("externa samverkanspartner", "externa parter", "samverkanspartner", "partner"),
        ),
        Column(
            "anledning",
            "Anledning",
            "Varför en insats har avbrutits (behövs för status avbruten).",
            "Text",
            "",
            synonyms=("anledning till avbrott", "orsak"),
        ),
        KALLA,
    ),
)

TILLDELNINGAR = Kind(
    "tilldelningar",
    "Tilldelningar",
    "tilldelningar",
    "Tilldelnings-id",
    (
        Column(
            "tilldelning_id",
            "Tilldelnings-id",
            "Tilldelningens id.",
            "Text, t.ex. T2025-KS-FRN",
            "T2025-KS-FRN",
            True,
            ("tilldelning", "id", "tilldelningsid"),
        ),
        Column(
            "beslut_id",
            "Beslut",
            "Beslutet (eller förslaget) som fördelar pengarna; det ska finnas i databasen.",
            "Beslutets id, t.ex. B2024-KSAU414-KS",
            "B2024-KSAU414-KS",
            True,
            ("beslut", "beslutsid", "beslut-id"),
        ),
        Column(
            "namnd_kod",
            "Nämnd",
            "Nämnden som får pengarna.",
            "Kod eller namn, t.ex. FRN eller Fritidsnämnden",
            "FRN",
            True,
            ("mottagande nämnd", "ansvarig nämnd", "nämndkod", "förvaltning"),
        ),
        Column(
            "mottagare_text",
            "Mottagare enligt beslutet",
            "Mottagaren som beslutet skriver den; tom: nämndens namn.",
            "Text",
            "Fritidsnämnden",
            synonyms=("mottagare", "mottagare_text", "mottagare i beslutet"),
        ),
        Column(
            "finansiering_kod",
            "Finansieringskälla",
            "Varifrån pengarna kommer.",
            "Kod eller namn, t.ex. ks_anslag",
            "ks_anslag",
            True,
            ("finansiering", "finansieringskod", "anslag"),
        ),
        Column("ar", "År", "Året pengarna gäller.", "Årtal, t.ex. 2025", 2025, True, ("år", "budgetår", "ar")),
        Column(
            "belopp_kr",
            "Belopp (kr)",
            "Beloppet i kronor.",
            "Hela kronor: 1 300 000, 1 300 000 kr, 1,3 mnkr eller 1 300 tkr",
            5300000,
            True,
            ("belopp", "summa", "kronor", "tilldelat belopp"),
            amount=True,
        ),
        Column(
            "dokument_rad",
            "Rad i dokumentet",
            "Raden i källdokumentet där beloppet står.",
            "Heltal",
            "",
            synonyms=("dokumentrad", "rad"),
        ),
        KALLA,
    ),
)

INDIKATORVARDEN = Kind(
    "indikatorvarden",
    "Indikatorvärden",
    "indikatorvarden",
    "Indikator, område och år",
    (
        Column(
            "indikator_kod",
            "Indikator",
            "Vilken indikator; den ska finnas i databasen.",
            "Kod eller namn, t.ex. forvarvsfrekvens eller Förvärvsfrekvens",
            "forvarvsfrekvens",
            True,
            ("indikator", "indikatorkod", "mått", "nyckeltal"),
        ),
        Column(
            "omrade_kod",
            "Område",
            "Statistikområdet (1–14) eller hela staden (0). Delområden tas inte emot här.",
            "Kod eller namn, t.ex. 12, Lindängen eller Malmö stad",
            "12",
            True,
            ("område", "omrade", "statistikområde", "områdeskod", "geografiskt område"),
        ),
        Column("ar", "År", "Året värdet gäller.", "Årtal, t.ex. 2024", 2024, True, ("år", "årtal", "ar")),
        Column(
            "varde",
            "Värde",
            "Indikatorns värde i dess enhet (procent 0–100, antal, per 1 000 invånare …).",
            "Tal, t.ex. 62,4 eller 31 000",
            62.4,
            True,
            ("värde", "varde", "andel", "antal", "utfall"),
        ),
        KALLA,
    ),
)


def _period_kind(name: str, title: str, what: str, example: str) -> Kind:
    return Kind(
        name,
        title,
        name,
        "Område och startdatum",
        (
            Column(
                "omrade_kod",
                "Område",
                f"Statistikområdet (1–14) som {what}.",
                "Kod eller namn, t.ex. 12 eller Lindängen",
                example,
                True,
                ("område", "omrade", "statistikområde", "områdeskod"),
            ),
            Column(
                "startdatum",
                "Startdatum",
                "Periodens första dag.",
                "Datum: 2024-09-09 eller 9/9/2024",
                date(2025, 1, 1),
                True,
                ("start", "från", "från och med"),
            ),
            Column(
                "slutdatum",
                "Slutdatum",
                "Periodens sista dag; tom om den pågår.",
                "Datum, inte före startdatum",
                "",
                synonyms=("slut", "till", "till och med"),
            ),
            KALLA,
        ),
    )


OMRADESTEAM = _period_kind("omradesteam", "Områdesteam", "har ett områdesteam under perioden", "5")
KRAFTSAMLING = _period_kind(
    "kraftsamling", "Kraftsamling", "är utvalt för kraftsamlande insatser under perioden", "Lindängen"
)
KINDS: dict[str, Kind] = {k.name: k for k in (INSATSER, TILLDELNINGAR, INDIKATORVARDEN, OMRADESTEAM, KRAFTSAMLING)}


def kind(name: str) -> Kind:
    """The kind of import called `name`; ValueError naming the known ones otherwise."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"Okänd sorts import {name!r}; välj en av {', '.join(KINDS)}.") from None


# ------------------------------------------------------------------------------ the preview


@dataclass(frozen=True)
class Problem:
    """Something that stops the import: where (file, sheet, row, column), the value and what is wrong."""

    fil: str
    blad: str | None
    rad: int | None
    kolumn: str | None
    varde: str | None
    fel: str

    @property
    def text(self) -> str:
        where = ", ".join(
            p
            for p in (
                self.fil,
                f"blad {self.blad}" if self.blad else "",
                f"rad {self.rad}" if self.rad is not None else "",
                f"kolumn {self.kolumn}" if self.kolumn else "",
            )
            if p
        )
        shown = "" if self.varde is None else f" (värde: {'tomt' if self.varde == '' else repr(self.varde)})"
        return f"{where}: {self.fel}{shown}"


@dataclass(frozen=True)
class Notice:
    """How a value or the file was read, when that is worth telling (one notice for all rows alike)."""

    kolumn: str | None
    text: str
    rader: tuple[int, ...] = ()

    @property
    def full_text(self) -> str:
        where = f"kolumn {self.kolumn}: " if self.kolumn else ""
        rows = ""
        if self.rader:
            shown = ", ".join(str(r) for r in self.rader[:10])
            more = f" och {len(self.rader) - 10} till" if len(self.rader) > 10 else ""
            rows = f" (rad {shown}{more})"
        return f"{where}{self.text}{rows}"


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: object
    new: object

    @property
    def text(self) -> str:
        return f"{self.label}: {_shown(self.old)} → {_shown(self.new)}"


@dataclass(frozen=True)
class RowAction:
    """What the import does with one row of the file. `values` is the row as it will be stored."""

    action: str  # ADDED, CHANGED or UNCHANGED
    key: str
    rad: int
    values: Mapping[str, object]
    changes: tuple[FieldChange, ...] = ()
    before: Mapping[str, object] | None = None
    moves: tuple[tuple[str | None, str, date], ...] = ()  # status moves (from, to, date) for insatser


@dataclass
class ImportPreview:
    """Everything an import would do, and everything that stops it. Nothing is written by making one.

    A page shows: `summary()`, `problems` (each `.text`, or `problems_frame()`), `notices`
    (`.full_text`), then `added`, `changed` (with each `changes`) and `unchanged` (`rows_frame()`).
    `ok` says whether `apply` may run.
    """

    kind: str
    filename: str
    sheet: str | None
    sha256: str
    size: int
    kalla: str
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as in the file
    header_row: int | None = None
    added: list[RowAction] = field(default_factory=list)
    changed: list[RowAction] = field(default_factory=list)
    unchanged: list[RowAction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: int = 0  # rows left out on purpose (exempeldata, sum rows)
    _records: list[dict[str, object]] = field(default_factory=list, repr=False)
    _signature: tuple = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems:
            n = len(self.problems)
            return f"{self.filename}: {n} problem – inget kan importeras förrän de är rättade."
        return (
            f"{self.filename}: {len(self.added)} nya, {len(self.changed)} ändras, "
            f"{len(self.unchanged)} oförändrade ({KINDS[self.kind].title.lower()})."
        )

    def problems_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(p.fil, p.blad, p.rad, p.kolumn, p.varde, p.fel) for p in self.problems],
            columns=["Fil", "Blad", "Rad", "Kolumn", "Värde", "Problem"],
        )

    def rows_frame(self) -> pd.DataFrame:
        """One row per row of the file that is imported: action, key, row, and the changes as text."""
        rows = [
            (a.action, a.key, a.rad, "; ".join(c.text for c in a.changes))
            for a in (*self.added, *self.changed, *self.unchanged)
        ]
        return pd.DataFrame(rows, columns=["Åtgärd", "Nyckel", "Rad", "Ändringar"]).sort_values("Rad")


@dataclass(frozen=True)
class ImportResult:
    """What `apply` wrote: keys added and changed, how many rows were unchanged, the snapshot taken."""

    kind: str
    filename: str
    sha256: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int
    snapshot: Path | None
    audit_rows: int

    def summary(self) -> str:
        if not self.added and not self.changed:
            return f"{self.filename}: inget att ändra; databasen är redan som filen ({self.unchanged} rader)."
        return (
            f"{self.filename}: {len(self.added)} nya och {len(self.changed)} ändrade rader importerade, "
            f"{self.unchanged} oförändrade."
        )


@dataclass(frozen=True)
class Progress:
    """How far a preview or an import has come, for a progress bar: `step` (one of STEPS: read the
    file, check its rows, compare them with the store; in `apply` check again, write), `done` of
    `total` in that step (total None when not known), `fraction` of the whole
    (0–1), seconds since the start, and an estimate of the seconds left (None until it can be told)."""

    step: str
    done: int
    total: int | None
    fraction: float
    elapsed: float

    @property
    def remaining(self) -> float | None:
        if self.fraction >= 1:
            return 0.0
        if self.fraction < 0.02 or self.elapsed < 0.5:
            return None
        return self.elapsed * (1 - self.fraction) / self.fraction


OnProgress = Callable[[Progress], None] | None
# The steps of a preview and of an import with the share of the whole each takes (measured on a
# 300 000-row file), so that one bar runs from 0 to 1 across them.
STEPS: dict[str, tuple[float, float]] = {
    "read": (0.0, 0.3),
    "check": (0.3, 0.85),
    "compare": (0.85, 1.0),
    "recheck": (0.0, 0.8),
    "write": (0.8, 1.0),
}
# Long pure-Python loops hold the GIL; other sessions' pages (threads of the same server) would wait
# for it behind each of their database calls. The loops pause this briefly this often.
YIELD_EVERY_S = 0.02
YIELD_FOR_S = 0.002


class _Ticker:
    """Tells `on_progress` (at most ten times a second) and lets other threads run now and then."""

    def __init__(self, on_progress: OnProgress):
        self.on_progress = on_progress
        self.started = time.perf_counter()
        self._told = 0.0
        self._yielded = self.started

    def __call__(self, step: str, done: int, total: int | None, *, force: bool = False) -> None:
        now = time.perf_counter()
        if now - self._yielded >= YIELD_EVERY_S:
            time.sleep(YIELD_FOR_S)
            self._yielded = time.perf_counter()
        if self.on_progress is None or (not force and now - self._told < 0.1):
            return
        self._told = now
        low, high = STEPS[step]
        part = min(done / total, 1.0) if total else 0.0
        self.on_progress(Progress(step, done, total, low + (high - low) * part, now - self.started))


class ImportRefused(ValueError):
    """`apply` will not run: the preview has problems (listed in `problems`)."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        self.problems = list(problems)
        super().__init__(message)


class StalePreview(ImportRefused):
    """The store changed between the preview and `apply`; nothing was written."""


def _shown(value: object) -> str:
    text = unit_of_work.as_text(value)
    return "tomt" if text in (None, "") else str(text)


def _fold_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Context:
    """Collects the problems and notices of one preview, and the store's codes and names."""

    def __init__(self, spec: Kind, filename: str, sheet: str | None, koder: _Koder | None = None):
        self.spec = spec
        self.fil = filename
        self.blad = sheet
        self.koder = koder
        self.problems: list[Problem] = []
        self.dropped = 0
        self.skipped = 0
        self._notices: dict[tuple[str | None, str], list[int]] = {}
        self.headers: dict[str, str] = {}
        self.excel = False
        self.tick = _Ticker(None)
        self.step = "compare"  # the step planning is part of (in apply: checking again)
        # Parsed cells by (field, type, value): a file repeats its nämnder, områden, years … and each
        # reading depends only on the cell and the file (units, Excel or not), not on the row.
        self.parsed: dict[tuple[str, type, object], tuple[bool, object]] = {}

    def problem(self, rad: int | None, kolumn: str | None, fel: str, varde: object = None) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        shown = None if varde is None else fmt.cell_text(varde)
        self.problems.append(Problem(self.fil, self.blad, rad, kolumn, shown, fel))

    def field_problem(self, rad: int, name: str, fel: str, varde: object = None) -> None:
        self.problem(rad, self.headers.get(name, self.spec.column(name).header), fel, varde)

    def notice(self, kolumn: str | None, text: str, rad: int | None = None) -> None:
        rows = self._notices.setdefault((kolumn, text), [])
        if rad is not None:
            rows.append(rad)

    def notices(self) -> list[Notice]:
        return [Notice(k, t, tuple(r)) for (k, t), r in self._notices.items()]

    def finish_problems(self) -> list[Problem]:
        if self.dropped:
            extra = Problem(self.fil, self.blad, None, None, None, f"… och {self.dropped} problem till")
            return [*self.problems, extra]
        return self.problems


class _Row:
    """One data row: reads each field, reporting problems and notices at the row and column."""

    def __init__(self, ctx: _Context, rad: int, cells: dict[str, object], units: dict[str, str]):
        self.ctx = ctx
        self.rad = rad
        self.cells = cells
        self.units = units
        self.ok = True

    def has(self, name: str) -> bool:
        return name in self.cells

    def blank(self, name: str) -> bool:
        return fmt.is_blank(self.cells.get(name))

    def fail(self, name: str, message: str, value: object = "__cell__") -> None:
        self.ok = False
        shown = self.cells.get(name) if value == "__cell__" else value
        self.ctx.field_problem(self.rad, name, message, "" if shown is None else shown)

    def note(self, name: str, text: str | None) -> None:
        if text:
            self.ctx.notice(self.ctx.headers.get(name), text, self.rad)

    def value(self, name: str, parse: Callable[[object], object], *, required: bool = False) -> object:
        """The parsed value of a field; None when its column is absent or the cell empty (a problem
        when required) or when it cannot be read (a problem)."""
        if not self.has(name):
            return None
        raw = self.cells[name]
        if fmt.is_blank(raw):
            if required:
                self.fail(name, MISSING_VALUE, "")
            return None
        key = (name, type(raw), raw)
        cached = self.ctx.parsed.get(key)
        if cached is None:
            try:
                cached = (True, parse(raw))
            except BadValue as exc:
                cached = (False, str(exc))
            self.ctx.parsed[key] = cached
        good, result = cached
        if not good:
            self.fail(name, str(result))
            return None
        if isinstance(result, Resolved):
            self.note(name, result.how)
            return result.kod
        if isinstance(result, fmt.Read):
            self.note(name, result.how)
            return result.value
        return result

    def codes(self, name: str, names: Names, *, commas: bool = True) -> list[str] | None:
        if not self.has(name):
            return None
        found: list[str] = []
        for item in fmt.split_list(self.cells[name], commas=commas):
            try:
                resolved = names.resolve(item)
            except BadValue as exc:
                self.fail(name, str(exc), item)
                continue
            self.note(name, resolved.how)
            found.append(resolved.kod)
        return writes.sorted_codes(found)


# ------------------------------------------------------------------------------------ lookups


@dataclass
class _Koder:
    namnder: Names
    finansiering: Names
    fokus: Names
    indikatorer: Names
    enhet: dict[str, str]
    omraden: _Omraden
    beslut: dict[str, str]  # folded id -> id
    tilldelningar: dict[str, str]  # id -> finansiering_kod
    tilldelning_ids: dict[str, str]  # folded id -> id
    kallor: set[str]
    status: Names
    typ: Names


# Names that stand for a nämnd besides its own name and short name: its förvaltning or kontor.
NAMND_ALIAS: dict[str, tuple[str, ...]] = {
    "KS": ("Kommunstyrelsen", "Stadskontoret", "KSAU"),
    "TN": ("Fastighets- och gatukontoret", "Fastighets- och gatuförvaltningen"),
    "SBN": ("Stadsbyggnadskontoret",),
    "GRN-PI": ("Pedagogisk inspiration",),
}
STATUS_ALIAS: dict[str, tuple[str, ...]] = {
    "föreslagen": ("förslag", "föreslaget", "föreslagna"),
    "beviljad": ("beviljat", "beviljade", "beslutad", "beslutat"),
    "pågående": ("pågår", "påbörjad", "startad", "aktiv", "igång", "pagaende"),
    "avslutad": ("avslutat", "avslutade", "klar", "genomförd", "genomfört", "slutförd"),
    "avbruten": ("avbrutet", "avbrutna", "stoppad", "nedlagd"),
    "permanentad": ("permanentat", "permanent", "permanentade", "kommunbidragsväxlad"),
}
TYP_ALIAS: dict[str, tuple[str, ...]] = {
    "pilot": ("pilotprojekt", "försök", "försöksverksamhet"),
    "förstudie": ("studie", "utredning"),
    "utökning": ("utökad", "utökat", "utvidgning", "förstärkning"),
    "ny": ("ny insats", "nytt", "ny verksamhet"),
}
CITY_NAMES = ("Malmö", "Malmö stad", "Hela staden", "Hela Malmö", "Staden")


class _Omraden:
    """Områden by code or name: the city (0), the 14 statistikområden by full name or any part of it
    ('Lindängen' for 'Lindängen, Almvik m fl'), and the delområden, each inside a statistikområde."""

    def __init__(self, rows: Sequence[Mapping[str, object]]):
        self.rows = {str(r["kod"]): r for r in rows}
        main = {k: str(r["namn"]) for k, r in self.rows.items() if r["niva"] in ("kommun", "statistikomrade")}
        full = {k: [n, *(CITY_NAMES if k == "0" else ())] for k, n in main.items()}
        parts = {k: [p for p in re.split(r",", n) if p.strip()] for k, n in main.items() if k != "0"}
        self.main = Names("område", main, [full, parts], "ange kod 1–14 eller namn, t.ex. 12 eller Lindängen")
        delar = {k: str(r["namn"]) for k, r in self.rows.items() if r["niva"] == "delomrade"}
        self.delar = Names("delområde", delar, [{k: [n] for k, n in delar.items()}], "")

    def parent(self, kod: str) -> str:
        return str(self.rows[kod]["overordnad_kod"])

    def label(self, kod: str) -> str:
        return self.main.label(kod)

    def resolve(self, value: object, *, city: bool, delomraden: bool, what: str, whole_names: bool = False) -> Resolved:
        """A statistikområde (or 0 when `city`); a delområde counts to its statistikområde only when
        `delomraden`, and the answer says so. With `whole_names` (values that differ between a
        delområde and its statistikområde, such as indicators) a name that is both part of a
        statistikområde's name and a delområde's ('Lindängen') is refused: the value may be the
        delområde's."""
        text = fmt.cell_text(value)
        found = self.main.find(text)
        if found is not None:
            if found.kod == "0" and not city:
                raise BadValue(f"hela staden är inget område här; {what} anges per statistikområde 1–14")
            if whole_names and found.how is not None and found.kod != "0":
                part = self.delar.find(text)
                if part is not None and self.parent(part.kod) == found.kod:
                    delname = self.delar.codes[part.kod].title()
                    raise BadValue(
                        f"{text!r} är namnet på delområdet {delname} ({part.kod}), som ligger i statistikområde "
                        f"{self.label(found.kod)}; {what} anges per statistikområde: skriv koden {found.kod} "
                        f"eller hela namnet {self.main.codes[found.kod]!r} om värdet gäller hela statistikområdet"
                    )
            return found
        part = self.delar.find(text)
        if part is None:
            raise BadValue(f"okänt område; {self.main.example}")
        parent = self.parent(part.kod)
        delname = self.delar.codes[part.kod].title()
        if not delomraden:
            raise BadValue(
                f"{delname} ({part.kod}) är ett delområde i statistikområde {self.label(parent)}; "
                f"{what} anges per statistikområde 1–14{' eller för hela staden (0)' if city else ''}"
            )
        return Resolved(
            parent,
            f"{text!r} är delområdet {delname} ({part.kod}) och räknas till statistikområde {self.label(parent)}",
        )


def _koder(cur: Connection) -> _Koder:
    by: dict[str, list[dict[str, object]]] = {}
    for row in store.run_rows(cur, "import/koder"):
        by.setdefault(str(row["slag"]), []).append(row)

    def named(slag: str, what: str, example: str, extra: Mapping[str, Sequence[str]] | None = None) -> Names:
        rows = by.get(slag, [])
        codes = {str(r["kod"]): str(r["namn"] or r["kod"]) for r in rows}
        tier1 = {str(r["kod"]): [str(r["namn"] or ""), str(r["kod"])] for r in rows}
        tier2: dict[str, list[str]] = {}
        for r in rows:
            names = [str(v) for v in (r["kortnamn"], r["namn_en"]) if v]
            names += list((extra or {}).get(str(r["kod"]), ()))
            namn = str(r["namn"] or "")
            if slag == "indikator":
                # 'Förvärvsfrekvens' for 'Förvärvsfrekvens 20–64 år', 'Trångboddhet' for 'Trångboddhet (norm 2)'.
                short = re.sub(r"\s*\(.*\)\s*$", "", namn)
                short = re.sub(r"\s+(\d+\s*[–-]\s*\d+\s*år|per .*)$", "", short)
                names.append(short)
            if slag == "namnd":
                # The förvaltning's name for the nämnd's: Fritidsförvaltningen, Fritidsnämnd.
                names += [re.sub(r"nämnden\b", "förvaltningen", namn), re.sub(r"nämnden\b", "nämnd", namn)]
            tier2[str(r["kod"])] = names
        return Names(what, codes, [tier1, tier2], example)

    known_namnder = ", ".join(str(r["kod"]) for r in by.get("namnd", []))
    tilldelningar = {str(r["kod"]): str(r["finansiering_kod"]) for r in by.get("tilldelning", [])}
    return _Koder(
        namnder=named(
            "namnd",
            "nämnd",
            f"ange kod eller namn, t.ex. FRN eller Fritidsnämnden (koder: {known_namnder})",
            NAMND_ALIAS,
        ),
        finansiering=named(
            "finansiering",
            "finansieringskälla",
            "ange kod eller namn: " + ", ".join(str(r["kod"]) for r in by.get("finansiering", [])),
        ),
        fokus=named("fokus", "fokusområde", "ange boende, utbildning, arbetsmarknad, demokrati eller brottslighet"),
        indikatorer=named(
            "indikator",
            "indikator",
            "ange kod eller namn på en indikator i databasen, t.ex. forvarvsfrekvens eller Förvärvsfrekvens",
        ),
        enhet={str(r["kod"]): str(r["enhet"] or "") for r in by.get("indikator", [])},
        omraden=_Omraden(by.get("omrade", [])),
        beslut={fmt.norm(r["kod"]): str(r["kod"]) for r in by.get("beslut", [])},
        tilldelningar=tilldelningar,
        tilldelning_ids={fmt.norm(k): k for k in tilldelningar},
        kallor={str(r["kod"]) for r in by.get("kalla", [])},
        status=Names("status", {s: s for s in writes.STATUSAR}, [STATUS_ALIAS], "ange " + ", ".join(writes.STATUSAR)),
        typ=Names("typ", {t: t for t in writes.TYPER}, [TYP_ALIAS], "ange " + ", ".join(writes.TYPER)),
    )


# ------------------------------------------------------------------------------ value readers


def _text(limit: int) -> Callable[[object], str]:
    def read(value: object) -> str:
        text = _fold_spaces(fmt.cell_text(value)) if limit <= 200 else fmt.cell_text(value)
        if len(text) > limit:
            raise BadValue(f"får vara högst {limit} tecken (nu {len(text)})")
        if domain.CONTROL.search(text):
            raise BadValue("innehåller otillåtna styrtecken")
        return text

    return read


_ID = re.compile(r"[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö._/-]{0,39}")


def _identifier(value: object) -> str:
    text = fmt.cell_text(value)
    if not _ID.fullmatch(text):
        raise BadValue("ska vara ett id av bokstäver, siffror och bindestreck, t.ex. INS-012 (högst 40 tecken)")
    return text


def _positive_int(value: object) -> int:
    text = fmt.cell_text(value)
    if not re.fullmatch(r"[0-9]{1,9}", text) or int(text) < 1:
        raise BadValue("ska vara ett heltal, 1 eller mer")
    return int(text)


def _amount(row: _Row, name: str) -> Callable[[object], int]:
    unit = fmt.amount_unit(row.units.get(name, ""))
    return lambda v: fmt.parse_amount(v, unit=unit)


def _date(row: _Row) -> Callable[[object], object]:
    def read(value: object) -> object:
        day, how = fmt.parse_date(value, excel=row.ctx.excel)
        return fmt.Read(day, how) if how else day

    return read


def _read_kalla(row: _Row, default: str) -> str | None:
    """The row's source: its Källa cell, else the default; None (skip the row) for exempeldata."""
    given = row.value("kalla", _text(200))
    if given is not None and str(given).casefold() == EXEMPELDATA:
        return None
    return str(given) if given else default


# ------------------------------------------------------------------------------ reading rows


def _read_rows(ctx: _Context, table: fmt.Table, kalla: str) -> list[dict[str, object]]:
    """Every data row of the file as a record of checked values (rows with problems left out)."""
    spec = ctx.spec
    positions: dict[str, int] = {}
    units: dict[str, str] = {}
    for index, header in enumerate(table.headers):
        if not header:
            continue
        matched = spec.match(header)
        if matched is None:
            ctx.notice(header, "okänd kolumn; läses inte")
            continue
        name, unit = matched
        if name in positions:
            ctx.problem(
                table.header_rad,
                header,
                f"kolumnerna {ctx.headers[name]!r} och {header!r} betyder samma sak "
                f"({spec.column(name).header}); ta bort den ena",
            )
            continue
        positions[name] = index
        units[name] = unit
        ctx.headers[name] = header
    missing = [c.header for c in spec.columns if c.required and c.field not in positions]
    if missing:
        found = ", ".join(h for h in table.headers if h) or "inga"
        ctx.problem(
            table.header_rad,
            None,
            f"obligatoriska kolumner saknas: {', '.join(missing)}. Hittade kolumner: {found}",
        )
        return []
    if ctx.problems:
        return []
    data_rows = [(n, cells) for n, cells in table.rows if any(not fmt.is_blank(c) for c in cells)]
    if not data_rows:
        ctx.problem(None, None, "filen har en rubrikrad men inga datarader")
        return []
    records: list[dict[str, object]] = []
    sums: list[tuple[int, object]] = []
    reader = _READERS[spec.name]
    total = len(data_rows)
    for index, (number, cells) in enumerate(data_rows):
        if index % 500 == 0:
            ctx.tick("check", index, total)
        if _is_sum_row(cells):
            ctx.skipped += 1
            sums.append((number, cells[positions["belopp_kr"]] if "belopp_kr" in positions else None))
            continue
        row = _Row(ctx, number, {name: cells[i] for name, i in positions.items()}, units)
        formulas = [name for name, value in row.cells.items() if isinstance(value, fmt.Formula)]
        if formulas:
            for name in formulas:
                row.fail(name, FORMULA_NO_VALUE)
            continue
        source = _read_kalla(row, kalla)
        if source is None:
            ctx.skipped += 1
            ctx.notice(ctx.headers.get("kalla"), "raden har källan exempeldata och hoppas över", number)
            continue
        record = reader(row, ctx)
        if record is not None and row.ok:
            record["kalla"] = source
            record["_rad"] = number
            records.append(record)
    _check_sums(ctx, sums, records, units)
    return records


_SUM_WORDS = ("summa", "totalt", "total", "totalsumma", "sum", "sammanlagt")


def _is_sum_row(cells: Sequence[object]) -> bool:
    first = next((text for c in cells if (text := fmt.cell_text(c))), "")
    if first[:1] not in "sStT" or not first:  # every sum word starts so: most rows are told at once
        return False
    return fmt.norm(first) in _SUM_WORDS or bool(re.match(r"(?i)^(summa|totalt)\b", first))


def _check_sums(
    ctx: _Context, sums: list[tuple[int, object]], records: list[dict[str, object]], units: Mapping[str, str]
) -> None:
    """A sum row is not imported; where it gives an amount, say whether the rows add up to it."""
    for number, value in sums:
        ctx.notice(None, "raden ser ut som en summarad och importeras inte", number)
        if value is None or fmt.is_blank(value):
            continue
        try:
            declared = fmt.parse_amount(value, unit=fmt.amount_unit(units.get("belopp_kr", "")))
        except BadValue:
            continue
        total = sum(int(r["belopp_kr"]) for r in records if isinstance(r.get("belopp_kr"), int))
        if ctx.problems:
            continue  # the rows with problems are not counted, so the comparison would mislead
        if declared == total:
            ctx.notice(ctx.headers.get("belopp_kr"), f"summaraden ({_kr(declared)}) stämmer med raderna", number)
        else:
            ctx.notice(
                ctx.headers.get("belopp_kr"),
                f"OBS: summaraden anger {_kr(declared)} men raderna summerar till {_kr(total)} "
                f"(skillnad {_kr(declared - total)})",
                number,
            )


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", " ") + " kr"


def _read_insats(row: _Row, ctx: _Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": {n for n in row.cells}}
    r["insats_id"] = row.value("insats_id", _identifier)
    r["namn"] = row.value("namn", _text(200), required=True)
    r["beskrivning"] = row.value("beskrivning", _text(4000))
    r["namnd_kod"] = row.value("namnd_kod", k.namnder.resolve, required=True)
    r["finansiering_kod"] = row.value("finansiering_kod", k.finansiering.resolve, required=True)
    r["tilldelning_id"] = row.value("tilldelning_id", lambda v: _tilldelning(k, v))
    r["belopp_kr"] = row.value("belopp_kr", _amount(row, "belopp_kr"), required=True)
    r["startdatum"] = row.value("startdatum", _date(row), required=True)
    r["slutdatum"] = row.value("slutdatum", _date(row))
    r["status"] = row.value("status", k.status.resolve, required=True)
    r["typ"] = row.value("typ", k.typ.resolve, required=True)
    r["malgrupp"] = row.value("malgrupp", _text(100))
    r["fokus_kod"] = row.value("fokus_kod", k.fokus.resolve, required=True)
    r["sekundara_fokus"] = row.codes("sekundara_fokus", k.fokus)
    r["partner_namnder"] = row.codes("partner_namnder", k.namnder)
    r["anledning"] = row.value("anledning", _text(2000))
    if row.has("partner_externa"):
        externa = []
        for name in fmt.split_list(row.cells["partner_externa"], commas=False):
            try:
                externa.append(_text(200)(name))
            except BadValue as exc:
                row.fail("partner_externa", str(exc), name)
        r["partner_externa"] = sorted(set(externa))
    else:
        r["partner_externa"] = None
    hela = row.value("hela_staden", fmt.parse_bool)
    omraden, city = _insats_omraden(row, k.omraden)
    if city:
        if hela is False:
            row.fail("omraden", "området Hela staden strider mot Hela staden = nej")
        hela = True
    elif hela is None and omraden:
        hela = False
    r["omraden"] = omraden
    r["hela_staden"] = hela
    return r


def _tilldelning(k: _Koder, value: object) -> str:
    text = fmt.cell_text(value)
    found = k.tilldelning_ids.get(fmt.norm(text))
    if found is None:
        raise BadValue("okänd tilldelning; ange ett tilldelnings-id som finns i databasen, t.ex. T2022-KS-FRN")
    return found


def _insats_omraden(row: _Row, omraden: _Omraden) -> tuple[list[str] | None, bool]:
    """An insats' områden (statistikområden) and whether the cell says Hela staden."""
    if not row.has("omraden"):
        return None, False
    codes: set[str] = set()
    city = False
    what = "en insats områden"
    for piece in fmt.split_list(row.cells["omraden"], commas=False):
        try:
            resolved = omraden.resolve(piece, city=True, delomraden=True, what=what)
            items = [resolved]
        except BadValue as whole:
            parts = [p.strip() for p in piece.split(",") if p.strip()]
            if len(parts) < 2:
                row.fail("omraden", str(whole), piece)
                continue
            items = []
            for part in parts:
                try:
                    items.append(omraden.resolve(part, city=True, delomraden=True, what=what))
                except BadValue as exc:
                    row.fail("omraden", str(exc), part)
        for item in items:
            if item.kod == "0":
                city = True
                row.note("omraden", f"{piece!r} tolkas som hela staden")
            else:
                row.note("omraden", item.how)
                codes.add(item.kod)
    return writes.sorted_codes(codes), city


def _read_tilldelning(row: _Row, ctx: _Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": set(row.cells)}
    r["tilldelning_id"] = row.value("tilldelning_id", _identifier, required=True)
    r["beslut_id"] = row.value("beslut_id", lambda v: _beslut(k, v), required=True)
    r["namnd_kod"] = row.value("namnd_kod", k.namnder.resolve, required=True)
    r["mottagare_text"] = row.value("mottagare_text", _text(200))
    r["finansiering_kod"] = row.value("finansiering_kod", k.finansiering.resolve, required=True)
    r["ar"] = row.value("ar", fmt.parse_year, required=True)
    r["belopp_kr"] = row.value("belopp_kr", _amount(row, "belopp_kr"), required=True)
    r["dokument_rad"] = row.value("dokument_rad", _positive_int)
    return r


def _beslut(k: _Koder, value: object) -> str:
    found = k.beslut.get(fmt.norm(value))
    if found is None:
        raise BadValue("okänt beslut; ange ett besluts-id som finns i databasen, t.ex. B2024-KSAU414-KS")
    return found


def _read_indikatorvarde(row: _Row, ctx: _Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": set(row.cells)}
    r["indikator_kod"] = row.value("indikator_kod", k.indikatorer.resolve, required=True)
    r["omrade_kod"] = row.value(
        "omrade_kod",
        lambda v: k.omraden.resolve(v, city=True, delomraden=False, what="indikatorvärden", whole_names=True),
        required=True,
    )
    r["ar"] = row.value("ar", fmt.parse_year, required=True)
    varde = row.value("varde", fmt.parse_number, required=True)
    if isinstance(varde, float) and r["indikator_kod"]:
        enhet = k.enhet.get(str(r["indikator_kod"]), "")
        if varde < 0:
            row.fail("varde", "värdet får inte vara negativt")
        elif enhet == "procent" and varde > 100:
            row.fail("varde", "en andel i procent ska ligga mellan 0 och 100")
    r["varde"] = varde
    return r


def _read_period(row: _Row, ctx: _Context) -> dict[str, object] | None:
    k = ctx.koder
    assert k is not None
    r: dict[str, object] = {"_present": set(row.cells)}
    r["omrade_kod"] = row.value(
        "omrade_kod",
        lambda v: k.omraden.resolve(v, city=False, delomraden=False, what=ctx.spec.title.lower()),
        required=True,
    )
    r["startdatum"] = row.value("startdatum", _date(row), required=True)
    r["slutdatum"] = row.value("slutdatum", _date(row))
    start, slut = r["startdatum"], r["slutdatum"]
    if isinstance(start, date) and isinstance(slut, date) and slut < start:
        row.fail("slutdatum", f"slutdatum {slut.isoformat()} ligger före startdatum {start.isoformat()}")
    return r


_READERS: dict[str, Callable[[_Row, _Context], dict[str, object] | None]] = {
    "insatser": _read_insats,
    "tilldelningar": _read_tilldelning,
    "indikatorvarden": _read_indikatorvarde,
    "omradesteam": _read_period,
    "kraftsamling": _read_period,
}


# ---------------------------------------------------------------------------- planning


def _keyed(
    ctx: _Context,
    records: list[dict[str, object]],
    key: Callable[[dict[str, object]], tuple],
    fields: Sequence[str],
    message: Callable[[dict[str, object], int], str],
) -> list[dict[str, object]]:
    """Records whose key is not repeated; each repeat is a problem naming the row it repeats."""
    seen: dict[tuple, int] = {}
    kept = []
    for r in records:
        k = key(r)
        if k in seen:
            header = " + ".join(ctx.headers.get(f, ctx.spec.column(f).header) for f in fields)
            shown = ", ".join(_shown(r.get(f)) for f in fields)
            ctx.problem(int(r["_rad"]), header, message(r, seen[k]), shown)
            continue
        seen[k] = int(r["_rad"])
        kept.append(r)
    return kept


def _ticking(ctx: _Context, records: Sequence[dict[str, object]]) -> Iterable[dict[str, object]]:
    for index, r in enumerate(records):
        if index % 500 == 0:
            ctx.tick(ctx.step, index, len(records))
        yield r


def _same_id(what: str) -> Callable[[dict[str, object], int], str]:
    return lambda r, first: f"{what} finns redan på rad {first}; ett id får bara förekomma en gång i filen"


def _changes(
    spec: Kind, fields: Sequence[str], before: Mapping[str, object], after: Mapping[str, object]
) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(f, _label(spec, f), before.get(f), after.get(f))
        for f in fields
        if not _same(before.get(f), after.get(f))
    )


def _label(spec: Kind, name: str) -> str:
    try:
        return spec.column(name).header
    except StopIteration:
        return writes.LABELS.get(name, name)


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))  # type: ignore[arg-type]
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        return list(a or []) == list(b or [])  # type: ignore[call-overload]
    return a == b


INSATS_COMPARED: tuple[str, ...] = (*writes.INSATS_FIELDS[:8], "status", *writes.INSATS_FIELDS[8:])
_INSATS_LISTS = ("sekundara_fokus", "omraden", "partner_namnder", "partner_externa")


def _plan_insatser(ctx: _Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
    stored: dict[str, dict[str, object]] = {}
    for row in store.run_rows(cur, "import/insatser_nu"):
        for name in _INSATS_LISTS:
            row[name] = writes.sorted_codes(row[name]) if name != "partner_externa" else sorted(row[name] or [])
        stored[str(row["insats_id"])] = row
    by_name: dict[tuple[str, str], list[str]] = {}
    for insats_id, row in stored.items():
        by_name.setdefault((str(row["namnd_kod"]), fmt.norm(row["namn"])), []).append(insats_id)
    numbers = [
        int(m.group(1))
        for i in (*stored, *(str(r["insats_id"]) for r in records if r["insats_id"]))
        if (m := re.fullmatch(r"INS-(\d+)", i))
    ]
    next_number = max(numbers, default=0) + 1

    records = _keyed(
        ctx,
        [r for r in records if r["insats_id"]],
        lambda r: (str(r["insats_id"]).upper(),),
        ("insats_id",),
        _same_id("insats-id"),
    ) + _keyed(
        ctx,
        [r for r in records if not r["insats_id"]],
        lambda r: (r["namnd_kod"], fmt.norm(r["namn"])),
        ("namnd_kod", "namn"),
        lambda r, first: (
            f"en insats med samma nämnd och namn finns redan på rad {first}; ge raderna var sitt "
            "insats-id eller slå ihop dem"
        ),
    )
    records.sort(key=lambda r: int(r["_rad"]))
    actions: list[RowAction] = []
    today = writes.today()
    for r in _ticking(ctx, records):
        rad = int(r["_rad"])
        existing = None
        if r["insats_id"]:
            existing = stored.get(str(r["insats_id"]))
            same_name = by_name.get((str(r["namnd_kod"]), fmt.norm(r["namn"])), [])
            if existing is None and same_name:
                ctx.notice(
                    ctx.headers.get("namn"),
                    f"en insats med samma nämnd och namn finns redan med id {', '.join(same_name)}; "
                    f"{r['insats_id']} läggs till som en ny insats",
                    rad,
                )
            insats_id = str(existing["insats_id"]) if existing else str(r["insats_id"])
        else:
            matches = by_name.get((str(r["namnd_kod"]), fmt.norm(r["namn"])), [])
            if len(matches) > 1:
                ctx.field_problem(
                    rad,
                    "namn",
                    f"flera insatser hos nämnden heter så ({', '.join(matches)}); ange insats-id",
                    r["namn"],
                )
                continue
            if matches:
                existing = stored[matches[0]]
                insats_id = matches[0]
                ctx.notice(
                    ctx.headers.get("namn"), f"{r['namn']!r} känns igen som {insats_id} (samma nämnd och namn)", rad
                )
            else:
                insats_id = f"INS-{next_number:03d}"
                next_number += 1
        present = r["_present"]
        assert isinstance(present, set)
        if existing is None:
            values = {f: r.get(f) for f in INSATS_COMPARED}
            for name in _INSATS_LISTS:
                values[name] = values[name] or []
            values["hela_staden"] = bool(values["hela_staden"])
        else:
            values = {f: existing[f] for f in INSATS_COMPARED}
            for f in INSATS_COMPARED:
                if f == "hela_staden":
                    if r.get("hela_staden") is not None:
                        values[f] = r["hela_staden"]
                elif f in present:
                    values[f] = r.get(f) if f not in _INSATS_LISTS else (r.get(f) or [])
        values["kalla"] = r["kalla"]
        values["insats_id"] = insats_id
        values["anledning"] = r.get("anledning")
        if not _check_insats(ctx, rad, values):
            continue
        moves = _moves(ctx, rad, values, existing, r.get("anledning"), today)
        if moves is None:
            continue
        if existing is None:
            actions.append(RowAction(ADDED, insats_id, rad, values, moves=tuple(moves)))
            continue
        changes = _changes(INSATSER, INSATS_COMPARED, existing, values)
        action = CHANGED if changes else UNCHANGED
        actions.append(RowAction(action, insats_id, rad, values, changes, existing, tuple(moves)))
    return actions


def _check_insats(ctx: _Context, rad: int, values: dict[str, object]) -> bool:
    """The rules between an insats' fields (as writes.py has them), on the values it will have."""
    assert ctx.koder is not None
    problems = []
    start, slut = values["startdatum"], values["slutdatum"]
    if isinstance(start, date) and isinstance(slut, date) and slut < start:
        problems.append(("slutdatum", f"slutdatum {slut.isoformat()} ligger före startdatum {start.isoformat()}", slut))
    tilldelning = values["tilldelning_id"]
    if tilldelning:
        owner = ctx.koder.tilldelningar.get(str(tilldelning))
        if owner is not None and owner != values["finansiering_kod"]:
            problems.append(
                (
                    "tilldelning_id",
                    f"tilldelningen {tilldelning} gäller finansieringskällan {owner}, inte {values['finansiering_kod']}",
                    tilldelning,
                )
            )
    if values["hela_staden"] and values["omraden"]:
        problems.append(("omraden", "en insats för hela staden anges utan områden", ", ".join(values["omraden"])))
    elif not values["hela_staden"] and not values["omraden"]:
        problems.append(("omraden", "ange minst ett område, eller Hela staden", ""))
    if values["fokus_kod"] in (values["sekundara_fokus"] or []):
        problems.append(
            ("sekundara_fokus", "det primära fokusområdet kan inte också vara ett av de övriga", values["fokus_kod"])
        )
    if values["namnd_kod"] in (values["partner_namnder"] or []):
        problems.append(
            ("partner_namnder", "den ansvariga nämnden kan inte också vara samverkande nämnd", values["namnd_kod"])
        )
    for name, message, value in problems:
        ctx.field_problem(rad, name, message, value)
    return not problems


def _path(fran: str, till: str) -> list[str] | None:
    """The statuses an insats passes from `fran` to `till` along the allowed moves (shortest way)."""
    queue: deque[list[str]] = deque([[fran]])
    while queue:
        path = queue.popleft()
        if path[-1] == till:
            return path[1:]
        queue.extend([*path, nxt] for nxt in writes.allowed_moves(path[-1]) if nxt not in path)
    return None


def _moves(
    ctx: _Context,
    rad: int,
    values: Mapping[str, object],
    existing: Mapping[str, object] | None,
    anledning: object,
    today: date,
) -> list[tuple[str | None, str, date]] | None:
    """The status moves an import records, dated as well as the file allows; None after a problem.

    A new insats starts at its status (a running one on its startdatum); one that has ended is first
    recorded as pågående from its startdatum, then ended on its slutdatum. A changed status follows
    the allowed moves from the stored one.
    """
    status = str(values["status"])
    start, slut = values["startdatum"], values["slutdatum"]
    if existing is not None and existing["status"] == status:
        return []
    if "permanentad" == status:
        ctx.field_problem(
            rad,
            "status",
            "status permanentad kan inte importeras; importera insatsen som pågående och permanenta den i "
            "appen (mottagande nämnd och belopp behövs)",
            status,
        )
        return None
    if status == "avbruten" and not anledning:
        ctx.field_problem(rad, "status", "en avbruten insats behöver en anledning (kolumnen Anledning)", status)
        return None
    if status in ("avslutad", "avbruten"):
        if status == "avslutad" and not isinstance(slut, date):
            ctx.field_problem(rad, "slutdatum", "en avslutad insats behöver ett slutdatum", "")
            return None
        if isinstance(slut, date) and slut > today:
            ctx.field_problem(
                rad,
                "slutdatum",
                f"insatsen har status {status} men slutdatum {slut.isoformat()} ligger i framtiden",
                slut,
            )
            return None
    if existing is None:
        fran: str | None = None
        steps = [status]
        if status in ("avslutad", "avbruten"):
            started = isinstance(start, date) and start <= (slut if isinstance(slut, date) else today)
            steps = ["pågående", status] if started else ["beviljad", status]
        last = date.min
    else:
        fran = str(existing["status"])
        path = _path(fran, status)
        if path is None:
            allowed = writes.allowed_moves(fran)
            tail = f"från {fran} går det bara till {' eller '.join(allowed)}" if allowed else f"{fran} är en slutstatus"
            ctx.field_problem(rad, "status", f"status kan inte ändras från {fran} till {status}; {tail}", status)
            return None
        steps = path
        last = existing["senaste_statusdatum"] or date.min
    moves = []
    for step in steps:
        if step == "pågående" and isinstance(start, date):
            when = start
        elif step in ("avslutad", "avbruten") and isinstance(slut, date):
            when = slut
        else:
            when = today
        when = min(max(when, last), today)
        moves.append((fran, step, when))
        fran, last = step, when
    return moves


def _plan_tilldelningar(ctx: _Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
    assert ctx.koder is not None
    stored = {str(r["tilldelning_id"]): r for r in store.run_rows(cur, "import/tilldelningar_nu")}
    records = _keyed(
        ctx, records, lambda r: (str(r["tilldelning_id"]),), ("tilldelning_id",), _same_id("tilldelnings-id")
    )
    fields = (
        "beslut_id",
        "namnd_kod",
        "mottagare_text",
        "finansiering_kod",
        "ar",
        "belopp_kr",
        "dokument_rad",
        "kalla",
    )
    actions = []
    for r in _ticking(ctx, records):
        rad, key = int(r["_rad"]), str(r["tilldelning_id"])
        existing = stored.get(key)
        present = r["_present"]
        assert isinstance(present, set)
        if existing is None:
            values = {f: r.get(f) for f in fields}
            if not values["mottagare_text"]:
                values["mottagare_text"] = ctx.koder.namnder.codes.get(str(values["namnd_kod"]))
        else:
            values = {f: (r.get(f) if f in present or f == "kalla" else existing[f]) for f in fields}
            if "mottagare_text" in present and not values["mottagare_text"]:
                values["mottagare_text"] = existing["mottagare_text"]
            users = existing["insats_finansiering"] or []
            if values["finansiering_kod"] != existing["finansiering_kod"] and any(
                f != values["finansiering_kod"] for f in users
            ):
                ctx.field_problem(
                    rad,
                    "finansiering_kod",
                    f"insatserna {', '.join(existing['insatser'])} får sina pengar ur tilldelningen med "
                    f"finansieringskällan {existing['finansiering_kod']}; den kan inte bytas här",
                    values["finansiering_kod"],
                )
                continue
        values["tilldelning_id"] = key
        if existing is None:
            actions.append(RowAction(ADDED, key, rad, values))
        else:
            changes = _changes(TILLDELNINGAR, fields, existing, values)
            actions.append(RowAction(CHANGED if changes else UNCHANGED, key, rad, values, changes, existing))
    return actions


def _plan_indikatorvarden(ctx: _Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
    stored = {
        (str(r["indikator_kod"]), str(r["omrade_kod"]), int(r["ar"])): r
        for r in store.run_rows(cur, "import/indikatorvarden_nu")
    }
    records = _keyed(
        ctx,
        records,
        lambda r: (str(r["indikator_kod"]), str(r["omrade_kod"]), int(r["ar"])),  # type: ignore[arg-type]
        ("indikator_kod", "omrade_kod", "ar"),
        lambda r, first: (
            f"samma indikator, område och år finns redan på rad {first}; ett värde får bara förekomma en gång i filen"
        ),
    )
    actions = []
    for r in _ticking(ctx, records):
        key = (str(r["indikator_kod"]), str(r["omrade_kod"]), int(r["ar"]))  # type: ignore[arg-type]
        values = {"indikator_kod": key[0], "omrade_kod": key[1], "ar": key[2], "varde": r["varde"], "kalla": r["kalla"]}
        existing = stored.get(key)
        shown = "/".join(str(k) for k in key)
        if existing is None:
            actions.append(RowAction(ADDED, shown, int(r["_rad"]), values))
        else:
            changes = _changes(INDIKATORVARDEN, ("varde", "kalla"), existing, values)
            actions.append(
                RowAction(CHANGED if changes else UNCHANGED, shown, int(r["_rad"]), values, changes, existing)
            )
    return actions


def _plan_perioder(ctx: _Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
    table = ctx.spec.name
    stored = {(str(r["omrade_kod"]), r["startdatum"]): r for r in store.run_rows(cur, f"import/{table}_nu")}
    records = _keyed(
        ctx,
        records,
        lambda r: (str(r["omrade_kod"]), r["startdatum"]),
        ("omrade_kod", "startdatum"),
        lambda r, first: (
            f"samma område och startdatum finns redan på rad {first}; en period får bara förekomma en gång i filen"
        ),
    )
    # Periods of one område may not overlap: those in the file with each other and with the stored
    # ones the file does not replace.
    periods: dict[str, list[tuple[date, date | None, str]]] = {}
    in_file = {(str(r["omrade_kod"]), r["startdatum"]) for r in records}
    for (omrade, start), row in stored.items():
        if (omrade, start) not in in_file:
            periods.setdefault(omrade, []).append((start, row["slutdatum"], f"redan i databasen, källa {row['kalla']}"))
    actions = []
    for r in _ticking(ctx, records):
        rad = int(r["_rad"])
        omrade, start, slut = str(r["omrade_kod"]), r["startdatum"], r["slutdatum"]
        assert isinstance(start, date)
        clash = next(
            (p for p in periods.get(omrade, []) if start <= (p[1] or date.max) and p[0] <= (slut or date.max)), None
        )
        if clash is not None:
            ctx.field_problem(
                rad,
                "startdatum",
                f"perioden {_period(start, slut)} för område {omrade} överlappar perioden {_period(clash[0], clash[1])} "
                f"({clash[2]})",
                start,
            )
            continue
        periods.setdefault(omrade, []).append((start, slut, f"rad {rad} i filen"))
        values = {"omrade_kod": omrade, "startdatum": start, "slutdatum": slut, "kalla": r["kalla"]}
        key = f"{omrade}/{start.isoformat()}"
        existing = stored.get((omrade, start))
        if existing is None:
            actions.append(RowAction(ADDED, key, rad, values))
        else:
            changes = _changes(ctx.spec, ("slutdatum", "kalla"), existing, values)
            actions.append(RowAction(CHANGED if changes else UNCHANGED, key, rad, values, changes, existing))
    return actions


def _period(start: date, slut: date | None) -> str:
    return f"{start.isoformat()}–{slut.isoformat() if slut else ''}"


_PLANNERS: dict[str, Callable[[_Context, Connection, list[dict[str, object]]], list[RowAction]]] = {
    "insatser": _plan_insatser,
    "tilldelningar": _plan_tilldelningar,
    "indikatorvarden": _plan_indikatorvarden,
    "omradesteam": _plan_perioder,
    "kraftsamling": _plan_perioder,
}


def _signature(actions: Iterable[RowAction]) -> tuple:
    return tuple(
        (a.action, a.key, tuple((c.field, repr(c.old), repr(c.new)) for c in a.changes), a.moves) for a in actions
    )


# ------------------------------------------------------------------------------ preview


Source = bytes | bytearray | str | os.PathLike


def preview(
    con: Connection,
    kind_name: str,
    source: Source,
    filename: str | None = None,
    *,
    sheet: str | None = None,
    kalla: str | None = None,
    progress: OnProgress = None,
) -> ImportPreview:
    """Read and check a file for an import of `kind_name` against the store; writes nothing.

    `source` is the file's bytes (an upload) or a path; `filename` is the name shown and recorded
    (default: the path's name). `sheet` picks an Excel sheet (default: the first with a recognised
    header). `kalla` is the source recorded on the rows (default: the file name). `progress` is
    told a `Progress` as the file is read, checked and compared (at most ten times a second).
    The store is only read, on a cursor of its own, and no lock is held: other sessions read and
    write meanwhile (`apply` checks again that nothing changed).
    """
    spec = kind(kind_name)
    if isinstance(source, bytes | bytearray):
        name = Path(filename or "fil").name
        data: bytes | None = bytes(source)
        size = len(data)
    else:
        path = Path(source)
        name = Path(filename or path.name).name
        size = path.stat().st_size
        data = path.read_bytes() if size <= fmt.MAX_BYTES else None
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    given = (kalla or "").strip()
    result = ImportPreview(spec.name, name, sheet, digest, size, given or name)
    ctx = _Context(spec, name, sheet)
    ctx.tick = _Ticker(progress)
    ctx.tick("read", 0, None, force=True)
    if data is None or size > fmt.MAX_BYTES:
        ctx.problem(None, None, fmt.too_big_message(size))
        result.problems = ctx.finish_problems()
        return result
    try:
        table = fmt.read_table(
            data, name, spec.score, sheet=sheet, tick=lambda done, total: ctx.tick("read", done, total)
        )
    except FileProblem as exc:
        ctx.blad = None  # the message names the sheet when that is what is wrong
        ctx.problem(None, None, str(exc))
        result.problems = ctx.finish_problems()
        return result
    ctx.blad = table.blad
    ctx.excel = table.format == "xlsx"
    result.sheet = table.blad
    result.header_row = table.header_rad
    for note in table.notes:
        ctx.notice(None, note)
    cur = con.cursor()
    try:
        ctx.koder = _koder(cur)
        records = _read_rows(ctx, table, result.kalla)
        actions = _PLANNERS[spec.name](ctx, cur, records) if records else []
    finally:
        cur.close()
    result.columns = dict(ctx.headers)
    result.added = [a for a in actions if a.action == ADDED]
    result.changed = [a for a in actions if a.action == CHANGED]
    result.unchanged = [a for a in actions if a.action == UNCHANGED]
    result.problems = sorted(ctx.finish_problems(), key=lambda p: (p.rad is not None, p.rad or 0))
    result.notices = ctx.notices()
    result.skipped = ctx.skipped
    result._records = records
    result._signature = _signature(actions)
    ctx.tick("compare", 1, 1, force=True)
    return result


# ------------------------------------------------------------------------------------ apply


def apply(
    con: Connection,
    user: User | None,
    preview: ImportPreview,
    *,
    on_change: writes.OnChange = None,
    snapshot_dir: Path | None = None,
    progress: OnProgress = None,
) -> ImportResult:
    """Write what `preview` showed, all or nothing, as `user` (redaktör or admin).

    Refuses (ImportRefused) a preview with problems; PermissionError for a reader; StalePreview when
    the store changed since the preview. Takes a snapshot first (in `snapshot_dir`, default the
    store file's folder's snapshots/; none for an in-memory store without `snapshot_dir`) unless
    there is nothing to write. Audit rows: handling 'import', one per new field value and per
    changed field, and one for the whole file, each with the comment '<file> sha256:<checksum>'.
    """
    if preview.problems:
        n = len(preview.problems)
        raise ImportRefused(
            f"Importen görs inte: {preview.filename} har {n} problem. Rätta filen och förhandsgranska den igen.",
            preview.problems,
        )
    spec = kind(preview.kind)
    check = con.cursor()
    try:
        actor = unit_of_work.require(check, user, "redaktor")
    finally:
        check.close()
    keys_added = tuple(a.key for a in preview.added)
    keys_changed = tuple(a.key for a in preview.changed)
    if not keys_added and not keys_changed:
        return ImportResult(spec.name, preview.filename, preview.sha256, (), (), len(preview.unchanged), None, 0)
    ticker = _Ticker(progress)
    ticker("recheck", 0, None, force=True)
    snap = snapshots.snapshot(con, directory=snapshot_dir, reason=f"före import av {preview.filename}", optional=True)
    comment = f"{preview.filename} sha256:{preview.sha256}"
    now = unit_of_work.now()
    try:
        with unit_of_work.transaction(con) as cur:
            ctx = _Context(spec, preview.filename, preview.sheet, _koder(cur))
            ctx.headers = dict(preview.columns)
            ctx.tick, ctx.step = ticker, "recheck"
            actions = _PLANNERS[spec.name](ctx, cur, [dict(r) for r in preview._records])
            if ctx.problems or _signature(actions) != preview._signature:
                raise StalePreview(
                    "Databasen har ändrats sedan förhandsgranskningen; inget har importerats. "
                    "Förhandsgranska filen igen.",
                    ctx.problems,
                )
            audit = _Audit(spec.table)
            ticker("write", 0, 1, force=True)
            _WRITERS[spec.name](cur, [a for a in actions if a.action != UNCHANGED], actor, now, audit)
            _register_sources(cur, actions, preview, now)
            audit.flush(cur, actor, now, comment)
            summary = f"{len(keys_added)} nya, {len(keys_changed)} ändrade, {len(preview.unchanged)} oförändrade"
            unit_of_work.audit(cur, actor, HANDLING, spec.table, preview.filename, None, None, summary, comment)
    except store.TransactionConflict:
        raise StalePreview(
            "Någon annan ändrade samma rader medan importen skrevs; inget har importerats. Förhandsgranska filen igen."
        ) from None
    ticker("write", 1, 1, force=True)
    unit_of_work.notify(on_change)
    return ImportResult(
        spec.name,
        preview.filename,
        preview.sha256,
        keys_added,
        keys_changed,
        len(preview.unchanged),
        snap,
        audit.count + 1,
    )


class _Audit:
    """Audit rows collected during an import and written in one statement."""

    def __init__(self, table: str):
        self.table = table
        self.rows: list[tuple[str, str, str | None, str | None, str | None]] = []

    @property
    def count(self) -> int:
        return len(self.rows)

    def added(self, key: str, values: Mapping[str, object], fields: Sequence[str], table: str | None = None) -> None:
        for name in fields:
            if values.get(name) not in (None, "", []):
                self.rows.append((table or self.table, key, name, None, unit_of_work.as_text(values[name])))

    def changed(self, action: RowAction, table: str | None = None) -> None:
        for c in action.changes:
            self.rows.append(
                (table or self.table, action.key, c.field, unit_of_work.as_text(c.old), unit_of_work.as_text(c.new))
            )

    def flush(self, cur: Connection, actor: User, now: datetime, comment: str) -> None:
        if not self.rows:
            return
        tabell, rad_id, falt, gammalt, nytt = (list(column) for column in zip(*self.rows, strict=True))
        store.run_rows(
            cur,
            "import/audit_insert",
            tid=now,
            anvandare=actor.anvandarnamn,
            handling=HANDLING,
            kommentar=comment,
            tabell_list=tabell,
            rad_id_list=rad_id,
            falt_list=falt,
            gammalt_varde_list=gammalt,
            nytt_varde_list=nytt,
        )


def _columns(actions: Sequence[RowAction], fields: Sequence[str], suffix: str = "_list") -> dict[str, list[object]]:
    return {f"{f}{suffix}": [a.values.get(f) for a in actions] for f in fields}


_INSATS_ROW = (
    "insats_id",
    "namn",
    "beskrivning",
    "namnd_kod",
    "finansiering_kod",
    "tilldelning_id",
    "belopp_kr",
    "startdatum",
    "slutdatum",
    "status",
    "typ",
    "malgrupp",
    "hela_staden",
    "kalla",
)


def _write_insatser(cur: Connection, actions: list[RowAction], actor: User, now: datetime, audit: _Audit) -> None:
    added = [a for a in actions if a.action == ADDED]
    changed = [a for a in actions if a.action == CHANGED]
    if added:
        store.run_rows(cur, "import/insatser_insert", **_columns(added, _INSATS_ROW))
    if changed:
        saved = store.run_rows(
            cur,
            "import/insatser_update",
            version_list=[a.before["version"] for a in changed if a.before is not None],
            **_columns(changed, _INSATS_ROW),
        )
        if len(saved) != len(changed):
            raise StalePreview(
                "En insats i filen sparades av någon annan under importen; inget har importerats. "
                "Förhandsgranska filen igen."
            )

    def touched(*names: str) -> list[RowAction]:
        return added + [a for a in changed if any(c.field in names for c in a.changes)]

    def rewrite(names: tuple[str, ...], delete: str, insert: str, rows: Callable[[RowAction], list[tuple]]) -> None:
        targets = touched(*names)
        if not targets:
            return
        old = [a.key for a in targets if a.action == CHANGED]
        if old:
            store.run_rows(cur, delete, insats_id_list=old)
        lines = [line for a in targets for line in rows(a)]
        if lines:
            store.run_rows(
                cur,
                insert,
                **{
                    name: list(column)
                    for name, column in zip(_INSERT_NAMES[insert], zip(*lines, strict=True), strict=True)
                },
            )

    rewrite(
        ("fokus_kod", "sekundara_fokus", "kalla"),
        "import/insats_fokus_delete",
        "import/insats_fokus_insert",
        lambda a: (
            [(a.key, a.values["fokus_kod"], True, a.values["kalla"])]
            + [(a.key, f, False, a.values["kalla"]) for f in a.values["sekundara_fokus"] or []]
        ),
    )
    rewrite(
        ("omraden", "kalla"),
        "import/insats_omraden_delete",
        "import/insats_omraden_insert",
        lambda a: [(a.key, o, a.values["kalla"]) for o in a.values["omraden"] or []],
    )
    rewrite(
        ("partner_namnder", "partner_externa", "kalla"),
        "import/insats_partner_delete",
        "import/insats_partner_insert",
        lambda a: (
            [(a.key, "namnd", n, None, a.values["kalla"]) for n in a.values["partner_namnder"] or []]
            + [(a.key, "extern", None, p, a.values["kalla"]) for p in a.values["partner_externa"] or []]
        ),
    )
    moves = [
        (a.key, when, fran, till, _move_reason(a, till), a.values["kalla"])
        for a in actions
        for fran, till, when in a.moves
    ]
    if moves:
        ids, dates, frans, tills, reasons, kallor = (list(c) for c in zip(*moves, strict=True))
        store.run_rows(
            cur,
            "import/statushistorik_insert",
            insats_id_list=ids,
            datum_list=dates,
            fran_status_list=frans,
            till_status_list=tills,
            anledning_list=reasons,
            kalla_list=kallor,
            anvandare=actor.anvandarnamn,
            tid=now,
        )
    for a in added:
        audit.added(a.key, a.values, INSATS_COMPARED)
    for a in changed:
        audit.changed(a)


_INSERT_NAMES = {
    "import/insats_fokus_insert": ("insats_id_list", "fokus_kod_list", "primar_list", "kalla_list"),
    "import/insats_omraden_insert": ("insats_id_list", "omrade_kod_list", "kalla_list"),
    "import/insats_partner_insert": (
        "insats_id_list",
        "partner_typ_list",
        "namnd_kod_list",
        "partner_namn_list",
        "kalla_list",
    ),
}


def _move_reason(action: RowAction, till: str) -> str | None:
    if till == "avbruten":
        return str(action.values.get("anledning") or "") or None
    return None


def _write_simple(
    insert: str, update: str, fields: Sequence[str], update_fields: Sequence[str] | None = None
) -> Callable[[Connection, list[RowAction], User, datetime, _Audit], None]:
    def write(cur: Connection, actions: list[RowAction], actor: User, now: datetime, audit: _Audit) -> None:
        added = [a for a in actions if a.action == ADDED]
        changed = [a for a in actions if a.action == CHANGED]
        if added:
            store.run_rows(cur, insert, **_columns(added, fields))
        if changed:
            store.run_rows(cur, update, **_columns(changed, update_fields or fields))
        for a in added:
            audit.added(a.key, a.values, fields)
        for a in changed:
            audit.changed(a)

    return write


_TILLDELNING_ROW = (
    "tilldelning_id",
    "beslut_id",
    "namnd_kod",
    "mottagare_text",
    "finansiering_kod",
    "ar",
    "belopp_kr",
    "dokument_rad",
    "kalla",
)
_WRITERS: dict[str, Callable[[Connection, list[RowAction], User, datetime, _Audit], None]] = {
    "insatser": _write_insatser,
    "tilldelningar": _write_simple("import/tilldelningar_insert", "import/tilldelningar_update", _TILLDELNING_ROW),
    "indikatorvarden": _write_simple(
        "import/indikatorvarden_insert",
        "import/indikatorvarden_update",
        ("indikator_kod", "omrade_kod", "ar", "varde", "kalla"),
    ),
    "omradesteam": _write_simple(
        "import/omradesteam_insert", "import/omradesteam_update", ("omrade_kod", "startdatum", "slutdatum", "kalla")
    ),
    "kraftsamling": _write_simple(
        "import/kraftsamling_insert", "import/kraftsamling_update", ("omrade_kod", "startdatum", "slutdatum", "kalla")
    ),
}


def _register_sources(cur: Connection, actions: Sequence[RowAction], preview: ImportPreview, now: datetime) -> None:
    """Each source the written rows name that is not yet a known source becomes one (typ importfil)."""
    written = {str(a.values["kalla"]) for a in actions if a.action != UNCHANGED}
    for kalla in sorted(written):
        if kalla == preview.kalla:
            titel = f"Importerad fil {preview.filename} (sha256 {preview.sha256[:12]}…)"
            if kalla != preview.filename:
                titel = f"{kalla}, importerad ur filen {preview.filename} (sha256 {preview.sha256[:12]}…)"
        else:
            titel = f"{kalla}, angiven som källa i importfilen {preview.filename}"
        store.run_rows(cur, "import/kalla_insert", kalla_id=kalla, datum=now.date(), titel=titel)


# ---------------------------------------------------------------------------------- templates


def template(kind_name: str, file_format: str = "xlsx", *, con: Connection | None = None) -> bytes:
    """A file to fill in for an import of `kind_name`: 'xlsx' (the columns above one example row,
    a sheet explaining each column in Swedish, and, given a store, a sheet of its codes and names)
    or 'csv' (semicolons, UTF-8 with BOM so that Excel opens å, ä and ö; header and example row).
    Text never starts as a formula (see export)."""
    from lokalutveckling.export import protect_sheet, spreadsheet_text

    spec = kind(kind_name)
    headers = [c.header for c in spec.columns]
    example = [c.example for c in spec.columns]
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow([spreadsheet_text(h) for h in headers])
        writer.writerow([spreadsheet_text(fmt.cell_text(v)) for v in example])
        return buffer.getvalue().encode("utf-8-sig")
    if file_format != "xlsx":
        raise ValueError(f"Okänt format {file_format!r}; välj xlsx eller csv.")
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = spec.title[:31]
    sheet["A1"] = (
        f"Import av {spec.title.lower()} – en rad per {_row_noun(spec)}. Rad 4 är ett exempel: skriv över den."
    )
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(headers)
    sheet.append(example)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for cell in sheet[4]:
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    for index, column in enumerate(spec.columns, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.header) + 4))
    sheet.freeze_panes = "A4"
    about = workbook.create_sheet("Om kolumnerna")
    about.append(["Kolumn", "Obligatorisk", "Betydelse", "Så skrivs den", "Exempel"])
    for cell in about[1]:
        cell.font = Font(bold=True)
    for column in spec.columns:
        about.append(
            [
                column.header,
                "ja" if column.required else "nej",
                column.meaning,
                column.expected,
                fmt.cell_text(column.example),
            ]
        )
    about.append([])
    for line in _template_notes(spec):
        about.append([line])
    if spec.name == "insatser":
        about.append([LIST_NOTE])
    for letter, width in zip("ABCDE", (24, 12, 60, 60, 24), strict=True):
        about.column_dimensions[letter].width = width
    if con is not None:
        _codes_sheet(workbook.create_sheet("Koder"), spec, con)
    for each in workbook.worksheets:  # the codes sheet carries names from the store: text, never formulas
        protect_sheet(each)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row_noun(spec: Kind) -> str:
    return {
        "insatser": "insats",
        "tilldelningar": "tilldelning",
        "indikatorvarden": "indikator, område och år",
        "omradesteam": "period",
        "kraftsamling": "period",
    }[spec.name]


def _template_notes(spec: Kind) -> list[str]:
    return [
        f"Raderna känns igen på: {spec.key}. Finns raden redan ändras den; annars läggs den till. "
        "Rader som inte finns i filen lämnas orörda.",
        "Kolumnernas ordning spelar ingen roll, och rubrikerna får skrivas med små eller stora bokstäver. "
        "Rader ovanför rubrikraden (t.ex. en titel) och en summarad läses inte.",
        "Filen kan också sparas som CSV (semikolon eller komma, UTF-8 eller Windows-1252).",
        "Inget sparas förrän förhandsgranskningen är fri från problem och du bekräftar; då sparas allt eller inget, "
        "och databasen sparas först som en ögonblicksbild som kan återställas.",
    ]


def _codes_sheet(sheet, spec: Kind, con: Connection) -> None:
    from openpyxl.styles import Font

    cur = con.cursor()
    try:
        rows = store.run_rows(cur, "import/koder")
    finally:
        cur.close()
    wanted = {
        "insatser": ("namnd", "finansiering", "fokus", "omrade", "tilldelning"),
        "tilldelningar": ("beslut", "namnd", "finansiering"),
        "indikatorvarden": ("indikator", "omrade"),
        "omradesteam": ("omrade",),
        "kraftsamling": ("omrade",),
    }[spec.name]
    titles = {
        "namnd": "Nämnd",
        "finansiering": "Finansieringskälla",
        "fokus": "Fokusområde",
        "omrade": "Område",
        "tilldelning": "Tilldelning",
        "beslut": "Beslut",
        "indikator": "Indikator",
    }
    sheet.append(["Slag", "Kod", "Namn"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for slag in wanted:
        for row in rows:
            if row["slag"] != slag:
                continue
            if slag == "omrade" and row["niva"] == "delomrade":
                continue
            sheet.append([titles[slag], row["kod"], row["namn"]])
    for letter, width in zip("ABC", (20, 22, 80), strict=True):
        sheet.column_dimensions[letter].width = width


# ---------------------------------------------------------------------------------- full export


# Accounts (with password hashes) never leave the server; journal_position is the store's own bookkeeping.
EXPORT_LEFT_OUT = ("anvandare", "journal_position")


def export_store(con: Connection, *, when: datetime | None = None) -> tuple[bytes, bytes]:
    """The whole store for reuse elsewhere: (a zip of one CSV per table, one .xlsx with a sheet per
    table). Every table except the accounts; insatser also carry their fokusområden, områden and
    partners as lists, one cell each (`fmt.list_cell`: '; ' between items, an item holding a separator
    in double quotes), so the file can be imported again. A first sheet and a text file say when,
    what and how many rows. Text never starts as a formula: in the CSV files such text has a leading
    apostrophe (which the import takes off), in the workbook it is a text cell (see export)."""
    from lokalutveckling.export import csv_bytes, protect_sheet

    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    cur = con.cursor()
    try:
        name, _ = snapshots._database(cur)
        tables = sorted({str(r["tabell"]) for r in store.run_rows(cur, "import/databas_kolumner", databas=name)})
        frames = {
            t: store.run_query(cur, "import/insatser_export")
            if t == "insatser"
            else store.run_query(cur, "import/tabell_rader", tabell=t)
            for t in tables
            if t not in EXPORT_LEFT_OUT
        }
    finally:
        cur.close()
    if "insatser" in frames:
        frames["insatser"] = _excel_ready(frames["insatser"], lists_only=True)
    from lokalutveckling.export import exempel_text
    from lokalutveckling.provenance import document_names

    def exempel(frame: pd.DataFrame) -> int:
        return int((frame["kalla"] == "exempeldata").sum()) if "kalla" in frame.columns else 0

    marked = {table: exempel(frame) for table, frame in frames.items()}
    sourced = [table for table, frame in frames.items() if "kalla" in frame.columns]
    kallor = frames.get("kallor")
    names = document_names(kallor) if kallor is not None and "kalla_id" in kallor.columns else {}
    about = [
        ("Vad", "Hela databasen för lokal utveckling i Malmö, en tabell per blad/fil"),
        (
            "Exempeldata",
            exempel_text(sum(marked.values()), sum(len(frames[t]) for t in sourced))
            + " i tabellerna med kolumnen kalla; raderna med kalla = exempeldata är genererade, inte verkliga "
            "uppgifter (andel per tabell nedan)",
        ),
        ("Filter", "Inga: hela databasen"),
        ("När", stamp),
        (
            "Utelämnat",
            "anvandare (konton och lösenordshashar lämnar aldrig servern), journal_position (databasens bokföring)",
        ),
        ("Insatser", "fokusområden, områden och partner finns både som listor i insatser och i sina egna tabeller"),
        ("Listor", LIST_NOTE),
        ("Formler", FORMULA_NOTE),
        ("Källa", "kolumnen kalla på varje rad: ett dokument, en importfil, en användare eller exempeldata"),
        (
            "Källor",
            "; ".join(f"{kalla}: {name}" for kalla, name in sorted(names.items()))
            + " (kolumnen dokument_rad anger raden i dokumentet; dokumenten beskrivs i tabellen kallor)",
        ),
    ] + [
        (table, exempel_text(marked[table], len(frame)) if table in sourced else f"{len(frame)} rader")
        for table, frame in frames.items()
    ]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("om_exporten.txt", "\n".join(f"{k}: {v}" for k, v in about) + "\n")
        for table, frame in frames.items():
            z.writestr(f"{table}.csv", csv_bytes(frame))
    workbook = io.BytesIO()
    with pd.ExcelWriter(workbook, engine="openpyxl") as writer:
        pd.DataFrame(about, columns=["Fält", "Värde"]).to_excel(writer, sheet_name="Om exporten", index=False)
        for table, frame in frames.items():
            _excel_ready(frame).to_excel(writer, sheet_name=table[:31], index=False)
        for sheet in writer.sheets.values():
            protect_sheet(sheet)
    return archive.getvalue(), workbook.getvalue()


LIST_NOTE = (
    "Listor (övriga fokusområden, områden, samverkande nämnder, externa partner) står i en cell med "
    "semikolon emellan. Ett namn som själv innehåller semikolon, | eller radbrytning (eller komma i en "
    'lista där komma skiljer) skrivs inom citattecken: "Föreningen A; B"; Studieförbund. Ett citattecken '
    'i ett sådant namn skrivs dubbelt ("").'
)
FORMULA_NOTE = (
    "Text som börjar med =, +, -, @, tabb eller vagnretur är text, aldrig en formel: i CSV-filerna står "
    "en apostrof först ('=…), som importen tar bort; i arbetsboken är cellen en textcell."
)


def _excel_ready(frame: pd.DataFrame, *, lists_only: bool = False) -> pd.DataFrame:
    """Excel has no time zones and no lists: dates stay dates (unless `lists_only`), lists (and
    DuckDB's arrays) become one cell each, as `fmt.list_cell` writes them; an empty list is empty."""
    import numpy as np

    def as_text(value: object) -> object:
        if isinstance(value, list | tuple | np.ndarray):
            return fmt.list_cell(value) or None
        return value

    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype) and not lists_only:
            out[column] = out[column].dt.tz_localize(None)
        elif out[column].dtype == object and out[column].map(lambda v: isinstance(v, list | tuple | np.ndarray)).any():
            out[column] = out[column].map(as_text)
    return out


# ------------------------------------------------------------------------- removing exempeldata


# What goes when a table's exempeldata goes: (table, query), dependent rows first.
EXEMPELDATA_STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    "insatser": (
        ("insats_fokusomraden", "import/exempeldata_bort_insats_fokusomraden"),
        ("insats_omraden", "import/exempeldata_bort_insats_omraden"),
        ("insats_partner", "import/exempeldata_bort_insats_partner"),
        ("statushistorik", "import/exempeldata_bort_statushistorik"),
        ("uppfoljningar", "import/exempeldata_bort_uppfoljningar_av_insatser"),
        ("insatser", "import/exempeldata_bort_insatser"),
    ),
    "tilldelningar": (("tilldelningar", "import/exempeldata_bort_tilldelningar"),),
    "indikatorer": (
        ("indikatorvarden", "import/exempeldata_bort_indikatorvarden_av_indikatorer"),
        ("indikatorer", "import/exempeldata_bort_indikatorer"),
    ),
    "indikatorvarden": (("indikatorvarden", "import/exempeldata_bort_indikatorvarden"),),
    "omradesteam": (("omradesteam", "import/exempeldata_bort_omradesteam"),),
    "kraftsamling": (("kraftsamling", "import/exempeldata_bort_kraftsamling"),),
    "uppfoljningar": (("uppfoljningar", "import/exempeldata_bort_uppfoljningar"),),
}


def exempeldata_counts(con: Connection) -> dict[str, tuple[int, int]]:
    """Per table that may have its exempeldata removed: (rows, of which exempeldata)."""
    cur = con.cursor()
    try:
        return {
            str(r["tabell"]): (int(r["n"]), int(r["n_exempeldata"]))
            for r in store.run_rows(cur, "import/exempeldata_antal")
        }
    finally:
        cur.close()


def remove_exempeldata(
    con: Connection,
    user: User | None,
    table: str,
    *,
    on_change: writes.OnChange = None,
    snapshot_dir: Path | None = None,
) -> dict[str, int]:
    """Delete the exempeldata rows of `table` and the rows that depend on them (admins only), in one
    transaction after a snapshot; returns the rows removed per table (empty: there were none).

    For insatser, their fokusområden, områden, partners, status history and follow-ups go with them;
    for indikatorer, their values. Refused (writes.ValidationError) when rows that stay refer to
    what would go, e.g. an insats drawing on an exempeldata tilldelning.
    """
    actor = snapshots._require_admin(con, user, "ta bort exempeldata")
    if table not in EXEMPELDATA_STEPS:
        raise writes.ValidationError(
            [("tabell", f"Exempeldata kan tas bort ur {', '.join(EXEMPELDATA_STEPS)}, inte ur {table!r}.")]
        )
    if exempeldata_counts(con).get(table, (0, 0))[1] == 0:
        return {}
    cur = con.cursor()
    try:
        blockers = store.run_rows(cur, "import/exempeldata_hinder", tabell=table)
    finally:
        cur.close()
    if blockers:
        shown = ", ".join(f"{b['tabell']} {b['rad_id']} ({b['kolumn']} {b['varde']})" for b in blockers[:10])
        more = f" och {len(blockers) - 10} till" if len(blockers) > 10 else ""
        raise writes.ValidationError(
            [
                (
                    "tabell",
                    f"Exempeldata i {table} kan inte tas bort: {len(blockers)} rader som inte tas bort hänvisar "
                    f"till dem: {shown}{more}. Ändra eller ta bort dem först.",
                )
            ]
        )
    snap = snapshots.snapshot(
        con, directory=snapshot_dir, reason=f"före borttagning av exempeldata i {table}", optional=True
    )
    removed: dict[str, int] = {}
    with unit_of_work.transaction(con) as tx:
        for target, query in EXEMPELDATA_STEPS[table]:
            removed[target] = removed.get(target, 0) + len(store.run_rows(tx, query))
        note = f"ögonblicksbild före: {snap.name}" if snap else None
        for target, n in removed.items():
            if n:
                unit_of_work.audit(
                    tx, actor, "ta bort exempeldata", target, EXEMPELDATA, None, f"{n} rader", None, note
                )
    unit_of_work.notify(on_change)
    return {t: n for t, n in removed.items() if n}
