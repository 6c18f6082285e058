"""The kinds of file an import reads: their columns (field, header, meaning, what is expected, an
example, synonyms) and the key rows are matched by."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lokalutveckling.domain import TEXT_LIMITS
from lokalutveckling.imports import formats as fmt


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
            f"Text, högst {TEXT_LIMITS['namn']} tecken",
            "Läxhjälp på biblioteket",
            True,
            ("insats", "insatsens namn", "namn på insatsen", "insatsnamn", "benämning", "rubrik", "aktivitet"),
        ),
        Column(
            "beskrivning",
            "Beskrivning",
            "Vad insatsen gör, kort.",
            f"Text, högst {TEXT_LIMITS['beskrivning']} tecken",
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
            f"Text, högst {TEXT_LIMITS['malgrupp']} tecken",
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
