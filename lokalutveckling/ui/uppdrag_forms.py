"""The editors' forms on Uppdrag och återrapportering (issue 15): add an uppdrag, update one (status,
due date, report-back), and update a återrapporteringskrav (status, due date, submitted on).

Only a signed-in redaktör or admin is shown a form (the page asks ui.signin; each form checks again and
shows nothing to anyone else), and the write functions in `lokalutveckling.writes` check the role once
more. As with the insats forms (ui.forms): a save clears every cache and its confirmation shows after
the rerun; a refused save lists each problem by field and keeps what was typed; a save someone else's
save overtook shows both versions, and nothing typed is lost until the editor loads the saved one.
"""

from __future__ import annotations

from datetime import date
from typing import NoReturn

import pandas as pd
import streamlit as st

from lokalutveckling import data, domain, writes
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import session
from lokalutveckling.ui.forms import show_errors
from lokalutveckling.ui.signin import user
from lokalutveckling.ui.text import literal
from lokalutveckling.ui.widgets import static_table
from lokalutveckling.writes.uppdrag import KRAV_INLAMNAD

UPPDRAG, KRAV = "uppdrag", "aterrapporteringskrav"
NEW = "nytt_uppdrag"
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)

# ------------------------------------------------------------------------------------------ helpers


def _label(field: str, lang: str) -> str:
    return t("upp_field_kalla", lang) if field == "kalla" else t(f"field_{field}", lang)


def _editor() -> domain.User | None:
    """The signed-in redaktör or admin, or None (a reader sees no form)."""
    current = user()
    return current if current is not None and current.can_edit else None


def _saved(message: str) -> None:
    """Say what was saved, after the rerun (the write's on_change has cleared every cache)."""
    session.say_saved(message)


def _fields(form: str) -> str:
    """The key prefix of a form's fields: `form` at first, then `form~1`, `form~2` … after each reset."""
    n = session.get(session.form_round(form), 0)
    return form if n == 0 else f"{form}~{n}"


def _reset(form: str) -> None:
    """Show a form's fields afresh from the next run on (new widget keys, so the browser draws them anew)."""
    for key in session.keys_starting(f"{_fields(form)}_"):
        session.delete(key)
    session.put(session.form_round(form), session.get(session.form_round(form), 0) + 1)


def _loaded(tabell: str, row_id: str) -> dict[str, object] | None:
    """The row as the editor loaded it: kept for the whole edit, so a change by someone else shows."""
    key = session.loaded_row(tabell, row_id)
    if not session.has(key):
        get = writes.get_uppdrag if tabell == UPPDRAG else writes.get_krav
        session.put(key, get(cache.connection(), row_id))
    return session.get(key)


def _reload(tabell: str, row_id: str, form: str) -> None:
    """Load the stored row again: the form shows it and the next save is checked against its version."""
    session.pop(session.loaded_row(tabell, row_id))
    session.pop(session.row_conflict(tabell, row_id))
    _reset(form)


def _conflicted(exc: writes.UppdragConflictError) -> NoReturn:
    """Keep the conflict for the runs that follow (shown above the form, with the editor's text still in it)."""
    session.put(session.row_conflict(exc.tabell, exc.row_id), exc)
    st.rerun()


def _show_conflict(exc: writes.UppdragConflictError, form: str, lang: str) -> None:
    """Say that the row changed meanwhile, show the stored values beside this editor's, and offer to load
    the stored ones (this editor's values stay in the form and the table until then)."""
    st.error(literal(str(exc)), icon=":material/sync_problem:")
    rows = [
        (domain.LABELS.get(key, key), _text(exc.stored.get(key)), _text(attempted))
        for key, attempted in exc.attempted.items()
    ]
    static_table(
        pd.DataFrame(
            rows, columns=[t("hist_field", lang), t("conflict_stored", lang), t("conflict_yours", lang)]
        ).set_index(t("hist_field", lang))
    )
    if st.button(t("conflict_reload", lang), key=f"ladda_om_{exc.tabell}_{exc.row_id}"):
        _reload(exc.tabell, exc.row_id, form)
        st.rerun()


