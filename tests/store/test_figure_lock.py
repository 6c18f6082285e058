"""Plotly's figures are not safe to build or read from two threads at once (plotly.py issue 3441): the
shared figures are built under store.cache.FIGURES, and ui.chart copies them under it."""

from __future__ import annotations

import threading

import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from lokalutveckling.store import cache


def held_elsewhere() -> bool:
    """Whether another thread finds FIGURES taken right now."""
    got: list[bool] = []

    def probe() -> None:
        got.append(cache.FIGURES.acquire(blocking=False))
        if got[0]:
            cache.FIGURES.release()

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return not got[0]


def test_a_shared_figure_is_built_holding_the_figure_lock() -> None:
    seen: list[bool] = []

    def build(_f: object, _lang: str) -> go.Figure:
        seen.append(held_elsewhere())
        return go.Figure(go.Bar(x=["a"], y=[1]))

    cache.cached_figure("test_figure_lock", "ingen", "sv", build)
    assert seen == [True]
    assert not held_elsewhere()  # and let go afterwards


def test_a_chart_copies_its_figure_holding_the_figure_lock() -> None:
    def script() -> None:
        import plotly.graph_objects as go

        from lokalutveckling import figures, ui
        from tests.store.test_figure_lock import held_elsewhere

        original = figures.with_provenance

        def checked(fig, **kw):
            import streamlit as st

            st.session_state["held"] = held_elsewhere()
            return original(fig, **kw)

        figures.with_provenance = checked
        try:
            ui.chart(go.Figure(go.Bar(x=["a"], y=[1])), None, key="lås", kind="exempel", caption="Test")
        finally:
            figures.with_provenance = original

    at = AppTest.from_function(script, default_timeout=60).run()
    assert not at.exception, at.exception
    assert at.session_state["held"] is True
