"""One rule set for what people enter: an insats, a follow-up, an account. Pure, no store access.

The forms' writes (`lokalutveckling.writes`) and every import (`lokalutveckling.imports`) check values
with the same rules, in two layers:

- **Rules on one value** (`check_text`, `check_kronor`, `check_day`, `check_identifier`,
  `ends_before_start`) and **rules between an insats' fields** (`between_fields`): each raises
  `Invalid` (or returns `Broken`) with a phrase about the value, such as "får vara högst 200 tecken
  (nu 250)". A form puts the field's label before it ("Namn får vara högst …"); an import's problem
  list puts the file, row and column before it, and shows the value.
- **A form's values** (`text`, `kronor`, `count`, `day`, `choice`, `code`, `codes`, `flag`): what
  a form sends (text, numbers, dates, lists) read into the stored value, raising `FieldInvalid` with
  a sentence that names the field. An import reads its cells with its own readers (names for codes,
  units in headers, dates day first) and then applies the rules on one value above.

`insats_values` checks a whole insats from a form: every field, then the rules between fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from lokalutveckling import domain
from lokalutveckling.domain import INSATS_FIELDS, LABELS, SLUT_STATUSAR, START_STATUSAR, TYPER, User, ValidationError

MIN_YEAR, MAX_YEAR = 2000, 2100
DEFAULT_TEXT_LIMIT = 200
KRONOR_NEGATIVE = "får inte vara negativt"
KRONOR_TOO_BIG = "är orimligt stort (mer än 10 miljarder kr)"
IDENTIFIER = re.compile(r"[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö._/-]{0,39}")
IDENTIFIER_EXPECTED = "ska vara ett id av bokstäver, siffror och bindestreck, t.ex. INS-012 (högst 40 tecken)"


class Invalid(ValueError):
    """A value breaks a rule; the message is a phrase about the value, without the field's name."""


class FieldInvalid(Exception):
    """One field's problem as a form shows it (a sentence naming the field), collected into a ValidationError."""


@dataclass(frozen=True)
class Broken:
    """A rule between fields that an insats breaks: the field to mark, the phrase, and the value at fault."""

    field: str
    text: str
    value: object = None


# ---------------------------------------------------------------------------- rules on one value


def label(field: str) -> str:
    return LABELS.get(field, field)


def text_limit(field: str) -> int:
    """The most characters a text field holds (`domain.TEXT_LIMITS`, else 200)."""
    return domain.TEXT_LIMITS.get(field, DEFAULT_TEXT_LIMIT)


def check_text(text: str, field: str, *, limit: int | None = None) -> str:
    """Trimmed text within the field's length and without control characters."""
    limit = limit or text_limit(field)
    if len(text) > limit:
        raise Invalid(f"får vara högst {limit} tecken (nu {len(text)})")
    if domain.CONTROL.search(text):
        raise Invalid("innehåller otillåtna styrtecken")
    return text


def check_kronor(value: int) -> int:
    """Whole kronor, 0 up to `domain.MAX_KRONOR`."""
    if value < 0:
        raise Invalid(KRONOR_NEGATIVE)
    if value > domain.MAX_KRONOR:
        raise Invalid(KRONOR_TOO_BIG)
    return value


def check_day(value: date) -> date:
    """A date in the years 2000–2100."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise Invalid(f"{value.isoformat()} ligger utanför åren {MIN_YEAR}–{MAX_YEAR}")
    return value


def check_identifier(text: str) -> str:
    """The id of a row people name (an insats, a tilldelning): letters, digits and - . _ /, at most 40."""
    if not IDENTIFIER.fullmatch(text):
        raise Invalid(IDENTIFIER_EXPECTED)
    return text


def ends_before_start(start: object, slut: object) -> str | None:
    """The phrase when a period's slutdatum lies before its startdatum, else None."""
    if isinstance(start, date) and isinstance(slut, date) and slut < start:
        return f"slutdatum {slut.isoformat()} ligger före startdatum {start.isoformat()}"
    return None


