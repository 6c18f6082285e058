"""Issue 15, items 3 and 5: the page Uppdrag och återrapportering and its line on Översikt and Nämnder.

The uppdrag are those of the source documents (../shared/seeds/): KS 2020-06-17 § 247 asked stadskontoret
to look into the structure of the local development work (STK-2020-773), reported back in KSAU 2024-09-09
§ 414 punkt 11, a proposal to KS; KSAU 2020-05-11 § 311 asked stadskontoret to apply to Delmos by
2020-05-15 (given, so overdue); KSAU 2024-09-09 § 414 punkt 2 proposes that fritidsnämnden starts the work
"under hösten 2024".
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lokalutveckling import data, domain, writes
from lokalutveckling.store import recovery
from lokalutveckling.ui import session
from lokalutveckling.views import dokument
from lokalutveckling.views import uppdrag as uv
from tests.charts import charts
from tests.test_pages import ENTRY, literal, plain
from tests.ui.test_literal_text import MARKUP, RAW, figure_strings, markdown_bodies, shown

PAGE = "pages/uppdrag.py"


def open_page(page: str = PAGE, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def register(at: AppTest) -> pd.DataFrame:
    """The table of all uppdrag as a reader sees it (ärende as the row label)."""
    heading = "Ärende"
    tables = [literal(tb.value) for tb in at.table if tb.value.index.name in (heading, "Case")]
    assert tables, "no table of uppdrag"
    return tables[0]


def shown_text(at: AppTest) -> str:
    return "\n".join(plain(m.value) for m in at.markdown)


def test_the_page_lists_every_uppdrag_with_its_origin_report_back_and_due_date(db_file, con):
    at = open_page()
    assert at.title[0].value == "Uppdrag och återrapportering"
    table = register(at)
    assert len(table) == len(data.uppdrag(domain.today(), con)) == 12
    struktur = table.loc["STK-2020-773"]
    assert struktur["Givet av"] == "KS 2020-06-17 § 247"
    assert struktur["Återrapporterat i"].startswith("KSAU 2024-09-09 § 414 p. 11 (förslag")
    assert struktur["Status"] == "återrapporterat"
    delmos = table[table["Uppdrag"] == "Söka medel från Delmos senast 2020-05-15"].iloc[0]
    assert delmos["Senast"] == "2020-05-15" and delmos["Status"] == "givet · Förfallen"
    frn = table[table["Mottagare"] == "Fritidsnämnden"].iloc[0]
    assert "hösten 2024" in frn["Senast"]
    assert frn["Givet av"] == "KSAU 2024-09-09 § 414 p. 2 (förslag till KF)"
    # The note is in the detail, the downloads and the report, not on screen: the table fits the page.
    assert not [c for c in table.columns if c.startswith("Anmärkning")]
    recorded = next(i for i in at.session_state[session.RECORDED].items if getattr(i, "key", "") == "uppdrag")
    reported = recorded.frame.set_index("Ärende").loc["STK-2020-773"]
    notes = next(
        i for i in at.session_state[session.RECORDED].items if getattr(i, "title", "") == "Anmärkningar till uppdragen"
    )
    assert (
        "STK-2020-773 (Utreda struktur och styrning av det lokala utvecklingsarbetet): Tjänsteskrivelsen" in notes.text
    )
    assert "STK-2021-623" in notes.text
    assert reported["Källdokument"] == "Stadskontorets tjänsteskrivelse 2022-08-12, rad 88"
    assert recorded.exempel.startswith("Inga exempeldata")
    # The document opens at the line the quote is on.
    assert "dok=002_653f0594ef9bb87d.txt&rad=88" in struktur["Källdokument"]
    text = shown_text(at)
    # The open list: the overdue one is marked with an icon and the word, not colour only.
    delmos_line = next(line for line in text.splitlines() if "Söka medel från Delmos" in line)
    assert ":material/warning: **Förfallen**" in delmos_line
    frn_line = next(line for line in text.splitlines() if "från hösten 2024" in line)
    assert "KSAU 2024-09-09 § 414 p. 2 (förslag till KF; beslutet finns inte bland källorna)" in frn_line
    assert "5 öppna uppdrag (1 förfallet) · 3 återrapporter att lämna (0 förfallna)" in text
    # The reporting duties, with the repayment risk quoted at its line, and the återrapport downloads.
    krav = next(literal(tb.value) for tb in at.table if tb.value.index.name == "Källa")
    assert len(krav) == 3
    assert "(rad 152)" in krav.loc["Statsbidrag Socialstyrelsen"].iloc[0]["Risk för återbetalning"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Återrapport (Word)" in labels and "Återrapport (PDF)" in labels


def test_the_detail_quotes_the_uppdrag_and_its_report_back_with_their_sources(db_file):
    at = open_page(uppdrag="U-2020-KS247-STRUKTUR")
    text = shown_text(at)
    assert "> i dialog med Malmö stads förvaltningar utreda struktur och styrning" in text
    assert "Återrapporterat i KSAU 2024-09-09 § 414 p. 11" in text
    assert "Kommunstyrelsen godkänner återrapporteringen av uppdraget i ärendet Samlat grepp" in text
    captions = "\n".join(plain(c.value) for c in at.caption)
    assert "dok=003_e0a6b3b1c5ce9486.txt&rad=71" in captions


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"up_status": "givet"}, {"STK-2018-1233": 1, "STK-2023-137": 4}),
        ({"arende": "STK-2023-137"}, {"STK-2023-137": 5}),
        ({"up_oppna": "true", "up_mottagare": "Kommunstyrelsen"}, {"STK-2023-137": 3}),
    ],
)
def test_filters_from_the_url_narrow_the_table(db_file, query, expected):
    at = open_page(**query)
    assert register(at).index.value_counts().to_dict() == expected


def test_the_chain_of_the_chosen_arende(db_file):
    at = open_page(arende="STK-2020-773")
    chart = next(c for c in charts(at) if c.key == "chart_uppdrag_kedja")
    traces = {tr["name"]: tr for tr in chart.spec["data"]}
    assert set(traces) == {"Beslut", "Uppdrag givet i beslut", "Återrapport, förslag"}
    assert traces["Beslut"]["marker"]["symbol"] == "circle"
    assert traces["Återrapport, förslag"]["marker"]["symbol"] == "diamond-open"  # a proposal: an open marker
    assert str(traces["Återrapport, förslag"]["x"][0]).startswith("2024-09-09")
    assert "rad 71" in traces["Återrapport, förslag"]["customdata"][0]
    sentence = shown_text(at)
    assert "STK-2020-773: uppdraget" in sentence
    assert "gavs av KS 2020-06-17 § 247 och återrapporterades i KSAU 2024-09-09 § 414 p. 11 (förslag" in sentence


def test_the_chain_events_of_an_arende_with_proposals_and_due_dates(con):
    idag = domain.today()
    u, beslut = data.uppdrag(idag, con), data.beslut_timeline(con=con)
    src = dokument.Sources.build(data.kallor(con), None)
    events = uv.chain_events("STK-2018-1233", u, beslut, src, "sv")
    kinds = events.groupby(["kind", "stadium"]).size().to_dict()
    # Delmos 2018, stadskontoret 2020, KSAU § 311 (proposal and decision), KS § 200, stadskontoret 2022.
    assert kinds[("beslut", "beslut")] == 3 and kinds[("beslut", "förslag")] == 3
    assert kinds[("uppdrag", "förslag")] == 1 and kinds[("uppdrag", "beslut")] == 3
    assert kinds[("senast", "forfallen")] == 1  # the Delmos application by 2020-05-15
    fig = uv.chain_figure(events, "STK-2018-1233", "sv")
    names = [tr.name for tr in fig.data]
    assert "Senast – förfallen" in names and "Förslag" in names and "Beslut" in names
    assert {tr.marker.symbol for tr in fig.data if tr.name == "Förslag"} == {"circle-open"}
    # The table's download and the report hold every note whole.
    table = uv.uppdrag_table(u, beslut, src, "sv")
    assert list(table["Anmärkning"]) == list(u["anmarkning"].fillna(""))


def test_oversikt_and_namnder_count_open_uppdrag_and_reports(db_file, con):
    idag = domain.today()
    u, k = data.uppdrag(idag, con), data.aterrapporteringskrav(idag, con)
    overall = uv.counts(u, k)
    assert (overall.uppdrag, overall.uppdrag_forfallna) == (int(u["oppet"].sum()), int(u["forfallet"].sum())) == (5, 1)
    assert (overall.krav, overall.krav_forfallna) == (3, 0)
    at = open_page("pages/oversikt.py")
    assert uv.counts_text(overall, "sv") in shown_text(at)
    assert any(link.proto.page == "uppdrag" or "uppdrag" in link.proto.page for link in at.get("page_link"))

    fritid = uv.counts(u, k, "FRN")
    assert (fritid.uppdrag, fritid.uppdrag_forfallna, fritid.krav) == (1, 0, 2)  # two krav are on every nämnd
    at = open_page("pages/namnder.py", nam_namnd="FRN")
    assert f"Fritid: {uv.counts_text(fritid, 'sv')}" in shown_text(at)


def test_in_english(db_file):
    at = open_page(lang="EN")
    assert at.title[0].value == "Mandates and reporting"
    assert [s.value for s in at.subheader] == [
        "Open mandates and reports",
        "All mandates",
        "The chain of a case",
        "Reporting duties",
    ]
    table = register(at)
    assert table.loc["STK-2020-773"]["Reported back in"].startswith("KSAU 2024-09-09 § 414 item 11 (proposal")
    assert "Report (Word)" in [b.proto.label for b in at.get("download_button")]


def test_a_reader_sees_no_forms_and_an_editor_gets_them(db_file):
    at = open_page(uppdrag="U-2020-KS247-STRUKTUR")
    assert not at.main.get("form")  # the sidebar holds the sign-in form
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["uppdrag"] = "U-2020-KS247-STRUKTUR"
    at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim Larsson", "redaktor")
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e for e in at.expander if e.label == "Nytt uppdrag"]
    shown = shown_text(at)
    assert "Uppdatera uppdraget U-2020-KS247-STRUKTUR" in shown
    assert "Uppdatera återrapporteringen R-2022-SOS" in shown  # one form per krav
    assert len(at.main.get("form")) == 1 + 1 + 3  # new uppdrag, the chosen uppdrag, the three krav


def test_text_from_an_editor_is_shown_literally(built_store, copy_store, tmp_path, monkeypatch):
    """Markup in an uppdrag's texts reaches no element that reads Markdown, and no figure's HTML."""
    path = copy_store(built_store, tmp_path / "store.duckdb")
    con = recovery.open_store(path).con
    try:
        uppdrag_id = writes.add_uppdrag(
            con,
            domain.User("kim", "Kim Larsson", "redaktor"),
            {
                "rubrik": f"Rubrik {MARKUP}",
                "arende": "STK-2099-1",
                "givare_organ": "KS",
                "givet_ar": 2021,
                "givet_stadium": "beslut",
                "mottagare": f"Mottagare {MARKUP}",
                "citat": f"Citat {MARKUP}",
                "status": "givet",
                "senast": date(2021, 6, 30),
                "aterrapport_organ": "KS",
                "aterrapport_stadium": "förslag",
                "aterrapport_text": f"Återrapport {MARKUP}",
                "anmarkning": f"Anmärkning {MARKUP}",
            },
        )
    finally:
        con.close()
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = open_page(uppdrag=uppdrag_id, kedja="STK-2099-1")
        bodies = markdown_bodies(at)
        for raw in RAW:
            assert not [b for b in bodies if raw in b], raw
        seen = "\n".join(shown(b) for b in bodies)
        for text in ("Rubrik", "Citat", "Återrapport", "Anmärkning", "Mottagare"):
            assert f"{text} {MARKUP}" in seen, text
        assert "Förfallen" in seen  # due 2021-06-30, still given
        strings = figure_strings(at)
        assert not [s for s in strings if "<b>html</b>" in s]
        assert any("Rubrik **fet**" in s for s in strings)
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


def test_the_arende_filter_draws_that_arendes_chain(db_file):
    at = open_page(arende="STK-2023-137")
    chart = next(c for c in charts(at) if c.key == "chart_uppdrag_kedja")
    assert chart.spec["layout"]["meta"]["title"] == "Kedjan i ärende STK-2023-137"
    points = {tr["name"]: [str(x)[:10] for x in tr["x"]] for tr in chart.spec["data"]}
    assert points == {
        "Beslut": ["2023-10-02"],  # KSAU § 430 sends the proposal out for consultation
        "Förslag": ["2024-09-09"],  # § 414: to KF and to KS, one marker whose hover lists both
        "Uppdrag givet i beslut": ["2023-07-01"],  # the budget 2023 mandate, dated by its year only
        "Uppdrag i förslag": ["2024-09-09"],  # § 414 p. 2, 6, 7 and 8
        "Återrapport, förslag": ["2024-09-09"],  # § 414 p. 1 reports the budget mandate back
    }
    proposals = next(tr for tr in chart.spec["data"] if tr["name"] == "Uppdrag i förslag")["customdata"][0]
    assert all(f"§ 414 p. {p}" in proposals for p in (2, 6, 7, 8))


def test_an_uppdrag_without_arende_is_named_by_its_id(con):
    u = (
        data.uppdrag(domain.today(), con)
        .head(1)
        .assign(arende=None, uppdrag_id="U-2025-001", anmarkning="Egen notering")
    )
    assert uv.notes_note(u, "sv").text == f"U-2025-001 ({u['rubrik'].iloc[0]}): Egen notering"
