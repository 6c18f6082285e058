"""The click baseline: a minimal two-page st.navigation app, measured in the same run as the real pages."""

import streamlit as st

# The project's config.toml hides the sidebar navigation (see dashboard.py); this app shows its own.
st.set_option("client.showSidebarNavigation", True)


def first() -> None:
    st.title("Minimal A")


def second() -> None:
    st.title("Minimal B")


st.navigation([st.Page(first, title="Minimal A", default=True), st.Page(second, title="Minimal B", url_path="b")]).run()
