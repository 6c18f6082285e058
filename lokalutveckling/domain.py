"""The vocabulary: statuses and their allowed moves, types, effects, roles, field labels and limits, the user.

Python and the SQL checks take their values from here: the build's accepted-values checks read the same
lists (a test keeps `queries/checks/` and this module equal).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

Roll = Literal["lasare", "redaktor", "admin"]
KontoRoll = Literal["redaktor", "admin"]  # the roles an account may have, and a write may require
ROLLER: tuple[str, ...] = ("lasare", "redaktor", "admin")
KONTO_ROLLER: tuple[str, ...] = ("redaktor", "admin")  # readers need no account
STATUSAR: tuple[str, ...] = ("föreslagen", "beviljad", "pågående", "avslutad", "avbruten", "permanentad")
MOVES: dict[str, tuple[str, ...]] = {
    "föreslagen": ("beviljad", "avbruten"),
    "beviljad": ("pågående", "avbruten"),
    "pågående": ("avslutad", "avbruten", "permanentad"),
    "avslutad": (),
    "avbruten": (),
    "permanentad": (),
}
START_STATUSAR: tuple[str, ...] = ("föreslagen", "beviljad", "pågående")  # what a new insats may have
SLUT_STATUSAR: tuple[str, ...] = ("avslutad", "avbruten", "permanentad")
# The final statuses in which the insats itself ends (a permanentad one lives on in a nämnd's budget).
UPPHORDA_STATUSAR: tuple[str, ...] = ("avslutad", "avbruten")
TYPER: tuple[str, ...] = ("pilot", "förstudie", "utökning", "ny")
EFFEKTER: tuple[str, ...] = ("ingen", "oklar", "viss", "tydlig")

# Uppdrag (mandates) and återrapporteringskrav (reporting duties), issue 15. The store's checks
# (queries/checks/11_uppdrag.sql) hold the same sets for the seeds.
UPPDRAG_STATUSAR: tuple[str, ...] = ("givet", "pågår", "återrapporterat", "avslutat")
UPPDRAG_OPPNA: tuple[str, ...] = ("givet", "pågår")  # open: due dates count, overdue is marked
KRAV_STATUSAR: tuple[str, ...] = ("ej påbörjad", "pågår", "inlämnad", "godkänd")
KRAV_OPPNA: tuple[str, ...] = ("ej påbörjad", "pågår")
STADIER: tuple[str, ...] = ("förslag", "beslut")  # a decision's stage, as in beslut.csv
# An effect judged one way or the other needs its basis written down ("oklar" does not).
BEDOMDA_EFFEKTER: tuple[str, ...] = ("ingen", "viss", "tydlig")
MAX_KRONOR = 10_000_000_000
RESERVED_NAMES = frozenset({"exempeldata", "kommandorad"})

# Swedish labels, so that every message names the field as the form does.
LABELS: dict[str, str] = {
    "insats_id": "Insats",
    "namn": "Namn",
    "beskrivning": "Beskrivning",
    "namnd_kod": "Ansvarig nämnd",
    "finansiering_kod": "Finansieringskälla",
    "tilldelning_id": "Tilldelning",
    "belopp_kr": "Belopp (kr)",
    "startdatum": "Startdatum",
    "slutdatum": "Slutdatum",
    "status": "Status",
    "typ": "Typ",
    "malgrupp": "Målgrupp",
    "hela_staden": "Hela staden",
    "kalla": "Källa",
    "fokus_kod": "Fokusområde",
    "sekundara_fokus": "Övriga fokusområden",
    "omraden": "Områden",
    "partner_namnder": "Samverkande nämnder",
    "partner_externa": "Externa samverkanspartner",
    "malindikatorer": "Målindikatorer",
    "kommentar": "Kommentar",
    "datum": "Datum",
    "anledning": "Anledning",
    "mottagande_namnd": "Mottagande nämnd",
    "vem": "Vem",
    "vad": "Vad som gjordes",
    "rackvidd": "Räckvidd",
    "effekt": "Effekt",
    "underlag": "Underlag för bedömningen",
    "anvandarnamn": "Användarnamn",
    "e_post": "E-post",
    "roll": "Roll",
    "losenord_hash": "Lösenord",
}
# The insats fields an editor may set, in the order the audit log lists them.
INSATS_FIELDS: tuple[str, ...] = (
    "namn",
    "beskrivning",
    "namnd_kod",
    "finansiering_kod",
    "tilldelning_id",
    "belopp_kr",
    "startdatum",
    "slutdatum",
    "typ",
    "malgrupp",
    "hela_staden",
    "kalla",
    "fokus_kod",
    "sekundara_fokus",
    "omraden",
    "partner_namnder",
    "partner_externa",
)
INSATS_REQUIRED = frozenset(
    {"namn", "namnd_kod", "finansiering_kod", "belopp_kr", "startdatum", "status", "typ", "fokus_kod"}
)
UPPFOLJNING_FIELDS: tuple[str, ...] = ("datum", "vem", "vad", "rackvidd", "effekt", "underlag")
ANVANDARE_FIELDS: tuple[str, ...] = ("anvandarnamn", "namn", "e_post", "roll", "losenord_hash")
LIST_FIELDS = frozenset({"sekundara_fokus", "omraden", "partner_namnder", "partner_externa"})
# The target indicators an editor chose for an insats (issue 17; empty = those of its fokusområden): a list
# saved with the insats's fields (audited, versioned), kept out of INSATS_FIELDS and LIST_FIELDS because the
# imports and the rules between fields do not read it. At most MAX_MALINDIKATORER, none a context indicator.
MALINDIKATORER = "malindikatorer"
MAX_MALINDIKATORER = 12
TEXT_LIMITS = {
    "namn": 200,
    "beskrivning": 4000,
    "malgrupp": 100,
    "kommentar": 2000,
    "anledning": 2000,
    "vem": 200,
    "vad": 4000,
    "underlag": 4000,
    "partner": 200,
}
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TZ = "Europe/Stockholm"

OnChange = Callable[[], None] | None


@dataclass(frozen=True)
class User:
    """Who is acting: `roll` is lasare (everyone), redaktor (may edit) or admin (also manages users)."""

    anvandarnamn: str
    namn: str
    roll: Roll = "lasare"

    @property
    def can_edit(self) -> bool:
        return self.roll in KONTO_ROLLER

    @property
    def is_admin(self) -> bool:
        return self.roll == "admin"


# Who acts when a command at the server writes (imports, restores, fetched statistics, accounts).
COMMAND_LINE = User("kommandorad", "Kommandoraden", "admin")


class ValidationError(ValueError):
    """Values that cannot be saved: `errors` lists (field, message) so that a form can mark the field."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__(" ".join(message for _, message in errors))

    def messages(self, field: str) -> list[str]:
        """The messages about one field."""
        return [message for f, message in self.errors if f == field]


