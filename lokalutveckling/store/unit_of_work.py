"""The one way to write: write lock, transaction on a cursor of its own, role check, audit rows, journal, change notice.

Every write to the store goes through here — the forms' writes (`lokalutveckling.writes`), imports,
restores, exempeldata removal and fetched statistics:

    with unit_of_work.work(con, user, "redaktor", on_change=clear) as w:
        run_rows(w.cur, "write/…", …)
        w.audit("ändra", "insatser", insats_id, "namn", old, new)

`work` checks the caller's role against the stored account first, runs the statements in one
transaction (journaled before the commit, rolled back on any error), and calls `on_change` after the
commit. The pieces (`require`, `require_admin`, `transaction`, `Work`, `audit`, `notify`) are public for
writers that must check before they open the transaction (a preview that must still be current, a
snapshot first).
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

from lokalutveckling.domain import KONTO_ROLLER, ROLLER, KontoRoll, NotSaved, OnChange, User
from lokalutveckling.store import journal, lake
from lokalutveckling.store.sql import CatalogError, Connection, Error, run_rows

WRITE_LOCK = threading.Lock()
T = TypeVar("T")


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def require(con: Connection, user: User | None, roll: KontoRoll) -> User:
    """Refuse a caller without `roll`. A stored account's own role and state count, not the caller's claim."""
    if user is None:
        raise PermissionError("Du måste logga in som redaktör för att ändra uppgifterna.")
    effective = user.roll if user.roll in ROLLER else "lasare"
    rows = run_rows(con, "write/anvandare_get", anvandarnamn=user.anvandarnamn)
    if rows:
        if not rows[0]["aktiv"]:
            raise PermissionError(f"Kontot {user.anvandarnamn} är inaktiverat och kan inte ändra uppgifterna.")
        effective = str(rows[0]["roll"])
    if roll == "admin" and effective != "admin":
        raise PermissionError("Bara en administratör kan hantera användare och roller.")
    if effective not in KONTO_ROLLER:
        raise PermissionError(
            "Du har rollen läsare och kan inte ändra uppgifterna. En administratör kan ge dig rollen redaktör."
        )
    return User(user.anvandarnamn, user.namn, effective)


def require_admin(con: Connection, user: User | None, what: str) -> User:
    """The acting admin (by the stored account), checked on a cursor of its own; PermissionError naming
    `what` ("återställa en ögonblicksbild") for anyone else."""
    cur = con.cursor()
    try:
        actor = require(cur, user, "redaktor")
    finally:
        cur.close()
    if not actor.is_admin:
        raise PermissionError(f"Bara en administratör kan {what}.")
    return actor


@contextlib.contextmanager
def transaction(con: Connection, *, bilagor: Mapping[str, Path] | None = None) -> Iterator[Connection]:
    """One transaction on a cursor of its own: journaled and committed at the end, rolled back on any error.

    Write transactions in this process run one at a time: new ids (INS-…, UPP-…, audit_id) are the
    highest in use plus one, and `insatser` has no key constraint that would stop a duplicate. DuckDB
    lets only one process write a file, so this covers every writer of a store file; on a DuckLake store,
    which many processes write, `lake.write_lock` also holds the shared folder's lock until the commit.
    Every data-changing statement is recorded and appended to the store's journal before the commit
    (`lokalutveckling.store.journal`);
    `bilagor` names database files the statements attach (alias -> file), kept with the entry.
    """
    with WRITE_LOCK, lake.write_lock(con):
        cur = con.cursor()
        try:
            cur.begin()
            try:
                recorder = journal.Recorder(cur)
                yield recorder  # type: ignore[misc]
                if recorder.steps:
                    keep_rules(cur)
                try:
                    journal.commit(cur, recorder, bilagor)
                except journal.JournalError as exc:  # nothing was saved: the form says so, as for a bad value
                    raise NotSaved(str(exc)) from exc
            except BaseException:
                with contextlib.suppress(Error):
                    cur.rollback()
                raise
        finally:
            cur.close()


def keep_rules(cur: Connection) -> None:
    """Refuse (NotSaved, naming table and value) a transaction that breaks a rule the store keeps at every
    commit (queries/store/integritet.sql: unique keys, known roles, …): DuckLake holds no key or check
    constraints, so the rules live here for both backends. A store from before a table existed skips it."""
    try:
        broken = run_rows(cur, "store/integritet")
    except CatalogError:
        return
    if broken:
        shown = "; ".join(f"{r['tabell']} {r['varde']!r}: {r['fel']}" for r in broken[:5])
        raise NotSaved(f"Ändringen bryter mot databasens regler ({shown}); inget har sparats.")


def own_cursor(func: Callable[..., T]) -> Callable[..., T]:
    """Run a public function on a cursor of its own: the app shares one connection between sessions
    (threads), and a DuckDB connection must not be used by two threads at once."""

    @functools.wraps(func)
    def on_cursor(con: Connection, *args: object, **kwargs: object) -> T:
        cur = con.cursor()
        try:
            return func(cur, *args, **kwargs)
        finally:
            cur.close()

    return on_cursor


def notify(on_change: OnChange) -> None:
    if on_change is not None:
        on_change()


def as_text(value: object) -> str | None:
    """A value as the audit log shows it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) if value else None
    return str(value)


def audit(
    cur: Connection,
    user: User,
    handling: str,
    tabell: str,
    rad_id: str,
    falt: str | None,
    gammalt: object,
    nytt: object,
    kommentar: str | None = None,
) -> None:
    """One audit row: who, when (UTC), what was done, to which row, old and new value as text."""
    audit_rows(cur, user, handling, [(tabell, rad_id, falt, as_text(gammalt), as_text(nytt))], kommentar)


def audit_rows(
    cur: Connection,
    user: User,
    handling: str,
    rows: Sequence[tuple[str, str, str | None, str | None, str | None]],
    kommentar: str | None = None,
    *,
    tid: datetime | None = None,
) -> None:
    """Audit rows (tabell, rad_id, falt, old text, new text) by one user at one time, in one statement."""
    if not rows:
        return
    tabell, rad_id, falt, gammalt, nytt = (list(column) for column in zip(*rows, strict=True))
    run_rows(
        cur,
        "write/audit_insert",
        tid=tid or now(),
        anvandare=user.anvandarnamn,
        handling=handling,
        kommentar=kommentar,
        tabell_list=tabell,
        rad_id_list=rad_id,
        falt_list=falt,
        gammalt_varde_list=gammalt,
        nytt_varde_list=nytt,
    )


@dataclass
class Work:
    """An open unit of work: the cursor to write on, who acts (with the stored role) and when."""

    cur: Connection
    user: User
    now: datetime = field(default_factory=lambda: now())

    def audit(
        self,
        handling: str,
        tabell: str,
        rad_id: str,
        falt: str | None,
        gammalt: object,
        nytt: object,
        kommentar: str | None = None,
    ) -> None:
        """One audit row by this unit's user."""
        audit(self.cur, self.user, handling, tabell, rad_id, falt, gammalt, nytt, kommentar)


@contextlib.contextmanager
def work(
    con: Connection,
    user: User | None,
    roll: KontoRoll = "redaktor",
    *,
    on_change: OnChange = None,
    bilagor: Mapping[str, Path] | None = None,
) -> Iterator[Work]:
    """Role check, then one journaled transaction; `on_change` after the commit."""
    actor = require(con, user, roll)
    with transaction(con, bilagor=bilagor) as cur:
        yield Work(cur, actor)
    notify(on_change)
