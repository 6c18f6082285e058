"""Bad files get the exact messages expected, and the store is unchanged after each."""

from __future__ import annotations

import pytest

from lokalutveckling import cli, store
from lokalutveckling import imports as importer
from lokalutveckling.domain import COMMAND_LINE
from lokalutveckling.imports import ImportRefused
from lokalutveckling.imports import formats as fmt
from tests.imports.helpers import FIXTURES, dump, file_hash, preview_fixture, texts

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
