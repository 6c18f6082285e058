"""Source documents: readable names for every source, the document viewer at a line, links that open it,
and nothing read outside the configured folder."""

from __future__ import annotations

import html

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import data, documents, provenance
from lokalutveckling.paths import ROOT, SHARED_DIR
from lokalutveckling.views import dokument

ENTRY = str(ROOT / "dashboard.py")
SEEDS = SHARED_DIR / "seeds"
TS_2022 = "002_653f0594ef9bb87d.txt"
KSAU_414 = "003_e0a6b3b1c5ce9486.txt"
NBSP = "\u00a0"


def plain(value: str) -> str:
    """Markdown as a reader sees it (ui.literal writes punctuation as character references)."""
    return html.unescape(value.replace(":small[]", ""))


def kallor_frame(con) -> pd.DataFrame:
    return data.kallor(con=con)


# Readable names ---------------------------------------------------------------------------------------


def test_every_source_in_the_store_has_a_readable_name_never_its_file_name(con):
    kallor = kallor_frame(con)
    names = provenance.document_names(kallor)
    assert set(names) == set(kallor["kalla_id"]) - {"exempeldata"}
    for kalla, name in names.items():
        assert name and name != kalla and ".txt" not in name and "_" not in name, (kalla, name)
    assert names["001_5e469c7492c39bb6.txt"] == "Stadskontorets tjänsteskrivelse 2020-05-08"
    assert names[TS_2022] == "Stadskontorets tjänsteskrivelse 2022-08-12"
    assert names["000_1f8e72d59771c216.txt"] == "KSAU 2020-05-11 § 311"
    assert names[KSAU_414] == "KSAU 2024-09-09 § 414"
    assert names["004_0f136075de8b72be.txt"] == "KSAU 2024-04-29 § 202"
    assert names["polisen_utsatta_2025"] == "Polisens lista 2025 över utsatta och särskilt utsatta områden i Malmö"
    assert names["malmo_geso_indelning"] == "Malmö stads indelning i 14 geografiska statistikområden"
    english = provenance.document_names(kallor, "en")
    assert english[TS_2022] == "Stadskontoret memorandum 2022-08-12" and english[KSAU_414] == "KSAU 2024-09-09 § 414"


def test_every_cited_source_and_line_reads_as_name_and_line(con):
    """Every row of the store that cites a document and a line gets a readable name with that line."""
    src = dokument.Sources.build(kallor_frame(con), None)
    cited = con.execute(
        "select kalla, dokument_rad from beslut union all select kalla, dokument_rad from tilldelningar "
        "union all select kalla, dokument_rad from deklarerade_summor"
    ).fetchall()
    assert len(cited) > 30
    for kalla, rad in cited:
        name = src.name(kalla, rad)
        assert name.endswith(f", rad {rad}") and ".txt" not in name, name
    assert src.name(TS_2022, 193) == "Stadskontorets tjänsteskrivelse 2022-08-12, rad 193"
    assert src.name(KSAU_414, 12) == "KSAU 2024-09-09 § 414, rad 12"
    assert src.name("exempeldata") == "exempeldata" and src.name("kim_l") == "inlagd i appen av kim_l"


def test_source_list_names_documents_with_their_lines(con):
    lines = data.tilldelningar_as_written(data.Filter(ar=(2022,)), con=con)
    names = provenance.document_names(kallor_frame(con))
    assert provenance.source_list(lines["kalla"], names) == "Stadskontorets tjänsteskrivelse 2022-08-12"
    assert provenance.source_list(lines["kalla"], names, lines["dokument_rad"]) == (
        "Stadskontorets tjänsteskrivelse 2022-08-12, rad 167–178, 184–192"
    )
    every = data.tilldelningar_as_written(data.ALL, con=con)
    english = provenance.document_names(kallor_frame(con), "en")
    assert provenance.source_list(every["kalla"], english, every["dokument_rad"], "en") == (
        "Stadskontoret memorandum 2020-05-08, line 116; Stadskontoret memorandum 2022-08-12, lines 167–178, "
        "184–192; KSAU 2024-09-09 § 414, lines 60, 70"
    )


# Reading documents -------------------------------------------------------------------------------------


def test_each_cited_line_in_the_documents_holds_its_amount(con):
    """The line numbers in the store point at the amounts in the documents as read here."""
    known = set(kallor_frame(con)["kalla_id"])
    rows = con.execute(
        "select kalla, dokument_rad, belopp_kr from tilldelningar union all "
        "select kalla, dokument_rad, belopp_kr from deklarerade_summor"
    ).fetchall()
    for kalla, rad, kronor in rows:
        line = documents.read_lines(documents.document_file(SEEDS, kalla, known))[rad - 1]
        written = f"{int(kronor):,}".replace(",", " ")
        in_millions = f"{kronor / 1e6:.1f}".replace(".", ",") + " miljoner"
        assert written in line or in_millions in line, (kalla, rad, line)
    lines = documents.read_lines(SEEDS / TS_2022)
    assert lines[192] == "Totalbelopp\t19 700 000" and lines[178] == "Totalbelopp\t15 000 000"


