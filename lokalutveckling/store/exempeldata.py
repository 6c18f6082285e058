"""Removing exempeldata: a table's generated rows and the rows that depend on them, after a snapshot,
through the unit of work (admins only)."""

from __future__ import annotations

from pathlib import Path

from lokalutveckling import store
from lokalutveckling.domain import OnChange, User, ValidationError
from lokalutveckling.store import Connection, snapshots, unit_of_work

EXEMPELDATA = "exempeldata"


# What goes when a table's exempeldata goes: (table, query), dependent rows first.
EXEMPELDATA_STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    "insatser": (
        ("insats_fokusomraden", "write/exempeldata_bort_insats_fokusomraden"),
        ("insats_omraden", "write/exempeldata_bort_insats_omraden"),
        ("insats_partner", "write/exempeldata_bort_insats_partner"),
        ("insats_malindikatorer", "write/exempeldata_bort_insats_malindikatorer"),
        ("statushistorik", "write/exempeldata_bort_statushistorik"),
        ("uppfoljningar", "write/exempeldata_bort_uppfoljningar_av_insatser"),
        ("insatser", "write/exempeldata_bort_insatser"),
    ),
    "tilldelningar": (("tilldelningar", "write/exempeldata_bort_tilldelningar"),),
    "indikatorer": (
        ("indikatorvarden", "write/exempeldata_bort_indikatorvarden_av_indikatorer"),
        ("insats_malindikatorer", "write/exempeldata_bort_insats_malindikatorer_av_indikatorer"),
        ("indikatorer", "write/exempeldata_bort_indikatorer"),
    ),
    "indikatorvarden": (("indikatorvarden", "write/exempeldata_bort_indikatorvarden"),),
    "omradesteam": (("omradesteam", "write/exempeldata_bort_omradesteam"),),
    "kraftsamling": (("kraftsamling", "write/exempeldata_bort_kraftsamling"),),
    "uppfoljningar": (("uppfoljningar", "write/exempeldata_bort_uppfoljningar"),),
}


def exempeldata_counts(con: Connection) -> dict[str, tuple[int, int]]:
    """Per table that may have its exempeldata removed: (rows, of which exempeldata)."""
    cur = con.cursor()
    try:
        return {
            str(r["tabell"]): (int(r["n"]), int(r["n_exempeldata"]))
            for r in store.run_rows(cur, "write/exempeldata_antal")
        }
    finally:
        cur.close()


def remove_exempeldata(
    con: Connection,
    user: User | None,
    table: str,
    *,
    on_change: OnChange = None,
    snapshot_dir: Path | None = None,
) -> dict[str, int]:
    """Delete the exempeldata rows of `table` and the rows that depend on them (admins only), in one
    transaction after a snapshot; returns the rows removed per table (empty: there were none).

    For insatser, their fokusområden, områden, partners, chosen target indicators, status history and
    follow-ups go with them; for indikatorer, their values and their choices as target indicators. Refused (ValidationError) when rows that stay refer to what would
    go, e.g. an insats drawing on an exempeldata tilldelning.
    """
    actor = unit_of_work.require_admin(con, user, "ta bort exempeldata")
    if table not in EXEMPELDATA_STEPS:
        raise ValidationError(
            [("tabell", f"Exempeldata kan tas bort ur {', '.join(EXEMPELDATA_STEPS)}, inte ur {table!r}.")]
        )
    if exempeldata_counts(con).get(table, (0, 0))[1] == 0:
        return {}
    cur = con.cursor()
    try:
        blockers = store.run_rows(cur, "write/exempeldata_hinder", tabell=table)
    finally:
        cur.close()
    if blockers:
        shown = ", ".join(f"{b['tabell']} {b['rad_id']} ({b['kolumn']} {b['varde']})" for b in blockers[:10])
        more = f" och {len(blockers) - 10} till" if len(blockers) > 10 else ""
        raise ValidationError(
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
    with unit_of_work.work(con, actor, "redaktor", on_change=on_change) as w:
        for target, query in EXEMPELDATA_STEPS[table]:
            before = _rows(w.cur, target)
            store.run_rows(w.cur, query)
            removed[target] = removed.get(target, 0) + before - _rows(w.cur, target)
        note = f"ögonblicksbild före: {snap.name}" if snap else None
        for target, n in removed.items():
            if n:
                w.audit("ta bort exempeldata", target, EXEMPELDATA, None, f"{n} rader", None, note)
    return {t: n for t, n in removed.items() if n}


def _rows(cur: Connection, table: str) -> int:
    """How many rows `table` has now, in the removing transaction (DuckLake has no RETURNING to count them)."""
    return int(store.run_rows(cur, "store/tabell_antal", tabell=table)[0]["n"])
