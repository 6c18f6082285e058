"""Map builders are pure and offline: layers, tooltips, local Leaflet only, escaping, payload size."""

from __future__ import annotations

import copy
import json
from datetime import date

import folium
import pandas as pd
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
    assert "L.control.scale({imperial: false})" in html_of(maps.presence_map(schematic, presence))


def test_quantile_classes_put_need_dark():
    values = pd.Series([10.0, 20.0, 30.0, 40.0, 50.0, None], index=list("abcdef"))
    lower_better = maps.indicator_classes(values, higher_is_better=False)
    assert lower_better.tolist()[:5] == [0, 1, 2, 3, 4] and pd.isna(lower_better["f"])
    higher_better = maps.indicator_classes(values, higher_is_better=True)
    assert higher_better.tolist()[:5] == [4, 3, 2, 1, 0]
    assert maps.class_ranges(values, higher_better) == [(0, 50.0, 50.0), (1, 40.0, 40.0), (2, 30.0, 30.0),
                                                       (3, 20.0, 20.0), (4, 10.0, 10.0)]  # fmt: skip
    fourteen = pd.Series(range(14), dtype=float)
    counts = maps.indicator_classes(fourteen, higher_is_better=False).value_counts().sort_index().tolist()
    assert counts == [3, 3, 2, 3, 3]
    # Areas with the same value share a colour: 13 areas at 62,0 and one at 74,0 are two classes, not five.
    tied = pd.Series([62.0] * 13 + [74.0], index=[str(i) for i in range(1, 15)])
    classes = maps.indicator_classes(tied, higher_is_better=True)
    assert set(classes[tied == 62.0]) == {4} and classes["14"] == 0
    assert maps.class_ranges(tied, classes) == [(0, 74.0, 74.0), (4, 62.0, 62.0)]


def test_indicator_layer_is_a_second_base_layer_with_values(con, boundaries, presence):
    values = data.indicator_values("forvarvsfrekvens", 2024, con=con)
    layer = maps.IndicatorLayer(
        values, "Förvärvsfrekvens 20–64 år", "procent", 2024, True, float(values["stadens_varde"][0])
    )
    m = maps.presence_map(boundaries.geojson, presence, indicator=layer)
    groups = [c for c in m._children.values() if c.__class__.__name__ == "FeatureGroup"]
    assert [g.layer_name for g in groups] == ["Områdesteam", "Förvärvsfrekvens 20–64 år 2024", "Kraftsamlande"]
    assert [g.overlay for g in groups] == [False, False, True]
    assert [g.show for g in groups] == [False, True, True]
    geojson = next(c for c in groups[1]._children.values() if c.__class__.__name__ == "GeoJson")
    props = {f["properties"]["omrade_kod"]: f["properties"] for f in geojson.data["features"]}
    worst = values.loc[values["varde"].idxmin(), "omrade_kod"]
    assert props[worst]["klass"] == 4  # lowest employment = most need = darkest
    assert props["1"]["varde_text"].endswith(" procent") and "," in props["1"]["varde_text"]


@pytest.fixture(scope="module")
def police(con):
    return data.utsatta_omraden(con=con)


def _group(m, name):
    return next(c for c in m._children.values() if getattr(c, "layer_name", None) == name)


