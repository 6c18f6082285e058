"""Malmö stad's area statistics from its CKAN portal, per delområde, aggregated to the 14 areas.

`list_resources` lists the variables (`resource_search`); `fetch` reads one variable's resource
(`resource_show` for its name, `datastore_search` paged with `limit`/`offset` following
`result._links.next` until `result.total` records are read), finds the area and year columns, matches
each record to one of the store's 136 delområden (by 5-digit code, or by name compared
case-insensitively) and aggregates per year to the 14 statistikområden and the whole city:

- antal (counts, sums): added up over the area's delområden;
- andel (shares, rates, means): weighted by population, Σ(värde × befolkning) / Σ befolkning over the
  area's delområden, the population of the same delområde and year coming from a second resource
  (`population_resource`). A delområde with population 0 weighs nothing (`sources.aggregate`).
- An area with a delområde missing (no record, a suppressed value such as '..', or for a share no
  population) gets no value and `komplett = false`, naming what is missing: never a partial sum.

Records may be long (an area column, a year column, one value column) or wide (an area column and one
column per year, named by the year). Which is which is decided from the column names; anything else
is a "changed columns" error naming what was expected and what was found.
"""

from __future__ import annotations

import re
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from lokalutveckling.sources.aggregate import aggregate, detect_kind, unit_of
from lokalutveckling.sources.http import MAX_PAGES, TIMEOUT_SECONDS, FetchError, request_json
from lokalutveckling.sources.model import VIKT, Hamtning, Varde, delomrade_code, number

DEFAULT_BASE_URL = "https://ckan-malmo.dataplatform.se"
DEFAULT_QUERY = "description:malmö statistik"
ATTRIBUTION = "Stadskontoret, Malmö stad"
PAGE_SIZE = 1000

# Column names the resources may use, compared after `_norm` (lower case, å/ä → a, ö → o), in order of preference.
CODE_COLUMNS = ("do_kod", "delomrade_kod", "delomradeskod", "delomradekod", "omrade_kod", "omradeskod", "kod")
NAME_COLUMNS = ("delomrade", "delomradesnamn", "delomrade_namn", "omrade", "omradesnamn", "omrade_namn", "namn")
YEAR_COLUMNS = ("ar", "artal", "year", "period", "tid")
VALUE_COLUMNS = ("varde", "value", "antal", "andel", "summa")


# ------------------------------------------------------------------------------------- requests


def api_url(base_url: str, action: str, **params: object) -> str:
    return f"{base_url.rstrip('/')}/api/3/action/{action}?{urllib.parse.urlencode(params)}"


def next_page_url(base_url: str, link: str) -> str:
    """The address of `result._links.next`: CKAN writes it from its API's root ('/api/3/action/…'), which
    for a portal under a path ('https://host/ckan') lies under that path, not at the host's root."""
    base = urllib.parse.urlsplit(base_url.rstrip("/"))
    if link.startswith("/api/") and base.path and not link.startswith(base.path + "/"):
        link = base.path + link
    return urllib.parse.urljoin(base_url.rstrip("/") + "/", link)


def _keys(doc: object) -> str:
    if isinstance(doc, dict):
        return ", ".join(sorted(map(str, doc))) or "(inga)"
    return type(doc).__name__


def _result(doc: object, url: str, action: str) -> dict:
    """`result` of a CKAN action answer, after checking `success`."""
    if not isinstance(doc, dict) or "success" not in doc:
        raise FetchError(
            f"Ändrat svar från CKAN ({action}): väntade ett objekt med success och result, fann {_keys(doc)} ({url})."
        )
    if doc["success"] is not True:
        error = doc.get("error")
        message = error.get("message") if isinstance(error, dict) else error
        raise FetchError(f"CKAN svarade success=false på {action}: {message or 'inget felmeddelande'} ({url}).")
    result = doc.get("result")
    if not isinstance(result, dict):
        raise FetchError(
            f"Ändrat svar från CKAN ({action}): result är {type(result).__name__}, inte ett objekt ({url})."
        )
    return result


