"""Imports (issue 5): realistic good and bad files with the exact messages expected, the store
unchanged after every refused import, re-imports that change nothing, roles, audit, snapshots and
restore, removal of exempeldata, templates, the full export read back, the command line, and a
20 MB file. The files are in tests/fixtures/import/ (made by make_fixtures.py there)."""

from __future__ import annotations

import hashlib
import io
import time
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from lokalutveckling import cli, store, writes
from lokalutveckling import imports as importer
from lokalutveckling.domain import COMMAND_LINE
from lokalutveckling.imports import ImportRefused, StalePreview
from lokalutveckling.imports import formats as fmt
from lokalutveckling.paths import ROOT
from lokalutveckling.store import recovery, snapshots, unit_of_work
from lokalutveckling.writes import User

FIXTURES = ROOT / "tests" / "fixtures" / "import"
EDITOR = User("kim", "Kim Redaktör", "redaktor")
READER = User("lo", "Lo Läsare", "lasare")


def dump(con: store.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, to compare a store before and after."""
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()]
    return {t: sorted(con.table(t).fetchall(), key=repr) for t in tables}


def file_hash(con: store.Connection) -> str:
    """The store file's bytes after a checkpoint (a checkpoint of an unchanged store changes nothing)."""
    con.execute("checkpoint")
    path = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0]
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def texts(preview: importer.ImportPreview) -> list[str]:
    return [p.text for p in preview.problems]


def notices(preview: importer.ImportPreview) -> list[str]:
    return [n.full_text for n in preview.notices]


def preview_fixture(con: store.Connection, kind: str, name: str, **kwargs: object) -> importer.ImportPreview:
    return importer.preview(con, kind, FIXTURES / name, **kwargs)


# ------------------------------------------------------------------------------- value readers


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("1 300 000", 1, 1_300_000),
        ("1300000", 1, 1_300_000),
        ("1 300 000 kr", 1, 1_300_000),
        ("1,3 mnkr", 1, 1_300_000),
        ("1.3 mnkr", 1, 1_300_000),
        ("1 300 000,00", 1, 1_300_000),
        ("1\u00a0300\u00a0000", 1, 1_300_000),
        ("1\u2009300\u2009000 kr", 1, 1_300_000),
        ("1\u202f300\u202f000", 1, 1_300_000),
        ("1 300 tkr", 1, 1_300_000),
        ("1 300 000 SEK", 1, 1_300_000),
        ("1.300.000", 1, 1_300_000),
        ("1,300,000", 1, 1_300_000),
        ("1 300 000:-", 1, 1_300_000),
        ("12,6 mnkr", 1, 12_600_000),
        ("0", 1, 0),
        (1300000, 1, 1_300_000),
        (1300000.0, 1, 1_300_000),
        ("1 300", 1000, 1_300_000),  # a column 'Belopp (tkr)'
        (1.3, 1_000_000, 1_300_000),  # a column 'Belopp (mnkr)'
        ("1,3", 1_000_000, 1_300_000),
    ],
)
def test_accepted_amounts(text, unit, expected):
    assert fmt.parse_amount(text, unit=unit) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ca 1 mkr", fmt.AMOUNT_APPROXIMATE),
        ("cirka 300 000 kr", fmt.AMOUNT_APPROXIMATE),
        ("ungefär 2 mnkr", fmt.AMOUNT_APPROXIMATE),
        ("-5000", fmt.AMOUNT_NEGATIVE),
        ("\u22125 000 kr", fmt.AMOUNT_NEGATIVE),
        (-5000, fmt.AMOUNT_NEGATIVE),
        ("1,3", fmt.AMOUNT_AMBIGUOUS),
        ("1.3", fmt.AMOUNT_AMBIGUOUS),
        ("1,300", fmt.AMOUNT_AMBIGUOUS),
        (1.3, fmt.AMOUNT_AMBIGUOUS),
        ("1 300 000,50", fmt.AMOUNT_FRACTION),
        (1300000.5, fmt.AMOUNT_FRACTION),
        ("1,2345678 mnkr", fmt.AMOUNT_FRACTION),
        ("se bilaga", fmt.AMOUNT_EXPECTED),
        ("1 300 000 euro", fmt.AMOUNT_EXPECTED),
        ("20 000 000 000", fmt.AMOUNT_TOO_BIG),
        (True, fmt.AMOUNT_EXPECTED),
    ],
)
def test_refused_amounts(text, message):
    with pytest.raises(fmt.BadValue) as error:
        fmt.parse_amount(text)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-09-09", date(2024, 9, 9)),
        ("9/9/2024", date(2024, 9, 9)),
        ("1/2/2025", date(2025, 2, 1)),  # day first, as in Swedish
        ("09.09.2024", date(2024, 9, 9)),
        ("2024-09-09 00:00:00", date(2024, 9, 9)),
        ("2024-09-09T00:00:00", date(2024, 9, 9)),
        (date(2024, 9, 9), date(2024, 9, 9)),
        (pd.Timestamp("2024-09-09").to_pydatetime(), date(2024, 9, 9)),
    ],
)
def test_accepted_dates(value, expected):
    assert fmt.parse_date(value) == (expected, None)


def test_an_excel_day_number_is_a_date_only_in_an_excel_file_and_says_so():
    assert fmt.parse_date(45544, excel=True) == (date(2024, 9, 9), "Excels dagnummer 45544 läst som 2024-09-09")
    with pytest.raises(fmt.BadValue):
        fmt.parse_date(45544)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("igår", fmt.DATE_EXPECTED),
        ("9/13/2024", f"9/13/2024 är inget giltigt datum; {fmt.DATE_EXPECTED}"),
        ("2024-09-09 14:30", "ska vara ett datum utan klockslag"),
        ("1999-12-31", "datumet 1999-12-31 ligger utanför åren 2000–2100"),
        ("9/9/24", fmt.DATE_EXPECTED),
    ],
)
def test_refused_dates(value, message):
    with pytest.raises(fmt.BadValue) as error:
        fmt.parse_date(value)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12,6", 12.6), ("12.6", 12.6), ("31 000", 31000.0), ("1 234,5", 1234.5), ("41,2 %", 41.2), (7, 7.0)],
)
def test_numbers(value, expected):
    assert fmt.parse_number(value) == pytest.approx(expected)


def test_headers_are_matched_without_case_spaces_or_units():
    kind = importer.INSATSER
    for header in ("Belopp (kr)", "belopp_kr", "Belopp", "BELOPP", " belopp ", "Belopp kr", "Beviljat belopp"):
        assert kind.match(header) == ("belopp_kr", fmt.header_key(header)[1]), header
    assert kind.match("Belopp (tkr)") == ("belopp_kr", "tkr")
    assert kind.match("Belopp i tkr") == ("belopp_kr", "tkr")
    assert kind.match("Ansvarig förvaltning") == ("namnd_kod", "")
    assert kind.match("Kommentar") is None


