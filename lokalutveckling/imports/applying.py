"""The second step of an import: write what a preview showed, all or nothing, through the unit of work."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from lokalutveckling import store
from lokalutveckling.domain import OnChange, User
from lokalutveckling.imports.kinds import kind
from lokalutveckling.imports.lookups import koder
from lokalutveckling.imports.model import (
    ADDED,
    CHANGED,
    UNCHANGED,
    ImportPreview,
    ImportRefused,
    ImportResult,
    OnProgress,
    RowAction,
    StalePreview,
    Ticker,
)
from lokalutveckling.imports.planning import INSATS_COMPARED, PLANNERS, signature
from lokalutveckling.imports.reading import Context
from lokalutveckling.store import Connection, snapshots, unit_of_work
from lokalutveckling.writes.insatser import ROW as INSATS_ROW  # the columns a form writes too
from lokalutveckling.writes.insatser import saved_versions

HANDLING = "import"


def apply(
    con: Connection,
    user: User | None,
    preview: ImportPreview,
    *,
    on_change: OnChange = None,
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
    ticker = Ticker(progress)
    ticker("recheck", 0, None, force=True)
    snap = snapshots.snapshot(con, directory=snapshot_dir, reason=f"före import av {preview.filename}", optional=True)
    comment = f"{preview.filename} sha256:{preview.sha256}"
    now = unit_of_work.now()
    try:
        with unit_of_work.transaction(con) as cur:
            ctx = Context(spec, preview.filename, preview.sheet, koder(cur))
            ctx.headers = dict(preview.columns)
            ctx.tick, ctx.step = ticker, "recheck"
            actions = PLANNERS[spec.name](ctx, cur, [dict(r) for r in preview.checked_rows])
            if ctx.problems or signature(actions) != preview.plan_signature:
                raise StalePreview(
                    "Databasen har ändrats sedan förhandsgranskningen; inget har importerats. "
                    "Förhandsgranska filen igen.",
                    ctx.problems,
                )
            audit = Audit(spec.table)
            ticker("write", 0, 1, force=True)
            WRITERS[spec.name](cur, [a for a in actions if a.action != UNCHANGED], actor, now, audit)
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


class Audit:
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
        unit_of_work.audit_rows(cur, actor, HANDLING, self.rows, comment, tid=now)


def _columns(actions: Sequence[RowAction], fields: Sequence[str], suffix: str = "_list") -> dict[str, list[object]]:
    return {f"{f}{suffix}": [a.values.get(f) for a in actions] for f in fields}


def _write_insatser(cur: Connection, actions: list[RowAction], actor: User, now: datetime, audit: Audit) -> None:
    added = [a for a in actions if a.action == ADDED]
    changed = [a for a in actions if a.action == CHANGED]
    if added:
        store.run_rows(cur, "write/insatser_insert", **_columns(added, INSATS_ROW))
    if changed:
        expected = [int(a.before["version"]) for a in changed if a.before is not None]
        store.run_rows(cur, "write/insatser_update", version_list=expected, **_columns(changed, INSATS_ROW))
        keys = [str(a.key) for a in changed]
        if saved_versions(cur, keys) != {k: v + 1 for k, v in zip(keys, expected, strict=True)}:
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
        "write/insats_fokus_delete",
        "write/insats_fokus_insert",
        lambda a: (
            [(a.key, a.values["fokus_kod"], True, a.values["kalla"])]
            + [(a.key, f, False, a.values["kalla"]) for f in a.values["sekundara_fokus"] or []]
        ),
    )
    rewrite(
        ("omraden", "kalla"),
        "write/insats_omraden_delete",
        "write/insats_omraden_insert",
        lambda a: [(a.key, o, a.values["kalla"]) for o in a.values["omraden"] or []],
    )
    rewrite(
        ("partner_namnder", "partner_externa", "kalla"),
        "write/insats_partner_delete",
        "write/insats_partner_insert",
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
        ids, dates, frans, tills, reasons, sources = (list(c) for c in zip(*moves, strict=True))
        store.run_rows(
            cur,
            "write/statushistorik_insert",
            insats_id_list=ids,
            datum_list=dates,
            fran_status_list=frans,
            till_status_list=tills,
            anledning_list=reasons,
            mottagande_namnd_kod_list=[None] * len(ids),
            permanent_belopp_kr_list=[None] * len(ids),
            kalla_list=sources,
            anvandare=actor.anvandarnamn,
            tid=now,
        )
    for a in added:
        audit.added(a.key, a.values, INSATS_COMPARED)
    for a in changed:
        audit.changed(a)


_INSERT_NAMES = {
    "write/insats_fokus_insert": ("insats_id_list", "fokus_kod_list", "primar_list", "kalla_list"),
    "write/insats_omraden_insert": ("insats_id_list", "omrade_kod_list", "kalla_list"),
    "write/insats_partner_insert": (
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
) -> Callable[[Connection, list[RowAction], User, datetime, Audit], None]:
    def write(cur: Connection, actions: list[RowAction], actor: User, now: datetime, audit: Audit) -> None:
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
WRITERS: dict[str, Callable[[Connection, list[RowAction], User, datetime, Audit], None]] = {
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
