"""A table from SCB's PxWebAPI 2.0 as tidy rows (region, period, contents code, value).

The request is `POST {base}/tables/{table}/data?lang=sv&outputFormat=json-stat2` with a JSON body
`{"selection": [{"variableCode": "Region", "valueCodes": ["1280", …]}, …]}`; variables not named
keep the table's default selection. The answer is a JSON-stat 2.0 dataset: `id` lists the dimensions
in order, `size` their lengths, `dimension.<id>.category.index` each category's position (an object
code → position, or a list of codes), `category.label` the names, and `value` the numbers in
row-major order (the last dimension varies fastest; an object keyed by position when sparse). The
value of categories at positions (i₀, …, iₙ₋₁) is `value[Σ iₖ · strideₖ]` with
`strideₖ = size[k+1] · … · size[n-1]`. The region, time and contents dimensions are found by `role`
(geo, time, metric) or by their usual codes (Region, Tid, ContentsCode); any other dimension becomes
part of the variable (e.g. `BE0101N1|Kon=1`).
"""

from __future__ import annotations

import json
import math
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

from lokalutveckling.sources.http import TIMEOUT_SECONDS, FetchError, request_json
from lokalutveckling.sources.model import Hamtning, Varde, codes, number, year_of

DEFAULT_BASE_URL = "https://statistikdatabasen.scb.se/api/v2"
ATTRIBUTION = "SCB, Statistiska centralbyrån (PxWebAPI 2.0)"
REGION_PATTERN = r"[0-9A-Za-z_\-]{2,12}"


@dataclass(frozen=True)
class Dimension:
    id: str
    codes: list[str]  # in index order
    labels: dict[str, str]
    units: dict[str, str]


@dataclass(frozen=True)
class Cell:
    """One tidy row: the code of each dimension and the value (None when missing or suppressed)."""

    coordinates: dict[str, str]
    value: float | None
    status: str | None


@dataclass(frozen=True)
class Dataset:
    label: str | None
    updated: str | None
    dimensions: list[Dimension]
    cells: list[Cell]
    roles: dict[str, list[str]]

    def dimension(self, dim_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dim_id)


def _shape_error(message: str) -> FetchError:
    return FetchError(f"Ändrat svar från SCB: {message}")


def _category_codes(dim_id: str, category: object, size: int) -> list[str]:
    """The category codes of one dimension in index order, from `index` (object or list) or `label`."""
    if not isinstance(category, dict):
        raise _shape_error(f"dimension.{dim_id}.category saknas eller är inte ett objekt.")
    index = category.get("index")
    if isinstance(index, list):
        ordered = [str(c) for c in index]
    elif isinstance(index, dict):
        positions = sorted(index.items(), key=lambda item: item[1])
        ordered = [str(code) for code, _ in positions]
        if [p for _, p in positions] != list(range(len(positions))):
            raise _shape_error(f"dimension.{dim_id}.category.index har inte positionerna 0…{len(positions) - 1}.")
    elif index is None and isinstance(category.get("label"), dict) and len(category["label"]) == 1:
        ordered = [str(next(iter(category["label"])))]  # a single category may come without an index
    else:
        raise _shape_error(
            f"dimension.{dim_id}.category.index saknas (väntade ett objekt kod → position eller en lista)."
        )
    if len(ordered) != size:
        raise _shape_error(f"dimension {dim_id} har {len(ordered)} kategorier men size anger {size}.")
    return ordered


def _units(category: dict) -> dict[str, str]:
    units = category.get("unit")
    if not isinstance(units, dict):
        return {}
    result = {}
    for code, unit in units.items():
        if isinstance(unit, dict) and unit.get("base"):
            result[str(code)] = str(unit["base"])
        elif isinstance(unit, str):
            result[str(code)] = unit
    return result


def strides(size: Sequence[int]) -> list[int]:
    """Row-major strides: how far apart in `value` two neighbouring categories of each dimension are."""
    result = [1] * len(size)
    for k in range(len(size) - 2, -1, -1):
        result[k] = result[k + 1] * size[k + 1]
    return result


