"""Nämnder by name in the page's language: the city's Swedish names, or the English ones from the seed
data (`namnder.csv`: namn_en, kortnamn_en) on English pages. Queries return the Swedish short name
(`kortnamn`) with the code (`namnd_kod`); `localize` swaps in the English name by code."""

from __future__ import annotations

import re

import pandas as pd

from lokalutveckling import data


def names(lang: str, *, full: bool = False) -> dict[str, str]:
    """namnd_kod -> the name shown in `lang`: the short name ('Fritid' / 'Leisure'), or with `full` the
    whole name ('Fritidsnämnden' / 'Leisure Committee')."""
    namnder = data.namnder()
    column = ("namn" if full else "kortnamn") + ("_en" if lang == "en" else "")
    return dict(zip(namnder["namnd_kod"], namnder[column], strict=True))


def localize(
    df: pd.DataFrame, lang: str, *, column: str = "kortnamn", code: str = "namnd_kod", full: bool = False
) -> pd.DataFrame:
    """`df` with its nämnd name `column` (a short name, or with `full` a whole name) in `lang`, looked up
    by `code`; a copy, and `df` itself in Swedish. A code that is not a nämnd keeps the name it has."""
    if lang != "en" or df.empty or column not in df.columns or code not in df.columns:
        return df
    shown = names(lang, full=full)
    return df.assign(**{column: [shown.get(k, n) for k, n in zip(df[code], df[column], strict=True)]})


def translate(names: pd.Series, lang: str) -> pd.Series:
    """Swedish short names (as a query writes them, without their codes) in `lang`; unknown ones unchanged.

    For columns such as 'leds av' or a list of partners ('Fritid, Kultur') that carry names, not codes."""
    return names if lang != "en" else names.map(lambda value: translate_text(value, lang))


def translate_text(value: object, lang: str) -> object:
    """One cell of `translate`: each nämnd's Swedish short name in it, in `lang` (other text unchanged)."""
    if lang != "en" or not isinstance(value, str):
        return value
    english, pattern = _english()
    return pattern.sub(lambda m: m[1] + english[m[2]], value)


def _english() -> tuple[dict[str, str], re.Pattern[str]]:
    namnder = data.namnder()
    english = dict(zip(namnder["kortnamn"], namnder["kortnamn_en"], strict=True))
    # Longest first, each between list separators: 'Hälsa, vård och omsorg' holds a comma itself.
    known = "|".join(re.escape(n) for n in sorted(english, key=len, reverse=True))
    return english, re.compile(f"(^|, )({known})(?=, |$)")