def test_names_of_namnder_and_omraden(con):
    koder = importer._koder(con)
    for written in ("FRN", "Fritidsnämnden", "fritidsnämnden", "Fritid", "FRITID", "frn", "Fritidsförvaltningen"):
        assert koder.namnder.resolve(written).kod == "FRN", written
    assert koder.namnder.resolve("FRN").how is None
    assert koder.namnder.resolve("Fritidsnämnden").how is None
    assert koder.namnder.resolve("Fritid").how == "'Fritid' tolkas som FRN (Fritidsnämnden)"
    assert koder.namnder.resolve("Hälsa, vård och omsorgsnämnden").kod == "HVON"  # as tilldelningar write it
    assert koder.namnder.resolve("Stadskontoret").kod == "KS"
    omraden = koder.omraden
    assert omraden.resolve("lindängen", city=False, delomraden=False, what="x").kod == "12"
    assert omraden.resolve("Lindangen", city=False, delomraden=False, what="x").kod == "12"  # no å, ä, ö
    assert omraden.resolve("12", city=False, delomraden=False, what="x") == fmt.Resolved("12", None)
    holma = omraden.resolve("HOLMA", city=False, delomraden=True, what="x")
    assert holma.kod == "14"
    assert holma.how == (
        "'HOLMA' är delområdet Holma (25611) och räknas till statistikområde 14 (Hyllievång, Kroksbäck m fl)"
    )
    with pytest.raises(fmt.BadValue, match="är ett delområde i statistikområde 14"):
        omraden.resolve("Holma", city=False, delomraden=False, what="x")
    with pytest.raises(fmt.BadValue, match="okänt område"):
        omraden.resolve("Lund", city=False, delomraden=True, what="x")


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


# ------------------------------------------------------------------------------- bad files

