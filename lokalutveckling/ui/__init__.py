"""The user interface's parts, lowest first: `session` (every session-state key), `pages` (what Streamlit
offers no public API for), `language`, `links` (choices kept in the URL as codes), `text` (literal text,
filters in words), `widgets` (charts, tables, downloads, badges), `paging` (long tables a page at a
time), `signin` (who is signed in, the sign-in box), `forms` (the editing forms), `editor_help`,
`resources` (the map's cached resources), `frame` (the sidebar every page shares) and `collector` (the
garbage collector between runs). Pages and views use the names below as `ui.chart`, `ui.table`,
`ui.lang` …; each module imports only those before it.
"""

from __future__ import annotations

from lokalutveckling.ui import links
from lokalutveckling.ui.frame import (
    current_filter,
    data_status,
    set_filter,
    sidebar,
    sidebar_filters,
    store_report_text,
    store_unavailable,
)
from lokalutveckling.ui.language import LANGUAGE_LABELS, lang, language_switch
from lokalutveckling.ui.pages import page_name
from lokalutveckling.ui.text import FILTER_KEYS, FILTERS_APPLY_KEY, filter_text, literal, plain_text
from lokalutveckling.ui.widgets import (
    BADGE_HEX,
    IMAGE_WIDTH,
    PLOTLY_CONFIG,
    STATIC_TABLE_MAX_ROWS,
    badge,
    chart,
    document_names,
    download,
    exempel_of,
    exempel_share,
    file_name,
    page_title,
    plotly_config,
    sources,
    sources_of,
    static_table,
    table,
    table_sources,
)

__all__ = [
    "BADGE_HEX",
    "FILTERS_APPLY_KEY",
    "FILTER_KEYS",
    "IMAGE_WIDTH",
    "LANGUAGE_LABELS",
    "PLOTLY_CONFIG",
    "STATIC_TABLE_MAX_ROWS",
    "badge",
    "chart",
    "current_filter",
    "data_status",
    "document_names",
    "download",
    "exempel_of",
    "exempel_share",
    "file_name",
    "filter_text",
    "lang",
    "language_switch",
    "links",
    "literal",
    "page_name",
    "page_title",
    "plain_text",
    "plotly_config",
    "set_filter",
    "sidebar",
    "sidebar_filters",
    "sources",
    "sources_of",
    "static_table",
    "store_report_text",
    "store_unavailable",
    "table",
    "table_sources",
]
