"""The effect signal (difference in differences against the nearest areas without a comparable insats, with a
placebo interval over the areas), on hand-made data whose right answer is known, and on the default store."""

from __future__ import annotations

import csv
import math

import numpy as np
import pandas as pd
import pytest

from lokalutveckling import analys, data
from lokalutveckling.analys import effekt
from lokalutveckling.paths import ROOT

AREAS = [str(i) for i in range(1, 15)]
YEARS = list(range(2018, 2025))
START = "2022-03-01"  # before = 2021, after = 2024
INDIKATORER = pd.DataFrame(
    [
        # indikator_kod, namn_sv, namn_en, enhet, fokus_kod, hogre_ar_battre, ordning
        ("folk", "Folkmängd", "Population", "antal", None, None, 0),
        ("bistand", "Bistånd", "Assistance", "procent", "arbetsmarknad", False, 2),
        ("jobb", "Förvärvsfrekvens", "Employment", "procent", "arbetsmarknad", True, 1),
        ("trivsel", "Trivsel", "Satisfaction", "procent", "boende", True, 3),
        ("valdsbrott", "Våldsbrott", "Violent crime", "per 1 000", "brottslighet", False, 4),
    ],
    columns=["indikator_kod", "namn_sv", "namn_en", "enhet", "fokus_kod", "hogre_ar_battre", "ordning"],
)


def insats(insats_id: str, areas: list[str], **changes: object) -> dict[str, object]:
    """An area-level insats for young people in arbetsmarknad from START, open-ended; `changes` override."""
    row: dict[str, object] = {
        "insats_id": insats_id,
        "namn": f"Insats {insats_id}",
        "status": "pågående",
        "startdatum": START,
        "slutdatum": None,
        "hela_staden": False,
        "malgrupp": "unga 16–24",
        "primar_fokus": "arbetsmarknad",
        "kalla": "exempeldata",
        "omraden": areas,
        "fokus": ["arbetsmarknad"],
    }
    row.update(changes)
    return row


def grid(seed: int = 0, noise: float = 0.5, trend: float = 1.0, levels: list[float] | None = None) -> np.ndarray:
    """areas × years: a level per area (50, 52, … unless given), a common trend per year, normal noise."""
    rng = np.random.default_rng(seed)
    base = np.array(levels if levels is not None else [50.0 + 2 * i for i in range(len(AREAS))])
    years = np.arange(len(YEARS))
    return base[:, None] + trend * years[None, :] + rng.normal(0.0, noise, (len(AREAS), len(YEARS)))


def planted(values: np.ndarray, areas: list[str], amount: float, from_year: int = 2022) -> np.ndarray:
    out = values.copy()
    rows = [AREAS.index(a) for a in areas]
    cols = [YEARS.index(y) for y in YEARS if y >= from_year]
    out[np.ix_(rows, cols)] += amount
    return out


def underlag(
    insatser: list[dict[str, object]],
    values: dict[str, np.ndarray],
    malindikatorer: list[tuple[str, str]] = (),
    kalla: str = "exempeldata",
) -> effekt.Underlag:
    rows = [
        (kod, area, year, float(grid_[i, j]), kalla)
        for kod, grid_ in values.items()
        for i, area in enumerate(AREAS)
        for j, year in enumerate(YEARS)
        if not math.isnan(grid_[i, j])
    ]
    frame = pd.DataFrame(insatser)
    for column in ("startdatum", "slutdatum"):
        frame[column] = pd.to_datetime(frame[column])
    return effekt.Underlag(
        values=pd.DataFrame(rows, columns=["indikator_kod", "omrade_kod", "ar", "varde", "kalla"]),
        indikatorer=INDIKATORER,
        insatser=frame.drop(columns=["omraden", "fokus"]),
        omraden=pd.DataFrame(
            [(r["insats_id"], a) for r in insatser for a in r["omraden"]], columns=["insats_id", "omrade_kod"]
        ),
        fokus=pd.DataFrame(
            [(r["insats_id"], f, n == 0) for r in insatser for n, f in enumerate(r["fokus"])],
            columns=["insats_id", "fokus_kod", "primar"],
        ),
        malindikatorer=pd.DataFrame(list(malindikatorer), columns=["insats_id", "indikator_kod"]),
    )


T3 = ["1", "2", "3"]
RULE = effekt.EffectRule()


# --------------------------------------------------------------------------------- the three answers


