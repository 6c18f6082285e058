"""Checks of rows: sum rows, header units, repeated columns, sheets, the rules between an insats'
fields and its lifecycle."""

from __future__ import annotations

import io

import openpyxl

from lokalutveckling import imports as importer
from lokalutveckling.imports import formats as fmt
from tests.imports.helpers import notices, preview_fixture, texts


def test_a_sum_row_that_does_not_add_up_is_pointed_out(rw_con):
    data = (
        "Namn;Nämnd;Finansiering;Belopp;Startdatum;Status;Typ;Fokusområde;Områden\n"
        "A;FRN;ks_anslag;100 000;2025-01-01;pågående;pilot;utbildning;12\n"
        "B;FRN;ks_anslag;200 000;2025-01-01;pågående;pilot;utbildning;12\n"
        "Totalt;;;350 000;;;;;\n"
    ).encode()
    p = importer.preview(rw_con, "insatser", data, "summa.csv")
    assert p.ok and len(p.added) == 2
    assert (
        "kolumn Belopp: OBS: summaraden anger 350 000 kr men raderna summerar till 300 000 kr "
        "(skillnad 50 000 kr) (rad 4)"
    ) in notices(p)


def test_a_header_unit_applies_to_bare_numbers(rw_con):
    data = (
        "Tilldelnings-id;Beslut;Nämnd;Finansieringskälla;År;Belopp (tkr)\n"
        "T2025-A;B2024-KSAU414-KS;FRN;ks_anslag;2025;1 300\n"
        "T2025-B;B2024-KSAU414-KS;FRN;ks_anslag;2025;1,3 mnkr\n"
    ).encode()
    p = importer.preview(rw_con, "tilldelningar", data, "tkr.csv")
    assert [a.values["belopp_kr"] for a in p.added] == [1_300_000, 1_300_000]


def test_two_columns_for_the_same_field_are_refused(rw_con):
    data = b"Namn;Belopp;Belopp (kr)\nA;1;2\n"
    p = importer.preview(rw_con, "insatser", data, "dubbel.csv")
    assert texts(p) == [
        "dubbel.csv, rad 1, kolumn Belopp (kr): kolumnerna 'Belopp' och 'Belopp (kr)' betyder samma sak "
        "(Belopp (kr)); ta bort den ena",
        "dubbel.csv, rad 1: obligatoriska kolumner saknas: Ansvarig nämnd, Finansieringskälla, Startdatum, Status, "
        "Typ, Fokusområde. Hittade kolumner: Namn, Belopp, Belopp (kr)",
    ]


def test_a_problem_in_an_excel_file_names_the_sheet_and_the_excel_row(rw_con):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Medel 2025"
    sheet.append(["Tilldelningar 2025"])
    sheet.append(["Tilldelnings-id", "Beslut", "Nämnd", "Finansieringskälla", "År", "Belopp (kr)"])
    sheet.append(["T2025-X", "B2024-KSAU414-KS", "FRN", "ks_anslag", 2025, "ca 1 mkr"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    p = importer.preview(rw_con, "tilldelningar", buffer.getvalue(), "medel.xlsx")
    assert texts(p) == [
        f"medel.xlsx, blad Medel 2025, rad 3, kolumn Belopp (kr): {fmt.AMOUNT_APPROXIMATE} (värde: 'ca 1 mkr')"
    ]


def test_an_unknown_sheet_is_named_with_the_ones_there(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx", sheet="Blad3")
    assert texts(p) == [
        "insatser_fritid_2025.xlsx: bladet 'Blad3' finns inte; filen har bladen: Läs mig, Insatser 2025"
    ]


def test_insatser_rules_between_fields(rw_con):
    header = "Insats-id;Namn;Nämnd;Finansiering;Tilldelning;Belopp;Startdatum;Slutdatum;Status;Typ;Fokusområde;"
    header += "Övriga fokusområden;Områden;Samverkande nämnder;Hela staden\n"
    data = (
        header
        + "X-1;A;FRN;sos_statsbidrag;T2022-KS-FRN;1;2025-01-01;;pågående;pilot;utbildning;;12;;\n"
        + "X-2;B;FRN;ks_anslag;;1;2025-01-01;;pågående;pilot;utbildning;utbildning;12;FRN;\n"
        + "X-3;C;FRN;ks_anslag;;1;2025-01-01;;pågående;pilot;utbildning;;;;nej\n"
        + "X-4;D;FRN;ks_anslag;;1;2025-01-01;;pågående;pilot;utbildning;;12;;ja\n"
        + "X-5;E;FRN;ks_anslag;;1;2025-01-01;;permanentad;pilot;utbildning;;12;;\n"
        + "X-6;F;FRN;ks_anslag;;1;2025-01-01;;avbruten;pilot;utbildning;;12;;\n"
        + "X-7;G;FRN;ks_anslag;;1;2025-01-01;;avslutad;pilot;utbildning;;12;;\n"
        + "X-8;H;FRN;ks_anslag;;1;2025-01-01;2099-12-31;avslutad;pilot;utbildning;;12;;\n"
    ).encode()
    p = importer.preview(rw_con, "insatser", data, "regler.csv")
    assert texts(p) == [
        "regler.csv, rad 2, kolumn Tilldelning: tilldelningen T2022-KS-FRN gäller finansieringskällan ks_anslag, "
        "inte sos_statsbidrag (värde: 'T2022-KS-FRN')",
        "regler.csv, rad 3, kolumn Övriga fokusområden: det primära fokusområdet kan inte också vara ett av de "
        "övriga (värde: 'utbildning')",
        "regler.csv, rad 3, kolumn Samverkande nämnder: den ansvariga nämnden kan inte också vara samverkande "
        "nämnd (värde: 'FRN')",
        "regler.csv, rad 4, kolumn Områden: ange minst ett område, eller Hela staden (värde: tomt)",
        "regler.csv, rad 5, kolumn Områden: en insats för hela staden anges utan områden (värde: '12')",
        "regler.csv, rad 6, kolumn Status: status permanentad kan inte importeras; importera insatsen som pågående "
        "och permanenta den i appen (mottagande nämnd och belopp behövs) (värde: 'permanentad')",
        "regler.csv, rad 7, kolumn Status: en avbruten insats behöver en anledning (kolumnen Anledning) "
        "(värde: 'avbruten')",
        "regler.csv, rad 8, kolumn Slutdatum: en avslutad insats behöver ett slutdatum (värde: tomt)",
        "regler.csv, rad 9, kolumn Slutdatum: insatsen har status avslutad men slutdatum 2099-12-31 ligger i "
        "framtiden (värde: '2099-12-31')",
    ]


def test_a_status_can_only_move_along_the_lifecycle(rw_con):
    data = (
        "Insats-id;Namn;Nämnd;Finansiering;Belopp;Startdatum;Status;Typ;Fokusområde;Områden\n"
        "INS-009;Föreningsstöd i närområdet;FRN;ks_anslag;120000;2022-11-01;pågående;ny;demokrati;Hela staden\n"
    ).encode()
    p = importer.preview(rw_con, "insatser", data, "status.csv")
    assert texts(p) == [
        "status.csv, rad 2, kolumn Status: status kan inte ändras från avslutad till pågående; avslutad är en "
        "slutstatus (värde: 'pågående')"
    ]
