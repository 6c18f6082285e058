"""Choices kept in the address bar as language-neutral codes: a link opens the same view in either
language and in a fresh browser.

Streamlit's `bind="query-params"` keeps a widget's *displayed* label in the URL (the `format_func`
result, not the option), so a link carried the labels of one language (`?lang=EN&fokus=Housing`) and a
renamed insats or nämnd broke it. The widgets here take codes as options and show them through
labels; `restore` puts the URL's codes into the widget's session state before the widget is made, and
`keep` writes the widget's codes back after it. Old links still open: a URL value is read as a code, or
as the Swedish or English label of one (in any case, with or without diacritics), or as the code before
" · " in a "CODE · name" label; unknown values are dropped without an error.

Widgets whose value is the same in both languages (toggles, sliders, years, the search text, the
language itself `?lang=SV|EN`) keep Streamlit's own binding.

When the URL decides a widget's value: on the first run that makes it (a link opened, or the page
reached through a page link carrying it), when the URL holds something else than this module last
wrote (the address changed from outside), and on history navigation (back and forward in the browser).
Otherwise the widget's own state decides (the reader's clicks); a language switch or a rename, which
changes the labels under the widget, keeps the codes chosen; and a page the reader comes back to shows
its choices as they were left (a page switch drops the other pages' parameters from the URL).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from lokalutveckling.i18n import LANGUAGES
from lokalutveckling.ui import pages, session


@dataclass(frozen=True)
class _Kept:
    url: tuple[str, ...]  # the values put into the address bar (empty: the key was removed)
    shown: tuple[tuple[Any, str], ...]  # (code, label) of the chosen codes as the widget showed them


def fold(text: object) -> str:
    """A value compared the way people type it: case, diacritics and extra spaces ignored."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def aliases(*labels: Mapping[str, str]) -> dict[str, str]:
    """Other names of codes (label -> code) from code -> label maps, e.g. the same options in Swedish and
    English, so that a link with the labels of either language still opens."""
    return {str(label): code for mapping in labels for code, label in mapping.items() if label is not None}


def labelled(
    codes: Iterable[str], label: Callable[[str, str], str], lang: str
) -> tuple[dict[str, str], dict[str, str]]:
    """Codes with their labels in `lang`, and their labels in every language as other names (for `read`)."""
    codes = list(codes)
    options = {code: label(code, lang) for code in codes}
    return options, aliases(*({code: label(code, other) for code in codes} for other in LANGUAGES))


def read(key: str, options: Mapping[str, str], other_names: Mapping[str, str] | None = None) -> list[str] | None:
    """The codes the URL asks for under `key`, in order and once each; None when the URL lacks the key."""
    if key not in st.query_params:
        return None
    lookup: dict[str, str] = {}
    for name, code in (other_names or {}).items():
        if code in options:
            lookup.setdefault(fold(name), code)
    for code, label in options.items():
        lookup[fold(label)] = code
    for code in options:
        lookup[fold(code)] = code
    codes: list[str] = []
    for value in st.query_params.get_all(key):
        code = lookup.get(fold(value)) or lookup.get(fold(value.split(" · ")[0]))
        if code is not None and code not in codes:
            codes.append(code)
    return codes


def _kept() -> dict[str, _Kept]:
    return session.setdefault(session.LINKS, {})


def restore(
    key: str,
    options: Mapping[str, str],
    default: list[str] | str | None,
    *,
    multi: bool,
    other_names: Mapping[str, str] | None = None,
) -> bool:
    """Set the widget's session state from the URL where the URL decides (see the module's text), and
    again to its own codes where their labels changed (a language switch, a rename). Returns whether it
    set the state (then the widget must be made without a default)."""
    kept = _kept().get(key)
    url = tuple(st.query_params.get_all(key)) if key in st.query_params else ()
    history = pages.is_history_navigation()
    present = session.has(key)
    if key in st.query_params and (not present or kept is None or url != kept.url or history):
        codes = read(key, options, other_names) or []
        if multi:
            session.put(key, codes)
            return True
        if codes:
            session.put(key, codes[0])
            return True
    elif history and kept is not None and kept.url:  # back to an address without the key: its default
        session.put(key, list(default or []) if multi else default)
        return True
    elif not present and kept is not None and kept.url:
        # Back on the page after another one (a page switch drops the other pages' parameters from the
        # URL): its choices as they were, as Streamlit's binding keeps them.
        codes = [c for c, _label in kept.shown if c in options]
        if codes:
            session.put(key, codes if multi else codes[0])
            return True
    if not present:
        return False
    current = session.get(key)  # read before the widget: still parsed with the labels of the last run
    codes = [c for c in (current if multi else [current]) if c is not None]
    valid = [c for c in codes if c in options]
    if not multi and codes and not valid:  # the chosen option is gone (filtered out, deleted)
        session.delete(key)
        return False
    relabelled = kept is not None and any(options.get(c) != dict(kept.shown).get(c) for c in valid)
    if valid != codes or relabelled:
        session.put(key, valid if multi else (valid[0] if valid else None))
        return True
    return False


