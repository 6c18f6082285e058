"""The garbage collector between runs: Streamlit's full collection after every run is off, and what a
page's first run loaded is frozen out of later scans, while later garbage is still collected."""

from __future__ import annotations

import gc
import sys
import threading
import types
import weakref

import pytest
from streamlit import config

from lokalutveckling.paths import ROOT
from lokalutveckling.ui import collector


def test_the_servers_config_turns_streamlits_collection_after_every_run_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # Streamlit reads .streamlit/config.toml from the working directory, as `streamlit run` does.
    monkeypatch.chdir(ROOT)
    try:
        config.get_config_options(force_reparse=True)
        assert config.get_option("runner.postScriptGC") is False
    finally:
        config.get_config_options(force_reparse=True)


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_a_run_that_loaded_modules_freezes_what_is_alive_and_the_next_does_not(unfrozen: None) -> None:
    collector.after_run()  # whatever the suite loaded so far
    gc.unfreeze()
    sys.modules["lokalutveckling_test_new_module"] = types.ModuleType("lokalutveckling_test_new_module")
    try:
        assert collector.after_run() is True
        assert gc.get_freeze_count() > 0
        assert collector.after_run() is False  # no module loaded since
    finally:
        del sys.modules["lokalutveckling_test_new_module"]


def test_garbage_made_after_the_freeze_is_still_collected(unfrozen: None) -> None:
    sys.modules["lokalutveckling_test_other_module"] = types.ModuleType("lokalutveckling_test_other_module")
    try:
        collector.after_run()
    finally:
        del sys.modules["lokalutveckling_test_other_module"]
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the cyclic collector frees it
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None


def test_release_frees_what_closed_sessions_left_in_cycles() -> None:
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    collector.release()
    assert gone() is None


def test_memory_is_released_once_the_server_is_quiet_after_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    released = threading.Event()
    monkeypatch.setattr(collector, "QUIET", 0.05)
    monkeypatch.setattr(collector, "release", released.set)
    collector.after_run()
    assert released.wait(timeout=30)  # the watcher's next look after the run (a state, not a sleep)
    released.clear()
    assert collector._last_run is None  # released once per quiet time, not again until the next run
