"""Uppdrag (mandates) and återrapporteringskrav (reporting duties): add an uppdrag, save an edited one,
save an edited krav — each only if nobody saved it since it was loaded (issue 15).

The same safe writes as an insats: the caller's stored role is checked first (`PermissionError` for a
reader or nobody), every value is checked before anything is written (`ValidationError` naming each
field and the value given), the row and one audit row per field are written in one transaction of the
unit of work (journaled), and `on_change()` runs after the commit. A save based on an older version
raises `UppdragConflictError` (a `ConflictError`) with the stored row and what the editor tried to save.

An uppdrag's `kalla` is the source document (a known källa) its quote comes from; an editor who adds an
uppdrag without naming one is its source (the account name, as for a follow-up or an insats).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from lokalutveckling import store
from lokalutveckling.domain import (
    KRAV_STATUSAR,
    STADIER,
    UPPDRAG_STATUSAR,
    OnChange,
    User,
    ValidationError,
    today,
)
from lokalutveckling.store import Connection, unit_of_work
from lokalutveckling.writes import rules
from lokalutveckling.writes.insatser import ConflictError, koder

# An uppdrag's fields an editor sets, in the order the audit log lists them.
UPPDRAG_FIELDS: tuple[str, ...] = (
    "rubrik",
    "arende",
    "givare_organ",
    "givet_beslut_id",
    "givet_datum",
    "givet_ar",
    "givet_paragraf",
    "givet_punkt",
    "givet_stadium",
    "mottagare",
    "mottagare_namnd_kod",
    "citat",
    "kalla",
    "dokument_rad",
    "senast",
    "tid_i_kallan",
    "status",
    "aterrapport_organ",
    "aterrapport_datum",
    "aterrapport_paragraf",
    "aterrapport_punkt",
    "aterrapport_stadium",
    "aterrapport_text",
    "aterrapport_kalla",
    "aterrapport_rad",
    "anmarkning",
)
UPPDRAG_REQUIRED = frozenset(
    {"rubrik", "givare_organ", "givet_ar", "mottagare", "citat", "kalla", "status", "givet_stadium"}
)
# The fields whose value the status återrapporterat depends on.
ATERRAPPORT_FIELDS = frozenset({"status", "aterrapport_organ", "aterrapport_datum", "aterrapport_text"})
KRAV_FIELDS: tuple[str, ...] = ("status", "senast", "inlamnad_datum", "anmarkning")


@dataclass(frozen=True)
class _Kind:
    """A table editors save against a version: its name, key, fields and statements."""

    tabell: str
    key: str
    fields: tuple[str, ...]
    get: str
    update: str


UPPDRAG = _Kind("uppdrag", "uppdrag_id", UPPDRAG_FIELDS, "write/uppdrag_get", "write/uppdrag_update")
KRAV = _Kind("aterrapporteringskrav", "krav_id", KRAV_FIELDS, "write/krav_get", "write/krav_update")
KRAV_INLAMNAD = ("inlämnad", "godkänd")  # a report that was handed in: the day it was is required
# Text limits (characters): quotes and notes are long, names and references short.
LIMITS = {
    "rubrik": 200,
    "arende": 40,
    "givare_organ": 100,
    "givet_paragraf": 40,
    "mottagare": 200,
    "citat": 4000,
    "tid_i_kallan": 200,
    "aterrapport_organ": 100,
    "aterrapport_paragraf": 40,
    "aterrapport_text": 4000,
    "anmarkning": 4000,
}
MAX_ROW = 1_000_000  # a line number in a document, or a decision's punkt


class UppdragConflictError(ConflictError):
    """The uppdrag or krav was saved by someone else after the editor loaded it; nothing was written.

    `row_id` names the row, `stored` is the row as it is now (with its `version`), `attempted` the values
    the editor tried to save; the form shows both and lets the editor redo the change on the new version.
    """

    def __init__(
        self, tabell: str, row_id: str, expected_version: int, stored: dict[str, object], attempted: dict[str, object]
    ):
        self.tabell = tabell
        self.row_id = row_id
        self.insats_id = row_id  # the attribute an insats conflict's handlers read
        self.expected_version = expected_version
        self.stored_version = int(stored["version"])
        self.stored = stored
        self.attempted = attempted
        what = "Uppdraget" if tabell == "uppdrag" else "Återrapporteringskravet"
        if self.stored_version == expected_version:
            message = (
                f"Någon annan sparar {what.lower()} {row_id} just nu. Inget av det du ändrade har sparats; "
                "öppna det igen och gör om ändringen."
            )
        else:
            message = (
                f"{what} {row_id} har ändrats av någon annan sedan du öppnade det (du utgick från version "
                f"{expected_version}, nu sparad: version {self.stored_version}). Inget av det du ändrade har "
                "sparats. Jämför din version med den sparade och gör om ändringen."
            )
        Exception.__init__(self, message)


# ------------------------------------------------------------------------------------------ reading


@unit_of_work.own_cursor
def get_uppdrag(con: Connection, uppdrag_id: str) -> dict[str, object] | None:
    """One uppdrag with every field an editor sets and its `version`, or None if unknown."""
    return _load(con, "write/uppdrag_get", uppdrag_id=uppdrag_id)


@unit_of_work.own_cursor
def get_krav(con: Connection, krav_id: str) -> dict[str, object] | None:
    """One återrapporteringskrav (what is asked, status, senast, inlamnad_datum, anmarkning, `version`),
    or None if unknown."""
    return _load(con, "write/krav_get", krav_id=krav_id)


def _load(con: Connection, query: str, **key: object) -> dict[str, object] | None:
    rows = store.run_rows(con, query, **key)
    return rows[0] if rows else None


# ------------------------------------------------------------------------------------------ checking


def _shown(value: object) -> str:
    """A value as an error message quotes it (long text cut short)."""
    if isinstance(value, date):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}…"


def _collect(errors: list[tuple[str, str]], field: str, check: Callable[[object], object], value: object) -> object:
    """The checked value, or None with the problem (naming the field and the value given) in `errors`."""
    try:
        return check(value)
    except rules.FieldInvalid as exc:
        message = str(exc)
        if value not in (None, "") and _shown(value) not in message and str(value) not in message:
            message = f"{message.rstrip('.')} (angivet: {_shown(value)})."
        errors.append((field, message))
        return None


def _whole(value: object, field: str, *, low: int, high: int, required: bool = False) -> int | None:
    """A whole number from `low` to `high` (a number, or text of digits)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise rules.FieldInvalid(f"{rules.label(field)} måste anges.")
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]+\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise rules.FieldInvalid(f"{rules.label(field)} ska vara ett heltal från {low} till {high}.")
    if not low <= value <= high:
        raise rules.FieldInvalid(f"{rules.label(field)} ska vara ett heltal från {low} till {high}.")
    return value


