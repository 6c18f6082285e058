"""Follow-ups of an insats: what was done, for how many, and what came of it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from lokalutveckling import store
from lokalutveckling.domain import (
    BEDOMDA_EFFEKTER,
    EFFEKTER,
    UPPFOLJNING_FIELDS,
    OnChange,
    User,
    ValidationError,
    today,
)
from lokalutveckling.store import Connection, unit_of_work
from lokalutveckling.writes import rules
from lokalutveckling.writes.insatser import load_insats


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
    stored = load_insats(con, insats_id)
    if stored is None:
        raise ValidationError([("insats_id", f"Insatsen {insats_id} finns inte.")])
    errors = rules.unknown_fields(fields, UPPFOLJNING_FIELDS)
    when = rules.collect(errors, "datum", lambda: rules.day(fields.get("datum"), "datum", required=True))
    values = {
        "datum": when,
        "vem": rules.collect(errors, "vem", lambda: rules.text(fields.get("vem"), "vem", required=True)),
        "vad": rules.collect(errors, "vad", lambda: rules.text(fields.get("vad"), "vad", required=True)),
        "rackvidd": rules.collect(errors, "rackvidd", lambda: rules.count(fields.get("rackvidd"), "rackvidd")),
        "effekt": rules.collect(errors, "effekt", lambda: rules.choice(fields.get("effekt"), "effekt", EFFEKTER)),
        "underlag": rules.collect(errors, "underlag", lambda: rules.text(fields.get("underlag"), "underlag")),
    }
    if isinstance(when, date):
        start = stored["startdatum"]
        if when > today():
            errors.append(("datum", f"Datum {when.isoformat()} ligger i framtiden."))
        elif isinstance(start, date) and when < start:
            errors.append(("datum", f"Datum {when.isoformat()} ligger före insatsens startdatum {start.isoformat()}."))
    if values["effekt"] in BEDOMDA_EFFEKTER and values["underlag"] is None:
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
