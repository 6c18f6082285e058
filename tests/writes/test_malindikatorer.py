"""Target indicators chosen by an editor (issue 17): saved with the insats through update_insats/add_insats,
audited and versioned, refused for readers and for unknown or context indicators, cleared back to the
fokusområden's indicators, kept by a snapshot restore and a journal replay, and chosen in the edit form."""

from __future__ import annotations

import gc
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lokalutveckling import domain, store, writes
from lokalutveckling.analys import effekt
from lokalutveckling.paths import ROOT
from lokalutveckling.store import cache, exempeldata, recovery, snapshots
from lokalutveckling.store.recovery import Action
from lokalutveckling.ui import session
from tests.writes.helpers import ADMIN, EDITOR, READER, RUNNING, audit_rows, fields, snapshot, version

ENTRY = str(ROOT / "dashboard.py")
TWO = ["valdsbrott", "forvarvsfrekvens"]  # Anmälda våldsbrott …, Förvärvsfrekvens 20–64 år (indikatorer.csv)


def chosen(con: store.Connection, insats_id: str) -> list[tuple]:
    return con.execute(
        "select indikator_kod, kalla from insats_malindikatorer where insats_id = ? order by indikator_kod",
        [insats_id],
    ).fetchall()


def fokus_indicators(con: store.Connection, insats_id: str) -> list[str]:
    """The indicators of the insats's fokusområden, in the indicators' order (from the seeds, by SQL)."""
    rows = con.execute(
        "select distinct i.indikator_kod, i.ordning from indikatorer i "
        "join insats_fokusomraden f on i.fokus_kod = f.fokus_kod where f.insats_id = ? order by i.ordning",
        [insats_id],
    ).fetchall()
    return [r[0] for r in rows]


def underlag(con: store.Connection) -> effekt.Underlag:
    """What effekt.target_indicators reads, straight from the store (values are not needed for it)."""

    def frame(sql: str) -> pd.DataFrame:
        return con.execute(sql).df()

    return effekt.Underlag(
        values=frame("select indikator_kod, omrade_kod, ar, varde, kalla from indikatorvarden where false"),
        indikatorer=frame(
            "select indikator_kod, namn_sv, namn_en, enhet, fokus_kod, hogre_ar_battre from indikatorer order by ordning"
        ),
        insatser=frame(
            "select i.insats_id, i.namn, i.status, i.startdatum, i.slutdatum, i.hela_staden, i.malgrupp, "
            "f.fokus_kod as primar_fokus, i.kalla from insatser i "
            "left join insats_fokusomraden f on f.insats_id = i.insats_id and f.primar"
        ),
        omraden=frame("select insats_id, omrade_kod from insats_omraden"),
        fokus=frame("select insats_id, fokus_kod, primar from insats_fokusomraden"),
        malindikatorer=frame("select insats_id, indikator_kod from insats_malindikatorer"),
    )


# ------------------------------------------------------------------------------------ the write


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_an_editor_saves_two_target_indicators_read_back_audited_and_versioned(rw_con):
    assert writes.get_insats(rw_con, RUNNING)["malindikatorer"] == []
    new_version = writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: TWO}, 1, kommentar="Mål")
    assert new_version == 2 == version(rw_con, RUNNING)
    assert writes.get_insats(rw_con, RUNNING)["malindikatorer"] == ["forvarvsfrekvens", "valdsbrott"]
    assert chosen(rw_con, RUNNING) == [("forvarvsfrekvens", "kim"), ("valdsbrott", "kim")]
    assert audit_rows(rw_con) == [
        ("kim", "ändring", "insatser", RUNNING, "malindikatorer", None, "forvarvsfrekvens, valdsbrott", "Mål")
    ]
    # The same list again (in another order) is no change: nothing written, the version stays.
    assert writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: TWO[::-1]}, 2) == 2
    assert len(audit_rows(rw_con)) == 1
    # An edit on the older version is refused and changes nothing.
    before = snapshot(rw_con)
    with pytest.raises(writes.ConflictError, match="du utgick från version 1, nu sparad: version 2"):
        writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: ["otrygghet"]}, 1)
    assert snapshot(rw_con) == before


