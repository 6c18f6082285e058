"""Översikt: where does the money against segregation go, by källa, nämnd and fokusområde?"""

import streamlit as st

from lokalutveckling import data, narrative, ui
from lokalutveckling.i18n import t
from lokalutveckling.views import beslut, money, oversikt
from lokalutveckling.views import uppdrag as uppdrag_view

lang = ui.lang()
f = ui.current_filter()
st.title(t("oversikt_title", lang))
st.markdown(t("oversikt_intro", lang))

oversikt.kpi_tiles(f, lang)
uppdrag_view.status_line(lang)  # open uppdrag and återrapporter, a link to their page (issue 15)

st.subheader(t("alloc_header", lang))
alloc = data.allocations_by_namnd(f)
scope = money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_ALLOCATIONS, apart=True)
ui.chart(
    money.allocation_bars(f, lang),
    money.allocation_table(alloc, lang),
    key="tilldelning_per_namnd",
    sentence=money.allocation_sentence(f, lang),
    kind=money.money_kind(f),
    caption=money.allocation_caption(f, lang),
    scope=scope,
    ignored=money.NOT_FOLLOWED_ALLOCATIONS,
)
beslut.reconciliation_notes(lang)  # under the money it checks: the first chart starts higher on the screen

matrix = data.insatser_by_namnd_fokus(f)
breakdown_caption = money.breakdown_caption(f, lang)
st.subheader(t("heatmap_header", lang))
scope = money.figure_scope(f, lang, total=True)
bars = oversikt.matrix_as_bars(lang)  # heatmap or bars, one at a time, kept in the link (?vy=bars)
ui.chart(
    (oversikt.stacked_bars if bars else oversikt.heatmap)(f, lang),
    oversikt.matrix_table(matrix, lang),
    key="namnd_fokus",
    sentence=narrative.namnd_fokus(matrix, data.allocations_by_year_and_stadium(f), lang),
    kind="mixed",
    caption=breakdown_caption,
    scope=scope,
)

st.subheader(t("sankey_header", lang))
scope = money.figure_scope(f, lang, total=True)
flow = data.flow(f)
ui.chart(
    oversikt.sankey(f, lang),
    oversikt.flow_table(flow, lang),
    key="flode",
    sentence=narrative.flow(flow, data.allocations_by_year_and_stadium(f), lang),
    kind="mixed",
    caption=breakdown_caption,
    scope=scope,
)

left, right = st.columns([2, 3])
with left:
    st.subheader(t("status_header", lang))
    scope = money.figure_scope(f, lang, total=True, money=False)
    status = data.insatser_by_status(f)
    ui.chart(
        oversikt.status_bars(f, lang),
        oversikt.status_table(status, lang),
        key="status",
        sentence=narrative.status(status, lang),
        kind="exempel",
        caption=t("caption_exempel", lang),
        scope=scope,
    )
with right:
    st.subheader(t("timeline_header", lang))
    scope = money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_CHAIN, money=False)
    timeline = data.beslut_timeline(f)
    ui.chart(
        beslut.decision_timeline(f, lang),
        beslut.timeline_table(timeline, lang),
        key="beslutskedja",
        sentence=narrative.timeline(timeline, lang),
        kind="real",
        caption=t("caption_timeline", lang),
        scope=scope,
        ignored=money.NOT_FOLLOWED_CHAIN,
    )
