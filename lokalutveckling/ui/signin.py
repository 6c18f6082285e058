"""Signing in and out in this browser session: who is signed in, the sign-in box in the sidebar, and the
guard against losing unsaved text. The accounts themselves (hashes, throttle, roles from an identity) are
in `lokalutveckling.auth`, which knows nothing of Streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from lokalutveckling import auth
from lokalutveckling.domain import User
from lokalutveckling.i18n import t
from lokalutveckling.paths import ROOT
from lokalutveckling.store import Connection, cache
from lokalutveckling.ui import session
from lokalutveckling.ui.text import literal

UNSAVED_GUARD = ROOT / "lokalutveckling" / "assets" / "osparat.js"


def streamlit_secrets() -> Mapping[str, object]:
    """The app's secrets as plain dictionaries, or nothing when no secrets file exists."""
    try:
        return st.secrets.to_dict()
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return {}


def current_user(con: Connection, secrets: Mapping[str, object] | None = None) -> User | None:
    """Who is signed in in this browser session, or None (a reader who has not signed in)."""
    known = streamlit_secrets() if secrets is None else secrets
    if auth.mode(known) == "oidc":
        if not st.user.get("is_logged_in"):
            return None
        roller = known.get("roller")
        return auth.user_from_identity(
            st.user.to_dict(), con=con, roller=roller if isinstance(roller, Mapping) else None
        )
    return session.signed_in()


def sign_in_local(con: Connection, anvandarnamn: str, losenord: str) -> User | None:
    """Check a local sign-in and remember the user in this session; None (say auth.SIGN_IN_FAILED) if wrong.
    Raises auth.TooManyAttempts while a limit holds. The client is the connection's address as the server saw
    it (Streamlit's server takes X-Forwarded-For only from a proxy on this machine), never a header read here."""
    client = auth.client_key(st.context.ip_address)
    user = auth.verify_local_throttled(con, anvandarnamn, losenord, secrets=streamlit_secrets(), client=client)
    if user is not None:
        session.remember_signed_in(user)
    return user


def sign_out() -> None:
    """Sign out of this session (and of the identity provider's cookie, with OIDC)."""
    session.forget_signed_in()
    if auth.mode(streamlit_secrets()) == "oidc" and st.user.get("is_logged_in"):
        st.logout()


def user() -> User | None:
    """Who is signed in in this browser session (None: a reader)."""
    return current_user(cache.connection())


def can_edit() -> bool:
    current = user()
    return current is not None and current.can_edit


def sign_in_box(lang: str) -> None:
    """In the sidebar: who is signed in and a way out, or a way in for editors."""
    current = user()
    box = st.sidebar.container(border=True)
    if current is not None:
        box.markdown(t("auth_signed_in", lang, namn=literal(current.namn), roll=t(f"role_{current.roll}", lang)))
        if auth.mode(cache.secrets()) == "lokal":  # with single sign-on, the provider's cookie outlasts a reload
            box.caption(t("auth_reload_note", lang))
        guard_unsaved(box)
        if box.button(t("auth_sign_out", lang), key="logga_ut"):
            sign_out()
            st.rerun()
        return
    if auth.mode(cache.secrets()) == "oidc":
        if box.button(t("auth_sign_in_sso", lang), key="logga_in_sso"):
            st.login()
        return
    with box.expander(t("auth_editors", lang)):
        with st.form("logga_in", border=False):
            name = st.text_input(t("auth_user", lang), key="inlogg_namn")
            password = st.text_input(t("auth_password", lang), type="password", key="inlogg_losen")
            if st.form_submit_button(t("auth_sign_in", lang)):
                try:
                    signed_in = sign_in_local(cache.connection(), name.strip(), password)
                except auth.TooManyAttempts as exc:
                    st.error(exc.text(lang))
                    return
                if signed_in is None:
                    st.error(t("auth_failed", lang))
                else:
                    st.rerun()


def guard_unsaved(box: DeltaGenerator) -> None:
    """The browser asks before a reload or a closed tab throws away text typed in a form and not yet saved.

    Why not keep the sign-in over a reload instead: Streamlit keeps it in the server's session, which a
    reload ends, and a local sign-in could outlast it only through a token the browser keeps. Streamlit can
    set no cookie from the server (`st.context.cookies` is read-only), a cookie set by a script is readable
    by any script in the page (no HttpOnly), and a token in the URL leaves with every copied link, the
    history and the server's logs. With single sign-on Streamlit's own signed cookie does outlast a reload.
    """
    if session.has(session.SAVED):  # this run follows a save (shown, and popped, by ui.forms.show_saved)
        session.put(session.SAVES, session.get(session.SAVES, 0) + 1)
    saves = int(session.get(session.SAVES, 0))
    with box:
        st.html(
            f'<div id="osparat-vakt" hidden></div><script>{{\nconst saves = {saves};\n{_guard_script()}}}</script>',
            unsafe_allow_javascript=True,  # our own file, no user text
        )


@functools.cache
def _guard_script() -> str:
    return UNSAVED_GUARD.read_text(encoding="utf-8")
