"""Text from the store is shown literally on every page: names with Markdown, Streamlit's colour directive,
HTML and URLs reach every element that reads Markdown only through `ui.literal`, and Plotly figures only
HTML-escaped.

A copy of the store gets an insats, a partner, a follow-up, a stop reason, a nämnd and an area whose
text is all of those at once, and an editor with such a display name; every page then runs through
AppTest, as a reader and as that editor. (What a browser shows of it: tests/e2e/test_literal_text.py.)"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lokalutveckling import auth, domain, ui, writes
from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT
from lokalutveckling.store import recovery
from lokalutveckling.ui import session
from tests.charts import charts
from tests.conftest import _copy_store

ENTRY = str(ROOT / "dashboard.py")
MARKUP = '**fet** :red[röd] <b>html</b> [länk](http://example.com) http://example.com/a_b "citat" & -> 1.'
NAME = f"Läxhjälp {MARKUP}"
PARTNER = f"Partner {MARKUP}"
FOLLOW_UP = f"Uppföljd {MARKUP}"
REASON = f"Stoppad {MARKUP}"
EDITOR = f"Kim {MARKUP}"
NAMND = f"Nämnd {MARKUP}"
AREA = f"Område {MARKUP}"
AREA_CODE = "7"  # the area with the fewest insatser: its list is a static table (up to 40 rows)
FLAGGED_AREA = f"Flaggat {MARKUP}"
FLAGGED_CODE = "9"  # Möllevången, Rådmansvången m fl: flagged on Behov och närvaro (a link to its profile)
# Raw pieces of the markup: none of them may reach an element that reads Markdown.
RAW = ("**fet**", ":red[", "<b>", "](http", "http://example")
READER_PAGES = [
    "pages/oversikt.py",
    "pages/karta.py",
    "pages/omrade.py",
    "pages/insatser.py",
    "pages/namnder.py",
    "pages/behov.py",
    "pages/effekt.py",
    "pages/kvalitet.py",
    "pages/beslut.py",
    "pages/uppdrag.py",
]


def shown(text: str) -> str:
    """What a reader sees of a Markdown body made by ui.literal (its character references decoded, its
    empty splitting directives gone); the e2e test checks this in Chromium."""
    return html.unescape(text.replace(":small[]", ""))


def markdown_bodies(at: AppTest) -> list[str]:
    """Every text AppTest reports that Streamlit reads as Markdown."""
    bodies: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "success", "info", "warning", "error"):
        bodies += [str(e.value) for e in getattr(at, kind)]
    bodies += [str(e.label) for e in at.expander] + [str(e.label) for e in at.toggle]
    bodies += [str(e.label) for e in at.checkbox] + [str(e.label) for e in at.tabs]
    bodies += [str(m.label) for m in at.metric] + [str(m.help or "") for m in at.metric]
    bodies += [str(link.proto.label) for link in at.get("page_link")] + [str(b.label) for b in at.button]
    for table in at.table:
        frame = table.value
        bodies += [str(v) for v in frame.index] + [str(v) for v in frame.to_numpy().ravel()]
    return bodies


def figure_strings(at: AppTest) -> list[str]:
    """Every text in the page's Plotly figures (names, labels, hover texts), as the browser gets it."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for chart in charts(at):
        walk(chart.spec)
    return found


PASSWORD = "ett-langt-testlosenord"


def write_hostile_texts(path: Path) -> dict[str, str]:
    """Put the markup into every kind of text of the store at `path` (a copy, with its journal): an
    insats with a partner and a follow-up, a stopped insats with its reason, a nämnd, an area and the
    editor "kim" (password PASSWORD) with such a display name. Returns the two insatser's ids."""
    con = recovery.open_store(path).con
    editor = domain.User("kim", EDITOR, "redaktor")
    try:
        fields = {
            "namn": NAME,
            "namnd_kod": "FRN",
            "finansiering_kod": "frn_kommunbidrag",
            "belopp_kr": 100_000,
            "startdatum": date(2025, 3, 1),
            "status": "pågående",
            "typ": "pilot",
            "fokus_kod": "utbildning",
            "omraden": [AREA_CODE],
            "partner_externa": [PARTNER],
        }
        running = writes.add_insats(con, editor, fields)
        writes.add_uppfoljning(
            con,
            editor,
            running,
            {"datum": date.today(), "vem": FOLLOW_UP, "vad": FOLLOW_UP, "effekt": "viss", "underlag": FOLLOW_UP},
        )
        stopped = writes.add_insats(con, editor, {**fields, "namn": f"Avbruten {MARKUP}"})
        version = writes.get_insats(con, stopped)["version"]
        writes.change_status(
            con, editor, stopped, "avbruten", datum=date.today(), anledning=REASON, expected_version=version
        )
        # Names the seeds give (no form edits them): written straight into this copy.
        con.execute("update namnder set kortnamn = $n where namnd_kod = 'FRN'", {"n": NAMND})
        for name, code in ((AREA, AREA_CODE), (FLAGGED_AREA, FLAGGED_CODE)):
            con.execute("update omraden set namn = $n where omrade_kod = $k", {"n": name, "k": code})
        auth.create_local_user(con, "kim", PASSWORD, namn=EDITOR, roll="redaktor")
    finally:
        con.close()
    return {"running": running, "stopped": stopped}