class NotSaved(ValidationError):
    """The write could not be made durable (its journal line could not be written); nothing was saved."""

    def __init__(self, message: str):
        super().__init__([("", message)])


def allowed_moves(status: str) -> tuple[str, ...]:
    """The statuses an insats with `status` may move to (none from a final status or an unknown one)."""
    return MOVES.get(status, ())


def today() -> date:
    """Today in Malmö (a date in the future is refused against this)."""
    try:
        return datetime.now(ZoneInfo(TZ)).date()
    except (KeyError, OSError):  # no time zone data on this machine
        return date.today()


# The fields of an uppdrag and an återrapporteringskrav an editor sets (issue 15, lokalutveckling.writes.uppdrag),
# labelled as the write layer's messages and the forms name them.
UPPDRAG_LABELS: dict[str, str] = {
    "uppdrag_id": "Uppdrag",
    "arende": "Ärende",
    "rubrik": "Rubrik",
    "givare_organ": "Givet av",
    "givet_beslut_id": "Beslut",
    "givet_datum": "Givet datum",
    "givet_ar": "Givet år",
    "givet_paragraf": "Paragraf",
    "givet_punkt": "Punkt",
    "givet_stadium": "Givet som",
    "mottagare": "Mottagare",
    "mottagare_namnd_kod": "Mottagande nämnd",
    "citat": "Uppdraget som det står",
    "dokument_rad": "Rad i dokumentet",
    "senast": "Senast",
    "tid_i_kallan": "Tid enligt källan",
    "aterrapport_organ": "Återrapporterat till",
    "aterrapport_datum": "Återrapporterat datum",
    "aterrapport_paragraf": "Återrapportens paragraf",
    "aterrapport_punkt": "Återrapportens punkt",
    "aterrapport_stadium": "Återrapporten är",
    "aterrapport_text": "Återrapporten som det står",
    "aterrapport_kalla": "Återrapportens källa",
    "aterrapport_rad": "Återrapportens rad",
    "anmarkning": "Anmärkning",
    "krav_id": "Återrapporteringskrav",
    "inlamnad_datum": "Inlämnad datum",
}
LABELS.update({k: v for k, v in UPPDRAG_LABELS.items() if k not in LABELS})
