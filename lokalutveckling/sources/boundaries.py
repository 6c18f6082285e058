"""Download Malmö stad's delområden layer and store it where the maps look for it.

    python -m lokalutveckling geo fetch [--url URL] [--out PATH] [--timeout SECONDS]

The layer is a zipped shapefile in SWEREF99 13 30 (EPSG:3008). It is read with pyshp, reprojected
to WGS84 with pyproj and written as a GeoJSON FeatureCollection (properties `do_kod`, `delomrade`)
to `data/geo/delomraden.geojson` (geo.DOWNLOADED, git-ignored), with a sidecar
`delomraden.meta.json` saying where and when it came from. Before anything is written, every code
is checked against the store's delområden and the collection is dissolved into the 14 areas exactly
as the app will do it; on any failure nothing is written and an earlier copy stays as it was. The
download goes through the sources' one HTTP client (`sources.http`), with its messages.
Errors are printed in Swedish on stderr with exit code 1.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyproj
import shapefile
import shapely

from lokalutveckling import geo, store
from lokalutveckling.sources import http
from lokalutveckling.sources.http import TIMEOUT_SECONDS, FetchError
from lokalutveckling.sources.model import delomrade_code

DEFAULT_URL = (
    "https://ckan-malmo.dataplatform.se/dataset/fa574631-e811-48c7-afa6-fd402815b4eb"
    "/resource/d1e3bf75-731e-4225-82b8-7299cfb56499/download/delomr_p_3008.zip"
)
LAYER = "delomr_p_3008"
ATTRIBUTION = "Stadskontoret, Malmö stad"
SCHEMES = ("http", "https", "file")  # a copy of the layer on disk may be given as a file: address
NOTHING_WRITTEN = "Inget har skrivits."
MAX_BYTES = 200 * 1024 * 1024  # the real layer is a few MB; anything far larger is not it
SOURCE_CRS = pyproj.CRS.from_epsg(3008)  # SWEREF99 13 30
DECIMALS = 6  # about 0.1 m
# Where Malmö can possibly be, in WGS84 (west, south, east, north): catches a file in another CRS.
MALMO_BOUNDS = (12.7, 55.3, 13.5, 55.8)

# Attribute names the layer may use, compared case-insensitively, in order of preference.
CODE_FIELDS = ("do_kod", "delomr_kod", "delomrade_kod", "delomradeskod", "dokod", "kod")
NAME_FIELDS = ("delomrade", "delomradesnamn", "delomr_namn", "delomr", "namn", "name")
POLYGON_TYPES = {shapefile.POLYGON, shapefile.POLYGONZ, shapefile.POLYGONM}


@dataclass(frozen=True)
class Result:
    path: Path
    meta_path: Path
    features: int
    areas: int
    sha256: str
    code_field: str
    name_field: str | None
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------- download


def download(url: str, timeout: float = TIMEOUT_SECONDS) -> tuple[bytes, str]:
    """The body at `url` and its Content-Type, through the one HTTP client; FetchError says what went wrong."""
    return http.download(
        url,
        timeout=timeout,
        max_bytes=MAX_BYTES,
        expected="delområdesskiktet",
        not_found=(
            "Malmö stad kan ha flyttat eller bytt namn på delområdesskiktet: leta upp den nya adressen i "
            "dataportalen och ange den med --url."
        ),
        afterwards=NOTHING_WRITTEN,
        schemes=SCHEMES,
    )


# ------------------------------------------------------------------------------ reading the layer


def _member(archive: zipfile.ZipFile, stem: str, ext: str) -> bytes | None:
    for name in archive.namelist():
        if name.lower() == (stem + ext).lower():
            return archive.read(name)
    return None


def _pick_shp(archive: zipfile.ZipFile) -> str:
    """The stem (path without .shp) of the layer's shapefile inside the zip."""
    stems = [n[:-4] for n in archive.namelist() if n.lower().endswith(".shp") and not n.startswith("__MACOSX/")]
    if not stems:
        listed = ", ".join(archive.namelist()[:20]) or "inga filer"
        raise FetchError(f"Zip-filen innehåller ingen shapefil (.shp); den innehåller: {listed}. Inget har skrivits.")
    preferred = [s for s in stems if Path(s).name.lower() == LAYER]
    if preferred:
        return preferred[0]
    if len(stems) > 1:
        raise FetchError(
            f"Zip-filen innehåller flera shapefiler ({', '.join(s + '.shp' for s in stems)}) och ingen heter "
            f"{LAYER}.shp. Inget har skrivits."
        )
    return stems[0]


