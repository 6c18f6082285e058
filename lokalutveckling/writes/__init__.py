"""Every write to the store goes through this module.

Each write function
1. checks the caller's role first (`PermissionError` for a reader or nobody; user management is
   for admins only), using the role stored in `anvandare` when the account is there, so that a
   deactivation or a new role takes effect at once;
2. validates everything before writing anything (`ValidationError` lists each (field, message),
   messages in Swedish and naming the field);
3. writes the row(s), one audit row per changed field and, for status moves, a statushistorik row,
   in one transaction on its own cursor, rolled back on any error, so that a failed write leaves the
   store exactly as it was;
4. for an insats, saves only if the stored version is still the one the editor loaded, else raises
   `ConflictError` carrying both the stored insats and what the editor tried to save;
5. after the commit calls `on_change()` if given (the app passes its cache clear).

SQL lives in `queries/write/` and `queries/register/`; values are always bound as `$name` parameters.
The connection must be read-write (`store.connect(path, read_only=False)`); audit times are UTC.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from lokalutveckling import domain, store
from lokalutveckling.domain import (  # noqa: F401 (the vocabulary, as writes has always offered it)
    ANVANDARE_FIELDS,
    EFFEKTER,
    INSATS_FIELDS,
    INSATS_REQUIRED,
    KONTO_ROLLER,
    LABELS,
    MAX_KRONOR,
    MOVES,
    RESERVED_NAMES,
    ROLLER,
    SLUT_STATUSAR,
    START_STATUSAR,
    STATUSAR,
    TYPER,
    UPPFOLJNING_FIELDS,
    NotSaved,
    OnChange,
    Roll,
    User,
    ValidationError,
    allowed_moves,
    today,
)
from lokalutveckling.store import Connection, unit_of_work

T = TypeVar("T")


class ConflictError(Exception):
    """The insats was saved by someone else after the editor loaded it; nothing was written.

    `stored` is the insats as it is now (with its `version`), `attempted` the values the editor tried
    to save; the app shows both and lets the editor redo the change on the new version.
    """

    def __init__(self, insats_id: str, expected_version: int, stored: dict[str, object], attempted: dict[str, object]):
        self.insats_id = insats_id
        self.expected_version = expected_version
        self.stored_version = int(stored["version"])
        self.stored = stored
        self.attempted = attempted
        if self.stored_version == expected_version:  # another transaction was writing it at that moment
            message = (
                f"Någon annan sparar insatsen {insats_id} just nu. Inget av det du ändrade har sparats; "
                "öppna insatsen igen och gör om ändringen."
            )
        else:
            message = (
                f"Insatsen {insats_id} har ändrats av någon annan sedan du öppnade den (du utgick från version "
                f"{expected_version}, nu sparad: version {self.stored_version}). Inget av det du ändrade har "
                "sparats. Jämför din version med den sparade och gör om ändringen."
            )
        super().__init__(message)


class _Invalid(Exception):
    """One field's problem, collected into a ValidationError."""


# --------------------------------------------------------------------------------------- helpers


# ------------------------------------------------------------------------------ value checkers


def _label(field: str) -> str:
    return LABELS.get(field, field)


def _text(value: object, field: str, *, required: bool = False, limit: int | None = None) -> str | None:
    """Text, trimmed; empty is None. Stored verbatim otherwise: escaping is the UI's job."""
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise _Invalid(f"{_label(field)} ska vara text.")
    if not text:
        if required:
            raise _Invalid(f"{_label(field)} måste anges.")
        return None
    limit = limit or domain.TEXT_LIMITS.get(field, 200)
    if len(text) > limit:
        raise _Invalid(f"{_label(field)} får vara högst {limit} tecken (nu {len(text)}).")
    if domain.CONTROL.search(text):
        raise _Invalid(f"{_label(field)} innehåller otillåtna styrtecken.")
    return text


