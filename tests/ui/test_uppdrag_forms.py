"""The editors' forms for uppdrag and återrapporteringskrav (ui.uppdrag_forms), run in AppTest through a tiny
script that calls them as the Uppdrag page does: a signed-in editor marks R-2022-SOS as submitted and the
app's data then says inlämnad; a reader is shown no form; a new uppdrag is refused by field, then saved;
two editors saving the same uppdrag see the conflict with both versions, nothing lost."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lokalutveckling import domain
from lokalutveckling.ui import session
from tests.conftest import _copy_store

EDITOR = domain.User("kim", "Kim Larsson", "redaktor")
OTHER = domain.User("sam", "Sam Redaktör", "redaktor")
READER = domain.User("lo", "Lo Läsare", "lasare")
SOS = "R-2022-SOS"
GIVEN = "U-2024-KS-OMRADEN"


def script() -> None:
    """The forms as a page calls them, then what the app's data says about the rows they change."""
    import streamlit as st

    from lokalutveckling import data, domain
    from lokalutveckling.ui import forms, uppdrag_forms

    lang = st.query_params.get("lang", "sv")
    form = st.query_params.get("form", "krav")
    forms.show_saved()
    if form == "krav":
        uppdrag_forms.edit_krav("R-2022-SOS", lang)
    elif form == "uppdrag":
        uppdrag_forms.edit_uppdrag("U-2024-KS-OMRADEN", lang)
    else:
        uppdrag_forms.new_uppdrag(lang)
    krav = data.aterrapporteringskrav(domain.today()).set_index("krav_id")
    st.text(f"data R-2022-SOS: {krav.loc['R-2022-SOS', 'status']} {krav.loc['R-2022-SOS', 'inlamnad_datum']}")
    uppdrag = data.uppdrag(domain.today())
    for _, r in uppdrag.iterrows():
        st.text(f"data {r['uppdrag_id']}: {r['status']} · {r['rubrik']} · {r['senast']}")


