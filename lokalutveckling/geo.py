"""Area boundaries for the maps, from the best source at hand. Pure: no Streamlit, no store access.

In order: a boundary file named in configuration (`LOKALUTVECKLING_GEO`, a GeoJSON file or a folder
holding `malmo_delomraden_wgs84.geojson`); a copy downloaded earlier into `data/geo/` (git-ignored);
otherwise a schematic tile map of the 14 areas that the project draws itself, always labelled as such.
Delområden are dissolved into the 14 geografiska statistikområden by the membership in the store,
then simplified and rounded so that a map stays small.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import shapely
from shapely.geometry import box, mapping, shape

from lokalutveckling.paths import ROOT

DOWNLOADED = ROOT / "data" / "geo" / "delomraden.geojson"
DELOMRADEN_FILE = "malmo_delomraden_wgs84.geojson"
SIMPLIFY_DEGREES = 0.0001  # about 7 m: each area within 1 % of its exact shape, 24 KiB for all 14
GRID_DEGREES = 0.00001  # coordinates rounded to about 1 m


@dataclass(frozen=True)
class Boundaries:
    """The 14 areas as a GeoJSON FeatureCollection (properties omrade_kod, namn) and where they came from."""

    geojson: dict
    source: str  # "configured", "downloaded" or "schematic"
    origin: str  # the file read, or a description of the schematic map
    # The delområden themselves, simplified (properties do_kod, delomrade, omrade_kod, namn), when the
    # source has them: for the delområden layer and the police areas, which follow delområden.
    delomraden: dict | None = None

    @property
    def schematic(self) -> bool:
        return self.source == "schematic"


class BoundaryFileError(ValueError):
    """A boundary file that cannot be used: the message names the file and what is wrong."""


def configured_path(secrets: dict | None = None) -> Path | None:
    """The boundary file named by LOKALUTVECKLING_GEO or by `geo_path` in the app's secrets."""
    value = os.environ.get("LOKALUTVECKLING_GEO") or (secrets or {}).get("geo_path")
    if not value:
        return None
    path = Path(value)
    return path / DELOMRADEN_FILE if path.is_dir() else path


def load_boundaries(
    membership: pd.DataFrame, *, configured: Path | None = None, downloaded: Path | None = None
) -> Boundaries:
    """The 14 areas from the configured file, else the downloaded copy, else the schematic map.

    `membership` has delomrade_kod, omrade_kod and namn (one row per delområde).
    """
    for source, path in (("configured", configured), ("downloaded", downloaded or DOWNLOADED)):
        if path is not None and path.is_file():
            collection = read_geojson(path)
            return Boundaries(dissolve(collection, membership), source, str(path), delomraden(collection, membership))
    return Boundaries(schematic_map(membership), "schematic", "schematisk karta")


