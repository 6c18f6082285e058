"""The Uppdrag och återrapportering page's parts (issue 15): who was asked to do what and by which decision
or proposal, whether and where it was reported back, the chain of an ärende, and what must be reported for
the money; and the short line Översikt and Nämnder show about it.

The store's texts (rubrik, citat, anmärkning, the report-back) are user-provided: they are shown through
`ui.literal` in Markdown and as plain cells in tables. A förslag is always called one: where the decision
is not among the sources, the texts say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from lokalutveckling import data, domain, figures, namnd_names, provenance, ui
from lokalutveckling.format import fmt_int
from lokalutveckling.i18n import t
from lokalutveckling.rendering import model
from lokalutveckling.ui import links, recording
from lokalutveckling.views import dokument

PAGE = "pages/uppdrag.py"


# ---- The counts (the page's summary, Översikt and Nämnder) ---------------------------------------------


@dataclass(frozen=True)
class Counts:
    uppdrag: int  # open uppdrag (givet, pågår)
    uppdrag_forfallna: int
    krav: int  # återrapporter still to submit (ej påbörjad, pågår)
    krav_forfallna: int


def counts(uppdrag: pd.DataFrame, krav: pd.DataFrame, namnd: str | None = None) -> Counts:
    """Open and overdue uppdrag and återrapporter; with `namnd`, those its nämnd holds or must submit (a
    krav on every nämnd that received money counts for each)."""
    if namnd is not None:
        uppdrag = uppdrag[uppdrag["mottagare_namnd_kod"] == namnd]
        krav = krav[(krav["rapportor_namnd_kod"] == namnd) | krav["rapportor_namnd_kod"].isna()]
    return Counts(
        int(uppdrag["oppet"].sum()),
        int(uppdrag["forfallet"].sum()),
        int(krav["oppet"].sum()),
        int(krav["forfallet"].sum()),
    )


def counts_text(c: Counts, lang: str) -> str:
    """'5 öppna uppdrag (1 förfallna) · 3 återrapporter att lämna (0 förfallna)'."""

    def part(key: str, n: int, m: int) -> str:  # 'ett öppet uppdrag', 'en förfallen återrapport'
        overdue = t(f"{key}_overdue_one" if m == 1 else f"{key}_overdue", lang, m=fmt_int(m, lang))
        return t(f"{key}_one" if n == 1 else key, lang, n=fmt_int(n, lang), overdue=overdue)

    return t(
        "uo_counts",
        lang,
        uppdrag=part("uo_counts_uppdrag", c.uppdrag, c.uppdrag_forfallna),
        krav=part("uo_counts_krav", c.krav, c.krav_forfallna),
    )


def status_line(lang: str, namnd: str | None = None, *, label: str = "") -> None:
    """One compact line with the counts (overall, or for one nämnd) and a link to the page."""
    idag = domain.today()
    c = counts(data.uppdrag(idag), data.aterrapporteringskrav(idag), namnd)
    with st.container(horizontal=True, vertical_alignment="center"):
        icon = ":material/warning:" if c.uppdrag_forfallna or c.krav_forfallna else ":material/assignment:"
        text = counts_text(c, lang)
        st.markdown(f"{icon} {ui.literal(label) + ': ' if label else ''}{text}")
        st.page_link(PAGE, label=t("uo_open_page", lang), icon=":material/arrow_forward:")


# ---- How an uppdrag's origin, report-back and due date read -----------------------------------------------


def _day(value: object) -> str:
    return pd.Timestamp(value).date().isoformat() if pd.notna(value) else ""


def _point(value: object, lang: str) -> str:
    if value is None or pd.isna(value) or str(value).strip() == "":
        return ""
    text = str(int(value)) if isinstance(value, float) and float(value).is_integer() else str(value)
    return t("uo_point", lang, p=text)


def _planned(beslut: pd.DataFrame, organ: object, day: object, paragraf: object) -> str:
    """The organ a proposal goes to, where exactly one decision row of that organ, date and paragraph says so."""
    if beslut.empty or not isinstance(organ, str) or pd.isna(day):
        return ""
    same = beslut[
        (beslut["organ"] == organ)
        & (pd.to_datetime(beslut["datum"]) == pd.Timestamp(day))
        & (beslut["paragraf"].fillna("") == (paragraf if isinstance(paragraf, str) else ""))
    ]
    planned = set(same["planerat_organ"].dropna())
    return planned.pop() if len(planned) == 1 else ""


def _stage(stage: object, to: str, lang: str, short: bool = False) -> str:
    """A förslag in words, with the organ it goes to where known ('' for a beslut); `short` leaves out that
    the decision is not among the sources (a table's caption says it once)."""
    if stage != "förslag":
        return ""
    if short:
        return t("uo_forslag_to_short", lang, organ=to) if to else t("uo_forslag_short", lang)
    return t("uo_forslag_to", lang, organ=to) if to else t("uo_forslag", lang)


def _ref(organ: object, day: object, year: object, paragraf: object, punkt: object, lang: str) -> str:
    parts = [str(organ)] if isinstance(organ, str) else []
    parts.append(_day(day) or (str(int(year)) if pd.notna(year) else ""))
    if isinstance(paragraf, str) and paragraf:
        parts.append(paragraf)
    parts.append(_point(punkt, lang))
    return " ".join(p for p in parts if p)


def given_by(row: pd.Series, beslut: pd.DataFrame, lang: str, *, short: bool = False) -> str:
    """'KSAU 2024-09-09 § 414 p. 2 (förslag till KF; beslutet finns inte bland källorna)'."""
    ref = _ref(
        row["givare_organ"], row["givet_datum"], row["givet_ar"], row["givet_paragraf"], row["givet_punkt"], lang
    )
    planned = ""
    if isinstance(row["givet_beslut_id"], str):
        match = beslut[beslut["beslut_id"] == row["givet_beslut_id"]]
        planned = (
            str(match["planerat_organ"].iloc[0])
            if not match.empty and pd.notna(match["planerat_organ"].iloc[0])
            else ""
        )
    stage = _stage(row["givet_stadium"], planned, lang, short)
    return f"{ref} {stage}" if stage else ref


def reported_in(row: pd.Series, beslut: pd.DataFrame, lang: str, *, short: bool = False) -> str:
    """'KSAU 2024-09-09 § 414 p. 11 (förslag; beslutet finns inte bland källorna)'; '' when not reported back."""
    if not isinstance(row["aterrapport_organ"], str):
        return ""
    ref = _ref(
        row["aterrapport_organ"],
        row["aterrapport_datum"],
        None,
        row["aterrapport_paragraf"],
        row["aterrapport_punkt"],
        lang,
    )
    planned = _planned(beslut, row["aterrapport_organ"], row["aterrapport_datum"], row["aterrapport_paragraf"])
    stage = _stage(row["aterrapport_stadium"], planned, lang, short)
    return f"{ref} {stage}" if stage else ref


def due(row: pd.Series, lang: str) -> str:
    """The due date, else the source's own words, else that the source gives none."""
    if pd.notna(row["senast"]):
        return _day(row["senast"])
    if isinstance(row["tid_i_kallan"], str) and row["tid_i_kallan"].strip():
        return t("uo_due_words", lang, text=row["tid_i_kallan"])
    return t("uo_no_due", lang)


def status_label(status: str, lang: str) -> str:
    return t(f"uo_status_{status.replace(' ', '_')}", lang)


def krav_status_label(status: str, lang: str) -> str:
    return t(f"uo_krav_status_{status.replace(' ', '_')}", lang)


def holder_name(name: object, lang: str) -> str:
    """A mottagare as the source writes it ('Fritidsnämnden'), in English where it is a nämnd's name."""
    if lang != "en" or not isinstance(name, str):
        return str(name)
    for full in (True, False):
        sv, en = namnd_names.names("sv", full=full), namnd_names.names(lang, full=full)
        match = next((en[k] for k, v in sv.items() if v == name), None)
        if match:
            return str(match)
    return str(namnd_names.translate_text(name, lang))


# ---- The filters ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chosen:
    organ: tuple[str, ...]
    mottagare: tuple[str, ...]
    status: tuple[str, ...]
    arende: tuple[str, ...]
    bara_oppna: bool

    def applied(self, lang: str) -> list[tuple[str, str]]:
        """The page's own filters in words, for the downloads."""
        out = []
        for key, values in (
            ("uo_f_organ", self.organ),
            ("uo_f_mottagare", self.mottagare),
            ("uo_f_status", tuple(status_label(s, lang) for s in self.status)),
            ("uo_f_arende", self.arende),
        ):
            if values:
                out.append((t(key, lang), ", ".join(values)))
        if self.bara_oppna:
            out.append((t("uo_f_open", lang), t("uo_yes", lang)))
        return out


def filters(u: pd.DataFrame, lang: str) -> Chosen:
    """Organ, mottagare, status and ärende, each kept in the URL, and a quick switch to open ones only."""
    c1, c2, c3, c4, c5 = st.columns([2, 2, 2, 2, 1.4], vertical_alignment="bottom")
    organs = {o: o for o in sorted(set(u["givare_organ"].dropna()))}
    holders = {m: holder_name(m, lang) for m in sorted(set(u["mottagare"].dropna()))}
    arenden = {a: a for a in sorted(set(u["arende"].dropna()))}
    common = {"select_all": False, "placeholder": t("filter_all", lang)}
    organ = links.multiselect(c1, t("uo_f_organ", lang), organs, key="up_organ", **common)
    holder = links.multiselect(c2, t("uo_f_mottagare", lang), holders, key="up_mottagare", **common)
    status = links.multiselect(
        c3,
        t("uo_f_status", lang),
        *links.labelled(domain.UPPDRAG_STATUSAR, lambda s, language: status_label(s, language), lang),
        key="up_status",
        **common,
    )
    arende = links.multiselect(c4, t("uo_f_arende", lang), arenden, key="arende", **common)
    only_open = c5.toggle(t("uo_f_open", lang), key="up_oppna", bind="query-params")
    return Chosen(tuple(organ), tuple(holder), tuple(status), tuple(arende), bool(only_open))


def narrowed(u: pd.DataFrame, c: Chosen) -> pd.DataFrame:
    keep = pd.Series(True, index=u.index)
    if c.organ:
        keep &= u["givare_organ"].isin(c.organ)
    if c.mottagare:
        keep &= u["mottagare"].isin(c.mottagare)
    if c.status:
        keep &= u["status"].isin(c.status)
    if c.arende:
        keep &= u["arende"].isin(c.arende)
    if c.bara_oppna:
        keep &= u["oppet"]
    return u[keep]


# ---- The open items -------------------------------------------------------------------------------------


def _case(row: pd.Series) -> str:
    """The uppdrag's ärende, or its id where it has none (one an editor added without)."""
    return str(row["arende"]) if isinstance(row["arende"], str) and row["arende"].strip() else str(row["uppdrag_id"])


def _overdue_mark(lang: str) -> str:
    return f":material/warning: **{t('uo_overdue', lang)}**"


def open_items(u: pd.DataFrame, krav: pd.DataFrame, beslut: pd.DataFrame, lang: str) -> None:
    """The open uppdrag by mottagare and the återrapporter to submit, each by due date; the same in plain
    words for the report, slides and presentation."""
    shown = u[u["oppet"]].sort_values(["senast", "givet_visat"], na_position="last")
    header = t("uo_open_header", lang)
    if shown.empty:
        st.success(t("uo_none_open", lang), icon=":material/check_circle:")
        recording.add(model.Note(title=header, text=t("uo_none_open", lang)))
    for holder, group in shown.groupby("mottagare", sort=True):
        holder = holder_name(holder, lang)
        st.markdown(f"**{ui.literal(holder)}**")
        plain: list[str] = []
        lines = []
        for _, r in group.iterrows():
            parts = (
                f"{r['rubrik']} ({_case(r)}) — {t('uo_given_by', lang)} {given_by(r, beslut, lang)} · "
                f"{t('uo_due', lang)}: {due(r, lang)}"
            )
            plain.append(f"{len(plain) + 1}. {parts}" + (f" · {t('uo_overdue', lang)}" if r["forfallet"] else "") + ".")
            lines.append(f"- {ui.literal(parts)}" + (f" · {_overdue_mark(lang)}" if r["forfallet"] else ""))
        st.markdown("\n".join(lines))
        recording.add(model.Note(title=f"{header}: {holder}", text=" ".join(plain)))
    open_krav = krav[krav["oppet"]].sort_values(["senast", "ar"], na_position="last")
    if not open_krav.empty:
        st.markdown(f"**{t('uo_krav_open', lang)}**")
        plain = []
        lines = []
        for _, r in open_krav.iterrows():
            when = _day(r["senast"]) or t("uo_no_due", lang)
            parts = (
                f"{_krav_source(r, lang)} {int(r['ar'])}: {r['rapportor']} → {r['mottagare']} · "
                f"{t('uo_due', lang)}: {when}"
            )
            plain.append(f"{len(plain) + 1}. {parts}" + (f" · {t('uo_overdue', lang)}" if r["forfallet"] else "") + ".")
            lines.append(f"- {ui.literal(parts)}" + (f" · {_overdue_mark(lang)}" if r["forfallet"] else ""))
        st.markdown("\n".join(lines))
        recording.add(model.Note(title=t("uo_krav_open", lang), text=" ".join(plain)))


def _krav_source(row: pd.Series, lang: str) -> str:
    return str(row["finansieringskalla_kort_en" if lang == "en" else "finansieringskalla_kort"])


# ---- All uppdrag as a table, and one in full ------------------------------------------------------------------


def uppdrag_table(u: pd.DataFrame, beslut: pd.DataFrame, src: dokument.Sources, lang: str) -> pd.DataFrame:
    """One row per uppdrag, as downloaded and in the report: the document by name, the line apart, the note in
    full (on screen the line is in the link and the note in the uppdrag's detail, so the table fits the page)."""
    rows = [r for _, r in u.iterrows()]
    status = [status_label(r["status"], lang) + (f" · {t('uo_overdue', lang)}" if r["forfallet"] else "") for r in rows]
    return pd.DataFrame(
        {
            t("col_arende", lang): list(u["arende"]),
            t("uo_col_rubrik", lang): list(u["rubrik"]),
            t("uo_col_given", lang): [given_by(r, beslut, lang, short=True) for r in rows],
            t("uo_col_mottagare", lang): [holder_name(m, lang) for m in u["mottagare"]],
            t("uo_col_due", lang): [due(r, lang) for r in rows],
            t("col_status", lang): status,
            t("uo_col_reported", lang): [reported_in(r, beslut, lang, short=True) or "–" for r in rows],
            t("col_dokument", lang): [src.name(k) for k in u["kalla"]],
            t("col_rad", lang): list(u["dokument_rad"]),
            t("uo_col_note", lang): list(u["anmarkning"].fillna("")),
        }
    )


def report_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table as the report and slides hold it: the document and its line in one column, the notes after it
    (notes_note), so that the columns fit an A4 page."""
    doc, rad = t("col_dokument", lang), t("col_rad", lang)
    merged = [
        f"{name}, {t('col_rad', lang).lower()} {int(n)}" if pd.notna(n) else name
        for name, n in zip(table[doc], table[rad], strict=True)
    ]
    return table.drop(columns=[rad, t("uo_col_note", lang)]).assign(**{doc: merged})


def notes_note(u: pd.DataFrame, lang: str) -> model.Note:
    """Every shown uppdrag's note, as written, for the report and slides (after the table)."""
    parts = [
        f"{_case(r)} ({r['rubrik']}): {r['anmarkning']}"
        for _, r in u.iterrows()
        if isinstance(r["anmarkning"], str) and r["anmarkning"].strip()
    ]
    return model.Note(title=t("uo_notes_title", lang), text=" · ".join(parts))


def show_table(u: pd.DataFrame, beslut: pd.DataFrame, chosen: Chosen, lang: str) -> None:
    src = dokument.sources(lang)
    table = uppdrag_table(u, beslut, src, lang)
    doc, title = t("col_dokument", lang), t("uo_all_header", lang)
    sources = provenance.source_list(u["kalla"], src.names, u["dokument_rad"], lang)
    dokument.linked_table(
        table,
        key="uppdrag",
        title=title,
        links={doc: [src.markdown(k, r) for k, r in zip(u["kalla"], u["dokument_rad"], strict=True)]},
        link_urls={doc: [src.url(k, r) for k, r in zip(u["kalla"], u["dokument_rad"], strict=True)]},
        hide=(t("col_rad", lang), t("uo_col_note", lang)),
        report=report_table(table, lang),
        lang=lang,
        sources=sources,
        kind="real",
        page_filters=chosen.applied(lang),
    )
    st.caption(t("uo_table_caption", lang))
    recording.add(notes_note(u, lang))


def choose_uppdrag(u: pd.DataFrame, lang: str) -> str | None:
    """One uppdrag to read in full, kept in the URL (?uppdrag=<id>)."""
    options = {i: f"{a} · {r}" for i, a, r in zip(u["uppdrag_id"], u["arende"], u["rubrik"], strict=True)}
    return links.selectbox(
        st, t("uo_choose", lang), options, key="uppdrag", index=None, placeholder=t("uo_choose_hint", lang)
    )


def detail(row: pd.Series, beslut: pd.DataFrame, lang: str, editor: Callable[[], None] | None = None) -> None:
    """The quote as written with its source, the report-back as written with its source, the note."""
    src = dokument.sources(lang)
    st.markdown(f"#### {ui.literal(row['rubrik'])}")
    st.markdown(
        f"{t('uo_given_by', lang).capitalize()} {ui.literal(given_by(row, beslut, lang))} · "
        f"{t('uo_col_mottagare', lang)}: {ui.literal(holder_name(row['mottagare'], lang))} · {t('uo_due', lang)}: "
        f"{ui.literal(due(row, lang))} · {t('col_status', lang)}: {ui.literal(status_label(row['status'], lang))}"
        + (f" · {_overdue_mark(lang)}" if row["forfallet"] else "")
    )
    st.markdown(f"**{t('uo_quote', lang)}**")
    st.markdown(f"> {ui.literal(row['citat'])}")
    st.caption(f"{t('hover_source', lang)}: {src.markdown(row['kalla'], row['dokument_rad'])}")
    if isinstance(row["aterrapport_organ"], str):
        st.markdown(f"**{t('uo_reported_as', lang, ref=ui.literal(reported_in(row, beslut, lang)))}**")
        if isinstance(row["aterrapport_text"], str):
            st.markdown(f"> {ui.literal(row['aterrapport_text'])}")
        if isinstance(row["aterrapport_kalla"], str):
            st.caption(f"{t('hover_source', lang)}: {src.markdown(row['aterrapport_kalla'], row['aterrapport_rad'])}")
    else:
        st.markdown(t("uo_not_reported", lang))
    if isinstance(row["anmarkning"], str) and row["anmarkning"].strip():
        st.markdown(f"**{t('uo_col_note', lang)}:** {ui.literal(row['anmarkning'])}")
    if editor is not None:
        editor()


# ---- The chain of an ärende ----------------------------------------------------------------------------------


def choose_arende(u: pd.DataFrame, beslut: pd.DataFrame, lang: str) -> str | None:
    """The ärende whose chain is drawn, kept in the URL (?kedja=<ärende>); the shown uppdrag's first by default."""
    ordered = list(dict.fromkeys(u["arende"].dropna()))
    ordered += sorted(set(beslut["arende"].dropna()) - set(ordered))
    return links.selectbox(st, t("uo_chain_choose", lang), {a: a for a in ordered}, key="kedja")


def chain_events(arende: str, u: pd.DataFrame, beslut: pd.DataFrame, src: dokument.Sources, lang: str) -> pd.DataFrame:
    """Every event of one ärende: its decisions and proposals, the uppdrag given in it, their report-backs
    and due dates; one row each, by date."""
    rows: list[tuple] = []

    def add(day: object, kind: str, stage: object, ref: str, text: str, kalla: object, rad: object, late=False) -> None:
        name = src.name(kalla, rad) if isinstance(kalla, str) else ""
        rows.append((pd.Timestamp(day), kind, stage, ref, text, kalla, rad, name, late))

    for _, b in beslut[beslut["arende"] == arende].iterrows():
        ref = _ref(b["organ"], b["datum"], b["ar"], b["paragraf"], None, lang)
        add(b["datum_visat"], "beslut", b["stadium"], ref, str(b["rubrik"]), b["kalla"], b["dokument_rad"])
    for _, r in u[u["arende"] == arende].iterrows():
        given = t("uo_event_given", lang, mottagare=holder_name(r["mottagare"], lang), rubrik=r["rubrik"])
        add(
            r["givet_visat"],
            "uppdrag",
            r["givet_stadium"],
            given_by(r, beslut, lang),
            given,
            r["kalla"],
            r["dokument_rad"],
        )
        if isinstance(r["aterrapport_organ"], str) and pd.notna(r["aterrapport_datum"]):
            add(
                r["aterrapport_datum"],
                "aterrapport",
                r["aterrapport_stadium"] or "beslut",
                reported_in(r, beslut, lang),
                t("uo_event_reported", lang, rubrik=r["rubrik"]),
                r["aterrapport_kalla"],
                r["aterrapport_rad"],
            )
        if pd.notna(r["senast"]):
            due_ref = t("uo_event_due", lang, day=_day(r["senast"]))
            stage = "forfallen" if r["forfallet"] else ""
            add(
                r["senast"],
                "senast",
                stage,
                due_ref,
                str(r["rubrik"]),
                r["kalla"],
                r["dokument_rad"],
                bool(r["forfallet"]),
            )
    columns = ["datum", "kind", "stadium", "ref", "text", "kalla", "rad", "kalla_text", "forfallen"]
    return pd.DataFrame(rows, columns=columns).sort_values("datum", kind="stable").reset_index(drop=True)


def chain_figure(events: pd.DataFrame, arende: str, lang: str):
    return figures.chain_timeline(events, lang=lang, title=t("uo_chain_title", lang, arende=arende))


def chain_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chain's events as a table: date, what, reference, stage, the document and line."""
    stage = [
        t(f"stadium_{s}", lang) if s in domain.STADIER else (t("uo_overdue", lang) if s == "forfallen" else "")
        for s in events["stadium"]
    ]
    return pd.DataFrame(
        {
            t("col_datum", lang): [_day(d) for d in events["datum"]],
            t("uo_col_event", lang): [t(f"uo_lane_{k}", lang) for k in events["kind"]],
            t("uo_col_ref", lang): list(events["ref"]),
            t("col_stadium", lang): stage,
            t("uo_col_what", lang): list(events["text"]),
            t("col_dokument", lang): list(events["kalla_text"]),
        }
    )


def chain_sentence(arende: str, u: pd.DataFrame, beslut: pd.DataFrame, lang: str) -> str:
    """'STK-2020-773: uppdraget … gavs av KS 2020-06-17 § 247 och återrapporterades i KSAU 2024-09-09 § 414 p. 11 (förslag; …).'"""
    parts = []
    for _, r in u[u["arende"] == arende].iterrows():
        reported = reported_in(r, beslut, lang)
        key = "uo_sentence_reported" if reported else "uo_sentence_open" if r["oppet"] else "uo_sentence_closed"
        text = t(
            key,
            lang,
            rubrik=r["rubrik"],
            given=given_by(r, beslut, lang),
            reported=reported,
            due=due(r, lang),
            status=status_label(r["status"], lang),
        )
        parts.append(text if not parts else text[:1].upper() + text[1:])
    if not parts:
        return t("uo_sentence_none", lang, arende=arende)
    return f"{arende}: " + " ".join(parts)


def show_chain(arende: str, u: pd.DataFrame, beslut: pd.DataFrame, lang: str) -> None:
    src = dokument.sources(lang)
    events = chain_events(arende, u, beslut, src, lang)
    table = chain_table(events, lang)
    ui.chart(
        chain_figure(events, arende, lang),
        table,
        key="uppdrag_kedja",
        sentence=chain_sentence(arende, u, beslut, lang),
        kind="real",
        caption=t("uo_chain_caption", lang),
        sources=provenance.source_list(events["kalla"], src.names, events["rad"], lang),
    )


# ---- Återrapporteringskrav ------------------------------------------------------------------------------------


def krav_table(k: pd.DataFrame, src: dokument.Sources, lang: str) -> pd.DataFrame:
    """One row per krav: source and year, who reports to whom, what, by when, repayment risk, state."""
    risk = [
        t("uo_risk_yes", lang, quote=q if isinstance(q, str) else "", rad=int(r) if pd.notna(r) else "–")
        if a
        else t("uo_risk_no", lang)
        for a, q, r in zip(k["aterbetalning"], k["aterbetalning_citat"], k["aterbetalning_rad"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("uo_col_kalla", lang): [_krav_source(r, lang) for _, r in k.iterrows()],
            t("uo_col_year", lang): [int(a) for a in k["ar"]],
            t("uo_col_who", lang): [f"{a} → {b}" for a, b in zip(k["rapportor"], k["mottagare"], strict=True)],
            t("uo_col_content", lang): list(k["innehall"]),
            t("uo_col_due", lang): [_day(d) or t("uo_no_due", lang) for d in k["senast"]],
            t("uo_col_risk", lang): risk,
            t("col_status", lang): [
                krav_status_label(s, lang) + (f" · {t('uo_overdue', lang)}" if o else "")
                for s, o in zip(k["status"], k["forfallet"], strict=True)
            ],
            t("uo_col_submitted", lang): [_day(d) or "–" for d in k["inlamnad_datum"]],
            t("col_dokument", lang): [src.name(x) for x in k["kalla"]],
            t("col_rad", lang): list(k["dokument_rad"]),
        }
    )


def show_krav(k: pd.DataFrame, lang: str, editor: Callable[[str], None] | None = None) -> None:
    src = dokument.sources(lang)
    doc, title, table = t("col_dokument", lang), t("uo_krav_header", lang), krav_table(k, src, lang)
    sources = provenance.source_list(k["kalla"], src.names, k["dokument_rad"], lang)
    dokument.linked_table(
        table,
        key="aterrapporteringskrav",
        title=title,
        links={doc: [src.markdown(x, r) for x, r in zip(k["kalla"], k["dokument_rad"], strict=True)]},
        link_urls={doc: [src.url(x, r) for x, r in zip(k["kalla"], k["dokument_rad"], strict=True)]},
        hide=(t("col_rad", lang),),
        lang=lang,
        sources=sources,
        kind="real",
    )
    for _, r in k.iterrows():
        with st.expander(
            t(
                "uo_krav_detail",
                lang,
                kalla=ui.literal(_krav_source(r, lang)),
                ar=int(r["ar"]),
                id=ui.literal(r["krav_id"]),
            )
        ):
            st.markdown(f"> {ui.literal(r['citat'])}")
            st.caption(f"{t('hover_source', lang)}: {src.markdown(r['kalla'], r['dokument_rad'])}")
            if isinstance(r["aterbetalning_citat"], str):
                st.markdown(f"**{t('uo_col_risk', lang)}:**\n\n> {ui.literal(r['aterbetalning_citat'])}")
                st.caption(f"{t('hover_source', lang)}: {src.markdown(r['kalla'], r['aterbetalning_rad'])}")
            if isinstance(r["anmarkning"], str) and r["anmarkning"].strip():
                st.markdown(f"**{t('uo_col_note', lang)}:** {ui.literal(r['anmarkning'])}")
            if editor is not None:
                editor(str(r["krav_id"]))


def report_downloads(
    available: list[tuple[str, int]], k: pd.DataFrame, make: Callable[[str, int, str], bytes], lang: str
) -> None:
    """Per funding source and year, the återrapport as Word and PDF, made only when a button is pressed."""
    if not available:
        st.caption(t("uo_report_none", lang))
        return
    names = dict(zip(k["finansiering_kod"], [_krav_source(r, lang) for _, r in k.iterrows()], strict=True))
    for kod, ar in available:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{ui.literal(names.get(kod, kod))} {ar}**")
            for fmt, label, mime in (
                ("docx", "uo_report_docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                ("pdf", "uo_report_pdf", "application/pdf"),
            ):
                st.download_button(
                    t(label, lang),
                    lambda kod=kod, ar=ar, fmt=fmt: make(kod, ar, fmt),
                    file_name=f"aterrapport_{kod}_{ar}_{date.today().isoformat()}.{fmt}",
                    mime=mime,
                    key=f"aterrapport_{kod}_{ar}_{fmt}",
                    on_click="ignore",
                    icon=":material/download:",
                )
