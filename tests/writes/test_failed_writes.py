"""Failed writes change nothing, and writes need a read-write store."""

from __future__ import annotations

from datetime import date

import pytest

from lokalutveckling import store, writes
from lokalutveckling.domain import ValidationError
from lokalutveckling.store import unit_of_work
from tests.writes.helpers import (
    ADMIN,
    EDITOR,
    HASH,
    READER,
    RUNNING,
    fields,
    follow_up,
    snapshot,
)

# ------------------------------------------------------------------- failed writes change nothing


class Boom(RuntimeError):
    pass


def fail_on_audit_call(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    """Make the n-th audit row of the next write fail, after the rows before it were written."""
    real = unit_of_work.audit
    count = {"calls": 0}

    def failing(*args: object, **kwargs: object) -> None:
        count["calls"] += 1
        if count["calls"] == n:
            raise Boom("fel mitt i transaktionen")
        real(*args, **kwargs)

    monkeypatch.setattr(unit_of_work, "audit", failing)


FAILING = {
    "add_insats": lambda con: writes.add_insats(con, EDITOR, fields()),
    "update_insats": lambda con: writes.update_insats(
        con, EDITOR, RUNNING, {"namn": "Nytt", "belopp_kr": 1, "omraden": ["3"]}, 1
    ),
    "change_status": lambda con: writes.change_status(
        con, EDITOR, RUNNING, "avbruten", datum=date(2025, 6, 30), anledning="Stopp", expected_version=1
    ),
    "add_uppfoljning": lambda con: writes.add_uppfoljning(con, EDITOR, RUNNING, follow_up()),
    "add_user": lambda con: writes.add_user(
        con, ADMIN, {"anvandarnamn": "nisse", "namn": "Nisse", "roll": "redaktor", "losenord_hash": HASH}
    ),
}


@pytest.mark.parametrize("name", sorted(FAILING))
def test_an_error_mid_transaction_leaves_the_store_exactly_as_before(rw_con, monkeypatch, name):
    before = snapshot(rw_con)
    calls: list[int] = []
    fail_on_audit_call(monkeypatch, 2)
    with pytest.raises(Boom):
        FAILING[name](rw_con)
    assert snapshot(rw_con) == before
    assert calls == []
    monkeypatch.undo()
    FAILING[name](rw_con)  # and the same write succeeds afterwards
    assert snapshot(rw_con) != before


def test_an_error_while_rewriting_relations_leaves_the_store_as_before(rw_con, monkeypatch):
    before = snapshot(rw_con)
    real = store.run_rows

    def failing(con: store.Connection, name: str, **params: object) -> list:
        if name == "write/insats_omraden_insert":
            raise Boom("fel efter att områdena tagits bort")
        return real(con, name, **params)

    monkeypatch.setattr(store, "run_rows", failing)
    with pytest.raises(Boom):
        writes.update_insats(rw_con, EDITOR, RUNNING, {"omraden": ["3"], "namn": "Nytt"}, 1)
    monkeypatch.undo()
    assert snapshot(rw_con) == before


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_on_change_is_not_called_when_a_write_fails(rw_con):
    calls: list[int] = []
    with pytest.raises(ValidationError):
        writes.add_insats(rw_con, EDITOR, fields(namn=""), on_change=lambda: calls.append(1))
    with pytest.raises(PermissionError):
        writes.add_insats(rw_con, READER, fields(), on_change=lambda: calls.append(1))
    assert calls == []


def test_writes_need_a_read_write_store(built_store):
    con = store.connect(built_store, read_only=True)
    try:
        with pytest.raises(store.Error):
            writes.update_insats(con, EDITOR, RUNNING, {"namn": "Nytt"}, 1)
    finally:
        con.close()
