"""The editing forms: a new insats, and one insats's fields, status and follow-ups. Only a signed-in
redaktör or admin ever sees a form (ui.signin); the write functions in `lokalutveckling.writes` check
the role again, so a form is never the only guard.

Every successful write clears the app's caches, so every open page shows the change on its next run.
A failed write shows each problem with the field it concerns and keeps what the editor typed.
"""

from __future__ import annotations

from datetime import date
from typing import NoReturn

import pandas as pd
import streamlit as st

from lokalutveckling import data, domain, writes
from lokalutveckling.domain import User
from lokalutveckling.format import fmt_kr
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import session
from lokalutveckling.ui.signin import user
from lokalutveckling.ui.text import literal
from lokalutveckling.ui.widgets import static_table

# ------------------------------------------------------------------------------------------ helpers


def _label(field: str, lang: str) -> str:
    """A form field's label in the page's language (in Swedish the same as the write layer's messages)."""
    return t(f"field_{field}", lang)


def _saved(message: str) -> None:
    """Clear every cache (all pages read the store again) and say what was saved."""
    cache.clear()
    session.say_saved(message)


def show_saved() -> None:
    """The confirmation of the last write, once, after the rerun that shows it."""
    message = session.pop(session.SAVED)
    if message:
        st.success(message, icon=":material/check_circle:")


def show_errors(exc: domain.ValidationError) -> None:
    """Every problem, each starting with the field it concerns (as the form labels it; a problem of no one
    field as it is)."""

    def named(field: str, message: str) -> str:
        label = domain.LABELS.get(field, field)
        return message if not field or label.lower() in message.lower() else f"{label}: {message}"

    st.error("\n".join(f"- {literal(named(f, m))}" for f, m in exc.errors), icon=":material/error:")


def _options() -> dict[str, dict[str, str]]:
    """Codes and labels for the forms' lists."""
    namnder = data.namnder()
    kallor = data.finansieringskallor()
    fokus = data.fokusomraden()
    areas = data.presence(date.today())
    lines = data.tilldelningar_as_written()
    return {
        "namnd": dict(zip(namnder["namnd_kod"], namnder["kortnamn"], strict=True)),
        "kalla": dict(zip(kallor["finansiering_kod"], kallor["kortnamn"], strict=True)),
        "fokus": dict(zip(fokus["fokus_kod"], fokus["namn_sv"], strict=True)),
        "omrade": dict(zip(areas["omrade_kod"], areas["namn"], strict=True)),
        "tilldelning": {
            r["tilldelning_id"]: f"{r['ar']} · {r['kortnamn']} · {r['finansieringskalla']} · {fmt_kr(r['belopp_kr'])}"
            for _, r in lines.iterrows()
        },
    }


