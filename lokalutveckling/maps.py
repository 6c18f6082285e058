"""Pure map builders: boundaries and figures in, a folium Map out. No Streamlit, no data access.

Maps carry no asset from the internet: Leaflet's script and style are the app's own copies
(lokalutveckling.assets), and the OpenStreetMap basemap is optional; without it the areas are
drawn on a plain background.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from dataclasses import dataclass
from html import escape

import folium
import pandas as pd
import shapely.geometry
from folium.template import Template
from shapely.ops import polylabel

from lokalutveckling import geo
from lokalutveckling.assets import LEAFLET_URL
from lokalutveckling.format import fmt_int, fmt_kr, fmt_number
from lokalutveckling.i18n import t

TEAM_COLOUR = "#0072B2"
NO_TEAM_COLOUR = "#D9DEE3"
KRAFT_COLOUR = "#D55E00"
POLICE_COLOUR = "#1F2933"
DELOMRADE_COLOUR = "#5A6B7B"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"


# Five classes, light to dark (ColorBrewer PuBu, colour-blind safe); darker always means more need.
CLASS_COLOURS = ["#F1EEF6", "#BDC9E1", "#74A9CF", "#2B8CBE", "#045A8D"]
MISSING_COLOUR = "#FFFFFF"


@dataclass(frozen=True)
class IndicatorLayer:
    """An indicator for one year: values per area (omrade_kod, varde), its name, unit and direction."""

    values: pd.DataFrame
    name: str
    unit: str
    year: int
    higher_is_better: bool | None
    city_value: float | None
    indikator_kod: str | None = None  # the indicator's code; None for a layer that is no indicator (kronor)


def indicator_classes(values: pd.Series, higher_is_better: bool | None, k: int = 5) -> pd.Series:
    """A quantile class 0..k-1 per value with equally many areas in each (areas with the same value share
    a class), 0 = least need; nulls stay null.

    Darker must mean more need: when higher is better, high values get low classes.
    """
    present = values.dropna()
    if present.empty:
        return pd.Series(pd.NA, index=values.index, dtype="Int64")
    codes = pd.qcut(present.rank(method="first"), q=min(k, len(present)), labels=False)
    # Equal values in one class (the lowest their ranks reach): the same value never gets two colours.
    classes = pd.Series(codes.astype(int), index=present.index).groupby(present).transform("min")
    if higher_is_better:
        classes = classes.max() - classes
    return classes.reindex(values.index).astype("Int64")


def class_ranges(values: pd.Series, classes: pd.Series) -> list[tuple[int, float, float]]:
    """For the legend: (class, lowest value, highest value) for every class in use, in class order."""
    frame = pd.DataFrame({"varde": values, "klass": classes}).dropna()
    grouped = frame.groupby("klass")["varde"].agg(["min", "max"])
    return [(int(c), float(r["min"]), float(r["max"])) for c, r in grouped.iterrows()]


def _indicator_layer(features: dict, layer: IndicatorLayer, lang: str) -> folium.FeatureGroup:
    """Areas coloured by the indicator's quantile class, with value and city value in the tooltip."""
    values = layer.values.set_index("omrade_kod")["varde"]
    classes = indicator_classes(values, layer.higher_is_better)
    # The kronor layer also says how much and how many insatser, not only the amount per inhabitant.
    money = {"kronor", "n_insatser"} <= set(layer.values.columns)
    colouring = copy.deepcopy(features)
    city = fmt_number(layer.city_value, lang) if layer.city_value is not None else "–"
    for feature in colouring["features"]:
        props = feature["properties"]
        code = props["omrade_kod"]
        value = values.get(code)
        present = value is not None and pd.notna(value)
        props["klass"] = int(classes[code]) if present else -1
        props["varde_text"] = f"{fmt_number(value, lang)} {escape(layer.unit)}" if present else t("map_missing", lang)
        props["stad_text"] = f"{city} {escape(layer.unit)}"
        if money:
            row = layer.values.set_index("omrade_kod").loc[code] if code in values.index else None
            props["kronor_text"] = fmt_kr(row["kronor"] if row is not None else 0, lang)
            props["antal_text"] = fmt_int(row["n_insatser"] if row is not None else 0, lang)
    group = folium.FeatureGroup(name=escape(f"{layer.name} {layer.year}"), overlay=False, show=True)
    folium.GeoJson(
        colouring,
        style_function=lambda f: {
            "fillColor": CLASS_COLOURS[f["properties"]["klass"]] if f["properties"]["klass"] >= 0 else MISSING_COLOUR,
            "fillOpacity": 0.8,
            "color": "#5A6B7B",
            "weight": 1,
            "dashArray": None if f["properties"]["klass"] >= 0 else "4 4",
        },
        highlight_function=lambda f: {"weight": 3, "color": "#1F2933"},
        tooltip=folium.GeoJsonTooltip(
            fields=["namn", "varde_text", "stad_text"] + (["kronor_text", "antal_text"] if money else []),
            aliases=[t("map_area", lang), escape(layer.name), t("map_city_value", lang)]
            + ([t("col_kronor", lang), t("col_n_insatser", lang)] if money else []),
            sticky=True,
        ),
    ).add_to(group)
    return group


