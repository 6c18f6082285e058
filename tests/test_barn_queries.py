"""Barn och unga per area and year (issue 17, item 4; queries/barn/omraden.sql, data.barn_kraftsamling),
checked against figures computed here by hand from the seed CSVs (insatser, insats_omraden, tilldelningar,
indikatorvarden, kraftsamling), not by the same SQL."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date

import pandas as pd
import pytest

from lokalutveckling import data
from lokalutveckling.paths import ROOT

SEED = ROOT / "data" / "seed"
BARN = {"barn 0–5", "barn 6–15", "unga 16–24"}
AGES = ("folkmangd_0_5", "folkmangd_6_15", "folkmangd_16_19")


def rows(name: str) -> list[dict[str, str]]:
    with (SEED / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def by_hand(finansiering: str | None = None) -> dict[tuple[str, int], dict[str, object]]:
    """(area, year) -> barn_kronor, alla_kronor, ids of the children's insatser, population 0–19 and its year,
    kraftsamlande on 31 December: granted area-level insatser, an insats in several areas split evenly."""
    year_of = {r["tilldelning_id"]: int(r["ar"]) for r in rows("tilldelningar.csv")}
    areas_of: dict[str, list[str]] = defaultdict(list)
    for r in rows("insats_omraden.csv"):
        areas_of[r["insats_id"]].append(r["omrade_kod"])
    out: dict[tuple[str, int], dict[str, object]] = defaultdict(lambda: {"barn": 0.0, "alla": 0.0, "ids": set()})
    for r in rows("insatser.csv"):
        if r["status"] == "föreslagen" or r["hela_staden"] == "true":
            continue
        if finansiering and r["finansiering_kod"] != finansiering:
            continue
        year = year_of.get(r["tilldelning_id"]) or date.fromisoformat(r["startdatum"]).year
        share = int(r["belopp_kr"]) / len(areas_of[r["insats_id"]])
        for area in areas_of[r["insats_id"]]:
            cell = out[(area, year)]
            cell["alla"] += share
            if r["malgrupp"] in BARN:
                cell["barn"] += share
                cell["ids"].add(r["insats_id"])
    years = {y for (_, y), cell in out.items() if cell["barn"] > 0}
    population: dict[tuple[str, int], int] = defaultdict(int)
    for r in rows("indikatorvarden.csv"):
        if r["indikator_kod"] in AGES:
            population[(r["omrade_kod"], int(r["ar"]))] += int(r["varde"])
    periods = [
        (r["omrade_kod"], date.fromisoformat(r["startdatum"]), date.fromisoformat(r["slutdatum"] or "9999-12-31"))
        for r in rows("kraftsamling.csv")
    ]
    result = {}
    for area in [str(k) for k in range(1, 15)]:
        for year in years:
            cell = out[(area, year)]
            pop_year = max(y for (a, y) in population if a == area and y <= year)
            result[(area, year)] = {
                "barn": cell["barn"],
                "alla": cell["alla"],
                "ids": set(cell["ids"]),
                "population": population[(area, pop_year)],
                "population_year": pop_year,
                "kraftsamlande": any(a == area and s <= date(year, 12, 31) <= e for a, s, e in periods),
            }
    return result


def test_the_seeds_have_what_the_rules_are_about():
    """The seeds hold a proposed insats for children, a city-wide one, one in several areas and a year
    without population values: each rule below is tested against a case where it matters."""
    insatser = rows("insatser.csv")
    assert any(r["malgrupp"] in BARN and r["status"] == "föreslagen" for r in insatser)
    assert any(r["malgrupp"] in BARN and r["hela_staden"] == "true" and r["status"] != "föreslagen" for r in insatser)
    assert max(int(r["ar"]) for r in rows("indikatorvarden.csv")) == 2024
    assert sorted({y for _, y in by_hand()}) == [2022, 2025]


@pytest.mark.parametrize(("area", "year"), [("14", 2025), ("14", 2022), ("12", 2022), ("10", 2022)])
def test_one_area_and_year_by_hand(con, area, year):
    expected = by_hand()[(area, year)]
    df = data.barn_omraden(con=con)
    row = df[(df["omrade_kod"] == area) & (df["ar"] == year)].iloc[0]
    assert row["barn_kronor"] == pytest.approx(expected["barn"])
    assert row["alla_kronor"] == pytest.approx(expected["alla"])
    assert set(row["barn_insats_ids"]) == expected["ids"]
    assert row["barn_insatser"] == len(expected["ids"])
    assert row["barn_exempel"] == len(expected["ids"])  # every insats for children in the seeds is exempeldata
    assert row["befolkning_0_19"] == expected["population"]
    assert row["befolkning_ar"] == expected["population_year"]
    assert row["kronor_per_barn"] == pytest.approx(expected["barn"] / expected["population"])
    share = expected["barn"] / expected["alla"] if expected["alla"] else None
    assert (pd.isna(row["barn_andel"]) and share is None) or row["barn_andel"] == pytest.approx(share)
    assert bool(row["kraftsamlande"]) is expected["kraftsamlande"]


def test_hyllievang_2025_in_figures(con):
    """Area 14 in 2025: INS-063 (unga 16–24, 1 980 000 kr in areas 10 and 14) gives half to each; the population
    is 2024's (no 2025 values); the area is kraftsamlande from 2025-01-01."""
    df = data.barn_omraden(con=con)
    row = df[(df["omrade_kod"] == "14") & (df["ar"] == 2025)].iloc[0]
    assert list(row["barn_insats_ids"]) == ["INS-063"]
    assert row["barn_kronor"] == 990_000
    assert row["befolkning_ar"] == 2024 and bool(row["kraftsamlande"])
    assert row["kallor"] == "exempeldata" and row["befolkning_kalla"] == "exempeldata"


