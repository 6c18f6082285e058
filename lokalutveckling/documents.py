"""The source documents behind the figures: which the app can show, their text line by line, and links
that open them at a line in the document viewer (pages/dokument.py).

The documents are plain text files in a configured folder (paths.documents_dir: `LOKALUTVECKLING_DOKUMENT`
or `dokument_path` in the secrets), named by their kalla_id in the store's `kallor`. Only a kalla_id the
store knows, as a bare file name directly in that folder, is ever read: a link's parameter is never a path.
Where no folder is configured, or the file is not in it, a source is shown by its name, date, organ and
diarienummer instead of a link.

The first part is pure (a folder and the store's kallor as arguments); the last renders with Streamlit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from lokalutveckling import provenance
from lokalutveckling.format import fmt_kr, fmt_number
from lokalutveckling.i18n import t

VIEWER = "dokument"  # the viewer page's URL path (dashboard.py)
LINE_ID = "rad-{rad}"  # the HTML id of a line in the viewer: ...?dok=…&rad=193 shows #rad-193 highlighted


def document_file(folder: Path | None, kalla_id: object, known: Collection[str]) -> Path | None:
    """The file of a source document, or None: only for a kalla_id in `known` (the store's kallor) that is
    a bare file name, lies directly in `folder` (also after following links) and exists."""
    if folder is None or not isinstance(kalla_id, str) or kalla_id not in known:
        return None
    if kalla_id in {"", ".", ".."} or any(c in kalla_id for c in "/\\\0") or Path(kalla_id).name != kalla_id:
        return None
    try:
        base = folder.resolve(strict=True)
        path = (base / kalla_id).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return path if path.parent == base and path.is_file() else None


def read_lines(path: Path) -> list[str]:
    """A document's lines as the store's line numbers count them (line 1 first; only '\\n' ends a line)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    return lines[:-1] if lines and lines[-1] == "" else lines


def line_number(value: object) -> int | None:
    """A line number from a URL parameter, or None when it is not a positive whole number."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def viewer_url(kalla_id: str, rad: object = None, lang: str = "sv") -> str:
    """The viewer's address for a document at a line, relative to the app: 'dokument?dok=…&rad=193'."""
    params: dict[str, object] = {"dok": kalla_id}
    if line_number(rad):
        params["rad"] = line_number(rad)
    if lang == "en":
        params["lang"] = "EN"
    return f"{VIEWER}?{urlencode(params)}"


VIEWER_CSS = """
<style>
.lu-dok { font-family: "Source Code Pro", ui-monospace, monospace; font-size: 0.9rem; line-height: 1.5;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 0.5rem 0; }
.lu-rad { display: flex; min-height: 1.5em; scroll-margin: 40vh 0; }
.lu-nr { flex: 0 0 4.5em; padding-right: 1em; text-align: right; color: #5f6368; user-select: none; }
.lu-text { flex: 1 1 auto; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 8; padding-right: 0.5em; }
.lu-rad.lu-markerad { background: #fff3b0; color: #1f2933; outline: 2px solid #b58900; }
.lu-rad.lu-markerad .lu-nr { color: #000; font-weight: 700; }
.lu-rad.lu-markerad mark { background: transparent; color: inherit; }
</style>
"""


def text_html(lines: Sequence[str], highlight: int | None, label: str) -> str:
    """The text with its line numbers as HTML, every character of the file escaped (shown literally);
    the line `highlight` marked, with a script that scrolls it into view."""
    rows = []
    for number, line in enumerate(lines, start=1):
        text = escape(line)
        anchor = LINE_ID.format(rad=number)
        if number == highlight:
            rows.append(
                f'<div class="lu-rad lu-markerad" id="{anchor}" aria-current="location"><span class="lu-nr">'
                f'{number}</span><mark class="lu-text">{text}</mark></div>'
            )
        else:
            rows.append(f'<div class="lu-rad" id="{anchor}"><span class="lu-nr">{number}</span>'
                        f'<span class="lu-text">{text}</span></div>')  # fmt: skip
    body = f'<div class="lu-dok" role="region" aria-label="{escape(label)}">{"".join(rows)}</div>'
    if highlight:
        anchor = LINE_ID.format(rad=int(highlight))
        body += (
            f'<script>requestAnimationFrame(() => {{ const line = document.getElementById("{anchor}");'
            ' if (line) line.scrollIntoView({block: "center"}); });</script>'
        )
    return VIEWER_CSS + body


@dataclass(frozen=True)
class Sources:
    """The store's sources as one page shows them: readable names, what identifies each document, and
    which can be opened in the viewer (their file is in the configured folder)."""

    names: Mapping[str, str]
    details: Mapping[str, str]
    openable: frozenset[str]
    lang: str = "sv"

    @classmethod
    def build(cls, kallor: pd.DataFrame, folder: Path | None, lang: str = "sv") -> Sources:
        known = set(kallor["kalla_id"]) - {"exempeldata"}
        rows = [r for r in kallor.to_dict("records") if r["kalla_id"] in known]
        return cls(
            names=provenance.document_names(kallor, lang),
            details={r["kalla_id"]: r["arende"] for r in rows if r.get("arende")},
            openable=frozenset(k for k in known if document_file(folder, k, known) is not None),
            lang=lang,
        )

    def name(self, kalla: str | None, rad: object = None) -> str:
        """'Stadskontorets tjänsteskrivelse 2022-08-12, rad 193'; exempeldata and accounts as source_label."""
        if not kalla or kalla not in self.names:
            return provenance.source_label(kalla, self.lang, self.names)
        return provenance.source_name(kalla, line_number(rad), self.names, self.lang)

    def text(self, kalla: str | None, rad: object = None) -> str:
        """The name and line, and where the document cannot be opened its diarienummer too (date and organ
        are in the name): what a reader needs to ask for it. 'Stadskontorets tjänsteskrivelse 2022-08-12,
        rad 193, diarienummer STK-2018-1233'."""
        name = self.name(kalla, rad)
        if kalla in self.openable or kalla not in self.details:
            return name
        return f"{name}, {t('doc_dnr', self.lang, dnr=self.details[kalla])}"

    def url(self, kalla: str | None, rad: object = None) -> str | None:
        """The viewer's address for the document at the line, or None when it cannot be opened."""
        return viewer_url(kalla, rad, self.lang) if kalla in self.openable else None

    def markdown(self, kalla: str | None, rad: object = None) -> str:
        """A Markdown link to the document at the line, or its text (see `text`) where it cannot be
        opened; the name is escaped, so it is shown literally."""
        from lokalutveckling.ui import literal

        url = self.url(kalla, rad)
        if url is None:
            return literal(self.text(kalla, rad))
        return f"[{literal(self.name(kalla, rad))}]({url} {_title(t('doc_open_help', self.lang))})"


def _title(text: str) -> str:
    """A Markdown link title (the tooltip), quoted."""
    return '"' + text.replace('"', "'") + '"'


# Streamlit ------------------------------------------------------------------------------------------------


def folder() -> Path | None:
    """The configured folder of source documents (see paths.documents_dir), or None."""
    from lokalutveckling import paths
    from lokalutveckling.store import cache

    return paths.documents_dir(cache.secrets())


def sources(lang: str) -> Sources:
    """The store's sources for this run, in the page's language."""
    from lokalutveckling import data

    return Sources.build(data.kallor(), folder(), lang)


STATIC_MAX_ROWS = 40


def linked_table(
    frame: pd.DataFrame,
    *,
    key: str,
    links: Mapping[str, Sequence[str]],
    link_urls: Mapping[str, Sequence[str | None]] | None = None,
    money: tuple[str, ...] = (),
    hide: tuple[str, ...] = (),
    lang: str = "sv",
    sources: str | None = None,
    **download: object,
) -> None:
    """A table whose source column opens the document at its line, and `frame` itself as the download.

    `links` holds, per column, the Markdown of each row's cell (Sources.markdown: already escaped); every
    other text cell is shown literally, kronor and decimals in Swedish format. Columns in `hide` are left
    out on screen (the line is in the link's text) but kept in the download. Up to STATIC_MAX_ROWS rows
    it is a static table; longer tables use the data grid, with `link_urls` (Sources.url per row) as a
    link column beside the source's name. `sources` (default: ui.table_sources of `frame`) and the other
    keywords go to ui.download, so the files say what they are like every other table's.
    """
    from lokalutveckling import ui

    shown = frame.drop(columns=list(hide))
    for column in shown.columns:
        if column in money:
            shown[column] = [fmt_kr(v, lang) if pd.notna(v) else "" for v in shown[column]]
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = [fmt_number(v, lang) if pd.notna(v) else "" for v in shown[column]]
    shown = shown.fillna("")
    if len(shown) <= STATIC_MAX_ROWS:
        for column in shown.columns:
            if column in links:
                shown[column] = list(links[column])
            elif shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
                shown[column] = [ui.literal(v) if isinstance(v, str) else v for v in shown[column]]
        first = shown.columns[0]
        shown = shown.set_index(first)
        st.table(shown)
    else:
        config = {}
        for column, urls in (link_urls or {}).items():
            label = f"{column} · {t('doc_open', lang)}"
            shown[label] = list(urls)
            config[label] = st.column_config.LinkColumn(label, display_text=t("doc_open", lang))
        st.dataframe(shown, hide_index=True, width="stretch", height=420, column_config=config)
    ui.download(frame, key=key, sources=ui.table_sources(frame) if sources is None else sources, **download)
