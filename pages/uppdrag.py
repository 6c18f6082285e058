"""Uppdrag och återrapportering: who was asked to do what, whether and where it was reported back, and
what must be reported for the money."""

import streamlit as st

from lokalutveckling import data, domain, ui
from lokalutveckling.i18n import t
from lokalutveckling.rendering import aterrapport
from lokalutveckling.ui import forms, signin, uppdrag_forms
from lokalutveckling.views import uppdrag

lang = ui.lang()
idag = domain.today()
st.title(t("uo_title", lang))
st.markdown(t("uo_intro", lang))
forms.show_saved()
editor = signin.can_edit()
if editor:
    uppdrag_forms.new_uppdrag(lang)

alla = data.uppdrag(idag)
krav = data.aterrapporteringskrav(idag)
beslut = data.beslut_timeline()
st.markdown(f"**{uppdrag.counts_text(uppdrag.counts(alla, krav), lang)}**")

chosen = uppdrag.filters(alla, lang)
shown = uppdrag.narrowed(alla, chosen)

st.subheader(t("uo_open_header", lang))
ui.badge("real")
uppdrag.open_items(shown, krav, beslut, lang)
st.caption(t("uo_status_caption", lang))

st.subheader(t("uo_all_header", lang))
if shown.empty:
    st.info(t("empty", lang))
else:
    uppdrag.show_table(shown, beslut, chosen, lang)
    one = uppdrag.choose_uppdrag(shown, lang)
    if one:
        uppdrag.detail(
            shown[shown["uppdrag_id"] == one].iloc[0],
            beslut,
            lang,
            editor=(lambda: uppdrag_forms.edit_uppdrag(one, lang)) if editor else None,
        )

st.subheader(t("uo_chain_header", lang))
arende = uppdrag.choose_arende(shown, beslut, lang)
if arende:
    uppdrag.show_chain(arende, alla, beslut, lang)

st.subheader(t("uo_krav_header", lang))
ui.badge("real")
st.caption(t("uo_krav_caption", lang))
uppdrag.show_krav(krav, lang, editor=(lambda krav_id: uppdrag_forms.edit_krav(krav_id, lang)) if editor else None)
st.markdown(f"**{t('uo_report_header', lang)}**")
uppdrag.report_downloads(
    aterrapport.available(idag),
    krav,
    lambda kod, ar, fmt: aterrapport.document(kod, ar, fmt, lang, idag=idag),
    lang,
)
