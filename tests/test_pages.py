"""Every page through Streamlit's AppTest: headings, real figures, provenance, filters and language."""

from __future__ import annotations

import gc
import html
import re

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lokalutveckling import domain
from lokalutveckling.paths import ROOT
from lokalutveckling.store import recovery

ENTRY = str(ROOT / "dashboard.py")
PAGES = {
    "pages/oversikt.py": "Översikt",
    "pages/karta.py": "Karta",
    "pages/omrade.py": "Område",
    "pages/insatser.py": "Insatser",
    "pages/namnder.py": "Nämnder",
    "pages/behov.py": "Behov och närvaro",
    "pages/effekt.py": "Vad ger effekt",
    "pages/kvalitet.py": "Datakvalitet",
    "pages/beslut.py": "Beslut och källor",
    "pages/uppdrag.py": "Uppdrag och återrapportering",
}
NBSP = "\u00a0"


def run_app(page: str | None = None, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def reset_caches() -> None:
    """Forget every cached result and the cached store connection. The dropped connection stays open
    until it is collected, and DuckDB refuses another connection to the same file with a different
    configuration meanwhile: collect it now, so the next test does not depend on when that happens."""
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()


def plain(value: object) -> object:
    """Markdown text as a reader sees it: ui.literal's character references decoded, its empty splitting
    directives dropped."""
    return html.unescape(value.replace(":small[]", "")) if isinstance(value, str) else value


def literal(frame: pd.DataFrame) -> pd.DataFrame:
    """A static table's cells and row labels as a reader sees them (ui.static_table escapes Markdown)."""
    out = frame.map(plain)
    out.index = [plain(v) for v in frame.index]
    out.index.name = frame.index.name
    return out


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize(("page", "heading"), PAGES.items())
def test_every_page_renders_its_heading_without_errors(db_file, page, heading):
    at = run_app(page)
    assert at.title[0].value == heading
    assert not at.error


def test_oversikt_shows_real_totals_and_the_mismatch(db_file):
    at = run_app()
    metrics = {m.label: m.value for m in at.metric}
    # Per year and stage, never one sum across them: only Delmos' 290 000 kr is a decision in the sources.
    money = {k: v for k, v in metrics.items() if "·" in k}
    assert money == {
        "2018 · beslut": f"0,3{NBSP}mnkr",
        "2022 · förslag": f"33,6{NBSP}mnkr",
        "2024 · förslag": f"5,3{NBSP}mnkr",
        "2025 · förslag": f"12,6{NBSP}mnkr",
    }
    captions = [c.value for c in at.caption]
    assert f"290{NBSP}000{NBSP}kr · Delmos" in captions
    assert f"33{NBSP}600{NBSP}000{NBSP}kr · Stadskontoret 2022-08-12, beslut planerat i KS 2022-08-17" in captions
    assert f"12{NBSP}600{NBSP}000{NBSP}kr · KSAU 2024-09-09 § 414, beslut planerat i KF" in captions
    assert "Tilldelat totalt" not in metrics
    assert metrics["Kraftsamlande områden"] == "3 av 14"
    warning = at.warning[0].value
    assert f"19{NBSP}700{NBSP}000{NBSP}kr" in warning and f"18{NBSP}600{NBSP}000{NBSP}kr" in warning
    assert "Stadskontorets tjänsteskrivelse 2022-08-12, rad 193" in plain(warning)  # a link when documents are set
    body = texts(at)
    assert "Enligt förslag i tjänsteskrivelse 2022-08-12, beslut planerat i KS 2022-08-17." in body
    assert "exempeldata" in body.lower()


def test_filters_come_from_the_url(db_file):
    at = run_app(ar="2022", kalla="KS anslag till förfogande")
    metrics = {m.label: m.value for m in at.metric if "·" in m.label}
    # The proposal's KS money, and the view's total: the granted insatser of that money (all of it).
    assert metrics == {"2022 · förslag": f"15,0{NBSP}mnkr", "I vyn · 2022": f"15,0{NBSP}mnkr"}
    assert at.multiselect(key="ar").value == [2022]
    assert at.multiselect(key="kalla").value == ["ks_anslag"]


def test_namnd_filter_narrows_every_figure(db_file):
    at = run_app(ar="2022", namnd="Grundskola")
    metrics = {m.label: m.value for m in at.metric if "·" in m.label and not m.label.startswith("I vyn")}
    assert metrics == {"2022 · förslag": f"5,1{NBSP}mnkr"}  # 4 400 000 + 720 000


def test_english_switch(db_file):
    at = run_app(lang="EN")
    assert at.title[0].value == "Overview"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["2022 · proposal"] == f"SEK{NBSP}33.6m" and metrics["2018 · decision"] == f"SEK{NBSP}0.3m"


def test_beslut_page_lists_lines_as_written(db_file):
    at = run_app("pages/beslut.py", ar="2022")
    frames = [table.value.reset_index() for table in at.table]
    written = next(f for f in frames if "Mottagare (som i källan)" in f.columns)
    row = written[written["Mottagare (som i källan)"] == "Grundskolenämnden"]
    assert sorted(row["Kronor"].tolist()) == [f"4{NBSP}400{NBSP}000{NBSP}kr", f"720{NBSP}000{NBSP}kr"]
    lines = sorted(plain(v).split("2022-08-12, rad ")[1][:3] for v in row["Källdokument"])
    assert lines == ["171", "187"]  # the document by name and line (a link to it, see tests/test_documents.py)
    chain = next(f for f in frames if "Organ" in f.columns)
    # The chain follows the year filter: 2022 holds the tjänsteskrivelse of 2022-08-12 only.
    assert set(chain["Organ"]) == {"Stadskontoret"}
    assert len(at.get("download_button")) == 6  # CSV and Excel for each of the three tables


def test_karta_reports_coverage_for_the_chosen_year(db_file, monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(ROOT.parent / "shared" / "geo"))
    st.cache_data.clear()
    at = run_app("pages/karta.py", karta_ar="2020")
    body = texts(at)
    assert "4 av 14 områden har områdesteam, 0 är kraftsamlande." in body
    # The boundaries by what they are; the file's name is in the editors' help (tests/test_reader_text.py).
    assert "Gränser: Malmö stads 136 delområden" in body and "malmo_delomraden_wgs84.geojson" not in body
    assert not at.warning
    table = literal(at.table[0].value).reset_index()
    assert table.loc[table["Område"] == "Örtagården, Herrgården m fl", "Områdesteam sedan"].item() == "2019-01-01"


def test_karta_without_boundary_files_says_it_is_schematic(db_file, monkeypatch, tmp_path):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(tmp_path / "missing.geojson"))
    monkeypatch.setattr("lokalutveckling.geo.DOWNLOADED", tmp_path / "none.geojson")
    st.cache_data.clear()
    at = run_app("pages/karta.py")
    assert "Schematisk karta" in at.warning[0].value
    st.cache_data.clear()


