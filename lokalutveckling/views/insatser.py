"""The Insatser page's parts: the register's filters and table, and one insats in full.

Text from the store (names, descriptions, partners) is user-provided: it is shown in tables (as text),
in headings and Markdown through `ui.literal`, and in map tooltips escaped by the map builder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from lokalutveckling import area_names, data, domain, maps, namnd_names, provenance, ui
from lokalutveckling.format import fmt_date, fmt_int, fmt_kr, fmt_number, kronor_format
from lokalutveckling.i18n import t, unit
from lokalutveckling.ui import folium_map, images, links, paging, recording, resources, session, widgets
from lokalutveckling.views import agenda2030, dokument, effekt
from lokalutveckling.views import indicators as indicators_view

STATUSES = list(domain.STATUSAR)
TYPES = list(domain.TYPER)
DETAIL_KEY = session.INSATS
# The search text is kept in the URL: bounded, so that a link stays well under what a web server accepts
# in an address (a long paste would otherwise make the link fail on reload with a bare error).
SEARCH_MAX_CHARS = 200


def register_filters(lang: str) -> data.RegisterFilter:
    """Search and the page's own filters, each kept in the URL."""
    areas = data.presence(date.today())
    names = dict(zip(areas["omrade_kod"], areas["namn"], strict=True))
    linked = st.query_params.get(session.SEARCH) or ""
    # The search and the four filters in one row, so that the register starts on the first screen.
    box, c1, c2, c3, c4 = st.columns([3, 2, 2, 2, 2])
    search = box.text_input(
        t("ins_search", lang),
        key=session.SEARCH,
        bind="query-params",
        max_chars=SEARCH_MAX_CHARS,
        placeholder=t("ins_search_hint", lang),
    )
    if len(linked) > SEARCH_MAX_CHARS:  # a link made by hand: Streamlit keeps (and links) the start of it
        st.info(t("ins_search_cut", lang, n=SEARCH_MAX_CHARS), icon=":material/content_cut:")
    named = area_names.area_codes(area_names.load(), search)  # "Rosengård", "Seved", "Fosie": their areas' insatser
    if named:
        st.caption(t("ins_search_areas", lang, areas=ui.literal("; ".join(names[k] for k in named if k in names))))
    statuses = links.multiselect(
        c1,
        t("col_status", lang),
        *links.labelled(STATUSES, lambda s, language: t(f"status_{s}", language), lang),
        select_all=False,
        key="status",
        placeholder=t("filter_all", lang),
    )
    types = links.multiselect(
        c2,
        t("ins_type", lang),
        *links.labelled(TYPES, lambda s, language: t(f"typ_{s}", language), lang),
        select_all=False,
        key="typ",
        placeholder=t("filter_all", lang),
    )
    chosen_areas = links.multiselect(
        c3,
        t("col_omrade", lang),
        names,
        select_all=False,
        key="ins_omrade",
        placeholder=t("filter_all", lang),
    )
    groups = c4.multiselect(
        t("ins_malgrupp", lang),
        data.insatser_malgrupper(),
        select_all=False,
        key=session.TARGET_GROUPS,
        bind="query-params",
        placeholder=t("filter_all", lang),
    )
    return data.RegisterFilter(
        search, tuple(statuses), tuple(types), tuple(chosen_areas), tuple(groups), sok_omraden=named
    )


def flag_text(row: pd.Series | dict[str, bool] | None, lang: str) -> str:
    """The follow-up state of one insats in words ('' when nothing needs attention)."""
    if row is None:
        return ""
    parts = []
    if row["efter_slutdatum"]:
        parts.append(t("flag_past_end", lang))
    if row["ingen_uppfoljning_12_man"]:
        parts.append(t("flag_no_followup", lang))
    return "; ".join(parts)


def _dates(values: pd.Series) -> list[date | None]:
    """Dates as dates, a missing one as None: an empty cell on screen and in the files (never 'None')."""
    return [v.date() if pd.notna(v) else None for v in pd.to_datetime(values)]


def stop_reason(status: str, reason: object, lang: str) -> str:
    """Why an avbruten insats was stopped, from its status history ('' for any other status)."""
    if status != "avbruten":
        return ""
    return str(reason) if pd.notna(reason) and str(reason).strip() else t("ins_stop_no_reason", lang)


