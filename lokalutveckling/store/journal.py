"""The journal: every write that was reported saved, outside the DuckDB file.

The store file is a build artefact *and* the place where coordinators' entries live. So that losing
or damaging the file never loses an entry, every committed write transaction (forms, imports,
restores, accounts, fetched statistics) is also appended to a journal, as the data-changing SQL
statements it ran with their bound values, and flushed to disk (fsync) *before* the transaction
commits and before the user is told it is saved. The store can therefore always be built again as
its **base** plus the journal's entries, replayed in order:

- A *generation* is one base and the entries on top of it. The base is either the seed CSVs and
  build SQL the store was built from (copied into the generation, so a later change to `data/seed/`
  cannot change what a rebuild gives), or a consistent copy of a store file (for a store that had
  entries before it had a journal, or whose journal was lost).
- Each line of `journal.jsonl` is one JSON object with its own SHA-256; a line that a crash cut off,
  or whose checksum does not match, is detected and reported, never applied.
- The store records the generation and the number of the last entry it holds (`journal_position`,
  written in the same transaction), so that on start an entry written just before a crash, whose
  commit never happened, is recognised and applied ("rolled forward").
- A restore attaches a snapshot file; the file is copied into the journal (`bilagor/`, named by its
  SHA-256) so the entry can be replayed without the snapshot folder.

Layout (`LOKALUTVECKLING_JOURNAL`, else `<store>.journal/` beside the store file)::

    aktuell.txt                   the current generation's name
    <generation>/bas.json         what the base is
    <generation>/bas/             seed/, build/, checks/ (a seeds base)
    <generation>/journal.jsonl    the entries
    bilagor/<sha256>.duckdb       files entries attach (restored snapshots, file bases)

Files and folders are created readable by their owner only: they hold password hashes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from lokalutveckling.paths import BUILD_SQL_DIR, CHECKS_SQL_DIR, SEED_DIR
from lokalutveckling.store import identifiers
from lokalutveckling.store.files import copy_durably, private_dir, sha256_file, write_durably
from lokalutveckling.store.sql import Connection, changes_data, database_path, run_rows

ENV = "LOKALUTVECKLING_JOURNAL"
FORMAT = 1
ENTRIES = "journal.jsonl"
CURRENT = "aktuell.txt"
BASE = "bas.json"
BLOBS = "bilagor"
EVENT = "senaste_atgard.json"


class JournalError(Exception):
    """The journal cannot be read or written; the message says what and where."""


def journal_dir(db_path: Path) -> Path:
    """Where the journal of `db_path` lives: `LOKALUTVECKLING_JOURNAL`, else `<store>.journal/` beside it."""
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    return db_path.with_name(f"{db_path.stem}.journal")


# -------------------------------------------------------------------------- values as JSON


def encode(value: object) -> object:
    """A bound value as JSON, typed so that `decode` gives back the same Python value and type."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return {"f": repr(value)}
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"dec": str(value)}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"m": {str(k): encode(v) for k, v in value.items()}}
    item = getattr(value, "item", None)  # numpy and pandas scalars
    if callable(item):
        return encode(item())
    to_pydatetime = getattr(value, "to_pydatetime", None)  # pandas Timestamp
    if callable(to_pydatetime):
        return encode(to_pydatetime())
    raise JournalError(f"Värdet {value!r} ({type(value).__name__}) kan inte skrivas i journalen.")


