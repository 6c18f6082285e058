"""Konton's parts (administrators only): the accounts, adding one, and changing another's role or
deactivating it. Every change goes through `lokalutveckling.writes`, which checks the role again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lokalutveckling import auth, domain, ui, writes
from lokalutveckling.domain import User
from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui import session


def accounts_table(accounts: pd.DataFrame, lang: str) -> None:
    """Every account: user name, name, e-mail, role, whether active and whether it has a password."""
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


def add_account(me: User, lang: str) -> None:
    """A form that adds an account (with a password for local sign-in, or none for single sign-on)."""
    with st.form("nytt_konto", clear_on_submit=False):
        left, right = st.columns(2)
        name = left.text_input(t("auth_user", lang), key="konto_namn", help=t("acc_user_help", lang))
        full = right.text_input(t("acc_name", lang), key="konto_fullt")
        email = left.text_input(t("acc_email", lang), key="konto_epost", help=t("acc_email_help", lang))
        role = right.selectbox(
            t("acc_role", lang), list(domain.KONTO_ROLLER), format_func=lambda r: t(f"role_{r}", lang), key="konto_roll"
        )
        password = st.text_input(
            t("auth_password", lang), type="password", key="konto_losen", help=t("acc_pw_help", lang)
        )
        if st.form_submit_button(t("acc_add_save", lang), type="primary"):
            try:
                hashed = auth.hash_password(password) if password else None
                writes.add_user(
                    cache.connection(),
                    me,
                    {
                        "anvandarnamn": name,
                        "namn": full,
                        "e_post": email or None,
                        "roll": role,
                        "losenord_hash": hashed,
                    },
                )
            except auth.PasswordError as exc:
                st.error(str(exc))  # our own rule, no data in it
            except domain.ValidationError as exc:
                st.error("\n".join(f"- {ui.literal(m)}" for _, m in exc.errors))
            else:
                session.say_saved(t("acc_added", lang, namn=ui.literal(name)))
                st.rerun()


def change_account(me: User, accounts: pd.DataFrame, lang: str) -> None:
    """A form that changes another active account's role or deactivates it."""
    others = accounts[(accounts["anvandarnamn"] != me.anvandarnamn) & accounts["aktiv"]]
    if others.empty:
        st.markdown(t("acc_no_others", lang))
    else:
        with st.form("andra_konto"):
            who = st.selectbox(t("auth_user", lang), list(others["anvandarnamn"]), key="andra_vem")
            new_role = st.selectbox(
                t("acc_role", lang),
                list(domain.KONTO_ROLLER),
                format_func=lambda r: t(f"role_{r}", lang),
                key="andra_roll",
            )
            deactivate = st.checkbox(t("acc_deactivate", lang), key="andra_inaktivera")
            if st.form_submit_button(t("form_save", lang), type="primary"):
                try:
                    if deactivate:
                        writes.deactivate_user(cache.connection(), me, who)
                    else:
                        writes.set_role(cache.connection(), me, who, new_role)
                except domain.ValidationError as exc:
                    st.error("\n".join(f"- {ui.literal(m)}" for _, m in exc.errors))
                else:
                    session.say_saved(t("acc_changed", lang, namn=ui.literal(who)))
                    st.rerun()