def test_no_change_anywhere_gives_no_difference_and_no_clear_signal():
    # Every area follows the same trend exactly: every change is 3 points, the difference is 0.
    u = underlag([insats("A", T3)], {"jobb": grid(noise=0.0)})
    s = effekt.indicator_signal(u, "A", "jobb")
    assert (s.ar_fore, s.ar_efter) == (2021, 2024)
    assert s.forandring_insats == pytest.approx(3.0) and s.forandring_jamforelse == pytest.approx(3.0)
    assert s.skillnad == pytest.approx(0.0, abs=1e-9)
    assert s.intervall[0] <= 0 <= s.intervall[1]
    assert s.bedomning == "ingen_tydlig" and s.skal == ""
    assert s.n_placebo == math.comb(11, 3) and s.p == 1.0  # every placebo difference is 0 too
    assert s.kallor == ("exempeldata",)


def test_a_planted_change_is_found_with_its_size_and_direction():
    # +8 points in the insats's 3 areas from 2022; noise sd 0.5 per value. A change's noise has sd 0.5·√2, a
    # mean over 3 areas 0.41, the difference of two such means 0.58: ±2 is beyond 3 sd of the estimate.
    values = grid(seed=1)
    u = underlag([insats("A", T3)], {"jobb": planted(values, T3, 8.0), "bistand": planted(values, T3, -8.0)})
    better = effekt.indicator_signal(u, "A", "jobb")
    assert better.bedomning == "forbattring"
    assert better.skillnad == pytest.approx(8.0, abs=2.0)
    assert better.intervall[0] > 0 and better.intervall[0] <= better.skillnad <= better.intervall[1]
    assert better.p == pytest.approx(1 / (1 + better.n_placebo))  # no placebo set comes near 8
    assert better.forandring_insats - better.forandring_jamforelse == pytest.approx(better.skillnad)
    # Lower is better for bistånd: 8 points less is the same improvement, turned to +.
    turned = effekt.indicator_signal(u, "A", "bistand")
    assert turned.bedomning == "forbattring" and turned.hogre_ar_battre is False
    assert turned.skillnad == pytest.approx(8.0, abs=2.0)
    assert turned.forandring_insats - turned.forandring_jamforelse == pytest.approx(-turned.skillnad)


def test_a_planted_worsening_is_found_in_both_directions():
    values = grid(seed=2)
    u = underlag([insats("A", T3)], {"jobb": planted(values, T3, -8.0), "bistand": planted(values, T3, 8.0)})
    for kod in ("jobb", "bistand"):
        s = effekt.indicator_signal(u, "A", kod)
        assert s.bedomning == "forsamring", kod
        assert s.skillnad == pytest.approx(-8.0, abs=2.0) and s.intervall[1] < 0, kod


def test_noise_only_rarely_gives_a_signal():
    # 40 data sets with noise only (and a common trend of 1 point a year): the interval's level is 90 %, so about
    # 4 in 40 may show a difference by chance. A method that ignored the comparison would see the trend (+3 in
    # T every time) and say forbattring in all 40; one that always said forbattring would too.
    verdicts, differences = [], []
    for seed in range(40):
        s = effekt.indicator_signal(underlag([insats("A", T3)], {"jobb": grid(seed=100 + seed)}), "A", "jobb")
        verdicts.append(s.bedomning)
        differences.append(s.skillnad)
    clear = sum(v in ("forbattring", "forsamring") for v in verdicts)
    assert clear <= 8, verdicts
    assert set(verdicts) <= {"forbattring", "forsamring", "ingen_tydlig"}
    assert abs(np.mean(differences)) < 0.3  # centred on 0, not on the trend's 3
    assert max(abs(d) for d in differences) < 2.5


# --------------------------------------------------------------------------------- who is compared


def test_the_comparison_areas_are_the_nearest_by_the_similarity_measure():
    # Levels 10, 20, …, 140 in the before year; T = areas 1–3 (10, 20, 30). Mean distance to T grows with the
    # level, so the nearest free areas are 4, 5, 6 (40, 50, 60), in that order.
    levels = [10.0 * (i + 1) for i in range(14)]
    u = underlag([insats("A", T3)], {"jobb": grid(noise=0.0, levels=levels)})
    s = effekt.indicator_signal(u, "A", "jobb")
    assert s.omraden == ("1", "2", "3")
    assert s.jamforelse == ("4", "5", "6")
    # A comparable insats in area 4 (same primary fokus, same målgrupp, running in the period) takes it out.
    u = underlag([insats("A", T3), insats("B", ["4"])], {"jobb": grid(noise=0.0, levels=levels)})
    s = effekt.indicator_signal(u, "A", "jobb")
    assert s.jamforelse == ("5", "6", "7") and s.uteslutna == ("4",) and s.n_mojliga == 10
    # T at the top: areas 12–14; the nearest are 11, 10, 9.
    u = underlag([insats("A", ["12", "13", "14"])], {"jobb": grid(noise=0.0, levels=levels)})
    assert effekt.indicator_signal(u, "A", "jobb").jamforelse == ("11", "10", "9")


