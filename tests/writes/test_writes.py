"""Writes: roles checked at the functions, every validation rule, allowed status moves, the audit log,
concurrent edits, failed writes that leave the store as it was, and the register's queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest

from lokalutveckling import store, writes
from lokalutveckling.paths import QUERIES_DIR
from lokalutveckling.store import unit_of_work
from lokalutveckling.writes import ConflictError, User, ValidationError

EDITOR = User("kim", "Kim Redaktör", "redaktor")
EDITOR_2 = User("sam", "Sam Redaktör", "redaktor")
ADMIN = User("ada", "Ada Admin", "admin")
READER = User("lo", "Lo Läsare", "lasare")
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
SCRIPT = "<script>alert(1)</script>"
RUNNING = "INS-003"  # pågående, started 2022-12-01, no slutdatum
GRANTED = "INS-059"  # beviljad, startdatum 2025-02-01
PROPOSED = "INS-064"  # föreslagen, no finansieringskälla, starts 2027


def fields(**changes: object) -> dict[str, object]:
    """A valid new insats, with `changes` applied."""
    values: dict[str, object] = {
        "namn": "Läxhjälp på biblioteket",
        "beskrivning": "Läxhjälp två kvällar i veckan.",
        "namnd_kod": "KN",
        "finansiering_kod": "ks_anslag",
        "tilldelning_id": "T2022-KS-KN",
        "belopp_kr": 250_000,
        "startdatum": date(2025, 1, 1),
        "slutdatum": date(2025, 12, 31),
        "status": "pågående",
        "typ": "pilot",
        "malgrupp": "barn 6–15",
        "hela_staden": False,
        "fokus_kod": "utbildning",
        "sekundara_fokus": ["demokrati"],
        "omraden": ["10", "12"],
        "partner_namnder": ["GRN"],
        "partner_externa": ["Studieförbund"],
    }
    values.update(changes)
    return values


def snapshot(con: store.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, to compare a store before and after a write."""
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()]
    return {t: sorted(con.table(t).fetchall(), key=repr) for t in tables}


def audit_rows(con: store.Connection) -> list[tuple]:
    return con.execute(
        "select anvandare, handling, tabell, rad_id, falt, gammalt_varde, nytt_varde, kommentar from audit "
        "order by audit_id"
    ).fetchall()


def version(con: store.Connection, insats_id: str) -> int:
    return con.execute("select version from insatser where insats_id = ?", [insats_id]).fetchone()[0]


def add_account(con: store.Connection, anvandarnamn: str, roll: str, **extra: object) -> None:
    writes.add_user(
        con, ADMIN, {"anvandarnamn": anvandarnamn, "namn": anvandarnamn, "roll": roll, "losenord_hash": HASH, **extra}
    )


# ------------------------------------------------------------------------------------- roles

WRITES = {
    "add_insats": lambda con, user: writes.add_insats(con, user, fields()),
    "update_insats": lambda con, user: writes.update_insats(con, user, RUNNING, {"namn": "Nytt"}, 1),
    "change_status": lambda con, user: writes.change_status(
        con, user, RUNNING, "avslutad", datum=date(2025, 6, 30), expected_version=1
    ),
    "add_uppfoljning": lambda con, user: writes.add_uppfoljning(
        con, user, RUNNING, {"datum": date(2025, 6, 30), "vem": "Kim", "vad": "Möte", "effekt": "oklar"}
    ),
    "add_user": lambda con, user: writes.add_user(
        con, user, {"anvandarnamn": "nisse", "namn": "Nisse", "roll": "redaktor", "losenord_hash": HASH}
    ),
    "set_role": lambda con, user: writes.set_role(con, user, "kim", "admin"),
    "deactivate_user": lambda con, user: writes.deactivate_user(con, user, "kim"),
    "set_password": lambda con, user: writes.set_password(con, user, "kim", HASH),
}
ADMIN_ONLY = {"add_user", "set_role", "deactivate_user", "set_password"}


