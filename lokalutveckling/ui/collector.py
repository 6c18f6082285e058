"""Python's cyclic garbage collector and the server's page runs.

Streamlit collects every generation (`gc.collect(2)`) after each script run (`runner.postScriptGC`, on by
default). Over the objects of pandas, Plotly, folium, DuckDB's client and the app's own modules that full
collection was most of a run's CPU: 94 of 129 ms per run on the server, on the path to the browser (it
runs before the run's end goes out; issue 13). `.streamlit/config.toml` turns it off, and `after_run`
moves what is alive after a run that loaded new modules (a page's first run in this process: the
modules, classes and cached resources that live as long as the process) out of the collector's view
(`gc.freeze`), so the collections Python still makes by itself look only at what later runs create.
Memory freed by reference counting (almost everything a run makes) is freed as before.
"""

from __future__ import annotations

import gc
import sys
import threading

_lock = threading.Lock()
_modules_frozen = 0  # how many modules were loaded at the last freeze


def after_run() -> bool:
    """Freeze what is alive now if modules were loaded since the last freeze; True if it froze."""
    global _modules_frozen
    if len(sys.modules) == _modules_frozen:
        return False
    with _lock:
        if len(sys.modules) == _modules_frozen:
            return False
        gc.collect()  # what is garbage now is not kept for good
        gc.freeze()
        _modules_frozen = len(sys.modules)
    return True
