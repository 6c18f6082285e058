"""The garbage collector between runs: Streamlit's full collection after every run is off, and what a
page's first run loaded is frozen out of later scans, while later garbage is still collected."""

from __future__ import annotations

import gc
import sys
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