def test_karta_colours_by_an_indicator_from_the_url(db_file, monkeypatch, con):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(ROOT.parent / "shared" / "geo"))
    at = run_app(
        "pages/karta.py",
        karta_farg="Indikator",
        karta_indikator="Arbetsmarknad: Förvärvsfrekvens 20–64 år",
        karta_indikator_ar_forvarvsfrekvens="2020",
    )
    city = con.execute(
        "select varde from indikatorvarden where indikator_kod = 'forvarvsfrekvens' and ar = 2020 and omrade_kod = '0'"
    ).fetchone()[0]
    body = texts(at)
    assert f"Malmö som helhet: {str(city).replace('.', ',')} procent" in body
    assert "högre värde är bättre" in body
    table = at.table[0].value.reset_index()
    column = "Förvärvsfrekvens 20–64 år 2020 (procent)"
    assert table[column].str.fullmatch(r"\d+,\d").sum() == 14


def test_karta_kronor_per_inhabitant_keeps_hela_staden_apart(db_file, monkeypatch, con):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(ROOT.parent / "shared" / "geo"))
    at = run_app("pages/karta.py", karta_farg="Insatsernas kronor", ar="2022")
    n_city, kr_city = con.execute(
        "select count(*), sum(belopp_kr) from v_insatser where hela_staden and ar = 2022 and status <> 'föreslagen'"
    ).fetchone()
    body = texts(at)
    assert (
        f"Därtill {n_city} insatser för hela staden ({kr_city:,} kr)".replace(",", NBSP).replace(" kr)", f"{NBSP}kr)")
        in body
    )
    table = at.table[0].value.reset_index()
    shown = table["Kronor"].str.replace(NBSP, "").str.removesuffix("kr").astype(int)
    granted = con.execute(
        "select sum(belopp_kr) from v_insatser where ar = 2022 and status <> 'föreslagen'"
    ).fetchone()[0]
    assert abs(shown.sum() + kr_city - granted) <= 14  # each area rounded to whole kronor for display


def test_omrade_profile_from_the_url(db_file, con):
    at = run_app(
        "pages/omrade.py",
        omrade="Örtagården, Herrgården m fl",
        omrade_indikator="Arbetsmarknad: Förvärvsfrekvens 20–64 år",
    )
    assert at.header[0].value == "Örtagården, Herrgården m fl"
    body = texts(at)
    # The area in a few words (narrative.area_summary), from the seeds' områdesteam and kraftsamling.
    assert "Örtagården, Herrgården m fl har områdesteam sedan 2019-01-01 och är kraftsamlande." in plain(body)
    key_figures = at.table[0].value.reset_index()
    city_2024 = con.execute(
        "select varde from indikatorvarden where indikator_kod = 'forvarvsfrekvens' and ar = 2024 and omrade_kod = '0'"
    ).fetchone()[0]
    row = key_figures[key_figures["Indikator"] == "Förvärvsfrekvens 20–64 år"].iloc[0]
    assert row["Malmö"] == f"{city_2024:.1f}".replace(".", ",")
    people = con.execute(
        "select varde from indikatorvarden where indikator_kod = 'folkmangd' and omrade_kod = '10' order by ar desc"
    ).fetchone()[0]
    folk = key_figures[key_figures["Indikator"] == "Folkmängd"].iloc[0]
    assert folk["Området"] == f"{int(people):,}".replace(",", NBSP)  # a count: no decimals
    insatser = at.table[1].value.reset_index()
    n_here = con.execute("select count(*) from insats_omraden where omrade_kod = '10'").fetchone()[0]
    n_city = con.execute("select count(*) from insatser where hela_staden").fetchone()[0]
    assert len(insatser) == n_here + n_city
    assert set(insatser["Var"]) == {"området", "hela staden"}


def test_behov_states_its_rule_and_flags_by_it(db_file):
    at = run_app("pages/behov.py")
    rule = next(i.value for i in at.info if "Regeln" in i.value)
    assert "de valda indikatorerna (5 st, senaste år: 2024)" in rule
    assert "hör till de 5 av 14 områden som har högst behovsindex och har högst 1 av 3 närvaromarkörer" in rule
    table = at.table[0].value.reset_index()
    assert len(table) == 14
    flagged = table[table["Flagga"] == "flaggat"]
    assert not flagged.empty
    assert all(int(r) <= 5 for r in flagged["Behovsrang"])
    assert all(m in ("0 / 3", "1 / 3") for m in flagged["Närvaromarkörer"])
    # Every high-need area that is not flagged has at least two presence markers.
    high = table[table["Behovsrang"].astype(int) <= 5]
    assert all(m in ("2 / 3", "3 / 3") for m in high.loc[high["Flagga"] == "", "Närvaromarkörer"])


