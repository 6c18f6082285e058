"""add_uppdrag, update_uppdrag and update_krav: an editor's saves read back through the app's queries,
refused for readers, stale versions and bad values with nothing changed, audited, and kept by the journal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from lokalutveckling import data, writes
from lokalutveckling.domain import ValidationError, today
from lokalutveckling.store import recovery
from lokalutveckling.store.recovery import Action
from tests.writes.helpers import EDITOR, READER, SCRIPT, audit_rows, snapshot

IDAG = date(2026, 12, 1)
GIVEN = "U-2024-KS-OMRADEN"  # givet, KSAU 2024-09-09 § 414 punkt 7, no due date (uppdrag.csv)
REPORTED = "U-2020-KS247-STRUKTUR"  # återrapporterat to KSAU 2024-09-09 § 414 punkt 11, a förslag
SOS = "R-2022-SOS"  # Stadskontoret reports to Socialstyrelsen on the statsbidrag 2022; ej påbörjad


def new(**changes: object) -> dict[str, object]:
    """A valid new uppdrag, with `changes` applied."""
    values: dict[str, object] = {
        "rubrik": "Följa upp de kraftsamlade insatserna",
        "givare_organ": "KS",
        "givet_ar": 2025,
        "givet_datum": date(2025, 3, 12),
        "givet_paragraf": "§ 88",
        "givet_punkt": "2",
        "givet_stadium": "beslut",
        "mottagare": "Stadskontoret",
        "mottagare_namnd_kod": "KS",
        "citat": "Kommunstyrelsen ger stadskontoret i uppdrag att följa upp de kraftsamlade insatserna.",
        "senast": date(2027, 6, 30),
        "status": "givet",
    }
    values.update(changes)
    return values


def row(con, table: str, key: str, value: str) -> dict[str, object]:
    frame = data.uppdrag(IDAG, con) if table == "uppdrag" else data.aterrapporteringskrav(IDAG, con)
    found = frame[frame[key] == value]
    assert len(found) == 1, value
    return found.iloc[0].to_dict()


def day(value: object) -> date:
    """A date the app's query gives (a pandas Timestamp) as a date."""
    return pd.Timestamp(value).date()


def audited(con, tabell: str, rad_id: str) -> dict[str, tuple]:
    return {r[4]: r for r in audit_rows(con) if r[2] == tabell and r[3] == rad_id}


# ------------------------------------------------------------------------------------------ add


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_an_editor_adds_an_uppdrag_that_the_app_then_lists_with_its_audit(rw_con):
    calls: list[int] = []
    uppdrag_id = writes.add_uppdrag(rw_con, EDITOR, new(), on_change=lambda: calls.append(1))
    assert uppdrag_id == "U-2025-001" and calls == [1]
    shown = row(rw_con, "uppdrag", "uppdrag_id", uppdrag_id)
    assert shown["rubrik"] == "Följa upp de kraftsamlade insatserna" and shown["givet_punkt"] == 2
    assert shown["status"] == "givet" and shown["oppet"] and not shown["forfallet"]  # due 2027-06-30
    assert day(shown["senast"]) == date(2027, 6, 30)
    assert shown["kalla"] == "kim" and shown["version"] == 1  # no document named: the editor is the source
    assert shown["mottagare_kortnamn"] == "Kommunstyrelsen (stadskontoret)"  # the nämnd joined by its code
    logged = audited(rw_con, "uppdrag", uppdrag_id)
    assert logged["rubrik"] == ("kim", "ny", "uppdrag", uppdrag_id, "rubrik", None, shown["rubrik"], None)
    assert logged["givet_punkt"][6] == "2" and logged["senast"][6] == "2027-06-30" and logged["kalla"][6] == "kim"
    assert "aterrapport_organ" not in logged  # empty fields are not logged
    # The next uppdrag of the same year takes the next number; the seeds' named ids are not counted.
    assert writes.add_uppdrag(rw_con, EDITOR, new(rubrik="Ett till")) == "U-2025-002"
    assert writes.add_uppdrag(rw_con, EDITOR, new(givet_ar=2024, givet_datum=None)) == "U-2024-001"


