"""Konton (administrators only): who may edit, and with which role."""

import streamlit as st

from lokalutveckling import data, ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import forms, signin
from lokalutveckling.views import konton

lang = ui.lang()
st.title(t("acc_title", lang))
me = signin.user()
if me is None or not me.is_admin:  # the page is listed only for admins; a typed URL gets nothing
    st.error(t("acc_admins_only", lang))
    st.stop()
st.markdown(t("acc_intro", lang))
forms.show_saved()

accounts = data.anvandare()
konton.accounts_table(accounts, lang)

st.subheader(t("acc_add", lang))
konton.add_account(me, lang)

st.subheader(t("acc_change", lang))
konton.change_account(me, accounts, lang)
