"""The stop-candidate rule (lokalutveckling.stoppkandidater) on hand-made frames: each condition alone, each
threshold at its edge, the follow-up judgement taken from the latest judged follow-up."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lokalutveckling.analys.effekt import InsatsSignal, Signal
from lokalutveckling.stoppkandidater import StopRule, assess, candidates, latest_judgements, months_between

TODAY = date(2026, 12, 2)
WEAK = InsatsSignal("X", (Signal("trangboddhet", "ingen_tydlig"), Signal("trivsel_omrade", "underlag_saknas")))
CLEAR = InsatsSignal("X", (Signal("trangboddhet", "forbattring"), Signal("trivsel_omrade", "ingen_tydlig")))


def _insats(insats_id: str, start: str, end: str | None = None, status: str = "pågående") -> dict:
    return {
        "insats_id": insats_id,
        "namn": f"Insats {insats_id}",
        "status": status,
        "startdatum": pd.Timestamp(start),
        "slutdatum": pd.Timestamp(end) if end else pd.NaT,
    }


def _followups(*rows: tuple[str, str, str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"uppfoljning_id": f"U{n}", "insats_id": i, "datum": pd.Timestamp(d), "effekt": e, "kalla": "exempeldata"}
            for n, (i, d, e) in enumerate(rows)
        ],
        columns=["uppfoljning_id", "insats_id", "datum", "effekt", "kalla"],
    )


def _one(row: dict, signal: InsatsSignal = WEAK, followups: pd.DataFrame | None = None, **rule: object) -> pd.Series:
    fu = followups if followups is not None else _followups((row["insats_id"], "2026-06-01", "oklar"))
    out = assess(pd.DataFrame([row]), fu, {row["insats_id"]: signal}, TODAY, StopRule(**rule))
    assert len(out) == 1
    return out.iloc[0]


def test_months_between_counts_whole_months():
    assert months_between(date(2022, 9, 15), date(2024, 9, 15)) == 24
    assert months_between(date(2022, 9, 15), date(2024, 9, 14)) == 23
    assert months_between(date(2026, 12, 2), date(2026, 6, 2)) == -6
    assert months_between(date(2026, 12, 2), date(2026, 6, 3)) == -5
    assert months_between(date(2026, 12, 2), date(2027, 6, 2)) == 6


def test_all_three_conditions_make_a_candidate():
    row = _one(_insats("A", "2022-09-01"))
    assert row["lang_tid"] and row["tid"] and row["svag"] and row["uppfoljning_svag"] and row["kandidat"]
    assert row["manader_igang"] == 51
    assert row["senaste_effekt"] == "oklar" and row["n_uppfoljningar"] == 1
    assert row["n_ingen_tydlig"] == 1 and row["n_underlag_saknas"] == 1 and row["n_forbattring"] == 0


def test_a_clear_improvement_in_one_indicator_keeps_it_off_the_list():
    row = _one(_insats("A", "2022-09-01"), CLEAR)
    assert row["tid"] and not row["svag"] and not row["kandidat"]
    assert row["n_forbattring"] == 1


def test_a_follow_up_that_judges_some_effect_keeps_it_off_the_list():
    for effekt, expected in (("viss", False), ("tydlig", False), ("ingen", True), ("oklar", True)):
        row = _one(_insats("A", "2022-09-01"), followups=_followups(("A", "2026-01-01", effekt)))
        assert bool(row["kandidat"]) == expected, effekt


def test_the_latest_judged_follow_up_decides_and_none_counts_as_weak():
    # An older "tydlig" and a newer "ingen": the newer decides; a newer one without a judgement does not.
    fu = _followups(("A", "2024-01-01", "tydlig"), ("A", "2025-01-01", "ingen"), ("A", "2026-01-01", None))
    row = _one(_insats("A", "2022-09-01"), followups=fu)
    assert row["senaste_effekt"] == "ingen" and row["senaste_datum"] == pd.Timestamp("2025-01-01")
    assert row["n_uppfoljningar"] == 3 and row["kandidat"]
    fu = _followups(("A", "2024-01-01", "ingen"), ("A", "2025-01-01", "tydlig"))
    assert not _one(_insats("A", "2022-09-01"), followups=fu)["kandidat"]
    # No follow-up at all: weak (nobody has judged the effect).
    row = _one(_insats("A", "2022-09-01"), followups=_followups())
    assert row["ingen_bedomning"] and row["n_uppfoljningar"] == 0 and row["kandidat"]


def test_same_day_follow_ups_are_ordered_by_their_id():
    fu = _followups(("A", "2025-01-01", "tydlig"), ("A", "2025-01-01", "ingen"))
    assert latest_judgements(fu).set_index("insats_id").loc["A", "senaste_effekt"] == "ingen"


def test_running_long_at_its_threshold():
    # Started exactly 24 months before today: long; one day later: not (and no end date, so no time reason).
    assert _one(_insats("A", "2024-12-02"))["lang_tid"]
    late = _one(_insats("A", "2024-12-03"))
    assert not late["lang_tid"] and not late["tid"] and not late["kandidat"]
    # The threshold is the rule's: 12 months makes the later one long too.
    assert _one(_insats("A", "2024-12-03"), long_running_months=12)["kandidat"]


def test_near_its_end_at_its_threshold():
    start = "2026-01-01"  # eleven months ago: not running long
    assert _one(_insats("A", start, "2027-06-02"))["nara_slut"]  # exactly six months away
    far = _one(_insats("A", start, "2027-06-03"))
    assert not far["nara_slut"] and not far["tid"] and not far["kandidat"]
    assert far["manader_kvar"] == 6
    assert _one(_insats("A", start, "2027-06-03"), near_end_months=7)["kandidat"]
    today = _one(_insats("A", start, "2026-12-02"))
    assert today["nara_slut"] and not today["efter_slut"]


def test_past_its_end_date():
    row = _one(_insats("A", "2026-01-01", "2026-12-01"))
    assert row["efter_slut"] and not row["nara_slut"] and row["tid"] and row["kandidat"]
    assert row["manader_kvar"] == 0
    assert _one(_insats("A", "2025-01-01", "2026-01-01"))["manader_kvar"] == -11


@pytest.mark.parametrize("status", ["avslutad", "avbruten", "permanentad", "föreslagen"])
def test_only_granted_or_running_insatser_are_candidates(status):
    row = _one(_insats("A", "2022-09-01", "2023-12-31", status=status))
    assert row["efter_slut"] and row["lang_tid"] and not row["tid"] and not row["kandidat"]


def test_beviljad_counts_and_the_statuses_are_the_rules():
    assert _one(_insats("A", "2022-09-01", status="beviljad"))["kandidat"]
    assert not _one(_insats("A", "2022-09-01", status="beviljad"), statuses=("pågående",))["kandidat"]


def test_an_insats_without_a_signal_is_weak():
    out = assess(pd.DataFrame([_insats("A", "2022-09-01")]), _followups(), {}, TODAY)
    assert out.iloc[0]["svag"] and out.iloc[0]["n_signaler"] == 0 and out.iloc[0]["kandidat"]


def test_candidates_lists_only_those_with_all_three_in_order():
    insatser = pd.DataFrame(
        [
            _insats("C", "2022-09-01"),  # all three
            _insats("B", "2026-01-01"),  # not long, no end date: no time reason
            _insats("A", "2022-09-01", "2023-12-31"),  # past its end and long: time; weak; no follow-up
            _insats("D", "2022-09-01"),  # clear improvement
        ]
    )
    fu = _followups(("C", "2026-01-01", "ingen"), ("B", "2026-01-01", "ingen"), ("D", "2026-01-01", "ingen"))
    signals = {"A": WEAK, "B": WEAK, "C": WEAK, "D": CLEAR}
    assert candidates(insatser, fu, signals, TODAY)["insats_id"].tolist() == ["A", "C"]
    every = assess(insatser, fu, signals, TODAY)
    assert every["insats_id"].tolist() == ["A", "C", "B", "D"]  # candidates first
    assert every.set_index("insats_id").loc["A", "namn"] == "Insats A"  # the insats' own columns are kept
