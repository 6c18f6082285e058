"""The store: the only module that imports duckdb.

Building reads every seed CSV as text (with its line numbers), runs `queries/build/*.sql` in order
to type and shape it, then `queries/checks/*.sql`; any row a check returns stops the build with a
message naming file, row, column and value. Reading goes through `run_query`, which always binds
values as `$name` parameters; writing goes through `lokalutveckling.writes`, which uses the same.

Rebuild policy: a store that has been edited in the app (rows in its audit log) is never rebuilt
from the seeds by `ensure_built`, even when the seeds are newer; it says so instead
(`StoreState.SEEDS_NEWER`, and `seeds_newer(con)` for an open store), so that the app can show a
notice. Only an explicit `python -m lokalutveckling.store --rebuild` replaces it, after keeping a copy.
"""

from __future__ import annotations

import argparse
import csv
import enum
import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from lokalutveckling.paths import BUILD_SQL_DIR, CHECKS_SQL_DIR, QUERIES_DIR, SEED_DIR

Connection = duckdb.DuckDBPyConnection
# For modules that must not import duckdb themselves (writes): any database error, and the error a
# transaction gets when another one changed the same row first.
Error = duckdb.Error
TransactionConflict = duckdb.TransactionException
_PARAM = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")


class SeedError(Exception):
    """The seed data is wrong: `problems` lists each finding as a readable line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Fel i seed-data:\n" + "\n".join(f"- {p}" for p in problems))


class UnknownQueryError(KeyError):
    """A query name that has no file in queries/."""


class StoreUnreadableError(Exception):
    """An existing store file could not be opened to see whether it has edits, so it is left alone."""


class StoreState(enum.StrEnum):
    """What `ensure_built` found and did."""

    CURRENT = "aktuell"  # built from the current seeds; nothing done
    BUILT = "byggd"  # missing, or older than the seeds and never edited: built now
    SEEDS_NEWER = "nyare_seeddata"  # older than the seeds but edited in the app: kept as it is


@cache
def load_sql(name: str) -> str:
    """The text of `queries/<name>.sql`; an unknown name raises UnknownQueryError."""
    path = QUERIES_DIR / f"{name}.sql"
    if not re.fullmatch(r"[a-z0-9_]+(/[a-z0-9_]+)?", name) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.sql")))
        raise UnknownQueryError(f"Okänd fråga {name!r}. Kända frågor: {known}")
    return path.read_text(encoding="utf-8")


def query_params(sql: str) -> set[str]:
    """The `$name` parameters a statement uses (comments ignored)."""
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return set(_PARAM.findall(without_comments))


def run_query(con: Connection, name: str, **params: object) -> pd.DataFrame:
    """Run the named query with bound parameters; extra parameters are ignored, missing ones are an error."""
    sql, bound = _bound(name, params)
    return con.execute(sql, bound).df()


def run_rows(con: Connection, name: str, **params: object) -> list[dict[str, object]]:
    """Like `run_query`, but the rows as dicts of plain Python values (date, int, list, None): for writes."""
    sql, bound = _bound(name, params)
    result = con.execute(sql, bound)
    if result.description is None:
        return []
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def _bound(name: str, params: dict[str, object]) -> tuple[str, dict[str, object]]:
    """The named query's text and the parameters it uses; a missing one is a TypeError."""
    sql = load_sql(name)
    needed = query_params(sql)
    missing = needed - params.keys()
    if missing:
        raise TypeError(f"Frågan {name!r} saknar parametrar: {', '.join(sorted(missing))}")
    return sql, {k: _bindable(params[k]) for k in needed}


def _bindable(value: object) -> object:
    """Tuples and sets (hashable, so they can key Streamlit's cache) bind as DuckDB lists."""
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return value


def connect(path: Path | str | None = None, *, read_only: bool = True) -> Connection:
    """A connection to the store file, read-only unless asked; None gives an in-memory store."""
    if path is None:
        return duckdb.connect(":memory:")
    return duckdb.connect(str(path), read_only=read_only)


# ----------------------------------------------------------------------------------------- build


