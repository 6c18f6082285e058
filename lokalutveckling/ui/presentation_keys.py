"""The keys of presentation mode: a Streamlit component of the second kind (`st.components.v2`, like
ui.plotly_chart) whose script (presentation_js/keys.js) runs in the app's document and listens there
for the arrow keys, Page Up/Down, space, Home/End and Escape. It draws nothing; it sends the slide to
show (1-based) or 'exit' to `on_go`, which runs before the next run of the page, like a button's
on_click."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit.components.v2 as components

from lokalutveckling.ui import session

FRAME = Path(__file__).with_name("presentation_js")
COMPONENT = "lokalutveckling_presentation_keys"

_keys = components.component(
    COMPONENT, js=(FRAME / "keys.js").read_text(encoding="utf-8"), isolate_styles=False
)  # no shadow root: it listens on the document


def presentation_keys(*, position: int, count: int, on_go: Callable[[int | str], None]) -> None:
    """Listen for the presentation's keys while slide `position` of `count` is shown; a key press calls
    `on_go` with the slide to show (a number within 1..count) or 'exit'."""

    def pressed() -> None:
        value = _go(session.get(session.PRESENTATION_KEYS))
        if value is not None:
            on_go(value)

    _keys(
        data={"position": position, "count": count},
        key=session.PRESENTATION_KEYS,
        width="stretch",
        height="content",
        on_go_change=pressed,
    )


def _go(state: object) -> int | str | None:
    """The trigger value `go` in the component's state as the session shows it."""
    value = state.get("go") if isinstance(state, dict) else getattr(state, "go", None)
    if value == "exit":
        return "exit"
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
