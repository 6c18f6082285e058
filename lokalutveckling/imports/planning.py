"""Planning an import: each checked row matched to the stored one by its key, and what would be done
with it (added, changed field by field, unchanged), with the rules between an insats' fields and
its status moves along the lifecycle."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from lokalutveckling import domain, store
from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.kinds import INDIKATORVARDEN, INSATSER, TILLDELNINGAR, Kind
from lokalutveckling.imports.model import ADDED, CHANGED, UNCHANGED, FieldChange, RowAction, as_shown
from lokalutveckling.imports.reading import Context
from lokalutveckling.store import Connection
from lokalutveckling.writes import rules


def _keyed(
    ctx: Context,
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
            shown = ", ".join(as_shown(r.get(f)) for f in fields)
            ctx.problem(int(r["_rad"]), header, message(r, seen[k]), shown)
            continue
        seen[k] = int(r["_rad"])
        kept.append(r)
    return kept


def _ticking(ctx: Context, records: Sequence[dict[str, object]]) -> Iterable[dict[str, object]]:
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
        return domain.LABELS.get(name, name)


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))  # type: ignore[arg-type]
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        return list(a or []) == list(b or [])  # type: ignore[call-overload]
    return a == b


INSATS_COMPARED: tuple[str, ...] = (*domain.INSATS_FIELDS[:8], "status", *domain.INSATS_FIELDS[8:])
_INSATS_LISTS = ("sekundara_fokus", "omraden", "partner_namnder", "partner_externa")


def _plan_insatser(ctx: Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
    stored: dict[str, dict[str, object]] = {}
    for row in store.run_rows(cur, "import/insatser_nu"):
        for name in _INSATS_LISTS:
            row[name] = rules.sorted_codes(row[name]) if name != "partner_externa" else sorted(row[name] or [])
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
    today = domain.today()
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


def _check_insats(ctx: Context, rad: int, values: dict[str, object]) -> bool:
    """The rules between an insats' fields (`rules.between_fields`, as the forms have them), on the
    values it will have."""
    assert ctx.koder is not None
    broken = rules.between_fields(values, ctx.koder.tilldelningar, city_hint="Hela staden")
    for b in broken:
        ctx.field_problem(rad, b.field, b.text, b.value)
    return not broken


def _path(fran: str, till: str) -> list[str] | None:
    """The statuses an insats passes from `fran` to `till` along the allowed moves (shortest way)."""
    queue: deque[list[str]] = deque([[fran]])
    while queue:
        path = queue.popleft()
        if path[-1] == till:
            return path[1:]
        queue.extend([*path, nxt] for nxt in domain.allowed_moves(path[-1]) if nxt not in path)
    return None


def _moves(
    ctx: Context,
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
    if status in domain.UPPHORDA_STATUSAR:
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
        if status in domain.UPPHORDA_STATUSAR:
            started = isinstance(start, date) and start <= (slut if isinstance(slut, date) else today)
            steps = ["pågående", status] if started else ["beviljad", status]
        last = date.min
    else:
        fran = str(existing["status"])
        path = _path(fran, status)
        if path is None:
            allowed = domain.allowed_moves(fran)
            tail = f"från {fran} går det bara till {' eller '.join(allowed)}" if allowed else f"{fran} är en slutstatus"
            ctx.field_problem(rad, "status", f"status kan inte ändras från {fran} till {status}; {tail}", status)
            return None
        steps = path
        last = existing["senaste_statusdatum"] or date.min
    moves = []
    for step in steps:
        if step == "pågående" and isinstance(start, date):
            when = start
        elif step in domain.UPPHORDA_STATUSAR and isinstance(slut, date):
            when = slut
        else:
            when = today
        when = min(max(when, last), today)
        moves.append((fran, step, when))
        fran, last = step, when
    return moves


def _plan_tilldelningar(ctx: Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
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


def _plan_indikatorvarden(ctx: Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
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


def _plan_perioder(ctx: Context, cur: Connection, records: list[dict[str, object]]) -> list[RowAction]:
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


PLANNERS: dict[str, Callable[[Context, Connection, list[dict[str, object]]], list[RowAction]]] = {
    "insatser": _plan_insatser,
    "tilldelningar": _plan_tilldelningar,
    "indikatorvarden": _plan_indikatorvarden,
    "omradesteam": _plan_perioder,
    "kraftsamling": _plan_perioder,
}


def signature(actions: Iterable[RowAction]) -> tuple:
    return tuple(
        (a.action, a.key, tuple((c.field, repr(c.old), repr(c.new)) for c in a.changes), a.moves) for a in actions
    )