def test_the_distance_matrix_is_the_similarity_measure_of_similar_areas():
    rng = np.random.default_rng(5)
    values = pd.DataFrame(
        [(k, a, float(rng.normal())) for k in ("x", "y", "z") for a in AREAS],
        columns=["indikator_kod", "omrade_kod", "varde"],
    )
    values.loc[3, "varde"] = math.nan  # area 4 lacks x
    weights = {"x": 1.0, "y": 2.0, "z": 0.5}
    matrix = analys.distance_matrix(values, weights)
    for target in ("1", "4", "9"):
        similar = analys.similar_areas(values, target, weights).set_index("omrade_kod")["avstand"]
        assert matrix.loc[target, similar.index].to_numpy() == pytest.approx(similar.to_numpy())
        assert matrix.loc[target, target] == 0.0


@pytest.mark.parametrize(
    ("other", "excluded"),
    [
        ({}, {"4", "5"}),  # same primary fokus and målgrupp, running: its areas are left out
        ({"hela_staden": True, "omraden": []}, set()),  # hela staden touches every area alike
        ({"status": "föreslagen"}, set()),  # a förslag has not run
        ({"malgrupp": "barn 6–15"}, set()),
        ({"primar_fokus": "boende", "fokus": ["boende", "arbetsmarknad"]}, set()),
        ({"startdatum": "2016-01-01", "slutdatum": "2021-12-31"}, set()),  # ended before 2022
        ({"startdatum": "2016-01-01", "slutdatum": "2022-01-31"}, {"4", "5"}),  # ran into 2022
        ({"startdatum": "2025-01-01"}, set()),  # starts after 2024
        ({"status": "avbruten", "slutdatum": "2023-05-30"}, {"4", "5"}),  # stopped, but ran in the period
    ],
)
def test_comparable_insatser_exclude_their_areas(other, excluded):
    u = underlag([insats("A", T3), insats("B", ["3", "4", "5"], **other)], {"jobb": grid(seed=3)})
    assert effekt.comparable_areas(u, "A", 2021, 2024) == excluded  # area 3 is A's own, never "excluded"
    s = effekt.indicator_signal(u, "A", "jobb")
    assert set(s.uteslutna) == excluded and not excluded & set(s.jamforelse)
    assert s.n_mojliga == 11 - len(excluded)


# --------------------------------------------------------------------------------- no signal, and why


def test_each_reason_for_no_signal_is_given_in_words():
    values = {"jobb": grid(seed=4), "folk": grid(seed=4)}

    def skal(*insatser: dict[str, object], kod: str = "jobb", rule: effekt.EffectRule = RULE) -> str:
        s = effekt.indicator_signal(underlag(list(insatser), values), "A", kod, rule)
        assert s.bedomning == "underlag_saknas" and s.skillnad is None and s.intervall is None
        return s.skal

    assert skal(insats("A", [], hela_staden=True)).startswith("Insatsen gäller hela staden")
    assert "inget år före" in skal(insats("A", T3, startdatum="2018-05-01"))
    assert skal(insats("A", T3, startdatum="2025-01-01")) == (
        "Insatsen startade 2025, efter det senaste året med värden (2024): ingen förändring att mäta ännu."
    )
    assert skal(insats("A", T3, status="föreslagen")).startswith("Insatsen är föreslagen")
    assert skal(insats("A", T3), kod="folk").startswith("Indikatorn säger inte om högre eller lägre är bättre")
    # Areas 4–13 have a comparable insats: only area 14 is left to compare with.
    assert skal(insats("A", T3), insats("B", AREAS[3:13])) == (
        "Bara 1 område utan jämförbar insats har värden både 2021 och 2024; minst 2 behövs för en jämförelse."
    )
    # One area against 9 free ones: only 9 placebo sets of one area.
    assert skal(insats("A", ["1"]), insats("B", AREAS[10:])) == (
        "Av de 9 områdena utan jämförbar insats kan bara 9 placebogrupper om 1 område bildas; regeln kräver minst 10."
    )
    assert skal(insats("A", T3), rule=effekt.EffectRule(min_placebo=200)) == (
        "Av de 11 områdena utan jämförbar insats kan bara 165 placebogrupper om 3 områden bildas; regeln kräver minst 200."
    )
    missing = values["jobb"].copy()
    missing[:3, YEARS.index(2024)] = math.nan
    s = effekt.indicator_signal(underlag([insats("A", T3)], {"jobb": missing}), "A", "jobb")
    assert s.skal == "Inget av insatsens områden har värden både 2021 och 2024."


