"""A folium map in the page, rendered once per distinct map and then only sent again.

Rendering a folium map compiles a Jinja template for each of its elements (branca's `Element` makes a
template of every rendered piece), and `st_folium` renders the map twice on every call: about 160
compilations and most of Karta's rerun. Here the map's builder with its arguments (a
`functools.partial`, pickled into a fingerprint, so any change of data, language, layers, colouring or
basemap is a new map) keys a process-wide cache of what streamlit_folium's component receives; a rerun
with the same map builds and renders nothing.

streamlit_folium has no public way to render a map once and draw it many times (`st_folium` renders on
every call), so this module uses its component and its rendering helpers by their private names, in this
one place; tests/ui/test_folium_map.py checks against the installed streamlit_folium that the component
gets exactly what `st_folium` gives it for the same map.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections.abc import Callable, Iterable, Iterator
from functools import partial

import branca
import folium
import folium.elements
import pandas as pd
import streamlit as st
import streamlit_folium

from lokalutveckling.ui import session


@dataclasses.dataclass(frozen=True)
class Rendered:
    """What streamlit_folium's component is given for one map, as `st_folium` computes it."""

    script: str
    header: str
    html: str
    map_id: str
    bounds: tuple[tuple[float | None, float | None], tuple[float | None, float | None]]
    zoom: object
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    component_key: str  # st_folium's key for the component: its map's script with the ids taken out, and `key`


def show(
    build: partial[folium.Map],
    *,
    key: str,
    height: int,
    returned_objects: Iterable[str] | None = None,
    on_change: Callable[[], None] | None = None,
) -> object:
    """Draw `build()`'s map as `st_folium(map, key=key, height=height, use_container_width=True,
    returned_objects=returned_objects, on_change=on_change)` does, building and rendering it only the first
    time this builder is given these arguments. Returns the map's value (st_folium's returned objects)."""
    rendered = _rendered(fingerprint(build), key, build)
    chosen = None if returned_objects is None else list(returned_objects)

    def changed() -> None:  # st_folium's own on_change: the value under `key` too, then the caller's
        session.put(key, session.get(rendered.component_key, {}))
        if on_change is not None:
            on_change()

    return streamlit_folium._component_func(
        script=rendered.script,
        header=rendered.header,
        html=rendered.html,
        id=rendered.map_id,
        key=rendered.component_key,
        height=height,
        width=None,
        returned_objects=chosen,
        default=_defaults(rendered, chosen),
        zoom=None,
        center=None,
        feature_group=None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(rendered.css_links),
        js_links=list(rendered.js_links),
        on_change=changed,
        wrap_longitude=False,
    )


def fingerprint(build: partial[folium.Map]) -> str:
    """The builder and its arguments as one digest: the same digest, the same map."""
    arguments = (build.func, [_canonical(a) for a in build.args], {k: _canonical(v) for k, v in build.keywords.items()})
    return hashlib.sha256(pickle.dumps(arguments, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


def _canonical(value: object) -> object:
    """A data frame (also one in a dataclass, such as maps.IndicatorLayer) as its columns, types, index and
    values: two equal frames can pickle differently (a query's first result and its cached copy do).
    Anything else pickles as it is (at worst a map built once more, never a wrong one: equal pickles are
    equal values)."""
    if isinstance(value, pd.DataFrame):
        columns = [value.iloc[:, i].tolist() for i in range(value.shape[1])]
        return "DataFrame", list(value.columns), list(map(str, value.dtypes)), value.index.tolist(), columns
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type(value), [_canonical(getattr(value, f.name)) for f in dataclasses.fields(value)]
    return value


@st.cache_resource(show_spinner=False, max_entries=32)
def _rendered(fingerprint: str, key: str, _build: partial[folium.Map]) -> Rendered:
    """Build the map and render it once, as `st_folium` does before it calls the component (in the same
    order: the rendering helpers change ids in the map)."""
    m = _build()
    m.get_root().render()
    m.render()
    html = streamlit_folium._get_html(m)
    header = streamlit_folium._get_header(m)
    script = streamlit_folium._get_map_string(m)
    (south, west), (north, east) = m.get_bounds()
    links = list(_with_links(m))
    return Rendered(
        script=script,
        header=header,
        html=html,
        map_id=streamlit_folium.get_full_id(m),
        bounds=((south, west), (north, east)),
        zoom=m.options.get("zoom"),
        css_links=tuple(dict.fromkeys(href for e in links for _, href in getattr(e, "default_css", []))),
        js_links=tuple(dict.fromkeys(src for e in links for _, src in getattr(e, "default_js", []))),
        component_key=streamlit_folium.generate_js_hash(script, key, False),
    )


def _with_links(element: branca.element.Element) -> Iterator[branca.element.Element]:
    """The map's elements that bring scripts or styles, in st_folium's order (the app's maps have no
    colormap, whose d3 st_folium would add from the internet)."""
    if isinstance(element, branca.colormap.ColorMap):
        raise ValueError("a colormap would load d3 from the internet")
    if isinstance(element, folium.elements.JSCSSMixin):
        yield element
    for child in element._children.values():
        yield from _with_links(child)


def _defaults(rendered: Rendered, returned_objects: list[str] | None) -> dict:
    """The component's value before the first interaction, as st_folium gives it."""
    (south, west), (north, east) = rendered.bounds
    everything = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}},
        "zoom": rendered.zoom,
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }
    return {k: v for k, v in everything.items() if returned_objects is None or k in returned_objects}