def list_resources(query: str = DEFAULT_QUERY, *, base_url: str = DEFAULT_BASE_URL, timeout: float = TIMEOUT_SECONDS):
    """The variables on the portal matching `query` (`resource_search`), as dicts with id and name."""
    url = api_url(base_url, "resource_search", query=query)
    result = _result(request_json(url, timeout=timeout, not_found="Kontrollera --base-url."), url, "resource_search")
    found = result.get("results")
    if not isinstance(found, list):
        raise FetchError(f"Ändrat svar från CKAN (resource_search): väntade result.results, fann {_keys(result)}.")
    if not found:
        raise FetchError(f"Tomt svar: inga resurser matchar {query!r} på {base_url} ({url}).")
    resources = []
    for item in found:
        if not isinstance(item, dict) or "id" not in item:
            raise FetchError(f"Ändrat svar från CKAN (resource_search): en resurs saknar id ({_keys(item)}).")
        resources.append({"id": str(item["id"]), "name": str(item.get("name") or "")})
    return resources


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    url: str
    last_modified: str | None


def resource_info(resource_id: str, *, base_url: str, timeout: float) -> Resource:
    """The resource's name and date (`resource_show`): the name says whether it is a count or a share."""
    url = api_url(base_url, "resource_show", id=resource_id)
    hint = f"Finns resursen {resource_id} på portalen? Se variablerna med --list."
    result = _result(request_json(url, timeout=timeout, not_found=hint), url, "resource_show")
    name = result.get("name")
    if not isinstance(name, str) or not name.strip():
        raise FetchError(f"Ändrat svar från CKAN (resource_show): resursen {resource_id} saknar name ({url}).")
    modified = result.get("last_modified") or result.get("metadata_modified") or result.get("created")
    return Resource(resource_id, name.strip(), url, str(modified) if modified else None)


@dataclass(frozen=True)
class Table:
    fields: list[dict]
    records: list[dict]
    total: int
    url: str
    pages: int


def datastore_records(resource_id: str, *, base_url: str, timeout: float, page_size: int = PAGE_SIZE) -> Table:
    """Every record of a datastore resource, page by page, until `result.total` are read."""
    if page_size < 1:
        raise FetchError(f"--page-size ska vara minst 1, inte {page_size}.")
    first = api_url(base_url, "datastore_search", resource_id=resource_id, limit=page_size, offset=0)
    url, fields, total, records, pages, seen = first, None, 0, [], 0, set()
    hint = f"Resursen {resource_id} finns inte i datalagret (datastore). Se variablerna med --list."
    while True:
        if url in seen or pages >= MAX_PAGES:
            raise FetchError(
                f"Sidindelningen från CKAN tar inte slut (sida {pages + 1}: {url}); efter {len(records)} poster."
            )
        seen.add(url)
        result = _result(request_json(url, timeout=timeout, not_found=hint), url, "datastore_search")
        missing = [k for k in ("fields", "records", "total") if k not in result]
        if missing or not isinstance(result["fields"], list) or not isinstance(result["records"], list):
            raise FetchError(
                "Ändrat svar från CKAN (datastore_search): väntade result.fields, result.records och result.total, "
                f"fann result med {_keys(result)} ({url})."
            )
        pages += 1
        if fields is None:
            fields = result["fields"]
            try:
                total = int(result["total"])
            except (TypeError, ValueError):
                raise FetchError(f"CKAN:s result.total är inte ett tal: {result['total']!r} ({url}).") from None
        page = result["records"]
        records.extend(page)
        if len(records) >= total or not page:
            break
        link = (result.get("_links") or {}).get("next") if isinstance(result.get("_links"), dict) else None
        if link:
            url = next_page_url(base_url, str(link))
        else:
            url = api_url(base_url, "datastore_search", resource_id=resource_id, limit=page_size, offset=len(records))
    if len(records) < total:
        raise FetchError(
            f"CKAN angav {total} poster för resursen {resource_id} men gav bara {len(records)} på {pages} sidor ({first})."
        )
    bad = [f for f in fields if not isinstance(f, dict) or "id" not in f]
    if bad:
        raise FetchError(f"Ändrat svar från CKAN (datastore_search): fält utan id i result.fields ({first}).")
    return Table(fields, records, total, first, pages)


# -------------------------------------------------------------------------------------- columns


