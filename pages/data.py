"""Data (editors only): import the förvaltningar's files with a preview, templates, snapshots,
removing exempeldata, and the whole store for reuse elsewhere."""

import streamlit as st

from lokalutveckling import export, ui, writes
from lokalutveckling import imports as importer
from lokalutveckling.i18n import t
from lokalutveckling.imports import apart as import_apart
from lokalutveckling.store import cache
from lokalutveckling.ui import editor_help
from lokalutveckling.ui import forms as editing
from lokalutveckling.views import data_page as data_views

PREVIEW_ROWS_SHOWN = 1000  # more would send the whole file to the browser again

lang = ui.lang()
st.title(t("imp_title", lang))
me = editing.user()
if me is None or not me.can_edit:  # listed only for editors; a typed URL gets nothing
    st.error(t("imp_editors_only", lang))
    st.stop()
st.markdown(t("imp_intro", lang))
editor_help.for_editors("kommandon", lang)  # what reader pages leave out: commands, paths, table names
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
    on_click="ignore",  # no rerun, so a second download right after works too
)
templates.download_button(
    t("imp_template_csv", lang),
    lambda: importer.template(kind, "csv", con=cache.connection()),
    file_name=f"mall_{kind}.csv",
    key=f"mall_csv_{kind}",
    on_click="ignore",
)
upload = st.file_uploader(t("imp_file", lang), type=["xlsx", "csv", "txt"], key="imp_fil")


def progress_bar(slot) -> importer.OnProgress:
    """A bar in `slot` that shows how far a preview or an import has come: step, rows and time left."""
    bar = slot.progress(0.0, text=t("imp_step_read", lang))

    def show(p: importer.Progress) -> None:
        parts = [t(f"imp_step_{p.step}", lang)]
        if p.total:
            parts.append(t("imp_progress_rows", lang, done=f"{p.done:,}", total=f"{p.total:,}").replace(",", " "))
        if p.remaining is not None:
            parts.append(t("imp_progress_left", lang, s=max(1, round(p.remaining))))
        bar.progress(min(max(p.fraction, 0.0), 1.0), text=" · ".join(parts))

    return show


if upload is not None and st.button(t("imp_preview", lang), type="primary", key="imp_granska"):
    slot = st.empty()
    try:
        st.session_state["imp_preview"] = import_apart.preview(  # a large file in a process of its own
            con, kind, upload.getvalue(), upload.name, progress=progress_bar(slot)
        )
    except importer.ImportRefused as exc:
        st.session_state.pop("imp_preview", None)
        st.error(ui.literal(str(exc)))
    slot.empty()

preview = st.session_state.get("imp_preview")
# A preview belongs to one file of one kind: a new upload (or none) hides the old one.
current = upload is not None and preview is not None and (preview.filename, preview.size) == (upload.name, upload.size)
if current and preview.kind == kind:
    (st.success if preview.ok else st.error)(ui.literal(preview.summary()))
    if preview.notices:
        st.info(
            t("imp_read_as", lang) + "\n" + "\n".join(f"- {ui.literal(n.text)}" for n in preview.notices),
            icon=":material/info:",
        )
    if not preview.ok:
        problems = preview.problems_frame().fillna("")
        if len(problems) <= ui.STATIC_TABLE_MAX_ROWS:
            ui.static_table(problems.set_index(problems.columns[0]))
        else:
            st.dataframe(problems, hide_index=True, width="stretch", key="imp_problem")
    else:
        rows = preview.rows_frame()
        if len(rows) > PREVIEW_ROWS_SHOWN:  # a long file: the first rows here, every row as a file
            st.caption(t("imp_rows_first", lang, n=f"{PREVIEW_ROWS_SHOWN:,}", total=f"{len(rows):,}").replace(",", " "))
            st.download_button(
                t("imp_rows_download", lang),
                lambda: export.csv_bytes(rows),
                file_name=f"forhandsgranskning_{preview.filename}.csv",
                key="imp_rader_fil",
                on_click="ignore",
            )
        st.dataframe(rows.head(PREVIEW_ROWS_SHOWN), hide_index=True, width="stretch", key="imp_rader")
        if st.button(t("imp_apply", lang), type="primary", key="imp_importera"):
            try:
                slot = st.empty()
                result = importer.apply(con, me, preview, on_change=cache.clear, progress=progress_bar(slot))
            except (importer.ImportRefused, PermissionError, writes.ValidationError) as exc:
                st.error(ui.literal(str(exc)))
            else:
                st.session_state.pop("imp_preview", None)
                st.session_state["_sparat"] = t(
                    "imp_done",
                    lang,
                    fil=ui.literal(result.filename),
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
    row.download_button(
        t("imp_export_zip", lang), zipped, file_name="lokalutveckling.zip", key="exp_zip", on_click="ignore"
    )
    row.download_button(
        t("imp_export_xlsx", lang), workbook, file_name="lokalutveckling.xlsx", key="exp_xlsx", on_click="ignore"
    )

if not me.is_admin:
    st.stop()

data_views.seeds_section(me, lang)
data_views.snapshots_section(con, me, lang)

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
            st.error(ui.literal(str(exc)))
        else:
            st.session_state["_sparat"] = t("imp_exempel_removed", lang, tabell=table, n=sum(removed.values()))
            st.rerun()
