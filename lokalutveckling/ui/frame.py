"""The shared frame of every page: the sidebar (filters bound to the URL, sign-in, how current the data
is) and the page shown instead of every page when the store cannot be opened."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lokalutveckling import data
from lokalutveckling.format import fmt_int, fmt_pct
from lokalutveckling.i18n import t
from lokalutveckling.store import cache, recovery
from lokalutveckling.ui import editor_help, links, session
from lokalutveckling.ui.language import lang
from lokalutveckling.ui.signin import sign_in_box


def sidebar(language: str, *, filters_apply: bool = True) -> data.Filter:
    """The sidebar under the language switch: filters, sign-in and how current the data is."""
    chosen = sidebar_filters(applies=filters_apply)
    session.put(session.FILTERS_APPLY, filters_apply)  # for the downloads' "filters as applied"
    sign_in_box(language)
    data_status()
    return chosen


def sidebar_filters(*, applies: bool = True) -> data.Filter:
    """Year, funding source, fokusområde and nämnd filters, each kept in the URL as codes.

    On a page they do not apply to (`applies` False) they are greyed out and say so; they stay on
    screen so their choices are kept for the next page.

    The URL holds codes (`?fokus=boende&kalla=ks_anslag&namnd=GRN&ar=2022`), the same in both languages;
    older links with the labels of either language (`?fokus=Housing`) still open (see links).
    """
    language = lang()
    fokus = data.fokusomraden()
    finansiering = data.finansieringskallor()
    namnder = data.namnder()
    en = language == "en"

    def named(frame: pd.DataFrame, code: str, *columns: str) -> list[dict[str, str]]:
        return [dict(zip(frame[code], frame[c], strict=True)) for c in columns if c in frame.columns]

    # URL key: (label key, codes -> shown label, other names of the codes that older links carry)
    finansiering_names = named(
        finansiering, "finansiering_kod", "kortnamn_en" if en else "kortnamn", "kortnamn", "kortnamn_en"
    )
    fokus_names = named(fokus, "fokus_kod", "namn_en" if en else "namn_sv", "namn_sv", "namn_en")
    namnd_names = named(namnder, "namnd_kod", "kortnamn_en" if en else "kortnamn", "kortnamn", "kortnamn_en", "namn")
    choices = {
        "ar": ("filter_ar", {a: str(a) for a in data.years()}, {}),
        "kalla": ("filter_kalla", finansiering_names[0], links.aliases(*finansiering_names)),
        "fokus": ("filter_fokus", fokus_names[0], links.aliases(*fokus_names)),
        "namnd": ("filter_namnd", namnd_names[0], links.aliases(*namnd_names)),
    }
    st.sidebar.header(t("filters", language))
    if not applies:
        st.sidebar.caption(t("filter_not_here", language))
    chosen = {
        key: links.multiselect(
            st.sidebar,
            t(label, language),
            options,
            other_names=other_names,
            select_all=False,
            key=key,
            placeholder=t("filter_all", language),
            disabled=not applies,
        )
        for key, (label, options, other_names) in choices.items()
    }
    if applies:
        st.sidebar.caption(t("filter_link_hint", language))
    return data.Filter(
        ar=tuple(sorted(int(a) for a in chosen["ar"])),
        finansiering=tuple(chosen["kalla"]),
        fokus=tuple(chosen["fokus"]),
        namnder=tuple(chosen["namnd"]),
    )


def current_filter() -> data.Filter:
    """The filter the sidebar set in this run (dashboard.py sets it before running the page)."""
    return session.get(session.FILTER, data.ALL)


def set_filter(chosen: data.Filter) -> None:
    """Keep the sidebar's filter for the page about to run (dashboard.py)."""
    session.put(session.FILTER, chosen)


def data_status() -> None:
    """How current the store is and how much of it is exempeldata."""
    language = lang()
    status = data.data_status().set_index("tabell")
    built = status["built_at"].iloc[0]
    share = {k: fmt_pct(100 * r["n_ex"] / r["n"] if r["n"] else 0, language, 0) for k, r in status.iterrows()}
    if cache.seeds_newer_than_store():
        st.sidebar.warning(t("data_seeds_newer", language), icon=":material/update:")
    report = cache.store_report()
    if report is not None:
        st.sidebar.info(store_report_text(report, language), icon=":material/restore:")
    with st.sidebar.expander(t("data_status", language)):
        st.caption(t("data_built", language, built=pd.Timestamp(built).strftime("%Y-%m-%d %H:%M")))
        st.caption(t("data_exempel_share", language, insatser=share["insatser"], indikatorer=share["indikatorvarden"]))
        editor_help.contact(language)


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
    elif report.action == recovery.Action.UPGRADED:
        parts.append(t("store_upgraded", language, when=when, n=fmt_int(report.entries_applied, language)))
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