def _text(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _changes(loaded: dict[str, object], values: dict[str, object]) -> dict[str, object]:
    """Only the fields the editor changed (empty text as nothing)."""
    return {
        key: value
        for key, value in values.items()
        if not ((value in (None, "") and loaded.get(key) in (None, "")) or value == loaded.get(key))
    }


def _choice(
    label: str, options: dict[str, str], current: object, key: str, lang: str, *, optional: bool = False
) -> str | None:
    codes = list(options)
    return st.selectbox(
        label,
        codes,
        index=codes.index(current) if current in codes else None,
        format_func=options.get,
        key=key,
        placeholder=t("form_none", lang) if optional else t("form_choose", lang),
    )


def _day(label: str, value: object, key: str) -> date | None:
    return st.date_input(
        label,
        value=value if isinstance(value, date) else None,
        min_value=FIRST_DAY,
        max_value=LAST_DAY,
        key=key,
        format="YYYY-MM-DD",
    )


def _whole(label: str, value: object, key: str, *, low: int = 1, high: int = 1_000_000) -> int | None:
    return st.number_input(
        label, min_value=low, max_value=high, step=1, value=int(value) if value is not None else None, key=key
    )


def _options(lang: str) -> dict[str, dict[str, str]]:
    """Codes and labels for the forms' lists: statuses, stages, nämnder and source documents."""
    namnder = data.namnder()
    kallor = data.kallor()
    documents = {
        str(r["kalla_id"]): " · ".join(
            str(v) for v in (r["datum"], r["organ"], r["arende"], r["titel"]) if v is not None and not pd.isna(v)
        )
        or str(r["kalla_id"])
        for _, r in kallor.iterrows()
        if r["typ"] != "exempeldata"
    }
    return {
        "status": {s: t(f"upp_status_{s}", lang) for s in domain.UPPDRAG_STATUSAR},
        "krav_status": {s: t(f"upp_krav_status_{s}", lang) for s in domain.KRAV_STATUSAR},
        "stadium": {s: t(f"upp_stadium_{s}", lang) for s in domain.STADIER},
        "namnd": dict(zip(namnder["namnd_kod"], namnder["kortnamn"], strict=True)),
        "kalla": documents,
    }


# ------------------------------------------------------------------------------------------ a new uppdrag


def new_uppdrag(lang: str) -> None:
    """An expander with the form to add an uppdrag (redaktör)."""
    current = _editor()
    if current is None:
        return
    o = _options(lang)
    # A key keeps the box open while the message of a save comes and goes above it.
    with st.expander(t("upp_form_new", lang), icon=":material/add:", key="nytt_uppdrag_ruta"):
        st.caption(t("upp_form_new_hint", lang))
        f = _fields(NEW)
        with st.form(NEW):
            values: dict[str, object] = {}
            values["rubrik"] = st.text_input(_label("rubrik", lang), key=f"{f}_rubrik")
            values["citat"] = st.text_area(_label("citat", lang), key=f"{f}_citat")
            left, right = st.columns(2)
            with left:
                values["givare_organ"] = st.text_input(_label("givare_organ", lang), key=f"{f}_givare_organ")
                values["givet_ar"] = _whole(
                    _label("givet_ar", lang), domain.today().year, f"{f}_givet_ar", low=2000, high=2100
                )
                values["givet_datum"] = _day(_label("givet_datum", lang), None, f"{f}_givet_datum")
                values["givet_paragraf"] = st.text_input(_label("givet_paragraf", lang), key=f"{f}_givet_paragraf")
                values["givet_punkt"] = _whole(_label("givet_punkt", lang), None, f"{f}_givet_punkt")
                values["givet_stadium"] = _choice(
                    _label("givet_stadium", lang), o["stadium"], None, f"{f}_givet_stadium", lang
                )
                values["arende"] = st.text_input(_label("arende", lang), key=f"{f}_arende")
            with right:
                values["mottagare"] = st.text_input(_label("mottagare", lang), key=f"{f}_mottagare")
                values["mottagare_namnd_kod"] = _choice(
                    _label("mottagare_namnd_kod", lang),
                    o["namnd"],
                    None,
                    f"{f}_mottagare_namnd_kod",
                    lang,
                    optional=True,
                )
                values["status"] = _choice(_label("status", lang), o["status"], "givet", f"{f}_status", lang)
                values["senast"] = _day(_label("senast", lang), None, f"{f}_senast")
                values["tid_i_kallan"] = st.text_input(_label("tid_i_kallan", lang), key=f"{f}_tid_i_kallan")
                values["kalla"] = st.selectbox(
                    _label("kalla", lang),
                    list(o["kalla"]),
                    index=None,
                    format_func=o["kalla"].get,
                    key=f"{f}_kalla",
                    placeholder=t("upp_form_no_source", lang),
                )
                values["dokument_rad"] = _whole(_label("dokument_rad", lang), None, f"{f}_dokument_rad")
            values["anmarkning"] = st.text_area(_label("anmarkning", lang), key=f"{f}_anmarkning")
            if not st.form_submit_button(t("form_save", lang), type="primary"):
                return
        try:
            new_id = writes.add_uppdrag(cache.connection(), current, values, on_change=cache.clear)
        except domain.ValidationError as exc:
            show_errors(exc)
            return
        _saved(t("upp_form_added", lang, id=new_id, rubrik=literal(values["rubrik"])))
        _reset(NEW)  # an empty form: one more click on Spara adds nothing
        st.rerun()


# ------------------------------------------------------------------------------------------ an uppdrag


def edit_uppdrag(uppdrag_id: str, lang: str) -> None:
    """The form to update one uppdrag (redaktör); conflicts with someone else's save are shown, nothing lost."""
    current = _editor()
    if current is None:
        return
    loaded = _loaded(UPPDRAG, uppdrag_id)
    if loaded is None:
        return
    form = f"andra_uppdrag_{uppdrag_id}"
    st.markdown(f"**{literal(t('upp_form_edit_header', lang, id=uppdrag_id))}**")
    st.caption(t("upp_form_version", lang, version=loaded["version"]))
    conflict = session.get(session.row_conflict(UPPDRAG, uppdrag_id))
    if conflict is not None:
        _show_conflict(conflict, form, lang)
    o = _options(lang)
    f = _fields(form)
    with st.form(form):
        values: dict[str, object] = {}
        left, right = st.columns(2)
        values["status"] = left.selectbox(
            _label("status", lang),
            list(o["status"]),
            index=list(o["status"]).index(loaded["status"]) if loaded["status"] in o["status"] else None,
            format_func=o["status"].get,
            key=f"{f}_status",
            placeholder=t("form_choose", lang),
        )
        with right:
            values["senast"] = _day(_label("senast", lang), loaded["senast"], f"{f}_senast")
        values["tid_i_kallan"] = st.text_input(
            _label("tid_i_kallan", lang), value=loaded["tid_i_kallan"] or "", key=f"{f}_tid_i_kallan"
        )
        st.markdown(f"**{t('upp_form_report_header', lang)}**")
        st.caption(t("upp_form_report_hint", lang))
        left, right = st.columns(2)
        with left:
            values["aterrapport_organ"] = st.text_input(
                _label("aterrapport_organ", lang), value=loaded["aterrapport_organ"] or "", key=f"{f}_ar_organ"
            )
            values["aterrapport_datum"] = _day(
                _label("aterrapport_datum", lang), loaded["aterrapport_datum"], f"{f}_ar_datum"
            )
            values["aterrapport_paragraf"] = st.text_input(
                _label("aterrapport_paragraf", lang), value=loaded["aterrapport_paragraf"] or "", key=f"{f}_ar_paragraf"
            )
            values["aterrapport_punkt"] = _whole(
                _label("aterrapport_punkt", lang), loaded["aterrapport_punkt"], f"{f}_ar_punkt"
            )
        with right:
            values["aterrapport_stadium"] = _choice(
                _label("aterrapport_stadium", lang),
                o["stadium"],
                loaded["aterrapport_stadium"],
                f"{f}_ar_stadium",
                lang,
                optional=True,
            )
            values["aterrapport_kalla"] = _choice(
                _label("aterrapport_kalla", lang),
                o["kalla"],
                loaded["aterrapport_kalla"],
                f"{f}_ar_kalla",
                lang,
                optional=True,
            )
            values["aterrapport_rad"] = _whole(
                _label("aterrapport_rad", lang), loaded["aterrapport_rad"], f"{f}_ar_rad"
            )
        values["aterrapport_text"] = st.text_area(
            _label("aterrapport_text", lang), value=loaded["aterrapport_text"] or "", key=f"{f}_ar_text"
        )
        values["anmarkning"] = st.text_area(
            _label("anmarkning", lang), value=loaded["anmarkning"] or "", key=f"{f}_anmarkning"
        )
        if not st.form_submit_button(t("form_save", lang), type="primary"):
            return
    changes = _changes(loaded, values)
    if not changes:
        st.info(t("form_nothing", lang))
        return
    try:
        writes.update_uppdrag(
            cache.connection(), current, uppdrag_id, int(loaded["version"]), changes, on_change=cache.clear
        )
    except domain.ValidationError as exc:
        show_errors(exc)
        return
    except writes.UppdragConflictError as exc:
        _conflicted(exc)
    _reload(UPPDRAG, uppdrag_id, form)
    _saved(t("upp_form_updated", lang, id=uppdrag_id, n=len(changes)))
    st.rerun()


# ------------------------------------------------------------------------------------------ a krav


def edit_krav(krav_id: str, lang: str) -> None:
    """The form to update one återrapporteringskrav: status (mark as inlämnad), due date, submitted on, note."""
    current = _editor()
    if current is None:
        return
    loaded = _loaded(KRAV, krav_id)
    if loaded is None:
        return
    form = f"andra_krav_{krav_id}"
    st.markdown(f"**{literal(t('upp_krav_header', lang, id=krav_id))}**")
    st.caption(t("upp_form_version", lang, version=loaded["version"]))
    conflict = session.get(session.row_conflict(KRAV, krav_id))
    if conflict is not None:
        _show_conflict(conflict, form, lang)
    statuses = {s: t(f"upp_krav_status_{s}", lang) for s in domain.KRAV_STATUSAR}
    f = _fields(form)
    with st.form(form):
        left, middle, right = st.columns(3)
        values: dict[str, object] = {}
        values["status"] = left.selectbox(
            _label("status", lang),
            list(statuses),
            index=list(statuses).index(loaded["status"]) if loaded["status"] in statuses else None,
            format_func=statuses.get,
            key=f"{f}_status",
            placeholder=t("form_choose", lang),
        )
        with middle:
            values["inlamnad_datum"] = _day(_label("inlamnad_datum", lang), loaded["inlamnad_datum"], f"{f}_inlamnad")
        with right:
            values["senast"] = _day(_label("senast", lang), loaded["senast"], f"{f}_senast")
        values["anmarkning"] = st.text_area(
            _label("anmarkning", lang), value=loaded["anmarkning"] or "", key=f"{f}_anmarkning"
        )
        st.caption(t("upp_krav_hint", lang))
        if not st.form_submit_button(t("upp_krav_save", lang), type="primary"):
            return
    if values["status"] in KRAV_INLAMNAD and values["inlamnad_datum"] is None:
        values["inlamnad_datum"] = domain.today()  # "mark as submitted": today, as the hint says
    changes = _changes(loaded, values)
    if not changes:
        st.info(t("form_nothing", lang))
        return
    try:
        writes.update_krav(cache.connection(), current, krav_id, int(loaded["version"]), changes, on_change=cache.clear)
    except domain.ValidationError as exc:
        show_errors(exc)
        return
    except writes.UppdragConflictError as exc:
        _conflicted(exc)
    _reload(KRAV, krav_id, form)
    status = t(f"upp_krav_status_{values['status']}", lang)
    names = {"id": krav_id, "rapportor": literal(loaded["rapportor"]), "mottagare": literal(loaded["mottagare"])}
    handed_in = values["inlamnad_datum"]
    if isinstance(handed_in, date) and values["status"] in KRAV_INLAMNAD:
        _saved(t("upp_krav_saved_date", lang, status=status, datum=handed_in.isoformat(), **names))
    else:
        _saved(t("upp_krav_saved", lang, status=status, **names))
    st.rerun()