def test_the_placebo_sample_is_capped_and_the_same_each_time():
    u = underlag([insats("A", ["1", "2", "3", "4"])], {"jobb": grid(seed=6)})  # C(10, 4) = 210 placebo sets
    assert effekt.indicator_signal(u, "A", "jobb").n_placebo == 210
    capped = effekt.EffectRule(max_placebo=50)
    first, again = effekt.indicator_signal(u, "A", "jobb", capped), effekt.indicator_signal(u, "A", "jobb", capped)
    assert first.n_placebo == 50 and first == again
    other_seed = effekt.indicator_signal(u, "A", "jobb", effekt.EffectRule(max_placebo=50, seed=18))
    assert other_seed.skillnad == first.skillnad and other_seed.intervall != first.intervall


# --------------------------------------------------------------------------------- target indicators


def test_target_indicators_are_the_fokus_indicators_in_order_or_the_editors_choice():
    values = {k: grid(seed=7) for k in ("folk", "jobb", "bistand", "trivsel", "valdsbrott")}
    both = insats("A", T3, fokus=["arbetsmarknad", "boende"])
    u = underlag([both, insats("B", T3, malgrupp="vuxna")], values, malindikatorer=[("B", "valdsbrott"), ("B", "jobb")])
    assert effekt.target_indicators(u, "A") == ["jobb", "bistand", "trivsel"]  # `ordning`, never folk (context)
    assert effekt.target_indicators(u, "B") == ["jobb", "valdsbrott"]  # the editor's, replacing the fokus ones
    signal = effekt.insats_signal(u, "A")
    assert signal.insats_id == "A" and [s.indikator_kod for s in signal.signals] == ["jobb", "bistand", "trivsel"]
    with pytest.raises(ValueError, match="okänd insats X"):
        effekt.target_indicators(u, "X")


def test_an_insats_is_weak_unless_some_indicator_shows_a_clear_improvement():
    values = grid(seed=8)
    u = underlag(
        [insats("A", T3), insats("B", ["12", "13", "14"], malgrupp="vuxna")],
        {"jobb": planted(values, T3, 8.0), "bistand": grid(seed=9)},
    )
    signals = effekt.all_signals(u)
    assert set(signals) == {"A", "B"}
    assert [s.bedomning for s in signals["A"].signals] == ["forbattring", "ingen_tydlig"]
    assert not signals["A"].svag
    assert signals["B"].svag  # its areas had no planted change: at most a chance signal, not an improvement
    assert signals["A"] == effekt.insats_signal(u, "A")


# --------------------------------------------------------------------------------- the default store