def test_a_new_insats_may_name_its_target_indicators(rw_con):
    insats_id = writes.add_insats(rw_con, EDITOR, fields(malindikatorer=["behorighet_gymnasiet"]))
    assert writes.get_insats(rw_con, insats_id)["malindikatorer"] == ["behorighet_gymnasiet"]
    logged = {r[4]: r for r in audit_rows(rw_con)}
    assert logged["malindikatorer"] == (
        "kim",
        "ny",
        "insatser",
        insats_id,
        "malindikatorer",
        None,
        "behorighet_gymnasiet",
        None,
    )
    without = writes.add_insats(rw_con, EDITOR, fields(namn="Utan valda indikatorer"))
    assert writes.get_insats(rw_con, without)["malindikatorer"] == [] and chosen(rw_con, without) == []


@pytest.mark.parametrize("who", [READER, None], ids=["reader", "not signed in"])
def test_a_reader_or_nobody_is_refused_inside_the_write(rw_con, who):
    before = snapshot(rw_con)
    with pytest.raises(PermissionError):
        writes.update_insats(rw_con, who, RUNNING, {domain.MALINDIKATORER: TWO}, 1)
    assert snapshot(rw_con) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["valdsbrott", "okand_indikator"], "Målindikatorer: okänd indikator 'okand_indikator'."),
        (
            ["folkmangd"],
            "Målindikatorer: 'folkmangd' (Folkmängd) är en kontextindikator utan fokusområde och kan inte vara "
            "målindikator.",
        ),
        ("valdsbrott", "Målindikatorer ska vara en lista."),
    ],
    ids=["unknown", "context", "not a list"],
)
def test_an_unknown_or_context_indicator_is_refused_naming_field_and_value(rw_con, value, message):
    before = snapshot(rw_con)
    with pytest.raises(domain.ValidationError) as caught:
        writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: value}, 1)
    assert caught.value.errors == [("malindikatorer", message)]
    assert snapshot(rw_con) == before
    with pytest.raises(domain.ValidationError) as added:
        writes.add_insats(rw_con, EDITOR, fields(malindikatorer=value))
    assert added.value.messages("malindikatorer") == [message]
    assert snapshot(rw_con) == before


def test_a_bad_target_indicator_is_reported_with_the_other_fields_problems(rw_con):
    with pytest.raises(domain.ValidationError) as caught:
        writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": "", domain.MALINDIKATORER: ["folkmangd_0_5"]}, 1)
    assert [f for f, _ in caught.value.errors] == ["namn", "malindikatorer"]
    assert "'folkmangd_0_5' (Folkmängd 0–5 år) är en kontextindikator" in caught.value.messages("malindikatorer")[0]


def test_clearing_them_returns_the_insats_to_its_fokusomradens_indicators(rw_con):
    fokus = fokus_indicators(rw_con, RUNNING)
    assert fokus and "valdsbrott" not in fokus  # the choice below is not one of its own
    writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: ["valdsbrott"]}, 1)
    assert effekt.target_indicators(underlag(rw_con), RUNNING) == ["valdsbrott"]
    writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: []}, 2)
    assert writes.get_insats(rw_con, RUNNING)["malindikatorer"] == [] and chosen(rw_con, RUNNING) == []
    assert version(rw_con, RUNNING) == 3
    assert audit_rows(rw_con)[-1][4:7] == ("malindikatorer", "valdsbrott", None)
    assert effekt.target_indicators(underlag(rw_con), RUNNING) == fokus


def test_removing_exempeldata_takes_the_choices_that_depend_on_it(rw_con):
    real = "INS-001"  # the one insats from a document; RUNNING is exempeldata
    writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: TWO}, 1)
    writes.update_insats(rw_con, EDITOR, real, {domain.MALINDIKATORER: ["trangboddhet"]}, 1)
    removed = exempeldata.remove_exempeldata(rw_con, domain.COMMAND_LINE, "insatser")
    assert removed["insats_malindikatorer"] == 2
    assert rw_con.execute("select insats_id, indikator_kod from insats_malindikatorer").fetchall() == [
        (real, "trangboddhet")
    ]
    # The indicators are exempeldata too: a choice of one goes with it, and the removal is logged.
    removed = exempeldata.remove_exempeldata(rw_con, domain.COMMAND_LINE, "indikatorer")
    assert removed["insats_malindikatorer"] == 1 and chosen(rw_con, real) == []
    log = rw_con.execute("select handling, tabell, gammalt_varde from audit order by audit_id").fetchall()
    assert ("ta bort exempeldata", "insats_malindikatorer", "1 rader") in log