def test_every_area_in_every_year_and_no_year_sums(con):
    df = data.barn_omraden(con=con)
    assert len(df) == 14 * 2 and not df.duplicated(["omrade_kod", "ar"]).any()
    hand = by_hand()
    for (area, year), expected in hand.items():
        row = df[(df["omrade_kod"] == area) & (df["ar"] == year)].iloc[0]
        assert row["barn_kronor"] == pytest.approx(expected["barn"]), (area, year)
    # Choosing both years gives each year's own money, the same as choosing that year alone.
    both = data.barn_omraden(data.Filter(ar=(2022, 2025)), con=con).set_index(["omrade_kod", "ar"])
    for year in (2022, 2025):
        alone = data.barn_omraden(data.Filter(ar=(year,)), con=con).set_index(["omrade_kod", "ar"])
        assert set(alone.index.get_level_values("ar")) == {year}
        pd.testing.assert_series_equal(both.loc[alone.index, "barn_kronor"], alone["barn_kronor"])


def test_proposals_and_city_wide_insatser_are_left_out(con):
    proposed = {r["insats_id"] for r in rows("insatser.csv") if r["status"] == "föreslagen"}
    city_wide = {r["insats_id"] for r in rows("insatser.csv") if r["hela_staden"] == "true"}
    df = data.barn_omraden(con=con)
    counted = {i for ids in df["barn_insats_ids"] for i in ids}
    assert counted and not counted & proposed and not counted & city_wide
    assert 2027 not in set(df["ar"])  # the only year of the proposals for children (INS-064, -065, -067)


def test_the_split_is_karta_s(con):
    """An insats in several areas is split evenly, as Karta's kronor layer does: for one year the areas'
    kronor add up to insatser_by_omrade's."""
    for year in (2022, 2025):
        f = data.Filter(ar=(year,))
        ours = data.barn_omraden(f, con=con)
        karta = data.insatser_by_omrade(f, con=con).set_index("omrade_kod")["kronor"]
        assert ours.set_index("omrade_kod")["alla_kronor"].to_dict() == pytest.approx(karta.to_dict())


def test_the_sidebar_filters_choose_the_insatser(con):
    f = data.Filter(finansiering=("frn_kommunbidrag",))
    df = data.barn_omraden(f, con=con)
    hand = by_hand("frn_kommunbidrag")
    assert set(df["ar"]) == {y for _, y in hand} == {2025}
    for (area, year), expected in hand.items():
        row = df[(df["omrade_kod"] == area) & (df["ar"] == year)].iloc[0]
        assert row["alla_kronor"] == pytest.approx(expected["alla"])
        assert row["barn_kronor"] == pytest.approx(expected["barn"])


def _group_by_hand(year: int, members: set[str]) -> tuple[float, int, float, int]:
    hand = by_hand()
    cells = [hand[(a, year)] for a in members]
    kronor = sum(c["barn"] for c in cells)
    population = sum(c["population"] for c in cells)
    ids = {i for c in cells for i in c["ids"]}
    return kronor, population, kronor / population, len(ids)


def test_kraftsamlande_against_the_rest_by_hand(con):
    groups = data.barn_kraftsamling(con=con).set_index(["ar", "grupp"])
    kraft = {r["omrade_kod"] for r in rows("kraftsamling.csv")}
    rest = {str(k) for k in range(1, 15)} - kraft
    for grupp, members in (("kraftsamlande", kraft), ("ovriga", rest), ("malmo", kraft | rest)):
        kronor, population, per, n = _group_by_hand(2025, members)
        row = groups.loc[(2025, grupp)]
        assert row["omraden"] == len(members)
        assert row["barn_kronor"] == pytest.approx(kronor)
        assert row["befolkning_0_19"] == population
        assert row["kronor_per_barn"] == pytest.approx(per)  # the group's sum over its sum
        assert row["barn_insatser"] == n
    # INS-063 runs in two kraftsamlande areas (10, 14): one insats for the group, not two.
    assert groups.loc[(2025, "kraftsamlande"), "barn_insatser"] == 1
    # A ratio of sums, not the mean of the three areas' ratios.
    areas = data.barn_omraden(con=con)
    mean = areas[(areas["ar"] == 2025) & areas["omrade_kod"].isin(kraft)]["kronor_per_barn"].mean()
    assert groups.loc[(2025, "kraftsamlande"), "kronor_per_barn"] != pytest.approx(mean)
    # 2022: no area was kraftsamlande yet; the group is there, empty, without a ratio.
    empty = groups.loc[(2022, "kraftsamlande")]
    assert empty["omraden"] == 0 and pd.isna(empty["kronor_per_barn"])
    assert groups.loc[(2022, "ovriga"), "kronor_per_barn"] == pytest.approx(_group_by_hand(2022, kraft | rest)[2])


def test_the_kraftsamlande_areas_as_stored(con):
    periods = data.barn_kraftsamlande_omraden(con)
    assert periods["omrade_kod"].tolist() == [r["omrade_kod"] for r in rows("kraftsamling.csv")]
    assert set(periods["kalla"]) == {"exempeldata"}
    assert periods["slutdatum"].isna().all()
