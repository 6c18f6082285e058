"""The benchmark of what users feel, in one command: one table of clicks, filters, loads, CPU, bytes, sessions.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/run.py [--app DIR] [--rounds 3] [--load-rounds 2]
       [--sizes default,x100] [--no-sessions] [--session-seconds 15] [--ducklake "host=… port=… user=…"]

Against real `streamlit run` servers: the app in DIR (default this checkout; a git worktree of another
commit measures that commit with this same benchmark: its server runs with cwd DIR, DIR's code and a
store built by DIR's own benchmarks/common.py) and two baselines from this checkout, the empty page
(benchmarks/empty_app.py) and a minimal two-page st.navigation app (benchmarks/minimal_app.py). Headless
Chromium at 1280x720 (Debian's chromium, never a download). Per data size (the default store and 100x):

(a) journey: one tab clicks every reader page in the sidebar's navigation, `--rounds` rounds, each click
    followed by a click in the minimal app's tab (interleaved, so machine noise hits both alike); the time
    from the click until rendered (benchmarks/journey.py says what counts), median per page, and as a
    ratio to the minimal app's median click.
(b) filter changes on Översikt (the year), Karta (the colouring) and Insatser (the status), same way.
(c) first loads: a new browser context (cold: nothing cached) and a new tab in a context that has loaded
    the app before (warm), interleaved with the same loads of the empty page; `--load-rounds` rounds.
(d) server CPU per click: utime+stime of the server process (all its threads, also ended ones) from
    /proc/<pid>/stat around each click (10 ms ticks; the median of the rounds), and the server's answer
    time as the page sees it (the rerun request sent -> the run's script_finished received).
(e) bytes: websocket messages received per click (their payload sizes); the HTTP bytes of the first,
    cold load of each page (CDP encodedDataLength) and the same bodies gzip-compressed (level 6).
(f) both sizes, with the 100x/default ratio per page for click, websocket bytes and CPU.
(g) N = 1, 10, 30 concurrent websocket sessions (benchmarks/sessions.py, when present).

With --ducklake (a libpq connection string, without dbname, to a PostgreSQL server where the benchmark may
create databases), each size's store is moved into a new DuckLake store (store.lake_recovery.to_lake) and
the app runs on that instead of the store file: the same figures for the second backend (issue 18).

The targets of issue 13 (item 2) are checked in the last column. The table is printed and saved with
the raw figures (JSON) under benchmarks/results/. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from common import ROOT
from journey import FILTER_LABELS, READER_PAGES, Sample, click_nav, filter_actions, load, prepare, timed_action
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from lokalutveckling.store import lake_recovery
from lokalutveckling.store.lake import ENV_CATALOG, ENV_FOLDER, Lake
from tests.e2e.conftest import CHROMIUM_ARGS, free_port, wait_until_healthy

try:
    import sessions
except ImportError:  # helper H2's module; the table says when it was not there
    sessions = None

VIEWPORT = {"width": 1280, "height": 720}
CLICK_TARGET, LOAD_TARGET, CPU_TARGET, SCALE_TARGET, SESSIONS_TARGET, SESSION_MB_TARGET = 2.5, 2.0, 50, 1.3, 3.0, 5.0
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
# Files under the tree are edited by others while this runs: no file watcher reloading modules mid-run.
SERVER_ENV = {"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none", **(sessions.SERVER_ENV if sessions else {})}
STARTED = time.monotonic()


def progress(text: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.0f} s] {text}", file=sys.stderr, flush=True)


def cpu_ms(pid: int) -> float:
    """CPU time of a process so far (user + system, all threads, also those that have ended), in ms."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def start_server(script: Path, cwd: Path, env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` with cwd `cwd` on a free loopback port; its output goes to `log`."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, process, timeout=120)
    return process, url


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def build_app_stores(app: Path, workdir: Path, env: dict[str, str]) -> dict[str, Path]:
    """The default and the 100x store, built by the app's own code (its schema, its seeds)."""
    code = "import sys; from pathlib import Path; from common import build_stores; build_stores(Path(sys.argv[1]))"
    subprocess.run(
        [sys.executable, "-c", code, str(workdir)],
        cwd=app / "benchmarks",
        env={**env, "PYTHONPATH": str(app)},
        check=True,
    )
    return {"default": workdir / "default.duckdb", "x100": workdir / "x100.duckdb"}


