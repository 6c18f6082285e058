"""Beslut och källor: which decision and which line of which document each figure comes from."""

import streamlit as st

from lokalutveckling import data, export, provenance, ui
from lokalutveckling.i18n import t
from lokalutveckling.ui import editor_help
from lokalutveckling.views import beslut, dokument, money

lang = ui.lang()
f = ui.current_filter()
src = dokument.sources(lang)  # each document opens at its line (a link), or shows its date, organ and dnr
doc, rad, kronor = t("col_dokument", lang), t("col_rad", lang), t("col_kronor", lang)
st.title(t("beslut_title", lang))
st.markdown(t("beslut_intro", lang))
if src.openable:
    st.caption(t("beslut_kallor_open", lang))

st.subheader(t("reconciliation_header", lang))
beslut.reconciliation_notes(lang)

st.subheader(t("beslut_chain_header", lang))
ui.badge("real")
money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_CHAIN, money=False)
chain = data.beslut_timeline(f)
dokument.linked_table(
    beslut.timeline_table(chain, lang),
    key="beslutskedja",
    title=t("beslut_chain_header", lang),
    links={doc: [src.markdown(k, r) for k, r in zip(chain["kalla"], chain["dokument_rad"], strict=True)]},
    link_urls={doc: [src.url(k, r) for k, r in zip(chain["kalla"], chain["dokument_rad"], strict=True)]},
    money=(kronor,),
    hide=(rad,),
    lang=lang,
    sources=provenance.source_list(chain["kalla"], src.names, chain["dokument_rad"], lang),
)

st.subheader(t("beslut_alloc_header", lang))
money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_ALLOCATIONS)
ui.badge(money.money_kind(f))
lines = data.tilldelningar_as_written(f)
st.caption(money.allocation_caption(f, lang))
dokument.linked_table(
    beslut.written_table(lines, lang),
    key="tilldelningar",
    title=t("beslut_alloc_header", lang),
    links={doc: [src.markdown(k, r) for k, r in zip(lines["kalla"], lines["dokument_rad"], strict=True)]},
    link_urls={doc: [src.url(k, r) for k, r in zip(lines["kalla"], lines["dokument_rad"], strict=True)]},
    money=(kronor,),
    hide=(rad,),
    lang=lang,
    sources=provenance.source_list(lines["kalla"], src.names, lines["dokument_rad"], lang),
)

st.subheader(t("beslut_kallor_header", lang))
money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_SOURCES, money=False)
st.caption(t("beslut_kallor_caption", lang))
kallor = data.kallor()
dokument.linked_table(
    beslut.kallor_table(kallor, lang),
    key="kallor",
    title=t("beslut_kallor_header", lang),
    links={doc: [src.markdown(k) for k in kallor["kalla_id"]]},
    link_urls={doc: [src.url(k) for k in kallor["kalla_id"]]},
    lang=lang,
    # A list of the sources with real counts of the rows citing each: the row naming the exempeldata
    # generator describes exempeldata, it is none.
    exempel=export.exempel_text(0, len(kallor), lang),
    sources=provenance.source_list(kallor.loc[kallor["typ"] != "exempeldata", "kalla_id"], src.names, lang=lang),
)
editor_help.for_editors("kallor", lang)
editor_help.contact(lang)
