"""Karta: where do the områdesteam work, which areas are kraftsamlande, and how did coverage grow?"""

from datetime import date
from functools import partial
from pathlib import Path

import streamlit as st

from lokalutveckling import data, maps, ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import editor_help, folium_map, images, links, recording, resources
from lokalutveckling.views import barn, jamforelse, karta

lang = ui.lang()
st.title(t("karta_title", lang))
st.markdown(t("karta_intro", lang))

today = date.today()
bounds = resources.boundaries()
if bounds.schematic:
    st.warning(t("karta_schematic", lang), icon=":material/grid_view:")
# The year, then the colouring on the page's full width (its five options do not fit half of a laptop's
# screen), the toggles in one row with the badge.
year_col, colour_col = st.container(), st.container()
year = year_col.slider(t("karta_year", lang), 2016, today.year, today.year, key="karta_ar", bind="query-params")
presence = data.presence(min(date(year, 12, 31), today))
with colour_col:
    indicator = karta.indicator_choice(ui.current_filter(), lang)
scope = karta.map_scope(ui.current_filter(), indicator, lang)
badge_col, left, right = st.columns([2, 5, 4], vertical_alignment="center")
with badge_col:
    ui.badge(karta.colour_kind(indicator, lang))  # what the map colours: an indicator's values, or exempeldata
basemap = left.toggle(t("karta_basemap", lang), key="karta_osm", bind="query-params")
show_delomraden = right.toggle(
    t("karta_delomraden", lang), key="karta_delomraden", disabled=bounds.delomraden is None, bind="query-params"
)
police = data.utsatta_omraden()

# The map's overlays, chosen here so that a link keeps them (`?karta_lager=kraft&karta_lager=police`); the
# map has no layer list of its own, whose clicks a link could not keep.
layer_col, click_col = st.columns([2, 3], vertical_alignment="center")
layers = links.pills(
    layer_col,
    t("karta_layers", lang),
    *links.labelled(["kraft", "police"], lambda code, language: t(f"map_layer_{code}", language), lang),
    key="karta_lager",
    default=["kraft"],
    label_visibility="collapsed",  # the chips carry the layers' names, as in the map's own layer list
)
resources.leaflet_assets()
click_col.caption(t("karta_click", lang))
# Built and rendered once per distinct map (its data, language, colouring, layers, basemap): ui.folium_map.
folium_map.show(
    partial(
        maps.presence_map,
        bounds.geojson,
        presence,
        lang=lang,
        basemap=basemap,
        schematic=bounds.schematic,
        indicator=indicator,
        police=police,
        delomraden=bounds.delomraden,
        show_delomraden=show_delomraden,
        layers=layers,
    ),
    key=karta.MAP_KEY,
    height=560,
    returned_objects=["last_active_drawing"],
    on_change=karta.remember_clicked_area,
)
karta.open_clicked_area()
if indicator is not None:
    karta.indicator_legend(indicator, lang)
karta.presence_legend(lang, team=indicator is None)
st.caption(
    " ".join(
        [
            t("karta_counts", lang, team=int(presence["har_team"].sum()), kraft=int(presence["kraftsamlande"].sum())),
            t("karta_caption", lang),
            "" if bounds.schematic else t("karta_boundaries", lang),
        ]
    )
)
# The map as the report, the slides and its images show it: the areas drawn, no basemap (figures.area_map).
map_chart = karta.map_record(bounds, presence, year, indicator, layers, scope, lang)
recording.add(map_chart)
images.downloads(map_chart, ui.file_name(map_chart.key))
editor_help.for_editors("gransfil", lang, fil=Path(bounds.origin).name if not bounds.schematic else "–")
karta.areas_table(presence, indicator, year, scope, lang)
jamforelse.karta_section(indicator, lang)
if karta.colouring() == "barn":  # the kraftsamlande areas against the rest, following the filters like the map
    barn.kraftsamling_section(lang, ui.current_filter())

st.subheader(t("karta_police_header", lang))
karta.police_section(ui.current_filter(), police, lang)
