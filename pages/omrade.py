"""Område: one area's full picture: key figures against Malmö, trends with insats periods, its insatser."""

from datetime import date

import streamlit as st

from lokalutveckling import area_names, data, narrative, provenance, ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import editor_help, paging, recording
from lokalutveckling.views import agenda2030, befolkning, indicators, jamforelse, omrade

lang = ui.lang()


st.title(t("omrade_title", lang))

areas = data.presence(date.today())
names = dict(zip(areas["omrade_kod"], areas["namn"], strict=True))
index = area_names.load()
kod = omrade.choose_area(index, names, lang)  # ?omrade=<code>, or a name that leads to one area (?omrade=Seved)
here = areas.set_index("omrade_kod").loc[kod]
st.header(ui.literal(names[kod]))
insatser = data.omrade_insatser(kod)
# The area in a few words, also the opening of its report, slides and presentation.
summary = narrative.area_summary(here, insatser, names[kod], lang)
st.markdown(ui.literal(summary))
recording.set_intro(summary, names[kod])
st.markdown("  \n".join(area_names.profile_lines(index, kod, lang, ui.literal)))
st.caption(t("omrade_profile_caption", lang))

key_figures = data.omrade_key_figures(kod)
key_kallor = omrade.key_figures_kallor(key_figures)  # the area's values and Malmö's: what the badge says
documents = indicators.source_names(lang)
with st.container(horizontal=True, vertical_alignment="center"):  # the badge beside the heading: the key
    st.subheader(t("omrade_key_header", lang), width="content")  # figures start higher on a laptop screen
    ui.badge(indicators.kind_of(key_kallor))
# Long tables a page at a time (the pager in the URL as ?omrade_nyckeltal_sida=2), from page 1 for another area.
paging.table(
    omrade.key_figures_table(key_figures, lang, documents),
    key=f"nyckeltal_{kod}",
    pager_key="omrade_nyckeltal",
    context=kod,
    title=f"{t('omrade_key_header', lang)}: {names[kod]}",
    kind=indicators.kind_of(key_kallor),
    sources=ui.sources_of(key_kallor),
    exempel=indicators.exempel_text(key_kallor, lang),
)
st.caption(
    t(
        "omrade_key_caption",
        lang,
        sources=ui.literal(provenance.indicator_sources(key_kallor, documents, lang)),
        years=", ".join(str(y) for y in sorted(set(key_figures["ar"].astype(int)))),
    )
)

st.subheader(t("stat_header", lang))
omrade.official_statistics_section(kod, lang)
jamforelse.omrade_section(lang)
editor_help.for_editors("statistik", lang)

st.subheader(t("omrade_trend_header", lang))
indikator = omrade.indicator_select(key_figures, lang, key="omrade_indikator")
bands = omrade.bands_for(insatser, key_figures.set_index("indikator_kod").loc[indikator, "fokus_kod"])
trend = data.omrade_indicator_trend(kod, indikator)
ui.chart(
    omrade.trend_figure(kod, indikator, lang),
    omrade.trend_table(trend, names[kod], lang, documents),
    key=f"trend_{kod}_{indikator}",
    sentence=narrative.trend(trend, key_figures.set_index("indikator_kod").loc[indikator], kod, names[kod], lang),
    kind=indicators.kind_of(trend["kalla"]),
    sources=ui.sources_of(trend["kalla"]),
    caption=t("omrade_trend_caption", lang, n=len(bands)) if len(bands) else t("omrade_trend_caption_none", lang),
)

st.subheader(t("omrade_insatser_header", lang))
paging.table(
    omrade.omrade_insatser_table(insatser, lang),
    key=f"insatser_{kod}",
    pager_key="omrade_insatser",
    context=kod,
    money=(t("col_kronor", lang),),
    title=f"{t('omrade_insatser_header', lang)}: {names[kod]}",
    sources=ui.sources_of(insatser.get("kalla")),
    exempel=ui.exempel_of(insatser),  # from the insatser's sources (the table shown has no source column)
)

befolkning.section(kod, lang)  # Barn och unga i området (issues 16, 17): age groups, kronor per child, their share
agenda2030.section(kod, lang)  # Agenda 2030: the three dimensions (issue 17)
st.subheader(t("similar_header", lang))
omrade.similar_areas_section(kod, names, lang)
