"""The exempeldata population by age (issue 16): five groups per area and year that add up exactly to
folkmangd, for the 14 areas and Malmö as a whole, with more children where the exempeldata need is high;
and adding them left every earlier seed row as it was."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from pathlib import Path

from lokalutveckling import exempeldata
from lokalutveckling.paths import SEED_DIR

GROUPS = ["folkmangd_0_5", "folkmangd_6_15", "folkmangd_16_19", "folkmangd_20_64", "folkmangd_65"]


def _values() -> list[dict[str, str]]:
    with (SEED_DIR / "indikatorvarden.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_five_groups_add_up_to_folkmangd_for_every_area_and_year():
    totals: dict[tuple[str, str], int] = {}
    bands: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in _values():
        key = (r["omrade_kod"], r["ar"])
        if r["indikator_kod"] == "folkmangd":
            totals[key] = int(r["varde"])
        elif r["indikator_kod"] in GROUPS:
            bands[key][r["indikator_kod"]] = int(r["varde"])
    assert len(totals) == 15 * len(exempeldata.YEARS)  # 14 areas and Malmö ('0'), every year
    assert set(bands) == set(totals)
    for key, total in totals.items():
        assert sorted(bands[key]) == sorted(GROUPS), key
        assert sum(bands[key].values()) == total, key
        assert all(v > 0 for v in bands[key].values()), key


def test_more_young_children_where_need_is_high():
    share = {
        r["omrade_kod"]: int(r["varde"])
        for r in _values()
        if r["indikator_kod"] == "folkmangd_0_5" and r["ar"] == "2024" and r["omrade_kod"] != "0"
    }
    total = {
        r["omrade_kod"]: int(r["varde"])
        for r in _values()
        if r["indikator_kod"] == "folkmangd" and r["ar"] == "2024" and r["omrade_kod"] != "0"
    }
    low = [a for a, n in exempeldata.NEED.items() if n <= 0.2]
    high = [a for a, n in exempeldata.NEED.items() if n >= 0.85]
    assert max(share[a] / total[a] for a in low) < min(share[a] / total[a] for a in high)


def test_the_age_groups_are_defined_after_the_other_indicators_with_no_fokus_or_direction():
    with (SEED_DIR / "indikatorer.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    ages = [r for r in rows if r["indikator_kod"] in GROUPS]
    assert [r["indikator_kod"] for r in ages] == GROUPS
    assert rows[-len(GROUPS) :] == ages  # ordered after every existing indicator
    assert {(r["enhet"], r["fokus_kod"], r["hogre_ar_battre"], r["kalla"]) for r in ages} == {
        ("antal", "", "", "exempeldata")
    }
    assert ages[0]["namn_sv"] == "Folkmängd 0–5 år" and ages[-1]["namn_en"] == "Population aged 65 and over"
    assert [int(r["ordning"]) for r in ages] == list(range(len(rows) - len(GROUPS), len(rows)))


def test_the_other_rows_do_not_depend_on_the_age_generator(seed_copy: Path, monkeypatch):
    """The age groups have a generator of their own: with another one only their values change, every other
    row of every generated file stays as committed (so adding them changed no earlier row)."""
    real = exempeldata._indicators
    monkeypatch.setattr(exempeldata, "_indicators", lambda rng, _age_rng: real(rng, random.Random(0)))
    counts = exempeldata.generate(seed_copy)
    for name in counts:
        if name != "indikatorvarden.csv":
            assert (seed_copy / name).read_bytes() == (SEED_DIR / name).read_bytes(), name
    other = (seed_copy / "indikatorvarden.csv").read_text(encoding="utf-8").splitlines()
    committed = (SEED_DIR / "indikatorvarden.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in committed if line.split(",")[0] not in GROUPS]
    assert [line for line in other if line.split(",")[0] not in GROUPS] == kept
    assert committed[: len(kept)] == kept  # the age rows come after every earlier row
    assert len(other) == len(committed) and other != committed
