"""Aggregation of delområde values to Malmö's 14 statistikområden and the whole city, and which kind a variable is.

- antal (counts, sums): added up over the area's delområden;
- andel (shares, rates, means): weighted by population, Σ(värde × befolkning) / Σ befolkning over the
  area's delområden, the population of the same delområde and year given beside them. A delområde
  with population 0 weighs nothing.
- An area with a delområde missing (no value, or for a share no population) gets no value and
  `komplett = false`, naming what is missing: never a partial sum. Medians are refused (`detect_kind`).
"""

from __future__ import annotations

import pandas as pd

from lokalutveckling.sources.model import Varde

STAD = "0"  # the whole city in the store's områden

# Words that say what kind of variable it is; rates are looked for first ("antal per 1 000 invånare" is a rate).
MEDIAN_WORDS = ("median",)
RATE_WORDS = ("andel", "procent", "%", "per 1000", "per 1 000", "‰", "medel", "genomsnitt", "kvot", "frekvens", "grad")
COUNT_WORDS = ("antal", "folkmängd", "befolkning", "invånare", "summa", "totalt")

# ------------------------------------------------------------------------------------ what kind


def detect_kind(*texts: str | None) -> str | None:
    """'andel', 'antal' or 'median' from the variable's name (and column names); None if it does not say."""
    for text in texts:
        lowered = (text or "").casefold()
        if any(w in lowered for w in MEDIAN_WORDS):
            return "median"
        if any(w in lowered for w in RATE_WORDS):
            return "andel"
        if any(w in lowered for w in COUNT_WORDS):
            return "antal"
    return None


def unit_of(kind: str, name: str) -> str | None:
    lowered = name.casefold()
    if kind == "antal":
        return "antal"
    if "per 1" in lowered or "‰" in lowered:
        return "per 1 000"
    if "procent" in lowered or "%" in lowered or "andel" in lowered:
        return "procent"
    return None


# ------------------------------------------------------------------------------------ aggregation


def _members(membership: pd.DataFrame) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(omrade_kod, namn, [(delomrade_kod, delomrade)]) per statistikområde in the store's order, then the city."""
    areas: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for do_kod, do_namn, kod, namn in membership[["delomrade_kod", "delomrade", "omrade_kod", "namn"]].itertuples(
        index=False
    ):
        areas.setdefault(str(kod), (str(namn), []))[1].append((str(do_kod), str(do_namn)))
    everything = [d for _, members in areas.values() for d in members]
    return [(kod, namn, members) for kod, (namn, members) in areas.items()] + [(STAD, "Malmö stad", everything)]


def _missing_text(missing: list[str], total: int) -> str:
    shown = ", ".join(missing[:8]) + (f" och {len(missing) - 8} till" if len(missing) > 8 else "")
    return f"saknar {len(missing)} av {total} delområden: {shown}"


def aggregate(
    values: dict[tuple[str, int], float | None],
    membership: pd.DataFrame,
    *,
    kind: str,
    weights: dict[tuple[str, int], float | None] | None = None,
    variabel: str,
    variabel_namn: str | None = None,
    enhet: str | None = None,
) -> list[Varde]:
    """Per year, the 14 statistikområden and the city (område 0) from delområde values, by `kind`.

    kind 'antal': the sum of the delområden. kind 'andel': Σ(v × w) / Σ w with w the population of
    the same delområde and year in `weights`; w = 0 weighs nothing. An area missing any delområde
    (for 'andel': a populated one without value, or one without population) gets varde None and
    komplett False with the missing delområden in `anmarkning`.
    """
    if kind not in ("antal", "andel"):
        raise ValueError(kind)
    if kind == "andel" and weights is None:
        raise ValueError("andel needs weights")
    years = sorted({year for _, year in values})
    rows = []
    for kod, _namn, members in _members(membership):
        niva = "stad" if kod == STAD else "statistikomrade"
        for year in years:
            total, weight, missing = 0.0, 0.0, []
            for do_kod, do_namn in members:
                value = values.get((do_kod, year))
                if kind == "antal":
                    if value is None:
                        missing.append(f"{do_kod} {do_namn}")
                    else:
                        total += value
                    continue
                w = (weights or {}).get((do_kod, year))
                if w is None:
                    missing.append(f"{do_kod} {do_namn} (befolkning saknas)")
                elif w == 0:
                    continue
                elif value is None:
                    missing.append(f"{do_kod} {do_namn} (värde saknas)")
                else:
                    total += value * w
                    weight += w
            result: float | None
            if missing:
                result, komplett, note = None, False, _missing_text(missing, len(members))
            elif kind == "andel" and weight == 0:
                result, komplett, note = None, False, "ingen befolkning i området (summan av vikterna är 0)"
            else:
                result, komplett, note = (total if kind == "antal" else total / weight), True, None
            rows.append(
                Varde(
                    niva=niva,
                    omrade_kod=kod,
                    variabel=variabel,
                    variabel_namn=variabel_namn,
                    period=str(year),
                    ar=year,
                    varde=result,
                    enhet=enhet,
                    komplett=komplett,
                    berakning="summa" if kind == "antal" else "befolkningsviktat medel",
                    anmarkning=note,
                )
            )
    return rows
