"""Nämnder: what each nämnd received and what it does, side by side; one nämnd's insatser."""

import streamlit as st

from lokalutveckling import data, ui, views
from lokalutveckling import namnder_views as nv
from lokalutveckling.i18n import t

lang = ui.lang()
f = ui.current_filter()
st.title(t("nam_title", lang))
st.markdown(t("nam_intro", lang))
nv.receiver_note(lang)

st.subheader(t("nam_compare_header", lang))
ui.badge("mixed")
table = nv.comparison_table(f, lang)
ui.table(table, key="namnder", money=nv.money_columns(table, lang))
st.caption(t("nam_compare_caption", lang, sources=ui.md_escape(ui.sources(data.allocations_by_namnd(f)["kallor"]))))

st.subheader(t("alloc_header", lang))
ui.chart(
    views.figure("allocation_bars", f, lang),
    views.allocation_table(data.allocations_by_namnd(f), lang),
    key="namnder_tilldelning",
    kind="real",
    caption=views.allocation_caption(f, lang),
)

st.subheader(t("nam_fokus_header", lang))
ui.chart(
    views.figure("stacked_bars", f, lang),
    views.matrix_table(data.insatser_by_namnd_fokus(f), lang),
    key="namnder_fokus",
    kind="mixed",
    caption=views.breakdown_caption(f, lang),
)

st.subheader(t("nam_one_header", lang))
kod = nv.choose_namnd(lang)
nv.show_namnd(kod, f, lang)
