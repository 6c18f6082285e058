"""The charts a page draws, read back from an AppTest run as the browser gets them.

Every figure goes through ui.plotly_chart, a Streamlit component (its frame draws with the app's own
plotly.js), so AppTest holds a chart as a component instance whose JSON arguments carry the figure
(`spec`, Plotly's JSON), Plotly's `config` and the modebar's `locale`. Other components (the map) are
not charts."""

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
    if getattr(node, "type", None) != "component_instance":
        return None
    proto = node.proto
    if proto.component_name.rsplit(".", 1)[-1] != COMPONENT:
        return None
    args = json.loads(proto.json_args)
    return Chart(key=args["key"] or "", spec=json.loads(args["spec"]), config=args["config"], locale=args["locale"])


def charts(at: AppTest) -> list[Chart]:
    """Every chart the run drew, in page order."""
    return [c for c in (chart_of(node) for node in at.get("component_instance")) if c is not None]
