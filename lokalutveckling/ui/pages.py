"""What the app needs to know about Streamlit's pages that Streamlit offers no public API for, in one place:
which page script runs now, whether this run came from the browser's back/forward buttons, and sending a
page that ran without the entry point through dashboard.py.
tests/ui/test_streamlit_pages.py checks both against the Streamlit version installed. Also the app's pages
themselves (PAGES), which dashboard.py's navigation, the report command and the benchmarks share."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

# Every page: its file (also its URL path and text key nav_<name>), icon, who sees it, and whether the
# sidebar filters apply to it (elsewhere they are shown greyed out, keeping their choices).
PAGES = [
    ("oversikt", ":material/dashboard:", "alla", True),
    ("karta", ":material/map:", "alla", True),
    ("omrade", ":material/location_city:", "alla", False),
    ("insatser", ":material/list_alt:", "alla", True),
    ("namnder", ":material/account_balance:", "alla", True),
    ("behov", ":material/balance:", "alla", True),
    ("effekt", ":material/insights:", "alla", False),
    ("kvalitet", ":material/fact_check:", "alla", False),
    ("beslut", ":material/gavel:", "alla", True),
    ("uppdrag", ":material/assignment:", "alla", False),
    ("data", ":material/upload_file:", "redaktor", False),
    ("konton", ":material/group:", "admin", False),
]
# The pages every reader sees: the views a link, a report, slides and presentation mode can show.
READER_PAGES = tuple(name for name, _, who, _ in PAGES if who == "alla")


def page_name() -> str:
    """The page running now by its file name ('oversikt'), '' outside a page."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return ""
    page = ctx.pages_manager.get_pages().get(ctx.pages_manager.current_page_script_hash) or {}
    return Path(str(page.get("script_path") or "")).stem if page.get("script_path") else ""


def is_history_navigation() -> bool:
    """True when this run came from the browser's back or forward button (the URL then decides)."""
    return bool(getattr(get_script_run_ctx(), "is_history_navigation", False))


def run_through_the_entry_point() -> None:
    """Recover when Streamlit ran a page script without dashboard.py.

    Streamlit treats an app with a `pages/` folder as a legacy multipage app until some session has
    called `st.navigation`; a first request straight to a page URL after a restart (a shared link)
    then runs the page alone, without the frame. Switching the legacy mode off and rerunning sends
    this and every later run through dashboard.py (tests/e2e/test_browser.py, a shared link after a restart).
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
