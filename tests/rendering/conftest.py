"""Real recorded views for the rendering tests: the app run in AppTest on the test store (tests/conftest.py
`db_file`), each page's view as ui.recording kept it (a rendering.model.Report)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from lokalutveckling.paths import ROOT
from lokalutveckling.rendering.model import Report
from lokalutveckling.ui import session

ENTRY = str(ROOT / "dashboard.py")


def _pages_through_the_entry_point(*args: object, **kwargs: object) -> PagesManager:
    """AppTest's pages manager, with the legacy pages-folder mode off as the app turns it off in a real server
    (ui.pages.run_through_the_entry_point): AppTest turns it on again before every run, and then runs a
    switched-to page alone, without dashboard.py, which records the view."""
    manager = PagesManager(*args, **kwargs)
    PagesManager.uses_pages_directory = False
    return manager


@pytest.fixture(scope="session")
def recorded_views(db_file: Path) -> Iterator[dict[str, Report]]:
    """Översikt with `?ar=2022`, then Karta and Beslut och källor (the filter kept), as recorded."""
    st.cache_resource.clear()  # the store of this session, not one an earlier test had open
    st.cache_data.clear()
    gc.collect()
    views: dict[str, Report] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_test_module, "PagesManager", _pages_through_the_entry_point)
        patch.setattr(PagesManager, "uses_pages_directory", PagesManager.uses_pages_directory)  # put back after
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.query_params["ar"] = "2022"
        for page in (None, "pages/karta.py", "pages/beslut.py"):
            if page:
                at.switch_page(page)
            at.run()
            assert not at.exception, [e.value for e in at.exception]
            report = at.session_state[session.RECORDED]
            views[report.page] = report
    assert list(views) == ["oversikt", "karta", "beslut"]
    yield views