def test_behov_with_one_indicator_ranks_by_its_values(db_file, con):
    at = run_app("pages/behov.py", behov_indikatorer=["Arbetsmarknad: Hushåll med ekonomiskt bistånd"])
    table = at.table[0].value.reset_index()
    worst = con.execute(
        "select o.namn from indikatorvarden v join omraden o using (omrade_kod) "
        "where v.indikator_kod = 'ekonomiskt_bistand' and v.ar = 2024 and o.niva = 'statistikomrade' "
        "order by v.varde desc limit 1"
    ).fetchone()[0]
    first = table[table["Behovsrang"] == "1"].iloc[0]
    assert first["Område"] == worst
    assert first["Behovsindex"] == "1,0" and first["Indikatorer"] == 1
    assert "(1 st, senaste år: 2024)" in next(i.value for i in at.info if "Regeln" in i.value)


def test_omrade_lists_similar_areas_with_the_weights_used(db_file):
    at = run_app(
        "pages/omrade.py",
        omrade="Lindängen, Almvik m fl",
        omrade_likhet=["Arbetsmarknad: Förvärvsfrekvens 20–64 år", "Boende: Trångboddhet (norm 2)"],
    )
    body = texts(at)
    assert "med vikterna Förvärvsfrekvens 20–64 år × 1, Trångboddhet (norm 2) × 1" in body
    similar = at.table[-1].value.reset_index()
    assert similar["Område"].iloc[0] == "Lindängen, Almvik m fl" and similar["Avstånd"].iloc[0] == "0,00"
    assert len(similar) == 6
    distances = [float(d.replace(",", ".")) for d in similar["Avstånd"]]
    assert distances == sorted(distances) and distances[1] > 0
    # Weight 0 on one indicator: the ranking is by the other one alone.
    at.select_slider(key="omrade_vikt_trangboddhet").set_value(0).run()
    assert "med vikterna Förvärvsfrekvens 20–64 år × 1." in texts(at)
    only_work = at.table[-1].value.reset_index()
    values = only_work["Förvärvsfrekvens 20–64 år (procent)"].str.replace(",", ".").astype(float)
    gaps = (values - values.iloc[0]).abs().tolist()
    assert gaps[1:] == sorted(gaps[1:])


def test_insatser_register_search_and_filters(db_file, con):
    at = run_app("pages/insatser.py")
    n_all = con.execute("select count(*) from insatser").fetchone()[0]
    assert at.metric[0].value == str(n_all)
    at = run_app("pages/insatser.py", sok="UNIVERSITET")
    shown = at.dataframe[0].value
    expected = con.execute(
        "select count(distinct insats_id) from insats_partner where partner_namn ilike '%universitet%'"
    ).fetchone()[0]
    assert len(shown) == expected > 0 and set(shown["Partner"]) == {"Malmö universitet"}
    at = run_app("pages/insatser.py", status="avbruten", ins_omrade="Lindängen, Almvik m fl")
    shown = at.dataframe[0].value
    expected = con.execute(
        "select count(*) from insatser i where status = 'avbruten' and (hela_staden or exists "
        "(select 1 from insats_omraden o where o.insats_id = i.insats_id and o.omrade_kod = '12'))"
    ).fetchone()[0]
    assert len(shown) == expected > 0
    assert set(shown["Status"]) == {"avbruten"}
    assert all(v == "hela staden" or "Lindängen" in v for v in shown["Var"])
    # On screen each area by its first name; the download has them in full.
    assert not any("m fl" in v for v in shown["Var"])
    assert any(v.split("; ").count("Lindängen") == 1 for v in shown["Var"])


def test_insats_detail_from_the_url_traces_its_money(db_file):
    at = run_app("pages/insatser.py", insats="INS-002 · Jobbspår unga vuxna")
    assert plain(at.subheader[0].value) == "INS-002 · Jobbspår unga vuxna"
    body = texts(at)
    assert f"480{NBSP}000{NBSP}kr av raden 1{NBSP}300{NBSP}000{NBSP}kr ur *KS anslag till förfogande* 2022" in body
    assert "Förslag av Stadskontoret 2022-08-12: Fördelning av 15 000 000 kr" in body
    assert "Källa: " in body and "Stadskontorets tjänsteskrivelse 2022-08-12, rad 35" in plain(body)
    assert "tilldelningen: " in body and "Stadskontorets tjänsteskrivelse 2022-08-12, rad 167" in plain(body)
    facts = at.table[0].value
    assert facts.loc["Nämnd", "Värde"] == "Arbetsmarknad och social"
    assert facts.loc["Källa", "Värde"] == "exempeldata"


def test_namnder_side_by_side_with_real_money_and_the_receiver_warning(db_file, con):
    at = run_app("pages/namnder.py")
    note = next(i.value for i in at.info if "inte alltid den som gör arbetet" in i.value)
    assert "De till nämnderna föreslagna beloppen kan därför inte användas som en jämförelse" in note
    assert "Tjänsteskrivelse 2022-08-12, rad 156" in note
    table = at.table[0].value
    grundskola = table.loc["Grundskola"]
    # Proposed in 2022 (002, lines 171 and 187), never called received; Delmos' decision of 2018 went to KS.
    assert grundskola["Föreslaget 2022, kr"] == f"5{NBSP}120{NBSP}000{NBSP}kr"
    assert grundskola["Beslutat 2018, kr"] == f"0{NBSP}kr"
    leads = con.execute("select count(*) from insatser where namnd_kod = 'FRN'").fetchone()[0]
    partner = con.execute(
        "select count(distinct p.insats_id) from insats_partner p join insatser i using (insats_id) "
        "where p.namnd_kod = 'FRN' and i.namnd_kod <> 'FRN'"
    ).fetchone()[0]
    assert table.loc["Fritid", "Leder"] == leads and table.loc["Fritid", "Partner i"] == partner
    running = con.execute("select count(*) from insatser where namnd_kod = 'FRN' and status = 'pågående'").fetchone()[0]
    assert f"pågående {running}" in table.loc["Fritid", "Det den leder, per status"]


