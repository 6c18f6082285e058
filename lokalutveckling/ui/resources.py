"""The map's resources, cached once per process: the areas' boundaries and Leaflet's files."""

from __future__ import annotations

import streamlit as st

from lokalutveckling import assets, geo
from lokalutveckling.store import cache


@st.cache_resource(show_spinner=False)
def leaflet_assets() -> str:
    """Copy Leaflet's files into static/ once per process; returns their URL."""
    assets.install_leaflet()
    return assets.LEAFLET_URL


@st.cache_data(show_spinner=False)
def boundaries() -> geo.Boundaries:
    """The 14 areas from the configured file, a downloaded copy or the schematic map (see geo)."""
    membership = cache.cached_query("omraden_membership")
    return geo.load_boundaries(membership, configured=geo.configured_path(cache.secrets()))
