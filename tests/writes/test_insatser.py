"""add_insats and update_insats: every validation rule, only changed fields written and logged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from lokalutveckling import store, writes
from lokalutveckling.domain import ValidationError
from tests.writes.helpers import (
    EDITOR,
    PROPOSED,
    RUNNING,
    SCRIPT,
    audit_rows,
    fields,
    snapshot,
    version,
)

# ------------------------------------------------------------------------------- add_insats


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_add_insats_writes_the_row_its_relations_history_and_audit(rw_con):
    calls: list[int] = []
    insats_id = writes.add_insats(
        rw_con, EDITOR, fields(belopp_kr="1 300 000", startdatum="2025-01-01"), on_change=lambda: calls.append(1)
    )
    assert insats_id == "INS-068" and calls == [1]
    saved = writes.get_insats(rw_con, insats_id)
    assert saved is not None
    assert saved["belopp_kr"] == 1_300_000 and saved["startdatum"] == date(2025, 1, 1)
    assert saved["status"] == "pågående" and saved["version"] == 1 and saved["kalla"] == "kim"
    assert saved["omraden"] == ["10", "12"] and saved["sekundara_fokus"] == ["demokrati"]
    assert saved["partner_namnder"] == ["GRN"] and saved["partner_externa"] == ["Studieförbund"]
    primary = rw_con.execute("select fokus_kod from insats_fokusomraden where insats_id = ? and primar", [insats_id])
    assert primary.fetchall() == [("utbildning",)]
    history = rw_con.execute(
        "select datum, fran_status, till_status, anvandare, kalla from statushistorik where insats_id = ?", [insats_id]
    ).fetchall()
    assert history == [(date(2025, 1, 1), None, "pågående", "kim", "kim")]
    logged = {r[4]: r for r in audit_rows(rw_con)}
    assert logged["belopp_kr"] == ("kim", "ny", "insatser", insats_id, "belopp_kr", None, "1300000", None)
    assert logged["omraden"][6] == "10, 12"
    assert logged["status"][6] == "pågående"
    assert "slutdatum" in logged and "beskrivning" in logged
    # A new insats counts in the views the pages read.
    assert rw_con.execute("select fokus_kod from v_insatser where insats_id = ?", [insats_id]).fetchone() == (
        "utbildning",
    )


def test_script_in_a_name_is_stored_verbatim(rw_con):
    insats_id = writes.add_insats(rw_con, EDITOR, fields(namn=SCRIPT, partner_externa=[f"Förening {SCRIPT}"]))
    assert rw_con.execute("select namn from insatser where insats_id = ?", [insats_id]).fetchone()[0] == SCRIPT
    assert writes.get_insats(rw_con, insats_id)["partner_externa"] == [f"Förening {SCRIPT}"]
    writes.update_insats(rw_con, EDITOR, RUNNING, {"beskrivning": SCRIPT}, 1)
    shown = store.run_query(rw_con, "register/andringar", insats_id=RUNNING)
    assert shown["nytt_varde"].tolist() == [SCRIPT]


def test_a_city_wide_insats_has_no_areas(rw_con):
    insats_id = writes.add_insats(rw_con, EDITOR, fields(hela_staden=True, omraden=[]))
    assert writes.get_insats(rw_con, insats_id)["omraden"] == []


def test_kalla_may_name_a_known_source(rw_con):
    insats_id = writes.add_insats(rw_con, EDITOR, fields(kalla="002_653f0594ef9bb87d.txt"))
    assert writes.get_insats(rw_con, insats_id)["kalla"] == "002_653f0594ef9bb87d.txt"


TOO_LONG = "x" * 201


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("namn", None, "Namn måste anges."),
        ("namn", "   ", "Namn måste anges."),
        ("namn", TOO_LONG, "Namn får vara högst 200 tecken (nu 201)."),
        ("namn", 12, "Namn ska vara text."),
        ("namn", "Rad\x00brytning", "Namn innehåller otillåtna styrtecken."),
        ("beskrivning", "x" * 4001, "Beskrivning får vara högst 4000 tecken"),
        ("namnd_kod", None, "Ansvarig nämnd måste anges."),
        ("namnd_kod", "XYZ", "Ansvarig nämnd: okänd kod 'XYZ'."),
        ("finansiering_kod", "", "Finansieringskälla måste anges."),
        ("finansiering_kod", "lotteri", "Finansieringskälla: okänd kod 'lotteri'."),
        ("tilldelning_id", "T1999", "Tilldelning: okänd kod 'T1999'."),
        ("tilldelning_id", "T2022-SOS-KN", "Tilldelningen T2022-SOS-KN gäller finansieringskällan sos_statsbidrag"),
        ("belopp_kr", None, "Belopp (kr) måste anges."),
        ("belopp_kr", -1, "Belopp (kr) får inte vara negativt."),
        ("belopp_kr", 1.5, "Belopp (kr) ska vara ett belopp i hela kronor."),
        ("belopp_kr", "12 kr", "Belopp (kr) ska vara ett belopp i hela kronor, t.ex. 1300000."),
        ("belopp_kr", True, "Belopp (kr) ska vara ett belopp i hela kronor."),
        ("belopp_kr", 20_000_000_000, "Belopp (kr) är orimligt stort"),
        ("startdatum", None, "Startdatum måste anges."),
        ("startdatum", "2025-02-30", "Startdatum ska vara ett datum ÅÅÅÅ-MM-DD."),
        ("startdatum", date(1999, 1, 1), "Startdatum 1999-01-01 ligger utanför åren 2000–2100."),
        ("slutdatum", date(2024, 12, 31), "Slutdatum 2024-12-31 ligger före startdatum 2025-01-01."),
        ("status", None, "Status måste anges."),
        ("status", "klar", "Status: 'klar' är inte tillåtet; välj en av föreslagen, beviljad, pågående."),
        ("status", "avslutad", "En ny insats kan ha status föreslagen, beviljad eller pågående"),
        ("typ", None, "Typ måste anges."),
        ("typ", "projekt", "Typ: 'projekt' är inte tillåtet"),
        ("malgrupp", "x" * 101, "Målgrupp får vara högst 100 tecken"),
        ("hela_staden", "ja", "Hela staden ska vara ja eller nej."),
        ("kalla", "okänd.txt", "Källa: okänd kod 'okänd.txt'."),
        ("fokus_kod", None, "Fokusområde måste anges."),
        ("fokus_kod", "idrott", "Fokusområde: okänd kod 'idrott'."),
        ("sekundara_fokus", ["idrott"], "Övriga fokusområden: okänd kod 'idrott'."),
        ("sekundara_fokus", ["utbildning"], "Det primära fokusområdet kan inte också vara ett av de övriga."),
        ("sekundara_fokus", "demokrati", "Övriga fokusområden ska vara en lista."),
        ("omraden", ["99"], "Områden: okänd kod '99'."),
        ("omraden", ["10101"], "Områden: okänd kod '10101'."),  # a delområde, not one of the 14
        ("omraden", [], "Ange minst ett område, eller markera att insatsen gäller hela staden."),
        ("partner_namnder", ["XYZ"], "Samverkande nämnder: okänd kod 'XYZ'."),
        ("partner_namnder", ["KN"], "Den ansvariga nämnden kan inte också vara samverkande nämnd."),
        ("partner_externa", [TOO_LONG], "Externa samverkanspartner får vara högst 200 tecken"),
        ("okant_falt", 1, "Fältet 'okant_falt' finns inte eller kan inte ändras här."),
    ],
)
def test_add_insats_refuses_each_bad_value_naming_the_field(rw_con, field, value, message):
    before = snapshot(rw_con)
    with pytest.raises(ValidationError) as info:
        writes.add_insats(rw_con, EDITOR, fields(**{field: value}))
    assert info.value.errors and all(f == field for f, _ in info.value.errors), info.value.errors
    assert any(m.startswith(message) for m in info.value.messages(field)), info.value.errors
    assert snapshot(rw_con) == before


def test_city_wide_with_areas_is_refused(rw_con):
    with pytest.raises(ValidationError) as info:
        writes.add_insats(rw_con, EDITOR, fields(hela_staden=True))
    assert info.value.messages("omraden") == ["En insats för hela staden anges utan områden."]


def test_every_problem_is_reported_at_once(rw_con):
    with pytest.raises(ValidationError) as info:
        writes.add_insats(rw_con, EDITOR, {"belopp_kr": -5, "omraden": ["10"]})
    named = {f for f, _ in info.value.errors}
    assert {"namn", "namnd_kod", "finansiering_kod", "belopp_kr", "startdatum", "status", "typ", "fokus_kod"} <= named


# ----------------------------------------------------------------------------- update_insats


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_update_writes_only_changed_fields_bumps_the_version_and_logs_old_and_new(rw_con):
    calls: list[int] = []
    new = writes.update_insats(
        rw_con,
        EDITOR,
        RUNNING,
        {"namn": "Familjecentral i samverkan", "belopp_kr": 500_000, "omraden": ["3"], "startdatum": "2022-12-01"},
        1,
        kommentar="Nytt beslut i nämnden",
        on_change=lambda: calls.append(1),
    )
    assert new == 2 and version(rw_con, RUNNING) == 2 and calls == [1]
    saved = writes.get_insats(rw_con, RUNNING)
    assert saved["belopp_kr"] == 500_000 and saved["omraden"] == ["3"]
    rows = audit_rows(rw_con)
    assert [r[4] for r in rows] == ["belopp_kr", "omraden"]  # the unchanged namn and startdatum are not logged
    assert rows[0] == ("kim", "ändring", "insatser", RUNNING, "belopp_kr", "440000", "500000", "Nytt beslut i nämnden")
    assert rows[1][5:7] == ("12", "3")
    tid = rw_con.execute("select max(tid) from audit").fetchone()[0]
    assert abs(tid - datetime.now(UTC).replace(tzinfo=None)) < timedelta(minutes=1)  # the log is in UTC


def test_update_with_nothing_changed_writes_nothing(rw_con):
    calls: list[int] = []
    before = snapshot(rw_con)
    assert (
        writes.update_insats(
            rw_con, EDITOR, RUNNING, {"namn": " Familjecentral i samverkan "}, 1, on_change=lambda: calls.append(1)
        )
        == 1
    )
    assert snapshot(rw_con) == before and calls == []


def test_update_of_an_older_row_is_not_blocked_by_fields_it_does_not_touch(rw_con):
    # The proposed insatser have no finansieringskälla yet: renaming one is still allowed.
    writes.update_insats(rw_con, EDITOR, PROPOSED, {"namn": "Boendeskola"}, 1)
    assert writes.get_insats(rw_con, PROPOSED)["finansiering_kod"] is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"status": "avslutad"}, "status", "Status ändras med en statusändring"),
        ({"version": 7}, "version", "Fältet 'version' finns inte eller kan inte ändras här."),
        ({"insats_id": "INS-999"}, "insats_id", "Fältet 'insats_id' finns inte"),
        ({"namn": ""}, "namn", "Namn måste anges."),
        ({"finansiering_kod": None}, "finansiering_kod", "Finansieringskälla måste anges."),
        ({"slutdatum": date(2022, 1, 1)}, "slutdatum", "Slutdatum 2022-01-01 ligger före startdatum 2022-12-01."),
        ({"startdatum": date(2030, 1, 1), "slutdatum": date(2029, 1, 1)}, "slutdatum", "Slutdatum 2029-01-01"),
        ({"hela_staden": True}, "omraden", "En insats för hela staden anges utan områden."),
        ({"omraden": []}, "omraden", "Ange minst ett område"),
        ({"belopp_kr": -10}, "belopp_kr", "Belopp (kr) får inte vara negativt."),
        ({"tilldelning_id": "T2022-SOS-ASN"}, "tilldelning_id", "Tilldelningen T2022-SOS-ASN gäller"),
    ],
)
def test_update_refuses_bad_values_and_writes_nothing(rw_con, changes, field, message):
    before = snapshot(rw_con)
    with pytest.raises(ValidationError) as info:
        writes.update_insats(rw_con, EDITOR, RUNNING, changes, 1)
    assert any(m.startswith(message) for m in info.value.messages(field)), info.value.errors
    assert snapshot(rw_con) == before


def test_update_of_an_unknown_insats(rw_con):
    with pytest.raises(ValidationError, match="Insatsen INS-999 finns inte"):
        writes.update_insats(rw_con, EDITOR, "INS-999", {"namn": "x"}, 1)


def test_kommentar_is_checked_too(rw_con):
    with pytest.raises(ValidationError) as info:
        writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": "x"}, 1, kommentar="x" * 2001)
    assert info.value.errors[0][0] == "kommentar"
