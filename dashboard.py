"""Entry point: page config, navigation over every page, and the shared sidebar."""

from __future__ import annotations

import streamlit as st

from lokalutveckling import cache, editing, store, ui
from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT

# A local icon: a Material or emoji icon would make the browser fetch the favicon from the internet.
st.set_page_config(
    page_title="Lokal utveckling i Malmö",
    page_icon=str(ROOT / "lokalutveckling" / "assets" / "favicon.png"),
    layout="wide",
)

try:
    cache.connection()
except store.StoreUnreadableError as exc:  # the page says what is wrong instead of a traceback
    st.error(str(exc), icon=":material/database:")
    st.stop()
language = ui.language_switch()
pages = [
    st.Page(
        ROOT / "pages" / "oversikt.py",
        title=t("nav_oversikt", language),
        icon=":material/dashboard:",
        default=True,
    ),
    st.Page(ROOT / "pages" / "karta.py", title=t("nav_karta", language), icon=":material/map:", url_path="karta"),
    st.Page(
        ROOT / "pages" / "omrade.py",
        title=t("nav_omrade", language),
        icon=":material/location_city:",
        url_path="omrade",
    ),
    st.Page(
        ROOT / "pages" / "insatser.py",
        title=t("nav_insatser", language),
        icon=":material/list_alt:",
        url_path="insatser",
    ),
    st.Page(
        ROOT / "pages" / "namnder.py",
        title=t("nav_namnder", language),
        icon=":material/account_balance:",
        url_path="namnder",
    ),
    st.Page(
        ROOT / "pages" / "behov.py",
        title=t("nav_behov", language),
        icon=":material/balance:",
        url_path="behov",
    ),
    st.Page(
        ROOT / "pages" / "kvalitet.py",
        title=t("nav_kvalitet", language),
        icon=":material/fact_check:",
        url_path="kvalitet",
    ),
    st.Page(ROOT / "pages" / "beslut.py", title=t("nav_beslut", language), icon=":material/gavel:", url_path="beslut"),
]
current = editing.user()
if current is not None and current.can_edit:
    pages.append(st.Page(ROOT / "pages" / "data.py", title=t("nav_data", language), icon=":material/upload_file:"))
if current is not None and current.is_admin:
    pages.append(
        st.Page(
            ROOT / "pages" / "konton.py", title=t("nav_konton", language), icon=":material/group:", url_path="konton"
        )
    )
page = st.navigation(pages)
st.session_state["_filter"] = ui.sidebar_filters()
editing.sign_in_box(language)
ui.data_status()
page.run()