def _local_assets(m: folium.Map) -> folium.Map:
    """Replace folium's CDN scripts and styles by the app's own Leaflet (nothing else is used)."""
    m.default_js = [("leaflet", f"{LEAFLET_URL}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{LEAFLET_URL}/leaflet.css")]
    return m


class MetricScale(folium.MacroElement):
    """Leaflet's scale bar in metres and kilometres only (folium's own also shows miles and feet)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


def presence_map(
    geojson: dict,
    presence: pd.DataFrame,
    *,
    lang: str = "sv",
    basemap: bool = False,
    schematic: bool = False,
    indicator: IndicatorLayer | None = None,
    police: pd.DataFrame | None = None,
    delomraden: dict | None = None,
    show_delomraden: bool = False,
    layers: Collection[str] = ("kraft",),
) -> folium.Map:
    """The 14 areas coloured by områdesteam coverage, kraftsamlande areas outlined, with tooltips.

    `geojson` has features with properties omrade_kod and namn; `presence` has omrade_kod, har_team,
    team_start and kraftsamlande (one row per area). Text from the data is escaped for the tooltip.
    `police` (see `police_groups`) adds the police's utsatta områden as outlines of their delområden,
    or as markers on their areas when `delomraden` is None (schematic map or a 14-area file);
    `show_delomraden` draws the delområden's borders (a bigger map: about 0,1 MiB more).
    """
    status = presence.set_index("omrade_kod")
    features = copy.deepcopy(geojson)
    for feature in features["features"]:
        props = feature["properties"]
        row = status.loc[props["omrade_kod"]] if props["omrade_kod"] in status.index else None
        has_team = bool(row is not None and row["har_team"])
        start = row["team_start"] if row is not None else None
        props["namn"] = escape(str(props["namn"]))
        props["har_team"] = has_team
        props["kraftsamlande"] = bool(row is not None and row["kraftsamlande"])
        props["team_text"] = (
            t("map_team_since", lang, datum=pd.Timestamp(start).date().isoformat())
            if has_team
            else t("map_no_team", lang)
        )
        props["kraft_text"] = t("map_kraft_yes", lang) if props["kraftsamlande"] else t("map_kraft_no", lang)
    m = _local_assets(folium.Map(tiles=None, zoom_control=True, zoom_snap=0.25))
    if not schematic:
        MetricScale().add_to(m)
    if basemap:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=18).add_to(m)
    team_layer = folium.FeatureGroup(name=t("map_layer_team", lang), overlay=False, show=indicator is None)
    folium.GeoJson(
        features,
        name=t("map_layer_team", lang),
        style_function=lambda f: {
            "fillColor": TEAM_COLOUR if f["properties"]["har_team"] else NO_TEAM_COLOUR,
            "fillOpacity": 0.55,
            "color": "#FFFFFF",
            "weight": 1.5,
        },
        highlight_function=lambda f: {"weight": 3, "color": "#1F2933"},
        tooltip=folium.GeoJsonTooltip(
            fields=["namn", "team_text", "kraft_text"],
            aliases=[t("map_area", lang), t("map_layer_team", lang), t("map_layer_kraft", lang)],
            sticky=True,
        ),
    ).add_to(team_layer)
    team_layer.add_to(m)
    if indicator is not None:
        _indicator_layer(features, indicator, lang).add_to(m)
    kraft = {
        "type": "FeatureCollection",
        "features": [f for f in features["features"] if f["properties"]["kraftsamlande"]],
    }
    kraft_layer = folium.FeatureGroup(name=t("map_layer_kraft", lang), show="kraft" in layers)
    if kraft["features"]:
        folium.GeoJson(
            kraft,
            style_function=lambda f: {"fill": False, "color": KRAFT_COLOUR, "weight": 4, "dashArray": "8 5"},
            interactive=False,
        ).add_to(kraft_layer)
    kraft_layer.add_to(m)
    if show_delomraden and delomraden is not None:
        _delomraden_layer(delomraden, lang).add_to(m)
    if police is not None and not police.empty:
        police_layer = _police_layer(police, features, delomraden, lang)
        police_layer.show = "police" in layers
        police_layer.add_to(m)
    _tile_labels(features, m)  # every map names its areas (issue 11: "the map has no area names")
    # No layer control inside the map: the page chooses the overlays (`layers`: "kraft", "police") with
    # controls that the link keeps, which a click in Leaflet's own list could not.
    bounds = _bounds(geojson)
    if bounds:
        m.fit_bounds(bounds)
    return m


def _bounds(geojson: dict) -> list[list[float]] | None:
    """South-west and north-east corners of all coordinates, as Leaflet wants them ([lat, lon])."""
    lons: list[float] = []
    lats: list[float] = []

    def walk(coords: object) -> None:
        if isinstance(coords, list | tuple) and coords and isinstance(coords[0], int | float):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        elif isinstance(coords, list | tuple):
            for c in coords:
                walk(c)

    for feature in geojson["features"]:
        walk(feature["geometry"]["coordinates"])
    if not lons:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def label_point(geometry: dict) -> tuple[float, float]:
    """Where an area's name goes ([lat, lon]): the point inside its largest part farthest from its edges
    (so a bent or hollow area gets its name on itself, not beside it)."""
    shape = shapely.geometry.shape(geometry)
    if shape.geom_type == "MultiPolygon":
        shape = max(shape.geoms, key=lambda g: g.area)
    point = polylabel(shape, tolerance=0.0005) if shape.geom_type == "Polygon" else shape.representative_point()
    return point.y, point.x


# Names read at a distance: dark, semi-bold, with a white halo that keeps them legible over any fill.
LABEL_STYLE = (
    "font: 600 14px/1.15 system-ui, sans-serif; color: #1F2933; text-align: center; pointer-events: none; "
    "text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 1px 1px 0 #fff, -1px -1px 0 #fff, "
    "1px -1px 0 #fff, -1px 1px 0 #fff; display: flex; align-items: center; justify-content: center; "
    "width: 100%; height: 100%"
)


def _tile_labels(features: dict, m: folium.Map) -> None:
    """Each area's short name (before its first comma) on the area itself (names are already escaped);
    straight on the map, not in a layer: names stay whichever layers are shown."""
    for feature in features["features"]:
        short = feature["properties"]["namn"].split(",")[0]
        html = f'<div class="omrade-etikett" style="{LABEL_STYLE}">{short}</div>'
        folium.Marker(
            label_point(feature["geometry"]),
            icon=folium.DivIcon(html=html, icon_size=(130, 36), icon_anchor=(65, 18)),
            interactive=False,
        ).add_to(m)


def police_groups(police: pd.DataFrame) -> list[dict]:
    """One entry per police area: id, name, category, year, its delområden and areas, the approximation."""
    groups = []
    for utsatt_id, rows in police.groupby("utsatt_id", sort=False):
        first = rows.iloc[0]
        groups.append(
            {
                "utsatt_id": utsatt_id,
                "namn": str(first["namn"]),
                "kategori": str(first["kategori"]),
                "ar": int(first["ar"]),
                "delomrade_kod": [str(c) for c in rows["delomrade_kod"]],
                "delomraden": [str(d).capitalize() for d in rows["delomrade"]],
                "omrade_kod": list(dict.fromkeys(str(c) for c in rows["omrade_kod"])),
                "avgransning": str(first["avgransning"]),
                "kalla": str(first["kalla_titel"]),
            }
        )
    return groups


def _police_text(group: dict, lang: str) -> str:
    """Tooltip HTML for a police area: every piece of text from the data escaped."""
    category = t("police_special" if group["kategori"] == "särskilt utsatt" else "police_vulnerable", lang)
    return (
        f"<b>{escape(group['namn'])}</b><br>{escape(category)} ({t('police_source_short', lang)} {group['ar']})"
        f"<br>{escape(group['avgransning'])}"
    )


def _police_layer(police: pd.DataFrame, areas: dict, delomraden: dict | None, lang: str) -> folium.FeatureGroup:
    """The police's areas: outlines of their delområden, or markers on their areas without delområden."""
    layer = folium.FeatureGroup(name=t("map_layer_police", lang), show=False)
    centres = {f["properties"]["omrade_kod"]: _bounds({"features": [f]}) for f in areas["features"]}
    placed: dict[str, int] = {}
    for group in police_groups(police):
        text = _police_text(group, lang)
        special = group["kategori"] == "särskilt utsatt"
        geometry = geo.union_of(delomraden, group["delomrade_kod"]) if delomraden is not None else None
        if geometry is not None:
            folium.GeoJson(
                {"type": "Feature", "properties": {}, "geometry": geometry},
                # Outline only: a fill would catch the clicks that open an area's profile.
                style_function=lambda f, special=special: {
                    "fill": False,
                    "color": POLICE_COLOUR,
                    "weight": 3 if special else 2,
                    "dashArray": None if special else "2 4",
                },
                tooltip=folium.Tooltip(text, sticky=True),
            ).add_to(layer)
            continue
        code = group["omrade_kod"][0]
        if centres.get(code) is None:
            continue
        (south, west), (north, east) = centres[code]
        shift = placed.get(code, 0)
        placed[code] = shift + 1
        folium.CircleMarker(
            [(south + north) / 2 - 0.004 * (shift + 1), (west + east) / 2],
            radius=7,
            color=POLICE_COLOUR,
            weight=2,
            fill=True,
            fill_color="#FFFFFF" if not special else POLICE_COLOUR,
            fill_opacity=1.0,
            tooltip=folium.Tooltip(text, sticky=True),
        ).add_to(layer)
    return layer