def seed(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / "seed" / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_insats_of_the_default_store_gets_a_signal_per_target_indicator(con):
    u = data.effekt_underlag(con=con)
    assert set(u.values["omrade_kod"]) == set(AREAS)
    signals = effekt.all_signals(u)
    assert set(signals) == {r["insats_id"] for r in seed("insatser")}
    for insats_id, signal in signals.items():
        assert [s.indikator_kod for s in signal.signals] == effekt.target_indicators(u, insats_id)
        for s in signal.signals:
            assert s.bedomning in effekt.BEDOMNINGAR
            assert (s.bedomning == "underlag_saknas") == bool(s.skal)
            assert s.kallor in ((), ("exempeldata",))  # the seeds' values are all exempeldata
    # Hela staden insatser have no signal; INS-007 is one.
    assert {s.bedomning for s in signals["INS-007"].signals} == {"underlag_saknas"}
    counts = pd.Series([s.bedomning for v in signals.values() for s in v.signals]).value_counts()
    assert counts.get("ingen_tydlig", 0) > counts.get("forbattring", 0)


def test_one_insats_of_the_default_store_by_hand(con):
    """INS-003 (boende, för föräldrar, area 12, from 2022-12-01): trivsel_omrade worked out from the seed CSVs."""
    insatser = {r["insats_id"]: r for r in seed("insatser")}
    primary = {r["insats_id"]: r["fokus_kod"] for r in seed("insats_fokusomraden") if r["primar"] == "true"}
    assert (insatser["INS-003"]["startdatum"], primary["INS-003"], insatser["INS-003"]["malgrupp"]) == (
        "2022-12-01",
        "boende",
        "föräldrar",
    )
    # No other insats has boende as primary fokus and föräldrar as målgrupp: every other area can be compared.
    assert [i for i, r in insatser.items() if r["malgrupp"] == "föräldrar" and primary[i] == "boende"] == ["INS-003"]
    fokus = {r["fokus_kod"] for r in seed("insats_fokusomraden") if r["insats_id"] == "INS-003"}
    indicators = [r["indikator_kod"] for r in seed("indikatorer") if r["fokus_kod"] in fokus]
    value = {
        (r["indikator_kod"], r["omrade_kod"], int(r["ar"])): float(r["varde"])
        for r in seed("indikatorvarden")
        if r["omrade_kod"] in AREAS and r["varde"]
    }
    # Distances in 2021 over the five indicators: z-scores across the 14 areas (population sd), Euclidean mean.
    z = {}
    for k in indicators:
        column = [value[(k, a, 2021)] for a in AREAS]
        mean, sd = sum(column) / 14, (sum((x - sum(column) / 14) ** 2 for x in column) / 14) ** 0.5
        z[k] = {a: (value[(k, a, 2021)] - mean) / sd for a in AREAS}

    def dist(a: str, b: str) -> float:
        return (sum((z[k][a] - z[k][b]) ** 2 for k in indicators) / len(indicators)) ** 0.5

    def nearest(group: str, pool: list[str]) -> list[str]:
        return sorted((a for a in pool if a != group), key=lambda a: (dist(group, a), int(a)))[:3]

    change = {a: value[("trivsel_omrade", a, 2024)] - value[("trivsel_omrade", a, 2021)] for a in AREAS}
    pool = [a for a in AREAS if a != "12"]
    comparison = nearest("12", pool)
    difference = change["12"] - sum(change[a] for a in comparison) / 3
    placebo = [abs(change[s] - sum(change[a] for a in nearest(s, pool)) / 3) for s in pool]
    half = float(np.quantile(placebo, 0.9))

    s = effekt.indicator_signal(data.effekt_underlag(con=con), "INS-003", "trivsel_omrade")
    assert (s.ar_fore, s.ar_efter, s.omraden) == (2021, 2024, ("12",))
    assert list(s.jamforelse) == comparison
    assert s.forandring_insats == pytest.approx(change["12"])
    assert s.forandring_jamforelse == pytest.approx(sum(change[a] for a in comparison) / 3)
    assert s.skillnad == pytest.approx(difference)
    assert s.intervall == pytest.approx((difference - half, difference + half))
    assert s.n_placebo == 13
    assert s.p == pytest.approx((1 + sum(p >= abs(difference) - 1e-9 for p in placebo)) / 14)
    expected = "forbattring" if difference - half > 0 else "forsamring" if difference + half < 0 else "ingen_tydlig"
    assert s.bedomning == expected
    in_order = sorted(seed("indikatorer"), key=lambda r: int(r["ordning"]))
    assert effekt.target_indicators(data.effekt_underlag(con=con), "INS-003") == [
        r["indikator_kod"] for r in in_order if r["fokus_kod"] in fokus
    ]


def test_signals_are_computed_for_at_most_the_rules_number_of_target_indicators(con):
    """At 100 times the indicators an insats has hundreds of target indicators: the rule caps the signals at
    the first max_indicators in indicator order and says how many there are."""
    u = data.effekt_underlag(con)
    targets = effekt.target_indicators(u, "INS-003")
    assert len(targets) == 5
    capped = effekt.insats_signal(u, "INS-003", effekt.EffectRule(max_indicators=2))
    assert [s.indikator_kod for s in capped.signals] == targets[:2]
    assert capped.n_malindikatorer == 5
    whole = effekt.insats_signal(u, "INS-003")
    assert len(whole.signals) == whole.n_malindikatorer == 5
    assert set(effekt.all_signals(u, only=["INS-003", "INS-002", "okänd"])) == {"INS-003", "INS-002"}