def _same(value: object, stored: object) -> bool:
    """Whether a value a form sends back is the stored one (empty text as nothing)."""
    if value in (None, "") and stored in (None, ""):
        return True
    return rules.same(value, stored)


def _uppdrag_checkers(con: Connection, actor: User, adding: bool) -> dict[str, Callable[[object], object]]:
    k = koder(con)
    documents = k.kalla | {actor.anvandarnamn}
    beslut = {str(r["beslut_id"]) for r in store.run_rows(con, "write/uppdrag_beslut_koder")}

    def text(field: str) -> Callable[[object], object]:
        return lambda v: rules.text(v, field, required=field in UPPDRAG_REQUIRED, limit=LIMITS[field])

    checkers: dict[str, Callable[[object], object]] = {f: text(f) for f in LIMITS}
    checkers.update(
        {
            "givet_beslut_id": lambda v: rules.code(v, "givet_beslut_id", beslut),
            "givet_datum": lambda v: rules.day(v, "givet_datum"),
            "givet_ar": lambda v: _whole(v, "givet_ar", low=rules.MIN_YEAR, high=rules.MAX_YEAR, required=True),
            "givet_punkt": lambda v: _whole(v, "givet_punkt", low=1, high=MAX_ROW),
            "givet_stadium": lambda v: rules.choice(v, "givet_stadium", STADIER),
            "mottagare_namnd_kod": lambda v: rules.code(v, "mottagare_namnd_kod", k.namnd),
            "kalla": lambda v: rules.code(
                actor.anvandarnamn if adding and v in (None, "") else v, "kalla", documents, required=True
            ),
            "dokument_rad": lambda v: _whole(v, "dokument_rad", low=1, high=MAX_ROW),
            "senast": lambda v: rules.day(v, "senast"),
            "status": lambda v: rules.choice(v, "status", UPPDRAG_STATUSAR),
            "aterrapport_datum": lambda v: rules.day(v, "aterrapport_datum"),
            "aterrapport_punkt": lambda v: _whole(v, "aterrapport_punkt", low=1, high=MAX_ROW),
            "aterrapport_stadium": lambda v: rules.choice(v, "aterrapport_stadium", STADIER, required=False),
            "aterrapport_kalla": lambda v: rules.code(v, "aterrapport_kalla", documents),
            "aterrapport_rad": lambda v: _whole(v, "aterrapport_rad", low=1, high=MAX_ROW),
        }
    )
    return checkers