def test_one_namnd_lists_what_it_leads_and_partners_in(db_file, con):
    at = run_app("pages/namnder.py", nam_namnd="Fritid")
    rows = at.table[-1].value.reset_index()
    roles = rows["Roll"].value_counts().to_dict()
    leads = con.execute("select count(*) from insatser where namnd_kod = 'FRN'").fetchone()[0]
    partner = con.execute(
        "select count(distinct p.insats_id) from insats_partner p join insatser i using (insats_id) "
        "where p.namnd_kod = 'FRN' and i.namnd_kod <> 'FRN'"
    ).fetchone()[0]
    assert roles == {"leder": leads, "partner": partner}
    assert "Fritid" not in set(rows.loc[rows["Roll"] == "partner", "Leds av"])


def test_follow_up_flags_on_oversikt_insatser_and_namnder(db_file, con):
    from datetime import date

    counts = con.execute(
        "select count(*) filter (where status = 'pågående' and slutdatum < $d) from insatser", {"d": date.today()}
    ).fetchone()[0]
    at = run_app()
    flagged = next(m for m in at.metric if m.label == "Behöver uppföljning")
    assert f"{counts} efter slutdatum" in texts(at)
    at = run_app("pages/insatser.py", flaggade="true")
    shown = at.dataframe[0].value
    assert len(shown) == int(flagged.value) > 0
    assert all(v for v in shown["Varför flaggad"])
    assert (shown["Varför flaggad"].str.contains("pågår efter slutdatum")).sum() == counts
    at = run_app("pages/namnder.py")
    assert at.table[0].value["Behöver uppföljning"].sum() == int(flagged.value)


def test_insats_detail_shows_follow_ups_and_status_history(db_file, con):
    insats_id, namn, n = con.execute(
        "select i.insats_id, i.namn, count(*) from insatser i join uppfoljningar u using (insats_id) "
        "group by all order by count(*) desc, i.insats_id limit 1"
    ).fetchone()
    at = run_app("pages/insatser.py", insats=f"{insats_id} · {namn}")
    followups = next(tb.value for tb in at.table if "Vad som gjorts" in tb.value.reset_index().columns)
    assert len(followups) == n
    moves = con.execute("select till_status from statushistorik where insats_id = $i order by datum", {"i": insats_id})
    history = next(tb.value for tb in at.table if "Till" in tb.value.reset_index().columns).reset_index()
    assert history["Till"].tolist() == [s for (s,) in moves.fetchall()]
    assert "Inga ändringar gjorda i appen." in texts(at)


def _insatser_app(**secrets: object) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.query_params["insats"] = "INS-002 · Jobbspår unga vuxna"
    return at


def test_a_reader_sees_no_edit_controls(db_file):
    at = _insatser_app()
    at.run()
    # The sidebar as AppTest sees it on the first run (after switch_page it reports only the page).
    assert "Logga in för att redigera" in [e.label for e in at.expander]
    at.switch_page("pages/insatser.py").run()
    assert not at.exception
    assert plain(at.subheader[0].value) == "INS-002 · Jobbspår unga vuxna"
    assert not at.tabs and not [e for e in at.expander if e.label == "Ny insats"]


def test_a_signed_in_editor_gets_the_forms(db_file):
    from lokalutveckling.ui import session

    at = _insatser_app()
    at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim Larsson", "redaktor")
    at.run()
    assert "Inloggad som **Kim Larsson** (redaktör)." in [m.value for m in at.markdown]
    assert "Logga in för att redigera" not in [e.label for e in at.expander]
    at.switch_page("pages/insatser.py").run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Ändra uppgifter", "Ändra status", "Ny uppföljning"]
    assert [e for e in at.expander if e.label == "Ny insats"]
    # The status form offers only the moves allowed from avslutad: none.
    assert "Status är avslutad: en slutlig status, som inte kan ändras." in texts(at)


def test_with_an_identity_provider_the_sign_in_is_single_sign_on(db_file):
    at = _insatser_app(auth={"redirect_uri": "http://localhost/oauth2callback", "cookie_secret": "x" * 32})
    at.run()
    assert "Logga in (redaktörer)" in [b.label for b in at.sidebar.button]
    assert "Logga in för att redigera" not in [e.label for e in at.expander]


def test_an_admin_manages_accounts_and_a_reader_cannot_reach_the_page(db_file):
    from lokalutveckling.ui import session

    reader = AppTest.from_file(ENTRY, default_timeout=60)
    reader.run()
    with pytest.raises(Exception, match="konton"):
        reader.switch_page("pages/konton.py").run()

    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.session_state[session.SIGNED_IN] = domain.User("ada", "Ada Admin", "admin")
    at.run()
    at.switch_page("pages/konton.py").run()
    assert at.title[0].value == "Konton"
    at.text_input(key="konto_namn").input("sam.berg")
    at.text_input(key="konto_fullt").input("Sam Berg")
    at.text_input(key="konto_losen").input("kort")
    at.button[0].click().run()
    assert "Lösenordet ska ha minst 10 tecken." in [e.value for e in at.error]
    at.text_input(key="konto_losen").input("ett-tillräckligt-långt-lösen")
    at.button[0].click().run()
    assert not at.exception and not at.error
    accounts = literal(at.table[0].value)
    assert accounts.loc["sam.berg", "Namn"] == "Sam Berg" and accounts.loc["sam.berg", "Roll"] == "redaktör"
    assert accounts.loc["sam.berg", "Lösenord satt"] == "ja"