def _insats_fields(prefix: str, base: dict[str, object], lang: str, *, adding: bool) -> dict[str, object]:
    """The insats form's fields (inside an st.form), pre-filled from `base`; returns the values."""
    o = _options()

    def pick(label: str, options: dict[str, str], key: str, *, optional: bool = False) -> str | None:
        codes = list(options)
        current = base.get(key)
        return st.selectbox(
            label,
            codes,
            index=codes.index(current) if current in codes else None,
            format_func=options.get,
            key=f"{prefix}_{key}",
            placeholder=t("form_choose", lang) if not optional else t("form_none", lang),
        )

    values: dict[str, object] = {}
    values["namn"] = st.text_input(_label("namn", lang), value=base.get("namn") or "", key=f"{prefix}_namn")
    values["beskrivning"] = st.text_area(
        _label("beskrivning", lang), value=base.get("beskrivning") or "", key=f"{prefix}_beskrivning"
    )
    left, right = st.columns(2)
    with left:
        values["namnd_kod"] = pick(_label("namnd_kod", lang), o["namnd"], "namnd_kod")
        values["finansiering_kod"] = pick(_label("finansiering_kod", lang), o["kalla"], "finansiering_kod")
        values["tilldelning_id"] = pick(
            _label("tilldelning_id", lang), o["tilldelning"], "tilldelning_id", optional=True
        )
        values["belopp_kr"] = st.number_input(
            _label("belopp_kr", lang),
            min_value=0,
            step=10_000,
            value=int(base["belopp_kr"]) if base.get("belopp_kr") is not None else None,
            key=f"{prefix}_belopp_kr",
        )
        values["startdatum"] = st.date_input(
            _label("startdatum", lang), value=base.get("startdatum"), key=f"{prefix}_startdatum", format="YYYY-MM-DD"
        )
        values["slutdatum"] = st.date_input(
            _label("slutdatum", lang), value=base.get("slutdatum"), key=f"{prefix}_slutdatum", format="YYYY-MM-DD"
        )
    with right:
        if adding:
            values["status"] = st.selectbox(
                _label("status", lang),
                list(domain.START_STATUSAR),
                format_func=lambda s: t(f"status_{s}", lang),
                key=f"{prefix}_status",
            )
        values["typ"] = st.selectbox(
            _label("typ", lang),
            list(domain.TYPER),
            index=list(domain.TYPER).index(base["typ"]) if base.get("typ") in domain.TYPER else None,
            format_func=lambda s: t(f"typ_{s}", lang),
            key=f"{prefix}_typ",
            placeholder=t("form_choose", lang),
        )
        values["malgrupp"] = st.text_input(
            _label("malgrupp", lang), value=base.get("malgrupp") or "", key=f"{prefix}_malgrupp"
        )
        values["fokus_kod"] = pick(_label("fokus_kod", lang), o["fokus"], "fokus_kod")
        values["sekundara_fokus"] = st.multiselect(
            _label("sekundara_fokus", lang),
            list(o["fokus"]),
            default=[c for c in base.get("sekundara_fokus") or [] if c in o["fokus"]],
            format_func=o["fokus"].get,
            select_all=False,
            key=f"{prefix}_sekundara_fokus",
            placeholder=t("form_none", lang),
        )
        values["hela_staden"] = st.checkbox(
            _label("hela_staden", lang), value=bool(base.get("hela_staden")), key=f"{prefix}_hela_staden"
        )
        values["omraden"] = st.multiselect(
            _label("omraden", lang),
            list(o["omrade"]),
            default=[c for c in base.get("omraden") or [] if c in o["omrade"]],
            format_func=o["omrade"].get,
            select_all=False,
            key=f"{prefix}_omraden",
            placeholder=t("form_none", lang),
        )
    values["partner_namnder"] = st.multiselect(
        _label("partner_namnder", lang),
        list(o["namnd"]),
        default=[c for c in base.get("partner_namnder") or [] if c in o["namnd"]],
        format_func=o["namnd"].get,
        select_all=False,
        key=f"{prefix}_partner_namnder",
        placeholder=t("form_none", lang),
    )
    externa = st.text_input(
        _label("partner_externa", lang) + " " + t("form_comma", lang),
        value=", ".join(base.get("partner_externa") or []),
        key=f"{prefix}_partner_externa",
    )
    values["partner_externa"] = [p.strip() for p in externa.split(",") if p.strip()]
    targets = _target_indicators(lang)
    values[domain.MALINDIKATORER] = st.multiselect(
        _label(domain.MALINDIKATORER, lang) + " " + t("form_malindikatorer_tomt", lang),
        list(targets),
        default=[c for c in base.get(domain.MALINDIKATORER) or [] if c in targets],
        format_func=targets.get,
        select_all=False,
        max_selections=domain.MAX_MALINDIKATORER,
        key=f"{prefix}_{domain.MALINDIKATORER}",
        placeholder=t("form_malindikatorer_placeholder", lang),
        help=t("form_malindikatorer_help", lang),
    )
    return values


def _target_indicators(lang: str) -> dict[str, str]:
    """The indicators an editor may choose as target indicators (not the context ones, such as population),
    code → name in the page's language, in the indicators' order."""
    rows = data.indikatorer()
    rows = rows[rows["fokus_kod"].notna()]
    names = rows["namn_en"] if lang == "en" else rows["namn_sv"]
    return dict(zip(rows["indikator_kod"], names, strict=True))


# ------------------------------------------------------------------------------------------ insatser

NEW_INSATS = "ny"


def _fields(form: str) -> str:
    """The key prefix of a form's fields: `form` at first, then `form~1`, `form~2` … after each reset."""
    n = session.get(session.form_round(form), 0)
    return form if n == 0 else f"{form}~{n}"


