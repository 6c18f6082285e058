"""The exempeldata generator: deterministic, marked, and adding up to the real allocations."""

from __future__ import annotations

from itertools import pairwise
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
    "statushistorik.csv",
    "uppfoljningar.csv",
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


def test_status_history_follows_the_allowed_moves_to_each_current_status(con):
    from lokalutveckling.domain import START_STATUSAR, allowed_moves

    history: dict[str, list[tuple]] = {}
    for insats_id, datum, fran, till, kalla in con.execute(
        "select insats_id, datum, fran_status, till_status, kalla from statushistorik order by insats_id, datum"
    ).fetchall():
        history.setdefault(insats_id, []).append((datum, fran, till))
        assert kalla == "exempeldata"
    statuses = dict(con.execute("select insats_id, status from insatser").fetchall())
    assert history.keys() == statuses.keys()
    for insats_id, moves in history.items():
        assert moves[0][1] is None and moves[0][2] in START_STATUSAR, insats_id
        for (_, _, previous), (_, fran, till) in pairwise(moves):
            assert fran == previous and till in allowed_moves(fran), (insats_id, moves)
        assert moves[-1][2] == statuses[insats_id], insats_id


def test_status_history_dates_match_the_insatser_and_their_decisions(con):
    rows = con.execute(
        "select h.insats_id, h.till_status, h.datum, i.startdatum, i.slutdatum from statushistorik h "
        "join insatser i using (insats_id)"
    ).fetchall()
    for insats_id, till, datum, start, slut in rows:
        if till == "pågående":
            assert datum == start, insats_id
        elif till in ("avslutad", "avbruten", "permanentad"):
            assert datum == slut, insats_id
        else:
            assert datum <= start, insats_id
    # The 2022 insatser were proposed in the tjänsteskrivelse and granted on the planned KS date.
    ks_2022 = con.execute(
        "select distinct h.till_status, h.datum from statushistorik h join insatser i using (insats_id) "
        "where i.tilldelning_id like 'T2022-%' and h.till_status in ('föreslagen', 'beviljad')"
    ).fetchall()
    assert sorted((s, str(d)) for s, d in ks_2022) == [("beviljad", "2022-08-17"), ("föreslagen", "2022-08-12")]
    stopped = con.execute(
        "select count(*), count(anledning) from statushistorik where till_status = 'avbruten'"
    ).fetchone()
    assert stopped[0] > 0 and stopped[0] == stopped[1]
    permanent = con.execute(
        "select count(*), count(mottagande_namnd_kod), count(permanent_belopp_kr) from statushistorik "
        "where till_status = 'permanentad'"
    ).fetchone()
    assert permanent[0] > 0 and len(set(permanent)) == 1


def test_follow_ups_are_exempeldata_for_started_insatser_and_leave_some_to_flag(con):
    n, n_insatser, n_ex = con.execute(
        "select count(*), count(distinct insats_id), count(*) filter (where kalla = 'exempeldata') from uppfoljningar"
    ).fetchone()
    assert n == n_ex and 50 <= n_insatser and n_insatser <= n <= 3 * n_insatser
    wrong = con.execute(
        "select count(*) from uppfoljningar u join insatser i using (insats_id) "
        "where i.status in ('föreslagen', 'beviljad') or u.datum < i.startdatum or i.kalla <> 'exempeldata' "
        "or u.datum > ?",
        [exempeldata.STAND],
    ).fetchone()[0]
    assert wrong == 0
    effects = {r[0] for r in con.execute("select distinct effekt from uppfoljningar").fetchall()}
    assert effects == {"ingen", "oklar", "viss", "tydlig"}
    # Running insatser without a follow-up in the year before STAND, and some past their end date.
    stale = con.execute(
        "select count(*) from insatser i where status = 'pågående' and not exists ("
        "select 1 from uppfoljningar u where u.insats_id = i.insats_id and u.datum > ? - 365)",
        [exempeldata.STAND],
    ).fetchone()[0]
    fresh = con.execute(
        "select count(*) from insatser i where status = 'pågående' and exists ("
        "select 1 from uppfoljningar u where u.insats_id = i.insats_id and u.datum > ? - 365)",
        [exempeldata.STAND],
    ).fetchone()[0]
    assert 3 <= stale < fresh
    late = con.execute("select count(*) from insatser where status = 'pågående' and slutdatum < ?", [exempeldata.STAND])
    assert late.fetchone()[0] >= 1