def sorted_codes(items: object) -> list[str]:
    """Codes in a stable order: numbers as numbers (område 2 before 10), then text."""
    values = [str(v) for v in (items or [])]
    return sorted(set(values), key=lambda v: (0, int(v), "") if v.isdigit() else (1, 0, v))


def between_fields(
    values: Mapping[str, object],
    tilldelningar: Mapping[str, str],
    *,
    city_hint: str,
    involved: Callable[..., bool] = lambda *names: True,
) -> list[Broken]:
    """The rules between an insats' fields, on the values it will have; `tilldelningar` maps each
    tilldelning_id to its finansieringskälla. `city_hint` says how to mark an insats for the whole
    city (a form: tick a box; a file: the område Hela staden); `involved(*fields)` says whether a rule
    on those fields is to be checked (a form checks only the rules whose fields it changes)."""
    broken: list[Broken] = []
    start, slut = values.get("startdatum"), values.get("slutdatum")
    if involved("startdatum", "slutdatum") and (phrase := ends_before_start(start, slut)):
        broken.append(Broken("slutdatum", phrase, slut))
    tilldelning, finansiering = values.get("tilldelning_id"), values.get("finansiering_kod")
    if involved("tilldelning_id", "finansiering_kod") and tilldelning:
        owner = tilldelningar.get(str(tilldelning))
        if owner is not None and owner != finansiering:
            broken.append(
                Broken(
                    "tilldelning_id",
                    f"tilldelningen {tilldelning} gäller finansieringskällan {owner}, inte {finansiering}",
                    tilldelning,
                )
            )
    if involved("hela_staden", "omraden"):
        omraden = [str(o) for o in values.get("omraden") or []]  # type: ignore[attr-defined]
        if values.get("hela_staden") and omraden:
            broken.append(Broken("omraden", "en insats för hela staden anges utan områden", ", ".join(omraden)))
        elif not values.get("hela_staden") and not omraden:
            broken.append(Broken("omraden", f"ange minst ett område, eller {city_hint}", ""))
    fokus, sekundara = values.get("fokus_kod"), values.get("sekundara_fokus") or []
    if involved("fokus_kod", "sekundara_fokus") and fokus in sekundara:  # type: ignore[operator]
        broken.append(Broken("sekundara_fokus", "det primära fokusområdet kan inte också vara ett av de övriga", fokus))
    namnd, partner = values.get("namnd_kod"), values.get("partner_namnder") or []
    if involved("namnd_kod", "partner_namnder") and namnd in partner:  # type: ignore[operator]
        broken.append(Broken("partner_namnder", "den ansvariga nämnden kan inte också vara samverkande nämnd", namnd))
    return broken


# ----------------------------------------------------------------------------- a form's values


def _sentence(field: str, exc: Invalid) -> FieldInvalid:
    return FieldInvalid(f"{label(field)} {exc}.")


def text(value: object, field: str, *, required: bool = False, limit: int | None = None) -> str | None:
    """Text, trimmed; empty is None. Stored verbatim otherwise: escaping is the UI's job."""
    if value is None:
        trimmed = ""
    elif isinstance(value, str):
        trimmed = value.strip()
    else:
        raise FieldInvalid(f"{label(field)} ska vara text.")
    if not trimmed:
        if required:
            raise FieldInvalid(f"{label(field)} måste anges.")
        return None
    try:
        return check_text(trimmed, field, limit=limit)
    except Invalid as exc:
        raise _sentence(field, exc) from None


