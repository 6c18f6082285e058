"""Effect signals per insats: a change where it runs against similar areas without a comparable insats.

CONTRACT (issue 17; the lead wrote the interface, helper H1 writes the bodies; H2 uses it on screen).
Pure: no Streamlit, no store. Frames in (an `Underlag`), dataclasses out; tested on hand-made data.

Method, per target indicator of an insats (difference in differences with a placebo test over the areas):
- before = the newest year ≤ (start year − 1) with values; after = the newest year with values (> before).
- T = the insats's areas with values both years. U = the other statistikområden with values both years and
  no comparable insats (another insats, not föreslagen and not hela staden, with the same primary
  fokusområde and the same målgrupp, whose period overlaps before+1 … after). Hela staden insatser touch
  every area alike, so they cancel out and exclude no area.
- Comparison C = the k areas of U nearest to T (mean distance to T's areas, by analys' similarity measure on
  the insats's target indicators in the before year, each weight 1).
- change = value(after) − value(before); difference = mean change in T − mean change in C, turned so that
  + is better (× −1 when lower is better).
- Placebo: every set S ⊂ U of size min(|T|, |U| − 1) (a seeded sample of at most `max_placebo` when more),
  each against its own k nearest of U \\ S, gives the differences that arise where no insats ran.
  Interval = difference ± the `level` quantile of |placebo differences|; p = (1 + #{|placebo| ≥ |d|}) /
  (1 + n). Fewer than `min_placebo` placebo sets, fewer than 2 comparison areas, no before year, an insats
  for hela staden, or one that started after the newest year: no signal, with the reason.
- bedomning: "forbattring" when the interval lies above 0, "forsamring" when below, else "ingen_tydlig";
  "underlag_saknas" with `skal` when no signal can be computed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from lokalutveckling import analys

BEDOMNINGAR = ("forbattring", "forsamring", "ingen_tydlig", "underlag_saknas")

_DECIMALS = 10  # differences rounded here, so that sums of equal changes compare equal (no float noise)
_ENUMERATE_UP_TO = 200_000  # placebo sets listed in full up to this many, then sampled from the list


@dataclass(frozen=True)
class EffectRule:
    """The thresholds, shown on screen as they are."""

    k_comparison: int = 3  # comparison areas per insats (the nearest without a comparable insats)
    level: float = 0.9  # the interval's level
    min_placebo: int = 10  # fewer placebo sets: no interval, no signal
    max_placebo: int = 500  # at most this many placebo sets (a seeded sample beyond)
    seed: int = 17
    max_indicators: int = 15  # signals for at most this many target indicators per insats, in indicator order


@dataclass(frozen=True)
class Underlag:
    """Everything the signals are computed from (data.effekt_underlag() reads it from the store).

    values: indikator_kod, omrade_kod ('1'..'14'), ar, varde, kalla — statistikområden only, every year.
    indikatorer: indikator_kod, namn_sv, namn_en, enhet, fokus_kod, hogre_ar_battre (fokus_kod null = context).
    insatser: insats_id, namn, status, startdatum, slutdatum (datetime64 or NaT), hela_staden, malgrupp,
              primar_fokus (the primary fokus_kod or null), kalla.
    omraden: insats_id, omrade_kod — the areas of the area-level insatser.
    fokus: insats_id, fokus_kod, primar.
    malindikatorer: insats_id, indikator_kod — chosen by an editor; where an insats has any, they replace
              the indicators of its fokusområden.
    """

    values: pd.DataFrame
    indikatorer: pd.DataFrame
    insatser: pd.DataFrame
    omraden: pd.DataFrame
    fokus: pd.DataFrame
    malindikatorer: pd.DataFrame

    @cached_property
    def _prepared(self) -> _Prepared:
        """The frames as arrays, built once per Underlag (the frames are not changed after it is made)."""
        return _prepare(self)


@dataclass(frozen=True)
class Signal:
    """One target indicator's signal for one insats."""

    indikator_kod: str
    bedomning: str  # one of BEDOMNINGAR
    skal: str = ""  # why there is no signal (Swedish, shown as written) when bedomning is underlag_saknas
    ar_fore: int | None = None
    ar_efter: int | None = None
    omraden: tuple[str, ...] = ()  # T
    jamforelse: tuple[str, ...] = ()  # C
    forandring_insats: float | None = None  # mean change in T (in the indicator's unit, not turned)
    forandring_jamforelse: float | None = None  # mean change in C
    skillnad: float | None = None  # turned: + = better than the comparison
    intervall: tuple[float, float] | None = None  # turned, like skillnad
    p: float | None = None
    n_placebo: int = 0
    kallor: tuple[str, ...] = ()  # the sources of the values used (exempeldata, ckan:…)
    # Added by H1 (issue 17):
    hogre_ar_battre: bool | None = None  # the indicator's direction (None: unknown, no signal)
    uteslutna: tuple[str, ...] = ()  # areas left out of U because a comparable insats ran there
    n_mojliga: int = 0  # U: the areas without a comparable insats with values both years (placebo pool)