def keep(key: str, value: list[str] | str | None, options: Mapping[str, str], default: list[str] | str | None) -> None:
    """Write the widget's codes into the URL (none when it shows its default) and remember them."""
    codes = [c for c in (value if isinstance(value, list) else [value]) if c is not None]
    is_default = (list(value or []) == list(default or [])) if isinstance(value, list) else value == default
    url = () if is_default else tuple(str(c) for c in codes)
    if url:
        if key not in st.query_params or tuple(st.query_params.get_all(key)) != url:
            st.query_params[key] = list(url)
    elif key in st.query_params:
        del st.query_params[key]
    _kept()[key] = _Kept(url, tuple((c, str(options.get(c, c))) for c in codes))


def labels(key: str) -> list[str]:
    """The chosen options of `key` as the widget showed them in this run (for texts that name filters)."""
    kept = _kept().get(key)
    return [label for _code, label in kept.shown] if kept is not None and kept.url else []


def multiselect(
    where: Any,
    label: str,
    options: Mapping[str, str],
    other_names: Mapping[str, str] | None = None,
    *,
    key: str,
    default: Iterable[str] = (),
    **kwargs: Any,
) -> list[str]:
    """`where.multiselect` over codes shown by their labels, kept in the URL under `key` as codes."""
    return _several(where.multiselect, label, options, other_names, key=key, default=default, **kwargs)


def _several(
    make: Callable[..., Any],
    label: str,
    options: Mapping[str, str],
    other_names: Mapping[str, str] | None,
    *,
    key: str,
    default: Iterable[str],
    **kwargs: Any,
) -> list[str]:
    """A widget of several choices (`make`: a multiselect or pills) over codes, kept in the URL as codes."""
    defaults = [c for c in default if c in options]
    if not restore(key, options, defaults, multi=True, other_names=other_names):
        kwargs["default"] = defaults
    value = make(label, list(options), format_func=lambda c: options.get(c, c), key=key, **kwargs)
    keep(key, list(value), options, defaults)
    return list(value)


def selectbox(
    where: Any,
    label: str,
    options: Mapping[str, str],
    other_names: Mapping[str, str] | None = None,
    *,
    key: str,
    index: int | None = 0,
    **kwargs: Any,
) -> str | None:
    """`where.selectbox` over codes shown by their labels, kept in the URL under `key` as a code."""
    codes = list(options)
    default = codes[index] if index is not None and codes else None
    restore(key, options, default, multi=False, other_names=other_names)
    # index 0 and None are what Streamlit treats as no default, so they may stand beside a session value.
    value = where.selectbox(label, codes, index=index, format_func=lambda c: options.get(c, c), key=key, **kwargs)
    keep(key, value, options, default)
    return value


def segmented_control(
    where: Any,
    label: str,
    options: Mapping[str, str],
    other_names: Mapping[str, str] | None = None,
    *,
    key: str,
    default: str | None,
    **kwargs: Any,
) -> str | None:
    """`where.segmented_control` (one choice) over codes shown by their labels, kept in the URL as a code."""
    if not restore(key, options, default, multi=False, other_names=other_names):
        kwargs["default"] = default
    value = where.segmented_control(label, list(options), format_func=lambda c: options.get(c, c), key=key, **kwargs)
    keep(key, value, options, default)
    return value


def pills(
    where: Any,
    label: str,
    options: Mapping[str, str],
    other_names: Mapping[str, str] | None = None,
    *,
    key: str,
    default: Iterable[str] = (),
    **kwargs: Any,
) -> list[str]:
    """`where.pills` (several choices) over codes shown by their labels, kept in the URL as codes."""
    return _several(
        where.pills, label, options, other_names, key=key, default=default, selection_mode="multi", **kwargs
    )
