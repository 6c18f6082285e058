"""The återrapport (issue 15 item 4): Socialstyrelsen's grant 2022 as Word and PDF, read back — the allocation
per nämnd as written in the 2022 tjänsteskrivelse (lines 184–192), its declared total 19 700 000 kr (line 193)
against the rows' 18 600 000 kr, the insatser of data/seed/insatser.csv paid from it, the stopped ones with
their reasons (statushistorik.csv), exempeldata marked, and the sources by document and line."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from lokalutveckling import domain, writes
from lokalutveckling.paths import ROOT
from lokalutveckling.rendering import aterrapport
from lokalutveckling.rendering.model import Note, Table, holds_exempel

IDAG = date(2026, 12, 1)
SEED = ROOT / "data" / "seed"
# The 2022 tjänsteskrivelse (../shared/seeds/002_653f0594ef9bb87d.txt) by its title in data/seed/kallor.csv.
TITLE = "Förstudie om segregation i Malmö med rekommendationer om fortsatta insatser (efter återremiss)"


def _seed(name: str) -> list[dict[str, str]]:
    with (SEED / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


SOS_INSATSER = [r for r in _seed("insatser") if r["finansiering_kod"] == "sos_statsbidrag"]
AVBRUTNA = {
    r["insats_id"]: r["anledning"]
    for r in _seed("statushistorik")
    if r["till_status"] == "avbruten" and r["insats_id"] in {i["insats_id"] for i in SOS_INSATSER}
}


def plain(text: str) -> str:
    """Text as read back, with the no-break spaces of Swedish amounts as spaces and runs of space as one."""
    return " ".join(text.replace("\u00a0", " ").split())


def docx_text(content: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """A Word file's paragraphs and its tables (rows of cell texts), as plain text."""
    doc = Document(io.BytesIO(content))
    paragraphs = [plain(p.text) for p in doc.paragraphs if p.text.strip()]
    tables = [[[plain(c.text) for c in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables


def row_of(tables: list[list[list[str]]], first: str) -> list[str]:
    rows = [row for table in tables for row in table if row and row[0] == first]
    assert rows, f"no row starting {first!r}"
    return rows[0]


@pytest.fixture(scope="module")
def sos(con) -> dict[str, object]:
    """The Swedish report for Socialstyrelsen's grant 2022, as a Report and as both files (made once)."""
    report = aterrapport.build("sos_statsbidrag", 2022, "sv", idag=IDAG, con=con)
    return {
        "report": report,
        "docx": aterrapport.render(report, 2022, "docx"),
        "pdf": aterrapport.render(report, 2022, "pdf"),
    }


def test_the_reports_there_are_and_how_a_user_names_the_source(con):
    assert aterrapport.available(IDAG, con) == [("sos_statsbidrag", 2022), ("ks_anslag", 2022)]
    assert aterrapport.kalla_kod("SOS_statsbidrag", con) == "sos_statsbidrag"
    assert aterrapport.kalla_kod("statsbidrag socialstyrelsen", con) == "sos_statsbidrag"
    assert aterrapport.kalla_kod("KS anslag till förfogande", con) == "ks_anslag"
    assert aterrapport.kalla_kod("okänd", con) is None
    # Delmos 2018 has an allocation but no återrapporteringskrav; 2023 has neither: the message lists what exists.
    for kod, ar in (("delmos", 2018), ("sos_statsbidrag", 2023)):
        with pytest.raises(aterrapport.NoSuchReport, match=r"sos_statsbidrag 2022 .* ks_anslag 2022"):
            aterrapport.build(kod, ar, idag=IDAG, con=con)


def test_the_report_holds_the_duty_the_allocation_the_insatser_and_its_sources_in_order(sos):
    report = sos["report"]
    assert report.heading == (
        "Återrapport till Socialstyrelsen: Socialstyrelsens statsbidrag, sociala insatser i utsatta områden 2022"
    )
    assert "2026-12-01" in report.intro and "Granska och redigera det innan det skickas" in report.intro
    titles = [item.title for item in report.items if isinstance(item, Table)]
    assert titles == [
        "Återrapporteringskrav för Socialstyrelsens statsbidrag, sociala insatser i utsatta områden 2022",
        "Föreslaget per nämnd, som det står i källan",  # a förslag: never 'Beviljat'
        "Insatser som använt medlen",
        "Uppföljning av insatserna",
        "Stoppade insatser",
        "Medel ännu inte knutna till en insats",
        "Källdokument",
    ]
    notes = " ".join(item.text for item in report.items if isinstance(item, Note))
    assert "Stadskontoret återrapporterar" in notes and "till Socialstyrelsen" in notes
    assert "(Stadskontorets tjänsteskrivelse 2022-08-12, rad 118)" in notes
    assert "Senast: Inget datum i källan." in notes
    assert "statsbidraget inte behöver återbetalas" in notes and "rad 152)" in notes
    assert "Återrapportens status: ej påbörjad." in notes
    assert "beslut planerat i KS 2022-08-17" in notes and "inte ett beslut" in notes
    # Every table of insatser holds exempeldata and says so; the allocation as written does not.
    by_key = {item.key: item for item in report.items if isinstance(item, Table)}
    assert (
        holds_exempel(by_key["insatser"]) and holds_exempel(by_key["stoppade"]) and holds_exempel(by_key["ej_knutet"])
    )
    assert not holds_exempel(by_key["tilldelning_per_namnd"])
    assert report.sources[:2] == [
        "Stadskontorets tjänsteskrivelse 2022-08-12, rad 114, 116, 118, 152",
        "Stadskontorets tjänsteskrivelse 2022-08-12, rad 184–193",
    ]


def test_word_has_the_rows_as_written_the_reconciliation_and_the_insatser(sos):
    paragraphs, tables = docx_text(sos["docx"])
    whole = " ".join(paragraphs)
    assert row_of(tables, "Funktionsstödsnämnden")[1:] == ["3 500 000 kr", "rad 186"]
    assert row_of(tables, "Kulturnämnden")[1:] == ["3 100 000 kr", "rad 190"]
    assert row_of(tables, "Summa av raderna")[1] == "18 600 000 kr"
    assert row_of(tables, "Totalbelopp enligt källan")[1:] == ["19 700 000 kr", "rad 193"]
    assert row_of(tables, "Skillnad (raderna minus totalbeloppet)")[1] == "−1 100 000 kr"
    assert (
        "källan anger totalbelopp 19 700 000 kr (Stadskontorets tjänsteskrivelse 2022-08-12, rad 193), men de 9 "
        "raderna (rad 184–192) summerar till 18 600 000 kr. Skillnad: −1 100 000 kr." in whole
    )
    assert "Källan förklarar inte skillnaden." in whole
    insatser = next(t for t in tables if t[0][:2] == ["Id", "Insats"] and "Områden" in t[0])
    assert [row[0] for row in insatser[1:-1]] == [r["insats_id"] for r in SOS_INSATSER]
    ins036 = row_of([insatser], "INS-036")
    assert ins036[1] == "Stöd till unga med NPF i riskmiljö" and ins036[3] == "1 240 000 kr"
    assert ins036[-1] == "Exempeldata"
    assert row_of([insatser], "INS-032")[5] == "hela staden"
    assert insatser[-1][1:4] == ["Summa (25 insatser)", "", "18 600 000 kr"]
    # The follow-ups: the latest effect with its date and basis (uppfoljningar.csv: INS-042's 2023-08-27).
    follow = next(t for t in tables if "Effekt (senast bedömd)" in t[0])
    assert row_of([follow], "INS-042")[3:5] == ["267 (2023-08-27)", "ingen (2023-08-27)"]


def test_word_has_the_stopped_insatser_with_their_reasons_and_the_money_not_tied(sos):
    _, tables = docx_text(sos["docx"])
    assert AVBRUTNA  # the seed stops two of the grant's insatser
    stopped = next(t for t in tables if t[0][:6] == ["Id", "Insats", "Nämnd", "Belopp", "Datum", "Anledning"])
    assert {row[0]: row[5] for row in stopped[1:]} == AVBRUTNA
    untied = next(t for t in tables if "Ej knutet" in t[0])
    assert row_of([untied], "Kulturnämnden")[1:7] == [
        "3 100 000 kr",
        "3",
        "3 100 000 kr",
        "1 130 000 kr",  # INS-049, avbruten
        "0 kr",
        "rad 190",
    ]


def test_word_marks_exempeldata_and_lists_every_source_by_document_and_line(sos):
    paragraphs, tables = docx_text(sos["docx"])
    assert paragraphs.count("Innehåller exempeldata") >= 4  # the insatser, follow-ups, stopped, money not tied
    assert any(p.startswith("Dokumentet innehåller exempeldata") for p in paragraphs)
    assert any("25 av 25 insatser" in p and "är exempeldata" in p for p in paragraphs)
    documents = next(t for t in tables if t[0][0] == "Källa" and "Titel" in t[0])
    row = row_of([documents], "Stadskontorets tjänsteskrivelse 2022-08-12")
    assert TITLE in row[1] and row[2] == "STK-2018-1233" and row[3] == "rad 114, 116, 118, 152, 184–193"
    assert row_of([documents], "Exempeldata")[1].startswith("Genererade av projektets generator")
    sources = paragraphs[paragraphs.index("Källor") + 1 :]
    assert sources[:2] == [
        "Stadskontorets tjänsteskrivelse 2022-08-12, rad 114, 116, 118, 152",
        "Stadskontorets tjänsteskrivelse 2022-08-12, rad 184–193",
    ]


def test_word_is_an_editable_swedish_a4_document_with_real_tables_and_a_footer(sos):
    doc = Document(io.BytesIO(sos["docx"]))
    assert doc.core_properties.title == "Återrapport till Socialstyrelsen 2022"
    assert doc.core_properties.language == "sv-SE"
    assert round(doc.sections[0].page_width.mm) == 210 and round(doc.sections[0].page_height.mm) == 297
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Vad som ska återrapporteras" in headings and "Insatser som använt medlen" in headings
    allocation = doc.tables[1]
    assert allocation.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the header repeats on each page
    assert allocation.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert allocation.rows[1].cells[1].paragraphs[0].alignment == 2  # kronor right-aligned
    footer = doc.sections[0].footer._element.xml
    assert "Återrapport till Socialstyrelsen 2022 · 2026-12-01" in footer
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", footer)


def test_the_pdf_holds_the_same_figures_texts_and_sources(sos):
    pages = [plain(page.extract_text() or "") for page in PdfReader(io.BytesIO(sos["pdf"])).pages]
    whole = " ".join(pages)
    assert pages[0].startswith("Återrapport till Socialstyrelsen 2022") and "Länk" not in pages[0]
    for text in (
        "Funktionsstödsnämnden 3 500 000 kr rad 186",
        "Kulturnämnden 3 100 000 kr rad 190",
        "Totalbelopp enligt källan 19 700 000 kr rad 193",
        "Summa av raderna 18 600 000 kr",
        "−1 100 000 kr",
        "Källan förklarar inte skillnaden.",
        "Senast: Inget datum i källan.",
        "Stadskontorets tjänsteskrivelse 2022-08-12, rad 114, 116, 118, 152",
        "Förstudie om segregation i Malmö med",
    ):
        assert text in whole, text
    for insats in SOS_INSATSER:
        assert insats["insats_id"] in whole, insats["insats_id"]
    for reason in AVBRUTNA.values():
        assert reason.split(";")[0] in whole, reason
    assert "Beviljat per nämnd" not in whole
    assert all(f"av {len(pages)}" in page for page in pages)
    assert "Innehåller exempeldata" in whole


def test_the_english_report_has_english_headings_and_formats(con):
    paragraphs, tables = docx_text(aterrapport.document("sos_statsbidrag", 2022, "docx", "en", idag=IDAG, con=con))
    for heading in (
        "What must be reported",
        "Proposed per committee, as written in the source",
        "Measures that used the money",
        "Follow-up of the measures",
        "Stopped measures",
        "Money not yet tied to a measure",
        "Source documents",
        "Sources",
    ):
        assert heading in paragraphs, heading
    assert row_of(tables, "Funktionsstödsnämnden")[1:] == ["SEK 3,500,000", "line 186"]
    assert row_of(tables, "Total stated in the source")[1] == "SEK 19,700,000"
    assert any("The source does not explain the difference." in p for p in paragraphs)
    assert "Contains example data (exempeldata)" in paragraphs


def test_the_city_budget_report_matches_its_total_and_lists_its_stopped_insatser(con):
    report = aterrapport.build("ks_anslag", 2022, idag=IDAG, con=con)
    notes = plain(" ".join(item.text for item in report.items if isinstance(item, Note)))
    assert "totalbeloppet 15 000 000 kr stämmer med raderna" in notes
    assert "Varje nämnd som tilldelats medel återrapporterar Kommunstyrelsens anslag" in notes
    stopped = next(item for item in report.items if isinstance(item, Table) and item.key == "stoppade")
    ks_stopped = {
        r["insats_id"]
        for r in _seed("statushistorik")
        if r["till_status"] == "avbruten"
        and r["insats_id"] in {i["insats_id"] for i in _seed("insatser") if i["finansiering_kod"] == "ks_anslag"}
    }
    assert set(stopped.frame["Id"]) == ks_stopped


def test_money_given_beyond_a_line_is_shown_as_over_commitment(rw_con):
    """An editor raises INS-036's amount by 1 000 000 kr: Funktionsstödsnämnden's line of 3 500 000 kr is
    then over-committed, and the report shows −1 000 000 kr, not hidden or capped."""
    version = rw_con.execute("select version from insatser where insats_id = 'INS-036'").fetchone()[0]
    editor = domain.User("sam", "Sam", "redaktor")
    writes.update_insats(rw_con, editor, "INS-036", {"belopp_kr": 2_240_000}, version)
    report = aterrapport.build("sos_statsbidrag", 2022, idag=IDAG, con=rw_con)
    untied = next(item for item in report.items if isinstance(item, Table) and item.key == "ej_knutet")
    row = untied.frame[untied.frame["Nämnd (som i källan)"] == "Funktionsstödsnämnden"].iloc[0]
    assert (row["Föreslaget"], row["Knutet till insatser"], row["Ej knutet"]) == (3_500_000, 4_500_000, -1_000_000)
    notes = " ".join(item.text for item in report.items if isinstance(item, Note))
    assert "Överåtagande: Funktionsstödsnämnden (−1\u00a0000\u00a0000\u00a0kr)." in notes
    assert "Totalt ej knutet: −1\u00a0000\u00a0000\u00a0kr." in notes
