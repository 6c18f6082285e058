"""Boundaries: each source in order, the dissolve of 136 delområden into 14 areas, and payload size."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from lokalutveckling import data, geo
from lokalutveckling.paths import SHARED_DIR

DELOMRADEN = SHARED_DIR / "geo" / geo.DELOMRADEN_FILE
MISSING = Path("/nonexistent/delomraden.geojson")


@pytest.fixture(scope="module")
def membership(con):
    return data.omraden_membership(con=con)


def shapes(collection: dict) -> dict[str, shapely.Geometry]:
    return {f["properties"]["omrade_kod"]: shape(f["geometry"]) for f in collection["features"]}


def test_membership_is_136_delomraden_in_14_areas(membership):
    assert len(membership) == 136
    assert membership["omrade_kod"].nunique() == 14


def test_configured_file_comes_first(membership, tmp_path):
    downloaded = tmp_path / "copy.geojson"
    downloaded.write_text(json.dumps(geo.schematic_map(membership)), encoding="utf-8")
    found = geo.load_boundaries(membership, configured=DELOMRADEN, downloaded=downloaded)
    assert (found.source, found.origin, found.schematic) == ("configured", str(DELOMRADEN), False)
    assert len(found.geojson["features"]) == 14


def test_downloaded_copy_when_nothing_is_configured(membership, tmp_path):
    downloaded = tmp_path / "delomraden.geojson"
    downloaded.write_bytes(DELOMRADEN.read_bytes())
    found = geo.load_boundaries(membership, configured=None, downloaded=downloaded)
    assert found.source == "downloaded" and len(found.geojson["features"]) == 14


def test_schematic_map_when_there_is_no_file(membership):
    found = geo.load_boundaries(membership, configured=MISSING, downloaded=MISSING)
    assert found.schematic and found.origin == "schematisk karta"
    areas = shapes(found.geojson)
    assert sorted(areas, key=int) == [str(k) for k in range(1, 15)]
    assert all(not a.intersects(b) for a, b in combinations(areas.values(), 2))
    names = {f["properties"]["omrade_kod"]: f["properties"]["namn"] for f in found.geojson["features"]}
    assert names["12"] == "Lindängen, Almvik m fl"


def test_configured_folder_and_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(DELOMRADEN.parent))
    assert geo.configured_path() == DELOMRADEN
    monkeypatch.delenv("LOKALUTVECKLING_GEO")
    assert geo.configured_path({"geo_path": str(tmp_path / "x.geojson")}) == tmp_path / "x.geojson"
    assert geo.configured_path({}) is None


def test_exact_dissolve_has_no_gaps_and_no_overlaps(membership):
    source = geo.read_geojson(DELOMRADEN)
    areas = shapes(geo.dissolve(source, membership, tolerance=0))
    assert len(areas) == 14
    whole = shapely.union_all([shape(f["geometry"]) for f in source["features"]])
    merged = shapely.union_all(list(areas.values()))
    assert abs(merged.area - whole.area) / whole.area < 1e-9  # no gaps
    assert sum(a.area for a in areas.values()) == pytest.approx(whole.area, rel=1e-9)  # no overlaps
    for a, b in combinations(areas.values(), 2):
        assert a.intersection(b).area < whole.area * 1e-9


def test_simplified_areas_stay_close_and_small(membership):
    source = geo.read_geojson(DELOMRADEN)
    exact = shapes(geo.dissolve(source, membership, tolerance=0))
    simple = geo.dissolve(source, membership)
    for code, area in shapes(simple).items():
        assert area.symmetric_difference(exact[code]).area / exact[code].area < 0.01, code
    assert len(json.dumps(simple)) < 100 * 1024
    assert len(json.dumps(simple)) < len(DELOMRADEN.read_bytes()) / 10


def test_bad_files_say_what_is_wrong(membership, tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(geo.BoundaryFileError, match=r"broken\.geojson: kan inte läsas som GeoJSON"):
        geo.read_geojson(broken)
    unknown = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"do_kod": 99999}, "geometry": {"type": "Point", "coordinates": [13, 55.6]}}
    ]}  # fmt: skip
    with pytest.raises(geo.BoundaryFileError, match="delområde 99999 finns inte"):
        geo.dissolve(unknown, membership)
    partial = geo.read_geojson(DELOMRADEN)
    partial["features"] = [f for f in partial["features"] if str(f["properties"]["do_kod"]).startswith("1")]
    with pytest.raises(geo.BoundaryFileError, match="gränser saknas för område"):
        geo.dissolve(partial, membership)


def test_delomraden_are_kept_simplified_with_their_names(membership):
    bounds = geo.load_boundaries(membership, configured=SHARED_DIR / "geo" / geo.DELOMRADEN_FILE)
    features = bounds.delomraden["features"]
    assert len(features) == 136
    holma = next(f["properties"] for f in features if f["properties"]["do_kod"] == "25611")
    assert holma == {"do_kod": "25611", "delomrade": "HOLMA", "omrade_kod": "14", "namn": "Hyllievång, Kroksbäck m fl"}
    fourteen = geo.load_boundaries(
        membership, configured=SHARED_DIR / "geo" / "malmo_statistikomraden14_derived_wgs84.geojson"
    )
    assert fourteen.delomraden is None
    assert geo.load_boundaries(membership, configured=MISSING, downloaded=MISSING).delomraden is None