def test_an_edited_store_is_kept_when_the_seeds_change_and_the_sidebar_says_so(
    db_file, seed_copy, tmp_path, monkeypatch
):
    from lokalutveckling import store, writes

    path = tmp_path / "redigerad.duckdb"
    insatser = seed_copy / "insatser.csv"
    insatser.write_text(insatser.read_text(encoding="utf-8").replace("Jobbspår", "Jobbspåret"), encoding="utf-8")
    store.build_file(path, seed_copy)
    con = recovery.open_store(path, seed_copy).con
    writes.add_user(
        con,
        domain.User("ada", "Ada", "admin"),
        {"anvandarnamn": "sam", "namn": "Sam", "e_post": "s@m.se", "roll": "redaktor"},
    )
    con.close()
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    reset_caches()
    try:
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.run()
        assert not at.exception
        assert any("har därför inte byggts om" in w.value for w in at.warning)
    finally:
        reset_caches()
    con = store.connect(path)
    assert con.execute("select namn from insatser where insats_id = 'INS-002'").fetchone()[0] == "Jobbspåret unga vuxna"
    con.close()


def test_html_in_an_insats_name_is_text_in_the_register_the_detail_and_the_area_page(db_file, tmp_path, monkeypatch):
    import shutil
    from datetime import date

    from lokalutveckling import writes

    path = tmp_path / "xss.duckdb"
    shutil.copyfile(db_file, path)
    con = recovery.open_store(path).con
    hostile = '<img src=x onerror="alert(1)"> **fet** [länk](javascript:alert(2))'
    new_id = writes.add_insats(
        con,
        domain.User("kim", "Kim", "redaktor"),
        {
            "namn": hostile,
            "namnd_kod": "FRN",
            "finansiering_kod": "frn_kommunbidrag",
            "belopp_kr": 100_000,
            "startdatum": date(2025, 3, 1),
            "status": "pågående",
            "typ": "pilot",
            "fokus_kod": "utbildning",
            "omraden": ["12"],
        },
    )
    con.close()
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    reset_caches()
    try:
        at = run_app("pages/insatser.py", insats=f"{new_id} · {hostile}")
        register = at.dataframe[0].value
        assert hostile in set(register["Insats"])  # the grid shows text, never HTML
        heading = at.subheader[0].value
        assert "<img" not in heading and "**fet**" not in heading and plain(heading).endswith(hostile)
        assert "Ingen tilldelning är angiven för insatsen." in texts(at)  # running, with no allocation line
        area = run_app("pages/omrade.py", omrade="Lindängen, Almvik m fl")
        frames = [tb.value.reset_index() for tb in area.table] + [d.value for d in area.dataframe]
        insatser = next(f for f in frames if "Insats" in f.columns)
        assert hostile in set(insatser["Insats"])
    finally:
        reset_caches()


def test_data_quality_finds_what_is_wrong_and_links_to_it(db_file, tmp_path, monkeypatch):
    import shutil
    from datetime import date

    from lokalutveckling import writes

    clean = run_app("pages/kvalitet.py")
    assert "Varje tilldelningsrad motsvaras exakt av sina insatser." in [s.value for s in clean.success]
    shares = clean.table[-1].value
    # The tables by their readable names (editor_help.table_name), not their names in the store.
    assert shares.loc["Insatser", "Varav exempeldata"] == "66" and shares.loc["Tilldelningar", "Andel"] == "0\u00a0%"

    path = tmp_path / "kvalitet.duckdb"
    shutil.copyfile(db_file, path)
    con = recovery.open_store(path).con
    new_id = writes.add_insats(
        con,
        domain.User("kim", "Kim", "redaktor"),
        {"namn": "Sommarjobb", "namnd_kod": "FRN", "finansiering_kod": "frn_kommunbidrag", "belopp_kr": 50_000,
         "startdatum": date(2025, 6, 1), "status": "pågående", "typ": "ny", "fokus_kod": "arbetsmarknad",
         "hela_staden": True},
    )  # fmt: skip
    con.execute("delete from indikatorvarden where indikator_kod = 'otrygghet' and omrade_kod = '7' and ar = 2020")
    con.close()
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    reset_caches()
    try:
        at = run_app("pages/kvalitet.py")
        frames = {tuple(d.value.columns): d.value for d in at.dataframe}
        no_alloc = next(f for cols, f in frames.items() if "Insats" in cols and "Kronor" in cols)
        assert no_alloc["Id"].tolist() == [new_id]
        assert no_alloc["Öppna"].tolist() == [f"/insatser?insats={new_id}"]
        missing = next(f for cols, f in frames.items() if "Indikator" in cols)
        assert missing.to_dict("records") == [
            {"Indikator": "Känner sig otrygg ute sent på kvällen", "Område": "Ribersborg, Bellevue m fl", "År": 2020}
        ]
    finally:
        reset_caches()


def test_the_data_page_is_for_editors_only(db_file):
    from lokalutveckling.ui import session

    reader = AppTest.from_file(ENTRY, default_timeout=60)
    reader.run()
    with pytest.raises(Exception, match="data"):
        reader.switch_page("pages/data.py").run()
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim", "redaktor")
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert [h.value for h in at.subheader] == ["Importera en fil", "Hela databasen"]  # no admin sections
    assert at.selectbox(key="imp_typ").options == [
        "Insatser",
        "Tilldelningar",
        "Indikatorvärden",
        "Områdesteam",
        "Kraftsamling",
    ]


