"""Parts of the Data page for admins: snapshots with what a restore would undo, and rebuilding the
store on newer seeds with the journal's changes applied again."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from lokalutveckling import ui, writes
from lokalutveckling.i18n import t
from lokalutveckling.paths import db_path
from lokalutveckling.store import Connection, cache, journal, recovery, snapshots
from lokalutveckling.writes import User


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
        except (snapshots.SnapshotError, PermissionError, writes.ValidationError, journal.JournalError) as exc:
            st.error(ui.literal(str(exc)))
        else:
            before = result.before.name if result.before else "–"
            st.session_state["_sparat"] = t(
                "imp_restored", lang, bild=ui.literal(labels[chosen]), fore=ui.literal(before)
            )
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
        st.session_state["_sparat"] = t("imp_seeds_done", lang, n=applied, fil=ui.literal(kept.name))
        st.rerun()
