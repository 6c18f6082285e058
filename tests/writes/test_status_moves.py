"""Status moves: the lifecycle, its rules, and the history in order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lokalutveckling import domain, store, writes
from lokalutveckling.domain import ValidationError
from tests.writes.helpers import (
    EDITOR,
    GRANTED,
    PROPOSED,
    RUNNING,
    audit_rows,
    fields,
    snapshot,
)

# ------------------------------------------------------------------------------ status moves

ALLOWED = [(fran, till) for fran, tills in domain.MOVES.items() for till in tills]
START_OF = {"föreslagen": PROPOSED, "beviljad": GRANTED, "pågående": RUNNING}


def test_allowed_moves_are_the_lifecycle():
    assert domain.allowed_moves("föreslagen") == ("beviljad", "avbruten")
    assert domain.allowed_moves("beviljad") == ("pågående", "avbruten")
    assert domain.allowed_moves("pågående") == ("avslutad", "avbruten", "permanentad")
    for final in ("avslutad", "avbruten", "permanentad", "okänd"):
        assert domain.allowed_moves(final) == ()
    assert len(ALLOWED) == 7


@pytest.mark.parametrize(("fran", "till"), ALLOWED)
def test_every_allowed_move(rw_con, fran, till):
    insats_id = START_OF[fran]
    extra = {}
    if till == "avbruten":
        extra["anledning"] = "Ingen effekt enligt uppföljningen."
    if till == "permanentad":
        extra.update(mottagande_namnd="GRN", belopp_kr=400_000)
    calls: list[int] = []
    when = domain.today()
    new = writes.change_status(
        rw_con, EDITOR, insats_id, till, datum=when, expected_version=1, on_change=lambda: calls.append(1), **extra
    )
    saved = writes.get_insats(rw_con, insats_id)
    assert new == 2 and saved["version"] == 2 and saved["status"] == till and calls == [1]
    last = rw_con.execute(
        "select datum, fran_status, till_status, anledning, mottagande_namnd_kod, permanent_belopp_kr, anvandare "
        "from statushistorik where insats_id = ? order by datum desc, tid desc nulls last limit 1",
        [insats_id],
    ).fetchone()
    assert last == (
        when,
        fran,
        till,
        extra.get("anledning"),
        extra.get("mottagande_namnd"),
        extra.get("belopp_kr"),
        "kim",
    )
    status_audit = [r for r in audit_rows(rw_con) if r[4] == "status"]
    assert status_audit == [("kim", "statusändring", "insatser", insats_id, "status", fran, till, status_audit[0][7])]
    if till == "avbruten":
        assert status_audit[0][7] == "Ingen effekt enligt uppföljningen."
    if till == "permanentad":
        assert "Mottagande nämnd: GRN, belopp: 400000 kr." in status_audit[0][7]
    if fran == "pågående":
        assert saved["slutdatum"] == when
    if fran == "föreslagen" and till == "avbruten":
        assert saved["slutdatum"] == date(2027, 12, 31)  # stopped before its planned start: period kept


@pytest.mark.parametrize(
    ("insats_id", "till"),
    [
        (PROPOSED, "pågående"),
        (PROPOSED, "avslutad"),
        (GRANTED, "föreslagen"),
        (GRANTED, "permanentad"),
        (RUNNING, "beviljad"),
        (RUNNING, "pågående"),
        ("INS-002", "pågående"),  # avslutad is final
        ("INS-001", "avbruten"),
    ],
)
def test_refused_moves_name_the_allowed_ones(rw_con, insats_id, till):
    current = writes.get_insats(rw_con, insats_id)["status"]
    before = snapshot(rw_con)
    with pytest.raises(ValidationError) as info:
        writes.change_status(
            rw_con, EDITOR, insats_id, till, datum=date(2026, 1, 15), anledning="x", expected_version=1
        )
    message = info.value.messages("status")[0]
    assert message.startswith(f"Status kan inte ändras från {current} till {till}.")
    moves = domain.allowed_moves(current)
    assert (" eller ".join(moves) in message) if moves else ("slutstatus" in message)
    assert snapshot(rw_con) == before


@pytest.mark.parametrize(
    ("insats_id", "status", "kwargs", "field", "message"),
    [
        (RUNNING, "klar", {}, "status", "Okänd status 'klar'"),
        (RUNNING, "avbruten", {}, "anledning", "Ange varför insatsen avbryts."),
        (RUNNING, "avbruten", {"anledning": "   "}, "anledning", "Ange varför insatsen avbryts."),
        (RUNNING, "avbruten", {"anledning": "x" * 2001}, "anledning", "Anledning får vara högst 2000 tecken"),
        (RUNNING, "permanentad", {"belopp_kr": 1}, "mottagande_namnd", "Mottagande nämnd måste anges."),
        (
            RUNNING,
            "permanentad",
            {"mottagande_namnd": "XYZ", "belopp_kr": 1},
            "mottagande_namnd",
            "Mottagande nämnd: okänd kod 'XYZ'.",
        ),
        (RUNNING, "permanentad", {"mottagande_namnd": "GRN"}, "belopp_kr", "Belopp (kr) måste anges."),
        (
            RUNNING,
            "permanentad",
            {"mottagande_namnd": "GRN", "belopp_kr": -1},
            "belopp_kr",
            "Belopp (kr) får inte vara negativt.",
        ),
        (
            RUNNING,
            "avslutad",
            {"mottagande_namnd": "GRN"},
            "mottagande_namnd",
            "Mottagande nämnd anges bara när insatsen permanentas.",
        ),
        (RUNNING, "avslutad", {"belopp_kr": 5}, "belopp_kr", "Belopp anges bara när insatsen permanentas."),
        (RUNNING, "avslutad", {"datum": None}, "datum", "Datum måste anges."),
        (RUNNING, "avslutad", {"datum": "31/12/2025"}, "datum", "Datum ska vara ett datum ÅÅÅÅ-MM-DD."),
        (RUNNING, "avslutad", {"datum": date.today() + timedelta(days=2)}, "datum", "Datum"),
        (
            RUNNING,
            "avslutad",
            {"datum": date(2022, 11, 1)},
            "datum",
            "Datum 2022-11-01 ligger före förra statusändringen 2022-12-01.",
        ),
        (
            GRANTED,
            "pågående",
            {"datum": date(2024, 1, 1)},
            "datum",
            "Datum 2024-01-01 ligger före förra statusändringen",
        ),
    ],
)
def test_status_move_rules(rw_con, insats_id, status, kwargs, field, message):
    args = {"datum": date(2026, 1, 15), **kwargs}
    before = snapshot(rw_con)
    with pytest.raises(ValidationError) as info:
        writes.change_status(rw_con, EDITOR, insats_id, status, expected_version=1, **args)
    assert any(m.startswith(message) for m in info.value.messages(field)), info.value.errors
    assert snapshot(rw_con) == before


def test_a_move_in_the_future_is_refused(rw_con):
    tomorrow = domain.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        writes.change_status(rw_con, EDITOR, RUNNING, "avslutad", datum=tomorrow, expected_version=1)
    assert info.value.messages("datum") == [f"Datum {tomorrow.isoformat()} ligger i framtiden."]


def test_a_running_insats_cannot_end_before_it_started(rw_con):
    insats_id = writes.add_insats(rw_con, EDITOR, fields(startdatum=date(2025, 3, 1), slutdatum=None))
    with pytest.raises(ValidationError) as info:
        writes.change_status(rw_con, EDITOR, insats_id, "avslutad", datum=date(2025, 2, 1), expected_version=1)
    assert info.value.messages("datum")[0].startswith("Datum 2025-02-01 ligger före")


def test_a_stopped_insats_moves_on_no_further_and_its_history_reads_in_order(rw_con):
    v = writes.change_status(
        rw_con, EDITOR, RUNNING, "avbruten", datum=date(2025, 5, 1), anledning="Låg uppslutning", expected_version=1
    )
    with pytest.raises(ValidationError, match="avbruten är en slutstatus"):
        writes.change_status(rw_con, EDITOR, RUNNING, "avslutad", datum=date(2025, 6, 1), expected_version=v)
    history = store.run_query(rw_con, "register/statushistorik", insats_id=RUNNING)
    assert history["till_status"].tolist() == ["föreslagen", "beviljad", "pågående", "avbruten"]
    assert history["anledning"].iloc[-1] == "Låg uppslutning"
