"""Municipality KPIs from Kolada v3, for comparing Malmö with other large cities.

`GET {base}/kpi/{KPI}` gives the KPI's title (and says whether it exists); `GET
{base}/data/kpi/{KPI}/municipality/{ids}/year/{years}` the values: `{"values": [{"kpi", "municipality",
"period", "values": [{"gender": "T"|"K"|"M", "value", "status", "count"}]}], "count", "next_url"?}`.
Pages are followed through `next_url` (v3; `next_page` in v2) until there is none. Only the total
(gender 'T') is kept; a KPI that is not divided by gender has only 'T'. Kolada v2 is switched off: it
answers only `{"error": "This endpoint is deprecated. Please use /v3 instead."}`, said as such.

`NoValues` (a FetchError) is what Kolada answered without a fault: a KPI it does not know, or no value
for the municipalities and years asked; `stats refresh` refuses that one comparison and goes on.
"""

from __future__ import annotations

import urllib.parse

from lokalutveckling.sources.http import MAX_PAGES, TIMEOUT_SECONDS, FetchError, request_json
from lokalutveckling.sources.model import Hamtning, Varde, codes, number, year_of

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
ATTRIBUTION = "Kolada (RKA), CC BY 4.0"
GENDER = "T"
ITEM_KEYS = ("kpi", "municipality", "period", "values")
NEXT_KEYS = ("next_url", "next_page")  # v3, v2


class NoValues(FetchError):
    """Kolada answered, but has nothing for the question: an unknown KPI, or no value at all (`title`: the
    KPI's, when Kolada knows it)."""

    def __init__(self, message: str, title: str | None = None):
        super().__init__(message)
        self.title = title


def _shape_error(message: str, url: str) -> FetchError:
    return FetchError(f"Ändrat svar från Kolada: {message} ({url}).")


def _values(doc: object, url: str) -> list:
    if isinstance(doc, dict) and "values" not in doc and isinstance(doc.get("error"), str):
        raise FetchError(f"Kolada svarade med ett fel: {doc['error']} ({url}). Kontrollera adressen (v3).")
    if not isinstance(doc, dict) or not isinstance(doc.get("values"), list):
        found = ", ".join(sorted(doc)) if isinstance(doc, dict) else type(doc).__name__
        raise _shape_error(f"väntade ett objekt med listan values, fann {found or '(inga)'}", url)
    return doc["values"]


def kpi_info(kpi: str, *, base_url: str, timeout: float) -> dict:
    """The KPI's metadata (`id`, `title`, …); FetchError if Kolada does not know it."""
    url = f"{base_url.rstrip('/')}/kpi/{urllib.parse.quote(kpi)}"
    found = [
        v
        for v in _values(request_json(url, timeout=timeout, not_found="Kontrollera --base-url."), url)
        if isinstance(v, dict)
    ]
    match = [v for v in found if str(v.get("id")) == kpi]
    if not match:
        raise NoValues(f"Nyckeltalet {kpi} finns inte i Kolada ({url}). Sök det på kolada.se.")
    return match[0]


def data_pages(url: str, *, timeout: float) -> tuple[list[dict], int]:
    """Every item of a data query, following `next_url` (or v2's `next_page`); and the number of pages read."""
    items, pages, seen = [], 0, set()
    hint = "Kontrollera nyckeltalets id (--kpi), kommunkoderna och adressen (--base-url)."
    while url:
        if url in seen or pages >= MAX_PAGES:
            raise FetchError(f"Sidindelningen från Kolada tar inte slut (sida {pages + 1}: {url}).")
        seen.add(url)
        doc = request_json(url, timeout=timeout, not_found=hint)
        page = _values(doc, url)
        pages += 1
        for item in page:
            if not isinstance(item, dict) or any(k not in item for k in ITEM_KEYS):
                found = ", ".join(sorted(item)) if isinstance(item, dict) else type(item).__name__
                raise _shape_error(f"väntade fälten {', '.join(ITEM_KEYS)} i varje post, fann {found}", url)
            if not isinstance(item["values"], list):
                raise _shape_error("values i en post är inte en lista", url)
            items.append(item)
        following = next((doc.get(k) for k in NEXT_KEYS if doc.get(k)), None)
        url = str(following) if following else ""
    return items, pages