@dataclass(frozen=True)
class InsatsSignal:
    """All target indicators of one insats."""

    insats_id: str
    signals: tuple[Signal, ...] = field(default_factory=tuple)
    n_malindikatorer: int = 0  # how many target indicators it has (signals: the first rule.max_indicators)

    @property
    def svag(self) -> bool:
        """No target indicator shows a clear improvement (also when none could be computed)."""
        return not any(s.bedomning == "forbattring" for s in self.signals)


# --------------------------------------------------------------------------------- the frames as arrays


@dataclass(frozen=True)
class _Insats:
    status: str
    start: int | None  # year
    slut: int | None  # year; None while open-ended
    hela_staden: bool
    malgrupp: str | None
    primar_fokus: str | None
    omraden: frozenset[str]
    fokus: frozenset[str]
    malindikatorer: tuple[str, ...]


@dataclass(frozen=True)
class _Prepared:
    areas: tuple[str, ...]  # the statistikområden with any value, in the order of their codes
    years: np.ndarray  # every year with a value, ascending
    varden: dict[str, np.ndarray]  # indikator → areas × years, NaN where no value
    kallor: dict[str, np.ndarray]  # indikator → areas × years, the value's kalla ('' where none)
    riktning: dict[str, bool | None]
    ordning: dict[str, tuple[int, str]]
    fokus_of: dict[str, str | None]
    insatser: dict[str, _Insats]
    # The insatser by (primary fokusområde, målgrupp): only these can be comparable with one another.
    grupper: dict[tuple[str | None, str | None], tuple[tuple[str, _Insats], ...]] = field(default_factory=dict)
    # Signals already computed, by everything they depend on: with 14 areas many insatser share them.
    minne: dict[tuple, Signal] = field(default_factory=dict)


def _area_key(kod: str) -> tuple[int, int | str]:
    return (0, int(kod)) if kod.isdigit() else (1, kod)


def _year(value: object) -> int | None:
    stamp = pd.to_datetime(value) if value is not None else pd.NaT
    return None if pd.isna(stamp) else int(stamp.year)


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _grouped(frame: pd.DataFrame, column: str) -> dict[str, list[str]]:
    """insats_id → the column's values as text, in row order (a loop: a pandas groupby with a Python function
    per group took a second at 100 times the insatser)."""
    out: dict[str, list[str]] = {}
    for insats_id, value in zip(frame["insats_id"].astype(str), frame[column].astype(str), strict=True):
        out.setdefault(insats_id, []).append(value)
    return out