@pytest.mark.parametrize("name", sorted(WRITES))
@pytest.mark.parametrize("user", [None, READER], ids=["nobody", "reader"])
def test_readers_and_nobody_are_refused_by_every_write_and_nothing_changes(rw_con, name, user):
    before = snapshot(rw_con)
    with pytest.raises(PermissionError) as info:
        WRITES[name](rw_con, user)
    message = str(info.value)
    assert ("logga in" in message) if user is None else ("läsare" in message or "administratör" in message)
    assert snapshot(rw_con) == before


@pytest.mark.parametrize("name", sorted(ADMIN_ONLY))
def test_editors_cannot_manage_users(rw_con, name):
    add_account(rw_con, "kim", "redaktor")
    before = snapshot(rw_con)
    with pytest.raises(PermissionError, match="Bara en administratör kan hantera användare och roller"):
        WRITES[name](rw_con, EDITOR_2)
    assert snapshot(rw_con) == before


@pytest.mark.parametrize("name", sorted(set(WRITES) - ADMIN_ONLY))
@pytest.mark.parametrize("user", [EDITOR, ADMIN], ids=["redaktor", "admin"])
def test_editors_and_admins_may_write_insatser_and_follow_ups(rw_con, name, user):
    WRITES[name](rw_con, user)
    assert rw_con.execute("select count(*) from audit where anvandare = ?", [user.anvandarnamn]).fetchone()[0] > 0


@pytest.mark.parametrize("name", sorted(ADMIN_ONLY))
def test_admins_may_manage_users(rw_con, name):
    add_account(rw_con, "kim", "redaktor")
    WRITES[name](rw_con, ADMIN)


def test_a_stored_account_counts_over_the_role_the_caller_claims(rw_con):
    add_account(rw_con, "kim", "redaktor")
    claims_admin = User("kim", "Kim", "admin")
    with pytest.raises(PermissionError, match="Bara en administratör"):
        writes.set_role(rw_con, claims_admin, "kim", "admin")
    writes.deactivate_user(rw_con, ADMIN, "kim")
    with pytest.raises(PermissionError, match="Kontot kim är inaktiverat"):
        writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": "Nytt"}, 1)


def test_an_unknown_role_is_a_reader(con):
    with pytest.raises(PermissionError, match="läsare"):
        writes.add_insats(con, User("x", "X", "superuser"), fields())  # type: ignore[arg-type]


# ------------------------------------------------------------------------------- add_insats


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


# ------------------------------------------------------------------------------- concurrency


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


def test_a_status_move_on_an_old_version_is_a_conflict(rw_con):
    writes.update_insats(rw_con, EDITOR, RUNNING, {"belopp_kr": 600_000}, 1)
    before = snapshot(rw_con)
    with pytest.raises(ConflictError) as info:
        writes.change_status(
            rw_con, EDITOR_2, RUNNING, "avbruten", datum=date(2025, 1, 1), anledning="Stopp", expected_version=1
        )
    assert info.value.stored["status"] == "pågående" and info.value.attempted["status"] == "avbruten"
    assert snapshot(rw_con) == before


def test_a_write_racing_another_transaction_is_a_conflict_and_writes_nothing(rw_con):
    other = rw_con.cursor()
    other.begin()
    other.execute("update insatser set namn = 'Någon annans' where insats_id = ?", [RUNNING])
    with pytest.raises(ConflictError, match="Någon annan sparar insatsen"):
        writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": "Mitt"}, 1)
    other.rollback()
    assert writes.get_insats(rw_con, RUNNING)["namn"] == "Familjecentral i samverkan"
    assert audit_rows(rw_con) == []


# ------------------------------------------------------------------------------ status moves

ALLOWED = [(fran, till) for fran, tills in writes.MOVES.items() for till in tills]
START_OF = {"föreslagen": PROPOSED, "beviljad": GRANTED, "pågående": RUNNING}


