"""The charts a page draws, read back from an AppTest run as the browser gets them.

Every figure goes through ui.plotly_chart, a Streamlit component of the second kind (its script draws
with the app's own plotly.js in the page), so AppTest holds a chart as a `bidi_component` element whose
JSON data carry the figure (`spec`, Plotly's JSON), Plotly's `config` and the modebar's `locale`; its key
is the one widgets.chart gave it. Other components (the map) are not charts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from streamlit.testing.v1 import AppTest

from lokalutveckling.ui import plotly_chart

COMPONENT = plotly_chart.COMPONENT


@dataclass(frozen=True)
class Chart:
    key: str  # the key widgets.chart gave it: 'chart_<key>'
    spec: dict[str, Any]  # the figure: {"data": [...], "layout": {...}}
    config: dict[str, Any]
    locale: str


def chart_of(node: Any) -> Chart | None:
    """The chart an element of the tree is, None when it is none (another element or component)."""
    if getattr(node, "type", None) != "bidi_component":
        return None
    proto = node.proto
    if proto.component_name != COMPONENT:
        return None
    data = json.loads(proto.json)
    key = proto.id.split("-", 2)[2]  # '$$ID-<hash>-<key>'
    return Chart(key=key, spec=json.loads(data["spec"]), config=data["config"], locale=data["locale"])


def charts(at: AppTest) -> list[Chart]:
    """Every chart the run drew, in page order."""
    return [c for c in (chart_of(node) for node in at.get("bidi_component")) if c is not None]