def _prepare(u: Underlag) -> _Prepared:
    v = u.values.dropna(subset=["varde"])
    area_codes = v["omrade_kod"].astype(str)
    areas = tuple(sorted(set(area_codes), key=_area_key))
    years = np.array(sorted({int(a) for a in v["ar"]}), dtype=int)
    a_index = pd.Index(areas).get_indexer(area_codes)
    y_index = pd.Index(years).get_indexer(v["ar"].astype(int))
    varden: dict[str, np.ndarray] = {}
    kallor: dict[str, np.ndarray] = {}
    kalla = v["kalla"].fillna("").astype(str).to_numpy() if "kalla" in v else np.full(len(v), "", dtype=object)
    for kod, rows in pd.Series(np.arange(len(v))).groupby(v["indikator_kod"].to_numpy()):
        i = rows.to_numpy()
        grid = np.full((len(areas), len(years)), np.nan)
        grid[a_index[i], y_index[i]] = v["varde"].to_numpy(dtype=float)[i]
        source = np.full((len(areas), len(years)), "", dtype=object)
        source[a_index[i], y_index[i]] = kalla[i]
        varden[str(kod)], kallor[str(kod)] = grid, source
    ind = u.indikatorer
    riktning = {
        str(r.indikator_kod): (None if pd.isna(r.hogre_ar_battre) else bool(r.hogre_ar_battre))
        for r in ind.itertuples()
    }
    has_order = "ordning" in ind.columns
    ordning = {
        str(r.indikator_kod): (int(r.ordning) if has_order and pd.notna(r.ordning) else n, str(r.indikator_kod))
        for n, r in enumerate(ind.itertuples())
    }
    fokus_of = {str(r.indikator_kod): _text(r.fokus_kod) for r in ind.itertuples()}
    omraden = {i: frozenset(c) for i, c in _grouped(u.omraden, "omrade_kod").items()}
    fokus = {i: frozenset(c) for i, c in _grouped(u.fokus, "fokus_kod").items()}
    chosen = {i: tuple(c) for i, c in _grouped(u.malindikatorer, "indikator_kod").items()}
    insatser = {
        str(r.insats_id): _Insats(
            status=str(r.status),
            start=_year(r.startdatum),
            slut=_year(r.slutdatum),
            hela_staden=bool(r.hela_staden) if pd.notna(r.hela_staden) else False,
            malgrupp=_text(r.malgrupp),
            primar_fokus=_text(r.primar_fokus),
            omraden=omraden.get(r.insats_id, frozenset()),
            fokus=fokus.get(r.insats_id, frozenset()),
            malindikatorer=chosen.get(r.insats_id, ()),
        )
        for r in u.insatser.itertuples()
    }
    grupper: dict[tuple[str | None, str | None], list[tuple[str, _Insats]]] = {}
    for insats_id, one in insatser.items():
        grupper.setdefault((one.primar_fokus, one.malgrupp), []).append((insats_id, one))
    return _Prepared(
        areas,
        years,
        varden,
        kallor,
        riktning,
        ordning,
        fokus_of,
        insatser,
        grupper={key: tuple(rows) for key, rows in grupper.items()},
    )


def _insats(u: Underlag, insats_id: str) -> _Insats:
    try:
        return u._prepared.insatser[insats_id]
    except KeyError:
        raise ValueError(f"okänd insats {insats_id}") from None


# --------------------------------------------------------------------------------- the public functions


def target_indicators(u: Underlag, insats_id: str) -> list[str]:
    """The editor's chosen indicators, else those of its fokusområden (context indicators never), in order."""
    p, ins = u._prepared, _insats(u, insats_id)
    if ins.malindikatorer:
        return sorted({k for k in ins.malindikatorer if k in p.ordning}, key=p.ordning.__getitem__)
    return sorted((k for k, f in p.fokus_of.items() if f is not None and f in ins.fokus), key=p.ordning.__getitem__)


def comparable_areas(u: Underlag, insats_id: str, ar_fore: int, ar_efter: int) -> set[str]:
    """The areas (not the insats's own) where a comparable insats runs between ar_fore+1 and ar_efter."""
    p, ins = u._prepared, _insats(u, insats_id)
    if ins.primar_fokus is None or ins.malgrupp is None:
        return set()
    out: set[str] = set()
    for other_id, other in p.grupper.get((ins.primar_fokus, ins.malgrupp), ()):
        if other_id == insats_id or other.status == "föreslagen" or other.hela_staden:
            continue
        # An unknown start counts as running: an area is rather left out than compared with a treated one.
        if (other.start is None or other.start <= ar_efter) and (other.slut is None or other.slut >= ar_fore + 1):
            out |= other.omraden
    return out - ins.omraden


def indicator_signal(u: Underlag, insats_id: str, indikator_kod: str, rule: EffectRule = EffectRule()) -> Signal:
    """The signal of one target indicator (see the module's docstring)."""
    return _Computation(u, insats_id, rule).signal(indikator_kod)


def insats_signal(u: Underlag, insats_id: str, rule: EffectRule = EffectRule()) -> InsatsSignal:
    """Every target indicator's signal for the insats."""
    computation = _Computation(u, insats_id, rule)
    targets = computation.targets
    return InsatsSignal(
        insats_id,
        tuple(computation.signal(k) for k in targets[: rule.max_indicators]),
        n_malindikatorer=len(targets),
    )


def all_signals(
    u: Underlag, rule: EffectRule = EffectRule(), only: Iterable[str] | None = None
) -> dict[str, InsatsSignal]:
    """insats_id → InsatsSignal for every insats, or for those in `only` (the stop candidates need only the
    insatser that meet the rule's other conditions)."""
    wanted = u._prepared.insatser if only is None else [i for i in only if i in u._prepared.insatser]
    return {insats_id: insats_signal(u, insats_id, rule) for insats_id in wanted}


# --------------------------------------------------------------------------------- the computation


