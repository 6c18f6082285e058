"""Need against presence, and similar areas: small, pure rules that can be stated in words.

No Streamlit and no store access: frames in, frames out, so every rule is tested on hand-made data.

Need index: for each chosen indicator (newest year), the 14 areas are ranked by need, turned
"higher is worse" where higher is better, and the rank is scaled to 0 (least need) … 1 (most
need); an area's index is the mean over the indicators it has values for.

Presence: three markers, one point each: an områdesteam, kraftsamling, and kronor per inhabitant
(of the insatser the filters show) at or above the median of the 14 areas.

Flag: need index among the top third of areas and at most one presence marker.

Similarity: indicators standardised across the areas (z-scores), then a weighted Euclidean
distance, √(Σ wᵢ·Δzᵢ² / Σ wᵢ) over the indicators both areas have.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Rule:
    """The need/presence flag's thresholds, so the page can state exactly the rule it used."""

    top_share: float = 1 / 3  # share of areas with the highest need index that count as "high need"
    max_markers: int = 1  # at most this many presence markers counts as "low presence"


def need_index(values: pd.DataFrame, higher_is_better: dict[str, bool]) -> pd.DataFrame:
    """Per area: behovsindex (0 least … 1 most need), n_indikatorer used.

    `values` has indikator_kod, omrade_kod, varde (nulls allowed). Indicators without a known
    direction must be left out by the caller: need cannot be read from them.
    """
    unknown = set(values["indikator_kod"]) - set(higher_is_better)
    if unknown:
        raise ValueError(f"riktning saknas för indikator {', '.join(sorted(unknown))}")
    scaled = []
    for kod, rows in values.dropna(subset=["varde"]).groupby("indikator_kod"):
        need = rows["varde"] if not higher_is_better[kod] else -rows["varde"]
        if len(rows) > 1:
            score = (need.rank(method="average") - 1) / (len(rows) - 1)
        else:
            score = pd.Series(0.5, index=rows.index)
        scaled.append(pd.DataFrame({"omrade_kod": rows["omrade_kod"], "indikator_kod": kod, "poang": score}))
    areas = pd.Index(values["omrade_kod"].drop_duplicates(), name="omrade_kod")
    if not scaled:
        return pd.DataFrame({"omrade_kod": areas, "behovsindex": math.nan, "n_indikatorer": 0})
    scores = pd.concat(scaled)
    out = scores.groupby("omrade_kod")["poang"].agg(behovsindex="mean", n_indikatorer="count")
    out = out.reindex(areas)
    out["n_indikatorer"] = out["n_indikatorer"].fillna(0).astype(int)
    return out.reset_index()


def presence_markers(presence: pd.DataFrame, money: pd.DataFrame) -> pd.DataFrame:
    """Per area: har_team, kraftsamlande, kronor_per_invanare, over_median, markorer (0–3).

    `presence` has omrade_kod, har_team, kraftsamlande; `money` has omrade_kod, kronor_per_invanare.
    """
    out = presence[["omrade_kod", "har_team", "kraftsamlande"]].merge(
        money[["omrade_kod", "kronor_per_invanare"]], on="omrade_kod", how="left"
    )
    kronor = out["kronor_per_invanare"].fillna(0.0)
    out["kronor_per_invanare"] = kronor
    out["median_kr"] = float(kronor.median())
    out["over_median"] = kronor >= out["median_kr"]
    out["markorer"] = out["har_team"].astype(int) + out["kraftsamlande"].astype(int) + out["over_median"].astype(int)
    return out


def flag_high_need_low_presence(need: pd.DataFrame, markers: pd.DataFrame, rule: Rule = Rule()) -> pd.DataFrame:
    """need ⨝ markers with behovsrang (1 = most need), hogt_behov, lag_narvaro and flagga per area.

    High need: rank ≤ ceil(top_share × number of areas with an index). Ties share the better rank.
    """
    out = need.merge(markers, on="omrade_kod", how="inner")
    ranked = out["behovsindex"].notna()
    out["behovsrang"] = out["behovsindex"].rank(ascending=False, method="min").astype("Int64")
    cutoff = math.ceil(rule.top_share * int(ranked.sum()))
    out["hogt_behov"] = ranked & (out["behovsrang"] <= cutoff).fillna(False)
    out["lag_narvaro"] = out["markorer"] <= rule.max_markers
    out["flagga"] = out["hogt_behov"] & out["lag_narvaro"]
    return out.sort_values(["behovsrang", "omrade_kod"], na_position="last").reset_index(drop=True)