def _norm(name: object) -> str:
    text = str(name).casefold().strip()
    text = text.replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")
    return re.sub(r"[^a-z0-9%]+", "_", text).strip("_")


def _find(names: Iterable[str], wanted: Sequence[str]) -> str | None:
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(_norm(name), name)
    for candidate in wanted:
        if candidate in by_norm:
            return by_norm[candidate]
    return None


@dataclass(frozen=True)
class Layout:
    """Where a resource keeps the area, the year and the value."""

    code_column: str | None
    name_column: str | None
    year_column: str | None = None  # long: one record per area and year
    value_column: str | None = None
    year_columns: tuple[tuple[str, int], ...] = ()  # wide: one column per year

    @property
    def area(self) -> str:
        return " / ".join(c for c in (self.code_column, self.name_column) if c)


def layout(fields: Sequence[dict], column: str | None, what: str) -> Layout:
    """Find the area, year and value columns; FetchError names what was expected and found."""
    ids = [str(f["id"]) for f in fields if not str(f["id"]).startswith("_")]
    found = ", ".join(ids) or "(inga)"
    code, name = _find(ids, CODE_COLUMNS), _find(ids, NAME_COLUMNS)
    if code is None and name is None:
        raise FetchError(
            f"Ändrade kolumner i {what}: fann {found}, men ingen kolumn med delområdet "
            f"(väntade kod: {', '.join(CODE_COLUMNS)}, eller namn: {', '.join(NAME_COLUMNS)}, oavsett versaler)."
        )
    if column is not None and column not in ids:
        raise FetchError(f"Kolumnen {column!r} (--column) finns inte i {what}; kolumnerna är {found}.")
    year = _find(ids, YEAR_COLUMNS)
    if year is not None:
        rest = [c for c in ids if c not in (code, name, year)]
        value = column or (rest[0] if len(rest) == 1 else _find(rest, VALUE_COLUMNS))
        if value is None:
            raise FetchError(
                f"Ändrade kolumner i {what}: fann {found}; kan inte avgöra vilken som är värdet "
                f"(väntade en av {', '.join(VALUE_COLUMNS)}, eller en enda kolumn utöver område och år). "
                "Ange den med --column."
            )
        return Layout(code, name, year_column=year, value_column=value)
    wide = []
    for c in ids:
        match = re.fullmatch(r"(?:ar_?)?((?:19|20)\d\d)", _norm(c))
        if match:
            wide.append((c, int(match.group(1))))
    if column is not None:
        wide = [(c, y) for c, y in wide if c == column]
    if wide:
        return Layout(code, name, year_columns=tuple(wide))
    raise FetchError(
        f"Ändrade kolumner i {what}: fann {found}, men ingen årskolumn "
        f"(väntade en av {', '.join(YEAR_COLUMNS)}, eller en kolumn per år som heter t.ex. 2023)."
    )


def _name_key(value: object) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().casefold()


@dataclass
class Values:
    """A resource's values per (delområde, år), and what could not be used."""

    values: dict[tuple[str, int], float | None]
    unknown: Counter
    matched_by_name: int


