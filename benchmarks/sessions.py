"""Many sessions at once: N websocket sessions against a real `streamlit run` server, and its memory.

Each session speaks Streamlit's own protocol on /_stcore/stream (BackMsg out, ForwardMsg in, as the
browser does): it asks for a run of a page (`rerun_script` with the page's script hash, or its URL path
before the hash is known), waits for the run's `script_finished`, and asks for the next page at once,
cycling through the reader pages, until it has made `max_runs` runs or `seconds` have passed. The answer
time is from the rerun sent to `script_finished` arrived. Errors: a run that shows an exception (a delta
with an exception element, a compile error), a page the server does not find, a run that does not finish
within `RUN_TIMEOUT` seconds, a connection that drops.

Memory is the server process's VmRSS (/proc/<pid>/status): before (after a warm-up session has run
every page and the server has dropped it), the peak while the sessions run (sampled), "open" (every
session idle and still connected), "closed" (every websocket closed) and "after": once Streamlit has
really dropped the sessions. A closed session is kept for `server.disconnectedSessionTTL` seconds so
the tab can reconnect, in a TTL cache that drops expired sessions only when it is next written (another
session disconnecting). So the measurement waits out the TTL, then a probe session connects and
disconnects (no run), which makes the cache drop the expired ones, then one probe run of a page (with
runner.postScriptGC on, its post-run collection frees what the dropped sessions held in reference
cycles; with it off they wait for Python's own collections), then waits until RSS is stable. The servers started here get a short TTL (`SERVER_ENV`).

Usage: PYTHONPATH=. .venv/bin/python benchmarks/sessions.py [--sizes default,x100] [--n 1,10,30]
       [--seconds 60] [--runs 16] [--post-script-gc false] [--env NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from common import ROOT, build_stores
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.e2e.conftest import start_app

READER_PAGES = ["oversikt", "karta", "omrade", "insatser", "namnder", "behov", "kvalitet", "beslut"]
RUN_TIMEOUT = 60.0  # seconds for one run before it counts as an error
TTL = 5  # seconds a closed session is kept for reconnecting, on the servers started here
# No file watcher: other processes editing the tree must not make the server reload modules mid-run
# (seen: KeyError: 'lokalutveckling' in concurrent runs after an edit).
SERVER_ENV = {
    "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(TTL),
    "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    # The allocators as scripts/run.sh starts the server (memory back after busy times, ui/collector.py).
    "PYTHONMALLOC": "malloc",
    "MALLOC_ARENA_MAX": "2",
}


def rss_mb(pid: int) -> float:
    """The process's resident memory in MB (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


class _PeakSampler(threading.Thread):
    """Samples a process's RSS every 50 ms and keeps the highest."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, rss_mb(pid), threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            self.peak = max(self.peak, rss_mb(self.pid))

    def stop(self) -> float:
        self._done.set()
        self.join()
        return max(self.peak, rss_mb(self.pid))


def stable_rss(pid: int, *, window: float = 2.0, tolerance: float = 1.0, limit: float = 60.0) -> float:
    """RSS once it has stayed within `tolerance` MB for `window` seconds (at most `limit` seconds)."""
    deadline = time.monotonic() + limit
    samples: list[tuple[float, float]] = []
    while True:
        now, value = time.monotonic(), rss_mb(pid)
        samples = [(t, v) for t, v in samples if now - t <= window] + [(now, value)]
        span = now - samples[0][0]
        if span >= window * 0.9 and max(v for _, v in samples) - min(v for _, v in samples) <= tolerance:
            return value
        if now > deadline:
            return value
        time.sleep(0.2)


def active_sessions(url: str) -> int:
    """Connected sessions, from the server's metrics endpoint."""
    with urllib.request.urlopen(f"{url}/_stcore/metrics?families=active_sessions", timeout=10) as response:
        for line in response.read().decode().splitlines():
            if line.startswith("active_sessions"):
                return int(float(line.split()[-1]))
    return 0


