"""Entry point: page config, navigation over every page, and the shared sidebar."""

from __future__ import annotations

import streamlit as st

from lokalutveckling import ui
from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT
from lokalutveckling.store import cache, recovery
from lokalutveckling.ui import collector, printing, recording, signin
from lokalutveckling.ui.pages import PAGES
from lokalutveckling.views import presentation

# A local icon: a Material or emoji icon would make the browser fetch the favicon from the internet.
st.set_page_config(
    page_title="Lokal utveckling i Malmö",
    page_icon=str(ROOT / "lokalutveckling" / "assets" / "favicon.png"),
    layout="wide",
)
printing.for_print()  # the browser's own print gives a clean A4 of any page

try:
    cache.connection()
    cache.follow_other_processes()  # a DuckLake store: another process's write shows on this run
except (recovery.StoreBusy, recovery.StoreBroken) as exc:  # a page that says what to do, never a traceback
    ui.store_unavailable(exc)
cache.daily_snapshots()
language = ui.language_switch()
current = signin.user()
allowed = {
    "alla",
    *(["redaktor"] if current and current.can_edit else []),
    *(["admin"] if current and current.is_admin else []),
}
pages = {
    st.Page(
        ROOT / "pages" / f"{name}.py",
        title=t(f"nav_{name}", language),
        icon=icon,
        url_path=None if name == "oversikt" else name,
        default=name == "oversikt",  # the default page is served at "/"
    ): filtered
    for name, icon, who, filtered in PAGES
    if who in allowed
}
# The source document viewer (pages/dokument.py, `dokument?dok=<kalla_id>&rad=<n>`): opened by the links on
# sources, for everyone; not listed in the menu.
viewer = st.Page(
    ROOT / "pages" / "dokument.py",
    title=t("nav_dokument", language),
    icon=":material/description:",
    url_path="dokument",
    visibility="hidden",
)
pages[viewer] = False
# config.toml hides the sidebar navigation so that the first run after a start, which Streamlit makes
# from the pages/ folder, lists no page; this navigation (only the pages this user may see) is shown.
st.set_option("client.showSidebarNavigation", True)
page = st.navigation(list(pages))
ui.set_filter(ui.sidebar(language, filters_apply=pages.get(page, True)))
# What the page draws is kept as a view (ui.recording): the report, the slides and presentation mode show it.
recording.start(ui.page_title(), ui.filter_text())
with presentation.page_frame():  # in presentation mode (?presentation=1) the page runs unseen
    page.run()
recording.finish()
presentation.show(recording.last())  # in presentation mode: what the page drew, one slide at a time
presentation.meeting_controls(recording.last())  # else: Presentera, PDF-rapport, Bildspel (top right)
# A page's first run in this process loaded its modules: keep them out of the garbage collector's scans.
collector.after_run()