@pytest.fixture(scope="module")
def hostile(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A store copy holding the markup in every kind of text, the app's caches pointed at it."""
    path = _copy_store(built_store, tmp_path_factory.mktemp("literal") / "literal.duckdb")
    ids = write_hostile_texts(path)
    old = os.environ.get("LOKALUTVECKLING_DB")
    os.environ["LOKALUTVECKLING_DB"] = str(path)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield ids
    st.cache_resource.clear()
    st.cache_data.clear()
    if old is None:
        os.environ.pop("LOKALUTVECKLING_DB", None)
    else:
        os.environ["LOKALUTVECKLING_DB"] = old


def run(page: str, *, user: domain.User | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    if user is not None:
        at.session_state[session.SIGNED_IN] = user
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def assert_literal(at: AppTest) -> list[str]:
    """No raw markup in any Markdown body; returns the bodies that show the markup (decoded)."""
    bodies = markdown_bodies(at)
    leaked = [b for b in bodies if any(piece in b for piece in RAW)]
    assert not leaked, leaked
    # Plotly reads a subset of HTML in every text: the markup must arrive escaped.
    assert not [text for text in figure_strings(at) if "<b>html</b>" in text]
    return [b for b in bodies if MARKUP in shown(b)]


@pytest.mark.parametrize("page", READER_PAGES)
def test_every_page_shows_text_from_the_store_literally(hostile, page):
    assert_literal(run(page))


def test_the_insats_detail_shows_name_partner_follow_up_and_history_as_typed(hostile):
    at = run("pages/insatser.py", insats=hostile["running"])
    showing = assert_literal(at)
    assert at.subheader[0].value == ui.literal(f"{hostile['running']} · {NAME}")
    assert shown(at.subheader[0].value) == f"{hostile['running']} · {NAME}"
    cells = [str(v) for table in at.table for v in table.value.to_numpy().ravel()]
    assert ui.literal(PARTNER) in cells  # the facts
    assert ui.literal(FOLLOW_UP) in cells  # the follow-ups: who, what, basis
    assert ui.literal(NAMND) in cells  # the leading nämnd
    assert len(showing) >= 4
    # The register's grid shows text as is: the raw name, never escaped twice.
    register = at.dataframe[0].value.set_index("Id")
    assert register.loc[hostile["running"], "Insats"] == NAME
    assert register.loc[hostile["stopped"], "Varför avbruten"] == REASON


def test_the_stop_reason_in_the_history_is_literal(hostile):
    at = run("pages/insatser.py", insats=hostile["stopped"])
    assert_literal(at)
    cells = [str(v) for table in at.table for v in table.value.to_numpy().ravel()]
    assert ui.literal(REASON) in cells


def test_area_and_namnd_names_in_headings_tables_and_figures(hostile):
    area = run("pages/omrade.py", omrade=AREA_CODE)
    showing = assert_literal(area)
    assert ui.literal(AREA) in [h.value for h in area.header]
    cells = [str(v) for table in area.table for v in [*table.value.index, *table.value.to_numpy().ravel()]]
    assert ui.literal(NAME) in cells  # the area's insatser (a static table: up to 40 rows)
    assert len(showing) >= 2
    namnder = run("pages/namnder.py")
    assert_literal(namnder)
    texts = figure_strings(namnder)
    # e.g. the bars' nämnd axis and hover; quotes as typed (Plotly does not decode &quot;)
    assert any(html.escape(NAMND, quote=False) in text for text in texts)
    assert NAMND not in texts


def test_a_flagged_area_links_to_its_profile_by_its_name_as_typed(hostile):
    at = run("pages/behov.py")
    assert_literal(at)
    labels = [link.proto.label for link in at.get("page_link")]
    assert t("need_open_profile", "sv", namn=ui.literal(FLAGGED_AREA)) in labels


def test_the_signed_in_name_and_the_saved_message_are_literal(hostile):
    import datetime as dt

    editor = domain.User("kim", EDITOR, "redaktor")
    at = run("pages/insatser.py", user=editor)
    assert_literal(at)
    at.text_input(key="ny_namn").input(NAME)
    at.selectbox(key="ny_namnd_kod").set_value("FRN")
    at.selectbox(key="ny_finansiering_kod").set_value("frn_kommunbidrag")
    at.number_input(key="ny_belopp_kr").set_value(250_000)
    at.date_input(key="ny_startdatum").set_value(dt.date(2025, 2, 1))
    at.selectbox(key="ny_status").set_value("pågående")
    at.selectbox(key="ny_typ").set_value("pilot")
    at.selectbox(key="ny_fokus_kod").set_value("utbildning")
    at.multiselect(key="ny_omraden").set_value([AREA_CODE])
    at.button(key="FormSubmitter:ny_insats-Spara").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    saved = [s.value for s in at.success if "är sparad" in s.value]
    assert len(saved) == 1 and ui.literal(NAME) in saved[0] and shown(saved[0]).endswith(f"({NAME}) är sparad.")
    assert_literal(at)
    # The sidebar (AppTest reports it on the first run, before switch_page).
    first = AppTest.from_file(ENTRY, default_timeout=60)
    first.session_state[session.SIGNED_IN] = editor
    first.run()
    signed_in = [m.value for m in first.markdown if "Inloggad som" in m.value]
    assert signed_in == [f"Inloggad som **{ui.literal(EDITOR)}** (redaktör)."]
    assert_literal(first)


def test_the_data_and_account_pages_for_an_admin(hostile):
    admin = domain.User("ada", EDITOR, "admin")
    for page in ("pages/data.py", "pages/konton.py"):
        assert_literal(run(page, user=admin))
