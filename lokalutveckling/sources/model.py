"""What a fetch gives, before it is stored: a `Hamtning` with its `Varde` rows; and the small readers
every fetcher shares (a number in Swedish notation, the year of a period, a list of codes)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from lokalutveckling.sources.http import FetchError

VIKT = "hämtad (vikt)"  # `berakning` of the population rows fetched as weights beside a share
NIVAER = ("delomrade", "statistikomrade", "stad", "kommun", "lan", "riket", "region")


@dataclass(frozen=True)
class Varde:
    """One row of `statistik_varden`: a value as fetched or as aggregated."""

    niva: str
    variabel: str
    period: str
    ar: int
    varde: float | None
    komplett: bool
    berakning: str
    omrade_kod: str | None = None
    region_kod: str | None = None
    variabel_namn: str | None = None
    enhet: str | None = None
    anmarkning: str | None = None


@dataclass
class Hamtning:
    """One fetch, ready to be stored: where it came from, how it was aggregated, and its rows."""

    tjanst: str
    url: str
    tabell_id: str
    tabell_namn: str | None
    regel: str
    attribution: str
    varden: list[Varde]
    forfragan: str | None = None
    vikt_tabell_id: str | None = None
    vikt_url: str | None = None
    kalla_uppdaterad: str | None = None
    notes: list[str] = field(default_factory=list)
    pages: int = 1

    @property
    def referensar(self) -> int | None:
        """The reference year: the latest year with a value (of the variable, not of the weights)."""
        years = [v.ar for v in self.varden if v.varde is not None and v.berakning != VIKT]
        return max(years) if years else None


_MISSING = {"", ".", "..", "...", "-", "–", "x", "X", "null", "None"}


def number(value: object) -> float | None:
    """A value as a float; None for a missing or suppressed one ('..', '-', empty); ValueError otherwise.

    Text may use Swedish notation: '1 234,5' (space or no-break space as thousands separator).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(repr(value))
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    if isinstance(value, str):
        text = value.strip()
        if text in _MISSING:
            return None
        text = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")
        try:
            result = float(text)
        except ValueError:
            raise ValueError(repr(value)) from None
        if math.isnan(result) or math.isinf(result):
            raise ValueError(repr(value))
        return result
    raise ValueError(repr(value))


def year_of(period: object) -> int | None:
    """The year of a period code: 2024, '2024', '2024M03', '2024K1', '2023-12-31'; None if there is none."""
    match = re.match(r"\s*((?:19|20)\d\d)(?!\d)", str(period))
    return int(match.group(1)) if match else None


def codes(text: str, *, what: str, pattern: str, example: str, neuter: bool = False) -> list[str]:
    """A comma-separated list of codes, each checked against `pattern`; FetchError names a bad one.

    `what` is the noun in the singular ("kommunkod"; `neuter` for "år", "nyckeltal").
    """
    items = [c.strip() for c in text.split(",") if c.strip()]
    if not items:
        raise FetchError(f"Ange minst {'ett' if neuter else 'en'} {what} (t.ex. {example}).")
    bad = [c for c in items if not re.fullmatch(pattern, c)]
    if bad:
        raise FetchError(f"{'Ogiltigt' if neuter else 'Ogiltig'} {what}: {', '.join(bad)} (väntat t.ex. {example}).")
    return list(dict.fromkeys(items))


def delomrade_code(value: object) -> str | None:
    """A delområde code as its 5-digit string, whether a file holds it as number or text."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip() if value is not None else ""
    if re.fullmatch(r"\d+\.0*", text):
        text = text.split(".")[0]
    return text if re.fullmatch(r"\d{5}", text) else None