def parse_jsonstat2(doc: object) -> Dataset:
    """A JSON-stat 2.0 dataset as dimensions and one cell per combination of categories."""
    if not isinstance(doc, dict):
        raise _shape_error(f"väntade ett JSON-stat2-objekt, fann {type(doc).__name__}.")
    missing = [k for k in ("id", "size", "dimension", "value") if k not in doc]
    if missing:
        found = ", ".join(sorted(doc)) or "(inga)"
        raise _shape_error(
            f"väntade JSON-stat2 med id, size, dimension och value; {', '.join(missing)} saknas (fann {found})."
        )
    if doc.get("class", "dataset") != "dataset":
        raise _shape_error(f"class är {doc.get('class')!r}, väntade 'dataset'.")
    ids, size, dims = doc["id"], doc["size"], doc["dimension"]
    if not isinstance(ids, list) or not isinstance(size, list) or len(ids) != len(size):
        raise _shape_error(f"id ({ids!r}) och size ({size!r}) ska vara listor lika långa.")
    if not all(isinstance(n, int) and n >= 0 for n in size):
        raise _shape_error(f"size ska vara heltal, är {size!r}.")
    if not isinstance(dims, dict):
        raise _shape_error("dimension är inte ett objekt.")
    absent = [str(i) for i in ids if i not in dims]
    if absent:
        raise _shape_error(f"id nämner {', '.join(absent)} men dimension har bara {', '.join(map(str, dims))}.")
    dimensions = []
    for dim_id, n in zip(ids, size, strict=True):
        category = dims[dim_id].get("category") if isinstance(dims[dim_id], dict) else None
        ordered = _category_codes(str(dim_id), category, n)
        labels = category.get("label") if isinstance(category.get("label"), dict) else {}
        dimensions.append(
            Dimension(str(dim_id), ordered, {str(k): str(v) for k, v in labels.items()}, _units(category))
        )
    expected = math.prod(size)
    values, statuses = doc["value"], doc.get("status")
    if isinstance(values, list):
        if len(values) != expected:
            product = " × ".join(map(str, size))
            raise _shape_error(f"value har {len(values)} tal, väntade {product} = {expected} (ur size).")
        lookup = dict(enumerate(values))
    elif isinstance(values, dict):
        try:
            lookup = {int(k): v for k, v in values.items()}
        except ValueError:
            raise _shape_error("value är ett objekt med nycklar som inte är positioner.") from None
        if any(not 0 <= k < expected for k in lookup):
            raise _shape_error(f"value har positioner utanför 0…{expected - 1}.")
    else:
        raise _shape_error(f"value är {type(values).__name__}, väntade en lista.")
    status_of = _statuses(statuses, expected)
    step = strides(size)
    cells = []
    for flat in range(expected):
        coordinates, rest = {}, flat
        for dim, stride in zip(dimensions, step, strict=True):
            position, rest = divmod(rest, stride)
            coordinates[dim.id] = dim.codes[position]
        try:
            value = number(lookup.get(flat))
        except ValueError:
            raise _shape_error(
                f"värdet på position {flat} ({coordinates}) är inte ett tal: {lookup.get(flat)!r}."
            ) from None
        cells.append(Cell(coordinates, value, status_of(flat)))
    roles = doc.get("role") if isinstance(doc.get("role"), dict) else {}
    return Dataset(doc.get("label"), doc.get("updated"), dimensions, cells, {k: list(v) for k, v in roles.items()})


def _statuses(statuses: object, expected: int):
    if isinstance(statuses, list) and len(statuses) == expected:
        return lambda i: statuses[i]
    if isinstance(statuses, dict):
        by_position = {str(k): v for k, v in statuses.items()}
        return lambda i: by_position.get(str(i))
    if isinstance(statuses, str):
        return lambda i: statuses
    return lambda i: None


def _pick(dataset: Dataset, role: str, usual: Sequence[str], what: str) -> str:
    ids = [d.id for d in dataset.dimensions]
    for candidate in dataset.roles.get(role, []):
        if candidate in ids:
            return candidate
    lowered = {i.casefold(): i for i in ids}
    for candidate in usual:
        if candidate.casefold() in lowered:
            return lowered[candidate.casefold()]
    raise _shape_error(
        f"ändrade dimensioner: fann {', '.join(ids)}, men ingen {what} (role.{role} eller {', '.join(usual)})."
    )


def tidy(dataset: Dataset, *, region_variable: str = "Region") -> list[dict]:
    """One dict per cell: region, period, contents code (with any other dimensions), labels, unit, value."""
    region = _pick(dataset, "geo", (region_variable, "Region"), "regiondimension")
    time = _pick(dataset, "time", ("Tid", "Time", "Period"), "tidsdimension")
    contents = _pick(dataset, "metric", ("ContentsCode", "Contents"), "innehållsdimension (ContentsCode)")
    other = [d.id for d in dataset.dimensions if d.id not in (region, time, contents)]
    content_dim = dataset.dimension(contents)
    rows = []
    for cell in dataset.cells:
        code = cell.coordinates[contents]
        extra = "".join(f"|{d}={cell.coordinates[d]}" for d in other)
        label = content_dim.labels.get(code, code)
        extra_labels = ", ".join(
            dataset.dimension(d).labels.get(cell.coordinates[d], cell.coordinates[d]) for d in other
        )
        period = cell.coordinates[time]
        year = year_of(period)
        if year is None:
            raise _shape_error(f"tidskoden {period!r} i {time} börjar inte med ett årtal.")
        rows.append(
            {
                "region": cell.coordinates[region],
                "period": period,
                "ar": year,
                "variabel": code + extra,
                "variabel_namn": f"{label} ({extra_labels})" if extra_labels else label,
                "enhet": content_dim.units.get(code),
                "varde": cell.value,
                "status": cell.status,
            }
        )
    return rows


