"""Need against presence and similar areas, on hand-made data whose answers can be worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lokalutveckling import analys


def frame(rows: dict[str, dict[str, float | None]]) -> pd.DataFrame:
    """{indicator: {area: value}} as the long frame the functions take."""
    return pd.DataFrame(
        [(k, a, v) for k, areas in rows.items() for a, v in areas.items()],
        columns=["indikator_kod", "omrade_kod", "varde"],
    )


def test_need_index_ranks_in_the_direction_of_need_and_averages():
    values = frame(
        {
            "jobb": {"A": 80.0, "B": 60.0, "C": 40.0},  # higher is better: C has most need
            "bistand": {"A": 2.0, "B": 10.0, "C": 6.0},  # higher is worse: B has most need
        }
    )
    need = analys.need_index(values, {"jobb": True, "bistand": False}).set_index("omrade_kod")
    # jobb: A 0, B 0.5, C 1; bistand: A 0, B 1, C 0.5
    assert need.loc["A", "behovsindex"] == 0.0
    assert need.loc["B", "behovsindex"] == 0.75
    assert need.loc["C", "behovsindex"] == 0.75
    assert need["n_indikatorer"].tolist() == [2, 2, 2]


def test_need_index_uses_what_an_area_has_and_refuses_unknown_direction():
    values = frame({"jobb": {"A": 80.0, "B": 60.0, "C": None}, "bistand": {"A": 2.0, "B": 10.0, "C": 6.0}})
    need = analys.need_index(values, {"jobb": True, "bistand": False}).set_index("omrade_kod")
    assert need.loc["C", "n_indikatorer"] == 1 and need.loc["C", "behovsindex"] == 0.5
    with pytest.raises(ValueError, match="riktning saknas för indikator bistand"):
        analys.need_index(values, {"jobb": True})


def test_presence_markers_count_team_kraftsamling_and_kronor_over_median():
    presence = pd.DataFrame(
        {
            "omrade_kod": ["A", "B", "C", "D"],
            "har_team": [True, False, True, False],
            "kraftsamlande": [True, False, False, False],
        }
    )
    money = pd.DataFrame({"omrade_kod": ["A", "B", "C"], "kronor_per_invanare": [30.0, 10.0, 20.0]})
    markers = analys.presence_markers(presence, money).set_index("omrade_kod")
    # D has no insatser: 0 kr; median of 30, 10, 20, 0 is 15.
    assert markers.loc["D", "kronor_per_invanare"] == 0.0
    assert markers["median_kr"].iloc[0] == 15.0
    assert markers["markorer"].to_dict() == {"A": 3, "B": 0, "C": 2, "D": 0}


def test_flag_is_high_need_and_at_most_one_marker():
    need = pd.DataFrame(
        {"omrade_kod": list("ABCDEF"), "behovsindex": [0.9, 0.8, 0.7, 0.2, 0.1, None], "n_indikatorer": 1}
    )
    markers = pd.DataFrame(
        {"omrade_kod": list("ABCDEF"), "markorer": [1, 3, 0, 0, 1, 0], "har_team": False, "kraftsamlande": False}
    )
    out = analys.flag_high_need_low_presence(need, markers).set_index("omrade_kod")
    # Five areas have an index: the top third is ceil(5/3) = 2 areas, A and B.
    assert analys.high_need_cutoff(5) == 2
    assert out["hogt_behov"].to_dict() == {"A": True, "B": True, "C": False, "D": False, "E": False, "F": False}
    assert out.index[out["flagga"]].tolist() == ["A"]  # B is high need but well covered
    assert pd.isna(out.loc["F", "behovsrang"])
    wider = analys.flag_high_need_low_presence(need, markers, analys.Rule(top_share=0.6))
    assert wider.loc[wider["flagga"], "omrade_kod"].tolist() == ["A", "C"]


def test_similar_areas_weighted_distance_on_standardised_values():
    values = frame(
        {
            "x": {"A": 0.0, "B": 1.0, "C": 10.0, "D": 11.0},
            "y": {"A": 0.0, "B": 100.0, "C": 0.0, "D": 100.0},
        }
    )
    # On x alone, A is closest to B; on y alone, A is closest to C.
    only_x = analys.similar_areas(values, "A", {"x": 1.0})
    assert only_x["omrade_kod"].tolist() == ["B", "C", "D"]
    only_y = analys.similar_areas(values, "A", {"x": 0.0, "y": 1.0})
    assert only_y["omrade_kod"].iloc[0] == "C" and only_y["avstand"].iloc[0] == 0.0
    both = analys.similar_areas(values, "A", {"x": 1.0, "y": 3.0}).set_index("omrade_kod")
    # z of x: A -1.09, B -0.89, C 0.89, D 1.09 (sd 5.02); z of y: ±1.
    zx = (pd.Series([0.0, 1.0, 10.0, 11.0]) - 5.5) / pd.Series([0.0, 1.0, 10.0, 11.0]).std(ddof=0)
    expected_b = math.sqrt((1 * (zx[0] - zx[1]) ** 2 + 3 * 2.0**2) / 4)
    assert both.loc["B", "avstand"] == pytest.approx(expected_b)
    assert both.index[0] == "C"  # y weighs three times as much
    with pytest.raises(ValueError, match="minst en indikator"):
        analys.similar_areas(values, "A", {"x": 0.0})


def test_similar_areas_use_only_the_indicators_both_areas_have():
    values = frame(
        {
            "x": {"A": 0.0, "B": 2.0, "C": 4.0, "D": None},
            "y": {"A": 0.0, "B": 10.0, "C": None, "D": None},
            "z": {"A": None, "B": None, "C": None, "D": 5.0},
        }
    ).dropna()
    ranked = analys.similar_areas(values, "A", {"x": 1.0, "y": 1.0, "z": 1.0}).set_index("omrade_kod")
    # C is compared on x alone (one indicator), D on nothing in common with A: no distance, listed last.
    zx = (pd.Series([0.0, 2.0, 4.0]) - 2.0) / pd.Series([0.0, 2.0, 4.0]).std(ddof=0)
    assert ranked.loc["C", "n_indikatorer"] == 1
    assert ranked.loc["C", "avstand"] == pytest.approx(abs(zx[0] - zx[2]))
    assert ranked.loc["B", "n_indikatorer"] == 2
    assert ranked.index[-1] == "D" and math.isnan(ranked.loc["D", "avstand"]) and ranked.loc["D", "n_indikatorer"] == 0
