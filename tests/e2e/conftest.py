"""Start the dashboard on a free port and drive it with Debian's headless Chromium through Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from lokalutveckling import auth
from lokalutveckling.paths import ROOT
from lokalutveckling.store import recovery

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not become healthy within {timeout} s")


def launch_app(script: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run script` on a free loopback port, without waiting for it; the process and its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return process, f"http://127.0.0.1:{port}"


def start_app(script: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run script` on a free loopback port; return the process and its URL once it is healthy."""
    process, url = launch_app(script, env)
    wait_until_healthy(url, process)
    return process, url


class UnrequestedApps:
    """Servers started ahead, each on its own copy of a store, that no page has been asked of: for tests of
    the first request after a (re)start. They boot while the tests before them run; `take()` hands one out
    once it is healthy (it has then answered nothing but the health check, as a server just started)."""

    def __init__(self, store: Path, folder: Path, count: int) -> None:
        self._waiting: list[tuple[subprocess.Popen, str]] = []
        self._all: list[subprocess.Popen] = []
        for i in range(count):
            path = folder / f"omstart-{i}.duckdb"
            shutil.copyfile(store, path)
            process, url = launch_app(ROOT / "dashboard.py", {**os.environ, "LOKALUTVECKLING_DB": str(path)})
            self._waiting.append((process, url))
            self._all.append(process)

    def take(self) -> str:
        process, url = self._waiting.pop(0)
        wait_until_healthy(url, process)
        return url

    def stop(self) -> None:
        for process in self._all:
            process.terminate()
        for process in self._all:
            process.wait(timeout=20)


EDITOR = ("redaktor-test", "Rita Redaktör", "ett-langt-testlosenord")


@pytest.fixture
def fresh_store(db_file: Path, tmp_path: Path) -> Path:
    """A copy of the built store for one app process: the app holds its store read-write, and DuckDB
    lets one process at a time do that, so every server (and the tests' own AppTests) has its own."""
    path = tmp_path / "e2e.duckdb"
    shutil.copyfile(db_file, path)
    return path


@pytest.fixture(scope="session")
def e2e_store(db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared app's store: a copy of the default store with one local editor account."""
    path = tmp_path_factory.mktemp("e2e") / "lokalutveckling.duckdb"
    shutil.copyfile(db_file, path)
    con = recovery.open_store(path).con  # writes need the store tied to its journal, as the app opens it
    try:
        auth.create_local_user(con, EDITOR[0], EDITOR[2], namn=EDITOR[1], roll="redaktor")
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def app_url(e2e_store: Path) -> Iterator[str]:
    env = {**os.environ, "LOKALUTVECKLING_DB": str(e2e_store)}
    process, url = start_app(ROOT / "dashboard.py", env)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is missing: scripts/test.sh installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_render(page: Page, heading: str) -> None:
    """Wait until the page shows its heading and Streamlit has finished running the script.

    The app element carries the run's state in `data-test-script-state`: "initial" before the first run,
    "running" (also "rerunRequested", "stopRequested") while the script runs, "notRunning" when it has
    finished (and `data-test-connection-state` "CONNECTED" while the browser is connected)."""
    page.get_by_role("heading", name=heading, level=1).wait_for(timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        ' && document.querySelector(\'[data-testid="stApp"][data-test-script-state="notRunning"]'
        '[data-test-connection-state="CONNECTED"]\')'
        # Elements whose code is still loading show a skeleton placeholder.
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=30_000,
    )
    # Visible tables draw on a canvas after the script has finished; give them a moment so screenshots
    # show data (best effort: a table inside a closed expander never draws).
    try:
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"stDataFrame\"]')]"
            ".filter(d => d.offsetParent !== null).every(d => d.querySelector('canvas'))",
            timeout=5_000,
        )
    except PlaywrightTimeoutError:
        pass


def sign_in(page: Page, anvandarnamn: str, losenord: str) -> None:
    """Sign in through the sidebar's form; returns when the app says who is signed in or shows an error.

    Seen once under a full suite's load: the form's submit reached no run (30 s later the app was idle, the
    fields still filled, neither signed in nor an error). The state decides, not a time: when the app is
    idle with the form still there and no answer, the submit is sent again (at most three times)."""
    bar = page.locator('[data-testid="stSidebar"]')
    bar.get_by_text("Logga in för att redigera").click()
    bar.get_by_label("Användarnamn").fill(anvandarnamn)
    bar.get_by_label("Lösenord").fill(losenord)
    answered = """() => [...document.querySelectorAll('[data-testid="stSidebar"] p')]
                          .some(p => p.textContent.startsWith('Inloggad som'))
                      || !!document.querySelector('[data-testid="stSidebar"] [data-testid="stAlert"]')"""
    idle = """() => !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')"""
    button = bar.get_by_role("button", name="Logga in")
    for _ in range(3):
        button.click()
        try:
            page.wait_for_function(answered, timeout=30_000)
            return
        except PlaywrightTimeoutError:
            if not (page.evaluate(idle) and button.is_visible()):
                raise
    page.wait_for_function(answered, timeout=30_000)


# The charts draw in the page with the app's own plotly.js (ui.plotly_chart): each is a div of this class,
# Plotly's graph div. It has drawn when Plotly's SVG is in it and every trace has the type it was sent
# with (plotly.js takes a type it lacks as 'scatter').
CHART = ".lokalutveckling-chart"
CHARTS_DRAWN = (
    f"n => [...document.querySelectorAll('{CHART}')].filter(gd =>"
    " gd.querySelector('.main-svg') && gd._fullData && gd._fullData.length === gd.data.length"
    " && gd._fullData.every(t => t._module && t.type === (t._input.type || 'scatter'))"
    " ).length >= n"
)


def wait_for_charts(page: Page, count: int, timeout: float = 30_000) -> None:
    """Wait until `count` charts on the page have drawn (see CHARTS_DRAWN)."""
    page.wait_for_function(CHARTS_DRAWN, arg=count, timeout=timeout)


def screenshot(page: Page, name: str) -> None:
    """A full-page picture for people to look at (test-artifacts/), made only when LOKALUTVECKLING_SCREENSHOTS
    is set: nothing reads them, and a tall page's full picture costs about a second."""
    if not os.environ.get("LOKALUTVECKLING_SCREENSHOTS"):
        return
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def choose_option(scope, label: str, option: str) -> None:
    """Pick an option in a Streamlit selectbox or multiselect by typing it and clicking it.

    The list sometimes closes again while it filters (the form redraws around the box after the field
    before it lost focus): then the box is opened again, until the option can be clicked (a state, not
    a time; a few tries at most)."""
    import re

    box = scope.get_by_label(label, exact=True)
    wanted = getattr(scope, "page", scope).get_by_role("option", name=re.compile("^" + re.escape(option))).first
    for _ in range(5):
        box.click()
        box.fill(option)
        try:
            wanted.click(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            continue
    raise AssertionError(f"no option {option!r} in {label!r}")
