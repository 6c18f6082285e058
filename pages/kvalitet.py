"""Datakvalitet: what in the store does not add up, is missing, or is still exempeldata."""

import streamlit as st

from lokalutveckling import data, ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import editor_help, paging
from lokalutveckling.views import beslut, tackning
from lokalutveckling.views import kvalitet as kv

lang = ui.lang()
st.title(t("dq_title", lang))
st.markdown(t("dq_intro", lang))
checks = {name: data.kvalitet(name) for name in kv.CHECKS}
kv.summary(checks, lang)  # the answer first: how much there is to look at, per check

st.subheader(t("reconciliation_header", lang))
beslut.reconciliation_notes(lang)

st.subheader(t("dq_money_header", lang))
kv.money_findings(checks, lang)

st.subheader(t("dq_place_header", lang))
kv.place_findings(checks, lang)

st.subheader(t("dq_indicators_header", lang))
kv.missing_indicators(checks, lang)
st.markdown(f"**{t('dq_sources_title', lang)}**")
kv.indicator_sources(lang)

st.markdown(f"**{t('stat_fetches_title', lang)}**")
fetches, rules = kv.statistics_fetches(lang)
if fetches.empty:
    st.caption(t("stat_fetches_none", lang))
else:
    paging.table(fetches, key="statistik_hamtningar")  # a page at a time when a refresh has made many
    st.caption("  \n".join(ui.literal(rule) for rule in rules))
editor_help.for_editors("statistik", lang)

st.subheader(t("cov_header", lang))
tackning.section(lang)

st.subheader(t("dq_exempel_header", lang))
ui.table(kv.exempel_shares(lang), key="exempeldata_andel")
st.caption(t("dq_exempel_caption", lang))
editor_help.table_names_help(data.data_status()["tabell"], lang)
editor_help.contact(lang)
