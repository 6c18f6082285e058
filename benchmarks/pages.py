"""Page render times in headless Chromium as a ratio to an empty Streamlit page, and server time per rerun.

Usage: python benchmarks/pages.py [loads per page]. Measures the default store and a 100x store.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, build_stores
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from tests.e2e.conftest import CHROMIUM_ARGS, start_app, wait_for_render

PAGES = [("oversikt", "Översikt", "pages/oversikt.py"), ("beslut", "Beslut och källor", "pages/beslut.py")]


def load_times(browser, url: str, heading: str, loads: int) -> list[float]:
    """Milliseconds from navigation until the page has finished rendering, one fresh tab per load."""
    times = []
    for _ in range(loads):
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        wait_for_render(page, heading)
        if page.locator(".js-plotly-plot").count():
            page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0")
        times.append((time.perf_counter() - start) * 1000)
        context.close()
    return times


def rerun_times(page: str, runs: int) -> list[float]:
    """Milliseconds per script run on the server (AppTest, warm caches)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    loads = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        stores = build_stores(Path(tmp))
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            empty_process, empty_url = start_app(ROOT / "benchmarks" / "empty_app.py", dict(os.environ))
            try:
                load_times(browser, empty_url, "Tom sida", 2)  # warm-up
                for label, db in stores.items():
                    env = {**os.environ, "LOKALUTVECKLING_DB": str(db)}
                    os.environ["LOKALUTVECKLING_DB"] = str(db)
                    process, url = start_app(ROOT / "dashboard.py", env)
                    try:
                        for path, heading, script in PAGES:
                            first = load_times(browser, f"{url}/{path}", heading, 1)[0]
                            warm = statistics.median(load_times(browser, f"{url}/{path}", heading, loads))
                            empty = statistics.median(load_times(browser, empty_url, "Tom sida", loads))
                            rerun = statistics.median(rerun_times(script, loads))
                            rows.append((label, path, first, warm, empty, warm / empty, rerun))
                    finally:
                        process.terminate()
                        process.wait(timeout=20)
            finally:
                empty_process.terminate()
                empty_process.wait(timeout=20)
                browser.close()
    print("| data | page | first load (ms) | load, median (ms) | empty page (ms) | ratio | rerun on server (ms) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for label, path, first, warm, empty, ratio, rerun in rows:
        print(f"| {label} | {path} | {first:.0f} | {warm:.0f} | {empty:.0f} | {ratio:.2f} | {rerun:.0f} |")


if __name__ == "__main__":
    main()