def median(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summary(samples: list[Sample]) -> dict:
    """Medians of the samples' figures (the raw values are kept too)."""
    return {
        "ms": median([s.ms for s in samples]),
        "server_ms": median([s.server_ms for s in samples]),
        "cpu_ms": median([s.cpu_ms for s in samples]),
        "ws_kib": median([s.ws_bytes / 1024 for s in samples]),
        "raw_ms": [round(s.ms) for s in samples],
        "raw_cpu_ms": [s.cpu_ms for s in samples],
    }


def open_tab(context, url: str, heading: str):
    """A tab in `context` with the app at `url` rendered (untimed)."""
    page = context.new_page()
    page.goto(url)
    page.evaluate("o => window.__bench.load(o)", {"heading": heading})
    page.wait_for_function("() => window.__bench.doneAt !== null", timeout=120_000, polling=100)
    return page


def measure_clicks(browser: Browser, url: str, pid: int, minimal_url: str, minimal_pid: int, rounds: int) -> dict:
    """(a), (b) and (d), (e) per click: the journey and the filter changes in one tab, interleaved with clicks
    in the minimal app's tab."""
    context = browser.new_context(viewport=VIEWPORT)
    prepare(context)
    try:
        app = open_tab(context, f"{url}/", "Översikt")
        minimal = open_tab(context, f"{minimal_url}/", "Minimal A")

        def baseline(state={"next": "Minimal B"}) -> Sample:  # noqa: B006  (the minimal app's current page)
            sample = click_nav(minimal, state["next"], cpu=lambda: cpu_ms(minimal_pid))
            state["next"] = "Minimal A" if state["next"] == "Minimal B" else "Minimal B"
            return sample

        journey: dict[str, list[Sample]] = {path: [] for path, _ in READER_PAGES}
        minimal_clicks: list[Sample] = []
        order = READER_PAGES[1:] + READER_PAGES[:1]  # from Översikt (already open) on, and back to it
        for round_number in range(rounds):
            for path, heading in order:
                journey[path].append(click_nav(app, heading, cpu=lambda: cpu_ms(pid)))
                minimal_clicks.append(baseline())
            progress(f"  journey round {round_number + 1}/{rounds}: " + ", ".join(
                f"{h} {journey[p][-1].ms:.0f}" for p, h in order) + " ms")  # fmt: skip
        filters: dict[str, list[Sample]] = {}
        filter_minimal: dict[str, list[Sample]] = {}
        actions = filter_actions(app)
        headings = dict(READER_PAGES)
        for path, pairs in actions.items():
            click_nav(app, headings[path])
            filters[path], filter_minimal[path] = [], []
            for _ in range(rounds):
                for prepare_action, action in pairs:
                    prepare_action()
                    filters[path].append(timed_action(app, action, fresh_map=path == "karta", cpu=lambda: cpu_ms(pid)))
                    filter_minimal[path].append(baseline())
            progress(f"  filter {FILTER_LABELS[path]}: " + ", ".join(f"{s.ms:.0f}" for s in filters[path]) + " ms")
        return {
            "journey": {path: summary(samples) for path, samples in journey.items()},
            "minimal": summary(minimal_clicks),
            "filters": {path: summary(samples) for path, samples in filters.items()},
            "filters_minimal": {path: summary(samples) for path, samples in filter_minimal.items()},
        }
    finally:
        context.close()


def measure_loads(browser: Browser, warm: BrowserContext, url: str, empty_url: str, rounds: int) -> dict:
    """(c) and (e) per load: cold and warm first loads of every page, interleaved with loads of the empty page
    (one per page: cold and warm in turn). `warm` has loaded every page before."""
    warm_empty = browser.new_context(viewport=VIEWPORT)
    prepare(warm_empty)
    try:
        load(warm_empty, empty_url, "Tom sida")

        def cold_load(page_url: str, heading: str, network_bytes: bool) -> Sample:
            cold = browser.new_context(viewport=VIEWPORT)
            prepare(cold)
            try:
                return load(cold, page_url, heading, network_bytes=network_bytes)
            finally:
                cold.close()

        results: dict[str, dict[str, list[Sample]]] = {}
        empty: dict[str, list[Sample]] = {"cold": [], "warm": []}
        for round_number in range(rounds):
            for index, (path, heading) in enumerate(READER_PAGES):
                samples = results.setdefault(path, {"cold": [], "warm": []})
                samples["cold"].append(cold_load(f"{url}/{path}", heading, round_number == 0))
                if index % 2 == 0:
                    empty["cold"].append(cold_load(empty_url, "Tom sida", not empty["cold"]))
                else:
                    empty["warm"].append(load(warm_empty, empty_url, "Tom sida"))
                samples["warm"].append(load(warm, f"{url}/{path}", heading))
            progress(f"  loads round {round_number + 1}/{rounds}: " + ", ".join(
                f"{h} {results[p]['cold'][-1].ms:.0f}/{results[p]['warm'][-1].ms:.0f}" for p, h in READER_PAGES
            ) + " ms (cold/warm)")  # fmt: skip

        def loads(group: dict[str, list[Sample]]) -> dict:
            first = group["cold"][0]
            return {
                "cold_ms": median([s.ms for s in group["cold"]]),
                "warm_ms": median([s.ms for s in group["warm"]]),
                "http_kib": first.http_bytes / 1024 if first.http_bytes is not None else None,
                "http_gzip_kib": first.http_gzip_bytes / 1024 if first.http_gzip_bytes is not None else None,
                "requests": first.extra.get("requests"),
                "requests_without_body": first.extra.get("no_body", 0),
                "ws_kib": first.ws_bytes / 1024,
                "raw_cold_ms": [round(s.ms) for s in group["cold"]],
                "raw_warm_ms": [round(s.ms) for s in group["warm"]],
            }

        return {"pages": {path: loads(group) for path, group in results.items()}, "empty": loads(empty)}
    finally:
        warm_empty.close()


def outside_playwright(work: Callable[[], dict]) -> dict:
    """Run `work` in a thread of its own: Playwright's sync API keeps an event loop running in this one,
    and sessions.measure runs its own (asyncio.run)."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    thread = threading.Thread(target=target, name="sessions")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


def measure_sessions(url: str, pid: int, seconds: float) -> dict:
    """(g): N concurrent protocol-level sessions, through helper H2's benchmarks/sessions.py."""
    pages = [path or "oversikt" for path, _ in READER_PAGES]
    out = {}
    for n in (1, 10, 30):
        progress(f"  {n} sessions, at most {seconds:.0f} s")
        try:
            out[n] = outside_playwright(lambda n=n: sessions.measure(url, pid, n, seconds, pages))
        except Exception as exc:  # the browser's figures are kept; the table says what went wrong
            progress(f"  sessions failed: {exc!r}")
            return {"failed": repr(exc)[:200]}
        progress(
            f"  {n} sessions: p50 {out[n]['p50_ms']:.0f} ms, p95 {out[n]['p95_ms']:.0f} ms, {out[n]['errors']} errors"
        )
    return out


def ducklake_env(server: str, size: str, store: Path, workdir: Path) -> dict[str, str]:
    """A new DuckLake store holding `store` (in a new database on `server`), as the app's environment."""
    name = f"benchmark_{size}_{os.getpid()}_{int(time.time())}"
    subprocess.run(["psql", f"{server} dbname=postgres", "-q", "-c", f"create database {name}"], check=True)
    where = Lake(f"{server} dbname={name}", workdir / f"{size}-lake")
    moved = lake_recovery.to_lake(store, where)
    progress(f"{size}: moved into {where} ({sum(n for n, _ in moved.after.values())} rows)")
    return {ENV_CATALOG: where.catalog, ENV_FOLDER: str(where.folder)}


def size_run(args, browser: Browser, size: str, store: Path, base: dict, env: dict[str, str], workdir: Path) -> dict:
    """Every measurement against one server of the app with one store."""
    server_store = workdir / f"{size}-server.duckdb"
    shutil.copyfile(store, server_store)
    app_env = {**env, **SERVER_ENV, "LOKALUTVECKLING_DB": str(server_store), "PYTHONPATH": str(args.app)}
    if args.ducklake:
        app_env.update(ducklake_env(args.ducklake, size, server_store, workdir))
    process, url = start_server(args.app / "dashboard.py", args.app, app_env, workdir / f"{size}-server.log")
    progress(f"{size}: server {url} (pid {process.pid}) from {args.app}")
    try:
        # Every page once: fills the server's caches and this context's HTTP cache (the warm loads' context).
        warm = browser.new_context(viewport=VIEWPORT)
        prepare(warm)
        for path, heading in READER_PAGES:
            load(warm, f"{url}/{path}", heading)
        progress(f"{size}: warmed up")
        try:
            minimal_url, minimal_pid = base["minimal_url"], base["minimal_pid"]
            result = {"clicks": measure_clicks(browser, url, process.pid, minimal_url, minimal_pid, args.rounds)}
            result["loads"] = measure_loads(browser, warm, url, base["empty_url"], args.load_rounds)
        finally:
            warm.close()
        if args.no_sessions or sessions is None:
            result["sessions"] = None
        else:
            result["sessions"] = measure_sessions(url, process.pid, args.session_seconds)
        return result
    finally:
        stop(process)


# The table ---------------------------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 0, suffix: str = "") -> str:
    return "–" if value is None else f"{value:,.{digits}f}{suffix}".replace(",", " ")


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def check(name: str, value: float | None, limit: float, unit: str = "×") -> tuple[str, bool | None]:
    if value is None:
        return f"{name} –", None
    ok = value <= limit
    shown = f"{value:.0f}{unit}" if unit.strip() in ("ms", "MB") and value >= 10 else f"{value:.2f}{unit}"
    return f"{name} {shown} {'pass' if ok else 'FAIL'}", ok


def table(results: dict, sizes: list[str], note: str) -> tuple[str, int, int]:
    head = (
        "| data | page or action | click, ms | × minimal | server answer, ms | CPU/run, ms | websocket KiB | "
        "cold load, ms | × empty | warm load, ms | × empty | cold HTTP KiB (gzip) | 100×/default click, KiB, CPU | "
        "targets (issue 13) |"
    )
    lines = [head, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|"]
    passed = failed = 0

    def verdicts(items: list[tuple[str, bool | None]]) -> str:
        nonlocal passed, failed
        passed += sum(ok is True for _, ok in items)
        failed += sum(ok is False for _, ok in items)
        return "; ".join(text for text, ok in items if ok is not None) or "–"

    for size in sizes:
        r = results[size]
        clicks, loads = r["clicks"], r["loads"]
        m, e = clicks["minimal"], loads["empty"]
        lines.append(
            f"| {size} | minimal two-page app (baseline) | {fmt(m['ms'])} | 1 | {fmt(m['server_ms'])} | {fmt(m['cpu_ms'])} "
            f"| {fmt(m['ws_kib'], 1)} | | | | | | | |"
        )
        lines.append(
            f"| {size} | empty page (baseline) | | | | | | {fmt(e['cold_ms'])} | 1 | {fmt(e['warm_ms'])} | 1 "
            f"| {fmt(e['http_kib'])} ({fmt(e['http_gzip_kib'])}) | | |"
        )
        for path, heading in READER_PAGES:
            c, ld = clicks["journey"][path], loads["pages"][path]
            items = [
                check("click", ratio(c["ms"], m["ms"]), CLICK_TARGET),
                check("cold", ratio(ld["cold_ms"], e["cold_ms"]), LOAD_TARGET),
                check("warm", ratio(ld["warm_ms"], e["warm_ms"]), LOAD_TARGET),
            ]
            scale = ""
            if size == "default":
                items.append(check("CPU", c["cpu_ms"], CPU_TARGET, " ms"))
            elif "default" in results:
                d = results["default"]["clicks"]["journey"][path]
                factors = [ratio(c[k], d[k]) for k in ("ms", "ws_kib", "cpu_ms")]
                scale = ", ".join(fmt(f, 2) for f in factors)
                items += [
                    check(f"100× {k}", f, SCALE_TARGET) for k, f in zip(("click", "KiB", "CPU"), factors, strict=True)
                ]
            lines.append(
                f"| {size} | {heading} | {fmt(c['ms'])} | {fmt(ratio(c['ms'], m['ms']), 2)} | {fmt(c['server_ms'])} "
                f"| {fmt(c['cpu_ms'])} | {fmt(c['ws_kib'], 1)} | {fmt(ld['cold_ms'])} | {fmt(ratio(ld['cold_ms'], e['cold_ms']), 2)} "
                f"| {fmt(ld['warm_ms'])} | {fmt(ratio(ld['warm_ms'], e['warm_ms']), 2)} "
                f"| {fmt(ld['http_kib'])} ({fmt(ld['http_gzip_kib'])}) | {scale} | {verdicts(items)} |"
            )
        for path, label in FILTER_LABELS.items():
            c, fm = clicks["filters"][path], clicks["filters_minimal"][path]
            items = [check("click", ratio(c["ms"], fm["ms"]), CLICK_TARGET)]
            if size == "default":
                items.append(check("CPU", c["cpu_ms"], CPU_TARGET, " ms"))
            lines.append(
                f"| {size} | {label} | {fmt(c['ms'])} | {fmt(ratio(c['ms'], fm['ms']), 2)} | {fmt(c['server_ms'])} "
                f"| {fmt(c['cpu_ms'])} | {fmt(c['ws_kib'], 1)} | | | | | | | {verdicts(items)} |"
            )
        s = r["sessions"]
        if s is None or "failed" in s:
            lines.append(
                f"| {size} | sessions | {note if s is None else 'failed: ' + s['failed']} | | | | | | | | | | | |"
            )
            continue
        one = s[1]
        for n, v in s.items():
            items = []
            if n == 30:
                back = v["rss_after_mb"] <= v["rss_before_mb"] * 1.1
                items = [
                    check("p95 vs one", ratio(v["p95_ms"], one["p95_ms"]), SESSIONS_TARGET),
                    (f"errors {v['errors']} {'pass' if not v['errors'] else 'FAIL'}", not v["errors"]),
                    (f"memory back {'pass' if back else 'FAIL'}", back),
                ]
                if size != "default":
                    items.append(check("MB/session", v.get("mb_per_session"), SESSION_MB_TARGET, " MB"))
            lines.append(
                f"| {size} | {n} concurrent sessions (protocol) | p50 {fmt(v['p50_ms'])} / p95 {fmt(v['p95_ms'])} "
                f"| p95 {fmt(ratio(v['p95_ms'], one['p95_ms']), 2)}× one | {v['runs']} runs, {v['errors']} errors | "
                f"| RSS MB {fmt(v['rss_before_mb'])} → peak {fmt(v['rss_peak_mb'])} → {fmt(v['rss_after_mb'])} after "
                f"| {fmt(v.get('mb_per_session'), 1)} MB/session | | | | | | {verdicts(items)} |"
            )
    return "\n".join(lines), passed, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", type=Path, default=ROOT, help="the checkout whose dashboard.py is measured")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the journey and the filter changes")
    parser.add_argument("--load-rounds", type=int, default=2, help="rounds of cold and warm first loads")
    parser.add_argument("--sizes", default="default,x100")
    parser.add_argument("--no-sessions", action="store_true")
    parser.add_argument("--session-seconds", type=float, default=15.0)
    parser.add_argument("--ducklake", default="", help="measure on a DuckLake store on this PostgreSQL server")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stopped: the servers are stopped too (finally)
    args.app = args.app.resolve()
    sizes = args.sizes.split(",")
    env = dict(os.environ)
    for name, default in (("LOKALUTVECKLING_GEO", "geo"), ("LOKALUTVECKLING_DOKUMENT", "seeds")):
        if name not in env and (ROOT.parent / "shared" / default).exists():
            env[name] = str(ROOT.parent / "shared" / default)
    note = "not measured (--no-sessions)" if args.no_sessions else "not measured (no benchmarks/sessions.py)"
    started = datetime.now().astimezone()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        workdir = Path(tmp)
        progress(f"building the stores with {args.app}'s code")
        stores = build_app_stores(args.app, workdir / "stores", env)
        base_env = {**env, **SERVER_ENV, "PYTHONPATH": str(ROOT)}
        empty, empty_url = start_server(ROOT / "benchmarks" / "empty_app.py", ROOT, base_env, workdir / "empty.log")
        minimal, minimal_url = start_server(
            ROOT / "benchmarks" / "minimal_app.py", ROOT, base_env, workdir / "minimal.log"
        )
        base = {"empty_url": empty_url, "minimal_url": minimal_url, "minimal_pid": minimal.pid}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                try:
                    for size in sizes:
                        results[size] = size_run(args, browser, size, stores[size], base, env, workdir)
                finally:
                    browser.close()
        finally:
            stop(empty)
            stop(minimal)
    minutes = (time.monotonic() - STARTED) / 60
    commit = subprocess.run(["git", "-C", str(args.app), "log", "-1", "--format=%h %s"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(args.app), "status", "--porcelain"], capture_output=True, text=True)
    text, passed, failed = table(results, sizes, note)
    header = (
        f"Measured {started:%Y-%m-%d %H:%M %Z} in {minutes:.1f} min: app {args.app} at {commit.stdout.strip()[:60]}…"
        f"{' (with uncommitted changes)' if dirty.stdout.strip() else ''}; `benchmarks/run.py --rounds {args.rounds} "
        f"--load-rounds {args.load_rounds} --sizes {args.sizes}"
        f"{' --ducklake …' if args.ducklake else ''}`{'; on DuckLake (PostgreSQL catalog)' if args.ducklake else ''}; Chromium {VIEWPORT['width']}x{VIEWPORT['height']}; "
        "medians; times in ms, bytes in KiB."
    )
    footer = f"Targets: {passed} pass, {failed} fail."
    print(header, "", text, "", footer, sep="\n")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stem = f"run-{started:%Y%m%d-%H%M%S}"
    (out / f"{stem}.md").write_text("\n".join([header, "", text, "", footer, ""]), encoding="utf-8")
    (out / f"{stem}.json").write_text(json.dumps({"args": vars(args) | {"app": str(args.app)}, "results": results},
                                                 indent=1, default=str), encoding="utf-8")  # fmt: skip
    progress(f"saved benchmarks/results/{stem}.md and .json")


if __name__ == "__main__":
    main()
