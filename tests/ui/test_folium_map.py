"""The maps drawn once per distinct map (lokalutveckling.ui.folium_map): the component gets exactly what
`st_folium` gives it for the same map, every input that changes the map makes a new one, and a rerun of
Karta with the same map compiles no template. Clicks on the drawn map: tests/e2e/test_browser.py."""

from __future__ import annotations

import itertools
import pickle
from datetime import date
from functools import partial

import branca.element
import jinja2
import pytest
import streamlit as st
import streamlit_folium
from streamlit.testing.v1 import AppTest

from lokalutveckling import assets, data, geo, maps
from lokalutveckling.paths import ROOT, SHARED_DIR
from lokalutveckling.ui import folium_map, session


@pytest.fixture(scope="module")
def boundaries(con):
    return geo.load_boundaries(data.omraden_membership(con=con), configured=SHARED_DIR / "geo" / geo.DELOMRADEN_FILE)


@pytest.fixture(scope="module")
def schematic(con):
    return geo.load_boundaries(data.omraden_membership(con=con), configured=None, downloaded=ROOT / "missing.geojson")


@pytest.fixture(scope="module")
def presence(con):
    return data.presence(date(2025, 6, 30), con=con)


@pytest.fixture(scope="module")
def police(con):
    return data.utsatta_omraden(con=con)


@pytest.fixture(scope="module")
def indicator(con):
    values = data.indicator_values("forvarvsfrekvens", 2024, con=con)
    return maps.IndicatorLayer(values, "Förvärvsfrekvens 20–64 år", "procent", 2024, True, 71.5)


@pytest.fixture()
def component(monkeypatch):
    """streamlit_folium's component, replaced by a recorder of what it is given; element ids numbered in
    order (folium draws them at random), so two renderings of the same map are the same text."""
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs))
    counter = itertools.count()
    monkeypatch.setattr(branca.element.Element, "_generate_id", classmethod(lambda cls: f"{next(counter):032x}"))

    def restart() -> None:
        nonlocal counter
        counter = itertools.count()

    st.cache_resource.clear()
    yield calls, restart
    st.cache_resource.clear()


def both(component, build: partial, **options) -> tuple[dict, dict]:
    """What st_folium gives the component for build()'s map, and what folium_map.show gives it."""
    calls, restart = component
    restart()
    streamlit_folium.st_folium(build(), use_container_width=True, **options)
    restart()
    folium_map.show(build, **options)
    return calls[-2], calls[-1]


def variants(boundaries, schematic, presence, police, indicator) -> dict[str, partial]:
    real = {"delomraden": boundaries.delomraden, "police": police}
    return {
        "team, sv": partial(maps.presence_map, boundaries.geojson, presence, **real),
        "team, en, basemap": partial(maps.presence_map, boundaries.geojson, presence, lang="en", basemap=True, **real),
        "indicator, police shown": partial(
            maps.presence_map, boundaries.geojson, presence, indicator=indicator, layers=("kraft", "police"), **real
        ),
        "delomraden drawn, no layers": partial(
            maps.presence_map, boundaries.geojson, presence, show_delomraden=True, layers=(), **real
        ),
        "schematic": partial(maps.presence_map, schematic.geojson, presence, schematic=True, police=police),
        "insats, two areas": partial(maps.areas_map, boundaries.geojson, ["3", "11"], lang="sv"),
        "insats, hela staden": partial(maps.areas_map, boundaries.geojson, [], lang="en", everywhere=True),
    }


def test_the_component_gets_what_st_folium_gives_it(component, boundaries, schematic, presence, police, indicator):
    for name, build in variants(boundaries, schematic, presence, police, indicator).items():
        for options in (
            {"key": "karta", "height": 560, "returned_objects": ["last_active_drawing"]},
            {"key": "insats_karta_INS-001", "height": 320, "returned_objects": []},
        ):
            theirs, ours = both(component, build, **options)
            assert theirs.pop("on_change") is not None and ours.pop("on_change") is not None
            assert ours == theirs, name
            # The map is really in it: an area's name, and Leaflet from the app's own copy.
            assert "Nydala" in ours["script"], name
            assert ours["js_links"] == [f"{assets.LEAFLET_URL}/leaflet.js"], name


