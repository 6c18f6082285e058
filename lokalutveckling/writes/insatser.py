"""Insatser: add one, save an edited one (only if nobody saved it since it was loaded), move its status.

Each write checks the caller's role (the stored account's), validates everything with
`lokalutveckling.writes.rules` before writing anything, and writes the row(s), one audit row per
changed field and, for status moves, a statushistorik row, in one transaction of the unit of work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from lokalutveckling import domain, store
from lokalutveckling.domain import (
    INSATS_FIELDS,
    MALINDIKATORER,
    MAX_MALINDIKATORER,
    SLUT_STATUSAR,
    STATUSAR,
    OnChange,
    User,
    ValidationError,
    allowed_moves,
    today,
)
from lokalutveckling.store import Connection, unit_of_work
from lokalutveckling.writes import rules


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


def koder(con: Connection) -> rules.Koder:
    """The codes a form may name, from the store."""
    kinds: dict[str, dict[str, str | None]] = {}
    for row in store.run_rows(con, "write/koder"):
        kinds.setdefault(str(row["slag"]), {})[str(row["kod"])] = row["finansiering_kod"]
    return rules.Koder(
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
    return load_insats(con, insats_id)


def saved_versions(cur: Connection, insats_ids: Sequence[str]) -> dict[str, int]:
    """The stored version of each insats, read back in the writing transaction: an update (which checks the
    version it was read at) left one someone else saved meanwhile unchanged, so its version is not the
    one expected. (DuckLake, the second backend, has no RETURNING to tell.)"""
    rows = store.run_rows(cur, "write/insatser_versioner", insats_id_list=list(insats_ids))
    return {str(r["insats_id"]): int(r["version"]) for r in rows}


def load_insats(con: Connection, insats_id: str) -> dict[str, object] | None:
    rows = store.run_rows(con, "register/insats", insats_id=insats_id)
    if not rows:
        return None
    row = rows[0]
    for key in (*domain.LIST_FIELDS, MALINDIKATORER):
        row[key] = rules.sorted_codes(row[key])
    return row


# The fields a form saves: the insats's own, then the target indicators an editor chose (issue 17).
SAVED_FIELDS: tuple[str, ...] = (*INSATS_FIELDS, MALINDIKATORER)


def malindikatorer(con: Connection, value: object) -> list[str]:
    """Checked target indicators (sorted codes): known indicators with a fokusområde, at most
    MAX_MALINDIKATORER; empty means the indicators of the insats's fokusområden. Raises
    rules.FieldInvalid with a sentence naming the field and the value."""
    chosen = rules.codes(value, MALINDIKATORER, None)
    known = {str(r["indikator_kod"]): r for r in store.run_rows(con, "write/insats_malindikatorer_indikatorer")}
    label = rules.label(MALINDIKATORER)
    for kod in chosen:
        if kod not in known:
            raise rules.FieldInvalid(f"{label}: okänd indikator {kod!r}.")
        if known[kod]["fokus_kod"] is None:
            raise rules.FieldInvalid(
                f"{label}: {kod!r} ({known[kod]['namn_sv']}) är en kontextindikator utan fokusområde och kan "
                "inte vara målindikator."
            )
    if len(chosen) > MAX_MALINDIKATORER:
        raise rules.FieldInvalid(f"{label}: högst {MAX_MALINDIKATORER} indikatorer (nu {len(chosen)}).")
    return chosen


def _checked(
    con: Connection, fields: Mapping[str, object], base: Mapping[str, object], actor: User, *, adding: bool
) -> dict[str, object]:
    """`rules.insats_values` on the insats's own fields, and the target indicators when given (or, when
    adding, as empty); every problem of both in one ValidationError."""
    errors: list[tuple[str, str]] = []
    chosen: list[str] | None = None
    if adding or (MALINDIKATORER in fields and not rules.same(fields[MALINDIKATORER], base.get(MALINDIKATORER))):
        checked = rules.collect(errors, MALINDIKATORER, lambda: malindikatorer(con, fields.get(MALINDIKATORER)))
        chosen = checked if isinstance(checked, list) else None
    own = {k: v for k, v in fields.items() if k != MALINDIKATORER}
    values: dict[str, object] = {}
    try:
        values = rules.insats_values(own, base, koder(con), actor, adding=adding)
    except ValidationError as exc:
        errors = [*exc.errors, *errors]
    if errors:
        raise ValidationError(errors)
    if chosen is not None:
        values[MALINDIKATORER] = chosen
    return values


def _lists(rows: list[tuple[object, ...]], names: tuple[str, ...]) -> dict[str, list[object]]:
    """Rows as the batched statements take them: one list per column (`<name>_list`), one value per row."""
    return {f"{name}_list": [row[i] for row in rows] for i, name in enumerate(names)}


def _write_relations(
    cur: Connection,
    insats_id: str,
    values: Mapping[str, object],
    kalla: object,
    keys: set[str],
    chooser: str | None = None,
) -> None:
    """Rewrite the fokusområden, områden and partners that `keys` touch (the statements an import uses
    too, with this one insats' rows), and the target indicators, with `chooser` (the user) as their källa."""
    if keys & {"fokus_kod", "sekundara_fokus"}:
        store.run_rows(cur, "write/insats_fokus_delete", insats_id_list=[insats_id])
        fokus = [(insats_id, values["fokus_kod"], True, kalla)]
        fokus += [(insats_id, f, False, kalla) for f in values["sekundara_fokus"] or []]
        store.run_rows(cur, "write/insats_fokus_insert", **_lists(fokus, ("insats_id", "fokus_kod", "primar", "kalla")))
    if "omraden" in keys:
        store.run_rows(cur, "write/insats_omraden_delete", insats_id_list=[insats_id])
        omraden = [(insats_id, o, kalla) for o in values["omraden"] or []]
        store.run_rows(cur, "write/insats_omraden_insert", **_lists(omraden, ("insats_id", "omrade_kod", "kalla")))
    if keys & {"partner_namnder", "partner_externa"}:
        store.run_rows(cur, "write/insats_partner_delete", insats_id_list=[insats_id])
        partners = [(insats_id, "namnd", n, None, kalla) for n in values["partner_namnder"] or []]
        partners += [(insats_id, "extern", None, p, kalla) for p in values["partner_externa"] or []]
        names = ("insats_id", "partner_typ", "namnd_kod", "partner_namn", "kalla")
        store.run_rows(cur, "write/insats_partner_insert", **_lists(partners, names))
    if MALINDIKATORER in keys:
        store.run_rows(cur, "write/insats_malindikatorer_delete", insats_id_list=[insats_id])
        chosen = [(insats_id, i, chooser or kalla) for i in values[MALINDIKATORER] or []]
        names = ("insats_id", "indikator_kod", "kalla")
        store.run_rows(cur, "write/insats_malindikatorer_insert", **_lists(chosen, names))


ROW = (
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
)  # an insats' own columns, as write/insatser_insert and write/insatser_update take them


def _row(insats_id: str, values: Mapping[str, object]) -> dict[str, list[object]]:
    return _lists([tuple(insats_id if c == "insats_id" else values[c] for c in ROW)], ROW)


def _status_move(
    cur: Connection,
    actor: User,
    insats_id: str,
    datum: date,
    fran: str | None,
    till: str,
    anledning: str | None = None,
    mottagande_namnd_kod: object = None,
    permanent_belopp_kr: object = None,
    *,
    tid: object,
) -> None:
    """One statushistorik row, by `actor` at `tid` (the statement an import uses too)."""
    store.run_rows(
        cur,
        "write/statushistorik_insert",
        insats_id_list=[insats_id],
        datum_list=[datum],
        fran_status_list=[fran],
        till_status_list=[till],
        anledning_list=[anledning],
        mottagande_namnd_kod_list=[mottagande_namnd_kod],
        permanent_belopp_kr_list=[permanent_belopp_kr],
        kalla_list=[actor.anvandarnamn],
        anvandare=actor.anvandarnamn,
        tid=tid,
    )


@unit_of_work.own_cursor
def add_insats(con: Connection, user: User | None, fields: Mapping[str, object], *, on_change: OnChange = None) -> str:
    """Add an insats (status föreslagen, beviljad or pågående); returns its new insats_id.

    `fields`: namn, namnd_kod, finansiering_kod, belopp_kr (kronor), startdatum, status, typ and fokus_kod
    are required; beskrivning, tilldelning_id, slutdatum, malgrupp, hela_staden (bool), kalla (a known
    källa; default: the user's name), sekundara_fokus, omraden (statistikområden; at least one unless
    hela_staden), partner_namnder and partner_externa (lists) and malindikatorer (target indicators, see
    `malindikatorer`) are optional.
    """
    actor = unit_of_work.require(con, user, "redaktor")
    values = _checked(con, fields, {}, actor, adding=True)
    today_ = today()
    start = values["startdatum"]
    created = start if values["status"] == "pågående" and isinstance(start, date) and start <= today_ else today_
    now = unit_of_work.now()
    with unit_of_work.transaction(con) as cur:
        insats_id = str(store.run_rows(cur, "write/next_insats_id")[0]["insats_id"])
        store.run_rows(cur, "write/insatser_insert", **_row(insats_id, values))
        _write_relations(cur, insats_id, values, values["kalla"], set(values), actor.anvandarnamn)
        _status_move(cur, actor, insats_id, created, None, str(values["status"]), tid=now)
        for key in (*SAVED_FIELDS, "status"):
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
    stored = load_insats(con, insats_id)
    if stored is None:
        raise ValidationError([("insats_id", f"Insatsen {insats_id} finns inte.")])
    if stored["version"] != expected_version:
        raise ConflictError(insats_id, expected_version, stored, dict(changes))
    values = _checked(con, changes, stored, actor, adding=False)
    note = _checked_text(kommentar, "kommentar")
    try:
        with unit_of_work.transaction(con) as cur:
            now = load_insats(cur, insats_id)
            if now is None or now["version"] != expected_version:
                raise ConflictError(insats_id, expected_version, now or stored, dict(changes))
            changed = [k for k in SAVED_FIELDS if k in values and values[k] != now[k]]
            if not changed:
                return expected_version
            merged = {**now, **values}
            store.run_rows(cur, "write/insatser_update", version_list=[expected_version], **_row(insats_id, merged))
            version = expected_version + 1
            if saved_versions(cur, [insats_id]) != {insats_id: version}:
                raise ConflictError(insats_id, expected_version, load_insats(cur, insats_id) or now, dict(changes))
            _write_relations(cur, insats_id, merged, merged["kalla"], set(changed), actor.anvandarnamn)
            for key in changed:
                unit_of_work.audit(cur, actor, "ändring", "insatser", insats_id, key, now[key], merged[key], note)
    except store.TransactionConflict:
        # Another transaction wrote the same row between our check and our update.
        raise ConflictError(insats_id, expected_version, load_insats(con, insats_id) or stored, dict(changes)) from None
    unit_of_work.notify(on_change)
    return version


def _checked_text(value: object, field: str, *, required: bool = False) -> str | None:
    try:
        return rules.text(value, field, required=required)
    except rules.FieldInvalid as exc:
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
    stored = load_insats(con, insats_id)
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
    when = rules.collect(errors, "datum", lambda: rules.day(datum, "datum", required=True))
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
    reason = rules.collect(errors, "anledning", lambda: rules.text(anledning, "anledning"))
    if new_status == "avbruten" and reason is None and not any(f == "anledning" for f, _ in errors):
        errors.append(("anledning", "Ange varför insatsen avbryts."))
    receiver: object = None
    amount: object = None
    if new_status == "permanentad":
        receiver = rules.collect(
            errors,
            "mottagande_namnd",
            lambda: rules.code(mottagande_namnd, "mottagande_namnd", koder(con).namnd, required=True),
        )
        amount = rules.collect(errors, "belopp_kr", lambda: rules.kronor(belopp_kr, "belopp_kr", required=True))
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
            store.run_rows(
                cur,
                "write/insats_status_update",
                insats_id=insats_id,
                expected_version=expected_version,
                status=new_status,
                slutdatum=slut,
            )
            version = expected_version + 1
            if saved_versions(cur, [insats_id]) != {insats_id: version}:
                raise ConflictError(insats_id, expected_version, load_insats(cur, insats_id) or stored, attempted)
            _status_move(
                cur, actor, insats_id, when, current, new_status, reason, receiver, amount, tid=unit_of_work.now()
            )
            unit_of_work.audit(
                cur, actor, "statusändring", "insatser", insats_id, "status", current, new_status, comment
            )
            if slut != stored["slutdatum"]:
                unit_of_work.audit(
                    cur, actor, "statusändring", "insatser", insats_id, "slutdatum", stored["slutdatum"], slut, comment
                )
    except store.TransactionConflict:
        raise ConflictError(insats_id, expected_version, load_insats(con, insats_id) or stored, attempted) from None
    unit_of_work.notify(on_change)
    return version
