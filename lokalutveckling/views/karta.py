"""Karta's parts: the colouring control (områdesteam, an indicator, or the kronor of the insatser shown),
the legends, the areas' table, what the map follows, the police's areas, opening an area on a click, and
the map as the view records it for the report, slides, presentation and images (`map_record`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date
from html import escape

import pandas as pd
import streamlit as st

from lokalutveckling import data, geo, maps, narrative, provenance, ui
from lokalutveckling.format import fmt_date, fmt_kr, fmt_number
from lokalutveckling.i18n import t, unit
from lokalutveckling.rendering import model
from lokalutveckling.ui import images, links, session, widgets
from lokalutveckling.views import agenda2030, barn
from lokalutveckling.views.indicators import indicator_names, kind_of, source_names
from lokalutveckling.views.money import NOT_FOLLOWED_MAP, NOT_FOLLOWED_POLICE, figure_scope


def indicator_choice(f: data.Filter, lang: str) -> maps.IndicatorLayer | None:
    """The colouring control: områdesteam, an indicator (grouped by fokusområde) in one of its years, the
    kronor of the insatser shown by the sidebar filters per inhabitant, the kronor to children and young people
    per inhabitant 0–19 (views.barn), or an Agenda 2030 dimension's index (views.agenda2030)."""
    # The options are codes shown in the language, kept in the URL as codes (`?karta_farg=kronor`).
    choice = links.segmented_control(
        st,
        t("karta_colour_by", lang),
        *links.labelled(
            ["team", "indicator", "kronor", "barn", "agenda2030"],
            lambda code, language: t(f"karta_colour_{code}", language),
            lang,
        ),
        default="team",
        required=True,
        key="karta_farg",
    )
    if choice == "kronor":
        return _money_layer(f, lang)
    if choice == "barn":  # kronor to children and young people per inhabitant 0–19 (issue 17)
        return barn.karta_layer(f, lang)
    if choice == "agenda2030":  # an area's need on one sustainability dimension (issue 17)
        return agenda2030.karta_layer(lang)
    if choice != "indicator":
        return None
    defs = data.indikatorer()
    defs = defs[defs["fokus_kod"].notna()].set_index("indikator_kod")
    name = "namn_en" if lang == "en" else "namn_sv"
    fokus = "fokus_en" if lang == "en" else "fokus_sv"
    labels = {k: f"{f}: {n}" for k, f, n in zip(defs.index, defs[fokus], defs[name], strict=True)}
    left, right = st.columns([3, 1])
    kod = links.selectbox(left, t("karta_indicator", lang), labels, indicator_names(defs), key="karta_indikator")
    years = list(defs.loc[kod, "ar_lista"])
    year = right.selectbox(
        t("karta_indicator_year", lang), years[::-1], key=f"karta_indikator_ar_{kod}", bind="query-params"
    )
    values = data.indicator_values(kod, int(year))
    city = values["stadens_varde"].dropna()
    return maps.IndicatorLayer(
        values=values,
        name=defs.loc[kod, name],
        unit=unit(defs.loc[kod, "enhet"], lang),
        year=int(year),
        higher_is_better=defs.loc[kod, "hogre_ar_battre"],
        city_value=float(city.iloc[0]) if not city.empty else None,
        indikator_kod=str(kod),
    )


def _money_layer(f: data.Filter, lang: str) -> maps.IndicatorLayer:
    """Kronor per inhabitant per area; the hela staden insatser are reported apart, not spread out."""
    areas = data.insatser_by_omrade(f)
    city = data.insatser_hela_staden(f).iloc[0]
    st.caption(
        t(
            "karta_money_rule",
            lang,
            n=int(city["n_insatser"]),
            kronor=fmt_kr(city["kronor"], lang),
            year=int(areas["folkmangd_ar"].max()),
        )
    )
    values = areas.assign(varde=areas["kronor_per_invanare"], kalla=areas["kallor"])
    return maps.IndicatorLayer(
        values=values[["omrade_kod", "varde", "kalla", "n_insatser", "kronor"]],
        name=t("karta_money_name", lang),
        unit=t("karta_money_unit", lang),
        year=max(f.ar) if f.ar else int(areas["folkmangd_ar"].max()),
        higher_is_better=None,
        city_value=float(areas["kronor"].sum() / areas["folkmangd"].sum()),
    )


def colouring() -> str:
    """The colouring chosen in indicator_choice, by its code ('team', 'indicator', 'kronor', 'barn', 'agenda2030')."""
    return str(session.get("karta_farg") or "team")


def map_scope(f: data.Filter, layer: maps.IndicatorLayer | None, lang: str) -> str:
    """What Karta's map follows: coloured by the kronor of the insatser it follows every sidebar filter
    (and says their years, stages and total); coloured by områdesteam or an indicator it follows none of
    them, and says so when one is set."""
    if is_money(layer) and colouring() == "barn":  # one year's kronor to children: that year, no total of all
        return figure_scope(replace(f, ar=(layer.year,)), lang)
    if is_money(layer):
        return figure_scope(f, lang, total=True)
    return figure_scope(f, lang, ignored=NOT_FOLLOWED_MAP, money=False)


