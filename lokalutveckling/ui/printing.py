"""The browser's own print of any page: a clean A4 (lokalutveckling/assets/print.css: no sidebar, header,
toolbar or on-screen buttons; the main block the page's width; charts not cut) and charts drawn again at
the printed page's width (assets/print.js: Plotly draws in pixels at the screen's width)."""

from __future__ import annotations

from functools import cache

import streamlit as st

from lokalutveckling.paths import ROOT

STYLE = ROOT / "lokalutveckling" / "assets" / "print.css"
SCRIPT = ROOT / "lokalutveckling" / "assets" / "print.js"
KEY = "lokalutveckling_print"  # the script's container, hidden by print.css's rule for .st-key-<KEY>


@cache
def _script() -> str:
    return f"<script>{SCRIPT.read_text(encoding='utf-8')}</script>"


def for_print() -> None:
    """The print stylesheet (in Streamlit's event container: it takes no room) and the script, in a
    hidden container of its own at the top of the page (dashboard.py, every page)."""
    st.html(STYLE)
    with st.container(key=KEY):
        st.html(_script(), unsafe_allow_javascript=True)