def _reset(form: str) -> None:
    """Show a form's fields afresh (empty, or as the loaded insats has them) from the next run on.

    The fields get new keys: new widgets, which the browser draws from their defaults. Deleting the old keys
    from the session alone is not enough: the browser would go on showing, and on the next click sending
    again, what was typed."""
    old = _fields(form)
    for key in session.keys_starting(f"{old}_"):
        session.delete(key)
    session.put(session.form_round(form), session.get(session.form_round(form), 0) + 1)


def new_insats(lang: str) -> None:
    """Add an insats (redaktör)."""
    current = user()
    # A key keeps the box open while the message of a save comes and goes above it.
    with st.expander(t("form_new_insats", lang), icon=":material/add:", key="ny_insats_ruta"):
        with st.form("ny_insats"):
            values = _insats_fields(_fields(NEW_INSATS), {}, lang, adding=True)
            if st.form_submit_button(t("form_save", lang), type="primary"):
                try:
                    new_id = writes.add_insats(cache.connection(), current, values)
                except domain.ValidationError as exc:
                    show_errors(exc)
                    return
                _saved(t("form_added", lang, id=new_id, namn=literal(values["namn"])))
                session.pop(session.INSATS)
                _reset(NEW_INSATS)  # an empty form: one more click on Spara adds nothing
                st.rerun()


def _loaded(insats_id: str) -> dict[str, object] | None:
    """The insats as the editor loaded it: kept for the whole edit, so a change by someone else shows."""
    key = session.loaded_insats(insats_id)
    if not session.has(key):
        session.put(key, writes.get_insats(cache.connection(), insats_id))
    return session.get(key)


def _reload(insats_id: str) -> None:
    """Load the stored insats again: the forms show it and the next save is checked against its version."""
    session.pop(session.loaded_insats(insats_id))
    session.pop(session.conflict(insats_id))
    _reset(f"andra_{insats_id}")


def edit_insats(insats_id: str, lang: str) -> None:
    """Edit any field, change the status, add a follow-up (redaktör)."""
    current = user()
    loaded = _loaded(insats_id)
    if loaded is None:
        return
    st.markdown(f"**{t('form_edit_header', lang)}**")
    st.caption(t("form_version", lang, version=loaded["version"]))
    conflict = session.get(session.conflict(insats_id))
    if conflict is not None:
        _show_conflict(conflict, lang)
    edit, move, follow = st.tabs([t("form_tab_edit", lang), t("form_tab_status", lang), t("form_tab_followup", lang)])
    with edit:
        _edit_form(insats_id, loaded, current, lang)
    with move:
        _status_form(insats_id, loaded, current, lang)
    with follow:
        _followup_form(insats_id, current, lang)


def _changes(loaded: dict[str, object], values: dict[str, object]) -> dict[str, object]:
    """Only the fields the editor changed (lists compared as sets, empty text as nothing)."""
    out = {}
    for key, value in values.items():
        before = loaded.get(key)
        if isinstance(value, list):
            same = sorted(value) == sorted(before or [])
        else:
            same = (value in (None, "") and before in (None, "")) or value == before
        if not same:
            out[key] = value
    return out


def _edit_form(insats_id: str, loaded: dict[str, object], current: User | None, lang: str) -> None:
    fields = _fields(f"andra_{insats_id}")
    with st.form(f"andra_{insats_id}"):
        values = _insats_fields(fields, loaded, lang, adding=False)
        comment = st.text_input(t("form_comment", lang), key=f"{fields}_kommentar")
        if not st.form_submit_button(t("form_save", lang), type="primary"):
            return
    changes = _changes(loaded, values)
    if not changes:
        st.info(t("form_nothing", lang))
        return
    try:
        writes.update_insats(
            cache.connection(), current, insats_id, changes, int(loaded["version"]), kommentar=comment or None
        )
    except domain.ValidationError as exc:
        show_errors(exc)
        return
    except writes.ConflictError as exc:
        _conflicted(exc)
    _reload(insats_id)
    _saved(t("form_updated", lang, id=insats_id, n=len(changes)))
    st.rerun()


def _conflicted(exc: writes.ConflictError) -> NoReturn:
    """Someone saved the insats meanwhile. The conflict is kept in the session and shown above the forms
    on every run (with what this editor typed still in them) until the editor loads the saved version."""
    session.put(session.conflict(exc.insats_id), exc)
    st.rerun()


