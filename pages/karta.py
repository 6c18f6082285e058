"""Karta: where do the områdesteam work, which areas are kraftsamlande, and how did coverage grow?"""

from datetime import date
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from lokalutveckling import data, maps, ui, views
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import editor_help, links

lang = ui.lang()
st.title(t("karta_title", lang))
st.markdown(t("karta_intro", lang))

today = date.today()
bounds = cache.boundaries()
if bounds.schematic:
    st.warning(t("karta_schematic", lang), icon=":material/grid_view:")
# The controls side by side, the toggles in one row with the badge: the map starts on a laptop's first screen.
year_col, colour_col = st.columns(2)
year = year_col.slider(t("karta_year", lang), 2016, today.year, today.year, key="karta_ar", bind="query-params")
presence = data.presence(min(date(year, 12, 31), today))
with colour_col:
    indicator = views.indicator_choice(ui.current_filter(), lang)
scope = views.map_scope(ui.current_filter(), indicator, lang)
badge_col, left, right = st.columns([2, 5, 4], vertical_alignment="center")
with badge_col:
    ui.badge("exempel")
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
cache.leaflet_assets()
click_col.caption(t("karta_click", lang))
the_map = maps.presence_map(
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
)
st_folium(
    the_map,
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
            "" if bounds.schematic else t("karta_boundaries", lang),
        ]
    )
)
editor_help.for_editors("gransfil", lang, fil=Path(bounds.origin).name if not bounds.schematic else "–")
layer_sources = indicator.values.set_index("omrade_kod")["kalla"] if indicator is not None else None
ui.table(
    table := views.presence_table(presence, indicator, lang),
    key="karta",
    money=(t("col_kronor", lang),),
    title=t("karta_table_title", lang),
    sources=ui.sources_of(presence["team_kalla"], presence["kraft_kalla"], layer_sources),
    exempel=ui.exempel_share(
        presence.set_index("omrade_kod")["team_kalla"],
        presence.set_index("omrade_kod")["kraft_kalla"],
        layer_sources,
        unit=t("export_unit_areas", lang),
    ),
    # The sidebar filters choose only the kronor colouring's insatser; the teams and areas follow none.
    ignored=() if t("col_kronor", lang) in table.columns else tuple(ui.FILTER_KEYS),
    scope=scope,
    page_filters=[
        (t("karta_year", lang), str(year)),
        (t("karta_colour_by", lang), f"{indicator.name} {indicator.year} ({indicator.unit})" if indicator else ""),
    ],
)

st.subheader(t("karta_police_header", lang))
police_scope = views.figure_scope(ui.current_filter(), lang, ignored=views.NOT_FOLLOWED_POLICE, money=False)
ui.badge("real")
st.markdown(t("karta_police_intro", lang))
ui.table(
    views.police_table(police, lang),
    key="karta_polisen",
    kind="real",
    scope=police_scope,
    ignored=tuple(views.NOT_FOLLOWED_POLICE),
)
