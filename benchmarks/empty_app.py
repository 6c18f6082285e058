"""The baseline: an empty Streamlit page with a heading, measured in the same run as the real pages."""

import streamlit as st

st.title("Tom sida")
