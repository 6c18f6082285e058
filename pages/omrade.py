"""Område: one area's full picture: key figures against Malmö, trends with insats periods, its insatser."""

from datetime import date

import streamlit as st

from lokalutveckling import area_names, data, ui, views
from lokalutveckling.i18n import t
from lokalutveckling.ui import editor_help, links

lang = ui.lang()


def _choose(kod: str) -> None:
    st.session_state["omrade"] = kod


def _search_chosen(index: area_names.NameIndex) -> None:
    """A name typed (Enter): show its area at once when it leads to one."""
    kod = area_names.single_area(index, st.session_state.get("omrade_sok", ""))
    if kod is not None:
        _choose(kod)


def _search_results(index: area_names.NameIndex, query: str, shown: str) -> None:
    """How each matching name maps, with a button for each area it leads to that is not shown."""
    if not query.strip():
        return
    matches = area_names.find(index, query, limit=6)
    if not matches:
        st.info(t("omrade_search_none", lang), icon=":material/search_off:")
        return
    with st.container(border=True, key="omrade_sok_svar"):
        for i, name in enumerate(matches[:5]):
            text_col, go_col = st.columns([4, 1], vertical_alignment="center")
            text_col.markdown(area_names.explain(index, name, lang, ui.literal))
            for k in name.areas(index.order):
                if k != shown:
                    go_col.button(
                        ui.literal(t("omrade_search_go", lang, area=index.areas[k])),
                        key=f"omrade_sok_{i}_{k}",
                        on_click=_choose,
                        args=(k,),
                        width="stretch",
                    )
        if len(matches) > 5:
            st.caption(t("omrade_search_more", lang))


st.title(t("omrade_title", lang))

areas = data.presence(date.today())
names = dict(zip(areas["omrade_kod"], areas["namn"], strict=True))
index = area_names.load()
search_col, choose_col = st.columns(2)
query = search_col.text_input(
    t("omrade_search", lang),
    key="omrade_sok",
    placeholder=t("omrade_search_hint", lang),
    on_change=_search_chosen,
    args=(index,),
)
# ?omrade=<code>; names of old links, and any name that leads to one area (?omrade=Seved)
kod = links.selectbox(choose_col, t("omrade_choose", lang), names, area_names.url_names(index), key="omrade")
_search_results(index, query, kod)
here = areas.set_index("omrade_kod").loc[kod]
st.header(ui.literal(names[kod]))
st.markdown(views.omrade_status(here, lang))
st.markdown("  \n".join(area_names.profile_lines(index, kod, lang, ui.literal)))
st.caption(t("omrade_profile_caption", lang))

with st.container(horizontal=True, vertical_alignment="center"):  # the badge beside the heading: the key
    st.subheader(t("omrade_key_header", lang), width="content")  # figures start higher on a laptop screen
    ui.badge("exempel")
key_figures = data.omrade_key_figures(kod)
ui.table(views.key_figures_table(key_figures, lang), key=f"nyckeltal_{kod}")
st.caption(
    t(
        "omrade_key_caption",
        lang,
        sources=ui.literal(ui.sources(key_figures["kalla"])),
        years=", ".join(str(y) for y in sorted(set(key_figures["ar"].astype(int)))),
    )
)

st.subheader(t("stat_header", lang))
views.official_statistics_section(kod, lang)
editor_help.for_editors("statistik", lang)

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
