"""A chart's figure with its provenance is drawn once per figure and texts (ui.widgets.drawn), and
never taken for another figure."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from lokalutveckling import figures
from lokalutveckling.ui import widgets

TEXTS = {
    "title": "Pengar per nämnd",
    "context": "Översikt · 2026-12-01",
    "badge": "Exempeldata",
    "badge_colour": "#B45309",
    "filters": "Filter: År 2022",
    "source": "Källa: KSAU 2024-09-09 § 414",
    "scope": "",
}


def test_the_same_figure_and_texts_are_drawn_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[go.Figure] = []
    original = figures.with_provenance

    def counted(fig: go.Figure, **kw: str) -> go.Figure:
        calls.append(fig)
        return original(fig, **kw)

    monkeypatch.setattr(figures, "with_provenance", counted)
    fig = go.Figure(go.Bar(x=["Fritid"], y=[290_000]), layout={"height": 300})
    spec, height = widgets.drawn(fig, **TEXTS)
    again, _ = widgets.drawn(fig, **TEXTS)
    assert again == spec and len(calls) == 1
    drawn = json.loads(spec)
    assert drawn["data"][0]["y"] == [290000]
    assert "Pengar per nämnd" in drawn["layout"]["title"]["text"]
    assert "KSAU 2024-09-09 § 414" in drawn["layout"]["annotations"][-1]["text"]
    assert height == drawn["layout"]["height"] > 300  # taller by the title and the note
    other, _ = widgets.drawn(fig, **{**TEXTS, "filters": "Filter: År 2024"})
    assert len(calls) == 2 and "2024" in json.loads(other)["layout"]["annotations"][-1]["text"]


def test_another_figure_is_never_drawn_from_the_cache() -> None:
    first = go.Figure(go.Bar(x=["Fritid"], y=[1]))
    spec, _ = widgets.drawn(first, **TEXTS)
    del first
    second = go.Figure(go.Bar(x=["Kultur"], y=[2]))  # may get the first one's id
    assert json.loads(widgets.drawn(second, **TEXTS)[0])["data"][0]["x"] == ["Kultur"]
    assert json.loads(spec)["data"][0]["x"] == ["Fritid"]
