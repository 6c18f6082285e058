"""The Data page's parts: importing a file with a preview (templates, upload, progress, the rows or the
problems), the whole store as files, and for admins snapshots with what a restore would undo, rebuilding the
store on newer seeds with the journal's changes applied again, and removing exempeldata."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.uploaded_file_manager import UploadedFile

from lokalutveckling import domain, export, ui
from lokalutveckling import imports as importer
from lokalutveckling.domain import User
from lokalutveckling.i18n import t
from lokalutveckling.imports import apart as import_apart
from lokalutveckling.paths import db_path
from lokalutveckling.sources import FetchError, refresh
from lokalutveckling.store import Connection, cache, journal, recovery, snapshots
from lokalutveckling.ui import session

PREVIEW_ROWS_SHOWN = 1000  # more would send the whole file to the browser again


def snapshots_section(con: Connection, me: User, lang: str) -> None:
    """The snapshots, newest first; choosing one lists the changes a restore would undo before the
    restore can be made (the present state is snapshotted first)."""
    st.subheader(t("imp_snapshots_header", lang))
    st.markdown(
        t("imp_snapshots_intro", lang, dagar=snapshots.KEEP_DAYS, veckor=snapshots.KEEP_WEEKS),
    )
    found = snapshots.list_snapshots(snapshots.snapshot_dir(con))
    if not found:
        st.markdown(t("imp_snapshots_none", lang))
        return
    local = ZoneInfo("Europe/Stockholm")  # snapshot and audit times are UTC; Malmö reads its own time
    labels = {str(s.path): f"{s.tid.astimezone(local):%Y-%m-%d %H:%M:%S} · {s.anledning or '–'}" for s in found}
    chosen = st.selectbox(t("imp_snapshot", lang), list(labels), format_func=labels.get, key="imp_bild")
    undone = pd.DataFrame(snapshots.undone_by(con, chosen))
    if undone.empty:
        st.info(t("imp_restore_nothing", lang), icon=":material/check:")
    else:
        st.warning(t("imp_restore_undoes", lang, n=len(undone)), icon=":material/undo:")
        when = pd.to_datetime(undone["tid"]).dt.tz_localize("UTC").dt.tz_convert(local)
        shown = undone.assign(tid=when.dt.strftime("%Y-%m-%d %H:%M"))
        shown = shown.rename(columns={c: t(f"imp_undone_{c}", lang) for c in shown.columns})
        st.dataframe(shown, hide_index=True, width="stretch", key="imp_angras")
    sure = st.checkbox(t("imp_restore_sure", lang), key="imp_aterstall_saker")
    if st.button(t("imp_restore", lang), disabled=not sure, key="imp_aterstall"):
        try:
            result = snapshots.restore(con, chosen, me, on_change=cache.clear)
        except (snapshots.SnapshotError, PermissionError, domain.ValidationError, journal.JournalError) as exc:
            st.error(ui.literal(str(exc)))
        else:
            before = result.before.name if result.before else "–"
            session.say_saved(t("imp_restored", lang, bild=ui.literal(labels[chosen]), fore=ui.literal(before)))
            st.rerun()


def seeds_section(me: User, lang: str) -> None:
    """When the seeds are newer than an edited store: the admin's choice to rebuild on them."""
    if not cache.seeds_newer_than_store():
        return
    st.subheader(t("imp_seeds_header", lang))
    st.markdown(t("imp_seeds_intro", lang))
    sure = st.checkbox(t("imp_seeds_sure", lang), key="imp_seeds_saker")
    if st.button(t("imp_seeds_rebuild", lang), disabled=not sure, key="imp_seeds_bygg"):
        try:
            new, kept, applied = recovery.rebuild_on_seeds(cache.opened(), db_path(), user=me)
        except (PermissionError, journal.JournalError, recovery.StoreBroken) as exc:
            st.error(ui.literal(str(exc)))
            return
        new.con.close()
        cache.forget_connection()
        session.say_saved(t("imp_seeds_done", lang, n=applied, fil=ui.literal(kept.name)))
        st.rerun()


def import_kind(lang: str) -> str:
    """The kind of file to import, with its templates to download."""
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
    return kind


def progress_bar(slot: DeltaGenerator, lang: str) -> importer.OnProgress:
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


def make_preview(con: Connection, kind: str, upload: UploadedFile, lang: str) -> None:
    """Read the uploaded file and keep its preview in the session (or say why it was refused)."""
    slot = st.empty()
    try:
        preview = import_apart.preview(  # a large file in a process of its own
            con, kind, upload.getvalue(), upload.name, progress=progress_bar(slot, lang)
        )
    except importer.ImportRefused as exc:
        session.pop(session.IMPORT_PREVIEW)
        st.error(ui.literal(str(exc)))
    else:
        session.put(session.IMPORT_PREVIEW, preview)
    slot.empty()


