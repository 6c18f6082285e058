"""Insatser: every insats, searchable and sortable, and one insats in full."""

from datetime import date

import streamlit as st

from lokalutveckling import data, ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import forms as editing
from lokalutveckling.views import insatser as views

lang = ui.lang()
f = ui.current_filter()
st.title(t("ins_title", lang))
st.markdown(t("ins_intro", lang))
editing.show_saved()
if editing.can_edit():
    editing.new_insats(lang)

r = views.register_filters(lang)
shown = data.insatser_register(f, r)
flags = data.insatser_flaggor(date.today(), f)
if views.flag_summary(shown, flags, lang):
    shown = shown[shown["insats_id"].isin(flags["insats_id"])]
ui.badge("mixed")
if shown.empty:
    views.register_summary(shown, lang)
    st.info(t("empty", lang))
    st.stop()
views.show_register(shown, flags, lang)
views.register_summary(shown, lang)  # under the register, so that the register starts on the first screen

chosen = views.choose_insats(shown, lang)
if chosen:
    views.detail(
        chosen,
        shown[shown["insats_id"] == chosen].iloc[0],
        lang,
        editor=(lambda: editing.edit_insats(chosen, lang)) if editing.can_edit() else None,
    )
