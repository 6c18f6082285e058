"""Does a long import stall other users? Another session's Insatser page while an editor previews a
big file on the Data page, against the same page with no import running.

Usage: python benchmarks/import_load.py [loads]
       python benchmarks/import_load.py --threads: the same in one process, without a browser: a
       stand-in page (20 queries with Python between) in another thread during the 300 000-row
       preview, with and without the importer's pauses, and with no import.

Starts a real `streamlit run dashboard.py` on a temporary copy of the store (with one editor
account), and Debian's headless Chromium through Playwright: one context logs in as the editor and
previews, on the Data page, (a) a 1 000 000-row indikatorvärden CSV (over the row limit: refused
while it is read) and (b) a tilldelningar CSV at the row limit (300 000 new rows); another context
meanwhile loads the Insatser page again and again. Prints the medians and the preview times.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from lokalutveckling import auth, imports, store
from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports import model
from lokalutveckling.store import recovery
from tests.e2e.conftest import CHROMIUM_ARGS, start_app, wait_for_render

EDITOR = ("redaktor-last", "Rita Redaktör", "ett-langt-testlosenord")
VIEWPORT = {"width": 1280, "height": 720}
SHOT = ROOT / "test-artifacts" / "import_progress.png"


def write_files(folder: Path) -> dict[str, tuple[str, Path, int]]:
    """The files previewed: label -> (kind shown on the page, path, data rows)."""
    over = folder / "indikatorvarden_1000000.csv"
    with over.open("w", encoding="utf-8") as f:
        f.write("Indikator;Område;År;Värde\n")
        for i in range(1_000_000):
            f.write(f"folkmangd;{i % 14 + 1};{2000 + i % 100};{i % 1000}\n")
    at_limit = folder / f"tilldelningar_{fmt.MAX_ROWS}.csv"
    with at_limit.open("w", encoding="utf-8") as f:
        f.write("Tilldelnings-id;Beslut;Nämnd;Finansieringskälla;År;Belopp\n")
        for i in range(fmt.MAX_ROWS):
            f.write(f"T-{i:06d};B2024-KSAU414-KS;FRN;ks_anslag;2025;{1000 + i}\n")
    return {
        "1 000 000 rader (över gränsen)": ("Indikatorvärden", over, 1_000_000),
        f"{fmt.MAX_ROWS:,} rader (vid gränsen)".replace(",", " "): ("Tilldelningar", at_limit, fmt.MAX_ROWS),
    }


def insatser_load(browser: Browser, url: str) -> float:
    """Milliseconds until another session's Insatser page has rendered (a new tab each time)."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    start = time.perf_counter()
    page.goto(f"{url}/insatser")
    wait_for_render(page, "Insatser")
    elapsed = (time.perf_counter() - start) * 1000
    context.close()
    return elapsed