def preview_of(upload: UploadedFile | None, kind: str) -> importer.ImportPreview | None:
    """The kept preview if it is of this file and kind: a new upload (or none) hides the old one."""
    preview = session.get(session.IMPORT_PREVIEW)
    if upload is None or preview is None or (preview.filename, preview.size) != (upload.name, upload.size):
        return None
    return preview if preview.kind == kind else None


def show_preview(con: Connection, me: User, preview: importer.ImportPreview, lang: str) -> None:
    """What the file holds and what importing it would do: its problems, or its rows and the import button."""
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
        return
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
            result = importer.apply(con, me, preview, on_change=cache.clear, progress=progress_bar(slot, lang))
        except (importer.ImportRefused, PermissionError, domain.ValidationError) as exc:
            st.error(ui.literal(str(exc)))
        else:
            session.pop(session.IMPORT_PREVIEW)
            session.say_saved(
                t(
                    "imp_done",
                    lang,
                    fil=ui.literal(result.filename),
                    added=len(result.added),
                    changed=len(result.changed),
                    unchanged=result.unchanged,
                )
            )
            st.rerun()


def export_section(con: Connection, lang: str) -> None:
    """The whole store as a zip of CSV files and as one workbook, made on request."""
    if st.button(t("imp_export_make", lang), key="imp_exportera"):
        session.put(session.STORE_EXPORT, importer.export_store(con))
    if session.has(session.STORE_EXPORT):
        zipped, workbook = session.get(session.STORE_EXPORT)
        row = st.container(horizontal=True)
        row.download_button(
            t("imp_export_zip", lang), zipped, file_name="lokalutveckling.zip", key="exp_zip", on_click="ignore"
        )
        row.download_button(
            t("imp_export_xlsx", lang), workbook, file_name="lokalutveckling.xlsx", key="exp_xlsx", on_click="ignore"
        )


def exempeldata_section(con: Connection, me: User, lang: str) -> None:
    """Per table with exempeldata: how much, and a button that removes it (admin)."""
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
                session.say_saved(t("imp_exempel_removed", lang, tabell=table, n=sum(removed.values())))
                st.rerun()


def refresh_section(con: Connection, me: User, lang: str) -> None:
    """Official statistics into the indicators, as `stats refresh` does: first what would change (fetched with
    a progress bar, nothing written), then, when the admin confirms, the same written in one unit of work after
    a snapshot. Without network, on a timeout or an answer that does not add up nothing is written."""
    st.markdown(t("refresh_intro", lang))
    st.caption(t("refresh_sources", lang, ckan=ui.literal(refresh.ckan_url()), kolada=ui.literal(refresh.kolada_url())))
    if st.button(t("refresh_check", lang), key="imp_refresh_check"):
        session.pop(session.REFRESH_PLAN)
        slot = st.empty()
        bar = slot.progress(0.0, text=t("refresh_starting", lang))

        def show(done: int, total: int, label: str) -> None:
            fraction = done / total if total else 1.0
            bar.progress(min(max(fraction, 0.0), 1.0), text=f"{done}/{total} · {ui.literal(label)}")

        try:
            found = refresh.plan(con, base_url=refresh.ckan_url(), kolada_url=refresh.kolada_url(), on_progress=show)
        except FetchError as exc:
            slot.empty()
            st.error(t("refresh_failed", lang, why=ui.literal(str(exc))), icon=":material/cloud_off:")
            return
        slot.empty()
        session.put(session.REFRESH_PLAN, found)
    found = session.get(session.REFRESH_PLAN)
    if found is None:
        return
    lines = found.lines()
    with st.container(border=True, key="imp_refresh_plan"):
        st.markdown(t("refresh_plan_head", lang, n=found.n_changes))
        # A line indented in the command's output (the source, what is kept) under its indicator's line.
        st.markdown(
            "\n".join(
                f"{'    ' if line.startswith(' ') else ''}- {ui.literal(line.strip())}"
                for line in lines
                if line.strip()
            )
        )
    if found.n_changes == 0:
        st.info(t("refresh_nothing", lang), icon=":material/check:")
        return
    sure = st.checkbox(t("refresh_sure", lang, n=found.n_changes), key="imp_refresh_sure")
    if st.button(t("refresh_apply", lang), type="primary", disabled=not sure, key="imp_refresh_apply"):
        try:
            snap = refresh.apply(con, found, anvandare=me.anvandarnamn, user=me)
        except FetchError as exc:
            st.error(t("refresh_failed", lang, why=ui.literal(str(exc))), icon=":material/error:")
            return
        session.pop(session.REFRESH_PLAN)
        cache.clear()
        session.say_saved(t("refresh_done", lang, n=found.n_changes, bild=ui.literal(snap.name if snap else "–")))
        st.rerun()