@pytest.mark.parametrize(
    "kalla_id",
    [
        "README.md",  # in the folder, but not a source in the store
        "../seeds/" + TS_2022,
        "./" + TS_2022,
        str(SEEDS / TS_2022),
        "..",
        "/etc/passwd",
        "okänd.txt",
        "",
        None,
    ],
)
def test_only_a_known_document_directly_in_the_folder_is_read(con, kalla_id):
    known = set(kallor_frame(con)["kalla_id"])
    assert documents.document_file(SEEDS, kalla_id, known) is None


def test_a_path_like_id_is_refused_even_if_the_store_held_it(tmp_path):
    folder = tmp_path / "dokument"
    folder.mkdir()
    (folder / "a.txt").write_text("rad ett\n", encoding="utf-8")
    secret = tmp_path / "hemligt.txt"
    secret.write_text("hemligt\n", encoding="utf-8")
    (folder / "lank.txt").symlink_to(secret)
    known = {"a.txt", "../hemligt.txt", "lank.txt", str(secret)}
    assert documents.document_file(folder, "a.txt", known) == (folder / "a.txt").resolve()
    for kalla in ("../hemligt.txt", "lank.txt", str(secret)):
        assert documents.document_file(folder, kalla, known) is None
    assert documents.document_file(None, "a.txt", known) is None
    assert documents.document_file(tmp_path / "saknas", "a.txt", known) is None


def test_the_text_is_escaped_and_the_line_marked():
    page = documents.text_html(["<b>fet</b> **inte fet**", "Totalbelopp\t19 700 000", "<script>x()</script>"], 2, "t")
    assert "<b>fet</b>" not in page and "&lt;b&gt;fet&lt;/b&gt; **inte fet**" in page
    assert "<script>x()" not in page and "&lt;script&gt;x()&lt;/script&gt;" in page
    marked = page.split('id="rad-2"')[0].rsplit("<div", 1)[1] + page.split('id="rad-2"')[1].split("</div>")[0]
    assert "lu-markerad" in marked and "Totalbelopp\t19 700 000" in marked
    assert 'getElementById("rad-2")' in page
    assert documents.line_number("193") == 193 and documents.line_number("-1") is None
    assert documents.line_number("1; drop") is None and documents.line_number(None) is None


# The viewer and the links, through the app -------------------------------------------------------------


