"""The app's cached store access: one connection per process, results cached per query and parameters."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lokalutveckling import store
from lokalutveckling.paths import db_path


@st.cache_resource(show_spinner=False)
def connection() -> store.Connection:
    """A read-only connection to the store, built first if it is missing or older than the seeds."""
    path = db_path()
    store.ensure_built(path)
    return store.connect(path, read_only=True)


@st.cache_data(show_spinner=False, max_entries=512)
def cached_query(name: str, **params: object) -> pd.DataFrame:
    """Run a named query on its own cursor (connections are shared between sessions)."""
    cursor = connection().cursor()
    try:
        return store.run_query(cursor, name, **params)
    finally:
        cursor.close()


def clear() -> None:
    """Forget every cached result, so the next rerun reads the store again."""
    cached_query.clear()
