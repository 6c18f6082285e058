"""Data (editors only): import the förvaltningar's files with a preview, templates, snapshots,
official statistics into the
indicators, removing exempeldata, and the whole store for reuse elsewhere."""

import streamlit as st

from lokalutveckling import ui
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import editor_help, forms, signin
from lokalutveckling.views import data_page as data_views

lang = ui.lang()
st.title(t("imp_title", lang))
me = signin.user()
if me is None or not me.can_edit:  # listed only for editors; a typed URL gets nothing
    st.error(t("imp_editors_only", lang))
    st.stop()
st.markdown(t("imp_intro", lang))
editor_help.for_editors("kommandon", lang)  # what reader pages leave out: commands, paths, table names
forms.show_saved()
con = cache.connection()

st.subheader(t("imp_import_header", lang))
kind = data_views.import_kind(lang)
upload = st.file_uploader(t("imp_file", lang), type=["xlsx", "csv", "txt"], key="imp_fil")
if upload is not None and st.button(t("imp_preview", lang), type="primary", key="imp_granska"):
    data_views.make_preview(con, kind, upload, lang)
preview = data_views.preview_of(upload, kind)
if preview is not None:
    data_views.show_preview(con, me, preview, lang)

st.subheader(t("imp_export_header", lang))
st.markdown(t("imp_export_intro", lang))
data_views.export_section(con, lang)

if not me.is_admin:
    st.stop()

data_views.seeds_section(me, lang)
data_views.snapshots_section(con, me, lang)

st.subheader(t("refresh_header", lang))
data_views.refresh_section(con, me, lang)

st.subheader(t("imp_exempel_header", lang))
data_views.exempeldata_section(con, me, lang)
