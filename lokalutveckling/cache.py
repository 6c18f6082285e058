"""The app's cached store access: one connection per process, results cached per query and parameters."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import geo, store
from lokalutveckling.paths import db_path


@st.cache_resource(show_spinner=False)
def connection() -> store.Connection:
    """The process's one connection to the store, built first if it is missing (or older than the seeds
    and never edited). Read-write, because editors write through it (lokalutveckling.writes); DuckDB
    allows one read-write process per file, so commands that write the store run while the app is
    stopped. Reads use their own cursor on it."""
    path = db_path()
    store.ensure_built(path)
    try:
        return store.connect(path, read_only=False)
    except store.Error as exc:  # held by another process (a command), or damaged
        raise store.StoreUnreadableError(
            f"Databasen {path} kan inte öppnas ({str(exc).splitlines()[0]}). Körs ett kommando mot den? "
            "Vänta tills det är klart och ladda om sidan."
        ) from None


@st.cache_data(show_spinner=False, max_entries=512)
def cached_query(name: str, **params: object) -> pd.DataFrame:
    """Run a named query on its own cursor (connections are shared between sessions)."""
    cursor = connection().cursor()
    try:
        return store.run_query(cursor, name, **params)
    finally:
        cursor.close()


@st.cache_resource(show_spinner=False, max_entries=256)
def cached_figure(name: str, f: object, lang: str, _build: Callable[[object, str], go.Figure]) -> go.Figure:
    """A figure built once per (name, filter, language) and shared, not copied: unpickling a Plotly
    figure costs as much as building it. Callers never mutate the figure they get."""
    return _build(f, lang)


def clear() -> None:
    """Forget every cached result and figure, so the next rerun reads the store again."""
    cached_query.clear()
    cached_figure.clear()


@st.cache_resource(show_spinner=False)
def leaflet_assets() -> str:
    """Copy Leaflet's files into static/ once per process; returns their URL."""
    from lokalutveckling import assets

    assets.install_leaflet()
    return assets.LEAFLET_URL


@st.cache_data(show_spinner=False)
def boundaries() -> geo.Boundaries:
    """The 14 areas from the configured file, a downloaded copy or the schematic map (see geo)."""
    membership = cached_query("omraden_membership")
    return geo.load_boundaries(membership, configured=geo.configured_path(secrets()))


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
        return store.seeds_newer(cursor) and store.edit_count(cursor) > 0
    finally:
        cursor.close()