def indicator_legend(layer: maps.IndicatorLayer, lang: str) -> None:
    """The classes with their value ranges, the direction, the city value and the source."""
    values = layer.values.set_index("omrade_kod")["varde"]
    ranges = maps.class_ranges(values, maps.indicator_classes(values, layer.higher_is_better))
    swatch = '<span style="display:inline-block;width:14px;height:14px;background:{c};border:1px solid #999;margin:0 6px -2px 0"></span>'
    items = [
        f"{swatch.format(c=maps.CLASS_COLOURS[c])}{fmt_number(lo, lang)}–{fmt_number(hi, lang)}" for c, lo, hi in ranges
    ]
    st.html(f"<b>{escape(layer.name)} {layer.year}</b> ({escape(layer.unit)}): " + " &nbsp; ".join(items))
    city = ui.literal(f"{fmt_number(layer.city_value, lang)} {layer.unit}") if layer.city_value is not None else "–"
    if layer.higher_is_better is None:  # the kronor of the insatser: their documents
        sources = ui.literal(
            ", ".join(sorted({s for v in layer.values["kalla"].dropna() for s in str(v).split(", ")})) or "–"
        )
        st.caption(t("karta_classes_plain", lang, city=city, source=sources))
        return
    sources = ui.literal(provenance.indicator_sources(layer.values["kalla"], source_names(lang), lang))
    direction = "direction_higher" if layer.higher_is_better else "direction_lower"
    st.caption(t("karta_classes", lang, direction=t(direction, lang), city=city, source=sources, year=layer.year))


def presence_legend(lang: str, *, team: bool = True) -> None:
    """The map's legend in the page, so it prints and reads with the map (`team`: the areas are coloured
    by områdesteam; otherwise the indicator legend above says what the colours mean)."""
    swatch = '<span style="display:inline-block;width:14px;height:14px;background:{c};border:{b};margin:0 6px -2px 0"></span>'
    items = (
        []
        if not team
        else [
            (swatch.format(c=maps.TEAM_COLOUR, b="1px solid #fff"), t("legend_team", lang)),
            (swatch.format(c=maps.NO_TEAM_COLOUR, b="1px solid #fff"), t("legend_no_team", lang)),
        ]
    )
    items += [
        (swatch.format(c="transparent", b=f"3px dashed {maps.KRAFT_COLOUR}"), t("legend_kraft", lang)),
        (swatch.format(c="transparent", b=f"3px solid {maps.POLICE_COLOUR}"), t("legend_police_special", lang)),
        (swatch.format(c="transparent", b=f"2px dotted {maps.POLICE_COLOUR}"), t("legend_police", lang)),
    ]
    # Each swatch stays on the line of its label.
    st.html(" &nbsp; ".join(f'<span style="white-space:nowrap">{s}{escape(label)}</span>' for s, label in items))


def presence_table(df: pd.DataFrame, indicator: maps.IndicatorLayer | None, lang: str) -> pd.DataFrame:
    """Per area: name, områdesteam start and whether active, kraftsamlande, and the indicator if shown."""
    yes, no = t("map_kraft_yes", lang), t("map_kraft_no", lang)
    out = pd.DataFrame(
        {
            t("col_omrade", lang): df["namn"],
            t("map_layer_team", lang): [yes if v else no for v in df["har_team"]],
            t("col_team_start", lang): [fmt_date(d.date()) if pd.notna(d) else "" for d in df["team_start"]],
            t("col_kraft", lang): [yes if v else no for v in df["kraftsamlande"]],
        }
    )
    if indicator is not None:
        values = indicator.values.set_index("omrade_kod")
        for column in ("n_insatser", "kronor"):
            if column in values:
                out[t(f"col_{column}", lang)] = [values[column].get(k) for k in df["omrade_kod"]]
        digits = 2 if values["varde"].abs().max() <= 1 else 1  # an index 0–1 (Agenda 2030) keeps two decimals
        out[f"{indicator.name} {indicator.year} ({indicator.unit})"] = [
            round(v, digits) if pd.notna(v) else None for v in (values["varde"].get(k) for k in df["omrade_kod"])
        ]
        if not is_money(indicator):  # what each area's value is: official (source, year) or exempeldata
            names = source_names(lang)
            out[t("col_indicator_source", lang)] = [
                # An index over several indicators has each of their sources, joined by ", ".
                "; ".join(
                    dict.fromkeys(
                        provenance.indicator_value_text(kalla, indicator.year, names, lang)
                        for kalla in str(values["kalla"].get(k)).split(", ")
                    )
                )
                if pd.notna(values["varde"].get(k))
                else "–"
                for k in df["omrade_kod"]
            ]
    return out


def is_money(layer: maps.IndicatorLayer | None) -> bool:
    """Whether the map is coloured by the kronor of the insatser: a layer that is no indicator (not the teams,
    which have no layer)."""
    return layer is not None and layer.indikator_kod is None