BAD_FILES = {
    "insatser_negativa_belopp.csv": (
        "insatser",
        [
            "insatser_negativa_belopp.csv, rad 2, kolumn Belopp: beloppet får inte vara negativt (värde: '-250 000')",
            "insatser_negativa_belopp.csv, rad 3, kolumn Belopp: beloppet får inte vara negativt (värde: '\u221280 000 kr')",
        ],
    ),
    "insatser_fel_kolumner.csv": (
        "insatser",
        [
            "insatser_fel_kolumner.csv, rad 1: obligatoriska kolumner saknas: Finansieringskälla, Belopp (kr), "
            "Startdatum, Status, Typ, Fokusområde. Hittade kolumner: Namn, Nämnd, Pris, Datum, Kommentar"
        ],
    ),
    "insatser_utan_rubrikrad.csv": (
        "insatser",
        [
            "insatser_utan_rubrikrad.csv: hittar ingen rubrikrad med kända kolumnnamn bland de första 30 raderna "
            "(första raden med innehåll: Läxhjälp, FRN, ks_anslag, 100000, 2025-01-01, pågående, pilot, utbildning, 12)"
        ],
    ),
    "insatser_okand_namnd.csv": (
        "insatser",
        [
            "insatser_okand_namnd.csv, rad 2, kolumn Nämnd: okänd nämnd; ange kod eller namn, t.ex. FRN eller "
            "Fritidsnämnden (koder: ASN, FRN, FSKN, FSN, GRN, GRN-PI, GYVN, HVON, KN, MN, SBN, SN, TN, KS) "
            "(värde: 'Regionnämnden')",
            "insatser_okand_namnd.csv, rad 3, kolumn Fokusområde: okänd fokusområde; ange boende, utbildning, "
            "arbetsmarknad, demokrati eller brottslighet (värde: 'Hälsa')",
            "insatser_okand_namnd.csv, rad 3, kolumn Områden: okänt område; ange kod 1–14 eller namn, t.ex. 12 "
            "eller Lindängen (värde: 'Lund')",
        ],
    ),
    "insatser_dubbla_id.csv": (
        "insatser",
        [
            "insatser_dubbla_id.csv, rad 3, kolumn Insats-id: insats-id finns redan på rad 2; ett id får bara "
            "förekomma en gång i filen (värde: 'INS-500')",
            "insatser_dubbla_id.csv, rad 5, kolumn Nämnd + Namn: en insats med samma nämnd och namn finns redan på "
            "rad 4; ge raderna var sitt insats-id eller slå ihop dem (värde: 'KN, Språkcafé')",
        ],
    ),
    "insatser_datum_i_fel_ordning.csv": (
        "insatser",
        [
            "insatser_datum_i_fel_ordning.csv, rad 2, kolumn Slutdatum: slutdatum 2025-06-30 ligger före "
            "startdatum 2025-09-01 (värde: '2025-06-30')",
            "insatser_datum_i_fel_ordning.csv, rad 3, kolumn Slutdatum: slutdatum 2025-01-01 ligger före "
            "startdatum 2025-12-31 (värde: '2025-01-01')",
            "insatser_datum_i_fel_ordning.csv, rad 4, kolumn Startdatum: 2025-02-30 är inget giltigt datum; "
            f"{fmt.DATE_EXPECTED} (värde: '2025-02-30')",
            f"insatser_datum_i_fel_ordning.csv, rad 5, kolumn Startdatum: {fmt.DATE_EXPECTED} (värde: 'igår')",
            "insatser_datum_i_fel_ordning.csv, rad 5, kolumn Slutdatum: 13/13/2025 är inget giltigt datum; "
            f"{fmt.DATE_EXPECTED} (värde: '13/13/2025')",
        ],
    ),
    "insatser_bara_rubrik.csv": ("insatser", ["insatser_bara_rubrik.csv: filen har en rubrikrad men inga datarader"]),
    "tom.csv": ("insatser", ["tom.csv: filen är tom"]),
    "tom.xlsx": ("insatser", ["tom.xlsx: filen är tom (inga ifyllda celler)"]),
    "rapport.pdf": (
        "insatser",
        ["rapport.pdf: filtypen stöds inte: filen är en PDF. Ladda upp en Excel-fil (.xlsx) eller en CSV-fil"],
    ),
    "gammal_excel.xls": (
        "insatser",
        [
            "gammal_excel.xls: filen är i det gamla Excel-formatet (.xls); spara den som Excel-arbetsbok (.xlsx) "
            "eller CSV och försök igen"
        ],
    ),
    "tilldelningar_belopp_felaktiga.csv": (
        "tilldelningar",
        [
            f"tilldelningar_belopp_felaktiga.csv, rad {row}, kolumn Belopp: {message} (värde: {value})"
            for row, message, value in (
                (2, fmt.AMOUNT_APPROXIMATE, "'ca 1 mkr'"),
                (3, fmt.AMOUNT_NEGATIVE, "'-5000'"),
                (4, fmt.AMOUNT_AMBIGUOUS, "'1,3'"),
                (5, fmt.AMOUNT_EXPECTED, "'se bilaga'"),
                (6, fmt.AMOUNT_FRACTION, "'1 300 000,50'"),
                (7, importer.MISSING_VALUE, "tomt"),
                (8, fmt.AMOUNT_AMBIGUOUS, "'12.5'"),
                (9, fmt.AMOUNT_APPROXIMATE, "'cirka 300 000 kr'"),
                (10, fmt.AMOUNT_EXPECTED, "'1 300 000 euro'"),
            )
        ],
    ),
    "indikatorvarden_fel.csv": (
        "indikatorvarden",
        [
            "indikatorvarden_fel.csv, rad 2, kolumn Område: Holma (25611) är ett delområde i statistikområde 14 "
            "(Hyllievång, Kroksbäck m fl); indikatorvärden anges per statistikområde 1–14 eller för hela staden (0) "
            "(värde: 'Holma')",
            "indikatorvarden_fel.csv, rad 3, kolumn Värde: en andel i procent ska ligga mellan 0 och 100 (värde: '158')",
            "indikatorvarden_fel.csv, rad 4, kolumn Värde: värdet får inte vara negativt (värde: '-10')",
            "indikatorvarden_fel.csv, rad 5, kolumn År: ska vara ett årtal 2000–2100, t.ex. 2024 (värde: '1999')",
            "indikatorvarden_fel.csv, rad 6, kolumn Indikator: okänd indikator; ange kod eller namn på en indikator "
            "i databasen, t.ex. forvarvsfrekvens eller Förvärvsfrekvens (värde: 'lycka')",
            "indikatorvarden_fel.csv, rad 7, kolumn Värde: ska vara ett tal, t.ex. 12,6 eller 31 000 (värde: 'ej känt')",
        ],
    ),
    "kraftsamling_fel.csv": (
        "kraftsamling",
        [
            "kraftsamling_fel.csv, rad 2, kolumn Startdatum: perioden 2025-06-01– för område 10 överlappar perioden "
            "2025-01-01– (redan i databasen, källa exempeldata) (värde: '2025-06-01')",
            "kraftsamling_fel.csv, rad 3, kolumn Slutdatum: slutdatum 2025-02-28 ligger före startdatum 2025-03-01 "
            "(värde: '2025-02-28')",
            "kraftsamling_fel.csv, rad 4, kolumn Område: Holma (25611) är ett delområde i statistikområde 14 "
            "(Hyllievång, Kroksbäck m fl); kraftsamling anges per statistikområde 1–14 (värde: 'Holma')",
            "kraftsamling_fel.csv, rad 6, kolumn Startdatum: perioden 2026-06-01–2027-06-30 för område 11 överlappar "
            "perioden 2026-01-01–2026-12-31 (rad 5 i filen) (värde: '2026-06-01')",
        ],
    ),
    # The same key twice, one file per kind (insatser: insatser_dubbla_id.csv above).
    "tilldelningar_dubbla_id.csv": (
        "tilldelningar",
        [
            "tilldelningar_dubbla_id.csv, rad 4, kolumn Tilldelnings-id: tilldelnings-id finns redan på rad 2; ett id "
            "får bara förekomma en gång i filen (värde: 'T2025-X')"
        ],
    ),
    "indikatorvarden_dubbla.csv": (
        "indikatorvarden",
        [
            "indikatorvarden_dubbla.csv, rad 4, kolumn Indikator + Område + År: samma indikator, område och år finns "
            "redan på rad 2; ett värde får bara förekomma en gång i filen (värde: 'folkmangd, 12, 2025')"
        ],
    ),
    "omradesteam_dubbla.csv": (
        "omradesteam",
        [
            "omradesteam_dubbla.csv, rad 4, kolumn Område + Startdatum: samma område och startdatum finns redan på "
            "rad 2; en period får bara förekomma en gång i filen (värde: '5, 2026-01-01')"
        ],
    ),
    "kraftsamling_dubbla.csv": (
        "kraftsamling",
        [
            "kraftsamling_dubbla.csv, rad 4, kolumn Område + Startdatum: samma område och startdatum finns redan på "
            "rad 2; en period får bara förekomma en gång i filen (värde: '11, 2026-01-01')"
        ],
    ),
    # A delområde's name is not its statistikområde's: the value may be the delområde's.
    "indikatorvarden_delomradesnamn.csv": (
        "indikatorvarden",
        [
            "indikatorvarden_delomradesnamn.csv, rad 2, kolumn Område: 'HERRGÅRDEN' är namnet på delområdet "
            "Herrgården (48208), som ligger i statistikområde 10 (Örtagården, Herrgården m fl); indikatorvärden anges "
            "per statistikområde: skriv koden 10 eller hela namnet 'Örtagården, Herrgården m fl' om värdet gäller "
            "hela statistikområdet (värde: 'HERRGÅRDEN')",
            "indikatorvarden_delomradesnamn.csv, rad 3, kolumn Område: 'Lindängen' är namnet på delområdet Lindängen "
            "(36213), som ligger i statistikområde 12 (Lindängen, Almvik m fl); indikatorvärden anges per "
            "statistikområde: skriv koden 12 eller hela namnet 'Lindängen, Almvik m fl' om värdet gäller hela "
            "statistikområdet (värde: 'Lindängen')",
        ],
    ),
    "insatser_blandad_kodning.csv": (
        "insatser",
        [
            "insatser_blandad_kodning.csv: filen blandar teckenkodningar: raderna före rad 3 är UTF-8, rad 3 är "
            "Windows-1252. Spara hela filen i en kodning (helst UTF-8) och försök igen"
        ],
    ),
    "insatser_bara_namn.csv": (
        "insatser",
        [
            "insatser_bara_namn.csv, rad 1: obligatoriska kolumner saknas: Ansvarig nämnd, Finansieringskälla, "
            "Belopp (kr), Startdatum, Status, Typ, Fokusområde. Hittade kolumner: Namn"
        ],
    ),
    "insatser_formler.xlsx": (
        "insatser",
        [f"insatser_formler.xlsx, blad Insatser, rad 3, kolumn Belopp: {importer.FORMULA_NO_VALUE} (värde: '=D2/2')"],
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_gets_exact_messages_and_changes_nothing(rw_con, name):
    kind, expected = BAD_FILES[name]
    before_rows, before_file = dump(rw_con), file_hash(rw_con)
    p = preview_fixture(rw_con, kind, name)
    assert texts(p) == expected
    assert not p.ok
    with pytest.raises(ImportRefused) as refused:
        importer.apply(rw_con, COMMAND_LINE, p)
    assert str(refused.value) == (
        f"Importen görs inte: {name} har {len(expected)} problem. Rätta filen och förhandsgranska den igen."
    )
    assert [x.text for x in refused.value.problems] == expected
    assert dump(rw_con) == before_rows
    assert file_hash(rw_con) == before_file


def test_a_formula_is_read_by_its_saved_value_and_refused_without_one(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_formler.xlsx")
    assert [(a.rad, a.values["namn"], a.values["belopp_kr"]) for a in p.added] == [(2, "Läxhjälp", 350_000)]
    assert "formel" in importer.FORMULA_NO_VALUE
    assert importer.MISSING_VALUE not in texts(p)[0]


def test_a_mixed_encoding_is_named_at_the_line_where_it_changes_either_way():
    utf8 = "Namn;Nämnd\nLäxhjälp;FRN\n".encode()
    cp1252 = "Språkcafé;KN\nMötesplats;KN\n".encode("cp1252")
    with pytest.raises(fmt.FileProblem, match=r"raderna före rad 3 är UTF-8, rad 3 är Windows-1252"):
        fmt.decode(utf8 + cp1252)
    with pytest.raises(fmt.FileProblem, match=r"raderna före rad 3 är Windows-1252, rad 3 är UTF-8"):
        fmt.decode("Namn;Nämnd\nSpråkcafé;KN\n".encode("cp1252") + "Läxhjälp;FRN\n".encode())
    assert fmt.decode("Namn;Nämnd\n".encode("cp1252")) == ("Namn;Nämnd\n", "Windows-1252")  # one encoding: read


def test_a_duplicate_period_on_the_command_line_is_a_message_not_a_crash(built_store, tmp_path, capsys):
    db = tmp_path / "perioder.duckdb"
    db.write_bytes(built_store.read_bytes())

    def rows() -> dict[str, list[tuple]]:
        con = store.connect(db)
        try:  # opening the store to write notes where its journal begins; the data are what count
            return {t: r for t, r in dump(con).items() if t != "journal_position"}
        finally:
            con.close()

    before = rows()
    for kind in ("omradesteam", "kraftsamling"):
        for command in ("preview", "apply"):
            assert cli.main(["import", command, kind, str(FIXTURES / f"{kind}_dubbla.csv"), "--db", str(db)]) == 1
            printed = capsys.readouterr()
            assert "samma område och startdatum finns redan på rad 2" in printed.out + printed.err
    assert rows() == before


def test_rows_with_problems_are_not_planned_but_the_others_are_shown(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_dubbla_id.csv")
    assert [a.key for a in p.added] == ["INS-500", "INS-501"]


def test_a_file_over_the_size_limit_is_refused_without_being_read(rw_con, tmp_path):
    big = tmp_path / "stor.csv"
    with big.open("wb") as f:
        f.truncate(26 * 1024 * 1024)
    p = importer.preview(rw_con, "insatser", big)
    assert texts(p) == ["stor.csv: filen är 26,0 MB; största tillåtna storlek är 25 MB. Dela upp den i flera filer"]
    p = importer.preview(rw_con, "insatser", b"x" * (25 * 1024 * 1024 + 1), "stor.csv")
    assert texts(p) == ["stor.csv: filen är 25,0 MB; största tillåtna storlek är 25 MB. Dela upp den i flera filer"]


# ---------------------------------------------------------------------------- limits before reading


def _xlsx_with(parts: dict[str, bytes], *, level: int = 9) -> bytes:
    """An .xlsx-shaped zip (a workbook part and the given parts), compressed hard."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _refused_unchanged(con: store.Connection, kind: str, data: bytes, name: str) -> list[str]:
    before_rows, before_file = dump(con), file_hash(con)
    p = importer.preview(con, kind, data, name)
    with pytest.raises(ImportRefused):
        importer.apply(con, COMMAND_LINE, p)
    assert dump(con) == before_rows and file_hash(con) == before_file
    return texts(p)


def test_a_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked(rw_con, monkeypatch):
    bomb = _xlsx_with({"xl/sharedStrings.xml": b"A" * (300 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small on disk, 300 MB unpacked

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    assert _refused_unchanged(rw_con, "insatser", bomb, "bomb.xlsx") == [
        "bomb.xlsx: filen ser ut som en zip-bomb: cellernas text (xl/sharedStrings.xml) packas upp från 0,3 MB till "
        "300,0 MB (1 029 gånger); största tillåtna är 100 gånger. Spara filen på nytt från Excel"
    ]


def test_a_sheet_or_a_workbook_over_the_unpacked_limits_is_refused(rw_con, monkeypatch):
    data = (FIXTURES / "insatser_fritid_2025.xlsx").read_bytes()  # sheet2.xml is 4 076 bytes unpacked
    monkeypatch.setattr(fmt, "MAX_PART_BYTES", 4000)
    assert _refused_unchanged(rw_con, "insatser", data, "stort_blad.xlsx") == [
        "stort_blad.xlsx: bladet xl/worksheets/sheet2.xml är 0,0 MB uppackad; största tillåtna är 0 MB. "
        "Dela upp filen i flera filer"
    ]
    monkeypatch.setattr(fmt, "MAX_PART_BYTES", 200 * 1024 * 1024)
    monkeypatch.setattr(fmt, "MAX_UNCOMPRESSED_BYTES", 20_000)  # the parts add up to 21 876 bytes
    assert texts(importer.preview(rw_con, "insatser", data, "stor.xlsx")) == [
        "stor.xlsx: arbetsboken är 0,0 MB uppackad; största tillåtna är 0 MB uppackad. Dela upp den i flera filer"
    ]


def test_the_limits_are_as_the_readme_says_and_a_realistic_file_fits():
    assert (fmt.MAX_ROWS, fmt.MAX_CELLS, fmt.MAX_RATIO) == (300_000, 5_000_000, 100)
    assert (fmt.MAX_UNCOMPRESSED_BYTES, fmt.MAX_PART_BYTES) == (250 * 1024 * 1024, 200 * 1024 * 1024)
    assert 136 * 100 * 20 <= fmt.MAX_ROWS  # indikatorvärden for every delområde, 100 indicators, 20 years
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for said in ("300 000 rader", "5 000 000 celler", "250 MB", "200 MB", "100 gånger"):
        assert said in readme, said


def test_a_csv_over_the_row_limit_is_refused_and_one_at_the_limit_is_read(rw_con):
    header = "Indikator;Område;År;Värde\n"
    at_limit = header + "folkmangd;12;2025;1\n" * fmt.MAX_ROWS
    table = fmt.read_table(at_limit.encode(), "gräns.csv", importer.INDIKATORVARDEN.score)
    assert len(table.rows) == fmt.MAX_ROWS
    over = (at_limit + "folkmangd;12;2025;1\n").encode()
    started = time.perf_counter()
    refused = _refused_unchanged(rw_con, "indikatorvarden", over, "over.csv")
    assert refused == [
        "over.csv: filen har fler än 300 000 rader under rubrikraden; största tillåtna är 300 000 rader. "
        "Dela upp den i flera filer"
    ]
    assert time.perf_counter() - started < 30  # refused while reading, without checking a row


def test_an_excel_sheet_over_the_row_or_cell_limit_is_refused_while_it_is_read(rw_con, monkeypatch):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Indikator", "Område", "År", "Värde"])
    for year in range(2000, 2012):
        sheet.append(["folkmangd", "12", year, 1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    monkeypatch.setattr(fmt, "MAX_ROWS", 11)
    assert _refused_unchanged(rw_con, "indikatorvarden", buffer.getvalue(), "rader.xlsx") == [
        "rader.xlsx: filen har fler än 11 rader under rubrikraden; största tillåtna är 11 rader. "
        "Dela upp den i flera filer"
    ]
    monkeypatch.setattr(fmt, "MAX_ROWS", 12)
    assert importer.preview(rw_con, "indikatorvarden", buffer.getvalue(), "rader.xlsx").ok
    monkeypatch.setattr(fmt, "MAX_CELLS", 51)  # 13 rows of 4 cells
    assert texts(importer.preview(rw_con, "indikatorvarden", buffer.getvalue(), "celler.xlsx")) == [
        "celler.xlsx: bladet har fler än 51 celler; största tillåtna är 51 celler (rader gånger kolumner). "
        "Ta bort tomma kolumner och rader eller dela upp filen"
    ]


# ------------------------------------------------------------------------ progress and other users


def _many_tilldelningar(n: int) -> bytes:
    lines = ["Tilldelnings-id;Beslut;Nämnd;Finansieringskälla;År;Belopp"]
    lines += [f"T-{i:06d};B2024-KSAU414-KS;FRN;ks_anslag;2025;{1000 + i}" for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def test_a_preview_and_an_import_tell_their_progress_without_holding_the_write_lock(rw_con):
    seen: list[importer.Progress] = []

    def told(p: importer.Progress) -> None:
        assert not unit_of_work.WRITE_LOCK.locked() or p.step in ("recheck", "write")
        seen.append(p)

    p = importer.preview(rw_con, "tilldelningar", _many_tilldelningar(20_000), "manga.csv", progress=told)
    assert p.ok and len(p.added) == 20_000
    steps = [x.step for x in seen]
    assert steps[0] == "read" and steps[-1] == "compare" and "check" in steps
    assert [x.fraction for x in seen] == sorted(x.fraction for x in seen)
    assert seen[-1].fraction == 1.0 and seen[-1].remaining == 0.0
    checking = [x for x in seen if x.step == "check"]
    assert all(x.total == 20_000 and 0 <= x.done <= 20_000 for x in checking)
    seen.clear()
    importer.apply(rw_con, EDITOR, p, progress=told)
    assert seen[0].step == "recheck" and seen[-1].step == "write" and seen[-1].fraction == 1.0


def test_an_estimate_of_the_time_left():
    assert importer.Progress("check", 500, 1000, 0.25, 10.0).remaining == pytest.approx(30.0)
    assert importer.Progress("read", 0, None, 0.0, 0.1).remaining is None


def test_long_loops_let_other_threads_run(rw_con, monkeypatch):
    pauses: list[float] = []
    monkeypatch.setattr(importer, "YIELD_EVERY_S", 0.0)
    monkeypatch.setattr(importer.time, "sleep", pauses.append)
    importer.preview(rw_con, "tilldelningar", _many_tilldelningar(5_000), "manga.csv")
    assert len(pauses) >= 10 and set(pauses) == {importer.YIELD_FOR_S}


def test_a_20_mb_csv_previews_in_reasonable_time(rw_con, tmp_path):
    path = tmp_path / "insatser_20mb.csv"
    header = "Insats-id;Namn;Beskrivning;Ansvarig nämnd;Finansieringskälla;Belopp;Startdatum;Status;Typ;Fokusområde;Områden\n"
    filler = "Läxhjälp, språkstöd och aktiviteter efter skoltid för elever i årskurs 4–9. " * 4
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        n = 0
        while f.tell() < 20 * 1024 * 1024:
            n += 1
            f.write(
                f"X-{n:06d};Insats {n};{filler};Fritid;ks_anslag;1 300 000 kr;9/9/2025;pågående;pilot;utbildning;Lindängen\n"
            )
    assert 20 * 1024 * 1024 <= path.stat().st_size < fmt.MAX_BYTES
    started = time.perf_counter()
    p = importer.preview(rw_con, "insatser", path)
    elapsed = time.perf_counter() - started
    assert p.ok, texts(p)[:3]
    assert len(p.added) == n
    assert elapsed < 60, f"förhandsgranskningen tog {elapsed:.1f} s"


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


# ------------------------------------------------------------------------------------ apply


def test_apply_writes_rows_relations_history_audit_and_source(rw_con, tmp_path):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx")
    changes: list[str] = []
    result = importer.apply(rw_con, EDITOR, p, on_change=lambda: changes.append("ja"))
    assert changes == ["ja"]
    assert result.added == ("INS-068", "INS-069", "INS-070", "INS-071") and result.changed == ()
    assert result.snapshot is not None and result.snapshot.parent == tmp_path / "snapshots"
    row = writes.get_insats(rw_con, "INS-070")
    assert row is not None
    assert (row["namn"], row["namnd_kod"], row["belopp_kr"], row["status"], row["version"]) == (
        "Föreningscoacher",
        "FRN",
        1_300_000,
        "beviljad",
        1,
    )
    assert (row["omraden"], row["partner_namnder"], row["sekundara_fokus"]) == (["11", "12"], ["GRN", "KN"], ["boende"])
    assert row["kalla"] == "insatser_fritid_2025.xlsx"
    history = rw_con.execute(
        "select insats_id, datum, fran_status, till_status, anvandare, kalla from statushistorik "
        "where insats_id in ('INS-068', 'INS-070') order by insats_id"
    ).fetchall()
    today = writes.today()
    assert history == [
        ("INS-068", date(2025, 1, 15), None, "pågående", "kim", "insatser_fritid_2025.xlsx"),
        ("INS-070", today, None, "beviljad", "kim", "insatser_fritid_2025.xlsx"),
    ]
    comment = f"insatser_fritid_2025.xlsx sha256:{p.sha256}"
    assert p.sha256 == hashlib.sha256((FIXTURES / "insatser_fritid_2025.xlsx").read_bytes()).hexdigest()
    audit = rw_con.execute(
        "select anvandare, handling, tabell, rad_id, falt, nytt_varde, kommentar from audit order by audit_id"
    ).fetchall()
    assert len(audit) == result.audit_rows
    assert {(a[0], a[1], a[6]) for a in audit} == {("kim", "import", comment)}
    assert ("kim", "import", "insatser", "INS-070", "belopp_kr", "1300000", comment) in audit
    assert audit[-1] == (
        "kim",
        "import",
        "insatser",
        "insatser_fritid_2025.xlsx",
        None,
        "4 nya, 0 ändrade, 0 oförändrade",
        comment,
    )
    source = rw_con.execute("select typ, titel from kallor where kalla_id = 'insatser_fritid_2025.xlsx'").fetchone()
    assert source == ("importfil", f"Importerad fil insatser_fritid_2025.xlsx (sha256 {p.sha256[:12]}…)")


def test_a_changed_insats_gets_a_new_version_and_field_audit(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_semikolon_cp1252.csv")
    importer.apply(rw_con, EDITOR, p)
    row = writes.get_insats(rw_con, "INS-005")
    assert (row["belopp_kr"], row["version"], row["kalla"]) == (900_000, 2, "insatser_semikolon_cp1252.csv")
    changed = rw_con.execute(
        "select falt, gammalt_varde, nytt_varde from audit where rad_id = 'INS-005' order by audit_id"
    ).fetchall()
    assert changed == [("belopp_kr", "770000", "900000"), ("kalla", "exempeldata", "insatser_semikolon_cp1252.csv")]


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("insatser", "insatser_fritid_2025.xlsx"),
        ("insatser", "insatser_semikolon_cp1252.csv"),
        ("insatser", "insatser_utf8_bom_komma.csv"),
        ("tilldelningar", "tilldelningar_belopp_alla_former.csv"),
        ("indikatorvarden", "indikatorvarden_malmo.csv"),
        ("omradesteam", "omradesteam_2025.xlsx"),
    ],
)
def test_importing_the_same_file_again_changes_nothing(rw_con, kind, name):
    first = importer.apply(rw_con, EDITOR, preview_fixture(rw_con, kind, name))
    assert first.added or first.changed
    before_rows, before_file = dump(rw_con), file_hash(rw_con)
    again = preview_fixture(rw_con, kind, name)
    assert again.ok and not again.added and not again.changed
    assert len(again.unchanged) == len(first.added) + len(first.changed)
    result = importer.apply(rw_con, EDITOR, again)
    assert (result.added, result.changed, result.snapshot, result.audit_rows) == ((), (), None, 0)
    assert result.summary() == f"{name}: inget att ändra; databasen är redan som filen ({len(again.unchanged)} rader)."
    assert dump(rw_con) == before_rows
    assert file_hash(rw_con) == before_file


def test_readers_and_nobody_are_refused_at_apply_and_nothing_changes(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx")
    before = dump(rw_con)
    with pytest.raises(PermissionError, match="rollen läsare"):
        importer.apply(rw_con, READER, p)
    with pytest.raises(PermissionError, match="logga in som redaktör"):
        importer.apply(rw_con, None, p)
    assert dump(rw_con) == before


def test_a_preview_made_before_the_store_changed_is_refused(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_semikolon_cp1252.csv")
    stored = writes.get_insats(rw_con, "INS-005")
    writes.update_insats(rw_con, EDITOR, "INS-005", {"belopp_kr": 800_000}, stored["version"])
    before = dump(rw_con)
    with pytest.raises(StalePreview, match="Databasen har ändrats sedan förhandsgranskningen"):
        importer.apply(rw_con, EDITOR, p)
    assert {t: rows for t, rows in dump(rw_con).items()} == before


def test_an_error_while_writing_leaves_the_store_as_it_was(rw_con, monkeypatch):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx")
    before = dump(rw_con)

    def broken(*args: object, **kwargs: object) -> None:
        raise store.Error("disken är full")

    monkeypatch.setattr(importer._Audit, "flush", broken)
    with pytest.raises(store.Error):
        importer.apply(rw_con, EDITOR, p)
    assert dump(rw_con) == before


def test_exempeldata_in_a_file_is_skipped_and_a_given_source_is_kept(rw_con):
    data = (
        "Indikator;Område;År;Värde;Källa\n"
        "folkmangd;12;2030;1;exempeldata\n"
        "folkmangd;12;2031;2;Områdesfakta 2031\n"
        "folkmangd;12;2032;3;\n"
    ).encode()
    p = importer.preview(rw_con, "indikatorvarden", data, "ind.csv", kalla="SCB")
    assert [(a.key, a.values["kalla"]) for a in p.added] == [
        ("folkmangd/12/2031", "Områdesfakta 2031"),
        ("folkmangd/12/2032", "SCB"),
    ]
    assert "kolumn Källa: raden har källan exempeldata och hoppas över (rad 2)" in notices(p)
    assert p.skipped == 1
    importer.apply(rw_con, EDITOR, p)
    assert rw_con.execute(
        "select count(*) from indikatorvarden where kalla = 'exempeldata' and ar >= 2030"
    ).fetchone() == (0,)


def test_an_insats_without_id_is_recognised_by_namnd_and_name(rw_con):
    data = (
        "Namn;Nämnd;Finansiering;Belopp;Startdatum;Status;Typ;Fokusområde;Områden\n"
        "sommarjobb i parkförvaltning;Tekniska nämnden;ks_anslag;580000;2022-11-01;pågående;utökning;"
        "arbetsmarknad;Hela staden\n"
        "Trygghetsbelysning och stråk;TN;ks_anslag;770000;2022-12-01;pågående;ny;brottslighet;10\n"
    ).encode()
    p = importer.preview(rw_con, "insatser", data, "utan_id.csv")
    assert [a.key for a in (*p.changed, *p.unchanged)] == ["INS-007"]
    assert texts(p) == [
        "utan_id.csv, rad 3, kolumn Namn: flera insatser hos nämnden heter så (INS-005, INS-051); ange insats-id "
        "(värde: 'Trygghetsbelysning och stråk')"
    ]


# --------------------------------------------------------------------------- snapshot, restore


def test_a_snapshot_through_an_open_connection_skips_an_uncommitted_write(rw_con, tmp_path):
    writer = rw_con.cursor()
    writer.begin()
    writer.execute("delete from indikatorvarden")
    path = snapshots.snapshot(rw_con, reason="test")
    writer.rollback()
    writer.close()
    assert path is not None and path.parent == tmp_path / "snapshots"
    copy = store.connect(path)
    try:
        assert copy.execute("select count(*) from indikatorvarden").fetchone() == (1650,)
        assert dump(copy)["insatser"] == dump(rw_con)["insatser"]
    finally:
        copy.close()
    (listed,) = snapshots.list_snapshots(tmp_path / "snapshots")
    assert (listed.path, listed.anledning) == (path, "test")


VERSION = 14  # the position of insatser.version


def test_restore_brings_back_the_data_keeps_the_log_and_can_be_undone(rw_con, tmp_path):
    original = dump(rw_con)
    result = importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx"))
    assert result.snapshot is not None
    with pytest.raises(PermissionError, match="Bara en administratör kan återställa en ögonblicksbild"):
        snapshots.restore(rw_con, result.snapshot, EDITOR)
    restored = snapshots.restore(rw_con, result.snapshot.name, COMMAND_LINE)
    now = dump(rw_con)
    assert {t: r for t, r in now.items() if t not in snapshots.KEPT_TABLES | {"insatser"}} == {
        t: r for t, r in original.items() if t not in snapshots.KEPT_TABLES | {"insatser"}
    }
    without_version = "select * exclude (version) from insatser order by insats_id"
    assert rw_con.execute(without_version).fetchall() == [
        tuple(v for i, v in enumerate(r) if i != VERSION) for r in sorted(original["insatser"])
    ]
    assert min(r[VERSION] for r in dump(rw_con)["insatser"]) > max(r[VERSION] for r in original["insatser"])
    assert restored.rows["insatser"] == (71, 67)
    log = rw_con.execute("select handling, tabell, gammalt_varde, nytt_varde from audit order by audit_id").fetchall()
    assert ("import", "insatser", None, "4 nya, 0 ändrade, 0 oförändrade") in log
    assert ("återställning", "insatser", "71 rader", "67 rader") in log
    assert restored.before is not None
    snapshots.restore(rw_con, restored.before, COMMAND_LINE)
    assert rw_con.execute("select count(*) from insatser").fetchone() == (71,)
    names = [s.name for s in snapshots.list_snapshots(tmp_path / "snapshots")]
    assert len(names) == 3 and names[-1] == result.snapshot.name


def test_restore_refuses_files_that_are_not_snapshots(rw_con, tmp_path):
    with pytest.raises(snapshots.SnapshotError, match="finns inte"):
        snapshots.restore(rw_con, "store-20250101T000000000000Z.duckdb", COMMAND_LINE)
    other = tmp_path / "annat.duckdb"
    other.write_bytes(b"")
    with pytest.raises(snapshots.SnapshotError, match=r"annat\.duckdb finns inte"):
        snapshots.restore(rw_con, other, COMMAND_LINE)


def test_restore_refuses_a_snapshot_with_another_structure(rw_con, tmp_path):
    path = snapshots.snapshot(rw_con, reason="gammal")
    other = store.connect(path, read_only=False)
    other.execute("alter table omradesteam add column extra varchar")
    other.close()
    before = dump(rw_con)
    with pytest.raises(writes.ValidationError, match="tabellen omradesteam har andra kolumner"):
        snapshots.restore(rw_con, path, COMMAND_LINE)
    assert {t: r for t, r in dump(rw_con).items() if t != "audit"} == {t: r for t, r in before.items() if t != "audit"}


def test_a_snapshot_and_restore_of_a_store_file_from_the_command_line(built_store, tmp_path):
    db = tmp_path / "fil.duckdb"
    db.write_bytes(built_store.read_bytes())
    path = snapshots.snapshot(db, reason="kommandorad")
    assert path.parent == tmp_path / "snapshots"
    held = store.connect(db, read_only=False)
    try:
        with pytest.raises(snapshots.SnapshotError):
            snapshots.snapshot(Path(str(db) + ".saknas"))
    finally:
        held.close()


# ------------------------------------------------------------------------- removing exempeldata


def test_removing_exempeldata_insatser_takes_their_dependants_and_is_logged(rw_con):
    counts = importer.exempeldata_counts(rw_con)
    assert counts["insatser"] == (67, 66)
    with pytest.raises(PermissionError, match="Bara en administratör kan ta bort exempeldata"):
        importer.remove_exempeldata(rw_con, EDITOR, "insatser")
    removed = importer.remove_exempeldata(rw_con, COMMAND_LINE, "insatser")
    assert removed["insatser"] == 66 and removed["uppfoljningar"] == 132
    assert rw_con.execute("select insats_id from insatser").fetchall() == [("INS-001",)]
    assert rw_con.execute(
        "select count(*) from insats_omraden where insats_id not in (select insats_id from insatser)"
    ).fetchone() == (0,)
    log = rw_con.execute("select handling, tabell, gammalt_varde from audit order by audit_id").fetchall()
    assert ("ta bort exempeldata", "insatser", "66 rader") in log
    assert importer.remove_exempeldata(rw_con, COMMAND_LINE, "insatser") == {}


def test_removing_exempeldata_is_refused_when_real_rows_refer_to_it(rw_con):
    p = importer.preview(
        rw_con, "indikatorvarden", "Indikator;Område;År;Värde\nfolkmangd;12;2025;23000\n".encode(), "scb.csv"
    )
    importer.apply(rw_con, EDITOR, p)
    before = dump(rw_con)
    with pytest.raises(writes.ValidationError) as refused:
        importer.remove_exempeldata(rw_con, COMMAND_LINE, "indikatorer")
    assert refused.value.errors == [
        (
            "tabell",
            "Exempeldata i indikatorer kan inte tas bort: 1 rader som inte tas bort hänvisar till dem: "
            "indikatorvarden folkmangd, område 12, 2025 (indikator_kod folkmangd). Ändra eller ta bort dem först.",
        )
    ]
    assert dump(rw_con) == before
    with pytest.raises(writes.ValidationError, match="inte ur 'beslut'"):
        importer.remove_exempeldata(rw_con, COMMAND_LINE, "beslut")


# --------------------------------------------------------------------------- templates, export


@pytest.mark.parametrize("kind", list(importer.KINDS))
def test_each_template_explains_its_columns_and_reads_back(rw_con, kind):
    spec = importer.KINDS[kind]
    workbook = openpyxl.load_workbook(io.BytesIO(importer.template(kind, con=rw_con)))
    assert workbook.sheetnames == [spec.title, "Om kolumnerna", "Koder"]
    assert [c.value for c in workbook[spec.title][3]] == [c.header for c in spec.columns]
    about = [r for r in workbook["Om kolumnerna"].iter_rows(min_row=2, max_row=len(spec.columns) + 1, values_only=True)]
    assert [(r[0], r[1]) for r in about] == [(c.header, "ja" if c.required else "nej") for c in spec.columns]
    assert all(r[2] and r[3] for r in about)
    for data, name in (
        (importer.template(kind), f"mall_{kind}.xlsx"),
        (importer.template(kind, "csv"), f"mall_{kind}.csv"),
    ):
        p = importer.preview(rw_con, kind, data, name)
        assert p.ok, texts(p)
        assert len(p.added) + len(p.changed) + len(p.unchanged) == 1
    assert importer.template(kind, "csv").startswith("\ufeff".encode())


def test_the_full_export_has_every_table_but_the_accounts_and_the_journal_position(con):
    zipped, workbook = importer.export_store(con)
    names = zipfile.ZipFile(io.BytesIO(zipped)).namelist()
    tables = {r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()}
    left_out = {"anvandare", "journal_position"}
    assert set(names) == {"om_exporten.txt"} | {f"{t}.csv" for t in tables - left_out}
    sheets = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True).sheetnames
    assert sheets[0] == "Om exporten" and set(sheets[1:]) == tables - left_out


def test_exported_tables_read_back_into_a_fresh_store_give_the_same_rows(rw_con, built_store, tmp_path, copy_store):
    importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx"))
    importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "insatser", "insatser_semikolon_cp1252.csv"))
    importer.apply(rw_con, EDITOR, preview_fixture(rw_con, "indikatorvarden", "indikatorvarden_malmo.csv"))
    zipped, workbook = importer.export_store(rw_con)
    fresh_path = copy_store(built_store, tmp_path / "ny.duckdb")
    compared = {
        "insatser": "select * exclude (version, seed_rad) from insatser",
        "insats_fokusomraden": "select * exclude (seed_rad) from insats_fokusomraden",
        "insats_omraden": "select * exclude (seed_rad) from insats_omraden",
        "insats_partner": "select * exclude (seed_rad) from insats_partner",
        "indikatorvarden": "select * exclude (seed_rad) from indikatorvarden",
    }
    archive = zipfile.ZipFile(io.BytesIO(zipped))
    for source in ("csv", "xlsx"):
        fresh = recovery.open_store(fresh_path).con
        try:
            for kind in ("insatser", "indikatorvarden"):
                data = archive.read(f"{kind}.csv") if source == "csv" else workbook
                p = importer.preview(fresh, kind, data, f"export.{source}", sheet=kind if source == "xlsx" else None)
                assert p.ok, texts(p)[:5]
                importer.apply(fresh, EDITOR, p)
            for table, sql in compared.items():
                assert sorted(fresh.execute(sql).fetchall(), key=repr) == sorted(
                    rw_con.execute(sql).fetchall(), key=repr
                ), (source, table)
        finally:
            fresh.close()


# ----------------------------------------------------------------------------- command line


def test_command_line_template_preview_and_apply(built_store, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    db.write_bytes(built_store.read_bytes())
    out = tmp_path / "mall.xlsx"
    assert cli.main(["import", "template", "insatser", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Insatser", "Om kolumnerna"]

    bad = str(FIXTURES / "insatser_negativa_belopp.csv")
    assert cli.main(["import", "preview", "insatser", bad, "--db", str(db)]) == 1
    assert "beloppet får inte vara negativt" in capsys.readouterr().out
    assert cli.main(["import", "apply", "insatser", bad, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Importen görs inte: insatser_negativa_belopp.csv har 2 problem." in err
    assert "  ! insatser_negativa_belopp.csv, rad 2, kolumn Belopp: beloppet får inte vara negativt" in err

    good = str(FIXTURES / "insatser_semikolon_cp1252.csv")
    assert cli.main(["import", "apply", "insatser", good, "--db", str(db), "--user", "lo"]) == 1
    assert "rollen läsare" in capsys.readouterr().err
    assert cli.main(["import", "apply", "insatser", good, "--db", str(db)]) == 0
    printed = capsys.readouterr().out
    assert "  ~ rad 3: INS-005 Trygghetsbelysning och stråk\n      Belopp (kr): 770000 → 900000" in printed
    assert "insatser_semikolon_cp1252.csv: 2 nya och 1 ändrade rader importerade, 0 oförändrade." in printed
    assert "Databasen som den var före importen finns i" in printed
    con = store.connect(db)
    try:
        assert con.execute("select distinct anvandare from audit").fetchall() == [("kommandorad",)]
    finally:
        con.close()

    assert cli.main(["import", "snapshots", "--db", str(db)]) == 0
    assert "fore-import-av-insatser-semikolon-cp1252-csv" in capsys.readouterr().out
    assert cli.main(["import", "export", str(tmp_path / "allt.zip"), "--db", str(db)]) == 0
    assert (tmp_path / "allt.xlsx").is_file()


def test_the_command_line_says_when_the_store_is_held_by_another_writer(built_store, tmp_path, capsys):
    db = tmp_path / "upptagen.duckdb"
    db.write_bytes(built_store.read_bytes())
    # Another process holding the file is simulated by a read-write connection in this one: DuckDB
    # refuses a read-only connection with another configuration, as it refuses another process.
    held = store.connect(db, read_only=False)
    try:
        code = cli.main(
            ["import", "preview", "insatser", str(FIXTURES / "insatser_semikolon_cp1252.csv"), "--db", str(db)]
        )
    finally:
        held.close()
    assert code == 1
    assert "Databasen används redan av en annan process" in capsys.readouterr().err


def test_every_import_query_has_a_header():
    for path in sorted((ROOT / "queries" / "import").glob("*.sql")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("-- "), path.name


def test_a_large_preview_runs_in_a_process_of_its_own_and_gives_the_same_result(rw_con, monkeypatch):
    from lokalutveckling.imports import apart as import_apart

    rows = ["Tilldelnings-id;Beslut;Nämnd;Finansieringskälla;År;Belopp"]
    rows += [f"T-{i:06d};B2024-KSAU414-KS;FRN;ks_anslag;2025;{1000 + i}" for i in range(7000)]
    data = ("\n".join(rows) + "\n").encode("utf-8")
    assert len(data) > import_apart.APART_FROM_BYTES
    here = importer.preview(rw_con, "tilldelningar", data, "stor.csv")
    told: list[importer.Progress] = []

    def not_here(*args, **kwargs):
        raise AssertionError("the large preview ran in the app's own process")

    monkeypatch.setattr(importer, "preview", not_here)  # the child process imports its own, unpatched
    apart = import_apart.preview(rw_con, "tilldelningar", data, "stor.csv", progress=told.append)
    monkeypatch.undo()
    assert apart.summary() == here.summary() == "stor.csv: 7000 nya, 0 ändras, 0 oförändrade (tilldelningar)."
    assert apart._signature == here._signature and apart.sha256 == here.sha256
    assert told and told[-1].fraction > 0.5
    result = importer.apply(rw_con, EDITOR, apart)  # the live store is planned again, and matches
    assert len(result.added) == 7000
    folder = store.database_path(rw_con).parent
    assert not list(folder.glob("**/*forhandsgranskning*"))  # the copy it read was removed


def test_a_child_process_that_fails_is_a_clear_refusal_not_a_traceback(rw_con):
    from lokalutveckling.imports import apart as import_apart

    data = b"Namn;Belopp\n" + b"x;1\n" * (import_apart.APART_FROM_BYTES // 4)
    with pytest.raises(ImportRefused, match=r"Förhandsgranskningen av stor\.csv misslyckades \(.*okand"):
        import_apart.preview(rw_con, "okand", data, "stor.csv")
