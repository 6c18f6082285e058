"""Page render times in headless Chromium as a ratio to an empty Streamlit page, and server time per rerun.

Usage: python benchmarks/pages.py [loads per page]. Measures the default store and a 100x store.
       python benchmarks/pages.py --reruns [runs]: only the server time per rerun (no browser).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import streamlit as st
from common import ROOT, build_stores
from playwright.sync_api import BrowserContext, sync_playwright
from streamlit.testing.v1 import AppTest

from tests.e2e.conftest import CHARTS_DRAWN, CHROMIUM_ARGS, start_app, wait_for_render

SHELL_HEADING = "Tom sida i appens ram"
# path, heading, script, number of Plotly charts drawn on first view
PAGES = [
    ("", "Översikt", "pages/oversikt.py", 5),
    ("karta", "Karta", "pages/karta.py", 0),
    ("omrade", "Område", "pages/omrade.py", 1),
    ("insatser", "Insatser", "pages/insatser.py", 0),
    ("namnder", "Nämnder", "pages/namnder.py", 2),
    ("behov", "Behov och närvaro", "pages/behov.py", 1),
    ("kvalitet", "Datakvalitet", "pages/kvalitet.py", 0),
    ("beslut", "Beslut och källor", "pages/beslut.py", 0),
]


def load_times(context: BrowserContext, url: str, heading: str, loads: int, charts: int = 0) -> list[float]:
    """Milliseconds from navigation until the page has rendered, with its `charts` Plotly charts drawn.

    Each load is a new tab in the same browser context, so scripts and styles come from the HTTP cache
    as they do for a returning user; the first, uncached load is reported separately.
    """
    times = []
    for _ in range(loads):
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        wait_for_render(page, heading)
        if charts:
            # The app's charts (ui.plotly_chart) and the Plotly baseline's both draw in the page.
            page.wait_for_function(
                f"n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n || ({CHARTS_DRAWN})(n)",
                arg=charts,
                timeout=30_000,
            )
        if "/karta" in url:  # the map is drawn when Leaflet has put the areas into its frame
            frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        times.append((time.perf_counter() - start) * 1000)
        page.close()
    return times


def rerun_times(page: str, runs: int) -> list[float]:
    """Milliseconds per script run on the server (AppTest, warm caches, after three warm-up runs)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(page)
    for _ in range(3):
        at.run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def reruns_only(runs: int) -> None:
    """Only the server time per rerun of every page, at both data sizes (no browser; a minute or two)."""
    with tempfile.TemporaryDirectory() as tmp:
        stores = build_stores(Path(tmp))
        print("| page | " + " | ".join(f"rerun, {label} (ms)" for label in stores) + " | ratio |")
        print("|---|" + "---:|" * (len(stores) + 1))
        results: dict[str, list[float]] = {}
        for db in stores.values():
            os.environ["LOKALUTVECKLING_DB"] = str(db)
            st.cache_resource.clear()
            st.cache_data.clear()
            for path, _heading, script, _charts in PAGES:
                results.setdefault(path or "oversikt", []).append(statistics.median(rerun_times(script, runs)))
        for page, (default, *scaled) in results.items():
            figures = " | ".join(f"{v:.0f}" for v in (default, *scaled))
            print(f"| {page} | {figures} | {scaled[-1] / default:.2f} |")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--reruns":
        reruns_only(int(sys.argv[2]) if len(sys.argv) > 2 else 15)
        return
    loads = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    viewport = {"width": 1440, "height": 1000}
    with tempfile.TemporaryDirectory() as tmp:
        stores = build_stores(Path(tmp))
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            empty_process, empty_url = start_app(ROOT / "benchmarks" / "empty_app.py", dict(os.environ))
            empty_context = browser.new_context(viewport=viewport)
            plotly_process, plotly_url = start_app(ROOT / "benchmarks" / "plotly_app.py", dict(os.environ))
            plotly_context = browser.new_context(viewport=viewport)
            try:
                load_times(plotly_context, plotly_url, "Tom sida med Plotly", 2, 1)  # warm-up
                load_times(empty_context, empty_url, "Tom sida", 2)  # warm-up
                for label, db in stores.items():
                    # The app holds its store read-write (one process per file): the server gets a copy,
                    # the in-process reruns below read the original.
                    server_db = db.with_name(f"{db.stem}-server.duckdb")
                    shutil.copyfile(db, server_db)
                    env = {**os.environ, "LOKALUTVECKLING_DB": str(server_db)}
                    os.environ["LOKALUTVECKLING_DB"] = str(db)
                    st.cache_resource.clear()  # the cached connection belongs to the previous store
                    st.cache_data.clear()
                    process, url = start_app(ROOT / "dashboard.py", env)
                    shell_db = db.with_name(f"{db.stem}-shell.duckdb")
                    shutil.copyfile(db, shell_db)
                    shell_process, shell_url = start_app(
                        ROOT / "benchmarks" / "shell_app.py", {**env, "LOKALUTVECKLING_DB": str(shell_db)}
                    )
                    shell_context = browser.new_context(viewport=viewport)
                    load_times(shell_context, shell_url, SHELL_HEADING, 2)  # warm-up
                    try:
                        for path, heading, script, charts in PAGES:
                            cold = browser.new_context(viewport=viewport)
                            first = load_times(cold, f"{url}/{path}", heading, 1, charts)[0]
                            cold.close()
                            warm_context = browser.new_context(viewport=viewport)
                            load_times(warm_context, f"{url}/{path}", heading, 1, charts)  # fill the HTTP cache
                            # Interleave page and empty-page loads so machine noise hits both alike.
                            runs = [
                                (
                                    load_times(warm_context, f"{url}/{path}", heading, 1, charts)[0],
                                    load_times(empty_context, empty_url, "Tom sida", 1)[0],
                                    load_times(shell_context, shell_url, SHELL_HEADING, 1)[0],
                                    load_times(plotly_context, plotly_url, "Tom sida med Plotly", 1, 1)[0],
                                )
                                for _ in range(loads)
                            ]
                            warm_context.close()
                            medians = [statistics.median(r[i] for r in runs) for i in range(4)]
                            rerun = statistics.median(rerun_times(script, loads))
                            rows.append((label, path or "oversikt", first, *medians, rerun))
                    finally:
                        shell_context.close()
                        for server in (process, shell_process):
                            server.terminate()
                            server.wait(timeout=20)
            finally:
                plotly_context.close()
                plotly_process.terminate()
                plotly_process.wait(timeout=20)
                empty_context.close()
                empty_process.terminate()
                empty_process.wait(timeout=20)
                browser.close()
    print(
        "| data | page | first load, empty cache | load, median | empty page | ratio | frame around an empty page"
        " | ratio | empty page + 1 Plotly chart | ratio | rerun on server |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, path, first, warm, empty, shell, with_plotly, rerun in rows:
        print(
            f"| {label} | {path} | {first:.0f} ms | {warm:.0f} ms | {empty:.0f} ms | {warm / empty:.2f} |"
            f" {shell:.0f} ms | {warm / shell:.2f} | {with_plotly:.0f} ms | {warm / with_plotly:.2f} | {rerun:.0f} ms |"
        )


if __name__ == "__main__":
    main()
