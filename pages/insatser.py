"""Insatser: every insats, searchable and sortable, and one insats in full."""

from datetime import date

import streamlit as st

from lokalutveckling import data, ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import forms, signin
from lokalutveckling.views import insatser

lang = ui.lang()
f = ui.current_filter()
st.title(t("ins_title", lang))
st.markdown(t("ins_intro", lang))
forms.show_saved()
if signin.can_edit():
    forms.new_insats(lang)

r = insatser.register_filters(lang)
shown = data.insatser_register(f, r)
flags = data.insatser_flaggor(date.today(), f)
if insatser.flag_summary(shown, flags, lang):
    shown = shown[shown["insats_id"].isin(flags["insats_id"])]
ui.badge("mixed")
if shown.empty:
    insatser.register_summary(shown, lang)
    st.info(t("empty", lang))
    st.stop()
listed = insatser.show_register(shown, flags, lang)
insatser.register_summary(shown, lang)  # under the register, so that the register starts on the first screen

chosen = insatser.choose_insats(shown, lang, listed)
if chosen:
    insatser.detail(
        chosen,
        shown[shown["insats_id"] == chosen].iloc[0],
        lang,
        editor=(lambda: forms.edit_insats(chosen, lang)) if signin.can_edit() else None,
    )
