"""Third baseline: the app's frame (navigation, language, sidebar filters, sign-in, data status) around an
empty page, to separate what the frame costs from what a page's own content costs."""

import streamlit as st
from common import ROOT  # noqa: F401  (puts the project on sys.path)

from lokalutveckling import ui
from lokalutveckling.i18n import t
from lokalutveckling.store import cache

st.set_page_config(page_title="Ram", layout="wide")
cache.connection()
language = ui.language_switch()
READER_PAGES = ("karta", "omrade", "insatser", "namnder", "behov", "kvalitet", "beslut")


def empty() -> None:
    st.title("Tom sida i appens ram")


pages = [st.Page(empty, title=t("nav_oversikt", language), url_path="tom", default=True)] + [
    st.Page(empty, title=t(f"nav_{name}", language), url_path=name) for name in READER_PAGES
]
page = st.navigation(pages)
st.session_state["_filter"] = ui.sidebar(language)
page.run()
