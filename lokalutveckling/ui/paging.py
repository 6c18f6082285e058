"""Long tables a page at a time, so that what a visit sends does not grow with the data.

A table of 6 700 rows sent whole is one Arrow message of about 2 MB on every visit; a page of 50 rows
is the same few tens of kB at any size. The pager sits under its table: the order (sorted here on the
server, over all rows: the grid's own header sort can only order the rows it has, the shown page), the
rows per page, previous and next and the page number, and the rows shown in words ("Rader 51–100 av
6 700"). Every choice is in the URL (`?insatser_sida=3&insatser_sortera=kronor&insatser_fallande=true`);
the page number goes back to 1 when what is paged changes (a filter, the order, the rows per page).
Downloads are of every row, in the chosen order.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from lokalutveckling.format import fmt_int
from lokalutveckling.i18n import t
from lokalutveckling.rendering import model
from lokalutveckling.ui import links, recording, session
from lokalutveckling.ui.language import lang as page_lang
from lokalutveckling.ui.text import filter_text
from lokalutveckling.ui.widgets import (
    STATIC_TABLE_MAX_ROWS,
    download,
    exempel_of,
    formatted,
    page_title,
    static_table,
    table_sources,
)

PAGE_SIZES = (25, 50, 100, 200)
PAGE_SIZE = 25  # rows per page unless the reader chooses (or the table names another): two screens of the grid
UNSORTED = ""  # the sort code of the table's own order
GRID_HEIGHT = 420  # px of a paged grid (it scrolls inside): the pager stays close under it

# Swedish order: å, ä, ö after z (Python compares code points: Ä before Å, and every capital first).
_SWEDISH_LAST = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})


@dataclass(frozen=True)
class Page:
    """Which rows of a table are shown: page `number` (from 1) of `size` rows out of `total`, in the
    order of column `sort` (a code; None: the table's own order)."""

    number: int
    size: int
    total: int
    sort: str | None = None
    descending: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.size))

    @property
    def start(self) -> int:
        return min((self.number - 1) * self.size, self.total)

    @property
    def stop(self) -> int:
        return min(self.start + self.size, self.total)

    def rows(self, frame: pd.DataFrame) -> pd.DataFrame:
        return frame.iloc[self.start : self.stop]


@dataclass(frozen=True)
class Paged:
    """A table paged: `slot` (above the pager) is where the caller draws `rows`, the shown page of
    `ordered` (every row, in the chosen order, for the downloads)."""

    slot: Any
    page: Page
    ordered: pd.DataFrame
    rows: pd.DataFrame


def rows_text(page: Page, lang: str) -> str:
    """'Rader 51–100 av 6 700' ('Rows 51–100 of 6,700')."""
    if page.total == 0:
        return t("page_no_rows", lang)
    return t(
        "page_rows",
        lang,
        first=fmt_int(page.start + 1, lang),
        last=fmt_int(page.stop, lang),
        total=fmt_int(page.total, lang),
    )


def text_order(value: str, lang: str) -> str:
    """A text's sort key as the language orders words: case and accents ignored, and in Swedish å, ä
    and ö last, after z ('Ängen' after 'Zon'; 'Åsa' before 'Ängen')."""
    text = unicodedata.normalize("NFC", value).casefold()
    if lang == "sv":
        text = text.translate(_SWEDISH_LAST)
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _order_of(values: pd.Series, lang: str) -> pd.Series:
    """What sort_rows compares: texts by text_order, an empty text as missing (last either way)."""
    if values.dtype != object and not pd.api.types.is_string_dtype(values):
        return values
    if not all(isinstance(v, str) for v in values.dropna()):
        return values
    return values.map(lambda v: None if pd.isna(v) or not v.strip() else text_order(v, lang))


def sort_rows(frame: pd.DataFrame, column: str | None, *, descending: bool, lang: str) -> pd.DataFrame:
    """Every row ordered by `column` (a column of `frame`; None or unknown: as it is), missing values and
    empty texts last, rows that tie in their own order; numbers and dates as such, texts as the language
    orders them (text_order)."""
    if column is None or column not in frame.columns:
        return frame
    return frame.sort_values(
        column, ascending=not descending, kind="stable", na_position="last", key=lambda s: _order_of(s, lang)
    )


def _step(key: str, by: int, pages: int) -> None:
    """Previous / next: one page back or on (a button's callback, before the run)."""
    now = session.get(key) or 1
    session.put(key, min(max(int(now) + by, 1), pages))