def seed_hash(seed_dir: Path = SEED_DIR) -> str:
    """A hash of everything a build reads: the seed CSVs and the build and check SQL."""
    digest = hashlib.sha256()
    files = sorted(seed_dir.glob("*.csv")) + sorted(BUILD_SQL_DIR.glob("*.sql")) + sorted(CHECKS_SQL_DIR.glob("*.sql"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_seed(path: Path) -> pd.DataFrame:
    """A seed CSV as text columns plus `_rad`, the line number of each record in the file."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            raise SeedError([f"{path.name}: filen är tom (rubrikraden saknas)"]) from None
        rows, lines = [], []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise SeedError(
                    [f"{path.name}, rad {reader.line_num}: {len(record)} kolumner, rubrikraden har {len(header)}"]
                )
            rows.append([cell.strip() for cell in record])
            lines.append(reader.line_num)
    frame = pd.DataFrame(rows, columns=[h.strip() for h in header], dtype="string")
    frame["_rad"] = pd.Series(lines, dtype="int64")
    return frame


def _sql_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.sql"))


def build(con: Connection, seed_dir: Path = SEED_DIR) -> dict[str, int]:
    """Build the whole store in `con` from `seed_dir`; return row counts per table.

    Raises SeedError (naming file, row, column and value) when a check finds wrong seed data.
    """
    seeds = {p.stem: p for p in sorted(seed_dir.glob("*.csv"))}
    for name, path in seeds.items():
        con.register(f"raw_{name}", _read_seed(path))
    try:
        for sql_file in _sql_files(BUILD_SQL_DIR):
            try:
                con.execute(sql_file.read_text(encoding="utf-8"))
            except duckdb.Error as exc:
                raise SeedError([_explain_build_error(sql_file, exc, seeds)]) from exc
        problems = list(_run_checks(con))
        if problems:
            raise SeedError(problems)
    finally:
        for name in seeds:
            con.unregister(f"raw_{name}")
    con.execute(
        load_sql("build_meta_insert"),
        {"seed_hash": seed_hash(seed_dir), "built_at": datetime.now(UTC).replace(tzinfo=None)},
    )
    return dict(con.execute(load_sql("table_counts")).fetchall())


def _explain_build_error(sql_file: Path, exc: duckdb.Error, seeds: dict[str, Path]) -> str:
    """A build step failed: name the step and the seed file it reads."""
    text = sql_file.read_text(encoding="utf-8")
    read = sorted({m for m in re.findall(r"\braw_([a-z_]+)", text)})
    missing = [f"{name}.csv" for name in read if name not in seeds]
    if missing:
        return f"{', '.join(missing)} saknas i {SEED_DIR.name}/ (behövs av queries/build/{sql_file.name})"
    files = ", ".join(f"{name}.csv" for name in read) or "-"
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"queries/build/{sql_file.name} (läser {files}): {first_line}"


def _run_checks(con: Connection) -> Iterable[str]:
    """Every row returned by a check is one problem: fil, rad, kolumn, varde, fel."""
    for sql_file in _sql_files(CHECKS_SQL_DIR):
        rows = con.execute(sql_file.read_text(encoding="utf-8")).fetchall()
        for fil, rad, kolumn, varde, fel in rows:
            where = f"{fil}, rad {rad}" if rad is not None else fil
            shown = "tomt" if varde in (None, "") else repr(varde)
            yield f"{where}, kolumn {kolumn}: {fel} (värde: {shown}) [kontroll {sql_file.stem}]"


def build_file(db_path: Path, seed_dir: Path = SEED_DIR) -> Path:
    """Build into a temporary file beside `db_path`, then rename it into place atomically."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            build(con, seed_dir)
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    return db_path


def stored_seed_hash(db_path: Path) -> str | None:
    """The seed hash recorded in a built store, or None if the file is missing or unreadable."""
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return _stored_hash(con)
    finally:
        con.close()


def _stored_hash(con: Connection) -> str | None:
    try:
        row = con.execute(load_sql("build_meta")).fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def edit_count(con: Connection) -> int:
    """How many changes were made in the app (audit rows); 0 for a store without an audit table."""
    try:
        row = con.execute(load_sql("store_edits")).fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0]) if row else 0


