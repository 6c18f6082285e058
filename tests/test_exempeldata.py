"""The exempeldata generator: deterministic, marked, and adding up to the real allocations."""

from __future__ import annotations

from pathlib import Path

from lokalutveckling import exempeldata
from lokalutveckling.paths import SEED_DIR

GENERATED = [
    "insatser.csv",
    "insats_fokusomraden.csv",
    "insats_omraden.csv",
    "insats_partner.csv",
    "indikatorer.csv",
    "indikatorvarden.csv",
    "omradesteam.csv",
    "kraftsamling.csv",
]


def test_generator_reproduces_the_committed_csvs(seed_copy: Path):
    exempeldata.generate(seed_copy)
    for name in GENERATED:
        assert (seed_copy / name).read_bytes() == (SEED_DIR / name).read_bytes(), name


def test_insatser_add_up_to_each_real_allocation(con):
    rows = con.execute(
        "select t.tilldelning_id, t.belopp_kr, sum(i.belopp_kr) from tilldelningar t "
        "join insatser i on i.tilldelning_id = t.tilldelning_id group by all"
    ).fetchall()
    assert len(rows) == con.execute("select count(*) from tilldelningar").fetchone()[0]
    for tilldelning, allocated, spent in rows:
        assert allocated == spent, tilldelning


def test_insatser_cover_namnder_fokusomraden_areas_and_statuses(con):
    n, n_ex = con.execute("select count(*), count(*) filter (where kalla = 'exempeldata') from insatser").fetchone()
    assert 55 <= n <= 70
    assert n - n_ex == 1  # the Delmos förstudie is described in document 001
    assert con.execute("select count(distinct fokus_kod) from insats_fokusomraden").fetchone()[0] == 5
    assert con.execute("select count(distinct omrade_kod) from insats_omraden").fetchone()[0] == 14
    assert con.execute("select count(*) from insatser where hela_staden").fetchone()[0] >= 5
    statuses = {r[0] for r in con.execute("select distinct status from insatser").fetchall()}
    assert statuses == {"föreslagen", "beviljad", "pågående", "avslutad", "avbruten", "permanentad"}
    led = {r[0] for r in con.execute("select distinct namnd_kod from insatser").fetchall()}
    allocated = {r[0] for r in con.execute("select distinct namnd_kod from tilldelningar").fetchall()}
    assert allocated <= led


def test_indicators_cover_five_fokusomraden_2016_to_2024_per_area(con):
    n, fokus = con.execute(
        "select count(*), count(distinct fokus_kod) from indikatorer where fokus_kod is not null"
    ).fetchone()
    assert 10 <= n <= 15 and fokus == 5
    years = con.execute("select min(ar), max(ar) from indikatorvarden").fetchone()
    assert years == (2016, 2024)
    areas = con.execute(
        "select count(distinct omrade_kod) from indikatorvarden where indikator_kod = 'forvarvsfrekvens' and ar = 2024"
    ).fetchone()[0]
    assert areas == 15  # 14 areas and the city
    assert con.execute("select count(*) from indikatorvarden where kalla <> 'exempeldata'").fetchone()[0] == 0


def test_omradesteam_and_kraftsamling_are_exempeldata(con):
    assert con.execute("select count(*) from kraftsamling").fetchone()[0] in (2, 3)
    for table in ("omradesteam", "kraftsamling"):
        sources = {r[0] for r in con.table(table).project("kalla").distinct().fetchall()}
        assert sources == {"exempeldata"}
