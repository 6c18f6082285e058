"""Område: one area's full picture: key figures against Malmö, trends with insats periods, its insatser."""

from datetime import date

import streamlit as st

from lokalutveckling import data, ui, views
from lokalutveckling.i18n import t

lang = ui.lang()
st.title(t("omrade_title", lang))

areas = data.presence(date.today())
names = dict(zip(areas["omrade_kod"], areas["namn"], strict=True))
kod = st.selectbox(t("omrade_choose", lang), list(names), format_func=names.get, key="omrade", bind="query-params")
here = areas.set_index("omrade_kod").loc[kod]
st.header(names[kod])
st.markdown(views.omrade_status(here, lang))
ui.badge("exempel")

st.subheader(t("omrade_key_header", lang))
key_figures = data.omrade_key_figures(kod)
ui.table(views.key_figures_table(key_figures, lang), key=f"nyckeltal_{kod}")
st.caption(
    t(
        "omrade_key_caption",
        lang,
        sources=ui.md_escape(ui.sources(key_figures["kalla"])),
        years=", ".join(str(y) for y in sorted(set(key_figures["ar"].astype(int)))),
    )
)

st.subheader(t("stat_header", lang))
views.official_statistics_section(kod, lang)

st.subheader(t("omrade_trend_header", lang))
indikator = views.indicator_select(key_figures, lang, key="omrade_indikator")
insatser = data.omrade_insatser(kod)
bands = views.bands_for(insatser, key_figures.set_index("indikator_kod").loc[indikator, "fokus_kod"])
trend = data.omrade_indicator_trend(kod, indikator)
ui.chart(
    views.trend_figure(kod, indikator, lang),
    trend,
    key=f"trend_{kod}_{indikator}",
    kind="exempel",
    caption=t("omrade_trend_caption", lang, n=len(bands)) if len(bands) else t("omrade_trend_caption_none", lang),
)

st.subheader(t("omrade_insatser_header", lang))
ui.table(views.omrade_insatser_table(insatser, lang), key=f"insatser_{kod}", money=(t("col_kronor", lang),))

st.subheader(t("similar_header", lang))
ui.badge("exempel")
views.similar_areas_section(kod, names, lang)