# ------------------------------------------------------------------------ restore and journal replay


def test_the_choice_survives_a_restore_from_a_snapshot(rw_con, tmp_path: Path):
    writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: TWO}, 1)
    snap = snapshots.snapshot(rw_con, directory=tmp_path / "snaps", reason="test")
    writes.update_insats(rw_con, EDITOR, RUNNING, {domain.MALINDIKATORER: ["otrygghet"]}, 2)
    assert chosen(rw_con, RUNNING) == [("otrygghet", "kim")]
    snapshots.restore(rw_con, snap, ADMIN, directory=tmp_path / "snaps")
    assert chosen(rw_con, RUNNING) == [("forvarvsfrekvens", "kim"), ("valdsbrott", "kim")]
    restored = writes.get_insats(rw_con, RUNNING)
    assert restored["malindikatorer"] == ["forvarvsfrekvens", "valdsbrott"]
    assert restored["version"] > 3  # versions only move forward: an edit on version 3 is refused
    history = rw_con.execute(
        "select handling from audit where tabell = 'insatser' and rad_id = ? order by audit_id", [RUNNING]
    ).fetchall()
    assert history[-1] == ("återställning",)  # the insats shows the restore in its history


def test_the_choice_survives_a_replay_of_the_journal_after_the_store_file_is_deleted(
    built_store: Path, copy_store, tmp_path: Path
):
    path = copy_store(built_store, tmp_path / "store.duckdb")
    con = recovery.open_store(path).con
    try:
        writes.update_insats(con, EDITOR, RUNNING, {domain.MALINDIKATORER: TWO}, 1)
        writes.update_insats(con, EDITOR, "INS-002", {domain.MALINDIKATORER: ["unga_uvas"]}, 1)
        writes.update_insats(con, EDITOR, "INS-002", {domain.MALINDIKATORER: []}, 2)
        before = snapshot(con)
    finally:
        con.close()
    path.unlink()
    again = recovery.open_store(path)
    try:
        assert again.report.action is Action.REBUILT
        assert chosen(again.con, RUNNING) == [("forvarvsfrekvens", "kim"), ("valdsbrott", "kim")]
        assert chosen(again.con, "INS-002") == []
        assert snapshot(again.con) == before
    finally:
        again.con.close()


# ------------------------------------------------------------------------------------- the form


@pytest.fixture()
def app_store(built_store: Path, copy_store, tmp_path: Path, monkeypatch) -> Path:
    """A store copy (with its journal) that the app under test reads and writes."""
    path = copy_store(built_store, tmp_path / "form.duckdb")
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()
    yield path
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()


def test_the_edit_form_saves_the_chosen_target_indicators(app_store: Path):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim Redaktör", "redaktor")
    at.query_params["insats"] = "INS-002"
    at.switch_page("pages/insatser.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.multiselect(key="andra_INS-002_malindikatorer")
    assert picker.label == "Målindikatorer (tomt = fokusområdenas indikatorer)"
    assert picker.value == []
    assert "Förvärvsfrekvens 20–64 år" in picker.options and "Anmälda våldsbrott per 1 000 invånare" in picker.options
    assert not {"Folkmängd", "Folkmängd 0–5 år"} & set(picker.options)  # context indicators cannot be chosen
    picker.set_value(TWO)
    at.button(key="FormSubmitter:andra_INS-002-Spara").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("INS-002" in s.value for s in at.success)
    con = cache.connection()  # the app's own connection to the store it wrote
    assert chosen(con, "INS-002") == [("forvarvsfrekvens", "kim"), ("valdsbrott", "kim")]
    assert version(con, "INS-002") == 2
    # The form, loaded again, shows the saved choice.
    again = AppTest.from_file(ENTRY, default_timeout=60)
    again.session_state[session.SIGNED_IN] = domain.User("kim", "Kim Redaktör", "redaktor")
    again.query_params["insats"] = "INS-002"
    again.switch_page("pages/insatser.py")
    again.run()
    assert again.multiselect(key="andra_INS-002_malindikatorer").value == sorted(TWO)