def run(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def test_the_viewer_shows_the_line_highlighted(db_file, monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_DOKUMENT", str(SEEDS))
    at = run("pages/dokument.py", dok=TS_2022, rad="193")
    assert plain(at.title[0].value) == "Stadskontorets tjänsteskrivelse 2022-08-12"
    assert plain(at.caption[0].value) == "tjänsteskrivelse 2022-08-12, Stadskontoret, diarienummer STK-2018-1233"
    markdown = [plain(m.value) for m in at.markdown]
    assert "**Rad 193 i dokumentet:**" in markdown and "> Totalbelopp\t19 700 000" in markdown
    (body,) = html_bodies(at)
    marked = body.split('id="rad-193"')[1].split("</div>")[0]
    assert "Totalbelopp\t19 700 000" in marked and "lu-markerad" in body.split('id="rad-193"')[0][-80:]
    assert body.count('class="lu-rad lu-markerad"') == 1  # one line marked
    assert 'getElementById("rad-193")' in body  # scrolled into view
    assert '<span class="lu-text">Andreas Norbrant Stadsdirektör</span>' in body  # the whole text is there


def test_the_viewer_shows_markup_in_a_document_literally(db_file, monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_DOKUMENT", str(SEEDS))
    at = run("pages/dokument.py", dok=KSAU_414, rad="15", lang="EN")
    assert plain(at.title[0].value) == "KSAU 2024-09-09 § 414"
    assert "**Line 15 of the document:**" in [plain(m.value) for m in at.markdown]
    (body,) = html_bodies(at)
    line = documents.read_lines(SEEDS / KSAU_414)[14]
    assert "<b>Underskrifter</b>" in line  # the file holds HTML …
    assert "<b>Underskrifter</b>" not in body and html.escape(line) in body  # … shown as text


def test_without_a_folder_the_viewer_names_date_organ_and_diarienummer(db_file, monkeypatch):
    monkeypatch.delenv("LOKALUTVECKLING_DOKUMENT", raising=False)
    at = run("pages/dokument.py", dok=TS_2022, rad="193")
    assert plain(at.title[0].value) == "Stadskontorets tjänsteskrivelse 2022-08-12"
    (info,) = [plain(i.value) for i in at.info]
    assert "tjänsteskrivelse 2022-08-12, Stadskontoret, diarienummer STK-2018-1233" in info
    assert not html_bodies(at)


@pytest.mark.parametrize("dok", ["../seeds/" + TS_2022, "README.md", "/etc/passwd", "okänd.txt", ""])
def test_an_unknown_or_path_like_document_is_refused(db_file, monkeypatch, dok):
    monkeypatch.setenv("LOKALUTVECKLING_DOKUMENT", str(SEEDS))
    at = run("pages/dokument.py", dok=dok, rad="1")
    assert at.title[0].value == "Källdokument"
    assert "Det finns inget källdokument med den koden i databasen" in at.error[0].value
    assert not html_bodies(at)


def test_beslut_links_each_source_to_its_line(db_file, monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_DOKUMENT", str(SEEDS))
    at = run("pages/beslut.py")
    warning = plain(at.warning[0].value)
    assert f"[Stadskontorets tjänsteskrivelse 2022-08-12, rad 193](dokument?dok={TS_2022}&rad=193 " in warning
    frames = [table.value.reset_index() for table in at.table]
    written = next(f for f in frames if "Mottagare (som i källan)" in f.columns)
    row = written[written["Mottagare (som i källan)"].map(plain) == "Grundskolenämnden"]
    assert sorted(plain(v).split("](")[0] for v in row["Källdokument"]) == [
        "[Stadskontorets tjänsteskrivelse 2022-08-12, rad 171",
        "[Stadskontorets tjänsteskrivelse 2022-08-12, rad 187",
    ]
    chain = next(f for f in frames if "Organ" in f.columns)
    ks200 = chain[chain["§"] == "§ 200"]["Källdokument"].map(plain).tolist()
    assert ks200 == [
        f'[Stadskontorets tjänsteskrivelse 2022-08-12, rad 23](dokument?dok={TS_2022}&rad=23 "Öppna dokumentets text vid raden")'
    ]
    sources = next(f for f in frames if "Titel" in f.columns)
    assert ".txt" not in " ".join(plain(v).split("](")[0] for v in sources["Källdokument"])
    assert "Ett klick på ett källdokument öppnar dess text" in " ".join(c.value for c in at.caption)


def test_without_a_folder_beslut_names_the_documents_instead_of_linking(db_file, monkeypatch):
    monkeypatch.delenv("LOKALUTVECKLING_DOKUMENT", raising=False)
    at = run("pages/beslut.py")
    warning = plain(at.warning[0].value)
    assert "(Stadskontorets tjänsteskrivelse 2022-08-12, rad 193, diarienummer STK-2018-1233)" in warning
    cells = [plain(str(v)) for table in at.table for v in table.value.reset_index().to_numpy().ravel()]
    assert not any("dokument?dok=" in c or ".txt" in c for c in cells)
    assert "Ett klick på ett källdokument" not in " ".join(c.value for c in at.caption)


def test_the_insats_money_chain_links_decision_and_allocation_lines(db_file, monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_DOKUMENT", str(SEEDS))
    at = run("pages/insatser.py", insats="INS-002")
    caption = next(plain(c.value) for c in at.caption if c.value.startswith("Källa:"))
    assert caption == (
        f"Källa: [Stadskontorets tjänsteskrivelse 2022-08-12, rad 35](dokument?dok={TS_2022}&rad=35 "
        '"Öppna dokumentets text vid raden"); tilldelningen: [Stadskontorets tjänsteskrivelse 2022-08-12, rad 167]'
        f'(dokument?dok={TS_2022}&rad=167 "Öppna dokumentets text vid raden").'
    )


def _long_linked_table_app() -> None:
    import pandas as pd
    import streamlit as st

    from lokalutveckling import data
    from lokalutveckling.ui import session
    from lokalutveckling.views import dokument

    st.session_state[session.FILTER] = data.ALL  # as dashboard.py sets it
    src = dokument.sources("sv")
    TS_2022 = "002_653f0594ef9bb87d.txt"  # the function runs alone, without this module
    rows = list(range(160, 201))  # 41 lines: more than a static table shows
    frame = pd.DataFrame({"Rad": rows, "Källdokument": [src.name(TS_2022, r) for r in rows]})
    dokument.linked_table(
        frame,
        key="lang_tabell",
        links={"Källdokument": [src.markdown(TS_2022, r) for r in rows]},
        link_urls={"Källdokument": [src.url(TS_2022, r) for r in rows]},
    )


def test_a_long_table_links_each_line_in_a_link_column(db_file, monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_DOKUMENT", str(SEEDS))
    at = AppTest.from_function(_long_linked_table_app, default_timeout=60)
    at.query_params["lang_tabell_rader"] = "50"  # all 41 lines on one page (ui.paging)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (grid,) = at.dataframe
    shown = grid.value
    assert shown["Källdokument"].iloc[33] == "Stadskontorets tjänsteskrivelse 2022-08-12, rad 193"  # text as is
    assert shown["Källdokument · Öppna"].iloc[33] == f"dokument?dok={TS_2022}&rad=193"