def niva_of(region: str) -> str:
    """What kind of region an SCB code is: riket 00, län (2 digits), kommun (4 digits), else region (DeSO, RegSO…)."""
    if region in ("00", "0"):
        return "riket"
    if re.fullmatch(r"\d{2}", region):
        return "lan"
    if re.fullmatch(r"\d{4}", region):
        return "kommun"
    return "region"


def request_body(
    regions: list[str],
    *,
    region_variable: str = "Region",
    contents: list[str] | None = None,
    time: list[str] | None = None,
    select: dict[str, list[str]] | None = None,
) -> dict:
    selection = [{"variableCode": region_variable, "valueCodes": regions}]
    if contents:
        selection.append({"variableCode": "ContentsCode", "valueCodes": contents})
    if time:
        selection.append({"variableCode": "Tid", "valueCodes": time})
    for variable, values in (select or {}).items():
        selection.append({"variableCode": variable, "valueCodes": values})
    return {"selection": selection}


def _parse_select(items: Sequence[str]) -> dict[str, list[str]]:
    result = {}
    for item in items:
        variable, sep, values = item.partition("=")
        chosen = [v.strip() for v in values.split(",") if v.strip()]
        if not sep or not variable.strip() or not chosen:
            raise FetchError(f"--select ska skrivas VARIABEL=KOD,KOD (t.ex. Kon=1,2), inte {item!r}.")
        result[variable.strip()] = chosen
    return result


def fetch(
    table: str,
    regions: str | Sequence[str],
    *,
    contents: str | None = None,
    time: str | None = None,
    select: Sequence[str] = (),
    region_variable: str = "Region",
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = TIMEOUT_SECONDS,
) -> Hamtning:
    """The table's values for the regions asked, one row per region, period and contents code."""
    if not re.fullmatch(r"[A-Za-z0-9_]{1,40}", table or ""):
        raise FetchError(f"Ogiltigt tabell-id {table!r} (väntat t.ex. TAB638).")
    region_list = codes(
        ",".join(regions) if not isinstance(regions, str) else regions,
        what="regionkod",
        pattern=REGION_PATTERN,
        example="1280,0180,1480",
    )
    body = request_body(
        region_list,
        region_variable=region_variable,
        contents=[c.strip() for c in contents.split(",") if c.strip()] if contents else None,
        time=[t.strip() for t in time.split(",") if t.strip()] if time else None,
        select=_parse_select(select),
    )
    query = urllib.parse.urlencode({"lang": "sv", "outputFormat": "json-stat2"})
    url = f"{base_url.rstrip('/')}/tables/{urllib.parse.quote(table)}/data?{query}"
    hint = f"Finns tabellen {table} i PxWebAPI 2.0? Kontrollera tabell-id:t (--table) och adressen (--base-url)."
    doc = request_json(url, timeout=timeout, body=body, not_found=hint)
    dataset = parse_jsonstat2(doc)
    rows = tidy(dataset, region_variable=region_variable)
    if not rows:
        raise FetchError(f"Tomt svar: SCB-tabellen {table} gav inga värden för {', '.join(region_list)} ({url}).")
    found = {r["region"] for r in rows}
    absent = [r for r in region_list if r not in found]
    if absent:
        raise FetchError(
            f"Svaret från SCB-tabellen {table} saknar regionerna {', '.join(absent)} som efterfrågades "
            f"(fann {', '.join(sorted(found))}). Kontrollera koderna och --region-variable."
        )
    varden = [
        Varde(
            niva=niva_of(r["region"]),
            region_kod=r["region"],
            variabel=r["variabel"],
            variabel_namn=r["variabel_namn"],
            period=r["period"],
            ar=r["ar"],
            varde=r["varde"],
            enhet=r["enhet"],
            komplett=r["varde"] is not None,
            berakning="hämtad",
            anmarkning=f"status {r['status']}" if r["status"] else None,
        )
        for r in rows
    ]
    return Hamtning(
        tjanst="scb",
        url=url,
        forfragan=json.dumps(body, ensure_ascii=False),
        tabell_id=table,
        tabell_namn=dataset.label,
        regel="Hämtat per region som det står i tabellen; inget räknas om.",
        attribution=ATTRIBUTION,
        varden=varden,
        kalla_uppdaterad=dataset.updated,
    )