def kronor(value: object, field: str, *, required: bool = False) -> int | None:
    """A whole number of kronor, 0 or more; '1 300 000' is read as 1300000."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldInvalid(f"{label(field)} måste anges.")
        return None
    if isinstance(value, bool):
        raise FieldInvalid(f"{label(field)} ska vara ett belopp i hela kronor.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        digits = value.strip().replace(" ", "").replace("\u00a0", "")
        if not re.fullmatch(r"-?[0-9]+", digits):
            raise FieldInvalid(f"{label(field)} ska vara ett belopp i hela kronor, t.ex. 1300000.")
        value = int(digits)
    if not isinstance(value, int):
        raise FieldInvalid(f"{label(field)} ska vara ett belopp i hela kronor.")
    try:
        return check_kronor(value)
    except Invalid as exc:
        raise _sentence(field, exc) from None


def count(value: object, field: str) -> int | None:
    """A whole number 0 or more (e.g. participants), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]+\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldInvalid(f"{label(field)} ska vara ett heltal.")
    if value < 0:
        raise FieldInvalid(f"{label(field)} får inte vara negativ.")
    if value > 10_000_000:
        raise FieldInvalid(f"{label(field)} är orimligt stor.")
    return value


def day(value: object, field: str, *, required: bool = False) -> date | None:
    """A date (a date, a datetime or 'ÅÅÅÅ-MM-DD'), in the years 2000–2100."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldInvalid(f"{label(field)} måste anges.")
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise FieldInvalid(f"{label(field)} ska vara ett datum ÅÅÅÅ-MM-DD.") from None
    if not isinstance(value, date):
        raise FieldInvalid(f"{label(field)} ska vara ett datum ÅÅÅÅ-MM-DD.")
    try:
        return check_day(value)
    except Invalid as exc:
        raise _sentence(field, exc) from None


def choice(value: object, field: str, allowed: tuple[str, ...], *, required: bool = True) -> str | None:
    chosen = text(value, field, required=required)
    if chosen is not None and chosen not in allowed:
        raise FieldInvalid(f"{label(field)}: {chosen!r} är inte tillåtet; välj en av {', '.join(allowed)}.")
    return chosen


def code(value: object, field: str, known: set[str], *, required: bool = False) -> str | None:
    given = text(value, field, required=required)
    if given is not None and given not in known:
        raise FieldInvalid(f"{label(field)}: okänd kod {given!r}.")
    return given


def codes(value: object, field: str, known: set[str] | None) -> list[str]:
    """A list of distinct codes (or names when `known` is None), sorted."""
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise FieldInvalid(f"{label(field)} ska vara en lista.")
    items: set[str] = set()
    for item in value:
        given = text(item, field, limit=domain.TEXT_LIMITS["partner"])
        if given is None:
            continue
        if known is not None and given not in known:
            raise FieldInvalid(f"{label(field)}: okänd kod {given!r}.")
        items.add(given)
    return sorted_codes(items)


def flag(value: object, field: str) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    raise FieldInvalid(f"{label(field)} ska vara ja eller nej.")


def collect(errors: list[tuple[str, str]], field: str, check: Callable[[], object]) -> object:
    """The value `check` gives, or None with its problem added to `errors`."""
    try:
        return check()
    except FieldInvalid as exc:
        errors.append((field, str(exc)))
        return None


def checked(check: Callable[[], object], field: str) -> object:
    """The value `check` gives; its problem as a ValidationError."""
    try:
        return check()
    except FieldInvalid as exc:
        raise ValidationError([(field, str(exc))]) from None


def unknown_fields(fields: Mapping[str, object], allowed: tuple[str, ...] | frozenset[str]) -> list[tuple[str, str]]:
    return [(k, f"Fältet {k!r} finns inte eller kan inte ändras här.") for k in fields if k not in allowed]


# ------------------------------------------------------------------------------- a whole insats


@dataclass(frozen=True)
class Koder:
    """The codes a form's values may name."""

    namnd: set[str]
    finansiering: set[str]
    fokus: set[str]
    omrade: set[str]
    kalla: set[str]  # source documents (kallor)
    tilldelning: dict[str, str]  # tilldelning_id -> finansiering_kod


