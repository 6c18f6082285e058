"""Vad ger effekt: which insatser to discuss stopping, by a rule stated in words, and every insats's effect
signal (its target indicators where it runs against similar areas without a comparable insats)."""

import streamlit as st

from lokalutveckling import ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import recording
from lokalutveckling.views import stopp

lang = ui.lang()
st.title(t("effekt_title", lang))
st.markdown(t("effekt_intro", lang))
recording.set_intro(ui.plain_text(t("effekt_intro", lang)))
stopp.page(lang)
