"""Every key this app keeps in Streamlit's session state, and the one module that reads and writes it.

A browser session's state holds two kinds of entries: the app's own (a leading underscore where no
widget has the key) and the values of widgets, under the widget's `key=` (also the URL parameter where
the widget is bound to the address, so these names are part of every link and must not change). Other
modules name a key by the constant here and go through the functions below; none of them touches
`st.session_state` itself.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from lokalutveckling.domain import User

# The app's own state ---------------------------------------------------------------------------------
FILTER = "_filter"  # the sidebar's data.Filter for this run (dashboard.py sets it before the page runs)
FILTERS_APPLY = "_filters_apply"  # whether the sidebar filters apply to the page running (for downloads)
LINKS = "_links"  # ui.links: per URL key, what it last wrote and how the codes were shown then
SIGNED_IN = "inloggad_anvandare"  # the locally signed-in User
SAVED = "_sparat"  # the confirmation of the last write, shown once after the rerun that follows it
SAVES = "_sparade"  # how many writes this session made (the unsaved-text guard starts over on each)
CHOSEN_ROW = "_insats_vald_rad"  # the register row chosen in the last run (views.insatser.show_register)
CLICKED_AREA = "_karta_klickat_omrade"  # the area just clicked on Karta's map (views.karta)
IMPORT_PREVIEW = "imp_preview"  # the Data page's preview of an uploaded file
STORE_EXPORT = "imp_export"  # the Data page's export of the whole store (zip, workbook)
REFRESH_PLAN = "imp_refresh_plan"  # the Data page's checked `stats refresh` plan (sources.refresh.Plan)
RECORDING = "_vy_pagar"  # the view this run is drawing, as a rendering.model.Report (ui.recording)
RECORDED = "_vy"  # the view the last finished run drew: what the report, slides and presentation show

# Widgets whose value other code reads (the key is also the URL parameter of a bound widget) -----------
LANGUAGE = "lang"
INSATS = "insats"  # the insats open in full on Insatser
SEARCH = "sok"  # Insatser's search text
TARGET_GROUPS = "malgrupp"  # Insatser's målgrupp filter
FLAGGED = "flaggade"  # Insatser's "only flagged" toggle
AREA = "omrade"  # the area Område shows
AREA_SEARCH = "omrade_sok"  # Område's name search
MAP = "karta_omradesteam"  # Karta's map (st_folium's last clicked drawing)
PRESENTATION_KEYS = "presentation_tangenter"  # presentation mode's keys (ui.presentation_keys: the slide to show)


def form_round(form: str) -> str:
    """How often a form's fields were shown afresh (views get new keys each time, ui.forms)."""
    return f"_omgang_{form}"


def pager(table: str, part: str) -> str:
    """A widget of a long table's pager (ui.paging): 'sida', 'rader', 'sortera', 'fallande' (each also the
    URL parameter, `?insatser_sida=2`), and the buttons 'forra', 'nasta'."""
    return f"{table}_{part}"


def pager_view(table: str) -> str:
    """What the pager's page number was counted for (ui.paging): when it changes, back to page 1."""
    return f"_sidor_{table}"


def loaded_insats(insats_id: str) -> str:
    """The insats as the editor loaded it, kept for the whole edit (ui.forms)."""
    return f"_laddad_{insats_id}"


def conflict(insats_id: str) -> str:
    """The conflict of an editor's save with someone else's, shown until the stored version is loaded."""
    return f"_konflikt_{insats_id}"


def loaded_row(tabell: str, row_id: str) -> str:
    """An uppdrag or återrapporteringskrav as the editor loaded it, kept for the whole edit (ui.uppdrag_forms)."""
    return f"_laddad_{tabell}_{row_id}"


def row_conflict(tabell: str, row_id: str) -> str:
    """The conflict of an editor's save of an uppdrag or krav with someone else's (ui.uppdrag_forms)."""
    return f"_konflikt_{tabell}_{row_id}"


# Reading and writing ---------------------------------------------------------------------------------


def has(key: str) -> bool:
    return key in st.session_state


def get(key: str, default: Any = None) -> Any:
    return st.session_state.get(key, default)


def put(key: str, value: Any) -> None:
    st.session_state[key] = value


def pop(key: str, default: Any = None) -> Any:
    return st.session_state.pop(key, default)


def delete(key: str) -> None:
    del st.session_state[key]


def setdefault(key: str, value: Any) -> Any:
    return st.session_state.setdefault(key, value)


def keys_starting(prefix: str) -> list[str]:
    """Every key that starts with `prefix` (a form's fields)."""
    return [str(k) for k in st.session_state if str(k).startswith(prefix)]


# The app's own entries, by what they mean ------------------------------------------------------------


def signed_in() -> User | None:
    """The locally signed-in user of this session, or None."""
    user = st.session_state.get(SIGNED_IN)
    return user if isinstance(user, User) else None


def remember_signed_in(user: User) -> None:
    st.session_state[SIGNED_IN] = user


def forget_signed_in() -> None:
    st.session_state.pop(SIGNED_IN, None)


def say_saved(message: str) -> None:
    """Keep the confirmation of a write for the rerun that shows it."""
    st.session_state[SAVED] = message