def _kronor(value: object, field: str, *, required: bool = False) -> int | None:
    """A whole number of kronor, 0 or more; '1 300 000' is read as 1300000."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _Invalid(f"{_label(field)} måste anges.")
        return None
    if isinstance(value, bool):
        raise _Invalid(f"{_label(field)} ska vara ett belopp i hela kronor.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        digits = value.strip().replace(" ", "").replace("\u00a0", "")
        if not re.fullmatch(r"-?[0-9]+", digits):
            raise _Invalid(f"{_label(field)} ska vara ett belopp i hela kronor, t.ex. 1300000.")
        value = int(digits)
    if not isinstance(value, int):
        raise _Invalid(f"{_label(field)} ska vara ett belopp i hela kronor.")
    if value < 0:
        raise _Invalid(f"{_label(field)} får inte vara negativt.")
    if value > MAX_KRONOR:
        raise _Invalid(f"{_label(field)} är orimligt stort (mer än 10 miljarder kr).")
    return value


def _count(value: object, field: str) -> int | None:
    """A whole number 0 or more (e.g. participants), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]+\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(f"{_label(field)} ska vara ett heltal.")
    if value < 0:
        raise _Invalid(f"{_label(field)} får inte vara negativ.")
    if value > 10_000_000:
        raise _Invalid(f"{_label(field)} är orimligt stor.")
    return value