def test_a_new_uppdrag_past_its_due_date_is_overdue_and_text_is_stored_verbatim(rw_con):
    uppdrag_id = writes.add_uppdrag(
        rw_con, EDITOR, new(rubrik=SCRIPT, senast="2026-01-31", kalla="003_e0a6b3b1c5ce9486.txt", dokument_rad=64)
    )
    shown = row(rw_con, "uppdrag", "uppdrag_id", uppdrag_id)
    assert shown["rubrik"] == SCRIPT and shown["forfallet"] and shown["kalla"] == "003_e0a6b3b1c5ce9486.txt"
    assert shown["dokument_rad"] == 64


def test_a_new_uppdrag_with_bad_values_is_refused_naming_each_field_and_value(rw_con):
    before = snapshot(rw_con)
    with pytest.raises(ValidationError) as caught:
        writes.add_uppdrag(
            rw_con,
            EDITOR,
            new(rubrik="", status="klar", givet_punkt="x", mottagare_namnd_kod="XYZ", kalla="okand.txt"),
        )
    errors = dict(caught.value.errors)
    assert errors["rubrik"] == "Rubrik måste anges."
    assert "Status" in errors["status"] and "'klar'" in errors["status"]
    assert errors["givet_punkt"] == "Punkt ska vara ett heltal från 1 till 1000000 (angivet: 'x')."
    assert "'XYZ'" in errors["mottagare_namnd_kod"] and "'okand.txt'" in errors["kalla"]
    with pytest.raises(ValidationError) as caught:
        writes.add_uppdrag(rw_con, EDITOR, new(givet_ar=2024))  # given 2025-03-12
    assert caught.value.errors == [
        ("givet_datum", "Givet datum 2025-03-12 ligger inte i givet år 2024 (angivet: 2024).")
    ]
    assert snapshot(rw_con) == before


# ------------------------------------------------------------------------------------------ update


def test_reporting_back_an_uppdrag_needs_to_whom_and_when_and_then_saves_and_audits(rw_con):
    before = snapshot(rw_con)
    with pytest.raises(ValidationError) as caught:
        writes.update_uppdrag(rw_con, EDITOR, GIVEN, 1, {"status": "återrapporterat"})
    fields = [f for f, _ in caught.value.errors]
    assert fields == ["aterrapport_organ", "aterrapport_datum"]
    assert "återrapporterat" in caught.value.errors[0][1] and "Återrapporterat datum" in caught.value.errors[1][1]
    with pytest.raises(ValidationError) as caught:  # the report's stage: a förslag is never shown as a beslut
        writes.update_uppdrag(
            rw_con,
            EDITOR,
            GIVEN,
            1,
            {"status": "återrapporterat", "aterrapport_organ": "KS", "aterrapport_datum": IDAG},
        )
    assert [f for f, _ in caught.value.errors] == ["aterrapport_stadium"]
    assert snapshot(rw_con) == before
    changes = {
        "status": "återrapporterat",
        "aterrapport_organ": "KS",
        "aterrapport_datum": date(2025, 2, 10),
        "aterrapport_punkt": 4,
        "aterrapport_stadium": "beslut",
        "givet_punkt": 7,  # as stored: not a change
    }
    assert writes.update_uppdrag(rw_con, EDITOR, GIVEN, 1, changes) == 2
    shown = row(rw_con, "uppdrag", "uppdrag_id", GIVEN)
    assert shown["status"] == "återrapporterat" and not shown["oppet"] and shown["aterrapport_punkt"] == 4
    assert shown["aterrapport_organ"] == "KS" and shown["version"] == 2
    logged = audited(rw_con, "uppdrag", GIVEN)
    assert set(logged) == {
        "status",
        "aterrapport_organ",
        "aterrapport_datum",
        "aterrapport_punkt",
        "aterrapport_stadium",
    }
    assert logged["status"] == ("kim", "ändring", "uppdrag", GIVEN, "status", "givet", "återrapporterat", None)
    assert logged["aterrapport_datum"][5:7] == (None, "2025-02-10")
    # Status moves freely, back too; the report stays as written.
    assert writes.update_uppdrag(rw_con, EDITOR, GIVEN, 2, {"status": "pågår", "senast": "2027-03-31"}) == 3
    assert row(rw_con, "uppdrag", "uppdrag_id", GIVEN)["aterrapport_organ"] == "KS"


