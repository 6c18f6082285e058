"""Karta's map as a Plotly figure (figures.area_map): the 14 areas from the real boundaries (or the schematic
squares), coloured as Karta colours them for a date, their names on them, only trace types the app's
plotly.js has, and the latitude stretched so the areas keep their shapes."""

from __future__ import annotations

import copy
import math
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import data, figures, geo, maps, store
from lokalutveckling.figures.area_map import INDICATOR_OPACITY, TEAM_OPACITY, rgba, short_name
from lokalutveckling.paths import ROOT
from lokalutveckling.ui import session

BOUNDARIES = ROOT.parent / "shared" / "geo" / geo.DELOMRADEN_FILE  # never in the repository: read at run time
ON = date(2024, 12, 31)


@pytest.fixture(scope="module")
def membership(con: store.Connection):
    return store.run_query(con, "omraden_membership")


@pytest.fixture(scope="module")
def real(membership) -> geo.Boundaries:
    if not Path(BOUNDARIES).is_file():
        pytest.skip("the development boundary files are not beside the project (../shared/geo)")
    bounds = geo.load_boundaries(membership, configured=BOUNDARIES)
    assert bounds.source == "configured"
    return bounds


def areas(fig) -> dict[str, object]:
    """The filled traces by area code."""
    return {tr.meta["omrade_kod"]: tr for tr in fig.data if tr.fill == "toself"}


def test_fourteen_areas_from_the_boundaries_coloured_by_presence_on_a_date(real, con):
    presence = data.presence(ON, con)
    before = copy.deepcopy(real.geojson)
    fig = figures.area_map(real.geojson, presence, lang="sv", title="Områdesteam 2024")
    assert real.geojson == before  # the input is not changed
    filled = areas(fig)
    assert sorted(filled, key=int) == [str(n) for n in range(1, 15)]
    team = dict(zip(presence["omrade_kod"], presence["har_team"], strict=True))
    # The example data: Möllevången (9) has a team by the end of 2024, Västra hamnen (1) does not.
    assert team["9"] and not team["1"]
    for code, trace in filled.items():
        colour = maps.TEAM_COLOUR if team[code] else maps.NO_TEAM_COLOUR
        assert trace.fillcolor == rgba(colour, TEAM_OPACITY), code
    # Each area's outline is its boundary: the points of the file's (simplified) polygon.
    ring = real.geojson["features"][8]["geometry"]["coordinates"][0]
    assert len([x for x in filled["9"].x if x is not None]) == len(ring)
    assert figures.title_of(fig) == "Områdesteam 2024"


def test_names_on_the_areas_and_the_legend_of_the_colours(real, con):
    presence = data.presence(ON, con)
    fig = figures.area_map(real.geojson, presence, lang="sv")
    labels = next(tr for tr in fig.data if tr.mode == "text")
    assert list(labels.text) == [short_name(f["properties"]["namn"]) for f in real.geojson["features"]]
    assert "Möllevången" in labels.text and "Oxie Kyrkby" in labels.text
    legend = sorted((tr for tr in fig.data if tr.showlegend is not False and tr.name), key=lambda tr: tr.legendrank)
    assert [tr.name for tr in legend] == [
        "Områdesteam",
        "Inget områdesteam",
    ]  # no kraftsamlande area at the end of 2024


def test_kraftsamlande_areas_are_outlined_dashed(real, con):
    presence = data.presence(date.today(), con)
    kraft = set(presence.loc[presence["kraftsamlande"], "omrade_kod"])
    assert kraft  # the example data has some today
    fig = figures.area_map(real.geojson, presence, lang="en")
    outlines = [tr for tr in fig.data if tr.meta and tr.meta.get("kraftsamlande")]
    assert {tr.meta["omrade_kod"] for tr in outlines} == kraft
    assert all(tr.line.dash == "dash" and tr.line.color == maps.KRAFT_COLOUR for tr in outlines)
    assert [tr.name for tr in outlines if tr.showlegend] == ["Concentrated effort (dashed outline)"]
    without = figures.area_map(real.geojson, presence, lang="en", layers=())
    assert not [tr for tr in without.data if tr.meta and tr.meta.get("kraftsamlande")]


def test_an_indicator_layer_colours_by_karta_classes(real, con):
    values = data.indicator_values("trangboddhet", 2022, con)
    layer = maps.IndicatorLayer(
        values=values, name="Trångboddhet", unit="%", year=2022, higher_is_better=False, city_value=17.6
    )
    fig = figures.area_map(real.geojson, data.presence(ON, con), lang="sv", indicator=layer)
    classes = maps.indicator_classes(values.set_index("omrade_kod")["varde"], False)
    for code, trace in areas(fig).items():
        assert trace.fillcolor == rgba(maps.CLASS_COLOURS[int(classes[code])], INDICATOR_OPACITY), code
    legend = [tr.name for tr in fig.data if tr.showlegend is not False and tr.name]
    assert len(legend) == 5 and all(name.endswith(" %") for name in legend)  # the five classes' ranges
    assert fig.layout.legend.title.text == "Trångboddhet 2022"


def test_only_scatter_traces_and_the_latitude_stretched(real, con):
    fig = figures.area_map(real.geojson, data.presence(ON, con), lang="sv")
    assert {tr.type for tr in fig.data} == {"scatter"}  # the app's plotly.js: bar, heatmap, sankey, scatter
    assert fig.layout.yaxis.scaleanchor == "x"
    assert fig.layout.yaxis.scaleratio == pytest.approx(1 / math.cos(math.radians(55.58)), rel=0.01)
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False


def test_the_schematic_map_draws_its_squares_the_same_way(membership, con):
    schematic = geo.schematic_map(membership)
    fig = figures.area_map(schematic, data.presence(ON, con), lang="sv")
    filled = areas(fig)
    assert len(filled) == 14
    square = filled["9"]
    assert len([x for x in square.x if x is not None]) == 5  # four corners, closed
    labels = next(tr for tr in fig.data if tr.mode == "text")
    # A square's name at its centre.
    xs = [x for x in square.x if x is not None]
    assert labels.x[8] == pytest.approx((min(xs) + max(xs)) / 2)


def test_an_insats_detail_records_its_areas_as_a_map_figure(db_file):
    """Insatser's detail: the insats's areas (INS-002: areas 1, 6, 11 and 14 in insats_omraden.csv) filled
    against the rest, recorded for the report and slides, with the image control under the map."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["insats"] = "INS-002"
    at.switch_page("pages/insatser.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    chart = next(c for c in at.session_state[session.RECORDED].charts if c.key == "insats_karta_INS-002")
    assert chart.title == "Var insatsen görs: INS-002 Jobbspår unga vuxna" and chart.kind == "exempel"
    filled = {code: tr.name for code, tr in areas(chart.figure).items()}
    assert {c for c, name in filled.items() if name == "Insatsens områden"} == {"1", "6", "11", "14"}
    assert len(filled) == 14 and set(filled.values()) == {"Insatsens områden", "Övriga områden"}
    assert any(p.proto.popover.label == "Bild" for p in at.get("popover"))