def _delomraden_layer(delomraden: dict, lang: str) -> folium.FeatureGroup:
    """The 136 delområden's borders, thin, with name and area in the tooltip."""
    shown = copy.deepcopy(delomraden)
    for feature in shown["features"]:
        props = feature["properties"]
        props["delomrade"] = escape(str(props["delomrade"]).capitalize())
        props["namn"] = escape(str(props["namn"]))
    layer = folium.FeatureGroup(name=t("map_layer_delomraden", lang), show=True)
    folium.GeoJson(
        shown,
        style_function=lambda f: {"fill": True, "fillOpacity": 0.0, "color": DELOMRADE_COLOUR, "weight": 0.7},
        highlight_function=lambda f: {"weight": 2.5, "color": "#1F2933"},
        tooltip=folium.GeoJsonTooltip(
            fields=["delomrade", "namn"], aliases=[t("map_delomrade", lang), t("map_area", lang)], sticky=True
        ),
    ).add_to(layer)
    return layer


def areas_map(geojson: dict, codes: list[str], *, lang: str = "sv", everywhere: bool = False) -> folium.Map:
    """A small map with the given areas filled (all of them for hela staden) and the rest in grey."""
    marked = set(codes)
    shown = copy.deepcopy(geojson)
    for feature in shown["features"]:
        props = feature["properties"]
        props["namn"] = escape(str(props["namn"]))
        props["med"] = everywhere or props["omrade_kod"] in marked
    m = _local_assets(folium.Map(tiles=None, control_scale=False, zoom_control=False, zoom_snap=0.25))
    folium.GeoJson(
        shown,
        style_function=lambda f: {
            "fillColor": TEAM_COLOUR if f["properties"]["med"] else NO_TEAM_COLOUR,
            "fillOpacity": 0.7,
            "color": "#FFFFFF",
            "weight": 1,
        },
        tooltip=folium.GeoJsonTooltip(fields=["namn"], aliases=[t("map_area", lang)], sticky=True),
    ).add_to(m)
    bounds = _bounds(geojson)
    if bounds:
        m.fit_bounds(bounds)
    return m
