"""Datakvalitet: what in the store does not add up, is missing, or is still exempeldata."""

import streamlit as st

from lokalutveckling import data, ui, views
from lokalutveckling.i18n import t, unit
from lokalutveckling.ui import editor_help
from lokalutveckling.views import kvalitet as kv

lang = ui.lang()
st.title(t("dq_title", lang))
st.markdown(t("dq_intro", lang))
checks = {name: data.kvalitet(name) for name in kv.CHECKS}
kv.summary(checks, lang)  # the answer first: how much there is to look at, per check

st.subheader(t("reconciliation_header", lang))
views.reconciliation_notes(lang)

st.subheader(t("dq_money_header", lang))
kv.finding(
    t("dq_alloc_title", lang),
    checks["tilldelningar_mot_insatser"],
    lang,
    key="tilldelningar",
    ok=t("dq_alloc_ok", lang),
    columns={
        "tilldelning_id": t("dq_line", lang),
        "ar": t("col_ar", lang),
        "namnd_en" if lang == "en" else "namnd": t("col_namnd", lang),
        "finansieringskalla_en" if lang == "en" else "finansieringskalla": t("col_kalla", lang),
        "tilldelat_kr": t("dq_allocated", lang),
        "n_insatser": t("col_insatser", lang),
        "insatser_kr": t("dq_insatser_kr", lang),
        "differens_kr": t("dq_difference", lang),
        "kalla": t("col_dokument", lang),
        "dokument_rad": t("dq_doc_line", lang),
    },
)
kv.finding(
    t("dq_no_alloc_title", lang),
    checks["insatser_utan_tilldelning"],
    lang,
    key="utan_tilldelning",
    ok=t("dq_no_alloc_ok", lang),
    columns={
        "insats_id": "Id",
        "namn": t("ins_name", lang),
        "status": t("col_status", lang),
        "belopp_kr": t("col_kronor", lang),
        "kalla": t("ins_source", lang),
    },
)

st.subheader(t("dq_place_header", lang))
places = checks["insatser_utan_plats_eller_fokus"]
places = places.assign(problem=[t(f"dq_problem_{p}", lang) for p in places["problem"]])
kv.finding(
    t("dq_place_title", lang),
    places,
    lang,
    key="plats",
    ok=t("dq_place_ok", lang),
    columns={
        "insats_id": "Id",
        "namn": t("ins_name", lang),
        "problem": t("dq_problem", lang),
        "status": t("col_status", lang),
        "kalla": t("ins_source", lang),
    },
)

st.subheader(t("dq_indicators_header", lang))
kv.finding(
    t("dq_missing_title", lang),
    checks["indikatorer_saknas"].assign(
        indikator=lambda d: d["indikator_en"].fillna(d["indikator"]) if lang == "en" else d["indikator"]
    ),
    lang,
    key="saknas",
    ok=t("dq_missing_ok", lang),
    columns={"indikator": t("col_indikator", lang), "omrade": t("col_omrade", lang), "ar": t("col_ar", lang)},
)
st.markdown(f"**{t('dq_sources_title', lang)}**")
sources = data.kvalitet("indikator_kallor")
sources["enhet"] = [unit(u, lang) for u in sources["enhet"]]
if lang == "en":  # the indicators by their English names on English pages
    sources["indikator"] = sources["indikator_en"].fillna(sources["indikator"])
ui.table(
    sources[["indikator", "enhet", "definition_kalla", "forsta_ar", "senaste_ar", "n_varden", "vardenas_kallor"]]
    .rename(
        columns={
            "indikator": t("col_indikator", lang),
            "enhet": t("col_enhet", lang),
            "definition_kalla": t("dq_definition", lang),
            "forsta_ar": t("dq_first_year", lang),
            "senaste_ar": t("dq_last_year", lang),
            "n_varden": t("dq_values", lang),
            "vardenas_kallor": t("dq_value_sources", lang),
        }
    )
    .astype({t("dq_first_year", lang): "string", t("dq_last_year", lang): "string"}),
    key="indikatorkallor",
)

st.markdown(f"**{t('stat_fetches_title', lang)}**")
fetches = kv.statistics_fetches(lang)
if fetches.empty:
    st.caption(t("stat_fetches_none", lang))
else:
    ui.table(fetches, key="statistik_hamtningar")
editor_help.for_editors("statistik", lang)

st.subheader(t("dq_exempel_header", lang))
ui.table(kv.exempel_shares(lang), key="exempeldata_andel")
st.caption(t("dq_exempel_caption", lang))
editor_help.table_names_help(data.data_status()["tabell"], lang)
editor_help.contact(lang)