def _own_store(db_file, tmp_path, monkeypatch, name: str):
    """A copy of the store for a test that writes, with the app's caches pointed at it."""
    import shutil

    path = tmp_path / name
    shutil.copyfile(db_file, path)
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    reset_caches()
    return path


def test_two_editors_saving_the_same_insats_the_second_sees_both_versions(db_file, tmp_path, monkeypatch):
    from lokalutveckling import writes
    from lokalutveckling.store import cache
    from lokalutveckling.ui import session

    _own_store(db_file, tmp_path, monkeypatch, "konflikt.duckdb")
    try:
        at = _insatser_app()
        at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim", "redaktor")
        at.run()
        at.switch_page("pages/insatser.py").run()
        assert "Du redigerar version 1." in texts(at)
        # Meanwhile another editor saves the same insats.
        con = cache.connection()
        writes.update_insats(con, domain.User("sam", "Sam", "redaktor"), "INS-002", {"malgrupp": "unga 18–24"}, 1)
        at.text_input(key="andra_INS-002_namn").input("Jobbspår för unga vuxna")
        at.button(key="FormSubmitter:andra_INS-002-Spara").click().run()
        assert any("har ändrats av någon annan sedan du öppnade den" in e.value for e in at.error)
        both = next(tb.value for tb in at.table if "Din version" in tb.value.columns)
        assert both.loc["Namn", "Din version"] == "Jobbspår för unga vuxna"
        assert both.loc["Namn", "Sparat nu (av någon annan)"] == "Jobbspår unga vuxna"
        stored = writes.get_insats(con, "INS-002")
        assert (stored["namn"], stored["malgrupp"], stored["version"]) == ("Jobbspår unga vuxna", "unga 18–24", 2)
    finally:
        reset_caches()


def test_after_a_conflict_the_editor_loads_the_saved_version_and_saves_again(db_file, tmp_path, monkeypatch):
    from lokalutveckling import writes
    from lokalutveckling.store import cache
    from lokalutveckling.ui import session

    _own_store(db_file, tmp_path, monkeypatch, "konflikt_ladda.duckdb")
    try:
        at = _insatser_app()
        at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim", "redaktor")
        at.run()
        at.switch_page("pages/insatser.py").run()
        con = cache.connection()
        writes.update_insats(con, domain.User("sam", "Sam", "redaktor"), "INS-002", {"malgrupp": "unga 18–24"}, 1)
        at.text_input(key="andra_INS-002_namn").input("Jobbspår för unga vuxna")
        at.button(key="FormSubmitter:andra_INS-002-Spara").click().run()
        # The conflict stays on screen in the next runs, with the button that loads the saved version.
        at.run()
        assert any("har ändrats av någon annan" in e.value for e in at.error)
        at.button(key="ladda_om_INS-002").click().run()
        assert not at.exception and not at.error
        assert "Du redigerar version 2." in texts(at)
        # The form's fields are drawn afresh (new keys: the browser drops what was typed) from the saved version.
        assert at.text_input(key="andra_INS-002~1_malgrupp").value == "unga 18–24"
        assert at.text_input(key="andra_INS-002~1_namn").value == "Jobbspår unga vuxna"
        assert "andra_INS-002_namn" not in at.session_state
        at.text_input(key="andra_INS-002~1_namn").input("Jobbspår för unga vuxna")
        at.button(key="FormSubmitter:andra_INS-002-Spara").click().run()
        assert not at.error
        assert any("INS-002" in s.value for s in at.success)
        stored = writes.get_insats(con, "INS-002")
        assert (stored["namn"], stored["malgrupp"], stored["version"]) == ("Jobbspår för unga vuxna", "unga 18–24", 3)
        assert "Du redigerar version 3." in texts(at)
    finally:
        reset_caches()


def test_saving_a_new_insats_clears_the_form_so_a_second_click_adds_nothing(db_file, tmp_path, monkeypatch):
    import datetime as dt

    from lokalutveckling.store import cache
    from lokalutveckling.ui import session

    _own_store(db_file, tmp_path, monkeypatch, "ny_insats.duckdb")
    try:
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim", "redaktor")
        at.run()
        at.switch_page("pages/insatser.py").run()
        con = cache.connection()
        before = con.execute("select count(*) from insatser").fetchone()[0]
        at.text_input(key="ny_namn").input("Läxhjälp i Holma")
        at.selectbox(key="ny_namnd_kod").set_value("FRN")
        at.selectbox(key="ny_finansiering_kod").set_value("frn_kommunbidrag")
        at.number_input(key="ny_belopp_kr").set_value(250_000)
        at.date_input(key="ny_startdatum").set_value(dt.date(2025, 2, 1))
        at.selectbox(key="ny_status").set_value("pågående")
        at.selectbox(key="ny_typ").set_value("pilot")
        at.selectbox(key="ny_fokus_kod").set_value("utbildning")
        at.multiselect(key="ny_omraden").set_value(["1"])
        save = "FormSubmitter:ny_insats-Spara"
        at.button(key=save).click().run()
        assert not at.exception and not at.error
        assert any("Läxhjälp i Holma" in s.value and "är sparad" in s.value for s in at.success)
        assert con.execute("select count(*) from insatser").fetchone()[0] == before + 1
        # The fields are drawn afresh (new keys, so the browser drops what was typed too), empty.
        assert "ny_namn" not in at.session_state
        assert at.text_input(key="ny~1_namn").value == ""
        assert at.selectbox(key="ny~1_namnd_kod").value is None and at.number_input(key="ny~1_belopp_kr").value is None
        at.button(key=save).click().run()  # one more click on Spara: an empty form, refused
        assert any("Namn" in e.value for e in at.error)
        assert con.execute("select count(*) from insatser").fetchone()[0] == before + 1
    finally:
        reset_caches()


