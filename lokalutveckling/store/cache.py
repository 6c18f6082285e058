"""The app's cached store access: one connection per process, results cached per query and parameters.

Map resources (the boundaries, Leaflet's files) are cached in `lokalutveckling.ui.resources`.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling.store import lake, recovery, snapshots
from lokalutveckling.store.builder import edit_count, seeds_newer
from lokalutveckling.store.sql import Connection, Error, run_query


@st.cache_resource(show_spinner=False)
def opened() -> recovery.Opened:
    """The process's one connection to the store and what opening it found and did.

    `recovery.open_store` builds the store when it is missing, builds it again from its journal when
    it was lost or damaged, and applies journal entries it lacks; raises recovery.StoreBusy when
    another process holds the file and recovery.StoreBroken when nothing can be done (not cached, so
    a reload tries again). Read-write, because editors write through it (lokalutveckling.writes);
    reads use their own cursor on it."""
    try:
        where = lake.target(secrets())
    except lake.LakeError as exc:
        raise recovery.StoreBroken(
            str(exc), "Den som sköter servern rättar inställningen och startar om appen."
        ) from None
    result = recovery.open_store(where)
    _current[:] = [weakref.ref(result)]
    if result.report.notable:
        print(recovery.describe(result.report), file=sys.stderr, flush=True)  # the server's log
    return result


# The open store, for the background snapshot thread; weak, so that a dropped connection can be collected.
_current: list[weakref.ref[recovery.Opened]] = []


@st.cache_resource(show_spinner=False)
def daily_snapshots() -> threading.Event:
    """Start, once per process, the thread that takes the day's snapshot while the app runs (and thins
    out old ones, see snapshots.daily); it looks once an hour. Returns the event that stops it."""
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            current = _current[0]() if _current else None
            if current is not None:
                try:
                    snapshots.daily(current.con)
                except Exception:  # logged, tried again in an hour; the app goes on
                    logging.getLogger(__name__).exception("Den dagliga ögonblicksbilden kunde inte tas")
            del current
            stop.wait(3600)

    threading.Thread(target=run, name="dagliga-ogonblicksbilder", daemon=True).start()
    return stop


def connection() -> Connection:
    """The process's one read-write connection to the store (see `opened`)."""
    return opened().con


# The DuckLake store's version when this process last looked (lake.version): [version] once known.
_seen: list[int] = []
_seen_lock = threading.Lock()


def follow_other_processes() -> bool:
    """On a DuckLake store, which other processes write too: drop every cached result when the store
    changed since the last run (any commit, by any process, moves its version). One small query per run;
    nothing on a store file, whose only writer is this process (its writes clear the caches themselves).
    True when the caches were dropped."""
    try:
        version = lake.version(connection())
    except Error as exc:
        forget_connection()  # the next run connects again, when PostgreSQL answers
        raise recovery.StoreBroken(
            f"Databasen kan inte nås ({str(exc).splitlines()[0]}).",
            "Den som sköter servern kontrollerar att PostgreSQL kör; sidan fungerar igen när den kan nås.",
        ) from None
    if version is None:
        return False
    with _seen_lock:
        changed = bool(_seen) and _seen[0] != version
        _seen[:] = [version]
    if changed:
        clear()
    return changed


def store_report() -> recovery.Report | None:
    """What opening the store (or the last recovery, within a day) did, when it is worth saying."""
    return recovery.recent_report(opened())


def forget_connection() -> None:
    """Drop the connection and everything read through it: the next run opens the store again (after
    a rebuild made through the app, which closed the old connection)."""
    opened.clear()
    _current.clear()
    clear()
    seeds_newer_than_store.clear()


@st.cache_data(show_spinner=False, max_entries=512)
def cached_query(name: str, **params: object) -> pd.DataFrame:
    """Run a named query on its own cursor (connections are shared between sessions)."""
    cursor = connection().cursor()
    try:
        return run_query(cursor, name, **params)
    finally:
        cursor.close()


# Plotly's figure objects fill some properties lazily on first read, and that is not safe from two
# threads at once (plotly.py issue 3441; seen here as "Invalid property ... scatter.Marker: 'pattern'"
# with 10 sessions): every page session's script thread builds and copies figures under this lock.
FIGURES = threading.RLock()


@st.cache_resource(show_spinner=False, max_entries=256)
def cached_figure(name: str, f: object, lang: str, _build: Callable[[object, str], go.Figure]) -> go.Figure:
    """A figure built once per (name, filter, language) and shared, not copied: unpickling a Plotly
    figure costs as much as building it. Callers never mutate the figure they get."""
    with FIGURES:
        return _build(f, lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def cached_text(name: str, f: object, lang: str, _build: Callable[[object, str], str]) -> str:
    """A text built once per (name, filter, language) and shared, like cached_figure: a figure's sentences
    (narrative), which some figures take milliseconds of pandas work to write."""
    return _build(f, lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_value(name: str, key: str, _build: Callable[[], object]) -> object:
    """A value computed from the store once per (name, key) and shared, not copied, like cached_figure: the
    effect signals of every insats (data.effekt_signaler), which Insatser and Vad ger effekt both read.
    Callers never mutate it."""
    return _build()


def clear() -> None:
    """Forget every cached result, figure, text and value, so the next rerun reads the store again."""
    cached_query.clear()
    cached_figure.clear()
    cached_text.clear()
    cached_value.clear()


def secrets() -> dict:
    """The app's secrets, or nothing when no secrets file exists."""
    try:
        return dict(st.secrets)
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return {}


@st.cache_resource(show_spinner=False)
def seeds_newer_than_store() -> bool:
    """True when the store has edits and the seed data changed after it was built (it was kept, not
    rebuilt, so no edit is lost): the sidebar says so."""
    con = connection()
    cursor = con.cursor()
    try:
        return seeds_newer(cursor) and edit_count(cursor) > 0
    finally:
        cursor.close()