def test_an_unchanged_form_writes_nothing(rw_con):
    before = snapshot(rw_con)
    stored = writes.get_uppdrag(rw_con, REPORTED)
    assert stored is not None and stored["aterrapport_punkt"] == 11 and stored["aterrapport_stadium"] == "förslag"
    assert writes.update_uppdrag(rw_con, EDITOR, REPORTED, 1, {**stored, "aterrapport_punkt": "11"}) == 1
    assert snapshot(rw_con) == before


def test_removing_who_an_uppdrag_was_reported_to_is_refused(rw_con):
    with pytest.raises(ValidationError) as caught:
        writes.update_uppdrag(rw_con, EDITOR, REPORTED, 1, {"aterrapport_organ": ""})
    assert [f for f, _ in caught.value.errors] == ["aterrapport_organ"]


def test_a_stale_version_is_a_conflict_with_both_versions_and_nothing_changes(rw_con):
    writes.update_uppdrag(rw_con, EDITOR, GIVEN, 1, {"senast": date(2025, 12, 31)})
    before = snapshot(rw_con)
    with pytest.raises(writes.UppdragConflictError) as caught:
        writes.update_uppdrag(rw_con, EDITOR, GIVEN, 1, {"senast": date(2026, 3, 31), "status": "pågår"})
    conflict = caught.value
    assert isinstance(conflict, writes.ConflictError)
    assert conflict.row_id == GIVEN and conflict.stored_version == 2 and conflict.expected_version == 1
    assert conflict.stored["senast"] == date(2025, 12, 31)
    assert conflict.attempted == {"senast": date(2026, 3, 31), "status": "pågår"}
    assert str(conflict).startswith(f"Uppdraget {GIVEN} har ändrats av någon annan")
    writes.update_krav(rw_con, EDITOR, SOS, 1, {"status": "pågår"})
    before = snapshot(rw_con)
    with pytest.raises(writes.UppdragConflictError) as caught:
        writes.update_krav(rw_con, EDITOR, SOS, 1, {"status": "inlämnad", "inlamnad_datum": date(2025, 3, 31)})
    assert caught.value.stored["status"] == "pågår" and caught.value.attempted["status"] == "inlämnad"
    assert str(caught.value).startswith(f"Återrapporteringskravet {SOS} har ändrats")
    assert snapshot(rw_con) == before


# ------------------------------------------------------------------------------------------ krav


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_a_coordinator_marks_the_socialstyrelsen_report_as_submitted(rw_con):
    assert row(rw_con, "krav", "krav_id", SOS)["status"] == "ej påbörjad"
    calls: list[int] = []
    version = writes.update_krav(
        rw_con,
        EDITOR,
        SOS,
        1,
        {"status": "inlämnad", "inlamnad_datum": date(2025, 3, 31)},
        on_change=lambda: calls.append(1),
    )
    assert version == 2 and calls == [1]
    shown = row(rw_con, "krav", "krav_id", SOS)
    assert shown["status"] == "inlämnad" and not shown["oppet"] and not shown["forfallet"]
    assert day(shown["inlamnad_datum"]) == date(2025, 3, 31) and shown["mottagare"] == "Socialstyrelsen"
    logged = audited(rw_con, "aterrapporteringskrav", SOS)
    assert logged["status"] == (
        "kim",
        "ändring",
        "aterrapporteringskrav",
        SOS,
        "status",
        "ej påbörjad",
        "inlämnad",
        None,
    )
    assert logged["inlamnad_datum"][5:7] == (None, "2025-03-31")
    # A due date on the other krav makes it overdue once passed.
    writes.update_krav(rw_con, EDITOR, "R-2022-KS-NAMND", 1, {"senast": date(2026, 6, 30)})
    assert row(rw_con, "krav", "krav_id", "R-2022-KS-NAMND")["forfallet"]


