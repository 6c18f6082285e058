"""The page's language: the switch in the sidebar, bound to the URL (`?lang=EN`), and what every page asks first."""

from __future__ import annotations

import streamlit as st

from lokalutveckling.i18n import LANGUAGES, t
from lokalutveckling.ui import session
from lokalutveckling.ui.pages import run_through_the_entry_point

# Shown as is and kept in the URL as is (`?lang=EN`): the language switch keeps Streamlit's own binding,
# which stores the displayed label, here the code itself. Every other choice is kept as a code (links).
LANGUAGE_LABELS = {"SV": "sv", "EN": "en"}


def lang() -> str:
    """The chosen UI language ('sv' or 'en'). Every page asks first, so it also guards the frame."""
    if not session.has(session.FILTER):
        run_through_the_entry_point()
    value = LANGUAGE_LABELS.get(session.get(session.LANGUAGE) or "SV", "sv")
    return value if value in LANGUAGES else "sv"


def language_switch() -> str:
    """The language control, bound to the URL parameter `lang`."""
    st.sidebar.segmented_control(
        t("language", lang()),
        options=list(LANGUAGE_LABELS),
        default="SV",
        key=session.LANGUAGE,
        bind="query-params",
        required=True,
    )
    return lang()
