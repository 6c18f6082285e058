"""Källdokument: one source document's text with line numbers, the cited line highlighted and in view.

Opened by the links on sources (`dokument?dok=<kalla_id>&rad=<n>`). Only a kalla_id in the store's
kallor is read, and only from the configured folder (documents.document_file); without the file the page
names the document by date, organ and diarienummer.
"""

import streamlit as st

from lokalutveckling import data, documents, provenance, ui
from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT

lang = ui.lang()
kallor = data.kallor()
known = {k for k in kallor["kalla_id"] if k != "exempeldata"}
dok = st.query_params.get("dok", "")
rad = documents.line_number(st.query_params.get("rad"))


def back() -> None:
    st.page_link(
        ROOT / "pages" / "beslut.py",
        label=t("dok_back", lang),
        icon=":material/arrow_back:",
    )  # the language goes along: its control is bound to the URL


if dok not in known:
    st.title(t("dok_title_unknown", lang))
    st.error(t("dok_unknown", lang), icon=":material/search_off:")
    back()
    st.stop()

row = kallor[kallor["kalla_id"] == dok].iloc[0].to_dict()
details = provenance.document_details(row, lang)
st.title(ui.literal(provenance.document_name(row, lang)))
st.caption(ui.literal(details))
if row.get("titel"):
    st.markdown(ui.literal(row["titel"]))
back()

path = documents.document_file(documents.folder(), dok, known)
if path is None:
    st.info(t("dok_no_text", lang, details=ui.literal(details)), icon=":material/description:")
    st.stop()

lines = documents.read_lines(path)
if rad is not None and rad > len(lines):
    st.warning(t("dok_out_of_range", lang, n=len(lines), rad=rad), icon=":material/warning:")
    rad = None
if rad is not None:
    st.markdown(f"**{t('dok_cited', lang, rad=rad)}**")
    st.markdown("> " + (ui.literal(lines[rad - 1]) or "&nbsp;"))
st.html(documents.text_html(lines, rad, t("dok_text_label", lang)), unsafe_allow_javascript=rad is not None)
