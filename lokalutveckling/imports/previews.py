"""The first step of an import: read and check a file against the store, writing nothing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.formats import FileProblem
from lokalutveckling.imports.kinds import kind
from lokalutveckling.imports.lookups import koder
from lokalutveckling.imports.model import ADDED, CHANGED, UNCHANGED, ImportPreview, OnProgress, Ticker
from lokalutveckling.imports.planning import PLANNERS, signature
from lokalutveckling.imports.reading import Context, read_rows
from lokalutveckling.store import Connection

Source = bytes | bytearray | str | os.PathLike


def preview(
    con: Connection,
    kind_name: str,
    source: Source,
    filename: str | None = None,
    *,
    sheet: str | None = None,
    kalla: str | None = None,
    progress: OnProgress = None,
) -> ImportPreview:
    """Read and check a file for an import of `kind_name` against the store; writes nothing.

    `source` is the file's bytes (an upload) or a path; `filename` is the name shown and recorded
    (default: the path's name). `sheet` picks an Excel sheet (default: the first with a recognised
    header). `kalla` is the source recorded on the rows (default: the file name). `progress` is
    told a `Progress` as the file is read, checked and compared (at most ten times a second).
    The store is only read, on a cursor of its own, and no lock is held: other sessions read and
    write meanwhile (`apply` checks again that nothing changed).
    """
    spec = kind(kind_name)
    if isinstance(source, bytes | bytearray):
        name = Path(filename or "fil").name
        data: bytes | None = bytes(source)
        size = len(data)
    else:
        path = Path(source)
        name = Path(filename or path.name).name
        size = path.stat().st_size
        data = path.read_bytes() if size <= fmt.MAX_BYTES else None
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    given = (kalla or "").strip()
    result = ImportPreview(spec.name, name, sheet, digest, size, given or name)
    ctx = Context(spec, name, sheet)
    ctx.tick = Ticker(progress)
    ctx.tick("read", 0, None, force=True)
    if data is None or size > fmt.MAX_BYTES:
        ctx.problem(None, None, fmt.too_big_message(size))
        result.problems = ctx.finish_problems()
        return result
    try:
        table = fmt.read_table(
            data, name, spec.score, sheet=sheet, tick=lambda done, total: ctx.tick("read", done, total)
        )
    except FileProblem as exc:
        ctx.blad = None  # the message names the sheet when that is what is wrong
        ctx.problem(None, None, str(exc))
        result.problems = ctx.finish_problems()
        return result
    ctx.blad = table.blad
    ctx.excel = table.format == "xlsx"
    result.sheet = table.blad
    result.header_row = table.header_rad
    for note in table.notes:
        ctx.notice(None, note)
    cur = con.cursor()
    try:
        ctx.koder = koder(cur)
        records = read_rows(ctx, table, result.kalla)
        actions = PLANNERS[spec.name](ctx, cur, records) if records else []
    finally:
        cur.close()
    result.columns = dict(ctx.headers)
    result.added = [a for a in actions if a.action == ADDED]
    result.changed = [a for a in actions if a.action == CHANGED]
    result.unchanged = [a for a in actions if a.action == UNCHANGED]
    result.problems = sorted(ctx.finish_problems(), key=lambda p: (p.rad is not None, p.rad or 0))
    result.notices = ctx.notices()
    result.skipped = ctx.skipped
    result.checked_rows = records
    result.plan_signature = signature(actions)
    ctx.tick("compare", 1, 1, force=True)
    return result