def colour_kind(layer: maps.IndicatorLayer | None, lang: str) -> str:
    """The badge of what the map colours: an indicator's values of the year shown (official statistics,
    exempeldata or both); the områdesteam and the kronor of the insatser are exempeldata, as before."""
    if layer is None or is_money(layer):
        return "exempel"
    return kind_of(layer.values.loc[layer.values["varde"].notna(), "kalla"])


MAP_KEY = session.MAP


def remember_clicked_area() -> None:
    """st_folium's on_change: keep the code of the area just clicked (the page then opens its profile)."""
    clicked = (session.get(MAP_KEY) or {}).get("last_active_drawing") or {}
    code = (clicked.get("properties") or {}).get("omrade_kod")
    if code:
        session.put(session.CLICKED_AREA, str(code))


def open_clicked_area() -> None:
    """After a click on an area: open Område for it; language and sidebar filters stay as they are."""
    code = session.pop(session.CLICKED_AREA)
    if code is None:
        return
    areas = data.presence(date.today())
    names = dict(zip(areas["omrade_kod"], areas["namn"], strict=True))
    if code not in names:
        return
    # Only the area, by its code: the language and the sidebar filters keep their values (and put them
    # back in the URL) on the next page by themselves.
    st.switch_page("pages/omrade.py", query_params={"omrade": code})


def police_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The police's areas as listed, the delområden that stand in for them, and the source."""
    groups = maps.police_groups(df)
    areas = dict(zip(df["omrade_kod"].astype(str), df["omrade"], strict=False))
    return pd.DataFrame(
        {
            t("col_police_area", lang): [g["namn"] for g in groups],
            t("col_police_category", lang): [
                t("police_special" if g["kategori"] == "särskilt utsatt" else "police_vulnerable", lang) for g in groups
            ],
            t("col_ar", lang): [str(g["ar"]) for g in groups],
            t("col_police_delomraden", lang): [", ".join(g["delomraden"]) for g in groups],
            t("col_omrade", lang): ["; ".join(areas[c] for c in g["omrade_kod"]) for g in groups],
            t("col_police_approx", lang): [g["avgransning"] for g in groups],
            t("col_dokument", lang): [g["kalla"] for g in groups],
        }
    )


def areas_table(
    presence: pd.DataFrame, indicator: maps.IndicatorLayer | None, year: int, scope: str, lang: str
) -> None:
    """The map's figures per area as a table, with its sources, how much is exempeldata, and the map's year
    and colouring as the page's filters in its downloads."""
    layer_sources = indicator.values.set_index("omrade_kod")["kalla"] if indicator is not None else None
    ui.table(
        table := presence_table(presence, indicator, lang),
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


def _map_kind(layer: maps.IndicatorLayer | None, layers: Collection[str], lang: str) -> str:
    """The recorded map's badge: its colouring's (colour_kind), and exempeldata in it too when the
    kraftsamling outlines (exempeldata) are drawn over official colours."""
    kind = colour_kind(layer, lang)
    return "mixed_statistik" if kind == "real_statistik" and "kraft" in layers else kind


def police_section(f: data.Filter, police: pd.DataFrame, lang: str) -> None:
    """The police's areas (real, from the police's list), which follow none of the sidebar filters."""
    police_scope = figure_scope(f, lang, ignored=NOT_FOLLOWED_POLICE, money=False)
    ui.badge("real")
    st.markdown(t("karta_police_intro", lang))
    ui.table(
        police_table(police, lang),
        key="karta_polisen",
        kind="real",
        scope=police_scope,
        ignored=tuple(NOT_FOLLOWED_POLICE),
    )


def map_record(
    bounds: geo.Boundaries,
    presence: pd.DataFrame,
    year: int,
    indicator: maps.IndicatorLayer | None,
    layers: Collection[str],
    scope: str,
    lang: str,
) -> model.Chart:
    """Karta's map as the view records it (ui.recording) and its images draw it: the areas themselves
    (figures.area_map, no basemap), coloured as on the map, with its sentence, filters and sources."""
    layer_sources = indicator.values.set_index("omrade_kod")["kalla"] if indicator is not None else None
    kronor = is_money(indicator)
    title = (
        t("map_image_title_layer", lang, name=indicator.name, year=indicator.year)
        if indicator is not None
        else t("map_image_title_team", lang, year=year)
    )
    return widgets.recorded_chart(
        images.area_map(bounds, presence, lang=lang, indicator=indicator, layers=layers, title=title),
        None,
        key="karta_omraden",
        sentence=narrative.presence_map(presence, year, indicator, lang),
        kind=_map_kind(indicator, layers, lang),
        caption=t("map_image_caption", lang),
        sources=ui.sources_of(presence["team_kalla"], presence["kraft_kalla"], layer_sources),
        ignored=() if kronor else tuple(ui.FILTER_KEYS),  # the sidebar filters choose only the kronor's insatser
        scope=" ".join(x for x in (scope, t("karta_schematic" if bounds.schematic else "karta_boundaries", lang)) if x),
        page_filters=[(t("karta_year", lang), str(year))],
    )