def uppdrag_values(
    con: Connection, actor: User, fields: Mapping[str, object], base: Mapping[str, object], *, adding: bool
) -> dict[str, object]:
    """Checked values of `fields` (when editing, only those that differ from `base`); the rules between
    fields run on `base` with them applied. Raises ValidationError listing every problem."""
    if not adding:
        fields = {k: v for k, v in fields.items() if not _same(v, base.get(k))}
    errors = rules.unknown_fields(fields, UPPDRAG_FIELDS)
    checkers = _uppdrag_checkers(con, actor, adding)
    keys = list(UPPDRAG_FIELDS) if adding else [k for k in UPPDRAG_FIELDS if k in fields]
    values: dict[str, object] = {}
    bad: set[str] = set()
    for key in keys:
        before = len(errors)
        values[key] = _collect(errors, key, checkers[key], fields.get(key))
        if len(errors) > before:
            bad.add(key)
    if not adding:  # read as the value already stored ('7' for 7): nothing to save
        values = {k: v for k, v in values.items() if k in bad or not _same(v, base.get(k))}
    merged = {**base, **values}
    given, year = merged.get("givet_datum"), merged.get("givet_ar")
    if {"givet_datum", "givet_ar"} & set(values) and not {"givet_datum", "givet_ar"} & bad:
        if isinstance(given, date) and isinstance(year, int) and given.year != year:
            errors.append(
                ("givet_datum", f"Givet datum {given.isoformat()} ligger inte i givet år {year} (angivet: {year}).")
            )
    if merged.get("status") == "återrapporterat" and ATERRAPPORT_FIELDS & set(values) and not ATERRAPPORT_FIELDS & bad:
        if merged.get("aterrapport_organ") is None:
            errors.append(
                (
                    "aterrapport_organ",
                    "Status återrapporterat kräver att du anger vem uppdraget återrapporterades till "
                    "(Återrapporterat till, t.ex. KSAU).",
                )
            )
        if merged.get("aterrapport_datum") is None and merged.get("aterrapport_text") is None:
            errors.append(
                (
                    "aterrapport_datum",
                    "Status återrapporterat kräver Återrapporterat datum eller Återrapporten som det står.",
                )
            )
    if (
        merged.get("aterrapport_organ") is not None
        and merged.get("aterrapport_stadium") is None
        and {"aterrapport_organ", "aterrapport_stadium"} & set(values)
        and not {"aterrapport_organ", "aterrapport_stadium"} & bad
    ):
        errors.append(
            (
                "aterrapport_stadium",
                f"Återrapporten är: ange om återrapporteringen är ett {' eller ett '.join(STADIER)} "
                "(ett förslag visas aldrig som ett beslut).",
            )
        )
    if errors:
        raise ValidationError(errors)
    return values


