"""The places the app relies on Streamlit's pages without a public API (lokalutveckling.ui.pages).
Inside a page run, the page's name is checked through the file names of its downloads
(tests/views/test_downloads_carry.py); the recovery from a page run alone in a browser after a restart
(tests/e2e/test_browser.py)."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from lokalutveckling.ui import pages


def test_a_page_run_without_the_entry_point_turns_the_legacy_mode_off_and_reruns(monkeypatch):
    reruns = []
    monkeypatch.setattr(PagesManager, "uses_pages_directory", True)
    monkeypatch.setattr(st, "rerun", lambda: reruns.append(True))
    pages.run_through_the_entry_point()
    assert PagesManager.uses_pages_directory is False and reruns == [True]
    pages.run_through_the_entry_point()  # once off, nothing more happens
    assert reruns == [True]


def test_outside_a_page_run_no_page_is_named():
    assert pages.page_name() == ""


def test_outside_a_page_run_it_is_no_history_navigation():
    assert pages.is_history_navigation() is False


def test_a_run_from_the_back_button_is_told_apart(monkeypatch):
    """The flag Streamlit sets on a run the browser's history started (the URL then decides, tests/ui/test_links.py
    and tests/e2e/test_links.py)."""

    from dataclasses import fields

    from streamlit.runtime.scriptrunner import ScriptRunContext

    assert "is_history_navigation" in {f.name for f in fields(ScriptRunContext)}  # the installed Streamlit has it

    class Run:
        is_history_navigation = True

    monkeypatch.setattr(pages, "get_script_run_ctx", lambda: Run())
    assert pages.is_history_navigation() is True
    Run.is_history_navigation = False
    assert pages.is_history_navigation() is False