def test_a_change_on_the_map_reaches_the_callers_key_and_callback(component, monkeypatch, boundaries, presence):
    calls, _ = component
    state = {}
    monkeypatch.setattr(session, "get", lambda key, default=None: state.get(key, default))
    monkeypatch.setattr(session, "put", state.__setitem__)
    clicked = []
    folium_map.show(
        partial(maps.areas_map, boundaries.geojson, ["3"]),
        key="kartan",
        height=320,
        on_change=lambda: clicked.append(state["kartan"]),
    )
    drawing = {"last_active_drawing": {"properties": {"omrade_kod": "3"}}}
    state[calls[-1]["key"]] = drawing  # Streamlit keeps the component's value under its own key
    calls[-1]["on_change"]()
    assert state["kartan"] == drawing and clicked == [drawing]


def test_every_input_that_changes_the_map_makes_a_new_one(
    component, monkeypatch, boundaries, presence, police, indicator
):
    calls, _ = component
    compiled = Compilations(monkeypatch)
    base = {"delomraden": boundaries.delomraden, "police": police}
    flipped = presence.assign(har_team=presence["har_team"] ^ (presence["omrade_kod"] == "3"))
    other_values = indicator.values.assign(varde=indicator.values["varde"] + 1)
    maps_ = [
        partial(maps.presence_map, boundaries.geojson, presence, **base),
        partial(maps.presence_map, boundaries.geojson, flipped, **base),  # the data (a write, another year)
        partial(maps.presence_map, boundaries.geojson, presence, lang="en", **base),
        partial(maps.presence_map, boundaries.geojson, presence, layers=("kraft", "police"), **base),
        partial(maps.presence_map, boundaries.geojson, presence, indicator=indicator, **base),
        partial(
            maps.presence_map,
            boundaries.geojson,
            presence,
            indicator=maps.IndicatorLayer(other_values, indicator.name, indicator.unit, 2024, True, 71.5),
            **base,
        ),
        partial(maps.presence_map, boundaries.geojson, presence, basemap=True, **base),
        partial(maps.presence_map, boundaries.geojson, presence, show_delomraden=True, **base),
    ]
    scripts = []
    for build in maps_:
        assert compiled.during(lambda build=build: folium_map.show(build, key="karta", height=560)) > 50
        scripts.append(calls[-1]["script"])
    assert len(set(scripts)) == len(maps_)
    assert len({c["key"] for c in calls}) == len(maps_)  # each a new component in the browser
    # The same inputs again as a cached query gives them (unpickled; the frame pickles differently then).
    again = pickle.loads(pickle.dumps((boundaries.geojson, presence, base)))
    assert pickle.dumps(again[1]) != pickle.dumps(presence)
    same = partial(maps.presence_map, again[0], again[1], **again[2])
    assert compiled.during(lambda: folium_map.show(same, key="karta", height=560)) == 0  # kept, not rendered
    assert calls[-1]["script"] == scripts[0] and calls[-1]["key"] == calls[0]["key"]


class Compilations:
    """Counts Jinja templates compiled from source (folium's and branca's templates all are)."""

    def __init__(self, monkeypatch) -> None:
        self.count = 0
        compile_ = jinja2.Environment.compile

        def counted(env, *args, **kwargs):
            self.count += 1
            return compile_(env, *args, **kwargs)

        monkeypatch.setattr(jinja2.Environment, "compile", counted)

    def during(self, run) -> int:
        before = self.count
        run()
        return self.count - before


def test_a_rerun_of_karta_with_the_same_map_compiles_no_template(db_file, monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(SHARED_DIR / "geo"))
    st.cache_data.clear()
    st.cache_resource.clear()
    compiled = Compilations(monkeypatch)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["karta_ar"] = "2020"
    at.run()
    at.switch_page("pages/karta.py")
    assert compiled.during(at.run) > 50  # the first drawing renders the map: the counter sees folium work
    assert not at.exception, [e.value for e in at.exception]
    assert compiled.during(at.run) == 0
    assert compiled.during(at.run) == 0
    at.toggle(key="karta_osm").set_value(True)  # the basemap: another map, rendered once
    assert compiled.during(at.run) > 50
    assert compiled.during(at.run) == 0
    at.toggle(key="karta_osm").set_value(False)  # back to the first map: still kept
    assert compiled.during(at.run) == 0
    assert not at.exception, [e.value for e in at.exception]
    st.cache_data.clear()
