"""Concurrent edits: conflicts with both versions, races, many sessions at once."""

from __future__ import annotations

from datetime import date

import pytest

from lokalutveckling import domain, store, writes
from lokalutveckling.store import lake
from lokalutveckling.writes import ConflictError
from tests.writes.helpers import (
    EDITOR,
    EDITOR_2,
    RUNNING,
    audit_rows,
    fields,
    snapshot,
    version,
)

# ------------------------------------------------------------------------------- concurrency


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_second_editor_gets_a_conflict_with_both_versions_and_the_first_save_stays(rw_con):
    first_view = writes.get_insats(rw_con, RUNNING)
    second_view = writes.get_insats(rw_con, RUNNING)
    assert first_view["version"] == second_view["version"] == 1

    writes.update_insats(rw_con, EDITOR, RUNNING, {"belopp_kr": 600_000}, first_view["version"])
    before = snapshot(rw_con)
    with pytest.raises(ConflictError) as info:
        writes.update_insats(
            rw_con, EDITOR_2, RUNNING, {"belopp_kr": 700_000, "namn": "Sams namn"}, second_view["version"]
        )
    conflict = info.value
    assert (conflict.expected_version, conflict.stored_version) == (1, 2)
    assert conflict.stored["belopp_kr"] == 600_000 and conflict.stored["version"] == 2
    assert conflict.attempted == {"belopp_kr": 700_000, "namn": "Sams namn"}
    assert "har ändrats av någon annan" in str(conflict) and "version 2" in str(conflict)
    assert snapshot(rw_con) == before
    assert writes.get_insats(rw_con, RUNNING)["belopp_kr"] == 600_000
    assert [r[0] for r in audit_rows(rw_con)] == ["kim"]


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_a_status_move_on_an_old_version_is_a_conflict(rw_con):
    writes.update_insats(rw_con, EDITOR, RUNNING, {"belopp_kr": 600_000}, 1)
    before = snapshot(rw_con)
    with pytest.raises(ConflictError) as info:
        writes.change_status(
            rw_con, EDITOR_2, RUNNING, "avbruten", datum=date(2025, 1, 1), anledning="Stopp", expected_version=1
        )
    assert info.value.stored["status"] == "pågående" and info.value.attempted["status"] == "avbruten"
    assert snapshot(rw_con) == before


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_a_write_racing_another_transaction_is_a_conflict_and_writes_nothing(rw_con):
    other = rw_con.cursor()
    other.begin()
    other.execute("update insatser set namn = 'Någon annans' where insats_id = ?", [RUNNING])
    if lake.lake_of(rw_con) is None:
        # A store file: DuckDB refuses the second writer of a row at once.
        with pytest.raises(ConflictError, match="Någon annan sparar insatsen"):
            writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": "Mitt"}, 1)
        other.rollback()
        assert writes.get_insats(rw_con, RUNNING)["namn"] == "Familjecentral i samverkan"
        assert audit_rows(rw_con) == []
        return
    # DuckLake decides at the commit: the first to commit wins, the other is refused, nothing is overwritten.
    writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": "Mitt"}, 1)
    with pytest.raises(store.Error, match=r"(?i)conflict"):
        other.commit()
    assert writes.get_insats(rw_con, RUNNING)["namn"] == "Mitt"
    assert [r[0] for r in audit_rows(rw_con)] == ["kim"]


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_writes_from_many_sessions_at_once_get_distinct_ids_and_one_save_wins(rw_con):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(lambda i: writes.add_insats(rw_con, EDITOR, fields(namn=f"Insats {i}")), range(6)))
    assert len(set(ids)) == 6
    assert rw_con.execute("select count(*), count(distinct insats_id) from insatser").fetchone() == (73, 73)

    def save(name: str) -> str:
        try:
            writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": name}, 1)
            return "sparad"
        except ConflictError:
            return "konflikt"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(save, ["A", "B", "C", "D"]))
    assert sorted(outcomes) == ["konflikt", "konflikt", "konflikt", "sparad"]
    assert version(rw_con, RUNNING) == 2


def test_a_whole_form_sent_back_validates_and_logs_only_what_changed(rw_con):
    sams = writes.add_insats(rw_con, EDITOR_2, fields())  # kalla is 'sam', who entered it
    form = {k: v for k, v in writes.get_insats(rw_con, sams).items() if k in domain.INSATS_FIELDS}
    assert writes.update_insats(rw_con, EDITOR, sams, form, 1) == 1  # nothing changed, nothing refused
    form["belopp_kr"] = 300_000
    form["omraden"] = ["12", "10"]  # same areas in another order
    assert writes.update_insats(rw_con, EDITOR, sams, form, 1) == 2
    changed = [r[4] for r in audit_rows(rw_con) if r[1] == "ändring"]
    assert changed == ["belopp_kr"]
