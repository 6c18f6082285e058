"""Data (editors only): import the förvaltningar's files with a preview, templates, snapshots,
removing exempeldata, and the whole store for reuse elsewhere."""

import streamlit as st

from lokalutveckling import cache, editing, importer, snapshots, ui
from lokalutveckling.i18n import t

lang = ui.lang()
st.title(t("imp_title", lang))
me = editing.user()
if me is None or not me.can_edit:  # listed only for editors; a typed URL gets nothing
    st.error(t("imp_editors_only", lang))
    st.stop()
st.markdown(t("imp_intro", lang))
editing.show_saved()
con = cache.connection()

st.subheader(t("imp_import_header", lang))
kinds = {k: v.title for k, v in importer.KINDS.items()}
kind = st.selectbox(t("imp_kind", lang), list(kinds), format_func=kinds.get, key="imp_typ")
templates = st.container(horizontal=True)
templates.download_button(
    t("imp_template_xlsx", lang),
    lambda: importer.template(kind, "xlsx", con=cache.connection()),
    file_name=f"mall_{kind}.xlsx",
    key=f"mall_xlsx_{kind}",
)
templates.download_button(
    t("imp_template_csv", lang),
    lambda: importer.template(kind, "csv", con=cache.connection()),
    file_name=f"mall_{kind}.csv",
    key=f"mall_csv_{kind}",
)
upload = st.file_uploader(t("imp_file", lang), type=["xlsx", "csv", "txt"], key="imp_fil")
if upload is not None and st.button(t("imp_preview", lang), type="primary", key="imp_granska"):
    st.session_state["imp_preview"] = importer.preview(con, kind, upload.getvalue(), upload.name)

preview = st.session_state.get("imp_preview")
# A preview belongs to one file of one kind: a new upload (or none) hides the old one.
current = upload is not None and preview is not None and (preview.filename, preview.size) == (upload.name, upload.size)
if current and preview.kind == kind:
    (st.success if preview.ok else st.error)(preview.summary())
    if preview.notices:
        st.info(
            t("imp_read_as", lang) + "\n" + "\n".join(f"- {ui.md_escape(n.text)}" for n in preview.notices),
            icon=":material/info:",
        )
    if not preview.ok:
        problems = preview.problems_frame().fillna("")
        if len(problems) <= ui.STATIC_TABLE_MAX_ROWS:
            ui.static_table(problems.set_index(problems.columns[0]))
        else:
            st.dataframe(problems, hide_index=True, width="stretch", key="imp_problem")
    else:
        st.dataframe(preview.rows_frame(), hide_index=True, width="stretch", key="imp_rader")
        if st.button(t("imp_apply", lang), type="primary", key="imp_importera"):
            try:
                result = importer.apply(con, me, preview, on_change=cache.clear)
            except (importer.ImportRefused, PermissionError) as exc:
                st.error(str(exc))
            else:
                st.session_state.pop("imp_preview", None)
                st.session_state["_sparat"] = t(
                    "imp_done",
                    lang,
                    fil=result.filename,
                    added=len(result.added),
                    changed=len(result.changed),
                    unchanged=result.unchanged,
                )
                st.rerun()

st.subheader(t("imp_export_header", lang))
st.markdown(t("imp_export_intro", lang))
if st.button(t("imp_export_make", lang), key="imp_exportera"):
    st.session_state["imp_export"] = importer.export_store(con)
if "imp_export" in st.session_state:
    zipped, workbook = st.session_state["imp_export"]
    row = st.container(horizontal=True)
    row.download_button(t("imp_export_zip", lang), zipped, file_name="lokalutveckling.zip", key="exp_zip")
    row.download_button(t("imp_export_xlsx", lang), workbook, file_name="lokalutveckling.xlsx", key="exp_xlsx")

if not me.is_admin:
    st.stop()

st.subheader(t("imp_snapshots_header", lang))
st.markdown(t("imp_snapshots_intro", lang))
found = snapshots.list_snapshots(snapshots.snapshot_dir(con))
if not found:
    st.markdown(t("imp_snapshots_none", lang))
else:
    labels = {str(s.path): f"{s.tid.astimezone().strftime('%Y-%m-%d %H:%M:%S')} · {s.anledning or '–'}" for s in found}
    chosen = st.selectbox(t("imp_snapshot", lang), list(labels), format_func=labels.get, key="imp_bild")
    sure = st.checkbox(t("imp_restore_sure", lang), key="imp_aterstall_saker")
    if st.button(t("imp_restore", lang), disabled=not sure, key="imp_aterstall"):
        try:
            snapshots.restore(con, chosen, me, on_change=cache.clear)
        except (snapshots.SnapshotError, PermissionError) as exc:
            st.error(str(exc))
        else:
            st.session_state["_sparat"] = t("imp_restored", lang, bild=labels[chosen])
            st.rerun()

st.subheader(t("imp_exempel_header", lang))
counts = importer.exempeldata_counts(con)
for table, (n, n_ex) in counts.items():
    if n_ex == 0:
        continue
    cols = st.columns([3, 1])
    cols[0].markdown(t("imp_exempel_row", lang, tabell=table, n=n, ex=n_ex))
    if cols[1].button(t("imp_exempel_remove", lang), key=f"ta_bort_{table}"):
        try:
            removed = importer.remove_exempeldata(con, me, table, on_change=cache.clear)
        except (ValueError, PermissionError) as exc:
            st.error(str(exc))
        else:
            st.session_state["_sparat"] = t("imp_exempel_removed", lang, tabell=table, n=sum(removed.values()))
            st.rerun()
