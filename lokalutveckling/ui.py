"""The shared frame of every page: language, sidebar filters bound to the URL, provenance captions."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import data, export, provenance, recovery
from lokalutveckling.format import fmt_int, fmt_kr, fmt_number, fmt_pct
from lokalutveckling.i18n import LANGUAGES, t

# Shown as is and kept in the URL as is (`?lang=EN`): bound widgets store their displayed label.
LANGUAGE_LABELS = {"SV": "sv", "EN": "en"}
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def lang() -> str:
    """The chosen UI language ('sv' or 'en'). Every page asks first, so it also guards the frame."""
    if "_filter" not in st.session_state:
        _run_through_the_entry_point()
    value = LANGUAGE_LABELS.get(st.session_state.get("lang") or "SV", "sv")
    return value if value in LANGUAGES else "sv"


def language_switch() -> str:
    """The language control, bound to the URL parameter `lang`."""
    st.sidebar.segmented_control(
        t("language", lang()),
        options=list(LANGUAGE_LABELS),
        default="SV",
        key="lang",
        bind="query-params",
        required=True,
    )
    return lang()


def sidebar(language: str, *, filters_apply: bool = True) -> data.Filter:
    """The sidebar under the language switch: filters, sign-in and how current the data is."""
    from lokalutveckling import editing  # editing builds on this module

    chosen = sidebar_filters(applies=filters_apply)
    editing.sign_in_box(language)
    data_status()
    return chosen


def sidebar_filters(*, applies: bool = True) -> data.Filter:
    """Year, funding source, fokusområde and nämnd filters, each kept in the URL.

    On a page they do not apply to (`applies` False) they are greyed out and say so; they stay on
    screen so their choices are kept for the next page.

    A bound widget keeps its displayed label in the URL, so a link carries the labels of its language
    (the language is in the same link): `?lang=EN&fokus=Housing`.
    """
    language = lang()
    fokus = data.fokusomraden()
    kallor = data.finansieringskallor()
    namnder = data.namnder()
    en = language == "en"
    choices = {  # URL key: (label key, options -> shown label)
        "ar": ("filter_ar", {a: str(a) for a in data.years()}),
        "kalla": (
            "filter_kalla",
            dict(zip(kallor["finansiering_kod"], kallor["kortnamn_en" if en else "kortnamn"], strict=True)),
        ),
        "fokus": ("filter_fokus", dict(zip(fokus["fokus_kod"], fokus["namn_en" if en else "namn_sv"], strict=True))),
        "namnd": ("filter_namnd", dict(zip(namnder["namnd_kod"], namnder["kortnamn"], strict=True))),
    }
    st.sidebar.header(t("filters", language))
    if not applies:
        st.sidebar.caption(t("filter_not_here", language))
    chosen = {
        key: st.sidebar.multiselect(
            t(label, language),
            list(options),
            format_func=options.get,
            select_all=False,
            key=key,
            bind="query-params",
            placeholder=t("filter_all", language),
            disabled=not applies,
        )
        for key, (label, options) in choices.items()
    }
    if applies:
        st.sidebar.caption(t("filter_link_hint", language))
    return data.Filter(
        ar=tuple(sorted(int(a) for a in chosen["ar"])),
        kallor=tuple(chosen["kalla"]),
        fokus=tuple(chosen["fokus"]),
        namnder=tuple(chosen["namnd"]),
    )


def current_filter() -> data.Filter:
    """The filter the sidebar set in this run (dashboard.py sets it before running the page)."""
    return st.session_state.get("_filter", data.ALL)


def _run_through_the_entry_point() -> None:
    """Recover when Streamlit ran a page script without dashboard.py.

    Streamlit treats an app with a `pages/` folder as a legacy multipage app until some session has
    called `st.navigation`; a first request straight to a page URL after a restart (a shared link)
    then runs the page alone, without the frame. Switching the legacy mode off and rerunning sends
    this and every later run through dashboard.py.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def data_status() -> None:
    """How current the store is and how much of it is exempeldata."""
    language = lang()
    status = data.data_status().set_index("tabell")
    built = status["built_at"].iloc[0]
    share = {k: fmt_pct(100 * r["n_ex"] / r["n"] if r["n"] else 0, language, 0) for k, r in status.iterrows()}
    from lokalutveckling import cache

    if cache.seeds_newer_than_store():
        st.sidebar.warning(t("data_seeds_newer", language), icon=":material/update:")
    report = cache.store_report()
    if report is not None:
        st.sidebar.info(store_report_text(report, language), icon=":material/restore:")
    with st.sidebar.expander(t("data_status", language)):
        st.caption(t("data_built", language, built=pd.Timestamp(built).strftime("%Y-%m-%d %H:%M")))
        st.caption(t("data_exempel_share", language, insatser=share["insatser"], indikatorer=share["indikatorvarden"]))


def store_report_text(report: recovery.Report, language: str) -> str:
    """What opening the store did, in words a reader understands (no server paths: those are in the log)."""
    when = pd.Timestamp(report.when).tz_convert("Europe/Stockholm").strftime("%Y-%m-%d %H:%M")
    parts = []
    if report.action == recovery.Action.REBUILT:
        cause = "store_cause_damaged" if report.damaged else "store_cause_missing"
        base = t("store_base_seed" if report.base == "seed" else "store_base_file", language)
        parts.append(t("store_rebuilt", language, when=when, base=base, n=fmt_int(report.entries_applied, language)))
        parts.append(t(cause, language))
    elif report.action == recovery.Action.ROLLED_FORWARD:
        parts.append(t("store_rolled_forward", language, when=when, n=fmt_int(report.entries_applied, language)))
    elif report.action == recovery.Action.ADOPTED:
        parts.append(t("store_adopted", language, when=when))
    elif report.action == recovery.Action.BUILT and report.damaged:
        parts.append(t("store_built_damaged", language, when=when))
    if report.journal_problems:
        parts.append(t("store_journal_problems", language, n=fmt_int(len(report.journal_problems), language)))
    return " ".join(parts)


