"""The app's own plotly.js (ui/plotly_js/, built by scripts/build_plotly.sh from scripts/plotly/):
every trace type a figure builder makes is in it, it is the plotly.js the Python package targets, the
committed file is the one its VERSION names, and the chart script loads it from a copy the browser can
keep."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re

import plotly.graph_objects as go
import pytest
from plotly.basedatatypes import BaseTraceType

from lokalutveckling.paths import ROOT
from lokalutveckling.ui import plotly_chart

SOURCE = ROOT / "scripts" / "plotly"
FRAME = plotly_chart.FRAME


def registered() -> tuple[set[str], set[str]]:
    """The trace types and locales entry.js registers with Plotly (core always has scatter)."""
    entry = (SOURCE / "entry.js").read_text(encoding="utf-8")
    body = entry[entry.index("Plotly.register([") :]
    body = body[: body.index("]);")]
    body = re.sub(r"//[^\n]*", "", body)  # comments are not registrations
    traces = set(re.findall(r"require\('plotly\.js/lib/([a-z0-9]+)'\)", body))
    locales = set(re.findall(r"require\('plotly\.js/lib/locales/([a-z-]+)'\)", body))
    return traces | {"scatter"}, locales


def built_trace_types() -> dict[str, list[str]]:
    """Every trace type lokalutveckling's code builds (`go.Bar(...)` -> 'bar'), with where."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "lokalutveckling").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                # plotly.express makes its traces out of sight of this scan.
                assert not any(n.startswith("plotly.express") or n == "express" for n in names), path
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "go":
                cls = getattr(go, node.attr, None)
                if isinstance(cls, type) and issubclass(cls, BaseTraceType):
                    found.setdefault(cls().type, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_trace_type_the_figures_build_is_in_the_bundle():
    built = built_trace_types()
    traces, _ = registered()
    # The scan finds the figures' traces at all: the money figures' bars, heatmap and Sankey.
    assert {"bar", "heatmap", "sankey", "scatter"} <= set(built), built
    missing = {kind: where for kind, where in built.items() if kind not in traces}
    assert not missing, f"add these to scripts/plotly/entry.js and run scripts/build_plotly.sh: {missing}"


def test_the_bundle_is_the_pinned_plotly_js_with_what_entry_js_registers():
    version = plotly_chart.PLOTLY_JS
    package = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((SOURCE / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["plotly.js"] == version  # exact, no range
    assert lock["packages"]["node_modules/plotly.js"]["version"] == version
    head = plotly_chart.BUNDLE.read_bytes()[:400].decode("utf-8")
    match = re.search(r"\* plotly\.js v(\S+) \(lokalutveckling: ([a-z0-9, ]+); locales: ([a-z, -]+)\)", head)
    assert match, head
    traces, locales = registered()
    assert match.group(1) == version
    assert set(match.group(2).split(", ")) | {"scatter"} == traces
    assert set(match.group(3).split(", ")) == locales
    assert set(plotly_chart.LOCALES) == locales | {"en"}


def test_the_bundle_is_the_file_its_version_note_names():
    note = dict(line.split(" ", 1) for line in (FRAME / "VERSION").read_text(encoding="utf-8").splitlines() if line)
    digest, name = note["sha256"].split()
    assert name == plotly_chart.BUNDLE.name
    assert hashlib.sha256(plotly_chart.BUNDLE.read_bytes()).hexdigest() == digest
    assert note["plotly.js"] == plotly_chart.PLOTLY_JS
    assert set(note["traces"].split()) | {"scatter"} == registered()[0]
    licence = (FRAME / "LICENSE").read_text(encoding="utf-8")
    assert f"## plotly.js {plotly_chart.PLOTLY_JS} (MIT)" in licence and "Permission is hereby granted" in licence


def test_the_chart_script_draws_in_the_page_and_loads_the_bundle_once_from_the_url_it_is_sent():
    script = (FRAME / "chart.js").read_text(encoding="utf-8")
    assert "export default function (component)" in script  # st.components.v2's module
    assert "Plotly.react" in script and "data.bundle" in script
    assert "window.Plotly" in script  # once per tab: a chart on the next page finds it loaded
    assert "http" not in script  # nothing from elsewhere
    assert plotly_chart.bundle_url().startswith("app/static/plotly/plotly-")


def test_the_bundle_is_copied_under_a_name_of_its_content_with_an_old_last_modified(tmp_path):
    path = plotly_chart.install_bundle(tmp_path)
    data = plotly_chart.BUNDLE.read_bytes()
    assert path.name == f"plotly-{hashlib.sha256(data).hexdigest()[:16]}.min.js"
    assert path.read_bytes() == data
    assert os.stat(path).st_mtime == plotly_chart.LAST_MODIFIED
    path.write_bytes(b"stale")  # a broken copy is replaced; a good one is left as it is
    assert plotly_chart.install_bundle(tmp_path).read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_locale_the_bundle_lacks_is_refused():
    with pytest.raises(ValueError, match="unknown locale 'de'"):
        plotly_chart.plotly_chart("{}", config={}, key="x", locale="de")
