"""Realistic good files: Excel and CSV as people make them, read with what was read told."""

from __future__ import annotations

from datetime import date

from tests.imports.helpers import notices, preview_fixture, texts

# ------------------------------------------------------------------------------ good files


def test_an_excel_sheet_as_a_forvaltning_makes_it(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx")
    assert p.ok, texts(p)
    assert (p.sheet, p.header_row, p.skipped) == ("Insatser 2025", 4, 1)
    assert [(a.rad, a.key, a.values["namn"]) for a in p.added] == [
        (5, "INS-068", "Öppna idrottshallar Lindängen"),
        (6, "INS-069", "Sommarlov i Holma"),
        (7, "INS-070", "Föreningscoacher"),
        (8, "INS-071", "Spontanidrott kvällstid"),
    ]
    first, holma, coacher, spontan = (a.values for a in p.added)
    assert first["namnd_kod"] == "FRN" and first["finansiering_kod"] == "ks_anslag"
    assert [v["belopp_kr"] for v in (first, holma, coacher, spontan)] == [1_300_000, 1_300_000, 1_300_000, 650_000]
    assert [v["startdatum"] for v in (first, holma, coacher, spontan)] == [
        date(2025, 1, 15),
        date(2025, 6, 9),
        date(2025, 2, 1),
        date(2025, 3, 1),
    ]
    assert first["omraden"] == ["12"] and first["sekundara_fokus"] == ["demokrati"] and first["status"] == "pågående"
    assert holma["omraden"] == ["14"] and holma["partner_externa"] == ["Malmö FF", "Studieförbund"]
    assert coacher["omraden"] == ["11", "12"] and coacher["partner_namnder"] == ["GRN", "KN"]
    assert spontan["hela_staden"] is True and spontan["omraden"] == [] and spontan["typ"] == "ny"
    assert all(v["kalla"] == "insatser_fritid_2025.xlsx" for v in (first, holma, coacher, spontan))
    assert notices(p) == [
        "läser bladet 'Insatser 2025' (filen har bladen: Läs mig, Insatser 2025)",
        "rubrikraden är rad 4; raderna ovanför läses inte",
        "kolumn Finansieringskälla: 'KS anslag till förfogande' tolkas som ks_anslag "
        "(Kommunstyrelsens anslag till förfogande) (rad 5)",
        "kolumn Status: 'Pågående' tolkas som pågående (rad 5)",
        "kolumn Områden: 'Lindängen' tolkas som 12 (Lindängen, Almvik m fl) (rad 5, 7)",
        "kolumn Ansvarig nämnd: 'Fritid' tolkas som FRN (Fritidsnämnden) (rad 6)",
        "kolumn Områden: 'Holma' är delområdet Holma (25611) och räknas till statistikområde 14 "
        "(Hyllievång, Kroksbäck m fl) (rad 6)",
        "kolumn Samverkande nämnder: 'grundskolenämnden' tolkas som GRN (Grundskolenämnden) (rad 7)",
        "kolumn Ansvarig nämnd: 'fritidsförvaltningen' tolkas som FRN (Fritidsnämnden) (rad 8)",
        "kolumn Finansieringskälla: 'Kommunbidrag lokal utveckling' tolkas som frn_kommunbidrag "
        "(Fritidsnämndens kommunbidrag för lokal utveckling) (rad 8)",
        "kolumn Typ: 'Ny' tolkas som ny (rad 8)",
        "kolumn Områden: 'Hela staden' tolkas som hela staden (rad 8)",
        "raden ser ut som en summarad och importeras inte (rad 10)",
        "kolumn Belopp (kr): summaraden (4 550 000 kr) stämmer med raderna (rad 10)",
    ]


def test_a_windows_1252_csv_with_semicolons_and_day_first_dates(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_semikolon_cp1252.csv")
    assert p.ok, texts(p)
    assert notices(p)[:3] == [
        "filen är inte UTF-8; läst som Windows-1252",
        "kolumnerna skiljs åt med semikolon",
        "rubrikraden är rad 2; raderna ovanför läses inte",
    ]
    assert [(a.key, a.values["namn"], a.values["startdatum"]) for a in p.added] == [
        ("INS-068", "Läsfrämjande på fritids", date(2025, 8, 15)),
        ("INS-069", "Språkcafé för föräldrar", date(2025, 9, 1)),
    ]
    (change,) = p.changed
    assert change.key == "INS-005"
    assert [c.text for c in change.changes] == [
        "Belopp (kr): 770000 → 900000",
        "Källa: exempeldata → insatser_semikolon_cp1252.csv",
    ]


def test_a_utf8_csv_with_bom_commas_and_quoted_names(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_utf8_bom_komma.csv")
    assert p.ok, texts(p)
    assert "kolumnerna skiljs åt med komma" in notices(p)
    first, second = p.added
    assert (first.key, first.values["namn"], first.values["belopp_kr"]) == (
        "INS-900",
        "Läxhjälp, språkstöd och mentorer",
        1_300_000,
    )
    assert first.values["omraden"] == ["11", "12"]
    assert first.values["partner_externa"] == ["Malmö universitet", "Studieförbund"]
    assert (second.values["namnd_kod"], second.values["finansiering_kod"]) == ("KN", "sos_statsbidrag")


def test_every_accepted_way_of_writing_an_amount(rw_con):
    p = preview_fixture(rw_con, "tilldelningar", "tilldelningar_belopp_alla_former.csv")
    assert p.ok, texts(p)
    assert len(p.added) == 13
    assert {a.values["belopp_kr"] for a in p.added} == {1_300_000}
    assert p.added[0].values["mottagare_text"] == "Fritidsnämnden"


def test_indicator_values_with_swedish_decimals_and_area_names(rw_con):
    p = preview_fixture(rw_con, "indikatorvarden", "indikatorvarden_malmo.csv")
    assert p.ok, texts(p)
    assert [(a.key, a.values["varde"]) for a in p.added] == [
        ("forvarvsfrekvens/12/2025", 58.4),
        ("forvarvsfrekvens/0/2025", 66.1),
        ("folkmangd/10/2025", 31250.0),
        ("trangboddhet/10/2025", 41.2),
    ]
    (change,) = p.changed
    assert change.key == "forvarvsfrekvens/12/2024"
    assert [c.field for c in change.changes] == ["varde", "kalla"]
    assert change.changes[0].new == 57.9
    assert (
        "kolumn Indikator: 'Förvärvsfrekvens' tolkas som forvarvsfrekvens (Förvärvsfrekvens 20–64 år) (rad 4, 6)"
        in notices(p)
    )


def test_omradesteam_periods_from_excel(rw_con):
    p = preview_fixture(rw_con, "omradesteam", "omradesteam_2025.xlsx")
    assert p.ok, texts(p)
    assert [a.key for a in p.added] == ["5/2025-03-01", "7/2025-06-01"]
    (change,) = p.changed
    assert [c.text for c in change.changes] == [
        "Slutdatum: tomt → 2025-12-31",
        "Källa: exempeldata → omradesteam_2025.xlsx",
    ]
    assert "kolumn Startdatum: Excels dagnummer 45809 läst som 2025-06-01 (rad 5)" in notices(p)