@dataclass
class _Session:
    """One websocket session: its answer times and errors."""

    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    session_id: str = ""
    hashes: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    ws: websockets.ClientConnection | None = None

    async def connect(self, url: str) -> None:
        self.ws = await websockets.connect(
            url.replace("http://", "ws://", 1) + "/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=RUN_TIMEOUT,
            ping_interval=None,
        )

    async def run_page(self, page: str) -> None:
        """Ask for a run of `page` and wait for it to finish; note the time or the error."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = ""
        state.page_name = "" if page == "oversikt" else page
        state.page_script_hash = self.hashes.get(page, "")
        state.widget_states.SetInParent()
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        try:
            async with asyncio.timeout(RUN_TIMEOUT):
                while True:
                    forward = ForwardMsg.FromString(await self.ws.recv())
                    kind = forward.WhichOneof("type")
                    if kind == "new_session":
                        self.session_id = forward.new_session.initialize.session_id
                    elif kind == "navigation":
                        for app_page in forward.navigation.app_pages:
                            self.hashes[app_page.url_pathname or "oversikt"] = app_page.page_script_hash
                    elif kind == "page_not_found":
                        self.errors.append(f"{page}: page not found")
                    elif kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
                        exc = forward.delta.new_element.exception
                        self.errors.append(f"{page}: {exc.type}: {exc.message[:200]}")
                    elif kind == "session_event" and forward.session_event.HasField("script_compilation_exception"):
                        self.errors.append(f"{page}: compile error")
                    elif kind == "script_finished":
                        if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                            self.errors.append(f"{page}: compile error")
                            return
                        if forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                            self.times.append((time.perf_counter() - start) * 1000)
                            return
        except TimeoutError:
            self.errors.append(f"{page}: no script_finished within {RUN_TIMEOUT:.0f} s")
            raise
        except websockets.ConnectionClosed as exc:
            self.errors.append(f"{page}: disconnected ({exc})")
            raise

    async def run_pages(self, pages: list[str], max_runs: int, deadline: float) -> None:
        try:
            for i in range(max_runs):
                if time.monotonic() >= deadline:
                    return
                await self.run_page(pages[i % len(pages)])
        except (TimeoutError, websockets.ConnectionClosed):
            return

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


async def _visit(url: str, pages: list[str], *, existing_id: str = "") -> _Session:
    """One session that runs `pages` once and closes (warm-up, probe)."""
    session = _Session()
    if existing_id:
        session.ws = await websockets.connect(
            url.replace("http://", "ws://", 1) + "/_stcore/stream",
            subprotocols=["streamlit", "no-xsrf-token", existing_id],
            max_size=None,
        )
    else:
        await session.connect(url)
    await session.run_pages(pages, len(pages), time.monotonic() + RUN_TIMEOUT * len(pages))
    await session.close()
    return session


async def _wait_disconnected(url: str, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while active_sessions(url) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)


async def drop_closed_sessions(url: str, pid: int, ttl: float, closed_at: float) -> float:
    """Wait until Streamlit has dropped the closed sessions; return the stable RSS then."""
    await _wait_disconnected(url)
    await asyncio.sleep(max(0.0, closed_at + ttl + 0.5 - time.monotonic()))
    await _visit(url, [])  # its disconnect writes the session store, which drops the expired sessions
    await _wait_disconnected(url)
    await _visit(url, ["kvalitet"])  # one run: its post-run collection frees the dropped sessions' cycles
    await _wait_disconnected(url)
    # Stable for longer than the app's quiet time before it gives memory back (ui/collector.QUIET).
    return stable_rss(pid, window=6.0)


async def _measure(
    url: str, pid: int, sessions: int, seconds: float, pages: list[str], max_runs: int, ttl: float
) -> dict:
    warm = await _visit(url, pages)  # fills the caches; not part of the figures
    before = await drop_closed_sessions(url, pid, ttl, time.monotonic())
    sampler = _PeakSampler(pid)
    sampler.start()
    clients = [_Session() for _ in range(sessions)]
    errors: list[str] = []
    connected = await asyncio.gather(*(c.connect(url) for c in clients), return_exceptions=True)
    errors += [f"connect: {e}" for e in connected if isinstance(e, BaseException)]
    live = [c for c, e in zip(clients, connected, strict=True) if not isinstance(e, BaseException)]
    started = time.monotonic()
    # Each session starts at its own page, so the pages' costs are spread over time as with real users.
    await asyncio.gather(
        *(c.run_pages(pages[i % len(pages) :] + pages[: i % len(pages)], max_runs, started + seconds)
          for i, c in enumerate(live))
    )  # fmt: skip
    elapsed = time.monotonic() - started
    open_rss = stable_rss(pid, window=6.0, limit=20.0)  # past the app's quiet release (ui/collector.QUIET)
    await asyncio.gather(*(c.close() for c in live))
    await _wait_disconnected(url)
    closed_at = time.monotonic()
    closed = stable_rss(pid, limit=10.0)
    peak = sampler.stop()
    after = await drop_closed_sessions(url, pid, ttl, closed_at)
    probe = await _visit(url, ["kvalitet"], existing_id=live[0].session_id if live else "")
    times = sorted(t for c in clients for t in c.times)
    errors += [e for c in clients for e in c.errors] + warm.errors
    return {
        "sessions": sessions,
        "runs": len(times),
        "runs_per_s": len(times) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(times) if times else float("nan"),
        "p95_ms": times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan"),
        "errors": len(errors),
        "error_examples": errors[:5],
        "rss_before_mb": before,
        "rss_peak_mb": peak,
        "rss_open_mb": open_rss,
        "rss_closed_mb": closed,
        "rss_after_mb": after,
        "mb_per_session": (open_rss - before) / sessions,
        "mb_released_per_session": (open_rss - after) / sessions,  # what dropping them gave back
        # A reconnect with a dropped session's id gets a new session: proof that it was dropped.
        "dropped": bool(live) and probe.session_id not in ("", live[0].session_id),
    }


def measure(
    url: str,
    pid: int,
    sessions: int,
    seconds: float,
    pages: list[str],
    *,
    max_runs: int = 16,
    ttl: float | None = None,
) -> dict:
    """`sessions` concurrent websocket sessions against the server at `url` (process `pid`).

    Each reruns `pages` in turn, at most `max_runs` runs or `seconds`. `ttl` is the server's
    server.disconnectedSessionTTL (default: SERVER_ENV's, which start its server with it). Returns p50_ms,
    p95_ms, errors, runs and the server's memory (MB): before, peak, open, closed, after (dropped), and
    mb_per_session (open - before, per session)."""
    return asyncio.run(_measure(url, pid, sessions, seconds, pages, max_runs, TTL if ttl is None else ttl))


def _table(rows: list[tuple[str, dict]]) -> str:
    head = (
        "| size | N | runs | runs/s | p50 ms | p95 ms | errors | MB before | MB peak | MB open | MB closed "
        "| MB after | MB/session | MB back/session |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    )
    lines = [
        f"| {size} | {r['sessions']} | {r['runs']} | {r['runs_per_s']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} "
        f"| {r['errors']} | {r['rss_before_mb']:.0f} | {r['rss_peak_mb']:.0f} | {r['rss_open_mb']:.0f} "
        f"| {r['rss_closed_mb']:.0f} | {r['rss_after_mb']:.0f}{'' if r['dropped'] else ' (not dropped)'} "
        f"| {r['mb_per_session']:.1f} | {r['mb_released_per_session']:.1f} |"
        for size, r in rows
    ]
    return "\n".join([head, *lines])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="default,x100")
    parser.add_argument("--n", default="1,10,30")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=16, help="runs per session at most")
    parser.add_argument(
        "--post-script-gc", choices=["true", "false"], help="runner.postScriptGC (default: config.toml's)"
    )
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the server (repeatable)")
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.env)
    if args.post_script_gc:
        extra["STREAMLIT_RUNNER_POST_SCRIPT_GC"] = args.post_script_gc
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        stores = build_stores(Path(tmp))
        for size in args.sizes.split(","):
            for n in (int(x) for x in args.n.split(",")):
                db = Path(tmp) / f"{size}-{n}-server.duckdb"  # each server its own store
                shutil.copyfile(stores[size], db)
                env = {**os.environ, **SERVER_ENV, **extra, "LOKALUTVECKLING_DB": str(db)}
                process, url = start_app(ROOT / "dashboard.py", env)
                try:
                    result = measure(url, process.pid, n, args.seconds, READER_PAGES, max_runs=args.runs)
                finally:
                    process.terminate()
                    process.wait(timeout=30)
                rows.append((size, result))
                print(f"{size} N={n}: {result}", flush=True)
    print(_table(rows))


if __name__ == "__main__":
    main()