def test_allowed_moves_are_the_lifecycle():
    assert writes.allowed_moves("föreslagen") == ("beviljad", "avbruten")
    assert writes.allowed_moves("beviljad") == ("pågående", "avbruten")
    assert writes.allowed_moves("pågående") == ("avslutad", "avbruten", "permanentad")
    for final in ("avslutad", "avbruten", "permanentad", "okänd"):
        assert writes.allowed_moves(final) == ()
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
    when = writes.today()
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
    moves = writes.allowed_moves(current)
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
    tomorrow = writes.today() + timedelta(days=1)
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


# ---------------------------------------------------------------------------- uppföljningar


def follow_up(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "datum": date(2025, 6, 30),
        "vem": "Utvecklingsledare, ASN",
        "vad": "Uppföljningsmöte med familjecentralens personal.",
        "rackvidd": 120,
        "effekt": "viss",
        "underlag": "Besöksstatistik och enkät.",
    }
    values.update(changes)
    return values


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
    tomorrow = writes.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        writes.add_uppfoljning(rw_con, EDITOR, RUNNING, follow_up(datum=tomorrow))
    assert info.value.messages("datum") == [f"Datum {tomorrow.isoformat()} ligger i framtiden."]


def test_a_follow_up_needs_a_known_insats(rw_con):
    with pytest.raises(ValidationError, match="Insatsen INS-999 finns inte"):
        writes.add_uppfoljning(rw_con, EDITOR, "INS-999", follow_up())


# ---------------------------------------------------------------------------------- användare


def test_add_user_set_role_and_deactivate_are_logged_without_the_hash(rw_con):
    writes.add_user(
        rw_con,
        ADMIN,
        {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "losenord_hash": HASH, "e_post": "Kim@Malmo.se"},
    )
    writes.set_role(rw_con, ADMIN, "kim", "admin")
    writes.deactivate_user(rw_con, ADMIN, "kim")
    writes.set_password(rw_con, ADMIN, "kim", HASH + "x")
    row = rw_con.execute("select namn, e_post, roll, losenord_hash, aktiv from anvandare").fetchone()
    assert row == ("Kim", "kim@malmo.se", "admin", HASH + "x", False)
    logged = [(r[1], r[4], r[5], r[6]) for r in audit_rows(rw_con)]
    assert ("roll", "roll", "redaktor", "admin") in logged
    assert ("inaktivering", "aktiv", "true", "false") in logged
    assert ("ny", "losenord_hash", None, "(satt)") in logged
    assert not any(HASH in str(r) for r in audit_rows(rw_con))
    listed = store.run_query(rw_con, "register/anvandare")
    assert "losenord_hash" not in listed.columns and bool(listed["har_losenord"].iloc[0])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"anvandarnamn": "Kim Larsson"}, "anvandarnamn", "Användarnamn får bara innehålla"),
        ({"anvandarnamn": "k"}, "anvandarnamn", "Användarnamn får bara innehålla"),
        ({"anvandarnamn": "kommandorad"}, "anvandarnamn", "Användarnamnet kommandorad är reserverat."),
        ({"anvandarnamn": "ada"}, "anvandarnamn", "Användarnamnet ada finns redan."),
        ({"namn": ""}, "namn", "Namn måste anges."),
        ({"roll": "lasare"}, "roll", "Roll ska vara redaktor eller admin (läsare behöver inget konto)."),
        ({"e_post": "inte-en-adress"}, "e_post", "E-post: 'inte-en-adress' är ingen e-postadress."),
        ({"e_post": "ADA@malmo.se"}, "e_post", "E-postadressen ada@malmo.se hör redan till ett konto."),
        ({"losenord_hash": "hemligt123"}, "losenord_hash", "Lösenordet ska sparas som en argon2-hash"),
        ({"losenord_hash": None}, "losenord_hash", "Kontot behöver ett lösenord"),
        ({"aktiv": False}, "aktiv", "Fältet 'aktiv' finns inte"),
    ],
)
def test_add_user_refuses_bad_values(rw_con, changes, field, message):
    writes.add_user(rw_con, ADMIN, {"anvandarnamn": "ada", "namn": "Ada", "roll": "admin", "e_post": "ada@malmo.se"})
    before = snapshot(rw_con)
    values = {"anvandarnamn": "nisse", "namn": "Nisse", "roll": "redaktor", "losenord_hash": HASH, **changes}
    with pytest.raises(ValidationError) as info:
        writes.add_user(rw_con, ADMIN, values)
    assert any(m.startswith(message) for m in info.value.messages(field)), info.value.errors
    assert snapshot(rw_con) == before