def store_unavailable(exc: Exception) -> None:
    """Instead of every page: what is wrong with the store and what to do; stops the run. Server paths and
    process details are only in the server's log."""
    language = "en" if st.query_params.get("lang") == "EN" else "sv"  # the frame (and lang()) needs the store
    busy = isinstance(exc, recovery.StoreBusy)

    def page() -> None:
        st.title(t("store_unavailable_title", language))
        st.error(t("store_busy" if busy else "store_broken", language), icon=":material/database:")
        st.caption(t("store_unavailable_hint", language))

    st.navigation([st.Page(page, title=t("store_unavailable_title", language))], position="hidden").run()
    st.stop()


def document_names() -> dict[str, str]:
    """Every named source of the store as readers see it (provenance.document_names)."""
    return provenance.document_names(data.kallor())


def sources(kallor: pd.Series) -> str:
    """The documents behind a table by readable name and file, for captions and downloads."""
    return provenance.source_list(kallor, document_names())


def badge(kind: str) -> None:
    """A visible marker of what a figure is: 'real', 'real_beslut' or 'real_forslag' (real amounts of a
    decision or of a proposal), 'exempel' or 'mixed'."""
    language = lang()
    icon = {
        "real": ":material/verified:",
        "real_beslut": ":material/verified:",
        "real_forslag": ":material/pending:",
        "exempel": ":material/science:",
        "mixed": ":material/rule:",
    }[kind]
    colour = {"real": "green", "real_beslut": "green", "real_forslag": "violet", "exempel": "orange", "mixed": "blue"}[
        kind
    ]
    st.badge(t(f"badge_{kind}", language), icon=icon, color=colour)


def chart(fig: go.Figure, table: pd.DataFrame | None, *, key: str, kind: str, caption: str) -> None:
    """A chart with its provenance badge and caption, and the same figures as a downloadable table
    (None: the page shows that table itself, right below)."""
    language = lang()
    badge(kind)
    st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=f"chart_{key}")
    st.caption(caption)
    if table is None:
        return
    # The table is drawn only on request: six always-present data grids cost the page about a second.
    if st.toggle(t("show_table", language), key=f"table_{key}"):
        st.dataframe(table, hide_index=True, width="stretch")
        download(table, key=key)


STATIC_TABLE_MAX_ROWS = 40


def table(frame: pd.DataFrame, *, key: str, money: tuple[str, ...] = ()) -> None:
    """A table with kronor and decimals in Swedish format and the raw figures as a CSV download.

    Up to STATIC_TABLE_MAX_ROWS rows it is static text (reads well on a projector, loads no grid
    component); longer tables use the scrolling data grid, which draws only the visible rows.
    """
    language = lang()
    shown = frame.copy()
    for column in shown.columns:
        if column in money:
            shown[column] = [fmt_kr(v, language) if pd.notna(v) else "" for v in shown[column]]
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = [fmt_number(v, language) if pd.notna(v) else "" for v in shown[column]]
    if len(shown) <= STATIC_TABLE_MAX_ROWS:
        static_table(shown.fillna("").set_index(shown.columns[0]))
    else:
        st.dataframe(shown, hide_index=True, width="stretch", height=420)
    download(frame, key=key)


def static_table(frame: pd.DataFrame) -> None:
    """st.table with every text cell and row label shown literally: st.table reads its cells as Markdown,
    so a name like `**Läxhjälp**` or `[här](https://…)` from the store or a file would be formatted."""

    def literal(value: object) -> object:
        return md_escape(value) if isinstance(value, str) else value

    shown = frame.copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = [literal(v) for v in shown[column]]
    shown.index = [literal(v) for v in shown.index]
    shown.index.name = frame.index.name
    st.table(shown)


def download(frame: pd.DataFrame, *, key: str, title: str | None = None, sources: str = "") -> None:
    """CSV and Excel downloads of exactly these figures; the workbook also names the filters, the date
    and the sources. Files are made only when a button is pressed, and pressing one does not rerun the page."""
    language = lang()
    about = export.about_rows(title or key, filter_text(), sources, lang=language)
    row = st.container(horizontal=True)
    row.download_button(
        t("download_csv", language),
        lambda: export.csv_bytes(frame),
        file_name=f"{key}.csv",
        mime="text/csv",
        key=f"download_{key}",
        on_click="ignore",  # no rerun: a rerun would replace the buttons, and a second click meanwhile is lost
    )
    row.download_button(
        t("download_excel", language),
        lambda: export.excel_bytes(frame, about, lang=language),
        file_name=f"{key}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"download_xlsx_{key}",
        on_click="ignore",
    )


FILTER_KEYS = {"ar": "filter_ar", "kalla": "filter_kalla", "fokus": "filter_fokus", "namnd": "filter_namnd"}


def filter_text() -> str:
    """The sidebar filters in words, as the URL holds them (labels in the page's language)."""
    language = lang()
    parts = [
        f"{t(label, language)}: {', '.join(st.query_params.get_all(key))}"
        for key, label in FILTER_KEYS.items()
        if st.query_params.get_all(key)
    ]
    return "; ".join(parts)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md_escape(text: str) -> str:
    """Text from the store shown literally where Streamlit reads Markdown (headings, st.markdown)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