def test_a_too_long_search_in_a_link_is_cut_with_a_message(db_file):
    from lokalutveckling.views.insatser import SEARCH_MAX_CHARS

    at = run_app("pages/insatser.py", sok="Holma" + "x" * 100_000)
    search = at.text_input(key="sok")
    assert search.max_chars == SEARCH_MAX_CHARS == 200
    assert search.value == ("Holma" + "x" * 100_000)[:200]
    cut = "Söktexten i länken var längre än 200 tecken; sökningen gäller de första 200."
    assert cut in [i.value for i in at.info]
    short = run_app("pages/insatser.py", sok="Holma")
    assert short.text_input(key="sok").value == "Holma"
    assert not any("Söktexten" in i.value for i in short.info)


def test_an_editor_adds_a_follow_up_in_the_form(db_file, tmp_path, monkeypatch):
    from lokalutveckling import data
    from lokalutveckling.store import cache
    from lokalutveckling.ui import session

    _own_store(db_file, tmp_path, monkeypatch, "uppfoljning.duckdb")
    try:
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.query_params["insats"] = "INS-059"
        at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim", "redaktor")
        at.run()
        at.switch_page("pages/insatser.py").run()
        before = len(data.insats_uppfoljningar("INS-059", con=cache.connection()))
        at.text_area(key="fu_INS-059_vad").input("Tre träffar med föreningarna i området.")
        at.number_input(key="fu_INS-059_rackvidd").set_value(45)
        at.selectbox(key="fu_INS-059_effekt").set_value("viss")
        at.button(key="FormSubmitter:uppfoljning_INS-059-Spara uppföljningen").click().run()
        assert any("Underlag för bedömningen" in e.value for e in at.error)  # the basis is required for 'viss'
        at.text_area(key="fu_INS-059_underlag").input("Närvarolistor och samtal med ledarna.")
        at.button(key="FormSubmitter:uppfoljning_INS-059-Spara uppföljningen").click().run()
        assert not at.error
        assert any(s.value.startswith("Uppföljningen UPP-") for s in at.success)
        rows = data.insats_uppfoljningar("INS-059", con=cache.connection())
        assert len(rows) == before + 1 and rows.iloc[0]["rackvidd"] == 45 and rows.iloc[0]["kalla"] == "kim"
    finally:
        reset_caches()


def test_an_admin_restores_a_snapshot_on_the_data_page(db_file, tmp_path, monkeypatch):
    from lokalutveckling import writes
    from lokalutveckling.store import cache, snapshots
    from lokalutveckling.ui import session

    _own_store(db_file, tmp_path, monkeypatch, "bild.duckdb")
    try:
        admin = domain.User("ada", "Ada", "admin")
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.session_state[session.SIGNED_IN] = admin
        at.run()
        con = cache.connection()
        snapshots.snapshot(con, reason="före test")
        writes.update_insats(con, admin, "INS-002", {"namn": "Ändrat namn"}, 1)
        writes.update_insats(con, admin, "INS-005", {"malgrupp": "barn 6–12", "belopp_kr": 123_000}, 1)
        at.switch_page("pages/data.py").run()
        assert "Ögonblicksbilder" in [h.value for h in at.subheader]
        # Before the restore: what it would undo, newest first, in Malmö's time.
        assert any(w.value.startswith("En återställning ångrar de 2 ändringar") for w in at.warning)
        undone = next(d.value for d in at.dataframe if "Rad" in d.value.columns)
        assert undone[["Vem", "Vad", "Tabell", "Rad", "Fält"]].values.tolist() == [
            ["ada", "ändring", "insatser", "INS-005", 2],
            ["ada", "ändring", "insatser", "INS-002", 1],
        ]
        logged = cache.connection().execute("select max(tid) from audit").fetchone()[0]
        local = pd.Timestamp(logged).tz_localize("UTC").tz_convert("Europe/Stockholm").strftime("%Y-%m-%d %H:%M")
        assert undone["Tid"].iloc[0] == local
        at.checkbox(key="imp_aterstall_saker").check().run()
        at.button(key="imp_aterstall").click().run()
        assert not at.exception and not at.error
        assert any(s.value.startswith("Databasen är återställd till") for s in at.success)
        assert writes.get_insats(cache.connection(), "INS-002")["namn"] == "Jobbspår unga vuxna"
        assert writes.get_insats(cache.connection(), "INS-005")["malgrupp"] != "barn 6–12"
    finally:
        reset_caches()


def test_a_store_held_by_a_command_gives_a_message_not_a_traceback(db_file, tmp_path, monkeypatch):
    import subprocess
    import sys

    path = _own_store(db_file, tmp_path, monkeypatch, "last.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
         "time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.run()
        assert not at.exception
        assert len(at.error) == 1 and "Databasen används redan av en annan process" in at.error[0].value
        assert str(path.parent) not in at.error[0].value and "PID" not in at.error[0].value  # no server details
        assert [x.value for x in at.title] == ["Databasen kan inte öppnas"]  # nothing else is drawn
    finally:
        holder.kill()
        holder.wait()
        reset_caches()


@pytest.mark.parametrize(
    ("page", "key", "label", "code"),
    [("pages/karta.py", "karta_farg", "Indikator", "indicator"), ("pages/oversikt.py", "vy", "Staplar", "bars")],
)
def test_a_view_choice_survives_a_switch_of_language(db_file, monkeypatch, page, key, label, code):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(ROOT.parent / "shared" / "geo"))
    at = run_app(page, **{key: label})
    assert at.button_group(key=key).value == code
    # What the sidebar's language control does (AppTest shows no sidebar after switch_page).
    at.session_state["lang"] = "EN"
    at.run()
    assert not at.exception
    assert at.title[0].value in {"Map", "Overview"}
    assert at.button_group(key=key).value == code


