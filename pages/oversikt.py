"""Översikt: where does the money against segregation go, by källa, nämnd and fokusområde?"""

import streamlit as st

from lokalutveckling import data, ui, views
from lokalutveckling.i18n import t
from lokalutveckling.ui import links

lang = ui.lang()
f = ui.current_filter()
st.title(t("oversikt_title", lang))
st.markdown(t("oversikt_intro", lang))

views.kpi_tiles(f, lang)

st.subheader(t("alloc_header", lang))
alloc = data.allocations_by_namnd(f)
scope = views.figure_scope(f, lang, ignored=views.NOT_FOLLOWED_ALLOCATIONS, apart=True)
ui.chart(
    views.figure("allocation_bars", f, lang),
    views.allocation_table(alloc, lang),
    key="tilldelning_per_namnd",
    kind=views.money_kind(f),
    caption=views.allocation_caption(f, lang),
    scope=scope,
    ignored=views.NOT_FOLLOWED_ALLOCATIONS,
)
views.reconciliation_notes(lang)  # under the money it checks: the first chart starts higher on the screen

matrix = data.insatser_by_namnd_fokus(f)
breakdown_caption = views.breakdown_caption(f, lang)
st.subheader(t("heatmap_header", lang))
scope = views.figure_scope(f, lang, total=True)
# One chart at a time (not tabs): the hidden one would be drawn too, and a link keeps the choice.
# Codes shown in the language and kept in the URL as codes (`?vy=bars`): the choice survives a switch.
bars = (
    links.segmented_control(
        st,
        t("matrix_view", lang),
        *links.labelled(["heatmap", "bars"], lambda code, language: t(f"view_{code}", language), lang),
        default="heatmap",
        key="vy",
        required=True,
        label_visibility="collapsed",
    )
    == "bars"
)
ui.chart(
    views.figure("stacked_bars" if bars else "heatmap", f, lang),
    views.matrix_table(matrix, lang),
    key="namnd_fokus",
    kind="mixed",
    caption=breakdown_caption,
    scope=scope,
)

st.subheader(t("sankey_header", lang))
scope = views.figure_scope(f, lang, total=True)
flow = data.flow(f)
ui.chart(
    views.figure("sankey", f, lang),
    views.flow_table(flow, lang),
    key="flode",
    kind="mixed",
    caption=breakdown_caption,
    scope=scope,
)

left, right = st.columns([2, 3])
with left:
    st.subheader(t("status_header", lang))
    scope = views.figure_scope(f, lang, total=True, money=False)
    status = data.insatser_by_status(f)
    ui.chart(
        views.figure("status", f, lang),
        views.status_table(status, lang),
        key="status",
        kind="exempel",
        caption=t("caption_exempel", lang),
        scope=scope,
    )
with right:
    st.subheader(t("timeline_header", lang))
    scope = views.figure_scope(f, lang, ignored=views.NOT_FOLLOWED_CHAIN, money=False)
    timeline = data.beslut_timeline(f)
    ui.chart(
        views.figure("timeline", f, lang),
        views.timeline_table(timeline, lang),
        key="beslutskedja",
        kind="real",
        caption=t("caption_timeline", lang),
        scope=scope,
        ignored=views.NOT_FOLLOWED_CHAIN,
    )