def test_police_areas_are_outlines_of_their_delomraden(boundaries, presence, police):
    groups = maps.police_groups(police)
    assert [(g["namn"], g["kategori"]) for g in groups] == [
        ("Nydala-Hermodsdal-Lindängen", "särskilt utsatt"),
        ("Rosengård (söder om Amiralsgatan)", "särskilt utsatt"),
        ("Holma/Kroksbäck", "utsatt"),
        ("Seved", "utsatt"),
    ]
    assert groups[0]["omrade_kod"] == ["11", "12"]
    m = maps.presence_map(boundaries.geojson, presence, police=police, delomraden=boundaries.delomraden)
    layer = _group(m, "Polisens utsatta områden")
    assert layer.show is False  # a layer to switch on, off by default
    outlines = [c for c in layer._children.values() if c.__class__.__name__ == "GeoJson"]
    assert len(outlines) == 4
    # Each outline covers exactly its delområden: Seved is drawn as all of Södra Sofielund.
    from shapely.geometry import shape

    seved = shape(outlines[3].data["features"][0]["geometry"])
    sofielund = next(f for f in boundaries.delomraden["features"] if f["properties"]["do_kod"] == "11319")
    assert seved.symmetric_difference(shape(sofielund["geometry"])).area < 1e-8
    area_9 = next(f for f in boundaries.geojson["features"] if f["properties"]["omrade_kod"] == "9")
    assert shape(area_9["geometry"]).buffer(1e-4).contains(seved)
    html = html_of(m)
    assert "Särskilt utsatt område (Polisen 2025)" in html
    assert "Ungefärlig: Seved är en del av delområdet Södra Sofielund" in html


def test_police_text_is_escaped_and_schematic_maps_get_markers(con, presence, police):
    hostile = police.assign(namn=police["namn"].where(police["utsatt_id"] != "SEVED", "<script>x</script>"))
    schematic = geo.schematic_map(data.omraden_membership(con=con))
    m = maps.presence_map(schematic, presence, police=hostile, schematic=True)
    layer = _group(m, "Polisens utsatta områden")
    markers = [c for c in layer._children.values() if c.__class__.__name__ == "CircleMarker"]
    assert len(markers) == 4
    html = html_of(m)
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_delomraden_layer_on_request_and_under_1_mib(boundaries, presence, police):
    assert len(boundaries.delomraden["features"]) == 136
    plain = html_of(maps.presence_map(boundaries.geojson, presence, delomraden=boundaries.delomraden))
    assert "Delområden" not in plain
    m = maps.presence_map(
        boundaries.geojson, presence, police=police, delomraden=boundaries.delomraden, show_delomraden=True
    )
    layer = _group(m, "Delområden")
    geojson = next(c for c in layer._children.values() if c.__class__.__name__ == "GeoJson")
    names = {f["properties"]["delomrade"] for f in geojson.data["features"]}
    assert len(names) == 136 and "Södra sofielund" in names
    size = len(html_of(m).encode())
    assert len(plain.encode()) + 50 * 1024 < size < 1024 * 1024, size  # 129 KiB when written


def test_kronor_layer_tooltip_gives_kronor_and_number_of_insatser(con, boundaries, presence):
    areas = data.insatser_by_omrade(data.ALL, con=con)
    values = areas.assign(varde=areas["kronor_per_invanare"], kalla="exempeldata")
    layer = maps.IndicatorLayer(values, "Kronor per invånare", "kr/invånare", 2024, None, 10.0)
    m = maps.presence_map(boundaries.geojson, presence, indicator=layer)
    group = _group(m, "Kronor per invånare 2024")
    geojson = next(c for c in group._children.values() if c.__class__.__name__ == "GeoJson")
    tooltip = next(c for c in geojson._children.values() if c.__class__.__name__ == "GeoJsonTooltip")
    assert tooltip.fields == ["namn", "varde_text", "stad_text", "kronor_text", "antal_text"]
    props = {f["properties"]["omrade_kod"]: f["properties"] for f in geojson.data["features"]}
    row = areas.set_index("omrade_kod").loc["10"]
    assert props["10"]["kronor_text"] == f"{round(row['kronor']):,} kr".replace(",", "\u00a0").replace(
        " kr", "\u00a0kr"
    )
    assert props["10"]["antal_text"] == str(int(row["n_insatser"]))


def test_the_page_chooses_the_overlays_and_the_map_has_no_layer_list_a_link_could_not_keep(
    boundaries, presence, police
):
    m = maps.presence_map(boundaries.geojson, presence, police=police, layers=("police",))
    shown = {c.layer_name: c.show for c in m._children.values() if isinstance(c, folium.FeatureGroup)}
    assert shown["Kraftsamlande"] is False and shown["Polisens utsatta områden"] is True
    assert not [c for c in m._children.values() if isinstance(c, folium.LayerControl)]