def decode(value: object) -> object:
    """The inverse of `encode`."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "f" in value:
            return float(value["f"])
        if "t" in value:
            return datetime.fromisoformat(value["t"])
        if "d" in value:
            return date.fromisoformat(value["d"])
        if "dec" in value:
            return Decimal(value["dec"])
        if "m" in value:
            return {k: decode(v) for k, v in value["m"].items()}
        raise JournalError(f"Okänt värde i journalen: {value!r}")
    return value


def _canonical(obj: Mapping[str, object]) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


# ------------------------------------------------------------------------------- the entries


@dataclass(frozen=True)
class Step:
    """One data-changing statement: its SQL text and bound values (None: no parameters)."""

    sql: str
    params: dict[str, object] | list[object] | None


@dataclass(frozen=True)
class Entry:
    """One committed transaction (or the note that entry `upphav` never committed)."""

    n: int
    tid: str
    steg: tuple[Step, ...] = ()
    bilagor: dict[str, str] = field(default_factory=dict)  # alias -> sha256 of a file in bilagor/
    beskrivning: str = ""
    upphav: int | None = None  # this line voids entry n = upphav (its commit failed)

    def as_json(self) -> dict[str, object]:
        body: dict[str, object] = {"n": self.n, "tid": self.tid}
        if self.upphav is not None:
            body["upphav"] = self.upphav
        else:
            body["steg"] = [[s.sql, encode(s.params)] for s in self.steg]
            if self.bilagor:
                body["bilagor"] = dict(self.bilagor)
            if self.beskrivning:
                body["beskrivning"] = self.beskrivning
        return body

    @classmethod
    def from_json(cls, body: Mapping[str, object]) -> Entry:
        steps = tuple(Step(str(sql), decode(params)) for sql, params in body.get("steg", []))  # type: ignore[misc]
        return cls(
            n=int(body["n"]),  # type: ignore[arg-type]
            tid=str(body["tid"]),
            steg=steps,
            bilagor=dict(body.get("bilagor", {})),  # type: ignore[arg-type]
            beskrivning=str(body.get("beskrivning", "")),
            upphav=int(body["upphav"]) if body.get("upphav") is not None else None,  # type: ignore[arg-type]
        )


def line_bytes(entry: Entry) -> bytes:
    """The entry as one journal line: canonical JSON with its SHA-256, and a newline."""
    body = entry.as_json()
    body["sha256"] = hashlib.sha256(_canonical(body)).hexdigest()
    return _canonical(body) + b"\n"


@dataclass(frozen=True)
class Reading:
    """A generation's journal as read: the good entries in order, and what was wrong with the rest."""

    entries: tuple[Entry, ...]
    problems: tuple[str, ...] = ()
    partial_tail: bytes = b""  # the bytes of a last line a crash cut off
    good_bytes: int = 0  # the length of the file up to the last good line

    @property
    def last_n(self) -> int:
        return self.entries[-1].n if self.entries else 0

    def effective(self) -> list[Entry]:
        """The entries to apply: every change not voided by a later line."""
        voided = {e.upphav for e in self.entries if e.upphav is not None}
        return [e for e in self.entries if e.upphav is None and e.n not in voided]


def read_entries(path: Path) -> Reading:
    """Read a journal file. Stops at the first line that is cut off, not JSON, fails its checksum or
    is out of order: that line and everything after it is reported, not returned."""
    if not path.exists():
        return Reading(())
    data = path.read_bytes()
    entries: list[Entry] = []
    problems: list[str] = []
    offset = 0
    line_no = 0
    while offset < len(data):
        end = data.find(b"\n", offset)
        line_no += 1
        if end == -1:
            tail = data[offset:]
            problems.append(
                f"{path.name}, rad {line_no}: raden är avbruten ({len(tail)} byte utan radslut, troligen skrevs "
                "den när processen stoppades); den har inte lagts på"
            )
            return Reading(tuple(entries), tuple(problems), tail, offset)
        raw = data[offset:end]
        problem = _check_line(raw, entries[-1].n if entries else 0)
        if isinstance(problem, str):
            rest = data.count(b"\n", end + 1) + (0 if data.endswith(b"\n") else 1)
            after = f"; de {rest} raderna efter den har inte heller lagts på" if rest else ""
            problems.append(f"{path.name}, rad {line_no}: {problem}{after}")
            return Reading(tuple(entries), tuple(problems), b"", offset)
        entries.append(problem)
        offset = end + 1
    return Reading(tuple(entries), (), b"", offset)


