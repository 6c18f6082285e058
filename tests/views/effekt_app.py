"""A tiny app for tests/views/test_effekt_views.py: views.effekt.section for the insats in ?insats=<id>, run
through AppTest until the insats detail on Insatser calls it (issue 17). ?lang=EN for English."""

import streamlit as st

from lokalutveckling import data
from lokalutveckling.views import effekt

lang = "en" if st.query_params.get("lang") == "EN" else "sv"
insats_id = st.query_params.get("insats") or "INS-003"
register = data.insatser_register(data.ALL, data.RegisterFilter())
effekt.section(insats_id, register[register["insats_id"] == insats_id].iloc[0], lang)
