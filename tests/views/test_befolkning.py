"""Område's "Barn och unga i området" (issue 16, item 3): the area's population by age group beside Malmö's,
read from data/seed/indikatorvarden.csv, and kronor per child or young person per målgrupp and year,
computed here from the seed insatser (insatser.csv, insats_omraden.csv, tilldelningar.csv)."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import data
from lokalutveckling.format import fmt_int, fmt_kr
from lokalutveckling.paths import ROOT
from lokalutveckling.views import befolkning

ENTRY = str(ROOT / "dashboard.py")
SEED = ROOT / "data" / "seed"
GROUPS = ["folkmangd_0_5", "folkmangd_6_15", "folkmangd_16_19", "folkmangd_20_64", "folkmangd_65"]
MATCH = {"barn 0–5": "folkmangd_0_5", "barn 6–15": "folkmangd_6_15", "unga 16–24": "folkmangd_16_19"}
NBSP = "\u00a0"


def _rows(name: str) -> list[dict[str, str]]:
    with (SEED / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _population(area: str) -> dict[tuple[str, int], int]:
    return {
        (r["indikator_kod"], int(r["ar"])): int(r["varde"])
        for r in _rows("indikatorvarden.csv")
        if r["omrade_kod"] == area and r["indikator_kod"] in GROUPS
    }


def _kronor_per_year(area: str) -> dict[tuple[str, int], int]:
    """(målgrupp, year) -> kronor of the area's own granted insatser, years as the allocation's, else the start."""
    ar_of = {r["tilldelning_id"]: int(r["ar"]) for r in _rows("tilldelningar.csv")}
    here = {r["insats_id"] for r in _rows("insats_omraden.csv") if r["omrade_kod"] == area}
    out: dict[tuple[str, int], int] = defaultdict(int)
    for r in _rows("insatser.csv"):
        if r["insats_id"] in here and r["hela_staden"] == "false" and r["status"] != "föreslagen":
            if r["malgrupp"] in MATCH:
                year = ar_of.get(r["tilldelning_id"]) or date.fromisoformat(r["startdatum"]).year
                out[(r["malgrupp"], year)] += int(r["belopp_kr"])
    return dict(out)


def test_the_age_groups_read_the_seed_values_beside_malmo(con):
    df = data.befolkning_omrade("12", con)
    area, city = _population("12"), _population("0")
    newest = max(y for _, y in area)
    assert df["indikator_kod"].tolist() == GROUPS
    assert set(df["ar"]) == {newest}
    assert df["varde"].tolist() == [area[(g, newest)] for g in GROUPS]
    assert df["stadens_varde"].tolist() == [city[(g, newest)] for g in GROUPS]
    assert df["andel"].sum() == pytest.approx(1.0)
    table = befolkning.age_table(df, "sv")
    assert table["Åldersgrupp"].tolist()[0] == "Folkmängd 0–5 år"
    assert table["Området"].tolist()[0] == fmt_int(area[("folkmangd_0_5", newest)], "sv")
    assert set(table["Källa, området"]) == {"Exempeldata"}


def test_kronor_per_child_is_per_year_from_the_seed_insatser(con):
    expected = _kronor_per_year("12")
    population = _population("12")
    df = data.befolkning_kronor("12", con)
    got = {(m, int(y)): int(k) for m, y, k in zip(df["malgrupp"], df["ar"], df["kronor"], strict=True)}
    assert got == expected and expected  # area 12 has own insatser for children and young people
    for m, y, per in zip(df["malgrupp"], df["ar"], df["kronor_per_person"], strict=True):
        pop = population.get((MATCH[m], int(y)))
        if pop is None:  # a year after the newest population value: no figure rather than another year's
            assert pd.isna(per)
        else:
            assert per == pytest.approx(expected[(m, int(y))] / pop)
    assert ("barn 6–15", 2022) in got and ("unga 16–24", 2022) in got


def test_an_official_value_changes_the_badge():
    assert befolkning.badge_kind(pd.Series(["exempeldata", "exempeldata"])) == "exempel"
    assert befolkning.badge_kind(pd.Series(["ckan:abc", "exempeldata"])) == "mixed_statistik"
    assert befolkning.badge_kind(pd.Series(["ckan:abc"]), pd.Series([None])) == "real_statistik"
    # Kronor from a document beside official population figures: real, but not all official statistics.
    assert befolkning.badge_kind(pd.Series(["001_5e469c7492c39bb6.txt"]), pd.Series(["ckan:abc"])) == "real"


def _run(area: str, lang: str = "sv") -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=90)
    at.query_params["omrade"] = area
    if lang != "sv":
        at.query_params["lang"] = lang.upper()
    at.switch_page("pages/omrade.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_omrade_shows_children_and_young_people(db_file):
    at = _run("12")
    assert "Barn och unga i området" in [s.value for s in at.subheader]
    area, city = _population("12"), _population("0")
    newest = max(y for _, y in area)
    tables = [t.value for t in at.table]
    ages = next(t for t in tables if t.index.name == "Åldersgrupp")
    assert ages.index.tolist() == [
        "Folkmängd 0–5 år",
        "Folkmängd 6–15 år",
        "Folkmängd 16–19 år",
        "Folkmängd 20–64 år",
        "Folkmängd 65 år och äldre",
    ]
    assert ages["Området"].tolist() == [fmt_int(area[(g, newest)], "sv") for g in GROUPS]
    assert ages["Malmö"].tolist() == [fmt_int(city[(g, newest)], "sv") for g in GROUPS]
    assert set(ages["Källa, området"]) == {"Exempeldata"}
    kronor = next(t for t in tables if "Kronor per person" in t.columns)
    assert kronor.index.name == "Målgrupp"
    expected = _kronor_per_year("12")
    m, y = "barn 6–15", 2022
    assert (m, y) in expected
    row = kronor[(kronor.index == m) & (kronor["År"].astype(str) == str(y))]
    assert len(row) == 1
    pop = _population("12")[(MATCH[m], y)]
    assert row["Befolkning i åldersgruppen"].iloc[0] == fmt_int(pop, "sv")
    assert row["Kronor"].iloc[0] == fmt_kr(expected[(m, y)], "sv")
    assert row["Kronor per person"].iloc[0] == fmt_kr(expected[(m, y)] / pop, "sv")
    captions = " ".join(c.value for c in at.caption)
    assert "räknas med hela sitt belopp i vart och ett" in captions
    assert "16–19 år, den närmaste åldersgruppen" in captions
    assert f"Folkmängd efter åldersgrupp år {newest}" in captions


def test_omrade_section_in_english(db_file):
    at = _run("12", "en")
    assert "Children and young people in the area" in [s.value for s in at.subheader]
    ages = next(t.value for t in at.table if t.value.index.name == "Age group")
    assert ages.index.tolist()[-1] == "Population aged 65 and over"
    newest = max(y for _, y in _population("12"))
    assert ages["The area"].tolist()[-1] == fmt_int(_population("12")[("folkmangd_65", newest)], "en")
    captions = " ".join(c.value for c in at.caption)
    assert "ages 20–24 are not included" in captions