def register_table(df: pd.DataFrame, flags: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The register as shown and downloaded: one row per insats, numbers and dates kept typed for sorting.

    What a reader scans for comes first, after the id and name: the status, why the insats is flagged,
    its latest follow-up and why it was stopped; the rest follows."""
    en = lang == "en"
    # Looked up once per table, not once per row: at 100x data the register has 6 700 rows.
    flagged = flag_texts(flags, lang)
    documents = ui.document_names()
    return pd.DataFrame(
        {
            t("ins_id", lang): df["insats_id"],
            t("ins_name", lang): df["namn"],
            t("col_status", lang): [t(f"status_{s}", lang) for s in df["status"]],
            t("ins_flag_reason", lang): [flagged.get(i, "") for i in df["insats_id"]],
            t("ins_last_followup", lang): _dates(df["senaste_uppfoljning"]),
            t("ins_stop_reason", lang): [
                stop_reason(s, r, lang) for s, r in zip(df["status"], df["stoppanledning"], strict=True)
            ],
            t("col_kronor", lang): df["belopp_kr"],
            t("col_namnd", lang): namnd_names.translate(df["namnd"], lang),
            t("col_fokus", lang): df["fokus_en" if en else "fokus_sv"],
            t("col_plats", lang): [
                t("plats_hela_staden", lang) if h else (o or "")
                for h, o in zip(df["hela_staden"], df["omraden"], strict=True)
            ],
            t("col_kalla", lang): df["finansiering_en" if en else "finansiering_sv"].fillna(""),
            t("ins_start", lang): _dates(df["startdatum"]),
            t("ins_end", lang): _dates(df["slutdatum"]),
            t("ins_type", lang): [t(f"typ_{s}", lang) for s in df["typ"]],
            t("ins_malgrupp", lang): df["malgrupp"].fillna(""),
            t("ins_partner", lang): namnd_names.translate(df["partner"].fillna(""), lang),
            t("ins_source", lang): [provenance.source_label(k, lang, documents) for k in df["kalla"]],
        }
    )


def flag_texts(flags: pd.DataFrame, lang: str) -> dict[str, str]:
    """The follow-up state in words per flagged insats_id (see flag_text), for a whole table at once."""
    return {
        i: flag_text({"efter_slutdatum": past, "ingen_uppfoljning_12_man": none}, lang)
        for i, past, none in zip(
            flags["insats_id"], flags["efter_slutdatum"], flags["ingen_uppfoljning_12_man"], strict=True
        )
    }


def _short_areas(names: str | None) -> str:
    """'Nydala, Almhög m fl; Lindängen, Almvik m fl' -> 'Nydala; Lindängen' (the full names are in the detail)."""
    if not names:
        return ""
    return "; ".join(name.split(",")[0] for name in names.split("; "))


def register_summary(df: pd.DataFrame, lang: str) -> None:
    """What is shown: how many insatser, how many kronor, and by status."""
    cols = st.columns(3)
    cols[0].metric(t("ins_shown", lang), fmt_int(len(df), lang))
    # The amounts of insatser that are only proposed are not added to the granted ones; several years'
    # money is named as a sum over those years.
    proposed = df["status"] == "föreslagen"
    years = sorted({int(a) for a in df["ar"].dropna()})
    span = "" if not years else (str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}")
    cols[1].metric(
        t("ins_kronor_granted", lang, years=span),
        fmt_kr(df.loc[~proposed, "belopp_kr"].sum(), lang),
        help=t("ins_kronor_help", lang),
    )
    notes = []
    if proposed.any():
        notes.append(t("ins_kronor_proposed", lang, kr=fmt_kr(df.loc[proposed, "belopp_kr"].sum(), lang)))
    if len(years) > 1:
        notes.append(t("scope_years", lang, n=len(years), parts=", ".join(map(str, years))))
    if notes:
        cols[1].caption(" ".join(notes))
    counts = df["status"].value_counts()
    cols[2].markdown(
        " · ".join(f"{t(f'status_{s}', lang)}: **{int(counts[s])}**" for s in STATUSES if s in counts.index)
    )


def flag_summary(df: pd.DataFrame, flags: pd.DataFrame, lang: str) -> bool:
    """How many of the insatser shown need attention, and a switch to show only those."""
    shown = flags[flags["insats_id"].isin(df["insats_id"])]
    if shown.empty:
        st.success(t("flag_none", lang), icon=":material/check_circle:")
        return False
    note, switch = st.columns([4, 1], vertical_alignment="center")
    note.warning(
        t(
            "flag_summary",
            lang,
            n=len(shown),
            past=int(shown["efter_slutdatum"].sum()),
            none=int(shown["ingen_uppfoljning_12_man"].sum()),
        ),
        icon=":material/flag:",
    )
    return switch.toggle(t("flag_only", lang), key=session.FLAGGED, bind="query-params")


# The register's columns a reader can sort all rows by: code (in the URL, ?insatser_sortera=kronor) -> text key.
REGISTER_SORT = {
    "id": "ins_id",
    "namn": "ins_name",
    "status": "col_status",
    "flagga": "ins_flag_reason",
    "uppfoljning": "ins_last_followup",
    "stopp": "ins_stop_reason",
    "kronor": "col_kronor",
    "namnd": "col_namnd",
    "fokus": "col_fokus",
    "plats": "col_plats",
    "finansiering": "col_kalla",
    "start": "ins_start",
    "slut": "ins_end",
    "typ": "ins_type",
    "malgrupp": "ins_malgrupp",
    "partner": "ins_partner",
    "kalla": "ins_source",
}
REGISTER_PAGER = "insatser"  # the register's pager in the URL: ?insatser_sida=2&insatser_rader=100
REGISTER_PAGE_SIZE = 50  # the register's rows per page (what the page is for: more than other tables' 25)


def show_register(df: pd.DataFrame, flags: pd.DataFrame, lang: str) -> list[str]:
    """The register a page at a time (ui.paging: sorted on the server over all rows); choosing a row opens
    that insats below (and puts it in the URL). Returns the ids of the insatser on the shown page."""
    table = register_table(df, flags, lang)
    columns = {code: t(key, lang) for code, key in REGISTER_SORT.items()}
    # What is paged: the register as filtered (its ids, the same in both languages).
    result = paging.paged(
        table,
        key=REGISTER_PAGER,
        lang=lang,
        columns=columns,
        context=hash(tuple(df["insats_id"])),
        size=REGISTER_PAGE_SIZE,
    )
    page = result.rows
    # On screen the areas by their first name (the detail and the downloads have them in full); the id
    # and name stay in view while the other columns scroll sideways.
    place = t("col_plats", lang)
    # Dates as ISO text on screen: the grid draws a missing date as a grey "None" (the downloads keep dates,
    # with empty cells); ISO text sorts as the dates do.
    dates = [t("ins_last_followup", lang), t("ins_start", lang), t("ins_end", lang)]
    shown = page.assign(
        **{place: [_short_areas(p) for p in page[place]]},
        **{c: [d.isoformat() if d else "" for d in page[c]] for c in dates},
    )
    at = result.page
    event = result.slot.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(page), 520),
        on_select="rerun",
        selection_mode="single-row",
        # A key per page and order: a row selected on one page is not taken for the row at its place on another.
        key=f"insatser_tabell_{at.start}_{at.sort or ''}_{int(at.descending)}",
        # Widths that keep id, name, status, why flagged, latest follow-up and why stopped in view at
        # 1280 px (the page is about 820 px wide there, beside the sidebar); the rest scrolls sideways.
        column_config={
            t("ins_id", lang): st.column_config.TextColumn(pinned=True, width=70),
            t("ins_name", lang): st.column_config.TextColumn(pinned=True, width=165),
            t("col_status", lang): st.column_config.TextColumn(width=85),
            t("ins_flag_reason", lang): st.column_config.TextColumn(width=172),
            t("ins_last_followup", lang): st.column_config.TextColumn(width=108),
            t("ins_stop_reason", lang): st.column_config.TextColumn(width=185),
            t("col_kronor", lang): st.column_config.NumberColumn(format=kronor_format(lang), width=110),
            place: st.column_config.TextColumn(width="medium"),
        },
    )
    rows = event.selection.rows if event is not None else []
    # A row chosen in this run opens its insats; a row still selected from before does not override an
    # insats chosen since in the box below (or opened by a link).
    row = str(page.iloc[rows[0]][t("ins_id", lang)]) if rows and rows[0] < len(page) else None
    if row is not None and session.get(session.CHOSEN_ROW) != row:
        session.put(DETAIL_KEY, row)
    session.put(session.CHOSEN_ROW, row)
    about = {
        "key": "insatser",
        "title": t("ins_register_title", lang),
        "sources": ui.sources_of(df["kalla"]),
        "page_filters": register_filters_applied(lang),
    }
    paging.record(result.ordered, result.page, money=(t("col_kronor", lang),), exempel=ui.exempel_of(table), **about)
    ui.download(result.ordered, **about)
    return [str(i) for i in page[t("ins_id", lang)]]


def register_filters_applied(lang: str) -> list[tuple[str, str]]:
    """The register's own filters as chosen in this run, in words, for the downloads: search, status,
    type, område, målgrupp and "only flagged" (see register_filters and flag_summary)."""
    groups = session.get(session.TARGET_GROUPS) or []
    return [
        (t("export_search", lang), str(session.get(session.SEARCH) or "").strip()),
        (t("col_status", lang), ", ".join(links.labels("status"))),
        (t("ins_type", lang), ", ".join(links.labels("typ"))),
        (t("col_omrade", lang), "; ".join(links.labels("ins_omrade"))),
        (t("ins_malgrupp", lang), ", ".join(map(str, groups))),
        (t("export_flagged_only", lang), t("map_kraft_yes", lang) if session.get(session.FLAGGED) else ""),
    ]


CHOOSER_MAX = 200  # insatser the box lists whole (each is text sent on every visit: 300 kB for 6 700)


def choose_insats(df: pd.DataFrame, lang: str, listed: list[str] | None = None) -> str | None:
    """The insats to show in full: from the table, or chosen here; kept in the URL as ?insats=ID.

    The box lists every insats shown, up to CHOOSER_MAX; beyond that those of the register's shown page
    (`listed`) and the one open, also when a link opened one on another page (the search narrows the
    register down). The URL holds the id alone (links): a renamed insats stays open and its links keep
    working; older links with the label ("INS-012 · name") still open it."""
    labels = dict(zip(df["insats_id"], df["insats_id"] + " · " + df["namn"], strict=True))
    if listed is not None and len(labels) > CHOOSER_MAX:
        linked = links.read(DETAIL_KEY, labels) or []
        ids = paging.ids_listed(listed, [*linked, session.get(DETAIL_KEY)], labels)
        labels = {i: labels[i] for i in ids}
    return links.selectbox(
        st, t("ins_open", lang), labels, index=None, key=DETAIL_KEY, placeholder=t("ins_open_hint", lang)
    )


def detail(insats_id: str, row: pd.Series, lang: str, *, editor: Callable[[], None] | None = None) -> None:
    """Everything the store holds about one insats; `editor` draws the edit forms right below the facts."""
    en = lang == "en"
    st.subheader(ui.literal(f"{row['insats_id']} · {row['namn']}"))
    ui.badge("exempel" if row["kalla"] == "exempeldata" else "real")
    if row["beskrivning"]:
        st.text(row["beskrivning"])
    facts = [
        (t("col_namnd", lang), namnd_names.translate_text(row["namnd"], lang)),
        (t("ins_partner", lang), namnd_names.translate_text(row["partner"] or "–", lang)),
        (t("col_fokus", lang), row["fokus_en" if en else "fokus_sv"] or "–"),
        (t("ins_fokus_secondary", lang), row["sekundara_en" if en else "sekundara_sv"] or "–"),
        (t("col_plats", lang), t("plats_hela_staden", lang) if row["hela_staden"] else (row["omraden"] or "–")),
        (t("col_kalla", lang), row["finansiering_en" if en else "finansiering_sv"] or "–"),
        (t("col_kronor", lang), fmt_kr(row["belopp_kr"], lang)),
        (
            t("ins_period", lang),
            f"{fmt_date(row['startdatum'].date()) if pd.notna(row['startdatum']) else '?'} – "
            f"{fmt_date(row['slutdatum'].date()) if pd.notna(row['slutdatum']) else ''}",
        ),
        (t("col_status", lang), t(f"status_{row['status']}", lang)),
        (t("ins_type", lang), t(f"typ_{row['typ']}", lang)),
        (t("ins_malgrupp", lang), row["malgrupp"] or "–"),
        (agenda2030.insats_goals_label(lang), agenda2030.insats_goals(insats_id, lang)),
        (t("ins_source", lang), provenance.source_label(row["kalla"], lang, ui.document_names())),
    ]
    left, right = st.columns([3, 2])
    with left:
        ui.static_table(
            pd.DataFrame(facts, columns=[t("ins_field", lang), t("ins_value", lang)]).set_index(t("ins_field", lang))
        )
    with right:
        bounds = resources.boundaries()
        resources.leaflet_assets()
        folium_map.show(
            partial(
                maps.areas_map,
                bounds.geojson,
                list(row["omrade_koder"]),
                lang=lang,
                everywhere=bool(row["hela_staden"]),
            ),
            key=f"insats_karta_{insats_id}",
            height=320,
            returned_objects=[],
        )
        if bounds.schematic:
            st.caption(t("karta_schematic", lang))
        # The same areas drawn by Plotly (no basemap): the map's image, and the map in the report and slides.
        codes = [str(f["properties"]["omrade_kod"]) for f in bounds.geojson["features"]]
        marked = codes if bool(row["hela_staden"]) else [str(c) for c in row["omrade_koder"]]
        area_chart = widgets.recorded_chart(
            images.area_map(
                bounds,
                None,
                lang=lang,
                title=t("insats_map_title", lang, namn=f"{insats_id} {row['namn']}"),
                marked=marked,
            ),
            None,
            key=f"insats_karta_{insats_id}",
            kind="exempel" if row["kalla"] == "exempeldata" else "real",
            caption="",
            sources=provenance.source_label(row["kalla"], lang, ui.document_names()),
        )
        recording.add(area_chart)
        images.downloads(area_chart, ui.file_name(area_chart.key))
    if editor is not None:
        editor()
    money_chain(insats_id, str(row["status"]), lang)
    followups(insats_id, row, lang)
    history(insats_id, lang)
    indicators(insats_id, lang)
    effekt.section(insats_id, row, lang)  # the effect signal against similar areas (issue 17)


def money_chain(insats_id: str, status: str, lang: str) -> None:
    """The allocation line and the decision the insats' money comes from, each with its document by name,
    as a link that opens it at the line (views.dokument.Sources.markdown)."""
    st.markdown(f"**{t('ins_money_header', lang)}**")
    money = data.insats_pengar(insats_id)
    if money.empty:
        st.markdown(t("ins_money_none" if status == "föreslagen" else "ins_money_unallocated", lang))
        return
    m = money.iloc[0]
    when = fmt_date(m["datum"].date()) if pd.notna(m["datum"]) else str(m["ar"])
    st.markdown(
        t(
            "ins_money_text",
            lang,
            kronor=fmt_kr(m["belopp_kr"], lang),
            line=fmt_kr(m["tilldelning_kr"], lang),
            source=ui.literal(m["finansiering_en" if lang == "en" else "finansiering_sv"]),
            year=int(m["ar"]),
            recipient=ui.literal(str(m["mottagare_text"])),
            stage=t(f"ins_stage_{m['stadium']}", lang),
            organ=ui.literal(m["organ"]),
            when=when,
            paragraph=f" {ui.literal(m['paragraf'])}" if m["paragraf"] else "",
            title=ui.literal(str(m["rubrik"])),
        )
    )
    src = dokument.sources(lang)
    st.caption(
        t(
            "ins_money_docs",
            lang,
            doc=src.markdown(m["beslut_kalla"], m["beslut_rad"]),
            tdoc=src.markdown(m["tilldelning_kalla"], m["tilldelning_rad"]),
        )
    )


def indicators(insats_id: str, lang: str) -> None:
    """The indicators of its fokusområden in its areas: before it started, newest, Malmö, and what each value
    is (official statistics or exempeldata)."""
    df = data.insats_indikatorer(insats_id)
    if df.empty:
        st.markdown(f"**{t('ins_indicators_header', lang)}**")
        st.markdown(t("empty", lang))
        return
    name = "namn_en" if lang == "en" else "namn_sv"
    names = indicators_view.source_names(lang)
    table = pd.DataFrame(
        {
            t("col_indikator", lang): [f"{n} ({unit(u, lang)})" for n, u in zip(df[name], df["enhet"], strict=True)],
            t("col_omrade", lang): df["omrade"],
            t("ins_before", lang, year=int(df["ar_fore"].iloc[0])): [
                fmt_number(v, lang) if pd.notna(v) else "–" for v in df["varde_fore"]
            ],
            t("ins_newest", lang, year=int(df["ar_senast"].max())): [
                fmt_number(v, lang) if pd.notna(v) else "–" for v in df["varde_senast"]
            ],
            t("col_malmo", lang): [fmt_number(v, lang) if pd.notna(v) else "–" for v in df["stad_senast"]],
            t("col_indicator_source", lang): [indicator_source(r, names, lang) for r in df.to_dict("records")],
        }
    )
    kallor = pd.concat([df["kalla_fore"], df["kalla_senast"], df["stad_kalla"]], ignore_index=True)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{t('ins_indicators_header', lang)}**", width="content")
        ui.badge(indicators_view.kind_of(kallor))
    ui.table(
        table,
        key=f"insats_indikatorer_{insats_id}",
        kind=indicators_view.kind_of(kallor),
        sources=ui.sources_of(kallor),
        exempel=indicators_view.exempel_text(kallor, lang),
    )
    st.caption(t("ins_indicators_caption", lang))


def indicator_source(row: dict, names: dict[str, str], lang: str) -> str:
    """Where a row's values come from: the newest and Malmö's (provenance.indicator_pair_text), and the value
    before the insats when its source differs ('Före 2021: Exempeldata')."""
    newest = provenance.indicator_pair_text(row["kalla_senast"], row["stad_kalla"], row["ar_senast"], names, lang)
    before = row["kalla_fore"]
    if pd.isna(before) or before == row["kalla_senast"]:
        return newest
    earlier = provenance.indicator_value_text(before, row["ar_fore"], names, lang)
    return t("ins_indicator_source_before", lang, year=int(row["ar_fore"]), before=earlier, newest=newest)


EFFECTS = list(domain.EFFEKTER)


def followups(insats_id: str, row: pd.Series, lang: str) -> None:
    """The insats' follow-ups, newest first, with what needs attention."""
    st.markdown(f"**{t('ins_followups_header', lang)}**")
    flags = data.insatser_flaggor(date.today())
    flagged = flags.set_index("insats_id")
    if insats_id in flagged.index:
        st.warning(flag_text(flagged.loc[insats_id], lang), icon=":material/flag:")
    df = data.insats_uppfoljningar(insats_id)
    if df.empty:
        st.markdown(t("ins_followups_none", lang))
        return
    table = pd.DataFrame(
        {
            t("fu_date", lang): [d.date().isoformat() for d in pd.to_datetime(df["datum"])],
            t("fu_who", lang): df["vem"],
            t("fu_what", lang): df["vad"],
            t("fu_reach", lang): [fmt_int(v, lang) if pd.notna(v) else "–" for v in df["rackvidd"]],
            t("fu_effect", lang): [t(f"effect_{e}", lang) for e in df["effekt"]],
            t("fu_basis", lang): df["underlag"].fillna(""),
            t("ins_source", lang): [provenance.source_label(k, lang, ui.document_names()) for k in df["kalla"]],
        }
    )
    ui.table(table, key=f"uppfoljningar_{insats_id}")


def history(insats_id: str, lang: str) -> None:
    """Status moves (dated, with reasons) and every change made in the app (who, when, old and new)."""
    st.markdown(f"**{t('ins_history_header', lang)}**")
    moves = data.insats_statushistorik(insats_id)
    if not moves.empty:
        table = pd.DataFrame(
            {
                t("fu_date", lang): [d.date().isoformat() for d in pd.to_datetime(moves["datum"])],
                t("hist_from", lang): [t(f"status_{s}", lang) if s else "–" for s in moves["fran_status"]],
                t("hist_to", lang): [t(f"status_{s}", lang) for s in moves["till_status"]],
                t("hist_reason", lang): moves["anledning"].fillna(""),
                t("hist_receiver", lang): moves["mottagande_namnd"].fillna(""),
                t("hist_amount", lang): [fmt_kr(v, lang) if pd.notna(v) else "" for v in moves["permanent_belopp_kr"]],
                t("hist_by", lang): [
                    provenance.source_label(k, lang, ui.document_names()) if k == "exempeldata" else (u or "")
                    for u, k in zip(moves["anvandare"], moves["kalla"], strict=True)
                ],
            }
        )
        # Reason, receiving nämnd and amount only when some move has them.
        table = table.loc[:, [c for c in table.columns if (table[c] != "").any()]]
        ui.table(table, key=f"statushistorik_{insats_id}")
    changes = data.insats_andringar(insats_id)
    if changes.empty:
        st.caption(t("hist_no_changes", lang))
        return
    table = pd.DataFrame(
        {
            t("hist_when", lang): [
                pd.Timestamp(x).tz_localize("UTC").tz_convert("Europe/Stockholm").strftime("%Y-%m-%d %H:%M")
                for x in changes["tid"]
            ],
            t("hist_by", lang): changes["anvandare"],
            t("hist_action", lang): changes["handling"],
            t("hist_field", lang): changes["falt"].fillna(""),
            t("hist_old", lang): changes["gammalt_varde"].fillna(""),
            t("hist_new", lang): changes["nytt_varde"].fillna(""),
        }
    )
    st.markdown(t("hist_changes", lang))
    ui.table(table, key=f"andringar_{insats_id}")
