"""Follow-ups: written with their audit, every rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lokalutveckling import domain, store, writes
from lokalutveckling.domain import ValidationError
from tests.writes.helpers import (
    EDITOR,
    RUNNING,
    audit_rows,
    follow_up,
    snapshot,
    version,
)


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_add_uppfoljning_writes_the_row_and_its_audit(rw_con):
    calls: list[int] = []
    uppfoljning_id = writes.add_uppfoljning(rw_con, EDITOR, RUNNING, follow_up(), on_change=lambda: calls.append(1))
    assert uppfoljning_id == "UPP-0133" and calls == [1]
    row = rw_con.execute(
        "select insats_id, datum, vem, rackvidd, effekt, underlag, kalla from uppfoljningar where uppfoljning_id = ?",
        [uppfoljning_id],
    ).fetchone()
    assert row == (
        RUNNING,
        date(2025, 6, 30),
        "Utvecklingsledare, ASN",
        120,
        "viss",
        "Besöksstatistik och enkät.",
        "kim",
    )
    logged = {r[4]: r[6] for r in audit_rows(rw_con) if r[3] == uppfoljning_id}
    assert logged == {
        "insats_id": RUNNING,
        "datum": "2025-06-30",
        "vem": "Utvecklingsledare, ASN",
        "vad": "Uppföljningsmöte med familjecentralens personal.",
        "rackvidd": "120",
        "effekt": "viss",
        "underlag": "Besöksstatistik och enkät.",
    }
    assert version(rw_con, RUNNING) == 1  # a follow-up does not make an open edit of the insats stale
    # It shows in the insats' follow-ups and in its history of changes.
    assert uppfoljning_id in set(store.run_query(rw_con, "register/uppfoljningar", insats_id=RUNNING)["uppfoljning_id"])
    assert set(store.run_query(rw_con, "register/andringar", insats_id=RUNNING)["rad_id"]) == {uppfoljning_id}


def test_an_unclear_effect_needs_no_basis_and_reach_is_optional(rw_con):
    writes.add_uppfoljning(rw_con, EDITOR, RUNNING, follow_up(effekt="oklar", underlag=None, rackvidd=None))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("datum", None, "Datum måste anges."),
        ("datum", "2025-13-01", "Datum ska vara ett datum ÅÅÅÅ-MM-DD."),
        ("datum", date(2022, 11, 30), "Datum 2022-11-30 ligger före insatsens startdatum 2022-12-01."),
        ("vem", "", "Vem måste anges."),
        ("vad", None, "Vad som gjordes måste anges."),
        ("vad", "x" * 4001, "Vad som gjordes får vara högst 4000 tecken"),
        ("rackvidd", -3, "Räckvidd får inte vara negativ."),
        ("rackvidd", "många", "Räckvidd ska vara ett heltal."),
        ("rackvidd", 2.5, "Räckvidd ska vara ett heltal."),
        ("effekt", None, "Effekt måste anges."),
        ("effekt", "stor", "Effekt: 'stor' är inte tillåtet; välj en av ingen, oklar, viss, tydlig."),
        ("underlag", None, "Ange vad bedömningen av effekten bygger på."),
        ("annat", "x", "Fältet 'annat' finns inte"),
    ],
)
def test_add_uppfoljning_refuses_each_bad_value(rw_con, field, value, message):
    before = snapshot(rw_con)
    with pytest.raises(ValidationError) as info:
        writes.add_uppfoljning(rw_con, EDITOR, RUNNING, follow_up(**{field: value}))
    assert any(m.startswith(message) for m in info.value.messages(field)), info.value.errors
    assert snapshot(rw_con) == before


def test_a_follow_up_cannot_be_dated_in_the_future(rw_con):
    tomorrow = domain.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        writes.add_uppfoljning(rw_con, EDITOR, RUNNING, follow_up(datum=tomorrow))
    assert info.value.messages("datum") == [f"Datum {tomorrow.isoformat()} ligger i framtiden."]


def test_a_follow_up_needs_a_known_insats(rw_con):
    with pytest.raises(ValidationError, match="Insatsen INS-999 finns inte"):
        writes.add_uppfoljning(rw_con, EDITOR, "INS-999", follow_up())
