"""The user-felt benchmark (benchmarks/run.py) without running it: its baseline app, its pages, its verdicts."""

from __future__ import annotations

import sys

from streamlit.testing.v1 import AppTest

from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT
from lokalutveckling.ui.pages import PAGES

sys.path.insert(0, str(ROOT / "benchmarks"))

import journey
import run


def test_the_minimal_app_has_two_pages_with_their_headings():
    at = AppTest.from_file(str(ROOT / "benchmarks" / "minimal_app.py"), default_timeout=30).run()
    assert [t.value for t in at.title] == ["Minimal A"]
    assert not at.exception


def test_the_journey_clicks_every_reader_page_of_the_app():
    """Every page dashboard.py lists for everyone, by its heading in the navigation (nav_<name> in Swedish)."""
    source = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    assert "from lokalutveckling.ui.pages import PAGES" in source  # the navigation is built from ui.pages.PAGES
    everyone = [name for name, _, who, _ in PAGES if who == "alla"]
    assert everyone == [
        "oversikt",
        "karta",
        "omrade",
        "insatser",
        "namnder",
        "behov",
        "effekt",
        "kvalitet",
        "beslut",
        "uppdrag",
    ]
    assert [heading for _, heading in journey.READER_PAGES] == [t(f"nav_{name}", "sv") for name in everyone]
    assert [path for path, _ in journey.READER_PAGES] == ["", *everyone[1:]]


def _figures(click: float, cpu: float, kib: float, cold: float) -> dict:
    summary = {"ms": click, "server_ms": click / 2, "cpu_ms": cpu, "ws_kib": kib, "raw_ms": [], "raw_cpu_ms": []}
    load = {"cold_ms": cold, "warm_ms": cold / 2, "http_kib": 100.0, "http_gzip_kib": 30.0}
    return {
        "clicks": {
            "journey": {path: dict(summary) for path, _ in journey.READER_PAGES},
            "minimal": {**summary, "ms": 100.0, "cpu_ms": 10.0},
            "filters": {path: dict(summary) for path in journey.FILTER_LABELS},
            "filters_minimal": {path: {**summary, "ms": 100.0} for path in journey.FILTER_LABELS},
        },
        "loads": {
            "pages": {path: dict(load) for path, _ in journey.READER_PAGES},
            "empty": {"cold_ms": 1000.0, "warm_ms": 500.0, "http_kib": 50.0, "http_gzip_kib": 20.0},
        },
        "sessions": None,
    }


def test_the_table_checks_the_targets_of_issue_13():
    results = {"default": _figures(200, 40, 10, 1500), "x100": _figures(300, 40, 10, 1500)}
    text, passed, failed = run.table(results, ["default", "x100"], "not measured")
    rows = {line.split(" | ")[0] + " " + line.split(" | ")[1]: line for line in text.splitlines()[2:]}
    assert "click 2.00× pass" in rows["| default Karta"] and "CPU 40 ms pass" in rows["| default Karta"]
    assert "cold 1.50× pass" in rows["| default Karta"]
    # 300 ms at 100x against 200 ms at the default size: 1,5x, above the 1,3x target
    assert "100× click 1.50× FAIL" in rows["| x100 Karta"] and "100× CPU 1.00× pass" in rows["| x100 Karta"]
    assert "click 3.00× FAIL" in rows["| x100 Översikt"]
    assert failed == 2 * 10 + 3  # x100: click above 2,5x minimal and 1,3x default on 10 pages, the 3 filters
    assert passed > failed
