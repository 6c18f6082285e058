"""Konton (administrators only): who may edit, and with which role."""

import pandas as pd
import streamlit as st

from lokalutveckling import auth, data, ui, writes
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import forms as editing

lang = ui.lang()
st.title(t("acc_title", lang))
me = editing.user()
if me is None or not me.is_admin:  # the page is listed only for admins; a typed URL gets nothing
    st.error(t("acc_admins_only", lang))
    st.stop()
st.markdown(t("acc_intro", lang))
editing.show_saved()

accounts = data.anvandare()
ui.table(
    pd.DataFrame(
        {
            t("auth_user", lang): accounts["anvandarnamn"],
            t("acc_name", lang): accounts["namn"],
            t("acc_email", lang): accounts["e_post"].fillna(""),
            t("acc_role", lang): [t(f"role_{r}", lang) for r in accounts["roll"]],
            t("acc_active", lang): [t("yes" if a else "no", lang) for a in accounts["aktiv"]],
            t("acc_password", lang): [t("yes" if h else "no", lang) for h in accounts["har_losenord"]],
        }
    ),
    key="konton",
)

st.subheader(t("acc_add", lang))
with st.form("nytt_konto", clear_on_submit=False):
    left, right = st.columns(2)
    name = left.text_input(t("auth_user", lang), key="konto_namn", help=t("acc_user_help", lang))
    full = right.text_input(t("acc_name", lang), key="konto_fullt")
    email = left.text_input(t("acc_email", lang), key="konto_epost", help=t("acc_email_help", lang))
    role = right.selectbox(
        t("acc_role", lang), list(writes.KONTO_ROLLER), format_func=lambda r: t(f"role_{r}", lang), key="konto_roll"
    )
    password = st.text_input(t("auth_password", lang), type="password", key="konto_losen", help=t("acc_pw_help", lang))
    if st.form_submit_button(t("acc_add_save", lang), type="primary"):
        try:
            hashed = auth.hash_password(password) if password else None
            writes.add_user(
                cache.connection(),
                me,
                {"anvandarnamn": name, "namn": full, "e_post": email or None, "roll": role, "losenord_hash": hashed},
            )
        except auth.PasswordError as exc:
            st.error(str(exc))  # our own rule, no data in it
        except writes.ValidationError as exc:
            st.error("\n".join(f"- {ui.literal(m)}" for _, m in exc.errors))
        else:
            st.session_state["_sparat"] = t("acc_added", lang, namn=ui.literal(name))
            st.rerun()

st.subheader(t("acc_change", lang))
others = accounts[(accounts["anvandarnamn"] != me.anvandarnamn) & accounts["aktiv"]]
if others.empty:
    st.markdown(t("acc_no_others", lang))
else:
    with st.form("andra_konto"):
        who = st.selectbox(t("auth_user", lang), list(others["anvandarnamn"]), key="andra_vem")
        new_role = st.selectbox(
            t("acc_role", lang), list(writes.KONTO_ROLLER), format_func=lambda r: t(f"role_{r}", lang), key="andra_roll"
        )
        deactivate = st.checkbox(t("acc_deactivate", lang), key="andra_inaktivera")
        if st.form_submit_button(t("form_save", lang), type="primary"):
            try:
                if deactivate:
                    writes.deactivate_user(cache.connection(), me, who)
                else:
                    writes.set_role(cache.connection(), me, who, new_role)
            except writes.ValidationError as exc:
                st.error("\n".join(f"- {ui.literal(m)}" for _, m in exc.errors))
            else:
                st.session_state["_sparat"] = t("acc_changed", lang, namn=ui.literal(who))
                st.rerun()
