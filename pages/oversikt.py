"""Översikt: where does the money against segregation go, by källa, nämnd and fokusområde?"""

import streamlit as st

from lokalutveckling import data, ui, views
from lokalutveckling.i18n import t

lang = ui.lang()
f = ui.current_filter()
st.title(t("oversikt_title", lang))
st.markdown(t("oversikt_intro", lang))

views.kpi_tiles(f, lang)
views.reconciliation_notes(lang)

st.subheader(t("alloc_header", lang))
alloc = data.allocations_by_namnd(f)
if f.fokus:
    st.info(t("fokus_filter_note", lang), icon=":material/info:")
ui.chart(
    views.figure("allocation_bars", f, lang),
    views.allocation_table(alloc, lang),
    key="tilldelning_per_namnd",
    kind="real",
    caption=views.allocation_caption(f, lang),
)

matrix = data.insatser_by_namnd_fokus(f)
breakdown_caption = views.breakdown_caption(f, lang)
st.subheader(t("heatmap_header", lang))
# One chart at a time (not tabs): the hidden one would be drawn too, and a link keeps the choice.
# Codes shown in the language, so the choice survives a switch of language.
bars = (
    st.segmented_control(
        t("matrix_view", lang),
        ["heatmap", "bars"],
        format_func=lambda code: t(f"view_{code}", lang),
        default="heatmap",
        key="vy",
        bind="query-params",
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
)

st.subheader(t("sankey_header", lang))
flow = data.flow(f)
ui.chart(
    views.figure("sankey", f, lang),
    views.flow_table(flow, lang),
    key="flode",
    kind="mixed",
    caption=breakdown_caption,
)

left, right = st.columns([2, 3])
with left:
    st.subheader(t("status_header", lang))
    status = data.insatser_by_status(f)
    ui.chart(
        views.figure("status", f, lang),
        views.status_table(status, lang),
        key="status",
        kind="exempel",
        caption=t("caption_exempel", lang),
    )
with right:
    st.subheader(t("timeline_header", lang))
    timeline = data.beslut_timeline()
    ui.chart(
        views.figure("timeline", f, lang),
        views.timeline_table(timeline, lang),
        key="beslutskedja",
        kind="real",
        caption=t("caption_timeline", lang),
    )