def test_units_are_in_english_on_english_pages(db_file):
    at = run_app("pages/omrade.py", lang="EN", omrade="Örtagården, Herrgården m fl")
    key_figures = at.table[0].value.reset_index()
    units = dict(zip(key_figures["Indicator"], key_figures["Unit"], strict=True))
    assert units["Employment rate 20–64"] == "percent"
    assert units["Population"] == "number"
    assert "procent" not in set(units.values())
    sv = run_app("pages/omrade.py", omrade="Örtagården, Herrgården m fl").table[0].value.reset_index()
    assert set(sv["Enhet"]) >= {"procent", "antal"}


def _sign_in_box_app() -> None:
    from lokalutveckling.ui import signin

    signin.sign_in_box("sv")


def test_sign_in_is_locked_after_wrong_attempts_even_for_the_right_password(db_file, monkeypatch):
    from lokalutveckling import auth
    from lokalutveckling.ui import session

    monkeypatch.setattr(auth, "THROTTLE", auth.SignInThrottle(max_failures=3))
    reset_caches()
    password = "ett-langt-testlosenord"
    # The sign-in box alone: AppTest reports the app's sidebar only on its first run.
    at = AppTest.from_function(_sign_in_box_app, default_timeout=60)
    at.secrets["anvandare"] = {
        "kim": {"namn": "Kim Larsson", "roll": "redaktor", "losenord_hash": auth.hash_password(password)}
    }
    at.run()

    def sign_in(secret: str) -> list[str]:
        at.text_input(key="inlogg_namn").set_value("kim")
        at.text_input(key="inlogg_losen").set_value(secret)
        next(b for b in at.button if b.label == "Logga in").click()
        at.run()
        assert not at.exception
        return [e.value for e in at.error]

    for _ in range(3):
        assert sign_in("fel-losenord-123") == ["Fel användarnamn eller lösenord."]
    assert sign_in(password) == ["För många felaktiga försök för det här användarnamnet. Försök igen om 15 minuter."]
    assert session.SIGNED_IN not in at.session_state
    # Once the lock has passed, the right password signs in.
    auth.THROTTLE.succeeded("kim")
    assert sign_in(password) == []
    assert at.session_state[session.SIGNED_IN].namn == "Kim Larsson"
    assert "Inloggad som **Kim Larsson** (redaktör)." in [m.value for m in at.markdown]


def test_captions_name_source_documents_readably(db_file):
    at = run_app(ar="2022")
    captions = [c.value for c in at.caption]
    assert any("Stadskontorets tjänsteskrivelse 2022-08-12" in plain(c) for c in captions)
    # The file name may be in a link's address (which opens the document), never in the text read.
    assert not any(".txt" in re.sub(r"\]\([^)]*\)", "]", plain(c)) for c in captions)


def test_a_client_that_tried_many_names_is_refused_for_every_name_and_told_so(db_file, monkeypatch):
    from lokalutveckling import auth

    monkeypatch.setattr(auth, "THROTTLE", auth.SignInThrottle(client_max_failures=2))
    reset_caches()
    at = AppTest.from_function(_sign_in_box_app, default_timeout=60)
    at.run()
    for name in ("anna", "bert", "cecilia"):
        at.text_input(key="inlogg_namn").set_value(name)
        at.text_input(key="inlogg_losen").set_value("Sommar2025!")
        next(b for b in at.button if b.label == "Logga in").click()
        at.run()
    assert [e.value for e in at.error] == ["För många felaktiga inloggningsförsök just nu. Försök igen om 15 minuter."]


def test_after_renaming_the_open_insats_the_next_form_is_saved_too(db_file, tmp_path, monkeypatch):
    """The open insats stays open when its name (and so its label) changes: the URL keeps its id only,
    and a follow-up sent right after the rename is saved, not dropped with a closed insats."""
    from lokalutveckling import writes
    from lokalutveckling.store import cache
    from lokalutveckling.ui import session

    _own_store(db_file, tmp_path, monkeypatch, "byt_namn.duckdb")
    try:
        at = _insatser_app()
        at.session_state[session.SIGNED_IN] = domain.User("kim", "Kim", "redaktor")
        at.run()
        at.switch_page("pages/insatser.py").run()
        name = next(w for w in at.text_input if w.key.startswith("andra_INS-002") and w.key.endswith("_namn"))
        name.input("Jobbspår för unga vuxna i Malmö")
        at.button(key="FormSubmitter:andra_INS-002-Spara").click().run()
        assert at.query_params["insats"] in ("INS-002", ["INS-002"])
        assert at.selectbox(key="insats").value == "INS-002"
        what = next(w for w in at.text_area if w.key.startswith("fu_INS-002") and w.key.endswith("_vad"))
        what.input("Träff med deltagarna")
        effect = next(w for w in at.selectbox if w.key.startswith("fu_INS-002") and w.key.endswith("_effekt"))
        effect.set_value("oklar")
        at.button(key="FormSubmitter:uppfoljning_INS-002-Spara uppföljningen").click().run()
        assert not at.exception and not at.error
        con = cache.connection()
        saved = con.execute(
            "select vad from uppfoljningar where insats_id = 'INS-002' and vad = 'Träff med deltagarna'"
        )
        assert saved.fetchall() == [("Träff med deltagarna",)]
        assert writes.get_insats(con, "INS-002")["namn"] == "Jobbspår för unga vuxna i Malmö"
    finally:
        reset_caches()