# -------------------------------------------------------------------------------------------- uppdrag


def _save(
    con: Connection,
    actor: User,
    kind: _Kind,
    row_id: str,
    expected_version: int,
    stored: Mapping[str, object],
    values: Mapping[str, object],
    changes: Mapping[str, object],
) -> int:
    """Write the checked `values` over the row loaded at `expected_version`, one audit row per changed field,
    in one transaction; the version now stored. Someone else's save meanwhile (a newer version, or a
    transaction of theirs at that moment) raises UppdragConflictError with the row as it is now."""
    try:
        with unit_of_work.transaction(con) as cur:
            merged = {**stored, **values}
            params = {key: merged.get(key) for key in kind.fields}
            store.run_rows(cur, kind.update, **{kind.key: row_id}, expected_version=expected_version, **params)
            now = _load(cur, kind.get, **{kind.key: row_id})  # the update left it alone if its version moved on
            if now is None or now["version"] != expected_version + 1:
                raise UppdragConflictError(kind.tabell, row_id, expected_version, now or stored, dict(changes))
            unit_of_work.audit_rows(
                cur,
                actor,
                "ändring",
                [
                    (kind.tabell, row_id, key, unit_of_work.as_text(stored[key]), unit_of_work.as_text(values[key]))
                    for key in kind.fields
                    if key in values
                ],
            )
            return expected_version + 1
    except store.TransactionConflict:
        now = _load(con, kind.get, **{kind.key: row_id}) or stored
        raise UppdragConflictError(kind.tabell, row_id, expected_version, now, dict(changes)) from None


def _params(values: Mapping[str, object]) -> dict[str, object]:
    return {key: values.get(key) for key in UPPDRAG_FIELDS}


@unit_of_work.own_cursor
def add_uppdrag(con: Connection, user: User | None, fields: Mapping[str, object], *, on_change: OnChange = None) -> str:
    """Add an uppdrag; returns its new id, U-<givet år>-<number> (U-2025-001, the next number that year).

    `fields`: rubrik, givare_organ, givet_ar, mottagare, citat (what was asked, as written), status
    (givet, pågår, återrapporterat, avslutat) and givet_stadium (förslag or beslut) are required; kalla
    (a known källa; default: the user's name) too. Optional: arende, givet_beslut_id, givet_datum (in
    givet_ar), givet_paragraf, givet_punkt (1 or more), mottagare_namnd_kod, dokument_rad, senast,
    tid_i_kallan, aterrapport_* (status återrapporterat needs aterrapport_organ and aterrapport_datum or
    aterrapport_text) and anmarkning.
    """
    actor = unit_of_work.require(con, user, "redaktor")
    values = uppdrag_values(con, actor, fields, {}, adding=True)
    with unit_of_work.transaction(con) as cur:
        uppdrag_id = str(store.run_rows(cur, "write/uppdrag_next_id", givet_ar=values["givet_ar"])[0]["uppdrag_id"])
        store.run_rows(cur, "write/uppdrag_insert", uppdrag_id=uppdrag_id, **_params(values))
        rows = [
            ("uppdrag", uppdrag_id, key, None, unit_of_work.as_text(values[key]))
            for key in UPPDRAG_FIELDS
            if values.get(key) not in (None, "")
        ]
        unit_of_work.audit_rows(cur, actor, "ny", rows)
    unit_of_work.notify(on_change)
    return uppdrag_id


