"""Text on the page: store and file text shown literally where Streamlit reads Markdown, a caption's words
without Markdown, and the filters as applied in words."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from lokalutveckling.i18n import t
from lokalutveckling.ui import links, session
from lokalutveckling.ui.language import lang

# The sidebar filters: URL key -> text key of its label.
FILTER_KEYS = {"ar": "filter_ar", "kalla": "filter_kalla", "fokus": "filter_fokus", "namnd": "filter_namnd"}
FILTERS_APPLY_KEY = session.FILTERS_APPLY


def plain_text(markdown: str) -> str:
    """A caption's words without Markdown (for a figure's source note): escapes, bold and icons go."""
    text = html.unescape(markdown.replace(":small[]", ""))
    text = re.sub(r":material/[a-z_]+:\s*", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("**", "").strip()


def filter_text(*, ignored: Iterable[str] = (), page_filters: Sequence[tuple[str, str]] = ()) -> str:
    """The filters in words: the sidebar's choices the URL holds (as codes), by their labels in the
    page's language, each in `ignored` marked as not followed here ('Fokusområde: Utbildning (följs
    inte här)'); on a page the sidebar filters do not apply to, that they do not; then the page's own
    filters (`page_filters`: label, chosen values in words)."""
    language = lang()
    skipped = set(ignored)
    parts = []
    if session.get(session.FILTERS_APPLY, True):
        for key, label in FILTER_KEYS.items():
            chosen = links.labels(key)
            if chosen:
                note = f" ({t('export_filter_ignored', language)})" if key in skipped else ""
                parts.append(f"{t(label, language)}: {', '.join(chosen)}{note}")
    elif any(links.labels(key) for key in FILTER_KEYS):
        parts.append(t("export_filters_not_here", language))
    parts += [f"{label}: {value}" for label, value in page_filters if value]
    return "; ".join(parts)


# Streamlit reads GitHub Markdown with its own additions in headings, captions, alerts, toasts, st.table
# cells, tooltips and the labels of toggles, checkboxes, expanders, tabs, buttons and radios. A backslash
# escape does not survive everywhere (a bare URL is autolinked with its backslashes kept), so `literal`
# writes every ASCII punctuation mark as a numeric character reference: Markdown decodes it to the plain
# character and never reads it as syntax. Streamlit then rewrites some decoded text (autolinks of bare
# URLs, www. and e-mail addresses; "->", "--", ">=" as arrows and dashes; ":streamlit:" and emoji
# shortcodes): an empty `:small[]` directive (an empty span, no text) splits the text node where those
# patterns would start, so none of them matches. Marks that mean nothing to Markdown (, ; ? % " ' / ^)
# stay as they are, so numbers and dates in tables read the same in the page source as on screen.
_PUNCTUATION = re.compile(r"[!#$&()*+\-.:<=>@\[\\\]_`{|}~]")
_SPLIT_AT = re.compile(r"(?<=:)(?=\S)|(?<=\w)(?=\.\w)|(?<=[-<>~])(?=[-<>=])")
_LINE_START_SPACE = re.compile(r"^[ \t]+", re.MULTILINE)  # else four spaces start a code block
_SPLIT = "\0"


def literal(text: object) -> str:
    """Text from the store or a file, to show exactly as typed where Streamlit reads Markdown.

    The one escaping helper for every st.markdown, heading, caption, alert, toast, tooltip (help=),
    st.table cell and Markdown label (toggle, checkbox, expander, tab, button, radio); not for widgets
    that show text as is (selectbox and multiselect options, text inputs, st.text, st.dataframe)."""
    value = str(text).replace(_SPLIT, "")
    value = _SPLIT_AT.sub(_SPLIT, value)
    value = _PUNCTUATION.sub(lambda m: f"&#{ord(m[0])};", value)
    value = _LINE_START_SPACE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m[0]), value)
    return value.replace(_SPLIT, ":small[]")