@pytest.fixture()
def store_copy(built_store: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the default store (with its journal) that the app's caches point at, for one test to change."""
    path = _copy_store(built_store, tmp_path / "forms.duckdb")
    old = os.environ.get("LOKALUTVECKLING_DB")
    os.environ["LOKALUTVECKLING_DB"] = str(path)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield path
    st.cache_resource.clear()
    st.cache_data.clear()
    if old is None:
        os.environ.pop("LOKALUTVECKLING_DB", None)
    else:
        os.environ["LOKALUTVECKLING_DB"] = old


def run(form: str, user: domain.User | None, lang: str = "sv") -> AppTest:
    at = AppTest.from_function(script, default_timeout=60)
    if user is not None:
        at.session_state[session.SIGNED_IN] = user
    at.query_params["form"] = form
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(markdown: str) -> str:
    """Markdown text as the reader sees it (ui.literal escapes punctuation as HTML entities or backslashes)."""
    return re.sub(r"\\(.)", r"\1", html.unescape(markdown))


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def submit(at: AppTest, label: str) -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_editor_marks_the_socialstyrelsen_report_as_submitted(store_copy):
    at = run("krav", EDITOR)
    assert "data R-2022-SOS: ej påbörjad NaT" in texts(at)
    assert any("Uppdatera återrapporteringen" in m.value and "SOS" in m.value for m in at.markdown)
    at.selectbox(key=f"andra_krav_{SOS}_status").set_value("inlämnad")
    at.date_input(key=f"andra_krav_{SOS}_inlamnad").set_value(date(2025, 3, 31))
    submit(at, "Spara återrapporteringen")
    assert [s.value for s in at.success] == [
        "Återrapporteringskravet R-2022-SOS (Stadskontoret till Socialstyrelsen) är sparat: status inlämnad, "
        "inlämnad 2025-03-31."
    ]
    assert "data R-2022-SOS: inlämnad 2025-03-31 00:00:00" in texts(at)
    # The form shows the saved row at its new version.
    assert at.selectbox(key=f"andra_krav_{SOS}~1_status").value == "inlämnad"
    assert "version 2" in at.caption[0].value


def test_two_clicks_mark_a_report_submitted_today(store_copy):
    at = run("krav", EDITOR, lang="en")
    at.selectbox(key=f"andra_krav_{SOS}_status").set_value("inlämnad")
    submit(at, "Save the reporting duty")
    today = domain.today().isoformat()
    assert [s.value for s in at.success] == [
        f"The reporting duty R-2022-SOS (Stadskontoret to Socialstyrelsen) is saved: status submitted, submitted {today}."
    ]
    assert f"data R-2022-SOS: inlämnad {today} 00:00:00" in texts(at)


@pytest.mark.parametrize("who", [None, READER], ids=["nobody", "lasare"])
@pytest.mark.parametrize("form", ["krav", "uppdrag", "new"])
def test_a_reader_is_shown_no_form(store_copy, form, who):
    at = run(form, who)
    assert not at.selectbox and not at.button and not at.date_input and not at.text_input and not at.expander
    assert "data R-2022-SOS: ej påbörjad NaT" in texts(at)


def test_a_new_uppdrag_is_refused_by_field_then_saved_and_listed(store_copy):
    at = run("new", EDITOR)
    assert at.expander[0].label == "Nytt uppdrag"
    submit(at, "Spara")
    [error] = [shown(e.value) for e in at.error]
    assert "Rubrik måste anges." in error and "Uppdraget som det står måste anges." in error
    assert "Givet som måste anges." in error and "Mottagare måste anges." in error
    assert not at.success
    at.text_input(key="nytt_uppdrag_rubrik").set_value("Följa upp de kraftsamlade insatserna")
    at.text_area(key="nytt_uppdrag_citat").set_value("Kommunstyrelsen ger stadskontoret i uppdrag att följa upp.")
    at.text_input(key="nytt_uppdrag_givare_organ").set_value("KS")
    at.text_input(key="nytt_uppdrag_mottagare").set_value("Stadskontoret")
    at.selectbox(key="nytt_uppdrag_givet_stadium").set_value("beslut")
    at.date_input(key="nytt_uppdrag_senast").set_value(date(2027, 6, 30))
    submit(at, "Spara")
    year = domain.today().year
    assert [s.value for s in at.success] == [
        f"Uppdraget U-{year}-001 (Följa upp de kraftsamlade insatserna) är sparat."
    ]
    assert f"data U-{year}-001: givet · Följa upp de kraftsamlade insatserna · 2027-06-30 00:00:00" in texts(at)
    assert at.text_input(key="nytt_uppdrag~1_rubrik").value == ""  # an empty form: a second click adds nothing


def test_reporting_back_needs_to_whom_and_two_editors_see_the_conflict_with_nothing_lost(store_copy):
    kim = run("uppdrag", EDITOR)
    sam = run("uppdrag", OTHER)
    prefix = f"andra_uppdrag_{GIVEN}"
    # Kim marks it reported back without saying to whom: refused, naming the fields.
    kim.selectbox(key=f"{prefix}_status").set_value("återrapporterat")
    submit(kim, "Spara")
    assert "Återrapporterat till" in shown(kim.error[0].value) and "Återrapporterat datum" in shown(kim.error[0].value)
    # Sam saves a due date first.
    sam.date_input(key=f"{prefix}_senast").set_value(date(2025, 12, 31))
    submit(sam, "Spara")
    assert [s.value for s in sam.success] == [f"Uppdraget {GIVEN} är sparat (1 fält ändrade)."]
    # Kim, still on version 1, completes the report-back and saves: a conflict, both versions shown.
    kim.text_input(key=f"{prefix}_ar_organ").set_value("KSAU")
    kim.date_input(key=f"{prefix}_ar_datum").set_value(date(2025, 2, 10))
    kim.selectbox(key=f"{prefix}_ar_stadium").set_value("förslag")
    submit(kim, "Spara")
    assert not kim.success
    assert "har ändrats av någon annan" in shown(kim.error[0].value) and "version 2" in shown(kim.error[0].value)
    table = kim.table[0].value
    assert table.loc["Återrapporterat till", "Din version"] == "KSAU"
    assert table.loc["Återrapporterat till", "Sparat nu (av någon annan)"] == ""
    assert table.loc["Status", "Din version"] == "återrapporterat"
    assert kim.text_input(key=f"{prefix}_ar_organ").value == "KSAU"  # what Kim typed is still in the form
    assert f"data {GIVEN}: givet · Föreslå områden för kraftsamlade insatser · 2025-12-31 00:00:00" in texts(kim)
    # Kim loads the saved version and saves the report-back on it.
    [reload] = [b for b in kim.button if b.label == "Ladda den sparade versionen"]
    reload.click().run()
    assert not kim.error
    assert kim.date_input(key=f"{prefix}~1_senast").value == date(2025, 12, 31)
    kim.selectbox(key=f"{prefix}~1_status").set_value("återrapporterat")
    kim.text_input(key=f"{prefix}~1_ar_organ").set_value("KSAU")
    kim.date_input(key=f"{prefix}~1_ar_datum").set_value(date(2025, 2, 10))
    kim.selectbox(key=f"{prefix}~1_ar_stadium").set_value("förslag")
    submit(kim, "Spara")
    assert [s.value for s in kim.success] == [f"Uppdraget {GIVEN} är sparat (4 fält ändrade)."]
    assert f"data {GIVEN}: återrapporterat · Föreslå områden för kraftsamlade insatser · 2025-12-31 00:00:00" in texts(
        kim
    )
