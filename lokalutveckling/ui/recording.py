"""The view a run draws, kept as a rendering.model.Report: dashboard.py starts one before the page runs
and finishes it after; ui.chart, ui.table and the pages add what they draw. The report, the slides and
presentation mode draw the last finished one again, so they hold exactly what the page showed."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

import streamlit as st

from lokalutveckling.rendering.model import Item, Report
from lokalutveckling.ui import session
from lokalutveckling.ui.language import lang
from lokalutveckling.ui.pages import page_name

# URL parameters that are about how a view is shown, not what it shows.
NOT_IN_LINK = frozenset({"presentation", "bild"})


def link(page: str) -> str:
    """The page and its query string as a shared link has them ('oversikt?ar=2022&ar=2023')."""
    params = [(k, v) for k in st.query_params for v in st.query_params.get_all(k) if k not in NOT_IN_LINK]
    return f"{page}?{urlencode(params)}" if params else page


def start(title: str, filters: str, intro: str = "") -> None:
    """A new view for the page about to run (dashboard.py)."""
    page = page_name()
    session.put(
        session.RECORDING,
        Report(page=page, title=title, link=link(page), lang=lang(), filters=filters, made=datetime.now(), intro=intro),
    )


def add(item: Item) -> None:
    """Something the page drew (outside a recorded run, e.g. in a test of a view alone: nothing)."""
    report = session.get(session.RECORDING)
    if report is not None:
        report.items.append(item)


def set_intro(text: str, subject: str = "") -> None:
    """The page's opening text, plain, and what the view is about within its page (an area's name)."""
    report = session.get(session.RECORDING)
    if report is not None:
        report.intro, report.subject = text, subject


def finish() -> Report | None:
    """The view this run drew becomes the one the report, slides and presentation show."""
    report = session.pop(session.RECORDING)
    if report is not None:
        session.put(session.RECORDED, report)
    return report


def last() -> Report | None:
    """The view the last finished run drew, None before any."""
    return session.get(session.RECORDED)
