"""Issue 16's "Done when" as one scenario: on a recorded portal that has EVERY area source the seed maps
(make_refresh_fixtures.complete_routes: each CKAN area source of data/seed/indikator_kallor.csv found by its
name, values for every delområde and every year the seed has, made in memory, invented values), one
`stats refresh` turns every indicator with an official area source into official values for the 14 areas
and Malmö in every year; Datakvalitet's exempeldata share falls to its stated floor; the need index,
similar areas and the map read the official values; a second refresh changes nothing. Served by a real
HTTP server on 127.0.0.1: no request leaves this machine. Expectations come from the fixture's functions
and the seed, with two sums worked out by hand.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from lokalutveckling import analys, cli, data, store
from lokalutveckling.domain import today
from lokalutveckling.format import fmt_pct
from lokalutveckling.store import journal
from lokalutveckling.views import tackning
from tests.sources.recorded_services import COUNTS, Recorded, recorded, serving

SEED = Path(__file__).parents[2] / "data" / "seed"
PLACES = {"0", *(str(k) for k in range(1, 15))}  # Malmö as a whole and the 14 statistikområden
RESOURCES = recorded.complete_resources()  # name -> (id, years, summed)
AREA = {r["indikator_kod"]: r for r in recorded.area_sources()}  # indikator_kod -> its CKAN area source
YEARS = recorded.seed_years()


def mapping() -> pd.DataFrame:
    return pd.read_csv(SEED / "indikator_kallor.csv", dtype=str, keep_default_na=False)


def without_area_source() -> set[str]:
    m = mapping()
    return set(m.loc[(m["roll"] == "omrade") & (m["tjanst"] != "ckan"), "indikator_kod"])


@pytest.fixture(scope="module")
def server() -> Iterator[Recorded]:
    with serving() as recorded_server:
        yield recorded_server


@pytest.fixture(scope="module")
def complete(server: Recorded) -> str:
    """The complete portal under /complete, for this year and last year's (midnight on New Year's Eve)."""
    routes: dict[str, str] = {}
    for year in {today().year, (today() - timedelta(days=1)).year}:
        routes.update(recorded.complete_routes(year))
    return server.install_routes("/complete", routes)


def run(db: Path, url: str) -> tuple[int, str]:
    args = ["stats", "refresh", "--db", str(db), "--ckan-url", url, "--kolada-url", url + recorded.KOLADA]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main([*args, "--timeout", "5"])
    return code, out.getvalue()


@pytest.fixture(scope="module")
def refreshed(built_store: Path, complete: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """A copy of the built store after ONE `stats refresh` on the complete portal: path, exit code, output."""
    path = tmp_path_factory.mktemp("complete") / "store.duckdb"
    path.write_bytes(built_store.read_bytes())
    shutil.copytree(journal.journal_dir(built_store), journal.journal_dir(path))
    code, out = run(path, complete)
    return path, code, out


@contextlib.contextmanager
def opened(db: Path) -> Iterator[store.Connection]:
    con = store.connect(db)
    try:
        yield con
    finally:
        con.close()


def values(db: Path) -> pd.DataFrame:
    with opened(db) as con:
        return con.execute(
            "select indikator_kod, omrade_kod, ar, varde, kalla from indikatorvarden "
            "order by indikator_kod, omrade_kod, ar"
        ).df()


def expected(db: Path, kod: str) -> dict[tuple[str, int], float]:
    """The 14 areas' and Malmö's aggregates of one indicator, from the fixture's values per delområde: a sum,
    or the population-weighted mean with the weights of the resource the mapping names."""
    source = AREA[kod]
    with opened(db) as con:
        m = store.run_query(con, "omraden_membership")
    number = {code: i for i, (code, _) in enumerate(recorded.delomraden())}
    names = dict(recorded.delomraden())
    value_of = recorded.complete_value(source["resurs"])
    weight_of = recorded.complete_value(source["vikt_resurs"]) if source["aggregering"] == "befolkningsviktad" else None
    num: dict[tuple[str, int], float] = {}
    den: dict[tuple[str, int], float] = {}
    for year in YEARS[kod]:
        for code, area in zip(m["delomrade_kod"], m["omrade_kod"], strict=True):
            i = number[code]
            v = value_of(i, names[code], year)
            w = weight_of(i, names[code], year) if weight_of else 1.0
            for place in (str(area), "0"):
                num[(place, year)] = num.get((place, year), 0.0) + (v * w if weight_of else v)
                den[(place, year)] = den.get((place, year), 0.0) + w
    return {key: (num[key] / den[key] if weight_of else num[key]) for key in num}


def kalla_of(kod: str) -> str:
    return f"ckan:{RESOURCES[AREA[kod]['resurs']][0]}"


# ------------------------------------------------------------------------------------ 1. the command


def test_the_complete_portal_has_every_area_source_once_with_every_seed_year():
    assert len(AREA) == 11 and set(AREA) >= {"trangboddhet", "behorighet_gymnasiet", "ekonomiskt_bistand"}
    for kod, source in AREA.items():
        _, years, _ = RESOURCES[source["resurs"]]
        assert years == YEARS[kod] == list(range(2016, 2025)), kod
        if source["vikt_resurs"]:
            assert set(YEARS[kod]) <= set(RESOURCES[source["vikt_resurs"]][1]), kod
    assert {"Folkmängd 25–64 år", "Antal hushåll"} <= set(RESOURCES)  # the weights the mapping names


def test_one_refresh_makes_every_mapped_indicator_official_for_every_place_and_seed_year(built_store, refreshed):
    db, code, out = refreshed
    assert code == 0, out
    before, after = values(built_store), values(db)
    assert len(after) == len(before)
    for kod in AREA:
        rows = after[after["indikator_kod"] == kod]
        assert set(zip(rows["omrade_kod"], rows["ar"], strict=True)) == {(p, y) for p in PLACES for y in YEARS[kod]}
        assert set(rows["kalla"]) == {kalla_of(kod)}, kod
        got = rows.set_index(["omrade_kod", "ar"])["varde"].to_dict()
        want = expected(db, kod)
        assert got.keys() == want.keys(), kod
        for key, value in want.items():
            assert got[key] == pytest.approx(value, rel=1e-9), (kod, key)
        n = len(PLACES) * len(YEARS[kod])
        line = rf"^{kod} \(.+\): officiella: {n} område×år, kvar som exempeldata: 0, vägrade: 0\n  källa: ckan "
        assert re.search(line + re.escape(f"{kalla_of(kod)[5:]} ”{AREA[kod]['resurs']}”, år 2016–2024"), out, re.M), kod
    folk = after[after["indikator_kod"] == "folkmangd"].set_index(["omrade_kod", "ar"])["varde"]
    assert folk[("0", 2016)] == 165_831 and folk[("0", 2024)] == 175_623  # Σ over the 136 delområden, by hand
    assert folk[[(str(k), 2020) for k in range(1, 15)]].sum() == folk[("0", 2020)]
    # a weighted share is not the plain mean of its delområden: the weights matter
    work = expected(db, "forvarvsfrekvens")
    assert work[("0", 2016)] != pytest.approx(sum(55 + i % 15 for i in range(136)) / 136, abs=1e-6)
    for kod in without_area_source():  # enkät / saknas: exempeldata, untouched
        pd.testing.assert_frame_equal(
            after[after["indikator_kod"] == kod].reset_index(drop=True),
            before[before["indikator_kod"] == kod].reset_index(drop=True),
        )
        assert set(after.loc[after["indikator_kod"] == kod, "kalla"]) == {"exempeldata"}, kod
    with opened(db) as con:
        sources = con.execute(
            "select kalla_id, typ, organ, titel, cast(datum as varchar) from kallor where kalla_id like 'ckan:%'"
        ).fetchall()
    assert {s[0] for s in sources} == {kalla_of(kod) for kod in AREA}
    for kalla_id, typ, organ, titel, datum in sources:
        (name,) = [n for n, (rid, _, _) in RESOURCES.items() if kalla_id == f"ckan:{rid}"]
        assert (typ, organ) == ("statistik", "Stadskontoret, Malmö stad")
        assert titel == f"{name} (Statistikunderlag för Malmös områden), hämtad {datum}"


# ------------------------------------------------------------------------------------ 2. Datakvalitet


def test_the_exempeldata_share_on_datakvalitet_falls_to_its_floor(built_store, refreshed):
    db, _, out = refreshed
    with opened(built_store) as con:
        before = tackning.totals(tackning.frame(con))
    with opened(db) as con:
        after = tackning.totals(tackning.frame(con))
    seed = pd.read_csv(SEED / "indikatorvarden.csv", dtype={"omrade_kod": str})
    floor = int(seed["indikator_kod"].isin(without_area_source()).sum())  # values without an official source
    assert before.n_official == 0 and before.n_exempel == before.n_values > floor
    assert before.n_floor == after.n_floor == floor == after.n_exempel
    assert after.exempel_pct == pytest.approx(after.floor_pct) and after.exempel_pct < before.exempel_pct
    replaced = sum(int(n) for n in re.findall(r"ersätter exempeldata: (\d+)", out))
    assert replaced == 11 * 135 == after.n_official == after.n_values - after.n_exempel
    assert after.n_values == before.n_values and after.kind == "mixed_statistik"
    pct = fmt_pct(after.floor_pct, "sv", 0)
    assert f"({pct})" in tackning.share_text(after, "sv") and f"({pct} av alla värden)" in tackning.floor_text(
        after, "sv"
    )
    assert tackning.share_text(after, "sv").startswith(f"{floor} av ")


# ------------------------------------------------------------------------------------ 3. need, similar, map


def test_the_need_index_similar_areas_and_the_map_read_the_official_values(built_store, refreshed):
    db, _, _ = refreshed
    mapped = tuple(AREA)
    with opened(db) as con:
        latest = data.indicator_latest(mapped, con=con)
        karta = data.indicator_values("forvarvsfrekvens", 2016, con=con)
        folk_map = data.indicator_values("folkmangd", 2024, con=con)
    assert set(latest["indikator_kod"]) == set(mapped)
    for kod, rows in latest.groupby("indikator_kod"):
        assert len(rows) == 14 and set(rows["omrade_kod"]) == PLACES - {"0"}, kod
        assert set(rows["kalla"]) == {kalla_of(kod)} and set(rows["ar"]) == {max(YEARS[kod])}, kod
        want = expected(db, kod)
        assert rows.set_index("omrade_kod")["varde"].to_dict() == pytest.approx(
            {a: want[(a, max(YEARS[kod]))] for a in rows["omrade_kod"]}
        )
    work = expected(db, "forvarvsfrekvens")
    assert set(karta["kalla"]) == {kalla_of("forvarvsfrekvens")} and len(karta) == 14
    assert karta.set_index("omrade_kod")["varde"].to_dict() == pytest.approx(
        {str(k): work[(str(k), 2016)] for k in range(1, 15)}
    )
    assert karta["stadens_varde"].tolist() == pytest.approx([work[("0", 2016)]] * 14)
    assert set(folk_map["kalla"]) == {kalla_of("folkmangd")}
    # the need index and similar areas, as behov.py and omrade.py call them (indicators with a direction)
    directed = latest[latest["hogre_ar_battre"].notna()]
    assert set(directed["indikator_kod"]) == {k for k in mapped if not k.startswith("folkmangd")}
    directions = dict(zip(directed["indikator_kod"], directed["hogre_ar_battre"].astype(bool), strict=False))
    official = directed[["indikator_kod", "omrade_kod", "varde"]].reset_index(drop=True)
    wanted = {k: expected(db, k) for k in directions}
    computed = official.assign(
        varde=[
            wanted[k][(a, max(YEARS[k]))]
            for k, a in zip(official["indikator_kod"], official["omrade_kod"], strict=True)
        ]
    )
    need = analys.need_index(official, directions)
    assert need["n_indikatorer"].eq(len(directions)).all() and len(need) == 14
    pd.testing.assert_frame_equal(need, analys.need_index(computed, directions))
    with opened(built_store) as con:
        exempel = data.indicator_latest(tuple(directions), con=con)
    assert set(exempel["kalla"]) == {"exempeldata"}
    assert not need.equals(analys.need_index(exempel[["indikator_kod", "omrade_kod", "varde"]], directions))
    weights = dict.fromkeys(directions, 1)
    similar = analys.similar_areas(official, "1", weights)
    pd.testing.assert_frame_equal(similar, analys.similar_areas(computed, "1", weights))
    assert "1" not in set(similar["omrade_kod"]) and len(similar) == 13


# ------------------------------------------------------------------------------------ 4. again: nothing


def test_a_second_refresh_says_inga_andringar_and_writes_nothing(refreshed, complete, copy_store, tmp_path):
    db = copy_store(refreshed[0], tmp_path / "store.duckdb")

    def counted() -> dict[str, int]:
        with opened(db) as con:
            return {table: con.execute(query).fetchone()[0] for table, query in COUNTS.items()}

    before, rows = counted(), values(db)
    code, out = run(db, complete)
    assert code == 0, out
    assert "inga ändringar: de officiella värdena finns redan i" in out and "Sparade" not in out
    assert out.count("ändras: 0 (ersätter exempeldata: 0, uppdaterar officiella: 0, nya: 0)") == 11
    assert counted() == before and before["audit"] > 0 and before["statistik_hamtningar"] >= 11
    pd.testing.assert_frame_equal(values(db), rows)