def high_need_cutoff(n_areas: int, rule: Rule = Rule()) -> int:
    """How many areas count as high need under the rule."""
    return math.ceil(rule.top_share * n_areas)


def _standardised(values: pd.DataFrame, weights: dict[str, float]) -> tuple[pd.DataFrame, pd.Series]:
    """The areas × indicators z-scores of the indicators with weight > 0, and those weights."""
    used = _used(weights)
    wide = values[values["indikator_kod"].isin(used)].pivot_table(
        index="omrade_kod", columns="indikator_kod", values="varde", aggfunc="first"
    )
    return _zscores(wide), pd.Series(used).reindex(wide.columns)


def _used(weights: dict[str, float]) -> dict[str, float]:
    used = {k: float(w) for k, w in weights.items() if w and w > 0}
    if not used:
        raise ValueError("välj minst en indikator med vikt över 0")
    return used


def _zscores(wide: pd.DataFrame) -> pd.DataFrame:
    spread = wide.std(ddof=0).replace(0, math.nan)
    return (wide - wide.mean()) / spread


def similar_areas(values: pd.DataFrame, target: str, weights: dict[str, float]) -> pd.DataFrame:
    """The other areas ordered by weighted distance to `target` (closest first).

    `values` has indikator_kod, omrade_kod, varde; `weights` maps indikator_kod to a weight ≥ 0
    (indicators with weight 0 or missing are left out). Returns omrade_kod, avstand, n_indikatorer.
    Each indicator is standardised across the areas first, so units do not matter.
    """
    z, w = _standardised(values, weights)
    if target not in z.index:
        raise ValueError(f"område {target} saknar värden för de valda indikatorerna")
    others = z.drop(index=target)
    squared = (others - z.loc[target]) ** 2  # NaN where either area lacks the indicator
    both = squared.notna()
    weight_sum = both.mul(w, axis=1).sum(axis=1)
    distance = (squared.fillna(0).mul(w, axis=1).sum(axis=1) / weight_sum.where(weight_sum > 0)) ** 0.5
    out = pd.DataFrame(
        {"omrade_kod": others.index, "avstand": distance.to_numpy(), "n_indikatorer": both.sum(axis=1).to_numpy()}
    )
    return out.sort_values(["avstand", "omrade_kod"], na_position="last").reset_index(drop=True)


def distance_matrix(values: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """Every pair of areas' distance by the same measure as `similar_areas` (areas × areas, 0 on the
    diagonal, NaN where two areas share no indicator with a value); `values` and `weights` as there."""
    used = _used(weights)
    wide = values[values["indikator_kod"].isin(used)].pivot_table(
        index="omrade_kod", columns="indikator_kod", values="varde", aggfunc="first"
    )
    return wide_distance_matrix(wide, used)


def wide_distance_matrix(wide: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """`distance_matrix` of a frame already wide: one row per area (its index), one column per indicator
    (NaN where an area has no value). The effect signal calls it once per insats."""
    used = _used(weights)
    wide = wide[[c for c in wide.columns if c in used]]
    z = _zscores(wide.astype(float))
    zv = z.to_numpy(dtype=float)
    wv = np.array([used[c] for c in z.columns], dtype=float)
    diff = zv[:, None, :] - zv[None, :, :]  # NaN where either area lacks the indicator
    both = ~np.isnan(diff)
    weight_sum = (both * wv).sum(axis=2)
    squared = (np.where(both, diff, 0.0) ** 2 * wv).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        distance = np.sqrt(squared / np.where(weight_sum > 0, weight_sum, np.nan))
    return pd.DataFrame(distance, index=z.index, columns=z.index)