def _date(value: object, field: str, *, required: bool = False) -> date | None:
    """A date (a date, a datetime or 'ÅÅÅÅ-MM-DD'), in the years 2000–2100."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _Invalid(f"{_label(field)} måste anges.")
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise _Invalid(f"{_label(field)} ska vara ett datum ÅÅÅÅ-MM-DD.") from None
    if not isinstance(value, date):
        raise _Invalid(f"{_label(field)} ska vara ett datum ÅÅÅÅ-MM-DD.")
    if not 2000 <= value.year <= 2100:
        raise _Invalid(f"{_label(field)} {value.isoformat()} ligger utanför åren 2000–2100.")
    return value


def _choice(value: object, field: str, allowed: tuple[str, ...], *, required: bool = True) -> str | None:
    text = _text(value, field, required=required)
    if text is not None and text not in allowed:
        raise _Invalid(f"{_label(field)}: {text!r} är inte tillåtet; välj en av {', '.join(allowed)}.")
    return text


def _code(value: object, field: str, known: set[str], *, required: bool = False) -> str | None:
    text = _text(value, field, required=required)
    if text is not None and text not in known:
        raise _Invalid(f"{_label(field)}: okänd kod {text!r}.")
    return text


def _codes(value: object, field: str, known: set[str] | None) -> list[str]:
    """A list of distinct codes (or names when `known` is None), sorted."""
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise _Invalid(f"{_label(field)} ska vara en lista.")
    items: set[str] = set()
    for item in value:
        text = _text(item, field, limit=domain.TEXT_LIMITS["partner"])
        if text is None:
            continue
        if known is not None and text not in known:
            raise _Invalid(f"{_label(field)}: okänd kod {text!r}.")
        items.add(text)
    return sorted_codes(items)


def sorted_codes(items: object) -> list[str]:
    """Codes in a stable order: numbers as numbers (område 2 before 10), then text."""
    values = [str(v) for v in (items or [])]
    return sorted(set(values), key=lambda v: (0, int(v), "") if v.isdigit() else (1, 0, v))


def _bool(value: object, field: str) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    raise _Invalid(f"{_label(field)} ska vara ja eller nej.")


def _collect(errors: list[tuple[str, str]], field: str, check: Callable[[], object]) -> object:
    try:
        return check()
    except _Invalid as exc:
        errors.append((field, str(exc)))
        return None


def _unknown_fields(fields: Mapping[str, object], allowed: tuple[str, ...] | frozenset[str]) -> list[tuple[str, str]]:
    return [(k, f"Fältet {k!r} finns inte eller kan inte ändras här.") for k in fields if k not in allowed]


# ------------------------------------------------------------------------------------ lookups


@dataclass(frozen=True)
class _Koder:
    namnd: set[str]
    finansiering: set[str]
    fokus: set[str]
    omrade: set[str]
    kalla: set[str]
    tilldelning: dict[str, str]  # tilldelning_id -> finansiering_kod


def _koder(con: Connection) -> _Koder:
    kinds: dict[str, dict[str, str | None]] = {}
    for row in store.run_rows(con, "write/koder"):
        kinds.setdefault(str(row["slag"]), {})[str(row["kod"])] = row["finansiering_kod"]
    return _Koder(
        namnd=set(kinds.get("namnd", {})),
        finansiering=set(kinds.get("finansiering", {})),
        fokus=set(kinds.get("fokus", {})),
        omrade=set(kinds.get("omrade", {})),
        kalla=set(kinds.get("kalla", {})),
        tilldelning={k: str(v) for k, v in kinds.get("tilldelning", {}).items()},
    )


@unit_of_work.own_cursor
def get_insats(con: Connection, insats_id: str) -> dict[str, object] | None:
    """One insats as an editor sees it (every field, `version`, lists sorted), or None if unknown."""
    return _load_insats(con, insats_id)


def _load_insats(con: Connection, insats_id: str) -> dict[str, object] | None:
    rows = store.run_rows(con, "register/insats", insats_id=insats_id)
    if not rows:
        return None
    row = rows[0]
    for key in domain.LIST_FIELDS:
        row[key] = sorted_codes(row[key])
    return row


def _get_anvandare(con: Connection, anvandarnamn: str) -> dict[str, object] | None:
    rows = store.run_rows(con, "write/anvandare_get", anvandarnamn=anvandarnamn)
    return rows[0] if rows else None


# ------------------------------------------------------------------------------------ insatser


def _insats_values(
    fields: Mapping[str, object], base: Mapping[str, object], koder: _Koder, user: User, *, adding: bool
) -> dict[str, object]:
    """Checked and normalised values of `fields`; cross-field rules run on `base` with them applied.

    When adding, every field is checked (missing ones as empty); when editing, only those given with
    a value other than the stored one, and the rules between fields only where one of their fields
    changes: a whole form can be sent back, and an older row is not blocked by what nobody touched.
    """
    if not adding:
        fields = {k: v for k, v in fields.items() if not _same(v, base.get(k))}
    errors: list[tuple[str, str]] = []
    allowed = (*INSATS_FIELDS, "status") if adding else INSATS_FIELDS
    for key in fields:
        if key == "status" and not adding:
            errors.append((key, "Status ändras med en statusändring, inte som ett vanligt fält."))
        elif key not in allowed:
            errors.append((key, f"Fältet {key!r} finns inte eller kan inte ändras här."))
    keys = list(allowed) if adding else [k for k in INSATS_FIELDS if k in fields]
    kallor = koder.kalla | {user.anvandarnamn}
    checkers: dict[str, Callable[[object], object]] = {
        "namn": lambda v: _text(v, "namn", required=True),
        "beskrivning": lambda v: _text(v, "beskrivning"),
        "namnd_kod": lambda v: _code(v, "namnd_kod", koder.namnd, required=True),
        "finansiering_kod": lambda v: _code(v, "finansiering_kod", koder.finansiering, required=True),
        "tilldelning_id": lambda v: _code(v, "tilldelning_id", set(koder.tilldelning)),
        "belopp_kr": lambda v: _kronor(v, "belopp_kr", required=True),
        "startdatum": lambda v: _date(v, "startdatum", required=True),
        "slutdatum": lambda v: _date(v, "slutdatum"),
        "status": _start_status,
        "typ": lambda v: _choice(v, "typ", TYPER),
        "malgrupp": lambda v: _text(v, "malgrupp"),
        "hela_staden": lambda v: _bool(v, "hela_staden"),
        "kalla": lambda v: _code(
            user.anvandarnamn if adding and v in (None, "") else v, "kalla", kallor, required=True
        ),
        "fokus_kod": lambda v: _code(v, "fokus_kod", koder.fokus, required=True),
        "sekundara_fokus": lambda v: _codes(v, "sekundara_fokus", koder.fokus),
        "omraden": lambda v: _codes(v, "omraden", koder.omrade),
        "partner_namnder": lambda v: _codes(v, "partner_namnder", koder.namnd),
        "partner_externa": lambda v: _codes(v, "partner_externa", None),
    }
    values: dict[str, object] = {}
    bad: set[str] = set()
    for key in keys:
        before = len(errors)
        values[key] = _collect(errors, key, lambda k=key: checkers[k](fields.get(k)))
        if len(errors) > before:
            bad.add(key)

    merged = {**base, **values}

    def involved(*names: str) -> bool:
        return any(n in values for n in names) and not any(n in bad for n in names)

    start, slut = merged.get("startdatum"), merged.get("slutdatum")
    if involved("startdatum", "slutdatum") and isinstance(start, date) and isinstance(slut, date) and slut < start:
        errors.append(("slutdatum", f"Slutdatum {slut.isoformat()} ligger före startdatum {start.isoformat()}."))
    tilldelning, finansiering = merged.get("tilldelning_id"), merged.get("finansiering_kod")
    if involved("tilldelning_id", "finansiering_kod") and tilldelning:
        owner = koder.tilldelning.get(str(tilldelning))
        if owner is not None and owner != finansiering:
            errors.append(
                (
                    "tilldelning_id",
                    f"Tilldelningen {tilldelning} gäller finansieringskällan {owner}, inte {finansiering}.",
                )
            )
    if involved("hela_staden", "omraden"):
        if merged.get("hela_staden") and merged.get("omraden"):
            errors.append(("omraden", "En insats för hela staden anges utan områden."))
        elif not merged.get("hela_staden") and not merged.get("omraden"):
            errors.append(("omraden", "Ange minst ett område, eller markera att insatsen gäller hela staden."))
    if involved("fokus_kod", "sekundara_fokus") and merged.get("fokus_kod") in (merged.get("sekundara_fokus") or []):
        errors.append(("sekundara_fokus", "Det primära fokusområdet kan inte också vara ett av de övriga."))
    if involved("namnd_kod", "partner_namnder") and merged.get("namnd_kod") in (merged.get("partner_namnder") or []):
        errors.append(("partner_namnder", "Den ansvariga nämnden kan inte också vara samverkande nämnd."))
    if errors:
        raise ValidationError(errors)
    return values


def _same(value: object, stored: object) -> bool:
    """Whether a value sent back from a form is the stored one (lists in any order)."""
    if isinstance(value, list | tuple | set | frozenset) and isinstance(stored, list):
        return sorted_codes(value) == stored
    return type(value) is type(stored) and value == stored


def _start_status(value: object) -> str | None:
    if value in SLUT_STATUSAR:
        raise _Invalid(
            "En ny insats kan ha status föreslagen, beviljad eller pågående; "
            "avsluta, avbryt eller permanenta den sedan med en statusändring."
        )
    return _choice(value, "status", START_STATUSAR)


def _write_relations(
    cur: Connection, insats_id: str, values: Mapping[str, object], kalla: object, keys: set[str]
) -> None:
    """Rewrite the fokusområden, områden and partners that `keys` touch."""
    if keys & {"fokus_kod", "sekundara_fokus"}:
        store.run_rows(cur, "write/insats_fokus_delete", insats_id=insats_id)
        store.run_rows(
            cur,
            "write/insats_fokus_insert",
            insats_id=insats_id,
            fokus_kod=values["fokus_kod"],
            sekundara_fokus=list(values["sekundara_fokus"] or []),
            kalla=kalla,
        )
    if "omraden" in keys:
        store.run_rows(cur, "write/insats_omraden_delete", insats_id=insats_id)
        store.run_rows(
            cur, "write/insats_omraden_insert", insats_id=insats_id, omraden=list(values["omraden"] or []), kalla=kalla
        )
    if keys & {"partner_namnder", "partner_externa"}:
        store.run_rows(cur, "write/insats_partner_delete", insats_id=insats_id)
        store.run_rows(
            cur,
            "write/insats_partner_insert",
            insats_id=insats_id,
            partner_namnder=list(values["partner_namnder"] or []),
            partner_externa=list(values["partner_externa"] or []),
            kalla=kalla,
        )


def _row_params(values: Mapping[str, object]) -> dict[str, object]:
    columns = (
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
    )
    return {c: values[c] for c in columns}


@unit_of_work.own_cursor
def add_insats(con: Connection, user: User | None, fields: Mapping[str, object], *, on_change: OnChange = None) -> str:
    """Add an insats (status föreslagen, beviljad or pågående); returns its new insats_id.

    `fields`: namn, namnd_kod, finansiering_kod, belopp_kr (kronor), startdatum, status, typ and fokus_kod
    are required; beskrivning, tilldelning_id, slutdatum, malgrupp, hela_staden (bool), kalla (a known
    källa; default: the user's name), sekundara_fokus, omraden (statistikområden; at least one unless
    hela_staden), partner_namnder and partner_externa (lists) are optional.
    """
    actor = unit_of_work.require(con, user, "redaktor")
    values = _insats_values(fields, {}, _koder(con), actor, adding=True)
    today_ = today()
    start = values["startdatum"]
    created = start if values["status"] == "pågående" and isinstance(start, date) and start <= today_ else today_
    now = unit_of_work.now()
    with unit_of_work.transaction(con) as cur:
        insats_id = str(store.run_rows(cur, "write/next_insats_id")[0]["insats_id"])
        store.run_rows(cur, "write/insats_insert", insats_id=insats_id, status=values["status"], **_row_params(values))
        _write_relations(cur, insats_id, values, values["kalla"], set(values))
        store.run_rows(
            cur,
            "write/statushistorik_insert",
            insats_id=insats_id,
            datum=created,
            fran_status=None,
            till_status=values["status"],
            anledning=None,
            mottagande_namnd_kod=None,
            permanent_belopp_kr=None,
            anvandare=actor.anvandarnamn,
            tid=now,
            kalla=actor.anvandarnamn,
        )
        for key in (*INSATS_FIELDS, "status"):
            if values.get(key) not in (None, [], ""):
                unit_of_work.audit(cur, actor, "ny", "insatser", insats_id, key, None, values[key])
    unit_of_work.notify(on_change)
    return insats_id


@unit_of_work.own_cursor
def update_insats(
    con: Connection,
    user: User | None,
    insats_id: str,
    changes: Mapping[str, object],
    expected_version: int,
    *,
    kommentar: str | None = None,
    on_change: OnChange = None,
) -> int:
    """Save changed fields of an insats loaded at `expected_version`; returns the version now stored.

    Only fields whose value differs are written and logged; nothing changed means nothing written.
    Raises ConflictError if someone saved the insats after `expected_version`.
    """
    actor = unit_of_work.require(con, user, "redaktor")
    stored = _load_insats(con, insats_id)
    if stored is None:
        raise ValidationError([("insats_id", f"Insatsen {insats_id} finns inte.")])
    if stored["version"] != expected_version:
        raise ConflictError(insats_id, expected_version, stored, dict(changes))
    values = _insats_values(changes, stored, _koder(con), actor, adding=False)
    note = _checked_text(kommentar, "kommentar")
    try:
        with unit_of_work.transaction(con) as cur:
            now = _load_insats(cur, insats_id)
            if now is None or now["version"] != expected_version:
                raise ConflictError(insats_id, expected_version, now or stored, dict(changes))
            changed = [k for k in INSATS_FIELDS if k in values and values[k] != now[k]]
            if not changed:
                return expected_version
            merged = {**now, **values}
            rows = store.run_rows(
                cur,
                "write/insats_update",
                insats_id=insats_id,
                expected_version=expected_version,
                **_row_params(merged),
            )
            if not rows:
                raise ConflictError(insats_id, expected_version, _load_insats(cur, insats_id) or now, dict(changes))
            _write_relations(cur, insats_id, merged, merged["kalla"], set(changed))
            for key in changed:
                unit_of_work.audit(cur, actor, "ändring", "insatser", insats_id, key, now[key], merged[key], note)
            version = int(rows[0]["version"])
    except store.TransactionConflict:
        # Another transaction wrote the same row between our check and our update.
        raise ConflictError(
            insats_id, expected_version, _load_insats(con, insats_id) or stored, dict(changes)
        ) from None
    unit_of_work.notify(on_change)
    return version


def _checked_text(value: object, field: str, *, required: bool = False) -> str | None:
    try:
        return _text(value, field, required=required)
    except _Invalid as exc:
        raise ValidationError([(field, str(exc))]) from None


@unit_of_work.own_cursor
def change_status(
    con: Connection,
    user: User | None,
    insats_id: str,
    new_status: str,
    *,
    datum: date | str,
    anledning: str | None = None,
    mottagande_namnd: str | None = None,
    belopp_kr: int | None = None,
    expected_version: int,
    on_change: OnChange = None,
) -> int:
    """Move an insats to `new_status` on `datum`; returns the version now stored.

    Only `allowed_moves(status)` are accepted. avbruten needs an `anledning`; permanentad needs the
    receiving nämnd (`mottagande_namnd`) and the amount it takes over (`belopp_kr`, kronor). A final
    status (avslutad, avbruten, permanentad) sets the insats' slutdatum to `datum`, except for an insats
    stopped before its planned start, which keeps its planned dates. `datum` may not lie in the future,
    before the previous move, or (for a running insats) before its startdatum.
    """
    actor = unit_of_work.require(con, user, "redaktor")
    stored = _load_insats(con, insats_id)
    attempted = {
        "status": new_status,
        "datum": datum,
        "anledning": anledning,
        "mottagande_namnd": mottagande_namnd,
        "belopp_kr": belopp_kr,
    }
    if stored is None:
        raise ValidationError([("insats_id", f"Insatsen {insats_id} finns inte.")])
    if stored["version"] != expected_version:
        raise ConflictError(insats_id, expected_version, stored, attempted)
    current = str(stored["status"])
    errors: list[tuple[str, str]] = []
    if new_status not in STATUSAR:
        errors.append(("status", f"Okänd status {new_status!r}; välj en av {', '.join(STATUSAR)}."))
    elif new_status not in allowed_moves(current):
        moves = allowed_moves(current)
        allowed = (
            f"Från {current} går det bara till {' eller '.join(moves)}." if moves else f"{current} är en slutstatus."
        )
        errors.append(("status", f"Status kan inte ändras från {current} till {new_status}. {allowed}"))
    when = _collect(errors, "datum", lambda: _date(datum, "datum", required=True))
    if isinstance(when, date):
        history = store.run_rows(con, "register/statushistorik", insats_id=insats_id)
        latest = max((h["datum"] for h in history if isinstance(h["datum"], date)), default=None)
        start = stored["startdatum"]
        if when > today():
            errors.append(("datum", f"Datum {when.isoformat()} ligger i framtiden."))
        elif latest is not None and when < latest:
            errors.append(
                ("datum", f"Datum {when.isoformat()} ligger före förra statusändringen {latest.isoformat()}.")
            )
        elif current == "pågående" and isinstance(start, date) and when < start:
            errors.append(("datum", f"Datum {when.isoformat()} ligger före insatsens startdatum {start.isoformat()}."))
    reason = _collect(errors, "anledning", lambda: _text(anledning, "anledning"))
    if new_status == "avbruten" and reason is None and not any(f == "anledning" for f, _ in errors):
        errors.append(("anledning", "Ange varför insatsen avbryts."))
    receiver: object = None
    amount: object = None
    if new_status == "permanentad":
        receiver = _collect(
            errors,
            "mottagande_namnd",
            lambda: _code(mottagande_namnd, "mottagande_namnd", _koder(con).namnd, required=True),
        )
        amount = _collect(errors, "belopp_kr", lambda: _kronor(belopp_kr, "belopp_kr", required=True))
    else:
        if mottagande_namnd not in (None, ""):
            errors.append(("mottagande_namnd", "Mottagande nämnd anges bara när insatsen permanentas."))
        if belopp_kr not in (None, ""):
            errors.append(("belopp_kr", "Belopp anges bara när insatsen permanentas."))
    if errors:
        raise ValidationError(errors)
    assert isinstance(when, date)
    # A final status ends the insats on `datum`; one stopped before its planned start keeps its planned
    # period (the move itself, with its date, is in the status history).
    start = stored["startdatum"]
    ends = new_status in SLUT_STATUSAR and (current == "pågående" or not isinstance(start, date) or when >= start)
    slut = when if ends else stored["slutdatum"]
    comment = reason
    if new_status == "permanentad":
        comment = " ".join(p for p in (reason, f"Mottagande nämnd: {receiver}, belopp: {amount} kr.") if p)
    try:
        with unit_of_work.transaction(con) as cur:
            rows = store.run_rows(
                cur,
                "write/insats_status_update",
                insats_id=insats_id,
                expected_version=expected_version,
                status=new_status,
                slutdatum=slut,
            )
            if not rows:
                raise ConflictError(insats_id, expected_version, _load_insats(cur, insats_id) or stored, attempted)
            store.run_rows(
                cur,
                "write/statushistorik_insert",
                insats_id=insats_id,
                datum=when,
                fran_status=current,
                till_status=new_status,
                anledning=reason,
                mottagande_namnd_kod=receiver,
                permanent_belopp_kr=amount,
                anvandare=actor.anvandarnamn,
                tid=unit_of_work.now(),
                kalla=actor.anvandarnamn,
            )
            unit_of_work.audit(
                cur, actor, "statusändring", "insatser", insats_id, "status", current, new_status, comment
            )
            if slut != stored["slutdatum"]:
                unit_of_work.audit(
                    cur, actor, "statusändring", "insatser", insats_id, "slutdatum", stored["slutdatum"], slut, comment
                )
            version = int(rows[0]["version"])
    except store.TransactionConflict:
        raise ConflictError(insats_id, expected_version, _load_insats(con, insats_id) or stored, attempted) from None
    unit_of_work.notify(on_change)
    return version


# -------------------------------------------------------------------------------- uppföljningar


@unit_of_work.own_cursor
def add_uppfoljning(
    con: Connection, user: User | None, insats_id: str, fields: Mapping[str, object], *, on_change: OnChange = None
) -> str:
    """Add a follow-up to an insats; returns its uppfoljning_id.

    `fields`: datum (not in the future, not before the insats started), vem, vad and effekt (ingen,
    oklar, viss or tydlig) are required; underlag (the basis of the judgement) is required unless the
    effect is oklar; rackvidd (e.g. participants, a whole number) is optional.
    """
    actor = unit_of_work.require(con, user, "redaktor")
    stored = _load_insats(con, insats_id)
    if stored is None:
        raise ValidationError([("insats_id", f"Insatsen {insats_id} finns inte.")])
    errors = _unknown_fields(fields, UPPFOLJNING_FIELDS)
    when = _collect(errors, "datum", lambda: _date(fields.get("datum"), "datum", required=True))
    values = {
        "datum": when,
        "vem": _collect(errors, "vem", lambda: _text(fields.get("vem"), "vem", required=True)),
        "vad": _collect(errors, "vad", lambda: _text(fields.get("vad"), "vad", required=True)),
        "rackvidd": _collect(errors, "rackvidd", lambda: _count(fields.get("rackvidd"), "rackvidd")),
        "effekt": _collect(errors, "effekt", lambda: _choice(fields.get("effekt"), "effekt", EFFEKTER)),
        "underlag": _collect(errors, "underlag", lambda: _text(fields.get("underlag"), "underlag")),
    }
    if isinstance(when, date):
        start = stored["startdatum"]
        if when > today():
            errors.append(("datum", f"Datum {when.isoformat()} ligger i framtiden."))
        elif isinstance(start, date) and when < start:
            errors.append(("datum", f"Datum {when.isoformat()} ligger före insatsens startdatum {start.isoformat()}."))
    if values["effekt"] in ("ingen", "viss", "tydlig") and values["underlag"] is None:
        if not any(f == "underlag" for f, _ in errors):
            errors.append(("underlag", "Ange vad bedömningen av effekten bygger på."))
    if errors:
        raise ValidationError(errors)
    with unit_of_work.transaction(con) as cur:
        uppfoljning_id = str(store.run_rows(cur, "write/next_uppfoljning_id")[0]["uppfoljning_id"])
        store.run_rows(
            cur,
            "write/uppfoljning_insert",
            uppfoljning_id=uppfoljning_id,
            insats_id=insats_id,
            kalla=actor.anvandarnamn,
            **values,
        )
        unit_of_work.audit(cur, actor, "ny", "uppfoljningar", uppfoljning_id, "insats_id", None, insats_id)
        for key in UPPFOLJNING_FIELDS:
            if values[key] is not None:
                unit_of_work.audit(cur, actor, "ny", "uppfoljningar", uppfoljning_id, key, None, values[key])
    unit_of_work.notify(on_change)
    return uppfoljning_id


# ------------------------------------------------------------------------------------ användare


@unit_of_work.own_cursor
def add_user(con: Connection, user: User | None, fields: Mapping[str, object], *, on_change: OnChange = None) -> str:
    """Add an account (admin only); returns its anvandarnamn.

    `fields`: anvandarnamn (a–z, 0–9, . _ -; 2–40 characters), namn and roll (redaktor or admin) are
    required; e_post (for OIDC sign-in) and losenord_hash (an argon2 hash from `auth.hash_password`,
    for local sign-in) are optional, but one of them is needed.
    """
    actor = unit_of_work.require(con, user, "admin")
    errors = _unknown_fields(fields, ANVANDARE_FIELDS)
    name = _collect(errors, "anvandarnamn", lambda: _username(fields.get("anvandarnamn")))
    values = {
        "anvandarnamn": name,
        "namn": _collect(errors, "namn", lambda: _text(fields.get("namn"), "namn", required=True, limit=100)),
        "e_post": _collect(errors, "e_post", lambda: _email(fields.get("e_post"))),
        "roll": _collect(errors, "roll", lambda: _role(fields.get("roll"))),
        "losenord_hash": _collect(errors, "losenord_hash", lambda: _password_hash(fields.get("losenord_hash"))),
    }
    if isinstance(name, str) and _get_anvandare(con, name) is not None:
        errors.append(("anvandarnamn", f"Användarnamnet {name} finns redan."))
    email = values["e_post"]
    if isinstance(email, str) and store.run_rows(con, "write/anvandare_by_e_post", e_post=email):
        errors.append(("e_post", f"E-postadressen {email} hör redan till ett konto."))
    if (
        values["e_post"] is None
        and values["losenord_hash"] is None
        and not any(f in ("e_post", "losenord_hash") for f, _ in errors)
    ):
        errors.append(
            ("losenord_hash", "Kontot behöver ett lösenord (lokal inloggning) eller en e-postadress (OIDC-inloggning).")
        )
    if errors:
        raise ValidationError(errors)
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_insert", **values)
        for key in ANVANDARE_FIELDS:
            if values[key] is not None:
                shown = "(satt)" if key == "losenord_hash" else values[key]
                unit_of_work.audit(cur, actor, "ny", "anvandare", str(name), key, None, shown)
    unit_of_work.notify(on_change)
    return str(name)


@unit_of_work.own_cursor
def set_role(con: Connection, user: User | None, anvandarnamn: str, roll: str, *, on_change: OnChange = None) -> None:
    """Give an account another role (admin only; not one's own, so that the last admin is not lost)."""
    actor = unit_of_work.require(con, user, "admin")
    target = _existing_other(con, actor, anvandarnamn, "Du kan inte ändra din egen roll; be en annan administratör.")
    new = _checked(lambda: _role(roll), "roll")
    if new == target["roll"]:
        return
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_set_roll", anvandarnamn=anvandarnamn, roll=new)
        unit_of_work.audit(cur, actor, "roll", "anvandare", anvandarnamn, "roll", target["roll"], new)
    unit_of_work.notify(on_change)


@unit_of_work.own_cursor
def deactivate_user(con: Connection, user: User | None, anvandarnamn: str, *, on_change: OnChange = None) -> None:
    """Switch an account off (admin only; not one's own): it can no longer sign in or write."""
    actor = unit_of_work.require(con, user, "admin")
    target = _existing_other(con, actor, anvandarnamn, "Du kan inte inaktivera ditt eget konto.")
    if not target["aktiv"]:
        raise ValidationError([("anvandarnamn", f"Kontot {anvandarnamn} är redan inaktiverat.")])
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_set_aktiv", anvandarnamn=anvandarnamn, aktiv=False)
        unit_of_work.audit(cur, actor, "inaktivering", "anvandare", anvandarnamn, "aktiv", True, False)
    unit_of_work.notify(on_change)


@unit_of_work.own_cursor
def set_password(
    con: Connection, user: User | None, anvandarnamn: str, losenord_hash: str, *, on_change: OnChange = None
) -> None:
    """Replace an account's password hash (admin only). The audit log records that, never the hash."""
    actor = unit_of_work.require(con, user, "admin")
    if _get_anvandare(con, anvandarnamn) is None:
        raise ValidationError([("anvandarnamn", f"Kontot {anvandarnamn} finns inte.")])
    new = _checked(lambda: _password_hash(losenord_hash, required=True), "losenord_hash")
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_set_losenord", anvandarnamn=anvandarnamn, losenord_hash=new)
        unit_of_work.audit(cur, actor, "lösenord", "anvandare", anvandarnamn, "losenord_hash", None, "(ändrat)")
    unit_of_work.notify(on_change)


def _checked(check: Callable[[], object], field: str) -> object:
    try:
        return check()
    except _Invalid as exc:
        raise ValidationError([(field, str(exc))]) from None


def _existing_other(con: Connection, actor: User, anvandarnamn: str, self_message: str) -> dict[str, object]:
    target = _get_anvandare(con, anvandarnamn)
    if target is None:
        raise ValidationError([("anvandarnamn", f"Kontot {anvandarnamn} finns inte.")])
    if anvandarnamn == actor.anvandarnamn:
        raise ValidationError([("anvandarnamn", self_message)])
    return target


def _username(value: object) -> str:
    text = _text(value, "anvandarnamn", required=True, limit=40)
    assert text is not None
    if not domain.USERNAME.fullmatch(text):
        raise _Invalid(
            "Användarnamn får bara innehålla små bokstäver a–z, siffror, punkt, bindestreck och understreck "
            "(2–40 tecken, först en bokstav eller siffra)."
        )
    if text in RESERVED_NAMES:
        raise _Invalid(f"Användarnamnet {text} är reserverat.")
    return text


def _email(value: object) -> str | None:
    text = _text(value, "e_post", limit=254)
    if text is None:
        return None
    if not domain.EMAIL.fullmatch(text):
        raise _Invalid(f"E-post: {text!r} är ingen e-postadress.")
    return text.lower()


def _role(value: object) -> str:
    text = _text(value, "roll", required=True)
    if text not in KONTO_ROLLER:
        raise _Invalid("Roll ska vara redaktor eller admin (läsare behöver inget konto).")
    return text


def _password_hash(value: object, *, required: bool = False) -> str | None:
    text = _text(value, "losenord_hash", required=required, limit=1000)
    if text is not None and not text.startswith("$argon2"):
        raise _Invalid("Lösenordet ska sparas som en argon2-hash (från auth.hash_password), aldrig i klartext.")
    return text