def _show_conflict(exc: writes.ConflictError, lang: str) -> None:
    """Say that the insats changed meanwhile, show the stored version beside this editor's, and offer to load
    the stored one (this editor's text stays in the table until then, to copy from)."""
    st.error(literal(str(exc)), icon=":material/sync_problem:")
    rows = []
    for key, attempted in exc.attempted.items():
        stored = exc.stored.get(key)
        rows.append((domain.LABELS.get(key, key), _text(stored), _text(attempted)))
    static_table(
        pd.DataFrame(
            rows, columns=[t("hist_field", lang), t("conflict_stored", lang), t("conflict_yours", lang)]
        ).set_index(t("hist_field", lang))
    )
    if st.button(t("conflict_reload", lang), key=f"ladda_om_{exc.insats_id}"):
        _reload(exc.insats_id)
        st.rerun()


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _status_form(insats_id: str, loaded: dict[str, object], current: User | None, lang: str) -> None:
    status = str(loaded["status"])
    moves = domain.allowed_moves(status)
    if not moves:
        st.markdown(t("form_status_final", lang, status=t(f"status_{status}", lang)))
        return
    o = _options()
    new = st.radio(
        t("form_status_to", lang, status=t(f"status_{status}", lang)),
        list(moves),
        format_func=lambda s: t(f"status_{s}", lang),
        horizontal=True,
        key=f"status_{insats_id}_till",
    )
    with st.form(f"status_{insats_id}"):
        when = st.date_input(
            _label("datum", lang), value=date.today(), key=f"status_{insats_id}_datum", format="YYYY-MM-DD"
        )
        reason = receiver = amount = None
        if new == "avbruten":
            reason = st.text_area(t("form_stop_reason", lang), key=f"status_{insats_id}_anledning")
        if new == "permanentad":
            receiver = st.selectbox(
                t("form_receiver", lang),
                list(o["namnd"]),
                index=None,
                format_func=o["namnd"].get,
                key=f"status_{insats_id}_mottagare",
                placeholder=t("form_choose", lang),
            )
            amount = st.number_input(
                t("form_permanent_amount", lang), min_value=0, step=10_000, value=None, key=f"status_{insats_id}_belopp"
            )
        if not st.form_submit_button(t("form_status_save", lang, status=t(f"status_{new}", lang)), type="primary"):
            return
    try:
        writes.change_status(
            cache.connection(),
            current,
            insats_id,
            new,
            datum=when,
            anledning=reason or None,
            mottagande_namnd=receiver,
            belopp_kr=amount,
            expected_version=int(loaded["version"]),
        )
    except domain.ValidationError as exc:
        show_errors(exc)
        return
    except writes.ConflictError as exc:
        _conflicted(exc)
    _reload(insats_id)
    _saved(t("form_status_saved", lang, id=insats_id, status=t(f"status_{new}", lang)))
    st.rerun()


def _followup_form(insats_id: str, current: User | None, lang: str) -> None:
    fu = _fields(f"fu_{insats_id}")
    with st.form(f"uppfoljning_{insats_id}", clear_on_submit=False):
        left, right = st.columns(2)
        when = left.date_input(_label("datum", lang), value=date.today(), key=f"{fu}_datum", format="YYYY-MM-DD")
        who = right.text_input(_label("vem", lang), value=current.namn if current else "", key=f"{fu}_vem")
        what = st.text_area(_label("vad", lang), key=f"{fu}_vad")
        left, right = st.columns(2)
        reach = left.number_input(
            _label("rackvidd", lang) + " " + t("form_reach_hint", lang),
            min_value=0,
            step=1,
            value=None,
            key=f"{fu}_rackvidd",
        )
        effect = right.selectbox(
            _label("effekt", lang),
            list(domain.EFFEKTER),
            index=None,
            format_func=lambda e: t(f"effect_{e}", lang),
            key=f"{fu}_effekt",
            placeholder=t("form_choose", lang),
        )
        basis = st.text_area(_label("underlag", lang), key=f"{fu}_underlag")
        if not st.form_submit_button(t("form_followup_save", lang), type="primary"):
            return
    fields = {"datum": when, "vem": who, "vad": what, "rackvidd": reach, "effekt": effect, "underlag": basis}
    try:
        new_id = writes.add_uppfoljning(cache.connection(), current, insats_id, fields)
    except domain.ValidationError as exc:
        show_errors(exc)
        return
    _reset(f"fu_{insats_id}")
    _saved(t("form_followup_saved", lang, id=new_id))
    st.rerun()