def test_admins_cannot_lock_themselves_out_and_unknown_accounts_are_named(rw_con):
    add_account(rw_con, "ada", "admin")
    with pytest.raises(ValidationError, match="din egen roll"):
        writes.set_role(rw_con, ADMIN, "ada", "redaktor")
    with pytest.raises(ValidationError, match="ditt eget konto"):
        writes.deactivate_user(rw_con, ADMIN, "ada")
    with pytest.raises(ValidationError, match="Kontot nisse finns inte"):
        writes.set_role(rw_con, ADMIN, "nisse", "admin")
    add_account(rw_con, "kim", "redaktor")
    with pytest.raises(ValidationError, match="Roll ska vara redaktor eller admin"):
        writes.set_role(rw_con, ADMIN, "kim", "lasare")
    writes.deactivate_user(rw_con, ADMIN, "kim")
    with pytest.raises(ValidationError, match="redan inaktiverat"):
        writes.deactivate_user(rw_con, ADMIN, "kim")


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


# ------------------------------------------------------------------------- register queries


FLAG_FILTER = {"ar": (), "kallor": (), "fokus": (), "namnder": ()}


def flags(con: store.Connection, datum: date, **filters: object):
    return store.run_query(con, "insatser_flaggor", datum=datum, **{**FLAG_FILTER, **filters})


def flag_counts(con: store.Connection, datum: date, **filters: object) -> dict:
    from lokalutveckling import data

    return data.insatser_flaggor_antal(datum, data.Filter(**{**FLAG_FILTER, **filters}), con=con).to_dict()


@pytest.mark.parametrize("datum", [date(2024, 1, 1), date(2025, 6, 30), date(2026, 11, 22), date(2028, 1, 1)])
def test_flag_counts_agree_with_the_flag_list(con, datum):
    listed = flags(con, datum)
    counts = flag_counts(con, datum)
    assert counts["n_ingen_uppfoljning_12_man"] == int(listed["ingen_uppfoljning_12_man"].sum())
    assert counts["n_efter_slutdatum"] == int(listed["efter_slutdatum"].sum())
    assert counts["n_flaggade"] == len(listed)


def test_flags_follow_their_rules(con):
    datum = date(2026, 11, 22)
    listed = flags(con, datum).set_index("insats_id")
    late = set(listed.index[listed["efter_slutdatum"]])
    assert late == {"INS-036", "INS-052"}  # sos money ended 2023-12-31, still pågående
    quiet = listed[listed["ingen_uppfoljning_12_man"]]
    assert set(quiet["status"]) <= {"beviljad", "pågående"}
    year_before = pd.Timestamp(datum - timedelta(days=365))
    assert (quiet["startdatum"] <= year_before).all()
    assert (quiet["senaste_uppfoljning"].dropna() <= year_before).all()
    assert {"INS-059", "INS-062", "INS-063"} <= set(quiet.index)  # granted in 2025, never followed up
    # Every running insats with a recent follow-up is unflagged.
    fresh = con.execute(
        "select distinct u.insats_id from uppfoljningar u join insatser i using (insats_id) "
        "where i.status = 'pågående' and u.datum > ? and (i.slutdatum is null or i.slutdatum >= ?)",
        [datum - timedelta(days=365), datum],
    ).fetchall()
    assert fresh and not {r[0] for r in fresh} & set(listed.index)
    # Insatser that started within the last year are not yet due.
    assert flags(con, date(2026, 1, 31)).query("insats_id == 'INS-059'").empty  # started 2025-02-01
    assert not flags(con, date(2026, 2, 1)).query("insats_id == 'INS-059'").empty


