"""Agenda 2030 (issue 17, part 3): the project's classification of the indicators (data/seed/
indikator_agenda2030.csv) and the UN's 17 goals (globala_mal.csv) complete and checked by the build; the
dimension index is the need index's rule (worked by hand on made-up values, and on the default store's
seed values for one area); an insats's goals come from its target indicators."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest

from lokalutveckling import agenda2030, analys, data, provenance, store
from lokalutveckling.paths import ROOT
from lokalutveckling.store.builder import SeedError
from lokalutveckling.views import agenda2030 as view

SEED = ROOT / "data" / "seed"


def rows(name: str, folder: Path = SEED) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(folder: Path, name: str, table: list[dict[str, str]]) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)


# ---- the seed: complete and valid


def test_every_indicator_with_a_fokusomrade_is_tagged_once_and_no_context_indicator():
    indicators = rows("indikatorer.csv")
    tags = rows("indikator_agenda2030.csv")
    fokus = [r["indikator_kod"] for r in indicators if r["fokus_kod"]]
    context = {r["indikator_kod"] for r in indicators if not r["fokus_kod"]}
    assert sorted(r["indikator_kod"] for r in tags) == sorted(fokus)  # each once, all of them
    assert len(fokus) == 12 and {"folkmangd", "folkmangd_0_5"} <= context
    assert not context & {r["indikator_kod"] for r in tags}


def test_the_tags_are_dimensions_goals_and_targets_of_their_goals():
    goals = {int(r["mal"]) for r in rows("globala_mal.csv")}
    assert goals == set(range(1, 18))
    for tag in rows("indikator_agenda2030.csv"):
        assert tag["dimension"] in ("social", "ekologisk", "ekonomisk"), tag
        numbers = [int(m) for m in tag["mal"].split(";")]
        targets = tag["delmal"].split(";")
        assert set(numbers) <= goals and len(numbers) == len(targets), tag
        assert [int(d.split(".")[0]) for d in targets] == numbers, tag  # '4.1' under goal 4
        assert tag["kalla"] == "projektet_agenda2030"
        assert tag["motivering"].startswith("Projektets klassning:"), tag
    # No indicator measures the ecological dimension yet: the pages say so rather than show a value.
    assert "ekologisk" not in {r["dimension"] for r in rows("indikator_agenda2030.csv")}
    by_code = {r["indikator_kod"]: r for r in rows("indikator_agenda2030.csv")}
    assert (by_code["unga_uvas"]["mal"], by_code["unga_uvas"]["delmal"]) == ("8", "8.6")  # NEET: target 8.6
    assert (by_code["ekonomiskt_bistand"]["mal"], by_code["ekonomiskt_bistand"]["delmal"]) == ("1;10", "1.2;10.2")


def test_the_goals_carry_their_swedish_and_un_names_and_the_classification_says_what_it_is():
    goals = {int(r["mal"]): r for r in rows("globala_mal.csv")}
    assert (goals[4]["namn_sv"], goals[4]["namn_en"]) == ("God utbildning för alla", "Quality Education")
    assert (goals[10]["namn_sv"], goals[10]["namn_en"]) == ("Minskad ojämlikhet", "Reduced Inequalities")
    assert (goals[16]["namn_sv"], goals[17]["namn_en"]) == (
        "Fredliga och inkluderande samhällen",
        "Partnerships for the Goals",
    )
    kallor = {r["kalla_id"]: r for r in rows("kallor.csv")}
    assert {r["kalla"] for r in goals.values()} == {"fn_agenda2030"}
    assert "A/RES/70/1" in kallor["fn_agenda2030"]["titel"]
    klassning = kallor["projektet_agenda2030"]["titel"]
    assert klassning.startswith("Projektets klassning mot FN:s delmål (Agenda 2030)")
    assert "inte ett beslut av staden" in klassning


def test_the_classification_is_named_as_the_projects_on_screen(con):
    names = provenance.document_names(data.kallor(con), "sv")
    assert names["projektet_agenda2030"] == "Projektets klassning mot FN:s delmål"
    assert names["fn_agenda2030"] == "FN:s 17 globala mål för hållbar utveckling"


def test_the_store_holds_the_goals_and_the_tags_and_counts_them_under_their_sources(con):
    assert con.execute("select count(*), min(mal), max(mal) from globala_mal").fetchone() == (17, 1, 17)
    assert con.execute("select count(*) from indikator_agenda2030").fetchone() == (12,)
    counted = data.kallor(con).set_index("kalla_id")["n_rader"]
    assert counted["fn_agenda2030"] == 17
    assert counted["projektet_agenda2030"] == 12


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"dimension": "miljö"}, "otillåtet värde; tillåtna: social, ekologisk, ekonomisk"),
        ({"mal": "18", "delmal": "18.1"}, "ett globalt mål är ett heltal 1–17"),
        ({"delmal": "5.1"}, "under sitt mål (11)"),
        ({"mal": "11;10"}, "ett delmål per mål och i samma ordning: 2 mål, 1 delmål"),
    ],
)
def test_the_build_refuses_a_wrong_tag(seed_copy: Path, change: dict[str, str], message: str):
    tags = rows("indikator_agenda2030.csv", seed_copy)
    tags[0].update(change)  # trangboddhet: social, 11, 11.1
    write(seed_copy, "indikator_agenda2030.csv", tags)
    with pytest.raises(SeedError) as raised:
        store.build(store.connect(None), seed_copy)
    assert any(message in p and "indikator_agenda2030.csv, rad 2" in p for p in raised.value.problems), raised.value


def test_the_build_refuses_a_missing_a_doubled_or_a_context_tag(seed_copy: Path):
    tags = rows("indikator_agenda2030.csv", seed_copy)
    doubled = dict(tags[1])
    context = {**tags[0], "indikator_kod": "folkmangd"}
    write(seed_copy, "indikator_agenda2030.csv", [doubled, *tags[1:], context])  # trangboddhet left out
    with pytest.raises(SeedError) as raised:
        store.build(store.connect(None), seed_copy)
    problems = "\n".join(raised.value.problems)
    assert "indikatorn har ett fokusområde men ingen rad i indikator_agenda2030.csv (värde: 'trangboddhet')" in problems
    assert "indikatorn är klassad 2 gånger, ska vara en gång (värde: 'trivsel_omrade')" in problems
    assert "en kontextindikator (utan fokusområde, t.ex. befolkning) klassas inte (värde: 'folkmangd')" in problems


def test_the_build_refuses_a_missing_goal(seed_copy: Path):
    write(seed_copy, "globala_mal.csv", [r for r in rows("globala_mal.csv", seed_copy) if r["mal"] != "13"])
    with pytest.raises(SeedError) as raised:
        store.build(store.connect(None), seed_copy)
    assert any("målet saknas: alla 17 globala mål ska finnas (värde: '13')" in p for p in raised.value.problems)


# ---- the dimension index: the need index's rule, by hand

TAGS = pd.DataFrame(
    {
        "indikator_kod": ["a", "b", "c"],
        "dimension": ["social", "social", "ekonomisk"],
        "mal": ["4", "16;11", "8"],
        "delmal": ["4.1", "16.1;11.7", "8.5"],
    }
)
HIGHER_IS_BETTER = {"a": True, "b": False, "c": True}


def values(cells: dict[str, dict[str, float | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"indikator_kod": k, "omrade_kod": o, "varde": v} for k, by_area in cells.items() for o, v in by_area.items()]
    )


def test_the_dimension_index_is_the_mean_of_scaled_need_ranks_worked_by_hand():
    made_up = values(
        {
            "a": {"A": 10, "B": 20, "C": 30},  # higher is better: A most need (1), B 0.5, C 0
            "b": {"A": 5, "B": 1, "C": None},  # lower is better, C has no value: A 1, B 0 (two areas)
            "c": {"A": 1, "B": 2, "C": 3},  # A 1, B 0.5, C 0
        }
    )
    out = agenda2030.dimension_index(made_up, TAGS, HIGHER_IS_BETTER).set_index(["dimension", "omrade_kod"])
    assert out.loc[("social", "A"), "index"] == 1.0  # (1 + 1) / 2
    assert out.loc[("social", "B"), "index"] == 0.25  # (0.5 + 0) / 2
    assert out.loc[("social", "C"), "index"] == 0.0  # a only
    assert out.loc[("social", "C"), "n_indikatorer"] == 1 and out.loc[("social", "A"), "n_indikatorer"] == 2
    assert [out.loc[("social", k), "rang"] for k in "ABC"] == [1, 2, 3]
    assert [out.loc[("ekonomisk", k), "index"] for k in "ABC"] == [1.0, 0.5, 0.0]
    assert set(out.loc["social", "n_dimension"]) == {2} and set(out.loc["ekonomisk", "n_dimension"]) == {1}
    # The ecological dimension has no indicators: no index and no rank, never a made-up value.
    assert out.loc["ekologisk", "index"].isna().all() and out.loc["ekologisk", "rang"].isna().all()
    assert set(out.loc["ekologisk", "n_indikatorer"]) == {0}
    # It is the need index on the dimension's indicators, weights 1 each.
    need = analys.need_index(made_up[made_up["indikator_kod"].isin(["a", "b"])], HIGHER_IS_BETTER)
    assert need.set_index("omrade_kod")["behovsindex"].to_dict() == out.loc["social", "index"].to_dict()


def test_tied_areas_share_the_better_rank():
    made_up = values({"a": {"A": 1, "B": 1, "C": 2}, "c": {"A": 1, "B": 1, "C": 1}})
    out = agenda2030.dimension_index(made_up, TAGS, HIGHER_IS_BETTER).set_index(["dimension", "omrade_kod"])
    assert [out.loc[("social", k), "rang"] for k in "ABC"] == [1, 1, 3]
    assert [out.loc[("ekonomisk", k), "index"] for k in "ABC"] == [0.5, 0.5, 0.5]  # all alike: the middle


def test_each_indicators_own_score_is_what_the_index_averages():
    made_up = values({"a": {"A": 10, "B": 20, "C": 30}, "b": {"A": 5, "B": 1, "C": 3}})
    scores = agenda2030.indicator_scores(made_up, HIGHER_IS_BETTER).set_index(["indikator_kod", "omrade_kod"])
    assert scores["poang"].to_dict() == {
        ("a", "A"): 1.0,
        ("a", "B"): 0.5,
        ("a", "C"): 0.0,
        ("b", "A"): 1.0,
        ("b", "B"): 0.0,
        ("b", "C"): 0.5,
    }


def test_an_insats_serves_the_goals_of_its_chosen_indicators_else_of_its_fokusomraden():
    assert agenda2030.target_indicators(["a", "c"], []) == ["a", "c"]
    assert agenda2030.target_indicators(["a", "c"], ["b"]) == ["b"]
    goals = agenda2030.goals_of(["b", "c", "folkmangd"], TAGS)  # a context indicator brings no goal
    assert goals["mal"].tolist() == [8, 11, 16]
    assert goals["delmal"].tolist() == [("8.5",), ("11.7",), ("16.1",)]
    assert goals["dimensioner"].tolist() == [("ekonomisk",), ("social",), ("social",)]
    assert agenda2030.goals_of([], TAGS).empty


# ---- the default store: one area worked out by hand from the seed values


def by_hand_social(area: str) -> tuple[float, int]:
    """Area's social index and rank among the 14, from the seed CSVs alone: per social indicator its newest
    year, the areas ranked by need (ties the mean of their places), scaled 0 … 1, the mean over indicators."""
    social = {r["indikator_kod"] for r in rows("indikator_agenda2030.csv") if r["dimension"] == "social"}
    better = {r["indikator_kod"]: r["hogre_ar_battre"] == "true" for r in rows("indikatorer.csv")}
    cells = [r for r in rows("indikatorvarden.csv") if r["indikator_kod"] in social and r["omrade_kod"] != "0"]
    scores: dict[str, list[float]] = {str(k): [] for k in range(1, 15)}
    for kod in sorted(social):
        newest = max(int(r["ar"]) for r in cells if r["indikator_kod"] == kod)
        need = {
            r["omrade_kod"]: (-1 if better[kod] else 1) * float(r["varde"])
            for r in cells
            if r["indikator_kod"] == kod and int(r["ar"]) == newest and r["varde"]
        }
        ordered = sorted(need.values())
        for omrade, v in need.items():
            places = [i for i, x in enumerate(ordered) if x == v]  # 0-based places this value takes
            scores[omrade].append(sum(places) / len(places) / (len(need) - 1))
    index = {k: sum(v) / len(v) for k, v in scores.items()}
    rank = 1 + sum(1 for v in index.values() if v > index[area])
    return index[area], rank


@pytest.mark.parametrize("area", ["14", "10", "5"])
def test_an_areas_social_index_and_rank_on_the_default_store_match_the_hand_count(con, area):
    tags, latest = view.underlag(con)
    result = view.dimensions_result(tags, latest).set_index(["dimension", "omrade_kod"])
    index, rank = by_hand_social(area)
    assert math.isclose(result.loc[("social", area), "index"], index)
    assert result.loc[("social", area), "rang"] == rank
    assert result.loc[("social", area), "n_indikatorer"] == 9
    assert result.loc["ekologisk", "index"].isna().all()
