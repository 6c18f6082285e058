"""Beslut och källor: which decision and which line of which document each figure comes from."""

import streamlit as st

from lokalutveckling import data, ui, views
from lokalutveckling.i18n import t

lang = ui.lang()
f = ui.current_filter()
st.title(t("beslut_title", lang))
st.markdown(t("beslut_intro", lang))

st.subheader(t("reconciliation_header", lang))
views.reconciliation_notes(lang)

st.subheader(t("beslut_chain_header", lang))
ui.badge("real")
ui.table(views.timeline_table(data.beslut_timeline(), lang), key="beslutskedja", money=(t("col_kronor", lang),))

st.subheader(t("beslut_alloc_header", lang))
ui.badge("real")
lines = data.tilldelningar_as_written(f)
st.caption(views.allocation_caption(f, lang))
ui.table(views.written_table(lines, lang), key="tilldelningar", money=(t("col_kronor", lang),))

st.subheader(t("beslut_kallor_header", lang))
st.caption(t("beslut_kallor_caption", lang))
ui.table(views.kallor_table(data.kallor(), lang), key="kallor")