def same(value: object, stored: object) -> bool:
    """Whether a value sent back from a form is the stored one (lists in any order)."""
    if isinstance(value, list | tuple | set | frozenset) and isinstance(stored, list):
        return sorted_codes(value) == stored
    return type(value) is type(stored) and value == stored


def start_status(value: object) -> str | None:
    if value in SLUT_STATUSAR:
        raise FieldInvalid(
            "En ny insats kan ha status föreslagen, beviljad eller pågående; "
            "avsluta, avbryt eller permanenta den sedan med en statusändring."
        )
    return choice(value, "status", START_STATUSAR)


def insats_values(
    fields: Mapping[str, object], base: Mapping[str, object], koder: Koder, user: User, *, adding: bool
) -> dict[str, object]:
    """Checked and normalised values of `fields`; cross-field rules run on `base` with them applied.

    When adding, every field is checked (missing ones as empty); when editing, only those given with
    a value other than the stored one, and the rules between fields only where one of their fields
    changes: a whole form can be sent back, and an older row is not blocked by what nobody touched.
    """
    if not adding:
        fields = {k: v for k, v in fields.items() if not same(v, base.get(k))}
    errors: list[tuple[str, str]] = []
    allowed = (*INSATS_FIELDS, "status") if adding else INSATS_FIELDS
    for key in fields:
        if key == "status" and not adding:
            errors.append((key, "Status ändras med en statusändring, inte som ett vanligt fält."))
        elif key not in allowed:
            errors.append((key, f"Fältet {key!r} finns inte eller kan inte ändras här."))
    keys = list(allowed) if adding else [k for k in INSATS_FIELDS if k in fields]
    documents = koder.kalla | {user.anvandarnamn}
    checkers: dict[str, Callable[[object], object]] = {
        "namn": lambda v: text(v, "namn", required=True),
        "beskrivning": lambda v: text(v, "beskrivning"),
        "namnd_kod": lambda v: code(v, "namnd_kod", koder.namnd, required=True),
        "finansiering_kod": lambda v: code(v, "finansiering_kod", koder.finansiering, required=True),
        "tilldelning_id": lambda v: code(v, "tilldelning_id", set(koder.tilldelning)),
        "belopp_kr": lambda v: kronor(v, "belopp_kr", required=True),
        "startdatum": lambda v: day(v, "startdatum", required=True),
        "slutdatum": lambda v: day(v, "slutdatum"),
        "status": start_status,
        "typ": lambda v: choice(v, "typ", TYPER),
        "malgrupp": lambda v: text(v, "malgrupp"),
        "hela_staden": lambda v: flag(v, "hela_staden"),
        "kalla": lambda v: code(
            user.anvandarnamn if adding and v in (None, "") else v, "kalla", documents, required=True
        ),
        "fokus_kod": lambda v: code(v, "fokus_kod", koder.fokus, required=True),
        "sekundara_fokus": lambda v: codes(v, "sekundara_fokus", koder.fokus),
        "omraden": lambda v: codes(v, "omraden", koder.omrade),
        "partner_namnder": lambda v: codes(v, "partner_namnder", koder.namnd),
        "partner_externa": lambda v: codes(v, "partner_externa", None),
    }
    values: dict[str, object] = {}
    bad: set[str] = set()
    for key in keys:
        before = len(errors)
        values[key] = collect(errors, key, lambda k=key: checkers[k](fields.get(k)))
        if len(errors) > before:
            bad.add(key)

    def involved(*names: str) -> bool:
        return any(n in values for n in names) and not any(n in bad for n in names)

    merged = {**base, **values}
    for broken in between_fields(
        merged, koder.tilldelning, city_hint="markera att insatsen gäller hela staden", involved=involved
    ):
        errors.append((broken.field, f"{broken.text[0].upper()}{broken.text[1:]}."))
    if errors:
        raise ValidationError(errors)
    return values