def pager(
    total: int,
    *,
    key: str,
    lang: str,
    columns: Mapping[str, str],
    context: Hashable = None,
    size: int = PAGE_SIZE,
    where: Any = None,
) -> Page:
    """The pager's controls (in `where`, else the page) over a table of `total` rows whose sortable
    columns are `columns` (code -> label); returns the page to show. `context`: what else the rows
    depend on (the area shown, say): when it, the total, the order or the rows per page change, the
    reader is taken back to page 1. `size`: the rows per page until the reader chooses (one of PAGE_SIZES)."""
    where = st if where is None else where
    page_key = session.pager(key, "sida")
    sort_col, way_col, size_col, back_col, number_col, on_col = where.columns(
        [3, 1.7, 1.4, 0.6, 1.1, 0.6], vertical_alignment="bottom"
    )
    sort = links.selectbox(
        sort_col,
        t("page_sort", lang),
        {UNSORTED: t("page_sort_none", lang), **columns},
        key=session.pager(key, "sortera"),
    )
    descending = way_col.toggle(t("page_descending", lang), key=session.pager(key, "fallande"), bind="query-params")
    size_key = session.pager(key, "rader")
    chosen = size_col.selectbox(
        t("page_size", lang),
        PAGE_SIZES,
        key=size_key,
        bind="query-params",
        **({} if session.has(size_key) else {"index": PAGE_SIZES.index(size)}),
    )
    size = int(chosen or size)
    pages = max(1, math.ceil(total / size))
    view = (total, sort, bool(descending), size, context)
    seen = session.get(session.pager_view(key))
    if seen is not None and seen != view:
        session.put(page_key, 1)  # something else is paged now: from its start
    session.put(session.pager_view(key), view)
    current = session.get(page_key)
    if current is not None and not 1 <= int(current) <= pages:
        session.put(page_key, min(max(int(current), 1), pages))
    # The number first (a link's page is read there), then the buttons on either side of it.
    number = int(
        number_col.number_input(
            t("page_number", lang, pages=fmt_int(pages, lang)),
            min_value=1,
            max_value=pages,
            step=1,
            key=page_key,
            bind="query-params",
            **({} if session.has(page_key) else {"value": 1}),
        )
        or 1
    )
    for column, part, icon, by, blocked in (
        (back_col, "forra", ":material/chevron_left:", -1, number <= 1),
        (on_col, "nasta", ":material/chevron_right:", 1, number >= pages),
    ):
        column.button(
            "",
            icon=icon,
            help=t("page_previous" if by < 0 else "page_next", lang),
            key=session.pager(key, part),
            disabled=blocked,
            on_click=_step,
            args=(page_key, by, pages),
            width="stretch",
        )
    page = Page(number, size, total, sort or None, bool(descending))
    note = rows_text(page, lang)
    if page.pages > 1:
        note += " · " + t("page_header_sort", lang)
    where.caption(note)
    return page


def paged(
    frame: pd.DataFrame,
    *,
    key: str,
    lang: str,
    columns: Mapping[str, str] | None = None,
    context: Hashable = None,
    size: int = PAGE_SIZE,
) -> Paged:
    """`frame` a page at a time: a slot for the table, the pager under it, and the rows to draw there.
    `columns`: the sortable columns, code -> column of `frame` (default: every column, by its place,
    `?<key>_sortera=3`, the same in both languages)."""
    sortable = columns if columns is not None else {str(i): str(c) for i, c in enumerate(frame.columns, start=1)}
    slot = st.container()
    if len(frame) <= PAGE_SIZES[0]:  # one short page: no pager
        return Paged(slot, Page(1, max(len(frame), 1), len(frame)), frame, frame)
    page = pager(len(frame), key=key, lang=lang, columns=sortable, context=context, size=size)
    ordered = sort_rows(frame, sortable.get(page.sort or ""), descending=page.descending, lang=lang)
    return Paged(slot, page, ordered, page.rows(ordered))


def table(
    frame: pd.DataFrame,
    *,
    key: str,
    pager_key: str | None = None,
    context: Hashable = None,
    money: tuple[str, ...] = (),
    draw: Callable[[Any, pd.DataFrame], None] | None = None,
    sources: str | None = None,
    **about: Any,
) -> None:
    """ui.table for a table that grows with the data: up to STATIC_TABLE_MAX_ROWS rows static text, longer
    ones a page at a time in the data grid (the pager under it), with CSV and Excel downloads of every row in the
    chosen order. `pager_key` names the pager in the URL (default `key`); `draw(slot, rows)` draws the
    page's rows itself (links, column settings); `about`: ui.download's title, kind, exempel, ignored,
    page_filters and scope."""
    language = page_lang()
    cited = sources if sources is not None else table_sources(frame)
    if len(frame) <= STATIC_TABLE_MAX_ROWS and draw is None:
        shown = formatted(frame, money, language)
        static_table(shown.fillna("").set_index(shown.columns[0]))
        ordered, page = frame, Page(1, max(len(frame), 1), len(frame))
    else:
        result = paged(frame, key=pager_key or key, lang=language, context=context)
        ordered, page = result.ordered, result.page
        if draw is not None:
            draw(result.slot, result.rows)
        else:
            result.slot.dataframe(
                formatted(result.rows, money, language), hide_index=True, width="stretch", height=GRID_HEIGHT
            )
    record(
        ordered,
        page,
        key=key,
        title=about.get("title"),
        sources=cited,
        money=money,
        exempel=about.get("exempel") or exempel_of(frame, about.get("kind")),
        page_filters=about.get("page_filters", ()),
        ignored=about.get("ignored", ()),
    )
    download(ordered, key=key, sources=cited, **about)


def record(
    ordered: pd.DataFrame,
    page: Page,
    *,
    key: str,
    title: str | None,
    sources: str,
    money: Iterable[str] = (),
    exempel: str = "",
    page_filters: Sequence[tuple[str, str]] = (),
    ignored: Iterable[str] = (),
) -> None:
    """The table as the report, slides and presentation get it (ui.recording): the rows on screen (`page`
    of `ordered`), its title saying which rows of how many when that is not all of them."""
    language = page_lang()
    heading = title or page_title()
    if page.stop - page.start < page.total:
        said = rows_text(page, language)
        heading = t("page_rows_of", language, title=heading, rows=said[:1].lower() + said[1:])
    recording.add(
        model.Table(
            key=key,
            title=heading,
            frame=page.rows(ordered),
            sources=sources,
            exempel=exempel,
            filters=filter_text(ignored=ignored, page_filters=page_filters),
            money=tuple(money),
        )
    )


def ids_listed(ids: Sequence[str], chosen: Iterable[str | None], known: Iterable[str]) -> list[str]:
    """The ids a chooser beside a paged table lists: the page's, then any chosen elsewhere (a link, a
    row chosen before) that the whole table has, once each."""
    whole = set(known)
    out = list(dict.fromkeys(ids))
    for c in chosen:
        if c is not None and c in whole and c not in out:
            out.append(c)
    return out
