"""`stats refresh`, the municipality comparisons: each Kolada KPI the mapping names (`roll = jamforelse`,
`tjanst = kolada`) fetched for Malmö, Stockholm and Göteborg and compared with the newest stored fetch.

One call per KPI (`kolada.fetch`: its metadata, then its values for the 3 municipalities and the mapping's
years, or 2010 up to this year when it names none). A KPI Kolada does not know, or one without any value,
is refused with the reason (`kolada.NoValues`); the others go on. Any other FetchError (no network, a
timeout, a changed answer) stops the whole refresh before anything is written.

The values are stored as Kolada gives them (no `faktor`: that is applied where a value is shown beside an
indicator), as an ordinary fetch (`statistik_hamtningar` tjanst 'kolada', tabell_id = the KPI) and only
when they differ from the newest fetch of that KPI already stored: a refresh on unchanged answers writes
nothing for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lokalutveckling import store
from lokalutveckling.format import fmt_int, fmt_number
from lokalutveckling.sources import kolada
from lokalutveckling.sources.model import Hamtning

MUNICIPALITIES = ("1280", "0180", "1480")  # Malmö, Stockholm, Göteborg
MUNICIPALITY_NAMES = {"1280": "Malmö", "0180": "Stockholm", "1480": "Göteborg"}
FIRST_YEAR = 2010
NY, ANDRAD, OFORANDRAD, VAGRAD = "ny", "ändrad", "oförändrad", "vägrad"


def years(ar_fran: int | None, ar_till: int | None, this_year: int) -> list[int]:
    """The years asked for: the mapping's span, or FIRST_YEAR up to this year where it names none."""
    first = int(ar_fran) if ar_fran is not None else FIRST_YEAR
    last = int(ar_till) if ar_till is not None else this_year
    return list(range(first, last + 1))


@dataclass
class Comparison:
    """One KPI compared: what Kolada gave (`hamtning`), or why it was refused; and its status."""

    indikator_kod: str
    indikator_namn: str
    kpi: str
    years: list[int]
    hamtning: Hamtning | None = None
    refused: str | None = None
    status: str = VAGRAD
    kpi_title: str | None = None  # Kolada's title, also for a refused KPI Kolada knows
    faktor: float | None = None  # the mapping's factor to the indicator's unit (N07403 per 100 000: 0.01)

    @property
    def title(self) -> str:
        if self.hamtning and self.hamtning.tabell_namn:
            return self.hamtning.tabell_namn
        return self.kpi_title or "-"

    @property
    def n_values(self) -> int:
        return len(self.hamtning.varden) if self.hamtning else 0

    @property
    def to_save(self) -> bool:
        return self.hamtning is not None and self.status in (NY, ANDRAD)

    @property
    def label(self) -> str:
        return f"Kolada {self.kpi} ({self.indikator_namn})"

    def line(self) -> str:
        span = f"{self.years[0]}–{self.years[-1]}" if len(self.years) > 1 else str(self.years[0])
        towns = ", ".join(f"{MUNICIPALITY_NAMES[m]} {m}" for m in MUNICIPALITIES)
        status = f"{VAGRAD} ({self.refused})" if self.refused else self.status
        got = sorted({v.ar for v in self.hamtning.varden}) if self.hamtning else []
        have = f", värden för {got[0]}–{got[-1]}" if len(got) > 1 else (f", värden för {got[0]}" if got else "")
        return (
            f"  jämförelse {self.kpi} ”{self.title}” för {self.indikator_kod}: {towns}; år {span}{have}; "
            f"{self.n_values} värden; {status}"
        )


def fetch(
    indikator_kod: str,
    indikator_namn: str,
    kpi: str,
    span: list[int],
    *,
    base_url: str,
    timeout: float,
    faktor: float | None = None,
) -> Comparison:
    """One KPI for the 3 municipalities; refused (not raised) when Kolada has nothing for it."""
    c = Comparison(indikator_kod, indikator_namn, kpi, span, faktor=faktor)
    try:
        c.hamtning = kolada.fetch(
            kpi, ",".join(str(y) for y in span), ",".join(MUNICIPALITIES), base_url=base_url, timeout=timeout
        )
    except kolada.NoValues as exc:
        c.refused, c.kpi_title = str(exc).rstrip("."), exc.title
    return c


def stored(con: store.Connection, kpis: list[str]) -> dict[str, dict[tuple[str, int], float | None]]:
    """The newest stored fetch of each KPI: (kommun, år) -> value."""
    if not kpis:
        return {}
    try:
        rows = store.run_rows(con, "statistik/refresh_kolada_senaste", kpier=kpis)
    except store.CatalogError:  # a store built before the statistics tables: nothing stored yet
        return {}
    out: dict[str, dict[tuple[str, int], float | None]] = {}
    for r in rows:
        varde = r["varde"]
        varde = None if varde is None or (isinstance(varde, float) and math.isnan(varde)) else float(varde)
        out.setdefault(str(r["tabell_id"]), {})[(str(r["region_kod"]), int(r["ar"]))] = varde
    return out


def _same(a: dict[tuple[str, int], float | None], b: dict[tuple[str, int], float | None]) -> bool:
    if a.keys() != b.keys():
        return False
    for key, x in a.items():
        y = b[key]
        if (x is None) != (y is None) or (x is not None and abs(x - y) > 1e-9 * max(1.0, abs(y))):
            return False
    return True


def compare(comparisons: list[Comparison], before: dict[str, dict[tuple[str, int], float | None]]) -> None:
    """Set each fetched comparison's status: ny (nothing stored), ändrad or oförändrad."""
    for c in comparisons:
        if c.hamtning is None:
            c.status = VAGRAD
            continue
        now = {(v.region_kod, v.ar): v.varde for v in c.hamtning.varden}
        old = before.get(c.kpi)
        c.status = NY if old is None else (OFORANDRAD if _same(now, old) else ANDRAD)


def _shown(value: float, counts: bool) -> str:
    return fmt_int(value, "sv") if counts else fmt_number(value, "sv", 1)


def discrepancies(c: Comparison, city: dict[int, float]) -> list[str]:
    """Where Malmö's own figure for the whole city (`city`: year -> the official value the refresh computed
    from the delområden) and Kolada's figure for Malmö (times the mapping's factor) differ by more than a
    rounding (a tenth, or 0,1 %), one line per year: shown, never corrected. Definitions may differ (say
    persons against households); the line lets a reader see it."""
    if c.hamtning is None:
        return []
    faktor = c.faktor if c.faktor is not None else 1.0
    kolada_malmo = {v.ar: v.varde * faktor for v in c.hamtning.varden if v.region_kod == "1280" and v.varde is not None}
    out = []
    for year in sorted(set(kolada_malmo) & set(city)):
        ours, theirs = city[year], kolada_malmo[year]
        if abs(ours - theirs) > max(0.05, 0.001 * abs(theirs)):
            counts = float(ours).is_integer() and float(theirs).is_integer()  # whole numbers as counts
            out.append(
                f"  avvikelse {c.indikator_kod} hela Malmö {year}: Malmö stads statistik {_shown(ours, counts)}, "
                f"Kolada {c.kpi} {_shown(theirs, counts)} (skillnad {_shown(ours - theirs, counts)}); visas, "
                "rättas inte"
            )
    return out
