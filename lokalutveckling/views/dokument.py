"""How a page shows its source documents: by readable name, as a link that opens the document at its
line in the viewer (pages/dokument.py) where its file is in the configured folder, else with what
identifies it (date, organ, diarienummer); and tables whose source column holds those links.

The documents themselves (which may be read, their lines, the viewer's address) are in
`lokalutveckling.documents`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from lokalutveckling import data, documents, provenance, ui
from lokalutveckling.format import fmt_kr, fmt_number
from lokalutveckling.i18n import t
from lokalutveckling.ui import paging


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
            openable=frozenset(k for k in known if documents.document_file(folder, k, known) is not None),
            lang=lang,
        )

    def name(self, kalla: str | None, rad: object = None) -> str:
        """'Stadskontorets tjänsteskrivelse 2022-08-12, rad 193'; exempeldata and accounts as source_label."""
        if not kalla or kalla not in self.names:
            return provenance.source_label(kalla, self.lang, self.names)
        return provenance.source_name(kalla, documents.line_number(rad), self.names, self.lang)

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
        return documents.viewer_url(kalla, rad, self.lang) if kalla in self.openable else None

    def markdown(self, kalla: str | None, rad: object = None) -> str:
        """A Markdown link to the document at the line, or its text (see `text`) where it cannot be
        opened; the name is escaped, so it is shown literally."""
        url = self.url(kalla, rad)
        if url is None:
            return ui.literal(self.text(kalla, rad))
        return f"[{ui.literal(self.name(kalla, rad))}]({url} {_title(t('doc_open_help', self.lang))})"


def _title(text: str) -> str:
    """A Markdown link title (the tooltip), quoted."""
    return '"' + text.replace('"', "'") + '"'


def sources(lang: str) -> Sources:
    """The store's sources for this run, in the page's language."""
    return Sources.build(data.kallor(), documents.folder(), lang)


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
    report: pd.DataFrame | None = None,
    **download: object,
) -> None:
    """A table whose source column opens the document at its line, and `frame` itself as the download.

    `links` holds, per column, the Markdown of each row's cell (Sources.markdown: already escaped); every
    other text cell is shown literally, kronor and decimals in Swedish format. Columns in `hide` are left
    out on screen (the line is in the link's text) but kept in the download. Up to STATIC_MAX_ROWS rows
    it is a static table; longer tables use the data grid, with `link_urls` (Sources.url per row) as a
    link column beside the source's name. `sources` (default: ui.table_sources of `frame`) and the other
    keywords go to ui.download, so the files say what they are like every other table's. The rows on screen
    are recorded for the report, slides and presentation (ui.paging.record) with the document and line as
    columns, or `report` (the same rows, other columns: a wide table made to fit an A4 page) in their place.
    """
    cited = ui.table_sources(frame) if sources is None else sources
    if report is not None:  # row for row with `frame`
        frame, report = frame.reset_index(drop=True), report.reset_index(drop=True)
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
        ordered, page = frame, paging.Page(1, max(len(frame), 1), len(frame))
    else:
        config = {}
        for column, urls in (link_urls or {}).items():
            label = f"{column} · {t('doc_open', lang)}"
            shown[label] = list(urls)
            config[label] = st.column_config.LinkColumn(label, display_text=t("doc_open", lang))
        # A page at a time (?<key>_sida=2), sorted over all rows by the figures themselves (kronor as numbers).
        frame = frame.reset_index(drop=True)
        shown = shown.reset_index(drop=True)
        visible = [c for c in frame.columns if c not in hide]
        result = paging.paged(frame, key=key, lang=lang, columns={str(i): c for i, c in enumerate(visible, start=1)})
        frame = result.ordered
        rows = shown.loc[result.rows.index]
        result.slot.dataframe(rows, hide_index=True, width="stretch", height=420, column_config=config)
        ordered, page = frame, result.page
    paging.record(
        ordered if report is None else report.loc[ordered.index],
        page,
        key=key,
        title=download.get("title"),
        sources=cited,
        money=money,
        exempel=download.get("exempel") or ui.exempel_of(frame, download.get("kind")),
        page_filters=download.get("page_filters", ()),
        ignored=download.get("ignored", ()),
    )
    ui.download(frame, key=key, sources=cited, **download)