def _check_line(raw: bytes, previous: int) -> Entry | str:
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"raden är inte läsbar ({exc.__class__.__name__}: {exc})"
    if not isinstance(body, dict) or "sha256" not in body:
        return "raden saknar kontrollsumma"
    stated = body.pop("sha256")
    if hashlib.sha256(_canonical(body)).hexdigest() != stated:
        return "kontrollsumman stämmer inte (raden har ändrats eller skadats)"
    try:
        entry = Entry.from_json(body)
    except (KeyError, TypeError, ValueError, JournalError) as exc:
        return f"raden har fel form ({exc})"
    if entry.n != previous + 1:
        return f"löpnummer {entry.n} där {previous + 1} väntades"
    return entry


# ------------------------------------------------------------------------------ files on disk


class Journal:
    """The journal folder of one store."""

    def __init__(self, root: Path):
        self.root = root

    # generations ---------------------------------------------------------------------------
    @property
    def generation(self) -> str | None:
        """The current generation's name, or None when the journal was never started."""
        pointer = self.root / CURRENT
        if not pointer.exists():
            return None
        name = pointer.read_text(encoding="utf-8").strip()
        return name or None

    def generations(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and (p / BASE).exists())

    def base(self, generation: str) -> dict[str, object]:
        path = self.root / generation / BASE
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise JournalError(f"Journalens bas {path} kan inte läsas ({exc}).") from exc

    def entries_path(self, generation: str) -> Path:
        return self.root / generation / ENTRIES

    def read(self, generation: str | None = None) -> Reading:
        name = generation or self.generation
        if name is None:
            return Reading(())
        return read_entries(self.entries_path(name))

    def start_from_seeds(
        self, seed_hash: str, built_at: datetime, seed_dir: Path = SEED_DIR, *, reason: str = ""
    ) -> str:
        """A new generation whose base is a copy of the seeds and build SQL a store was built from."""
        name = self._new_name()
        folder = self.root / name
        private_dir(folder)
        private_dir(folder / "bas")
        for sub, source in (("seed", seed_dir), ("build", BUILD_SQL_DIR), ("checks", CHECKS_SQL_DIR)):
            target = folder / "bas" / sub
            private_dir(target)
            pattern = "*.csv" if sub == "seed" else "*.sql"
            for path in sorted(source.glob(pattern)):
                copy_durably(path, target / path.name)
        base = {
            "format": FORMAT,
            "typ": "seed",
            "seed_hash": seed_hash,
            "built_at": built_at.isoformat(),
            "skapad": now_text(),
            "anledning": reason,
        }
        return self._activate(name, base)

    def start_from_file(self, copy: Path, *, reason: str = "") -> str:
        """A new generation whose base is a consistent copy of a store file (moved into bilagor/)."""
        sha = self.add_blob(copy)
        name = self._new_name()
        private_dir(self.root / name)
        base = {"format": FORMAT, "typ": "fil", "bilaga": sha, "skapad": now_text(), "anledning": reason}
        return self._activate(name, base)

    def _new_name(self) -> str:
        private_dir(self.root)
        return f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}-{secrets.token_hex(3)}"

    def _activate(self, name: str, base: dict[str, object]) -> str:
        folder = self.root / name
        write_durably(folder / BASE, json.dumps(base, ensure_ascii=False, indent=2).encode("utf-8"))
        write_durably(folder / ENTRIES, b"")
        write_durably(self.root / CURRENT, name.encode("utf-8") + b"\n")
        return name

    # what the last recovery did ----------------------------------------------------------------
    def save_event(self, event: Mapping[str, object]) -> None:
        """Keep what opening the store last did (a rebuild, a roll-forward …), so that the app can tell its
        users even when the command line did it before the app started."""
        private_dir(self.root)
        write_durably(self.root / EVENT, json.dumps(dict(event), ensure_ascii=False, indent=2).encode("utf-8"))

    def last_event(self) -> dict[str, object] | None:
        try:
            return json.loads((self.root / EVENT).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None

    # blobs ---------------------------------------------------------------------------------
    def blob_path(self, sha: str) -> Path:
        return self.root / BLOBS / f"{sha}.duckdb"

    def add_blob(self, path: Path) -> str:
        """Keep a copy of a file, named by its SHA-256 (once); returns the checksum."""
        sha = sha256_file(path)
        target = self.blob_path(sha)
        if not target.exists():
            private_dir(target.parent)
            copy_durably(path, target)
        return sha

    # appending -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self, generation: str) -> Iterator[int]:
        path = self.entries_path(generation)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield fd
        finally:
            os.close(fd)  # releases the lock

    def repair_tail(self, generation: str) -> Path | None:
        """Move a line a crash cut off (or everything from a damaged line on) out of the journal into a
        file beside it, so that new entries follow the last good one; returns that file, if any."""
        path = self.entries_path(generation)
        reading = read_entries(path)
        size = path.stat().st_size if path.exists() else 0
        if reading.good_bytes >= size:
            return None
        with self._locked(generation):
            data = path.read_bytes()
            kept = path.with_name(f"{path.name}.skadad-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}")
            write_durably(kept, data[reading.good_bytes :])
            os.truncate(path, reading.good_bytes)
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        return kept

    def append(self, generation: str, entry: Entry) -> None:
        """Append one entry and fsync it; raises JournalError when that is not possible."""
        data = line_bytes(entry)
        try:
            with self._locked(generation) as fd:
                written = os.write(fd, data)
                if written != len(data):
                    raise OSError(f"bara {written} av {len(data)} byte skrevs")
                os.fsync(fd)
        except OSError as exc:
            raise JournalError(
                f"Ändringen kunde inte skrivas i journalen ({exc}); den har inte sparats. Kontakta den som sköter servern."
            ) from exc


def now_text() -> str:
    """Now, in UTC without a zone, as the journal writes it."""
    return datetime.now(UTC).replace(tzinfo=None).isoformat()


# ----------------------------------------------------------------------- recording statements


class Recorder:
    """A cursor that records every data-changing statement it runs (reads are not recorded).

    It stands in for the transaction's cursor in `store.run_rows` and `execute`; everything else is
    passed through. DataFrame registration is refused: a statement reading a registered frame could
    not be replayed from the journal.
    """

    def __init__(self, cursor: Connection):
        self._cursor = cursor
        self.steps: list[Step] = []

    def execute(self, sql: str, parameters: object = None) -> Connection:
        result = self._cursor.execute(sql, parameters) if parameters is not None else self._cursor.execute(sql)
        if changes_data(sql):
            self.steps.append(Step(sql, _plain(parameters)))
        return result

    def register(self, *args: object, **kwargs: object) -> None:
        raise JournalError(
            "En tabell från Python kan inte användas i en skrivning: den skulle inte finnas i journalen."
        )

    def __getattr__(self, name: str) -> object:
        return getattr(self._cursor, name)


def _plain(parameters: object) -> dict[str, object] | list[object] | None:
    if parameters is None:
        return None
    if isinstance(parameters, Mapping):
        return {str(k): v for k, v in parameters.items()}
    if isinstance(parameters, Sequence) and not isinstance(parameters, str):
        return list(parameters)
    raise JournalError(f"Parametrar av typen {type(parameters).__name__} kan inte skrivas i journalen.")


@contextlib.contextmanager
def attached(cursor: Connection, entry: Entry, journal: Journal) -> Iterator[None]:
    """The files an entry's statements read, attached under their aliases (outside its transaction)."""
    done: list[str] = []
    try:
        for alias, sha in entry.bilagor.items():
            path = journal.blob_path(sha)
            if not path.exists():
                raise JournalError(f"Filen {path.name}, som ändring {entry.n} i journalen använder, saknas.")
            identifiers.attach(cursor, path, alias)
            done.append(alias)
        yield
    finally:
        for alias in done:
            identifiers.detach(cursor, alias)


def replay(cursor: Connection, entry: Entry) -> None:
    """Run one entry's statements on `cursor`, inside the caller's transaction (files attached first)."""
    for step in entry.steg:
        if step.params is None:
            cursor.execute(step.sql)
        else:
            cursor.execute(step.sql, step.params)


def apply(cursor: Connection, entry: Entry, journal: Journal, generation: str) -> None:
    """Apply one entry that is in the journal already: its statements and the store's new journal position,
    in one transaction of its own (committed without a journal line: replaying must not journal it again)."""
    with attached(cursor, entry, journal):
        cursor.begin()
        try:
            replay(cursor, entry)
            run_rows(cursor, "store/journal_position_set", generation=generation, n=entry.n)
            cursor.commit()
        except BaseException:
            cursor.rollback()
            raise


# ------------------------------------------------------------------------------- committing

_last: dict[Path, tuple[int, int]] = {}  # entries file -> (its size, its last line number)


def _last_n(j: Journal, generation: str) -> int:
    path = j.entries_path(generation)
    size = path.stat().st_size if path.exists() else 0
    known = _last.get(path)
    if known and known[0] == size:
        return known[1]
    reading = read_entries(path)
    if reading.problems:
        raise JournalError(
            f"Journalen {path} är skadad ({reading.problems[0]}); inget kan sparas förrän appen har startats om."
        )
    _last[path] = (size, reading.last_n)
    return reading.last_n


FAULT_ENV = "LOKALUTVECKLING_FELPUNKT"


def _fault_point() -> None:
    """For the fault tests only: with LOKALUTVECKLING_FELPUNKT set to a path, a write whose journal line is
    on disk, but not yet committed, creates `<path>.nådd` and waits there until the process is killed, so
    that a test can kill a real server at exactly that moment (it waits on the file, not on time)."""
    target = os.environ.get(FAULT_ENV)
    if not target:
        return
    reached = Path(f"{target}.nådd")
    reached.write_text(str(os.getpid()), encoding="utf-8")
    while True:
        if Path(f"{target}.släpp").exists():  # lets a test go on without killing
            return
        time.sleep(0.05)


def commit(cursor: Connection, recorder: Recorder, bilagor: Mapping[str, Path] | None = None) -> int | None:
    """Commit the transaction on `cursor`, first appending what `recorder` saw to the store's journal.

    The journal line is on disk before the commit; if the commit then fails, a line voiding it
    follows. An in-memory store has no journal. Returns the entry's number (None: nothing journaled).
    """
    path = database_path(cursor)
    if path is None or not recorder.steps:
        cursor.commit()
        return None
    j = Journal(journal_dir(path))
    rows = run_rows(cursor, "store/journal_position")
    generation = str(rows[0]["generation"]) if rows and rows[0]["generation"] else None
    if generation is None or generation != j.generation:
        raise JournalError(
            "Databasen är inte kopplad till sin journal, så ändringen kan inte sparas säkert. Starta om appen "
            "(den kopplar ihop dem) och gör om ändringen."
        )
    n = _last_n(j, generation) + 1
    shas = {alias: j.add_blob(file) for alias, file in (bilagor or {}).items()}
    run_rows(cursor, "store/journal_position_set", generation=generation, n=n)
    entry = Entry(n, now_text(), tuple(recorder.steps), shas)
    j.append(generation, entry)
    path_entries = j.entries_path(generation)
    _last[path_entries] = (path_entries.stat().st_size, n)
    _fault_point()
    try:
        cursor.commit()
    except BaseException:
        with contextlib.suppress(JournalError, OSError):
            j.append(generation, Entry(n + 1, now_text(), upphav=n))
            _last[path_entries] = (path_entries.stat().st_size, n + 1)
        raise
    return n
