"""Agenda 2030: the areas on the three sustainability dimensions, and the global goals an insats serves.

No Streamlit and no store access: frames in, frames out, so every rule is tested on hand-made data.

Dimension index: the need index (analys.need_index) on the indicators the project's classification puts in
that dimension, each indicator's newest year, every indicator weight 1: per indicator the 14 areas are ranked
by need (turned "higher is worse" where higher is better) and the rank scaled to 0 (least need) … 1 (most
need); an area's index is the mean over the dimension's indicators it has values for. Rank 1 = most need
among the areas with an index (ties share the better rank). A dimension without indicators (ekologisk today)
has no index: it is never filled with a made-up value.

Goals of an insats: the goals and targets of its target indicators: those an editor chose for it
(insats_malindikatorer) when it has any, else the indicators of its fokusområden.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

from lokalutveckling.analys import need_index

DIMENSIONS = ("social", "ekologisk", "ekonomisk")
WEIGHT = 1  # every indicator counts alike in its dimension's index (need_index takes the plain mean)


def split_list(text: object) -> list[str]:
    """A ';'-separated cell of the classification ('1;10', '1.2;10.2') as its items, in order."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    return [part.strip() for part in str(text).split(";") if part.strip()]


def goals_of_cell(text: object) -> list[int]:
    """The goal numbers of a `mal` cell: '16;11' -> [16, 11] (the first is the indicator's main goal)."""
    return [int(part) for part in split_list(text)]


def dimension_indicators(tags: pd.DataFrame, dimension: str) -> list[str]:
    """The indicators the classification (`tags`: indikator_kod, dimension) puts in `dimension`, in order."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"okänd dimension {dimension!r}; tillåtna: {', '.join(DIMENSIONS)}")
    return [str(k) for k in tags.loc[tags["dimension"] == dimension, "indikator_kod"]]


def dimension_index(values: pd.DataFrame, tags: pd.DataFrame, higher_is_better: Mapping[str, bool]) -> pd.DataFrame:
    """Per dimension and area: index (0 least … 1 most need, NaN without indicators or values), rang (1 = most
    need among the areas with an index), n_indikatorer (the dimension's indicators the area has values for)
    and n_dimension (the indicators the dimension has).

    `values`: indikator_kod, omrade_kod, varde, one year per indicator (its newest); `tags`: indikator_kod,
    dimension; `higher_is_better`: every tagged indicator's direction. One row per dimension and area of
    `values`, dimensions in DIMENSIONS' order."""
    areas = pd.Index(values["omrade_kod"].drop_duplicates())
    parts = []
    for dimension in DIMENSIONS:
        codes = dimension_indicators(tags, dimension)
        chosen = values[values["indikator_kod"].isin(codes)]
        if chosen.empty:
            part = pd.DataFrame({"omrade_kod": areas, "behovsindex": math.nan, "n_indikatorer": 0})
        else:
            directions = {k: bool(higher_is_better[k]) for k in chosen["indikator_kod"].unique()}
            part = need_index(chosen[["indikator_kod", "omrade_kod", "varde"]], directions)
            part = part.set_index("omrade_kod").reindex(areas).reset_index()
            part["n_indikatorer"] = part["n_indikatorer"].fillna(0).astype(int)
        part = part.rename(columns={"behovsindex": "index"})
        part["rang"] = part["index"].rank(ascending=False, method="min").astype("Int64")
        part.insert(0, "dimension", dimension)
        part["n_dimension"] = len(codes)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)[
        ["dimension", "omrade_kod", "index", "rang", "n_indikatorer", "n_dimension"]
    ]


def target_indicators(fokus: Iterable[str], chosen: Iterable[str]) -> list[str]:
    """An insats's target indicators: those an editor chose (`chosen`) when there are any, else those of its
    fokusområden (`fokus`); each once, in the order given."""
    picked = list(dict.fromkeys(chosen)) or list(dict.fromkeys(fokus))
    return [str(k) for k in picked]


def goals_of(indicators: Iterable[str], tags: pd.DataFrame) -> pd.DataFrame:
    """The global goals a set of indicators belongs to: mal (the number), delmal (the targets, in order),
    dimensioner (the dimensions of the indicators that bring it, in DIMENSIONS' order) and indikatorer;
    one row per goal, by number. `tags`: indikator_kod, dimension, mal, delmal (see split_list)."""
    wanted = list(dict.fromkeys(indicators))
    by_code = tags.set_index("indikator_kod")
    found: dict[int, dict[str, list[str]]] = {}
    for kod in wanted:
        if kod not in by_code.index:
            continue  # a context indicator, or one not classified: no goal
        row = by_code.loc[kod]
        targets = split_list(row["delmal"])
        for i, goal in enumerate(goals_of_cell(row["mal"])):
            entry = found.setdefault(goal, {"delmal": [], "dimensioner": [], "indikatorer": []})
            if i < len(targets) and targets[i] not in entry["delmal"]:
                entry["delmal"].append(targets[i])
            if row["dimension"] not in entry["dimensioner"]:
                entry["dimensioner"].append(str(row["dimension"]))
            entry["indikatorer"].append(kod)
    rows = [
        {
            "mal": goal,
            "delmal": tuple(entry["delmal"]),
            "dimensioner": tuple(d for d in DIMENSIONS if d in entry["dimensioner"]),
            "indikatorer": tuple(entry["indikatorer"]),
        }
        for goal, entry in sorted(found.items())
    ]
    return pd.DataFrame(rows, columns=["mal", "delmal", "dimensioner", "indikatorer"])


def indicator_scores(values: pd.DataFrame, higher_is_better: Mapping[str, bool]) -> pd.DataFrame:
    """Each indicator's own need score per area, the number its dimension's index averages: need_index on that
    indicator alone (indikator_kod, omrade_kod, poang 0 least … 1 most need; NaN where the area has no value)."""
    parts = []
    for kod, rows in values.groupby("indikator_kod", sort=False):
        one = need_index(rows[["indikator_kod", "omrade_kod", "varde"]], {str(kod): bool(higher_is_better[str(kod)])})
        parts.append(one.assign(indikator_kod=str(kod)).rename(columns={"behovsindex": "poang"}))
    if not parts:
        return pd.DataFrame(columns=["indikator_kod", "omrade_kod", "poang"])
    return pd.concat(parts, ignore_index=True)[["indikator_kod", "omrade_kod", "poang"]]
