"""Nämnder: what each nämnd received and what it does, side by side; one nämnd's insatser."""

import streamlit as st

from lokalutveckling import data, namnd_names, narrative, ui
from lokalutveckling.i18n import t
from lokalutveckling.views import money, oversikt
from lokalutveckling.views import namnder as nv
from lokalutveckling.views import uppdrag as uppdrag_view

lang = ui.lang()
f = ui.current_filter()
st.title(t("nam_title", lang))
st.markdown(t("nam_intro", lang))

st.subheader(t("nam_compare_header", lang))
scope = money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_ALLOCATIONS, total=True)
ui.badge("mixed")
table = nv.comparison_table(f, lang)
ui.table(
    table,
    key="namnder",
    money=nv.money_columns(table, lang),
    kind="mixed",
    scope=scope,
    ignored=money.NOT_FOLLOWED_ALLOCATIONS,
)
st.caption(t("nam_compare_caption", lang, sources=ui.literal(ui.sources(data.allocations_by_namnd(f)["kallor"]))))
nv.receiver_note(lang)  # right under the table it warns about, so the table starts on the first screen

st.subheader(t("alloc_header", lang))
scope = money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_ALLOCATIONS, apart=True)
ui.chart(
    money.allocation_bars(f, lang),
    money.allocation_table(data.allocations_by_namnd(f), lang),
    key="namnder_tilldelning",
    sentence=money.allocation_sentence(f, lang),
    kind=money.money_kind(f),
    caption=money.allocation_caption(f, lang),
    scope=scope,
    ignored=money.NOT_FOLLOWED_ALLOCATIONS,
)

st.subheader(t("nam_fokus_header", lang))
scope = money.figure_scope(f, lang, total=True)
ui.chart(
    oversikt.stacked_bars(f, lang),
    oversikt.matrix_table(data.insatser_by_namnd_fokus(f), lang),
    key="namnder_fokus",
    sentence=narrative.namnd_fokus(data.insatser_by_namnd_fokus(f), data.allocations_by_year_and_stadium(f), lang),
    kind="mixed",
    caption=money.breakdown_caption(f, lang),
    scope=scope,
)

st.subheader(t("nam_one_header", lang))
kod = nv.choose_namnd(lang)
uppdrag_view.status_line(
    lang, kod, label=namnd_names.names(lang).get(kod, kod)
)  # that nämnd's open uppdrag and återrapporter (issue 15)
nv.show_namnd(kod, f, lang)