def _check_crs(prj: bytes | None, shp_name: str) -> list[str]:
    """Nothing if the .prj says SWEREF99 13 30; a note if it is missing; FetchError if it says something else."""
    if prj is None:
        return [f"{shp_name}.prj saknas; antar SWEREF99 13 30 (EPSG:3008) som skiktet är dokumenterat i."]
    text = prj.decode("latin-1").strip()
    try:
        crs = pyproj.CRS.from_wkt(text)
    except pyproj.exceptions.CRSError as exc:
        raise FetchError(
            f"{shp_name}.prj kan inte tolkas som ett koordinatsystem ({exc}). Inget har skrivits."
        ) from None
    if crs.to_epsg(min_confidence=70) == 3008 or crs.equals(SOURCE_CRS, ignore_axis_order=True):
        return []
    raise FetchError(
        f"Fel koordinatsystem: {shp_name}.prj anger {crs.name!r} (EPSG:{crs.to_epsg(min_confidence=70) or 'okänd'}), "
        "väntat SWEREF99 13 30 (EPSG:3008). Skiktet har ändrats: kontrollera det innan det används. "
        "Inget har skrivits."
    )


def _encoding(cpg: bytes | None) -> str | None:
    """The DBF text encoding a .cpg file names, if Python knows it ('1252' and 'ANSI 1252' mean cp1252)."""
    if not cpg:
        return None
    text = cpg.decode("ascii", "replace").strip().lower()
    digits = re.fullmatch(r"(?:ansi\s*)?(\d{3,5})", text)
    candidate = f"cp{digits.group(1)}" if digits else text
    try:
        return codecs.lookup(candidate).name
    except LookupError:
        return None


def _find_field(names: list[str], wanted: tuple[str, ...]) -> str | None:
    by_lower = {n.lower(): n for n in names}
    for name in wanted:
        if name in by_lower:
            return by_lower[name]
    return None


@dataclass(frozen=True)
class _Layer:
    records: list[tuple[str, str | None, dict]]  # do_kod, name, geometry (EPSG:3008)
    code_field: str
    name_field: str | None
    notes: list[str]


