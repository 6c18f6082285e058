"""Python's cyclic garbage collector and the server's page runs.

Streamlit collects every generation (`gc.collect(2)`) after each script run (`runner.postScriptGC`, on by
default). Over the objects of pandas, Plotly, folium, DuckDB's client and the app's own modules that full
collection was most of a run's CPU: 94 of 129 ms per run on the server, on the path to the browser (it
runs before the run's end goes out; issue 13). `.streamlit/config.toml` turns it off, and `after_run`
moves what is alive after a run that loaded new modules (a page's first run in this process: the
modules, classes and cached resources that live as long as the process) out of the collector's view
(`gc.freeze`), so the collections Python still makes by itself look only at what later runs create.
Memory freed by reference counting (almost everything a run makes) is freed as before.

When the server has been quiet for `QUIET` seconds after runs, `release` gives memory back: a full
collection (what closed sessions left in reference cycles; nothing else collects every generation now)
and glibc's `malloc_trim`, which returns the freed pages of every heap to the system. Without it a server
that had 10 sessions at 100x data kept ~150 MB after they had gone (the allocators keep the peak of
concurrent runs; issue 13). It works fully with `PYTHONMALLOC=malloc` (scripts/run.sh): Python's own
small-object allocator returns a 1 MiB arena only when every object in it is gone, so it keeps the peak.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
import threading
import time

_lock = threading.Lock()
_modules_frozen = 0  # how many modules were loaded at the last freeze
QUIET = 3.0  # seconds without a run before `release`
_last_run: float | None = None  # when the last run ended, until `release` has run after it
_watcher: threading.Thread | None = None
_libc_name = ctypes.util.find_library("c")
_libc = ctypes.CDLL(_libc_name) if _libc_name and sys.platform.startswith("linux") else None


def after_run() -> bool:
    """Freeze what is alive now if modules were loaded since the last freeze; True if it froze. Notes the
    run for `release` once the server is quiet."""
    global _modules_frozen, _last_run, _watcher
    with _lock:
        _last_run = time.monotonic()
        if _watcher is None:
            _watcher = threading.Thread(target=_release_when_quiet, name="collector-release", daemon=True)
            _watcher.start()
    if len(sys.modules) == _modules_frozen:
        return False
    with _lock:
        if len(sys.modules) == _modules_frozen:
            return False
        gc.collect()  # what is garbage now is not kept for good
        gc.freeze()
        _modules_frozen = len(sys.modules)
    return True


def release() -> None:
    """Collect every generation and give the heaps' free pages back to the system (glibc only)."""
    gc.collect()
    if _libc is not None and hasattr(_libc, "malloc_trim"):
        _libc.malloc_trim(0)


def _release_when_quiet() -> None:
    global _last_run
    while True:
        with _lock:
            wait = QUIET if _last_run is None else _last_run + QUIET - time.monotonic()
            if wait <= 0:
                _last_run = None
        if wait > 0:
            time.sleep(wait)
        else:
            release()