@unit_of_work.own_cursor
def update_uppdrag(
    con: Connection,
    user: User | None,
    uppdrag_id: str,
    expected_version: int,
    changes: Mapping[str, object],
    *,
    on_change: OnChange = None,
) -> int:
    """Save changed fields of an uppdrag loaded at `expected_version`; returns the version now stored.

    The status moves freely between givet, pågår, återrapporterat and avslutat; återrapporterat needs
    who it was reported to (aterrapport_organ) and when (aterrapport_datum) or the text that reports it.
    Only fields whose value differs are written and logged; nothing changed means nothing written.
    Raises UppdragConflictError if someone saved the uppdrag after `expected_version`.
    """
    actor = unit_of_work.require(con, user, "redaktor")
    stored = _load(con, "write/uppdrag_get", uppdrag_id=uppdrag_id)
    if stored is None:
        raise ValidationError([("uppdrag_id", f"Uppdraget {uppdrag_id!r} finns inte.")])
    if stored["version"] != expected_version:
        raise UppdragConflictError("uppdrag", uppdrag_id, expected_version, stored, dict(changes))
    values = uppdrag_values(con, actor, changes, stored, adding=False)
    if not values:
        return expected_version
    version = _save(con, actor, UPPDRAG, uppdrag_id, expected_version, stored, values, changes)
    unit_of_work.notify(on_change)
    return version


# --------------------------------------------------------------------------------------------- krav


def krav_values(fields: Mapping[str, object], base: Mapping[str, object]) -> dict[str, object]:
    """Checked values of the krav fields that differ from `base`; ValidationError lists every problem."""
    fields = {k: v for k, v in fields.items() if not _same(v, base.get(k))}
    errors = rules.unknown_fields(fields, KRAV_FIELDS)
    checkers: dict[str, Callable[[object], object]] = {
        "status": lambda v: rules.choice(v, "status", KRAV_STATUSAR),
        "senast": lambda v: rules.day(v, "senast"),
        "inlamnad_datum": lambda v: rules.day(v, "inlamnad_datum"),
        "anmarkning": lambda v: rules.text(v, "anmarkning", limit=LIMITS["anmarkning"]),
    }
    values: dict[str, object] = {}
    bad: set[str] = set()
    for key in KRAV_FIELDS:
        if key in fields:
            before = len(errors)
            values[key] = _collect(errors, key, checkers[key], fields[key])
            if len(errors) > before:
                bad.add(key)
    values = {k: v for k, v in values.items() if k in bad or not _same(v, base.get(k))}
    merged = {**base, **values}
    handed_in = merged.get("inlamnad_datum")
    if "inlamnad_datum" in values and isinstance(handed_in, date) and handed_in > today():
        errors.append(("inlamnad_datum", f"Inlämnad datum {handed_in.isoformat()} ligger i framtiden."))
    if (
        merged.get("status") in KRAV_INLAMNAD
        and handed_in is None
        and {"status", "inlamnad_datum"} & set(values)
        and not {"status", "inlamnad_datum"} & bad
    ):
        errors.append(
            ("inlamnad_datum", f"Status {merged['status']} kräver Inlämnad datum: ange dagen rapporten lämnades in.")
        )
    if errors:
        raise ValidationError(errors)
    return values


@unit_of_work.own_cursor
def update_krav(
    con: Connection,
    user: User | None,
    krav_id: str,
    expected_version: int,
    changes: Mapping[str, object],
    *,
    on_change: OnChange = None,
) -> int:
    """Save changed fields of an återrapporteringskrav loaded at `expected_version`; returns the version now
    stored. `changes`: status (ej påbörjad, pågår, inlämnad, godkänd), senast (date), inlamnad_datum (not
    in the future; required for inlämnad and godkänd) and anmarkning. Raises UppdragConflictError if
    someone saved the krav after `expected_version`."""
    actor = unit_of_work.require(con, user, "redaktor")
    stored = _load(con, "write/krav_get", krav_id=krav_id)
    if stored is None:
        raise ValidationError([("krav_id", f"Återrapporteringskravet {krav_id!r} finns inte.")])
    if stored["version"] != expected_version:
        raise UppdragConflictError("aterrapporteringskrav", krav_id, expected_version, stored, dict(changes))
    values = krav_values(changes, stored)
    if not values:
        return expected_version
    version = _save(con, actor, KRAV, krav_id, expected_version, stored, values, changes)
    unit_of_work.notify(on_change)
    return version