def read_layer(data: bytes) -> _Layer:
    """The delområden in a zipped shapefile: codes, names and geometry in the file's own coordinates."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            stem = _pick_shp(archive)
            shp = _member(archive, stem, ".shp")
            shx = _member(archive, stem, ".shx")
            dbf = _member(archive, stem, ".dbf")
            prj = _member(archive, stem, ".prj")
            cpg = _member(archive, stem, ".cpg")
    except (zipfile.BadZipFile, OSError) as exc:
        raise FetchError(f"Zip-filen är trasig ({exc}). Inget har skrivits.") from None
    shp_name = Path(stem).name
    if dbf is None:
        raise FetchError(f"Zip-filen har {shp_name}.shp men ingen {shp_name}.dbf med egenskaperna. Inget har skrivits.")
    notes = _check_crs(prj, shp_name)
    # The .cpg names the DBF's text encoding; without one, UTF-8 and then ESRI's usual "ANSI" (cp1252).
    declared = _encoding(cpg)
    encodings = [declared] if declared else ["utf-8", "cp1252"]
    for attempt, encoding in enumerate(encodings, start=1):
        try:
            field_names, shape_type, pairs = _read_rows(shp, shx, dbf, encoding)
            break
        except FetchError:
            raise
        except Exception as exc:  # pyshp signals broken files and undecodable text with several exception types
            if attempt < len(encodings):
                continue
            raise FetchError(
                f"{shp_name}.shp/.dbf kan inte läsas (som {encoding}): {type(exc).__name__}: {exc}. Inget har skrivits."
            ) from None
    code_field = _find_field(field_names, CODE_FIELDS)
    if code_field is None:
        raise FetchError(
            f"Ändrade kolumner: {shp_name}.dbf har fälten {', '.join(field_names) or '(inga)'}, men inget fält med "
            f"delområdeskoden (väntade ett av {', '.join(CODE_FIELDS)}, oavsett versaler). "
            "Skiktet har ändrats; lokalutveckling/sources/boundaries.py behöver uppdateras. Inget har skrivits."
        )
    name_field = _find_field(field_names, NAME_FIELDS)
    if name_field is None:
        notes.append(
            f"inget namnfält i {shp_name}.dbf (väntade ett av {', '.join(NAME_FIELDS)}); namnen tas från områdesindelningen."
        )
    if shape_type not in POLYGON_TYPES:
        raise FetchError(
            f"{shp_name}.shp innehåller {shapefile.SHAPETYPE_LOOKUP.get(shape_type, shape_type)}, inte polygoner. "
            "Inget har skrivits."
        )
    records = []
    bad_codes = []
    for number, (shape, props) in enumerate(pairs, start=1):
        raw = props.get(code_field)
        code = delomrade_code(raw)
        if code is None:
            bad_codes.append(f"objekt {number}: {raw!r}")
            continue
        if shape.shapeType == shapefile.NULL or not shape.points:
            raise FetchError(f"objekt {number} (do_kod {code}) i {shp_name}.shp saknar geometri. Inget har skrivits.")
        name = props.get(name_field) if name_field else None
        records.append((code, str(name).strip() if name is not None else None, shape.__geo_interface__))
    if bad_codes:
        raise FetchError(
            f"Fältet {code_field} ska innehålla femsiffriga delområdeskoder; {len(bad_codes)} gör det inte: "
            f"{'; '.join(bad_codes[:10])}. Inget har skrivits."
        )
    if not records:
        raise FetchError(f"{shp_name}.shp innehåller inga delområden. Inget har skrivits.")
    return _Layer(records, code_field, name_field, notes)


def _read_rows(shp: bytes | None, shx: bytes | None, dbf: bytes, encoding: str):
    if shp is None:
        raise FetchError("Zip-filen saknar .shp-filen med geometrin. Inget har skrivits.")
    reader = shapefile.Reader(
        shp=io.BytesIO(shp), shx=io.BytesIO(shx) if shx else None, dbf=io.BytesIO(dbf), encoding=encoding
    )
    try:
        names = [f.name for f in reader.fields[1:]]
        pairs = [(sr.shape, sr.record.as_dict()) for sr in reader.iterShapeRecords()]
        return names, reader.shapeType, pairs
    finally:
        reader.close()


# ------------------------------------------------------------------------------ building the file


def to_wgs84(geometry: dict, transformer: pyproj.Transformer) -> dict:
    """A GeoJSON Polygon or MultiPolygon in EPSG:3008 as WGS84 lon/lat, rounded to DECIMALS."""

    def ring(points: list) -> list:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        lons, lats = transformer.transform(xs, ys)
        return [[round(lon, DECIMALS), round(lat, DECIMALS)] for lon, lat in zip(lons, lats, strict=True)]

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r) for r in geometry["coordinates"]]}
    if geometry["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[ring(r) for r in poly] for poly in geometry["coordinates"]]}
    raise FetchError(f"oväntad geometrityp {geometry['type']}")


def to_collection(layer: _Layer, membership: pd.DataFrame) -> dict:
    """The delområden as a WGS84 FeatureCollection with do_kod and delomrade."""
    names = dict(zip(membership["delomrade_kod"].astype(str), membership["delomrade"], strict=True))
    transformer = pyproj.Transformer.from_crs(SOURCE_CRS, "EPSG:4326", always_xy=True)
    features = []
    for code, name, geometry in layer.records:
        features.append(
            {
                "type": "Feature",
                "properties": {"do_kod": code, "delomrade": name or names.get(code, "")},
                "geometry": to_wgs84(geometry, transformer),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def check_codes(collection: dict, membership: pd.DataFrame) -> None:
    """Every code in the file is a delområde of the store, and every delområde of the store is in the file."""
    known = set(membership["delomrade_kod"].astype(str))
    found = [f["properties"]["do_kod"] for f in collection["features"]]
    unknown = sorted(set(found) - known)
    missing = sorted(known - set(found))
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(f"{len(unknown)} koder finns inte i områdesindelningen: {', '.join(unknown[:20])}")
        if missing:
            parts.append(
                f"{len(missing)} av områdesindelningens {len(known)} delområden saknas: {', '.join(missing[:20])}"
            )
        raise FetchError(
            "Delområdena stämmer inte med områdesindelningen i data/seed/ (omraden.csv): "
            + "; ".join(parts)
            + ". Skiktet och indelningen har olika årgång: uppdatera indelningen eller skiktet. Inget har skrivits."
        )


def check_bounds(collection: dict) -> None:
    """All coordinates lie around Malmö: otherwise the layer is in another coordinate system than it says."""
    west, south, east, north = MALMO_BOUNDS
    for feature in collection["features"]:
        minx, miny, maxx, maxy = shapely.geometry.shape(feature["geometry"]).bounds
        if minx < west or maxx > east or miny < south or maxy > north:
            raise FetchError(
                f"Delområde {feature['properties']['do_kod']} hamnar utanför Malmö efter omräkning till WGS84 "
                f"(lon {minx:.3f}–{maxx:.3f}, lat {miny:.3f}–{maxy:.3f}): filen är troligen i ett annat "
                "koordinatsystem än SWEREF99 13 30. Inget har skrivits."
            )


def _write_json(path: Path, data: dict) -> None:
    with path.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())


def meta_path_for(out: Path) -> Path:
    """`delomraden.geojson` → `delomraden.meta.json`, beside it."""
    return out.with_name(f"{out.stem}.meta.json")


def fetch(
    url: str = DEFAULT_URL,
    out: Path | None = None,
    membership: pd.DataFrame | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> Result:
    """Download, check and write the delområden; FetchError (in Swedish) if anything is wrong.

    Nothing is written unless every step succeeds, and then both files are replaced atomically.
    """
    out = Path(out) if out is not None else geo.DOWNLOADED
    data, content_type = download(url, timeout)
    sha256 = hashlib.sha256(data).hexdigest()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        start = data[:60].decode("utf-8", "replace").replace("\n", " ").strip()
        raise FetchError(
            f"Svaret från {url} är ingen zip-fil (Content-Type {content_type or 'saknas'}, {len(data)} byte, "
            f"börjar med {start!r}). Väntade det zippade skiktet {LAYER}. Inget har skrivits."
        )
    layer = read_layer(data)
    if membership is None:
        membership = store_membership()
    collection = to_collection(layer, membership)
    check_codes(collection, membership)
    check_bounds(collection)
    meta = {
        "source_url": url,
        "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sha256": sha256,
        "bytes": len(data),
        "features": len(collection["features"]),
        "layer": LAYER,
        "source_crs": "EPSG:3008 (SWEREF99 13 30)",
        "code_field": layer.code_field,
        "name_field": layer.name_field,
        "attribution": ATTRIBUTION,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    meta_out = meta_path_for(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp_meta = meta_out.with_name(f".{meta_out.name}.{os.getpid()}.tmp")
    try:
        _write_json(tmp, collection)
        areas = _verify(tmp, membership)
        meta["areas"] = areas
        _write_json(tmp_meta, meta)
        os.replace(tmp, out)
        os.replace(tmp_meta, meta_out)
    finally:
        tmp.unlink(missing_ok=True)
        tmp_meta.unlink(missing_ok=True)
    return Result(out, meta_out, meta["features"], areas, sha256, layer.code_field, layer.name_field, layer.notes)


def _verify(path: Path, membership: pd.DataFrame) -> int:
    """Read the file back the way the app does and dissolve it into the areas; their number."""
    try:
        found = geo.load_boundaries(membership, configured=None, downloaded=path)
    except geo.BoundaryFileError as exc:
        raise FetchError(
            f"Den nedladdade filen går inte att använda för kartorna: {exc}. Inget har skrivits."
        ) from None
    except shapely.errors.GEOSException as exc:
        raise FetchError(f"Ogiltig geometri i skiktet ({exc}). Inget har skrivits.") from None
    if found.source != "downloaded":
        raise FetchError(f"Kontrolläsningen av {path} misslyckades. Inget har skrivits.")
    return len(found.geojson["features"])


def store_membership() -> pd.DataFrame:
    """Delområde → område from the seed data, built in memory (the store file is left alone)."""
    con = store.connect(None)
    try:
        store.build(con)
        return store.run_query(con, "omraden_membership")
    finally:
        con.close()