def seeds_newer(con: Connection, seed_dir: Path = SEED_DIR) -> bool:
    """True when the open store was built from other seeds than those in `seed_dir` now."""
    return _stored_hash(con) != seed_hash(seed_dir)


def _inspect(db_path: Path) -> tuple[str | None, int] | None:
    """(stored seed hash, number of edits) of a store file; None when there is no file.

    Raises StoreUnreadableError when the file exists but cannot be opened (held by another process
    for writing, or damaged): it might hold edits, so nobody may build over it without being asked.
    """
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise StoreUnreadableError(
            f"Kan inte öppna {db_path} för att se om den har ändringar ({str(exc).splitlines()[0]}). "
            "Den lämnas orörd. Används den av en annan process? Bygg om den uttryckligen med "
            "`python -m lokalutveckling.store --rebuild` om den är trasig."
        ) from exc
    try:
        return _stored_hash(con), edit_count(con)
    finally:
        con.close()


def ensure_built(db_path: Path, seed_dir: Path = SEED_DIR) -> StoreState:
    """Build the store if it is missing, or older than the seeds and never edited in the app.

    An edited store whose seeds have changed is kept as it is (`StoreState.SEEDS_NEWER`): edits are
    never thrown away by a silent rebuild. Raises StoreUnreadableError for a file it cannot open.
    """
    found = _inspect(db_path)
    if found is not None:
        stored, edits = found
        if stored == seed_hash(seed_dir):
            return StoreState.CURRENT
        if edits > 0:
            return StoreState.SEEDS_NEWER
    build_file(db_path, seed_dir)
    return StoreState.BUILT


def backup_path(db_path: Path, now: datetime | None = None) -> Path:
    """Where `rebuild` keeps the old store: beside it, named with the time (git-ignored as *.duckdb)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
    return db_path.with_name(f"{db_path.stem}-fore-ombyggnad-{stamp}{db_path.suffix}")


def rebuild(db_path: Path, seed_dir: Path = SEED_DIR) -> Path | None:
    """Build the store from the seeds even if it has edits; returns the copy kept of an edited store.

    A file that cannot be opened is copied too, since nobody can tell whether it holds edits.
    """
    try:
        found = _inspect(db_path)
        edited = found is not None and found[1] > 0
    except StoreUnreadableError:
        edited = True
    kept = None
    if edited:
        kept = backup_path(db_path)
        shutil.copy2(db_path, kept)
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():
            shutil.copy2(wal, kept.with_name(kept.name + ".wal"))
    build_file(db_path, seed_dir)
    return kept


def main(argv: list[str] | None = None) -> None:
    """Command line: `python -m lokalutveckling.store [path] [--rebuild]`.

    Builds the store from the seeds, unless it has edits made in the app: then it stops and says so.
    `--rebuild` builds it anyway, after copying the edited store beside it.
    """
    import sys

    from lokalutveckling.paths import db_path

    parser = argparse.ArgumentParser(
        prog="python -m lokalutveckling.store", description="Bygg databasen från seed-filerna."
    )
    parser.add_argument("path", nargs="?", type=Path, help="databasfilen (standard: LOKALUTVECKLING_DB eller data/)")
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="bygg om även om databasen har ändringar gjorda i appen (en kopia av den gamla sparas)",
    )
    args = parser.parse_args(argv)
    target = args.path or db_path()
    try:
        if args.rebuild:
            kept = rebuild(target)
            if kept is not None:
                print(f"Databasen hade ändringar gjorda i appen; en kopia finns i {kept}")
        else:
            found = _inspect(target)
            if found is not None and found[1] > 0:
                print(
                    f"{target} har {found[1]} ändringar gjorda i appen och byggs inte om. "
                    "Använd --rebuild för att bygga om från seed-filerna (en kopia av den gamla sparas).",
                    file=sys.stderr,
                )
                raise SystemExit(1)
            build_file(target)
    except (SeedError, StoreUnreadableError) as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(1) from None
    con = connect(target)
    counts = con.execute(load_sql("table_counts")).fetchall()
    con.close()
    print(f"Byggde {target}")
    for table, count in counts:
        print(f"  {table}: {count} rader")


if __name__ == "__main__":
    main()