def read_values(table: Table, lay: Layout, membership: pd.DataFrame, what: str) -> Values:
    """Each record matched to a delområde of the store; FetchError for duplicates and values that are not numbers."""
    by_code = {str(c): str(c) for c in membership["delomrade_kod"]}
    by_name = {_name_key(n): str(c) for c, n in zip(membership["delomrade_kod"], membership["delomrade"], strict=True)}
    values: dict[tuple[str, int], float | None] = {}
    unknown: Counter = Counter()
    duplicates, bad, by_name_count = [], [], 0
    for number_in_file, record in enumerate(table.records, start=1):
        if not isinstance(record, dict):
            raise FetchError(f"Ändrat svar från CKAN: post {number_in_file} i {what} är inte ett objekt.")
        code = None
        if lay.code_column is not None:
            code = by_code.get(delomrade_code(record.get(lay.code_column)) or "")
        if code is None and lay.name_column is not None:
            code = by_name.get(_name_key(record.get(lay.name_column)))
            by_name_count += code is not None
        label = record.get(lay.code_column or "") or record.get(lay.name_column or "")
        if code is None:
            unknown[str(label)] += 1
            continue
        if lay.year_column is not None:
            year = _year(record.get(lay.year_column))
            if year is None:
                bad.append(f"post {record.get('_id', number_in_file)} ({label}): året {record.get(lay.year_column)!r}")
                continue
            cells = [(year, record.get(lay.value_column or ""))]
        else:
            cells = [(y, record.get(c)) for c, y in lay.year_columns]
        for year, raw in cells:
            try:
                value = number(raw)
            except ValueError:
                bad.append(f"post {record.get('_id', number_in_file)} ({label}, {year}): {raw!r}")
                continue
            if (code, year) in values:
                duplicates.append(f"{code} {year}")
            values[(code, year)] = value
    if bad:
        raise FetchError(
            f"{len(bad)} värden i {what} är inte tal: {'; '.join(bad[:5])}{' …' if len(bad) > 5 else ''}. "
            "Resursens format har ändrats."
        )
    if duplicates:
        raise FetchError(
            f"{what} har flera poster för samma delområde och år ({', '.join(duplicates[:5])}"
            f"{' …' if len(duplicates) > 5 else ''}): har resursen fått en dimension till (t.ex. kön)? "
            "Inget summeras dubbelt."
        )
    return Values(values, unknown, by_name_count)


def _year(value: object) -> int | None:
    text = str(value).strip() if value is not None else ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    match = re.fullmatch(r"((?:19|20)\d\d)(?:\.0*)?", text)
    return int(match.group(1)) if match else None


def rule_text(kind: str, population: Resource | None = None) -> str:
    """The aggregation rule in words, as stored with the fetch."""
    if kind == "antal":
        return (
            "Antal: delområdenas värden summeras per år till statistikområdena och hela staden (område 0). "
            "Saknar något av områdets delområden värde det året får området inget värde och komplett = false; "
            "en delsumma sparas aldrig som områdets värde."
        )
    source = f" från resurs {population.id} ({population.name})" if population else ""
    return (
        "Andel/kvot: befolkningsviktat medel per år, Σ(värde × befolkning) / Σ befolkning över områdets "
        f"delområden, med befolkningen samma år{source}. Delområden med befolkning 0 väger inget. "
        "Saknar ett befolkat delområde värde eller befolkning det året får området inget värde och "
        "komplett = false."
    )


# ------------------------------------------------------------------------------------------ fetch


@dataclass(frozen=True)
class _Read:
    resource: Resource
    table: Table
    layout: Layout
    values: Values


def _read(resource_id: str, column: str | None, membership: pd.DataFrame, *, base_url, timeout, page_size) -> _Read:
    resource = resource_info(resource_id, base_url=base_url, timeout=timeout)
    table = datastore_records(resource_id, base_url=base_url, timeout=timeout, page_size=page_size)
    what = f"resursen {resource_id} ({resource.name})"
    if table.total == 0 or not table.records:
        raise FetchError(f"Tomt svar: {what} har inga poster ({table.url}).")
    lay = layout(table.fields, column, what)
    values = read_values(table, lay, membership, what)
    if not values.values:
        labels = ", ".join(repr(k) for k, _ in values.unknown.most_common(8))
        raise FetchError(
            f"Ingen av de {len(table.records)} posterna i {what} gäller ett av områdesindelningens "
            f"{len(membership)} delområden (kolumn {lay.area}; fann t.ex. {labels}). "
            "Är resursen per en annan indelning (stadsdelar, statistikområden)?"
        )
    return _Read(resource, table, lay, values)


def _notes(read: _Read, membership: pd.DataFrame) -> list[str]:
    notes = []
    if read.values.unknown:
        listed = ", ".join(f"{label!r} ({n})" for label, n in read.values.unknown.most_common(8))
        notes.append(
            f"{sum(read.values.unknown.values())} poster i resursen {read.resource.id} gällde inget delområde "
            f"och hoppades över: {listed}."
        )
    present = {code for code, _ in read.values.values}
    absent = [
        f"{c} {n}"
        for c, n in zip(membership["delomrade_kod"], membership["delomrade"], strict=True)
        if str(c) not in present
    ]
    if absent:
        notes.append(f"{len(absent)} delområden saknas helt i resursen {read.resource.id}: {', '.join(absent[:10])}.")
    return notes