def editor_on_data_page(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.goto(f"{url}/insatser")
    wait_for_render(page, "Insatser")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Logga in för att redigera").click()
    sidebar.get_by_label("Användarnamn").fill(EDITOR[0])
    sidebar.get_by_label("Lösenord").fill(EDITOR[2])
    sidebar.get_by_role("button", name="Logga in").click()
    sidebar.get_by_text(f"Inloggad som {EDITOR[1]}").wait_for(timeout=30_000)
    go_to_data(page)
    return page


def go_to_data(page: Page) -> None:
    """The Data page through the app's own menu (a new URL would be a new session, logged out)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Data", exact=True).click()
    wait_for_render(page, "Data")


def choose_kind(page: Page, shown: str) -> None:
    box = page.get_by_label("Vad filen innehåller", exact=True)
    box.click()
    box.fill(shown)
    page.get_by_role("option", name=shown, exact=True).click()
    wait_for_render(page, "Data")


def start_preview(page: Page, kind: str, path: Path) -> Locator:
    """Upload `path` and click Förhandsgranska; the locator of the preview's summary or refusal."""
    choose_kind(page, kind)
    page.locator("input[type=file]").set_input_files(str(path))
    # The button is drawn once the upload has reached the server (a long file name is shown shortened).
    page.get_by_role("button", name="Förhandsgranska").wait_for(timeout=300_000)
    wait_for_render(page, "Data")
    page.get_by_role("button", name="Förhandsgranska").click()
    return page.locator('[data-testid="stAlert"]').filter(has_text=f"{path.name}:").first


def threads() -> None:
    import threading

    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(Path(tmp))
        _, path, _ = files[next(k for k in files if "vid gränsen" in k)]
        data = path.read_bytes()
    con = store.connect(None)
    store.build(con)

    def page_times(stop: threading.Event, out: list[float]) -> None:
        cur = con.cursor()
        while not stop.is_set():
            start = time.perf_counter()
            for _ in range(20):
                cur.execute("select insats_id, namn from insatser order by namn").fetchall()
                sum(range(2000))
            out.append((time.perf_counter() - start) * 1000)

    every = model.YIELD_EVERY_S
    for label, pause in (("utan pauser", 1e9), ("med pauser", every), ("ingen import", None)):
        stop, out = threading.Event(), []
        other = threading.Thread(target=page_times, args=(stop, out))
        other.start()
        start = time.perf_counter()
        if pause is None:
            time.sleep(3)
        else:
            model.YIELD_EVERY_S = pause
            imports.preview(con, "tilldelningar", data, path.name)
        seconds = time.perf_counter() - start
        stop.set()
        other.join()
        print(f"{label}: {seconds:.1f} s, sidan i en annan tråd median {statistics.median(out):.0f} ms ({len(out)})")
    model.YIELD_EVERY_S = every


def main() -> None:
    if sys.argv[1:2] == ["--threads"]:
        threads()
        return
    loads = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = store.build_file(folder / "last.duckdb")
        con = recovery.open_store(db).con  # a store that writes keeps its journal beside it
        try:
            auth.create_local_user(con, EDITOR[0], EDITOR[2], namn=EDITOR[1], roll="redaktor")
        finally:
            con.close()
        files = write_files(folder)
        process, url = start_app(ROOT / "dashboard.py", {**os.environ, "LOKALUTVECKLING_DB": str(db)})
        rows = []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                # The other user's page gets its own browser: Playwright's objects belong to one thread.
                other = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                insatser_load(other, url)  # warm-up
                idle = [insatser_load(other, url) for _ in range(loads)]
                print(f"Insatser utan import: {idle}", file=sys.stderr, flush=True)
                editor = editor_on_data_page(browser, url)
                for label, (kind, path, n) in files.items():
                    # One thread drives both browsers (Playwright's sync API is bound to its thread): the
                    # server runs the editor's preview while the other user's page loads again and again;
                    # between loads, we look whether the preview's answer has come.
                    during: list[float] = []
                    print(f"förhandsgranskar {label} …", file=sys.stderr, flush=True)
                    answer = start_preview(editor, kind, path)
                    started = time.perf_counter()
                    while not answer.is_visible():
                        during.append(insatser_load(other, url))
                        if not SHOT.exists() and editor.locator('[data-testid="stProgress"]').is_visible():
                            SHOT.parent.mkdir(exist_ok=True)
                            editor.screenshot(path=str(SHOT))
                    answer.wait_for(timeout=600_000)
                    seconds = time.perf_counter() - started  # to the first look after it came
                    shown = answer.inner_text().splitlines()[0]
                    rows.append((label, n, path.stat().st_size, seconds, shown, during))
                    go_to_data(editor)
                browser.close()
                other.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"Insatser-sidan utan import: median {statistics.median(idle):.0f} ms ({loads} laddningar)")
    print(
        "| fil | rader | MB | förhandsgranskning (±1 laddning) | Insatser under tiden, median | högsta | laddningar | svar |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for label, n, size, seconds, shown, during in rows:
        median = statistics.median(during) if during else float("nan")
        print(
            f"| {label} | {n} | {size / 1024 / 1024:.1f} | {seconds:.1f} s | {median:.0f} ms | "
            f"{max(during, default=float('nan')):.0f} ms | {len(during)} | {shown[:90]} |"
        )


if __name__ == "__main__":
    main()