def test_bad_krav_values_are_refused_naming_field_and_value(rw_con):
    before = snapshot(rw_con)
    ahead = today() + timedelta(days=30)
    with pytest.raises(ValidationError) as caught:
        writes.update_krav(rw_con, EDITOR, SOS, 1, {"status": "inlämnad", "inlamnad_datum": ahead})
    assert caught.value.errors == [("inlamnad_datum", f"Inlämnad datum {ahead.isoformat()} ligger i framtiden.")]
    with pytest.raises(ValidationError) as caught:
        writes.update_krav(rw_con, EDITOR, SOS, 1, {"status": "godkänd"})
    assert caught.value.errors == [
        ("inlamnad_datum", "Status godkänd kräver Inlämnad datum: ange dagen rapporten lämnades in.")
    ]
    with pytest.raises(ValidationError) as caught:
        writes.update_krav(rw_con, EDITOR, SOS, 1, {"status": "klar", "senast": "30/6", "rapportor": "Någon"})
    errors = dict(caught.value.errors)
    assert (
        "'klar'" in errors["status"] and errors["senast"] == "Senast ska vara ett datum ÅÅÅÅ-MM-DD (angivet: '30/6')."
    )
    assert "rapportor" in errors
    assert snapshot(rw_con) == before


# ------------------------------------------------------------------------------------------ who may


WRITES: dict[str, Callable[..., object]] = {
    "add_uppdrag": lambda con, user: writes.add_uppdrag(con, user, new()),
    "update_uppdrag": lambda con, user: writes.update_uppdrag(con, user, GIVEN, 1, {"status": "pågår"}),
    "update_krav": lambda con, user: writes.update_krav(
        con, user, SOS, 1, {"status": "inlämnad", "inlamnad_datum": date(2025, 3, 31)}
    ),
}


@pytest.mark.parametrize("who", [READER, None], ids=["lasare", "nobody"])
@pytest.mark.parametrize("write", list(WRITES))
def test_a_reader_or_nobody_is_refused_and_nothing_changes(rw_con, write, who):
    before = snapshot(rw_con)
    with pytest.raises(PermissionError):
        WRITES[write](rw_con, who)
    assert snapshot(rw_con) == before


# ------------------------------------------------------------------------------------------ journal


def test_the_saves_survive_the_store_file_being_deleted(built_store: Path, copy_store, tmp_path: Path):
    path = copy_store(built_store, tmp_path / "store.duckdb")
    opened = recovery.open_store(path)
    con = opened.con
    try:
        uppdrag_id = writes.add_uppdrag(con, EDITOR, new())
        writes.update_uppdrag(con, EDITOR, GIVEN, 1, {"status": "pågår", "senast": date(2025, 12, 31)})
        writes.update_krav(con, EDITOR, SOS, 1, {"status": "inlämnad", "inlamnad_datum": date(2025, 3, 31)})
    finally:
        con.close()
    path.unlink()
    again = recovery.open_store(path)
    try:
        assert again.report.action is Action.REBUILT and again.report.missing
        assert row(again.con, "uppdrag", "uppdrag_id", uppdrag_id)["citat"] == new()["citat"]
        given = row(again.con, "uppdrag", "uppdrag_id", GIVEN)
        assert given["status"] == "pågår" and given["version"] == 2
        sos = row(again.con, "krav", "krav_id", SOS)
        assert sos["status"] == "inlämnad" and day(sos["inlamnad_datum"]) == date(2025, 3, 31)
        assert len(audited(again.con, "aterrapporteringskrav", SOS)) == 2
    finally:
        again.con.close()