class _Computation:
    """One insats's signals: the distance matrix and the comparable areas computed once, shared by its
    target indicators."""

    def __init__(self, u: Underlag, insats_id: str, rule: EffectRule) -> None:
        self.u, self.p, self.ins, self.insats_id, self.rule = u, u._prepared, _insats(u, insats_id), insats_id, rule
        self._excluded: dict[tuple[int, int], set[str]] = {}

    def years(self, kod: str) -> tuple[int, int] | str:
        """(before, after) for the indicator, or why there are none."""
        grid = self.p.varden.get(kod)
        if grid is None:
            return "Indikatorn har inga värden för statistikområdena."
        with_values = self.p.years[np.isfinite(grid).any(axis=0)]
        newest = int(with_values.max())
        start = self.ins.start
        if start is None:
            return "Insatsen saknar startdatum, så det finns inget år före starten att utgå från."
        if start > newest:
            return f"Insatsen startade {start}, efter det senaste året med värden ({newest}): ingen förändring att mäta ännu."
        earlier = with_values[with_values <= start - 1]
        if not earlier.size:
            return f"Indikatorn har inga värden från åren före insatsens start ({start}), så det finns inget år före."
        return int(earlier.max()), newest

    @cached_property
    def distances(self) -> np.ndarray:
        """Areas × areas by analys' similarity measure on the target indicators, each in its before year."""
        columns = {}
        for kod in self.targets[: self.rule.max_indicators]:  # the ones with a signal (EffectRule.max_indicators)
            years = self.years(kod)
            if isinstance(years, tuple):
                columns[kod] = self.p.varden[kod][:, int(np.searchsorted(self.p.years, years[0]))]
        areas = pd.Index(self.p.areas)
        if not columns:
            return np.full((len(areas), len(areas)), np.nan)
        wide = pd.DataFrame(columns, index=areas)
        matrix = analys.wide_distance_matrix(wide, dict.fromkeys(columns, 1.0))
        return matrix.reindex(index=areas, columns=areas).to_numpy(dtype=float)

    def excluded(self, fore: int, efter: int) -> set[str]:
        if (fore, efter) not in self._excluded:
            self._excluded[(fore, efter)] = comparable_areas(self.u, self.insats_id, fore, efter)
        return self._excluded[(fore, efter)]

    def signal(self, kod: str) -> Signal:
        ins, p, rule = self.ins, self.p, self.rule
        direction = p.riktning.get(kod)

        def saknas(skal: str, **known: object) -> Signal:
            return Signal(kod, "underlag_saknas", skal=skal, hogre_ar_battre=direction, **known)

        if ins.status == "föreslagen":
            return saknas("Insatsen är föreslagen, inte beslutad: den har inte startat och har ingen effekt att mäta.")
        if ins.hela_staden:
            return saknas(
                "Insatsen gäller hela staden: alla områden berörs lika, så det finns inga områden utan den "
                "att jämföra med."
            )
        if direction is None:
            return saknas("Indikatorn säger inte om högre eller lägre är bättre, så en skillnad kan inte tolkas.")
        years = self.years(kod)
        if isinstance(years, str):
            return saknas(years)
        fore, efter = years
        grid = p.varden[kod]
        j_fore, j_efter = np.searchsorted(p.years, [fore, efter])
        change = grid[:, j_efter] - grid[:, j_fore]  # NaN where either year lacks a value
        has = np.isfinite(change)
        own = np.array([a in ins.omraden for a in p.areas], dtype=bool)
        excluded = self.excluded(fore, efter)
        left_out = np.array([a in excluded for a in p.areas], dtype=bool)
        t = np.flatnonzero(own & has)
        pool = np.flatnonzero(has & ~own & ~left_out)
        known: dict[str, object] = {
            "ar_fore": fore,
            "ar_efter": efter,
            "omraden": tuple(p.areas[i] for i in t),
            "uteslutna": tuple(sorted(excluded, key=_area_key)),
            "n_mojliga": int(pool.size),
        }
        if not t.size:
            return saknas(f"Inget av insatsens områden har värden både {fore} och {efter}.", **known)
        if pool.size < 2:
            return saknas(
                f"Bara {pool.size} område utan jämförbar insats har värden både {fore} och {efter}; "
                "minst 2 behövs för en jämförelse.",
                **known,
            )
        # Everything the rest depends on: another insats with the same has the same signal.
        key = (kod, fore, efter, ins.start, ins.omraden, frozenset(excluded), self.targets[: rule.max_indicators], rule)
        if key not in p.minne:
            p.minne[key] = self._computed(kod, fore, efter, change, t, pool, known)
        return p.minne[key]

    @cached_property
    def targets(self) -> tuple[str, ...]:
        return tuple(target_indicators(self.u, self.insats_id))

    def _computed(
        self, kod: str, fore: int, efter: int, change: np.ndarray, t: np.ndarray, pool: np.ndarray, known: dict
    ) -> Signal:
        """The signal once the areas are known: the comparison, the difference and its placebo interval."""
        p, rule = self.p, self.rule
        direction = p.riktning.get(kod)
        j_fore, j_efter = np.searchsorted(p.years, [fore, efter])

        def saknas(skal: str, **known: object) -> Signal:
            return Signal(kod, "underlag_saknas", skal=skal, hogre_ar_battre=direction, **known)

        d = self.distances
        comparison = _nearest(d, t[None, :], pool, rule.k_comparison)[0]
        known["jamforelse"] = tuple(p.areas[i] for i in comparison)
        size = min(t.size, pool.size - 1)
        total = math.comb(int(pool.size), int(size))
        if total < rule.min_placebo:
            return saknas(
                f"Av de {pool.size} områdena utan jämförbar insats kan bara {total} placebogrupper om {size} "
                f"{'område' if size == 1 else 'områden'} bildas; regeln kräver minst {rule.min_placebo}.",
                **known,
            )
        sign = 1.0 if direction else -1.0
        in_t, in_c = float(change[t].mean()), float(change[comparison].mean())
        difference = round(sign * (in_t - in_c), _DECIMALS)
        groups = pool[_placebo_sets(int(pool.size), int(size), rule)]
        placebo_comparison = _nearest(d, groups, pool, rule.k_comparison)
        placebo = np.round(sign * (change[groups].mean(axis=1) - change[placebo_comparison].mean(axis=1)), _DECIMALS)
        spread = np.abs(placebo)
        half = round(float(np.quantile(spread, rule.level)), _DECIMALS)
        low, high = round(difference - half, _DECIMALS), round(difference + half, _DECIMALS)
        verdict = "forbattring" if low > 0 else "forsamring" if high < 0 else "ingen_tydlig"
        used = np.concatenate([t, pool])
        sources = p.kallor[kod][used][:, [j_fore, j_efter]].ravel()
        return Signal(
            kod,
            verdict,
            forandring_insats=in_t,
            forandring_jamforelse=in_c,
            skillnad=difference,
            intervall=(low, high),
            p=(1 + int((spread >= abs(difference)).sum())) / (1 + len(placebo)),
            n_placebo=len(placebo),
            kallor=tuple(sorted({s for s in sources if s})),
            hogre_ar_battre=direction,
            **known,
        )