def read_geojson(path: Path) -> dict:
    """A GeoJSON FeatureCollection from a file, or BoundaryFileError saying what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BoundaryFileError(f"{path}: kan inte läsas som GeoJSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not data.get("features"):
        raise BoundaryFileError(f"{path}: ska vara en GeoJSON FeatureCollection med områden")
    return data


def dissolve(collection: dict, membership: pd.DataFrame, *, tolerance: float = SIMPLIFY_DEGREES) -> dict:
    """Delområden (property `do_kod`) merged into their statistikområden; 14-area files pass through.

    A file whose features carry `geso_kod` already holds the 14 areas. Geometry is simplified by
    `tolerance` degrees (0: exact) and rounded; every area in `membership` must get a shape.
    """
    names = dict(zip(membership["omrade_kod"].astype(str), membership["namn"], strict=True))
    parent = dict(zip(membership["delomrade_kod"].astype(str), membership["omrade_kod"].astype(str), strict=True))
    parts: dict[str, list] = {}
    for number, feature in enumerate(collection["features"], start=1):
        props = feature.get("properties") or {}
        if "geso_kod" in props:
            code = str(props["geso_kod"])
        elif "do_kod" in props:
            code = parent.get(str(props["do_kod"]))
            if code is None:
                raise BoundaryFileError(f"objekt {number}: delområde {props['do_kod']} finns inte i områdesindelningen")
        else:
            raise BoundaryFileError(f"objekt {number}: saknar egenskapen do_kod (delområde) eller geso_kod")
        parts.setdefault(code, []).append(shape(feature["geometry"]))
    missing = sorted(set(names) - set(parts), key=int)
    if missing:
        raise BoundaryFileError(f"gränser saknas för område {', '.join(missing)}")
    features = []
    for code in sorted(parts, key=int):
        merged = shapely.union_all(parts[code])
        if tolerance:
            merged = shapely.set_precision(merged.simplify(tolerance, preserve_topology=True), GRID_DEGREES)
        features.append(
            {
                "type": "Feature",
                "properties": {"omrade_kod": code, "namn": names.get(code, code)},
                "geometry": mapping(merged),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def delomraden(collection: dict, membership: pd.DataFrame, *, tolerance: float = SIMPLIFY_DEGREES) -> dict | None:
    """The delområden of a file, simplified and rounded, named by the store; None for a 14-area file."""
    names = dict(zip(membership["delomrade_kod"].astype(str), membership["delomrade"], strict=True))
    parent = dict(zip(membership["delomrade_kod"].astype(str), membership["omrade_kod"].astype(str), strict=True))
    area_names = dict(zip(membership["omrade_kod"].astype(str), membership["namn"], strict=False))
    features = []
    for feature in collection["features"]:
        code = str((feature.get("properties") or {}).get("do_kod", ""))
        if code not in parent:
            return None
        geometry = shape(feature["geometry"])
        if tolerance:
            geometry = shapely.set_precision(geometry.simplify(tolerance, preserve_topology=True), GRID_DEGREES)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "do_kod": code,
                    "delomrade": names[code],
                    "omrade_kod": parent[code],
                    "namn": area_names[parent[code]],
                },
                "geometry": mapping(geometry),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def union_of(delomraden: dict, codes: list[str]) -> dict | None:
    """One GeoJSON geometry covering the given delområden (for areas drawn as groups of delområden)."""
    wanted = set(codes)
    shapes = [shape(f["geometry"]) for f in delomraden["features"] if f["properties"]["do_kod"] in wanted]
    if not shapes:
        return None
    return mapping(shapely.set_precision(shapely.union_all(shapes), GRID_DEGREES))


# Rough geographic arrangement of the 14 areas (column, row from the north-west), for the schematic map.
SCHEMATIC_GRID = {
    "1": (1, 0), "2": (2, 0), "7": (0, 1), "9": (2, 1), "10": (3, 1), "3": (4, 1), "6": (0, 2),
    "8": (1, 2), "13": (2, 3), "11": (3, 2), "5": (0, 3), "14": (1, 3), "12": (3, 3), "4": (4, 3),
}  # fmt: skip
SCHEMATIC_ORIGIN = (12.93, 55.62)  # lon, lat of the north-west corner, so tiles sit over Malmö
SCHEMATIC_TILE = 0.03


def schematic_map(membership: pd.DataFrame) -> dict:
    """Equal squares in the areas' rough arrangement: no real geometry, labelled schematic by callers."""
    names = dict(zip(membership["omrade_kod"].astype(str), membership["namn"], strict=True))
    lon0, lat0 = SCHEMATIC_ORIGIN
    gap = SCHEMATIC_TILE * 0.06
    features = []
    for code in sorted(names, key=int):
        col, row = SCHEMATIC_GRID[code]
        west, north = lon0 + col * SCHEMATIC_TILE, lat0 - row * SCHEMATIC_TILE * 0.6
        square = box(west + gap, north - SCHEMATIC_TILE * 0.6 + gap, west + SCHEMATIC_TILE - gap, north - gap)
        features.append(
            {"type": "Feature", "properties": {"omrade_kod": code, "namn": names[code]}, "geometry": mapping(square)}
        )
    return {"type": "FeatureCollection", "features": features}