def test_flags_respect_the_sidebar_filters(con):
    datum = date(2026, 11, 22)
    only_frn = flags(con, datum, namnder=("FRN",))
    assert not only_frn.empty and set(only_frn["namnd_kod"]) == {"FRN"}
    assert flag_counts(con, datum, namnder=("FRN",))["n_flaggade"] == len(only_frn)
    assert flag_counts(con, datum, kallor=("sos_statsbidrag",))["n_efter_slutdatum"] == 2


def test_a_follow_up_clears_the_flag(rw_con):
    datum = writes.today()
    quiet = flags(rw_con, datum).query("ingen_uppfoljning_12_man and status == 'pågående' and not efter_slutdatum")
    insats_id = quiet["insats_id"].iloc[0]
    n_before = flag_counts(rw_con, datum)["n_ingen_uppfoljning_12_man"]
    writes.add_uppfoljning(rw_con, EDITOR, insats_id, follow_up(datum=datum))
    assert insats_id not in set(flags(rw_con, datum)["insats_id"])
    assert flag_counts(rw_con, datum)["n_ingen_uppfoljning_12_man"] == n_before - 1


def test_a_stopped_insats_is_no_longer_flagged(rw_con):
    datum = date(2026, 11, 22)
    writes.change_status(rw_con, EDITOR, "INS-036", "avslutad", datum=date(2026, 1, 1), expected_version=1)
    assert "INS-036" not in set(flags(rw_con, datum)["insats_id"])
    assert flag_counts(rw_con, datum)["n_efter_slutdatum"] == 1


def test_register_queries_for_one_insats(con):
    follow_ups = store.run_query(con, "register/uppfoljningar", insats_id="INS-004")
    assert not follow_ups.empty and follow_ups["datum"].is_monotonic_decreasing
    assert set(follow_ups.columns) >= {"datum", "vem", "vad", "rackvidd", "effekt", "underlag", "kalla"}
    history = store.run_query(con, "register/statushistorik", insats_id="INS-024")
    assert history["till_status"].iloc[0] == "föreslagen"
    permanent = con.execute("select insats_id from insatser where status = 'permanentad' limit 1").fetchone()[0]
    last = store.run_query(con, "register/statushistorik", insats_id=permanent).iloc[-1]
    assert last["till_status"] == "permanentad" and last["mottagande_namnd"] and last["permanent_belopp_kr"] > 0
    assert store.run_query(con, "register/andringar", insats_id="INS-004").empty  # no edits in the seeds
    assert store.run_query(con, "register/insats", insats_id="INS-999").empty


@pytest.mark.parametrize(
    "name",
    sorted(
        f"{p.parent.name}/{p.stem}" for folder in ("write", "register") for p in (QUERIES_DIR / folder).glob("*.sql")
    ),
)
def test_every_write_and_register_query_has_a_header(name):
    sql = store.load_sql(name)
    assert sql.startswith("-- ") and ("Grain:" in sql or "Parameters:" in sql), name
    assert "{" not in sql, "values only as $parameters"


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
    form = {k: v for k, v in writes.get_insats(rw_con, sams).items() if k in writes.INSATS_FIELDS}
    assert writes.update_insats(rw_con, EDITOR, sams, form, 1) == 1  # nothing changed, nothing refused
    form["belopp_kr"] = 300_000
    form["omraden"] = ["12", "10"]  # same areas in another order
    assert writes.update_insats(rw_con, EDITOR, sams, form, 1) == 2
    changed = [r[4] for r in audit_rows(rw_con) if r[1] == "ändring"]
    assert changed == ["belopp_kr"]