def fetch(
    kpi: str,
    years: str,
    municipalities: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = TIMEOUT_SECONDS,
) -> Hamtning:
    """The KPI's total (gender 'T') per municipality and year."""
    kpi = codes(kpi, what="nyckeltal", pattern=r"[A-Z]\d{5}", example="N00945", neuter=True)
    if len(kpi) != 1:
        raise FetchError("Ange ett nyckeltal åt gången med --kpi.")
    kpi_id = kpi[0]
    year_list = codes(years, what="år", pattern=r"(19|20)\d\d", example="2024 eller 2022,2023", neuter=True)
    kommuner = codes(municipalities, what="kommunkod", pattern=r"\d{4}", example="1280,0180,1480")
    info = kpi_info(kpi_id, base_url=base_url, timeout=timeout)
    title = str(info.get("title") or kpi_id)
    url = f"{base_url.rstrip('/')}/data/kpi/{kpi_id}/municipality/{','.join(kommuner)}/year/{','.join(year_list)}"
    items, pages = data_pages(url, timeout=timeout)
    if not items:
        raise NoValues(
            f"Tomt svar: Kolada har inga värden för {kpi_id} ({title}), kommun {', '.join(kommuner)}, "
            f"år {', '.join(year_list)} ({url}).",
            title,
        )
    rows, notes, without_total = [], [], []
    for item in items:
        municipality, period = str(item["municipality"]), str(item["period"])
        year = year_of(period)
        if year is None:
            raise _shape_error(f"period {period!r} är inte ett år", url)
        if str(item["kpi"]) != kpi_id or municipality not in kommuner:
            notes.append(f"oväntad post hoppades över: {item['kpi']} {municipality} {period}.")
            continue
        totals = [v for v in item["values"] if isinstance(v, dict) and v.get("gender") == GENDER]
        if not totals:
            without_total.append(f"{municipality} {period}")
            continue
        try:
            value = number(totals[0].get("value"))
        except ValueError:
            raise _shape_error(
                f"värdet för {municipality} {period} är inte ett tal: {totals[0].get('value')!r}", url
            ) from None
        status = totals[0].get("status")
        rows.append(
            Varde(
                niva="kommun",
                region_kod=municipality,
                variabel=kpi_id,
                variabel_namn=title,
                period=period,
                ar=year,
                varde=value,
                enhet=str(info["unit"]) if info.get("unit") else None,
                komplett=value is not None,
                berakning="hämtad",
                anmarkning=f"status {status}" if status else None,
            )
        )
    if without_total:
        notes.append(f"inget totalvärde (kön T) för {', '.join(without_total)}; bara uppdelat på kön, ej sparat.")
    found = {(r.region_kod, r.ar) for r in rows}
    absent = [f"{m} {y}" for m in kommuner for y in year_list if (m, int(y)) not in found]
    if absent:
        notes.append(f"Kolada saknar värden för {', '.join(absent)}.")
    if not rows:
        raise NoValues(f"Tomt svar: Kolada gav inga totalvärden (kön T) för {kpi_id} ({url}).", title)
    return Hamtning(
        tjanst="kolada",
        url=url,
        tabell_id=kpi_id,
        tabell_namn=title,
        regel="Hämtat per kommun som det står i Kolada; totalen (kön T), inget räknas om.",
        attribution=ATTRIBUTION,
        varden=rows,
        kalla_uppdaterad=str(info["publication_date"]) if info.get("publication_date") else None,
        notes=notes,
        pages=pages,
    )
