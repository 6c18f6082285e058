"""Stop candidates: insatser to discuss stopping, by a rule stated in words. Never a verdict: a list to discuss.

Pure: no Streamlit, no store. Frames in, a frame out; tested on hand-made frames (tests/test_stoppkandidater.py).

An insats is a candidate when all three hold:
- time: its status is one of `statuses` (granted or running) and it is past its end date, or its end date is
  at most `near_end_months` away, or it started at least `long_running_months` ago;
- a weak effect signal: no target indicator shows a clear improvement against its comparison areas
  (effekt.InsatsSignal.svag, also when no signal could be computed);
- its follow-ups: the latest follow-up that judged the effect judged one of `effects` (no or unclear
  effect), or no follow-up has judged it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from lokalutveckling.analys.effekt import BEDOMNINGAR, InsatsSignal


@dataclass(frozen=True)
class StopRule:
    """The thresholds, shown on screen as they are (the two month counts can be changed there)."""

    near_end_months: int = 6  # an end date at most this many months away counts as near
    long_running_months: int = 24  # started at least this many months ago: running long
    statuses: tuple[str, ...] = ("pågående", "beviljad")  # only insatser that still run (or are about to)
    effects: tuple[str, ...] = ("ingen", "oklar")  # the follow-up judgements that count as weak


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (negative when `end` is earlier): 2022-09-15 → 2024-09-14 is 23."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def latest_judgements(uppfoljningar: pd.DataFrame) -> pd.DataFrame:
    """Per insats its latest follow-up that judged the effect (datum, then uppfoljning_id when given) and how
    many follow-ups it has: insats_id, n_uppfoljningar, senaste_datum, senaste_effekt and, when the frame has
    them, senaste_underlag, senaste_vem, senaste_kalla."""
    counts = uppfoljningar.groupby("insats_id").size().rename("n_uppfoljningar")
    judged = uppfoljningar[uppfoljningar["effekt"].notna() & (uppfoljningar["effekt"].astype(str) != "")]
    order = ["insats_id", "datum"] + (["uppfoljning_id"] if "uppfoljning_id" in judged.columns else [])
    latest = judged.sort_values(order).groupby("insats_id").tail(1).set_index("insats_id")
    extra = [c for c in ("underlag", "vem", "kalla") if c in latest.columns]
    out = latest[["datum", "effekt", *extra]].rename(columns=lambda c: f"senaste_{c}")
    return pd.concat([counts, out], axis=1).rename_axis("insats_id").reset_index()


def assess(
    insatser: pd.DataFrame,
    uppfoljningar: pd.DataFrame,
    signals: Mapping[str, InsatsSignal],
    today: date,
    rule: StopRule = StopRule(),
) -> pd.DataFrame:
    """Every insats with the three conditions and the facts behind them, candidates first.

    `insatser`: insats_id, status, startdatum, slutdatum (NaT when open-ended), other columns kept.
    `uppfoljningar`: insats_id, datum, effekt (null when not judged), optionally uppfoljning_id, underlag,
    vem, kalla. `signals`: effekt.all_signals (an insats missing from it has no signal: weak).
    Adds: efter_slut, nara_slut (end date within near_end_months from today, not past), manader_kvar
    (whole months to the end date, negative when past; null when open-ended), manader_igang, lang_tid, tid;
    n_<bedomning> for each of effekt.BEDOMNINGAR, n_signaler, svag; n_uppfoljningar, senaste_datum,
    senaste_effekt (and senaste_underlag, senaste_vem, senaste_kalla when given), ingen_bedomning,
    uppfoljning_svag; kandidat (all three)."""
    out = insatser.copy().reset_index(drop=True)
    day = pd.Timestamp(today)
    start = pd.to_datetime(out["startdatum"])
    end = pd.to_datetime(out["slutdatum"])
    running = out["status"].isin(rule.statuses)
    out["efter_slut"] = (end < day).fillna(False).astype(bool)
    out["nara_slut"] = ((end >= day) & (end <= day + pd.DateOffset(months=rule.near_end_months))).astype(bool)
    out["manader_kvar"] = pd.array(
        [months_between(today, e.date()) if pd.notna(e) else None for e in end], dtype="Int64"
    )
    out["manader_igang"] = pd.array(
        [months_between(s.date(), today) if pd.notna(s) else None for s in start], dtype="Int64"
    )
    out["lang_tid"] = (start <= day - pd.DateOffset(months=rule.long_running_months)).fillna(False).astype(bool)
    out["tid"] = running & (out["efter_slut"] | out["nara_slut"] | out["lang_tid"])

    empty = InsatsSignal("")
    for bedomning in BEDOMNINGAR:
        out[f"n_{bedomning}"] = [
            sum(s.bedomning == bedomning for s in signals.get(i, empty).signals) for i in out["insats_id"]
        ]
    out["n_signaler"] = [len(signals.get(i, empty).signals) for i in out["insats_id"]]
    out["svag"] = [signals.get(i, empty).svag for i in out["insats_id"]]

    latest = latest_judgements(uppfoljningar)
    out = out.merge(latest, on="insats_id", how="left")
    out["n_uppfoljningar"] = out["n_uppfoljningar"].fillna(0).astype(int)
    out["ingen_bedomning"] = out["senaste_effekt"].isna()
    out["uppfoljning_svag"] = out["ingen_bedomning"] | out["senaste_effekt"].isin(rule.effects)
    out["kandidat"] = out["tid"] & out["svag"] & out["uppfoljning_svag"]
    return out.sort_values(["kandidat", "insats_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def candidates(
    insatser: pd.DataFrame,
    uppfoljningar: pd.DataFrame,
    signals: Mapping[str, InsatsSignal],
    today: date,
    rule: StopRule = StopRule(),
) -> pd.DataFrame:
    """The insatser for which all three conditions hold, with the reasons (see assess), by insats_id."""
    assessed = assess(insatser, uppfoljningar, signals, today, rule)
    return assessed[assessed["kandidat"]].reset_index(drop=True)
