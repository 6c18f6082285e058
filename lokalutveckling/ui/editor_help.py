"""What readers are told about the data and whom to ask, and the help that only editors see.

Reader pages say what the data is, never how it is made: commands, repository paths, file names and
the store's table names are in an editor help (a closed expander shown only to someone who can edit)
and in the README. The contact text for questions is configurable: `kontakt` in `.streamlit/secrets.toml`
(one text, or a table with `sv` and `en`) or the environment variable LOKALUTVECKLING_KONTAKT; without
either, the honest default names the role that keeps the data, not a person.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

import streamlit as st

from lokalutveckling.i18n import t
from lokalutveckling.store import cache
from lokalutveckling.ui.signin import can_edit
from lokalutveckling.ui.text import literal

CONTACT_ENV = "LOKALUTVECKLING_KONTAKT"


def contact_text(lang: str, secrets: Mapping[str, object] | None = None, env: Mapping[str, str] | None = None) -> str:
    """Whom readers ask about the data, as a sentence: the configured text, else the default role."""
    secrets = cache.secrets() if secrets is None else secrets
    env = os.environ if env is None else env
    configured = secrets.get("kontakt")
    if isinstance(configured, Mapping):
        configured = configured.get(lang) or configured.get("sv")
    if not (isinstance(configured, str) and configured.strip()):
        configured = env.get(CONTACT_ENV, "")
    who = configured.strip() if configured.strip() else t("contact_default", lang)
    return t("contact", lang, kontakt=who)


def contact(lang: str) -> None:
    """The contact sentence as a caption (a configured text is shown literally)."""
    st.caption(literal(contact_text(lang)))


def table_name(tabell: str, lang: str) -> str:
    """A store table's name as readers read it: 'indikatorvarden' -> 'Indikatorvärden'."""
    return t(f"table_{tabell}", lang)


def for_editors(topic: str, lang: str, **values: object) -> None:
    """A closed expander with the help for `topic` (text key help_<topic>), shown only to editors."""
    if not can_edit():
        return
    with st.expander(t("help_title", lang), icon=":material/build:"):
        st.markdown(t(f"help_{topic}", lang, **values))


def table_names_help(tables: Iterable[str], lang: str) -> None:
    """For editors: which store table each readable table name stands for."""
    names = "; ".join(f"{table_name(n, lang)}: `{n}`" for n in tables)
    for_editors("tabeller", lang, tabeller=names)
