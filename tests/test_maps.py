"""Map builders are pure and offline: layers, tooltips, local Leaflet only, escaping, payload size."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from lokalutveckling import assets, data, geo, maps
from lokalutveckling.paths import SHARED_DIR

CDN_HOSTS = ("cdn.jsdelivr", "cdnjs", "code.jquery", "unpkg.com", "bootstrapcdn", "d3js.org")


@pytest.fixture(scope="module")
def boundaries(con):
    membership = data.omraden_membership(con=con)
    return geo.load_boundaries(membership, configured=SHARED_DIR / "geo" / geo.DELOMRADEN_FILE)


@pytest.fixture(scope="module")
def presence(con):
    return data.presence(date(2025, 6, 30), con=con)


def html_of(m) -> str:
    return m.get_root().render()


def test_layers_tooltips_and_local_leaflet(boundaries, presence):
    before = copy.deepcopy(boundaries.geojson)
    m = maps.presence_map(boundaries.geojson, presence, lang="sv")
    assert boundaries.geojson == before
    html = html_of(m)
    assert "/app/static/leaflet/leaflet.js" in html and "/app/static/leaflet/leaflet.css" in html
    assert not any(host in html for host in CDN_HOSTS)
    assert "tile.openstreetmap.org" not in html
    groups = [c for c in m._children.values() if c.__class__.__name__ == "FeatureGroup"]
    assert [g.layer_name for g in groups] == ["Områdesteam", "Kraftsamlande"]
    team = next(c for c in groups[0]._children.values() if c.__class__.__name__ == "GeoJson")
    props = {f["properties"]["omrade_kod"]: f["properties"] for f in team.data["features"]}
    assert len(props) == 14
    assert props["10"]["team_text"] == "sedan 2019-01-01" and props["10"]["kraft_text"] == "ja"
    assert props["5"]["team_text"] == "inget"
    tooltip = next(c for c in team._children.values() if c.__class__.__name__ == "GeoJsonTooltip")
    assert tooltip.fields == ["namn", "team_text", "kraft_text"]
    kraft = next(c for c in groups[1]._children.values() if c.__class__.__name__ == "GeoJson")
    assert sorted(f["properties"]["omrade_kod"] for f in kraft.data["features"]) == ["10", "12", "14"]


def test_basemap_is_optional(boundaries, presence):
    html = html_of(maps.presence_map(boundaries.geojson, presence, basemap=True))
    assert "tile.openstreetmap.org" in html


def test_map_of_14_areas_is_under_300_kib(boundaries, presence):
    assert len(html_of(maps.presence_map(boundaries.geojson, presence)).encode()) < 300 * 1024


def test_area_names_are_escaped_in_tooltips(boundaries, presence):
    hostile = copy.deepcopy(boundaries.geojson)
    hostile["features"][0]["properties"]["namn"] = "<img src=x onerror=alert(1)>"
    html = html_of(maps.presence_map(hostile, presence))
    # Leaflet puts tooltip text into the page as HTML: the name must arrive as an escaped string.
    assert "<img src=x" not in html and "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html


def test_english_tooltips(boundaries, presence):
    m = maps.presence_map(boundaries.geojson, presence, lang="en")
    html = html_of(m)
    assert "Area team" in html and "since 2019-01-01" in json.dumps(html)


def test_leaflet_is_copied_from_the_installed_package(tmp_path):
    target = assets.install_leaflet(tmp_path)
    script = (target / "leaflet.js").read_bytes()
    assert b"Leaflet 1.9.4" in script[:400]
    assert (target / "leaflet.css").is_file() and (target / "images" / "layers.png").is_file()
    assets.install_leaflet(tmp_path)  # idempotent
    assert (target / "leaflet.js").read_bytes() == script


def test_schematic_map_labels_every_tile_and_has_no_scale(con, presence):
    schematic = geo.schematic_map(data.omraden_membership(con=con))
    html = html_of(maps.presence_map(schematic, presence, schematic=True))
    assert html.count("L.divIcon(") == 14
    assert "Lind\\u00e4ngen\\u003c/div" in html and "\\u00d6rtag\\u00e5rden\\u003c/div" in html
    assert "control.scale" not in html
    assert "control.scale" in html_of(maps.presence_map(schematic, presence))