def _raw_rows(read: _Read, *, variabel: str, enhet: str | None, berakning: str) -> list[Varde]:
    return [
        Varde(
            niva="delomrade",
            omrade_kod=code,
            variabel=variabel,
            variabel_namn=read.resource.name,
            period=str(year),
            ar=year,
            varde=value,
            enhet=enhet,
            komplett=value is not None,
            berakning=berakning,
        )
        for (code, year), value in sorted(read.values.values.items())
    ]


def fetch(
    resource_id: str,
    *,
    membership: pd.DataFrame,
    population_resource: str | None = None,
    typ: str | None = None,
    column: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = TIMEOUT_SECONDS,
    page_size: int = PAGE_SIZE,
) -> Hamtning:
    """One variable per delområde and year, with its aggregates to the 14 areas and the city."""
    options = {"base_url": base_url, "timeout": timeout, "page_size": page_size}
    main = _read(resource_id, column, membership, **options)
    name = main.resource.name
    detected = detect_kind(name, main.layout.value_column)
    kind = typ or detected
    notes = _notes(main, membership)
    if kind == "median":
        raise FetchError(
            f"{name} ({resource_id}) är en median: den kan varken summeras eller viktas ihop till statistikområden. "
            "Hämta den per statistikområde i stället, eller ange --typ om namnet vilseleder."
        )
    if kind is None:
        raise FetchError(
            f"Kan inte avgöra om {name} ({resource_id}) är ett antal eller en andel: ange --typ antal "
            "(summeras) eller --typ andel (viktas med befolkning)."
        )
    if typ and detected and typ != detected:
        notes.append(f"--typ {typ} används fast namnet ”{name}” tyder på {detected}.")
    enhet = unit_of(kind, name)
    variabel = f"{resource_id}:{column}" if column else resource_id
    rows = _raw_rows(main, variabel=variabel, enhet=enhet, berakning="hämtad")
    weights = None
    population = None
    if kind == "andel":
        if not population_resource:
            raise FetchError(
                f"{name} ({resource_id}) är en andel eller kvot och viktas med befolkningen per delområde: "
                "ange --population-resource ID (folkmängd per delområde och år; se resurserna med --list)."
            )
        population = _read(population_resource, None, membership, **options)
        pop_kind = detect_kind(population.resource.name, population.layout.value_column)
        if pop_kind not in (None, "antal"):
            raise FetchError(
                f"Befolkningsresursen {population_resource} ({population.resource.name}) ser ut att vara "
                f"{pop_kind}, inte ett antal invånare: den kan inte vara vikt."
            )
        negative = [f"{c} {y}" for (c, y), w in population.values.values.items() if w is not None and w < 0]
        if negative:
            raise FetchError(
                f"Befolkningsresursen {population_resource} har negativa värden: {', '.join(negative[:5])}."
            )
        weights = population.values.values
        notes.extend(_notes(population, membership))
        weighted_years = {year for (_, year), w in weights.items() if w is not None}
        unweighted = sorted({year for _, year in main.values.values} - weighted_years)
        if unweighted:
            notes.append(
                f"Befolkningsresursen {population_resource} har ingen befolkning för "
                f"{', '.join(map(str, unweighted))}: områdena får inget värde de åren."
            )
        rows += _raw_rows(population, variabel=population_resource, enhet="antal", berakning=VIKT)
    elif population_resource:
        notes.append(f"--population-resource {population_resource} används inte: {name} är ett antal och summeras.")
    rows += aggregate(
        main.values.values,
        membership,
        kind=kind,
        weights=weights,
        variabel=variabel,
        variabel_namn=name,
        enhet=enhet,
    )
    return Hamtning(
        tjanst="ckan",
        url=main.table.url,
        tabell_id=resource_id,
        tabell_namn=name,
        regel=rule_text(kind, population.resource if population else None),
        attribution=ATTRIBUTION,
        varden=rows,
        vikt_tabell_id=population_resource if population else None,
        vikt_url=population.table.url if population else None,
        kalla_uppdaterad=main.resource.last_modified,
        notes=notes,
        pages=main.table.pages + (population.table.pages if population else 0),
    )
