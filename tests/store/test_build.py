"""The build: real figures from the source documents, every row sourced, checks that stop bad seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from lokalutveckling import store
from lokalutveckling.paths import SHARED_DIR

SEEDS = SHARED_DIR / "seeds"
TS_2022 = "002_653f0594ef9bb87d.txt"


def one(con: store.Connection, sql: str, params: dict | None = None) -> object:
    return con.execute(sql, params or {}).fetchone()[0]


def test_ks_allocation_per_namnd_as_in_the_2022_document(con):
    rows = dict(
        con.execute(
            "select mottagare_text, belopp_kr from tilldelningar "
            "where finansiering_kod = 'ks_anslag' and ar = 2022 order by dokument_rad"
        ).fetchall()
    )
    assert rows["Grundskolenämnden"] == 4_400_000
    assert rows["Arbetsmarknads- och socialnämnden"] == 1_300_000
    assert rows["Tekniska nämnden"] == 2_030_000
    assert rows["Grundskolenämnden avseende den gemensamma skolfunktionen Pedagogisk inspiration"] == 650_000
    assert rows["Kommunstyrelsen - Stadskontoret"] == 1_370_000
    assert len(rows) == 12
    assert sum(rows.values()) == 15_000_000


def test_socialstyrelsen_allocation_as_written_including_its_wrong_total(con):
    rows = con.execute(
        "select mottagare_text, belopp_kr from tilldelningar "
        "where finansiering_kod = 'sos_statsbidrag' order by dokument_rad"
    ).fetchall()
    assert ("Funktionsstödsnämnden", 3_500_000) in rows
    assert ("Kommunstyrelsen - Stadskontoret", 3_630_000) in rows
    assert len(rows) == 9
    # The document declares 19 700 000 but its lines add up to 18 600 000: kept as written.
    assert sum(b for _, b in rows) == 18_600_000
    declared = one(con, "select belopp_kr from deklarerade_summor where finansiering_kod = 'sos_statsbidrag'")
    assert declared == 19_700_000


def test_every_allocation_line_is_on_its_cited_line_of_the_source_document(con):
    lines = con.execute("select mottagare_text, belopp_kr, kalla, dokument_rad from tilldelningar").fetchall()
    for mottagare, belopp, kalla, rad in lines:
        text = (SEEDS / kalla).read_text(encoding="utf-8").splitlines()[rad - 1]
        amount = f"{belopp:,}".replace(",", " ")
        short = f"{belopp / 1_000_000:.1f}".replace(".", ",")
        assert amount in text or f"{short} miljoner" in text, (kalla, rad, text)
        if kalla == TS_2022:
            assert text.startswith(mottagare), (mottagare, text)


def test_2024_money_to_fritidsnamnden_and_delmos_grant(con):
    assert one(con, "select belopp_kr from tilldelningar where tilldelning_id = 'T2024-KS-FRN'") == 5_300_000
    assert one(con, "select belopp_kr from tilldelningar where tilldelning_id = 'T2025-FRN-LU'") == 12_600_000
    assert one(con, "select belopp_kr from tilldelningar where finansiering_kod = 'delmos'") == 290_000


def test_decision_chain_keeps_stage_and_organ(con):
    rows = {
        r[0]: r[1:] for r in con.execute("select beslut_id, organ, stadium, datum, paragraf from beslut").fetchall()
    }
    assert rows["B2020-KSAU311"][:2] == ("KSAU", "förslag")
    assert rows["B2020-KS200"][:2] == ("KS", "beslut")
    assert str(rows["B2020-KS200"][2]) == "2020-06-03"
    assert rows["B2022-TJS"][:2] == ("Stadskontoret", "förslag")
    assert rows["B2024-KSAU414-KS"][3] == "§ 414"
    planned = con.execute("select planerat_organ, planerat_datum from beslut where beslut_id = 'B2022-TJS'").fetchone()
    assert planned[0] == "KS" and str(planned[1]) == "2022-08-17"


def test_areas_14_statistikomraden_and_136_delomraden(con):
    assert one(con, "select count(*) from omraden where niva = 'statistikomrade'") == 14
    assert one(con, "select count(*) from omraden where niva = 'delomrade'") == 136
    assert one(con, "select namn from omraden where omrade_kod = '12'") == "Lindängen, Almvik m fl"
    assert one(con, "select overordnad_kod from omraden where namn = 'MALMÖHUS'") == "1"
    per_area = con.execute(
        "select overordnad_kod, count(*) from omraden where niva = 'delomrade' group by overordnad_kod"
    ).fetchall()
    assert len(per_area) == 14 and all(n > 0 for _, n in per_area)


def test_every_row_carries_a_known_source(con):
    tables = [
        "fokusomraden",
        "namnder",
        "omraden",
        "finansieringskallor",
        "beslut",
        "tilldelningar",
        "deklarerade_summor",
        "insatser",
        "insats_fokusomraden",
        "insats_omraden",
        "insats_partner",
        "indikatorer",
        "indikatorvarden",
        "omradesteam",
        "kraftsamling",
    ]
    known = {r[0] for r in con.execute("select kalla_id from kallor").fetchall()}
    for table in tables:
        sources = {r[0] for r in con.table(table).project("kalla").distinct().fetchall()}
        assert sources and sources <= known, table
    documents = {k for k in known if k.endswith(".txt")}
    assert documents == {p.name for p in SEEDS.glob("*.txt")}


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "tilldelningar.csv",
            ",4400000,",
            ",4 400 000,",
            "tilldelningar.csv, rad 7, kolumn belopp_kr: ska vara ett belopp i hela kronor",
        ),
        (
            "tilldelningar.csv",
            "T2022-KS-TN,B2022-TJS,TN,",
            "T2022-KS-ASN,B2022-TJS,TN,",
            "tilldelningar.csv, rad 4, kolumn tilldelning_id: nyckeln förekommer 2 gånger",
        ),
        (
            "tilldelningar.csv",
            "T2022-KS-GRN,B2022-TJS,GRN,",
            "T2022-KS-GRN,B2022-TJS,GRX,",
            "tilldelningar.csv, rad 7, kolumn namnd_kod: okänd kod, finns inte i namnder.csv (värde: 'GRX')",
        ),
        (
            "insatser.csv",
            ",avslutad,förstudie,",
            ",klar,förstudie,",
            "insatser.csv, rad 2, kolumn status: otillåtet värde",
        ),
        (
            "insatser.csv",
            "2018-09-01,2018-12-31",
            "2018-09-01,2017-12-31",
            "insatser.csv, rad 2, kolumn slutdatum: slutdatum ligger före startdatum 2018-09-01",
        ),
        (
            "deklarerade_summor.csv",
            ",19700000,",
            ",-19700000,",
            "deklarerade_summor.csv, rad 3, kolumn belopp_kr: belopp får inte vara negativt",
        ),
        (
            "beslut.csv",
            ",2020-06-03,2020,§ 200,",
            ",2020-06-31,2020,§ 200,",
            "beslut.csv, rad 6, kolumn datum: ska vara ett datum ÅÅÅÅ-MM-DD (värde: '2020-06-31')",
        ),
        (
            "uppfoljningar.csv",
            "UPP-0002,INS-003,",
            "UPP-0001,INS-003,",
            "uppfoljningar.csv, rad 3, kolumn uppfoljning_id: nyckeln förekommer 2 gånger",
        ),
        (
            "uppfoljningar.csv",
            "UPP-0002,INS-003,",
            "UPP-0002,INS-999,",
            "uppfoljningar.csv, rad 3, kolumn insats_id: okänd kod, finns inte i insatser.csv",
        ),
        (
            "uppfoljningar.csv",
            ",45,tydlig,",
            ",45,bra,",
            "uppfoljningar.csv, rad 3, kolumn effekt: otillåtet värde",
        ),
        (
            "uppfoljningar.csv",
            ",45,tydlig,",
            ",-5,tydlig,",
            "uppfoljningar.csv, rad 3, kolumn rackvidd: ska vara ett heltal, 0 eller mer",
        ),
        (
            "uppfoljningar.csv",
            "UPP-0002,INS-003,2024-03-29,",
            "UPP-0002,INS-003,2099-03-29,",
            "uppfoljningar.csv, rad 3, kolumn datum: datum ligger i framtiden",
        ),
        (
            "uppfoljningar.csv",
            "UPP-0002,INS-003,2024-03-29,",
            "UPP-0002,INS-003,2021-03-29,",
            "uppfoljningar.csv, rad 3, kolumn datum: datum ligger före insatsens startdatum 2022-12-01",
        ),
        (
            "uppfoljningar.csv",
            "UPP-0002,INS-003,2024-03-29,",
            "UPP-0002,INS-003,2024-03-32,",
            "uppfoljningar.csv, rad 3, kolumn datum: ska vara ett datum ÅÅÅÅ-MM-DD",
        ),
        (
            "statushistorik.csv",
            "INS-002,2022-08-17,föreslagen,beviljad,",
            "INS-002,2022-08-17,föreslagen,pågående,",
            "statushistorik.csv, rad 7, kolumn fran_status/till_status: statusbytet är inte tillåtet "
            "(värde: 'föreslagen → pågående')",
        ),
        (
            "statushistorik.csv",
            "INS-002,2024-12-31,pågående,avslutad,",
            "INS-002,2024-12-31,pågående,avbruten,",
            "kolumn anledning: en avbruten insats ska ha en anledning",
        ),
        (
            "statushistorik.csv",
            "INS-002,2024-12-31,pågående,avslutad,",
            "INS-002,2024-12-31,pågående,permanentad,",
            "kolumn mottagande_namnd_kod/permanent_belopp_kr: en permanentad insats ska ha mottagande nämnd",
        ),
        (
            "statushistorik.csv",
            "INS-002,2024-12-31,pågående,avslutad,,,,,,",
            "INS-002,2024-12-31,pågående,avslutad,,XYZ,,,,",
            "kolumn mottagande_namnd_kod: okänd kod, finns inte i namnder.csv (värde: 'XYZ')",
        ),
        (
            "statushistorik.csv",
            "INS-002,2022-09-01,beviljad,pågående,",
            "INS-002,2022-09-01,föreslagen,avbruten,Stoppad",
            "statushistorik.csv, rad 9, kolumn fran_status: bryter kedjan",
        ),
        (
            "statushistorik.csv",
            "INS-002,2024-12-31,pågående,avslutad,,,,,,exempeldata\n",
            "",
            "senaste status för INS-002 ska vara insatsens status avslutad",
        ),
        (
            "statushistorik.csv",
            "INS-002,2022-08-17,föreslagen,beviljad,",
            "INS-002,2022-08-17,föreslagen,föreslagen,",
            "kolumn insats_id+till_status: nyckeln förekommer 2 gånger",
        ),
    ],
)
def test_bad_seed_stops_the_build_naming_file_row_and_column(seed_copy, file, old, new, expected):
    _replace_in(seed_copy / file, old, new)
    with pytest.raises(store.SeedError) as info:
        store.build(store.connect(None), seed_copy)
    assert any(expected in p for p in info.value.problems), info.value.problems


def test_missing_seed_file_is_named(seed_copy):
    (seed_copy / "beslut.csv").unlink()
    with pytest.raises(store.SeedError, match=r"beslut\.csv saknas"):
        store.build(store.connect(None), seed_copy)


def test_failed_build_leaves_the_existing_store_untouched(tmp_path: Path, seed_copy: Path):
    db = tmp_path / "c.duckdb"
    store.build_file(db, seed_copy)
    before = db.read_bytes()
    _replace_in(seed_copy / "tilldelningar.csv", ",4400000,", ",fyra miljoner,")
    with pytest.raises(store.SeedError):
        store.build_file(db, seed_copy)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.duckdb", "seed"]


def test_unknown_query_name_is_a_clear_error():
    with pytest.raises(store.UnknownQueryError, match="Okänd fråga 'no_such_query'"):
        store.load_sql("no_such_query")


def test_missing_parameter_is_a_clear_error(con):
    with pytest.raises(TypeError, match="saknar parametrar: ar"):
        store.run_query(con, "allocations_by_finansieringskalla", finansiering=(), namnder=())
