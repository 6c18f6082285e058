"""Karta: where do the områdesteam work, which areas are kraftsamlande, and how did coverage grow?"""

from datetime import date
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from lokalutveckling import cache, data, maps, ui, views
from lokalutveckling.i18n import t

lang = ui.lang()
st.title(t("karta_title", lang))
st.markdown(t("karta_intro", lang))

today = date.today()
year = st.slider(t("karta_year", lang), 2016, today.year, today.year, key="karta_ar", bind="query-params")
presence = data.presence(min(date(year, 12, 31), today))
bounds = cache.boundaries()
if bounds.schematic:
    st.warning(t("karta_schematic", lang), icon=":material/grid_view:")
indicator = views.indicator_choice(ui.current_filter(), lang)
left, right = st.columns(2)
basemap = left.toggle(t("karta_basemap", lang), key="karta_osm")
show_delomraden = right.toggle(
    t("karta_delomraden", lang), key="karta_delomraden", disabled=bounds.delomraden is None, bind="query-params"
)
police = data.utsatta_omraden()

cache.leaflet_assets()
ui.badge("exempel")
st.caption(t("karta_click", lang))
st_folium(
    maps.presence_map(
        bounds.geojson,
        presence,
        lang=lang,
        basemap=basemap,
        schematic=bounds.schematic,
        indicator=indicator,
        police=police,
        delomraden=bounds.delomraden,
        show_delomraden=show_delomraden,
    ),
    key=views.MAP_KEY,
    height=560,
    use_container_width=True,
    returned_objects=["last_active_drawing"],
    on_change=views.remember_clicked_area,
)
views.open_clicked_area()
if indicator is not None:
    views.indicator_legend(indicator, lang)
views.presence_legend(lang, team=indicator is None)
st.caption(
    " ".join(
        [
            t("karta_counts", lang, team=int(presence["har_team"].sum()), kraft=int(presence["kraftsamlande"].sum())),
            t("karta_caption", lang),
            "" if bounds.schematic else t("karta_boundaries", lang, origin=Path(bounds.origin).name),
        ]
    )
)
ui.table(views.presence_table(presence, indicator, lang), key="karta", money=(t("col_kronor", lang),))

st.subheader(t("karta_police_header", lang))
ui.badge("real")
st.markdown(t("karta_police_intro", lang))
ui.table(views.police_table(police, lang), key="karta_polisen")