def _nearest(d: np.ndarray, groups: np.ndarray, candidates: np.ndarray, k: int) -> np.ndarray:
    """Per group (a row of area indices), the k candidates nearest to it by mean distance to its areas
    (pairs without a distance left out of the mean; a candidate with none ranks last; ties by area
    order); a group's own areas are never chosen. groups: n × m, returns n × min(k, free candidates)."""
    block = d[np.ix_(candidates, groups.ravel())].reshape(len(candidates), *groups.shape)  # c × n × m
    known = ~np.isnan(block)
    total = np.where(known, block, 0.0).sum(axis=2)
    count = known.sum(axis=2)
    mean = np.where(count > 0, total / np.maximum(count, 1), np.inf).T  # n × c
    member = (groups[:, :, None] == candidates[None, None, :]).any(axis=1)
    mean[member] = np.nan  # sorts after every inf: never chosen while a free candidate is left
    free = len(candidates) - int(member.sum(axis=1).max())
    order = np.argsort(mean, axis=1, kind="stable")[:, : min(k, free)]
    return candidates[order]


def _placebo_sets(n: int, size: int, rule: EffectRule) -> np.ndarray:
    """Every set of `size` of n pool positions, or a sample of rule.max_placebo of them drawn with the
    rule's seed (the same sets each time). Rows ascending, sets in lexicographic order."""
    total = math.comb(n, size)
    if total <= rule.max_placebo:
        return np.array(list(itertools.combinations(range(n), size)), dtype=int).reshape(total, size)
    rng = np.random.default_rng(rule.seed)
    if total <= _ENUMERATE_UP_TO:
        every = np.array(list(itertools.combinations(range(n), size)), dtype=int)
        return every[np.sort(rng.choice(total, size=rule.max_placebo, replace=False))]
    chosen: set[tuple[int, ...]] = set()
    while len(chosen) < rule.max_placebo:
        chosen.add(tuple(sorted(int(i) for i in rng.choice(n, size=size, replace=False))))
    return np.array(sorted(chosen), dtype=int)
