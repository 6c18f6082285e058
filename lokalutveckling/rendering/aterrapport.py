"""The återrapport for a funding source and year (issue 15): what was granted per nämnd, which insatser
used it, stopped insatser and why, money not yet tied to an insats, and the sources — as Word and PDF.

The document is a rendering.model.Report, drawn by rendering.docx and rendering.pdf like any view; its items
in order:
1. what must be reported, by whom to whom, with the quoted duty, the due date ('Inget datum i källan' where
   the source gives none), whether the money may have to be repaid (quoted), and the report's state; the
   duties as a table with their document lines;
2. the allocation per nämnd as written in the source, with the rows' sum against the declared total (the
   difference shown, never corrected, the words of Beslut och källor's check), and the stage: a förslag
   is called a förslag, never a beslut;
3. the insatser paid from the allocation lines (amounts, status, areas; their latest reach and effect);
4. the avbrutna insatser with the date and reason of the move;
5. per allocation line the kronor not yet tied to an insats (negative: over-commitment, shown);
and at the end every source by document and line (Report.sources). Whatever is exempeldata is marked, in
the rows' source column, in each table's exempeldata line and in a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Literal

import pandas as pd

from lokalutveckling import data, export, provenance
from lokalutveckling.format import fmt_date, fmt_int, fmt_kr
from lokalutveckling.i18n import TEXTS, t
from lokalutveckling.rendering import docx, pdf
from lokalutveckling.rendering.model import Item, Note, Report, Table
from lokalutveckling.store import Connection

Format = Literal["docx", "pdf"]
FORMATS: tuple[Format, ...] = ("docx", "pdf")
PAGE = "aterrapport"
EXEMPEL = "exempeldata"
# The report's states (domain.KRAV_STATUSAR) by their text keys.
KRAV_STATUS_KEYS = {
    "ej påbörjad": "aterrapport_krav_ej_paborjad",
    "pågår": "aterrapport_krav_pagar",
    "inlämnad": "aterrapport_krav_inlamnad",
    "godkänd": "aterrapport_krav_godkand",
}


class NoSuchReport(ValueError):
    """No återrapporteringskrav or allocations for that funding source and year: the message says which exist."""


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, (list, tuple)) and pd.isna(value))


def _day(value: object) -> str:
    if _blank(value):
        return ""
    return fmt_date(value.date() if isinstance(value, (pd.Timestamp, datetime)) else value)


def available(idag: date, con: Connection | None = None) -> list[tuple[str, int]]:
    """The (finansiering_kod, year) pairs an återrapport can be made for, in the order a user expects:
    those with an återrapporteringskrav and allocation lines; the newest year first, within a year the
    one-off grants from outside the city (which must be reported and may be repaid) before the city's own
    money, then in the funding sources' order."""
    krav = data.aterrapporteringskrav(idag, con)
    pairs: dict[tuple[str, int], tuple[int, int, int]] = {}
    for position, row in enumerate(krav.to_dict("records")):
        pair = (str(row["finansiering_kod"]), int(row["ar"]))
        pairs.setdefault(pair, (-pair[1], 0 if row["engangs"] else 1, position))
    found = [
        pair
        for pair in pairs
        if not data.tilldelningar_as_written(data.Filter(ar=(pair[1],), finansiering=(pair[0],)), con).empty
    ]
    return sorted(found, key=pairs.__getitem__)


def kalla_kod(text: str, con: Connection | None = None) -> str | None:
    """The finansiering_kod a user means: the code, or the short or full name (Swedish or English), case
    ignored; None when none matches."""
    wanted = " ".join(str(text).split()).casefold()
    columns = ("finansiering_kod", "kortnamn", "kortnamn_en", "namn", "namn_en")
    for row in data.finansieringskallor(con).to_dict("records"):
        if any(str(row[c] or "").casefold() == wanted for c in columns):
            return str(row["finansiering_kod"])
    return None


def describe_available(pairs: Iterable[tuple[str, int]], con: Connection | None = None) -> str:
    """The pairs in words: 'sos_statsbidrag 2022 (Statsbidrag Socialstyrelsen), ks_anslag 2022 (…)'."""
    names = dict(zip(*(data.finansieringskallor(con)[c] for c in ("finansiering_kod", "kortnamn")), strict=True))
    return ", ".join(f"{kod} {ar} ({names.get(kod, kod)})" for kod, ar in pairs) or "inga"


class _Sources:
    """The store's sources as the återrapport names them: a document by its readable name with its lines (a
    table's sources, a row's cell) and, in the list of documents at the end, with its title and
    diarienummer; exempeldata and accounts as such. Remembers every line cited, for that list."""

    def __init__(self, kallor: pd.DataFrame, lang: str) -> None:
        self.lang = lang
        self.rows = {str(r["kalla_id"]): r for r in kallor.to_dict("records")}
        self.names = provenance.document_names(kallor, lang)
        self.used: dict[str, set[int]] = {}

    def short(self, kalla: str) -> str:
        if kalla == EXEMPEL:
            return t("report_exempel_short", self.lang)
        return provenance.source_label(kalla, self.lang, self.names)

    def cell(self, kalla: object, rad: object = None, *, compact: bool = False) -> str:
        """A row's source: 'Stadskontorets tjänsteskrivelse 2022-08-12, rad 186', 'Exempeldata'; `compact`
        (the table's sources name the one document) only the line: 'rad 186'."""
        if _blank(kalla):
            return "–"
        kalla = str(kalla)
        self.used.setdefault(kalla, set())
        if kalla not in self.names:
            return self.short(kalla)
        if not _blank(rad):
            self.used[kalla].add(int(rad))
        if compact and not _blank(rad):
            return provenance.line_text([int(rad)], self.lang)
        return provenance.source_name(kalla, None if _blank(rad) else int(rad), self.names, self.lang)

    def one_document(self, *columns: Iterable[object]) -> bool:
        """Whether the values name one document only (its rows' cells then need give only the line)."""
        return len({str(k) for column in columns for k in column if not _blank(k) and str(k) in self.names}) == 1

    def cited(self, cites: Mapping[str, Iterable[object]]) -> str:
        """A table's sources: each document with the lines it is cited at, exempeldata last."""
        parts = []
        for kalla in sorted(cites, key=lambda k: (k == EXEMPEL, k)):
            lines = [int(n) for n in cites[kalla] if not _blank(n)]
            self.used.setdefault(kalla, set()).update(lines if kalla in self.names else ())
            where = provenance.line_text(lines, self.lang) if kalla in self.names else ""
            parts.append(f"{self.short(kalla)}, {where}" if where else self.short(kalla))
        return "; ".join(parts)

    def table(self, filters: str) -> Table:
        """Every source the återrapport cites, once each: its name, title, diarienummer, the lines used and
        its file (as the document viewer names it); exempeldata last."""
        lang = self.lang
        records = []
        for kalla in sorted(self.used, key=lambda k: (k == EXEMPEL, k not in self.names, k)):
            row = self.rows.get(kalla, {})
            known = kalla in self.names
            titel = str(row.get("titel") or "") if known else ""
            records.append(
                {
                    _col("kalla", lang): self.short(kalla),
                    _col("titel", lang): titel or (t("aterrapport_source_exempel", lang) if kalla == EXEMPEL else "–"),
                    _col("dnr", lang): str(row.get("arende") or "–") if known else "–",
                    _col("rader", lang): provenance.line_text(self.used[kalla], lang) or "–",
                }
            )
        return Table(
            key="kallor",
            title=t("aterrapport_sources_title", lang),
            frame=pd.DataFrame(records),
            filters=filters,
        )


def _cites(*pairs: tuple[object, object]) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    for kalla, rad in pairs:
        if not _blank(kalla):
            out.setdefault(str(kalla), [])
            if not _blank(rad):
                out[str(kalla)].append(int(rad))
    return out


def _col(name: str, lang: str) -> str:
    return t(f"aterrapport_col_{name}", lang)


def _krav_status(row: Mapping[str, object], lang: str) -> str:
    status = str(row["status"])
    text = t(KRAV_STATUS_KEYS[status], lang) if status in KRAV_STATUS_KEYS else status
    if not _blank(row.get("inlamnad_datum")):
        text = t("aterrapport_submitted", lang, status=text, datum=_day(row["inlamnad_datum"]))
    return text


def _repayment(row: Mapping[str, object], lang: str) -> str:
    """'ja (rad 152)', 'ja' (no line given) or 'nej'."""
    if not row["aterbetalning"]:
        return t("aterrapport_no", lang)
    rad = "" if _blank(row["aterbetalning_rad"]) else provenance.line_text([row["aterbetalning_rad"]], lang)
    return t("aterrapport_yes_line", lang, rad=rad) if rad else t("aterrapport_yes", lang)


def _duty_items(krav: pd.DataFrame, kalla: Mapping[str, object], ar: int, src: _Sources) -> list[Item]:
    """What must be reported: the main duty (to the funding source's recipient) in full, the others in short;
    then the duties as a table with their lines."""
    lang = src.lang
    name = str(kalla["namn_en" if lang == "en" else "namn"])
    title = t("aterrapport_duty_title", lang)
    rows = krav.to_dict("records")
    notes: list[Item] = []
    for i, row in enumerate(rows):
        cite = src.cell(row["kalla"], row["dokument_rad"])
        if i:
            text = t(
                "aterrapport_other_duty",
                lang,
                rapportor=row["rapportor"],
                mottagare=row["mottagare"],
                innehall=row["innehall"],
                citat=row["citat"],
                source=cite,
                status=_krav_status(row, lang),
            )
            notes.append(Note(title=title, text=text))
            continue
        texts = [
            t(
                "aterrapport_duty",
                lang,
                rapportor=row["rapportor"],
                kalla=name,
                ar=ar,
                mottagare=row["mottagare"],
                innehall=row["innehall"],
            ),
            t("aterrapport_duty_quote", lang, citat=row["citat"], source=cite),
            t("aterrapport_due", lang, datum=_day(row["senast"]) or t("aterrapport_no_date", lang)),
        ]
        if row["aterbetalning"]:
            where = src.cell(row["kalla"], row["aterbetalning_rad"])
            texts.append(t("aterrapport_repay", lang, citat=row["aterbetalning_citat"], source=where))
        else:
            texts.append(t("aterrapport_no_repay", lang))
        status = t("aterrapport_status", lang, status=_krav_status(row, lang))
        if not _blank(row.get("anmarkning")):
            status += " " + t("aterrapport_remark", lang, text=row["anmarkning"])
        texts.append(status)
        notes += [Note(title=title, text=text) for text in texts]
    one = src.one_document(krav["kalla"])
    frame = pd.DataFrame(
        [
            {
                _col("rapportor", lang): row["rapportor"],
                _col("mottagare", lang): row["mottagare"],
                _col("senast", lang): _day(row["senast"]) or t("aterrapport_no_date", lang),
                _col("aterbetalning", lang): _repayment(row, lang),
                _col("status", lang): _krav_status(row, lang),
                _col("kalla", lang): src.cell(row["kalla"], row["dokument_rad"], compact=one),
            }
            for row in rows
        ]
    )
    cites: dict[str, list[object]] = {}
    for row in rows:
        for kalla_id, lines in _cites(
            (row["kalla"], row["dokument_rad"]), (row["kalla"], row["aterbetalning_rad"])
        ).items():
            cites.setdefault(kalla_id, []).extend(lines)
    table = Table(
        key="aterrapporteringskrav",
        title=t("aterrapport_krav_table", lang, kalla=name, ar=ar),
        frame=frame,
        sources=src.cited(cites),
        exempel=export.exempel_text(0, len(rows), lang),
        filters=_filters(kalla, ar, lang),
    )
    return [*notes, table]


def _filters(kalla: Mapping[str, object], ar: int, lang: str) -> str:
    return t("aterrapport_filters", lang, kalla=kalla["kortnamn_en" if lang == "en" else "kortnamn"], ar=ar)


def _stadium(rows: pd.DataFrame) -> str:
    """'förslag', 'beslut' or 'blandat' for the allocation lines' decisions."""
    stages = set(rows["stadium"])
    return stages.pop() if len(stages) == 1 and stages <= {"förslag", "beslut"} else "blandat"


def _allocation_items(
    rows: pd.DataFrame, recon: pd.DataFrame, kalla: Mapping[str, object], ar: int, src: _Sources
) -> list[Item]:
    """The lines as written with their sum, the declared total and the difference; the check and the stage."""
    lang = src.lang
    money = _col("belopp", lang)
    name_col, source_col = _col("as_written", lang), _col("kalla", lang)
    one = src.one_document(rows["kalla"], recon["kalla"])
    records = [
        {
            name_col: r["mottagare_text"],
            money: int(r["belopp_kr"]),
            source_col: src.cell(r["kalla"], r["dokument_rad"], compact=one),
        }
        for r in rows.to_dict("records")
    ]
    cites = _cites(*zip(rows["kalla"], rows["dokument_rad"], strict=True))
    notes: list[Item] = []
    records.append({name_col: t("aterrapport_sum_rows", lang), money: int(rows["belopp_kr"].sum()), source_col: ""})
    for r in recon.to_dict("records"):
        records.append(
            {
                name_col: t("aterrapport_declared", lang),
                money: int(r["deklarerat_kr"]),
                source_col: src.cell(r["kalla"], r["dokument_rad"], compact=one),
            }
        )
        records.append({name_col: t("aterrapport_difference", lang), money: int(r["differens_kr"]), source_col: ""})
        cites.setdefault(str(r["kalla"]), []).append(int(r["dokument_rad"]))
        mismatch = r["differens_kr"] != 0
        text = provenance.reconciliation_text(r, lang, src.cell(r["kalla"], r["dokument_rad"])).replace("**", "")
        if mismatch:
            text += " " + t("aterrapport_recon_unexplained", lang)
        notes.append(Note(title=t("reconciliation_header", lang), text=text))
    stadium = _stadium(rows)
    stages = " ".join(provenance.stage_texts(rows, lang))
    if stadium == "beslut":
        notes.append(Note(title=t("aterrapport_stage_title_beslut", lang), text=stages, kind="real_beslut"))
    else:
        text = t("aterrapport_stage_forslag", lang, stage=stages)
        notes.append(Note(title=t("aterrapport_stage_title", lang), text=text, kind="real_forslag"))
    table = Table(
        key="tilldelning_per_namnd",
        title=t({"förslag": "aterrapport_alloc_forslag"}.get(stadium, f"aterrapport_alloc_{stadium}"), lang),
        frame=pd.DataFrame(records),
        sources=src.cited(cites),
        exempel=export.exempel_text(0, len(rows), lang),
        filters=_filters(kalla, ar, lang),
        money=(money,),
    )
    return [table, *notes]


def _exempel(insatser: pd.DataFrame) -> int:
    return int((insatser["kalla"] == EXEMPEL).sum()) if not insatser.empty else 0


def _namnd(row: Mapping[str, object], lang: str) -> str:
    return str(row["kortnamn_en" if lang == "en" else "kortnamn"])


def _insats_cites(insatser: pd.DataFrame, *extra: str) -> dict[str, list[object]]:
    cites = _cites(*zip(insatser["tilldelning_kalla"], insatser["tilldelning_rad"], strict=True))
    for column in ("kalla", *extra):
        for kalla in insatser[column].dropna().unique():
            cites.setdefault(str(kalla), [])
    return cites


def _insats_items(insatser: pd.DataFrame, kalla: Mapping[str, object], ar: int, src: _Sources) -> list[Item]:
    """The insatser with their money, status and areas; their follow-up; the exempeldata note."""
    lang = src.lang
    name = str(kalla["namn_en" if lang == "en" else "namn"])
    title = t("aterrapport_insatser_title", lang)
    if insatser.empty:
        return [Note(title=title, text=t("aterrapport_no_insatser", lang, kalla=name, ar=ar))]
    money = _col("belopp", lang)
    n, n_ex = len(insatser), _exempel(insatser)
    unit = t("export_unit_insatser", lang)
    records: list[dict[str, object]] = []
    follow: list[dict[str, object]] = []
    for r in insatser.to_dict("records"):
        areas = t("aterrapport_whole_city", lang) if r["hela_staden"] else (r["omraden"] or "–")
        status = str(r["status"])
        records.append(
            {
                _col("id", lang): r["insats_id"],
                _col("insats", lang): r["namn"],
                _col("namnd", lang): _namnd(r, lang),
                money: int(r["belopp_kr"]),
                _col("status", lang): t(f"status_{status}", lang) if f"status_{status}" in TEXTS else status,
                _col("omraden", lang): areas,
                _col("kalla", lang): src.cell(r["kalla"]),
            }
        )
        reach = (
            t("aterrapport_dated", lang, value=fmt_int(r["rackvidd"], lang), datum=_day(r["rackvidd_datum"]))
            if not _blank(r["rackvidd"])
            else "–"
        )
        effect = (
            t("aterrapport_dated", lang, value=t(f"effect_{r['effekt']}", lang), datum=_day(r["effekt_datum"]))
            if not _blank(r["effekt"])
            else t("aterrapport_none_yet", lang)
        )
        follow.append(
            {
                _col("id", lang): r["insats_id"],
                _col("insats", lang): r["namn"],
                _col("uppfoljningar", lang): int(r["n_uppfoljningar"]),
                _col("rackvidd", lang): reach,
                _col("effekt", lang): effect,
                _col("underlag", lang): "" if _blank(r["underlag"]) else r["underlag"],
                _col("kalla", lang): src.cell(r["effekt_kalla"]) if not _blank(r["effekt_kalla"]) else "–",
            }
        )
    records.append(
        {
            _col("id", lang): "",
            _col("insats", lang): t("aterrapport_sum_insatser", lang, n=fmt_int(n, lang)),
            money: int(insatser["belopp_kr"].sum()),
        }
    )
    n_follow_ex = int((insatser["effekt_kalla"] == EXEMPEL).sum())
    items: list[Item] = [
        Table(
            key="insatser",
            title=title,
            frame=pd.DataFrame(records),
            sources=src.cited(_insats_cites(insatser)),
            exempel=export.exempel_text(n_ex, n, lang, unit=unit),
            filters=_filters(kalla, ar, lang),
            money=(money,),
        ),
        Table(
            key="uppfoljning",
            title=t("aterrapport_followup_title", lang),
            frame=pd.DataFrame(follow),
            sources=src.cited(_insats_cites(insatser, "effekt_kalla")),
            exempel=export.exempel_text(max(n_ex, n_follow_ex), n, lang, unit=unit),
            filters=_filters(kalla, ar, lang),
        ),
    ]
    if n_ex:
        text = t("aterrapport_exempel_note", lang, n=fmt_int(n_ex, lang), total=fmt_int(n, lang))
        items.append(Note(title=t("aterrapport_exempel_title", lang), text=text, kind="exempel"))
    return items


def _stopped_items(insatser: pd.DataFrame, kalla: Mapping[str, object], ar: int, src: _Sources) -> list[Item]:
    """The avbrutna insatser with the date and reason of the move, and what counts as stopped."""
    lang = src.lang
    title = t("aterrapport_stopped_title", lang)
    stopped = insatser[insatser["status"] == "avbruten"] if not insatser.empty else insatser
    scope = Note(title=t("aterrapport_stopped_about", lang), text=t("aterrapport_stopped_scope", lang))
    if stopped.empty:
        return [Note(title=title, text=t("aterrapport_stopped_none", lang)), scope]
    money = _col("belopp", lang)
    records = [
        {
            _col("id", lang): r["insats_id"],
            _col("insats", lang): r["namn"],
            _col("namnd", lang): _namnd(r, lang),
            money: int(r["belopp_kr"]),
            _col("datum", lang): _day(r["stopp_datum"]) or "–",
            _col("anledning", lang): t("aterrapport_no_reason", lang)
            if _blank(r["stopp_anledning"])
            else r["stopp_anledning"],
            _col("kalla", lang): src.cell(r["stopp_kalla"] if not _blank(r["stopp_kalla"]) else r["kalla"]),
        }
        for r in stopped.to_dict("records")
    ]
    table = Table(
        key="stoppade",
        title=title,
        frame=pd.DataFrame(records),
        sources=src.cited(_insats_cites(stopped, "stopp_kalla")),
        exempel=export.exempel_text(_exempel(stopped), len(stopped), lang, unit=t("export_unit_insatser", lang)),
        filters=_filters(kalla, ar, lang),
        money=(money,),
    )
    return [table, scope]


def _untied_items(
    rows: pd.DataFrame, insatser: pd.DataFrame, kalla: Mapping[str, object], ar: int, src: _Sources
) -> list[Item]:
    """Per allocation line: as written, tied to insatser (of which in avbrutna), not yet tied."""
    lang = src.lang
    stadium = _stadium(rows)
    given = _col("beslut" if stadium == "beslut" else "forslag", lang)
    tied_col, stopped_col, untied_col = _col("knutet", lang), _col("avbrutna", lang), _col("ej_knutet", lang)
    name_col, count_col = _col("as_written", lang), _col("antal", lang)
    records: list[dict[str, object]] = []
    over: list[str] = []
    one = src.one_document(rows["kalla"])
    for r in rows.to_dict("records"):
        mine = insatser[insatser["tilldelning_id"] == r["tilldelning_id"]] if not insatser.empty else insatser
        tied = int(mine["belopp_kr"].sum()) if not mine.empty else 0
        stopped = int(mine.loc[mine["status"] == "avbruten", "belopp_kr"].sum()) if not mine.empty else 0
        untied = int(r["belopp_kr"]) - tied
        if untied < 0:
            over.append(f"{r['mottagare_text']} ({fmt_kr(untied, lang)})")
        records.append(
            {
                name_col: r["mottagare_text"],
                given: int(r["belopp_kr"]),
                count_col: len(mine),
                tied_col: tied,
                stopped_col: stopped,
                untied_col: untied,
                _col("kalla", lang): src.cell(r["kalla"], r["dokument_rad"], compact=one),
            }
        )
    frame = pd.DataFrame(records)
    total = {c: int(frame[c].sum()) for c in (given, count_col, tied_col, stopped_col, untied_col)}
    frame = pd.concat([frame, pd.DataFrame([{name_col: t("aterrapport_sum_rows", lang), **total}])], ignore_index=True)
    n_ex = _exempel(insatser)
    if n_ex:
        exempel_text = t("export_exempel_mixed", lang)
    else:
        exempel_text = export.exempel_text(0, len(rows), lang)
    cites = _cites(*zip(rows["kalla"], rows["dokument_rad"], strict=True))
    if not insatser.empty:
        for kalla_id in insatser["kalla"].dropna().unique():
            cites.setdefault(str(kalla_id), [])
    text = " ".join(
        [
            t("aterrapport_untied_note", lang),
            t("aterrapport_untied_total", lang, belopp=fmt_kr(total[untied_col], lang)),
            t("aterrapport_overcommitted", lang, namnder="; ".join(over))
            if over
            else t("aterrapport_no_overcommitment", lang),
        ]
    )
    table = Table(
        key="ej_knutet",
        title=t("aterrapport_untied_title", lang),
        frame=frame,
        sources=src.cited(cites),
        exempel=exempel_text,
        filters=_filters(kalla, ar, lang),
        money=(given, tied_col, stopped_col, untied_col),
    )
    return [table, Note(title=t("aterrapport_untied_note_title", lang), text=text, kind="mixed" if n_ex else "real")]


def build(finansiering_kod: str, ar: int, lang: str = "sv", *, idag: date, con: Connection | None = None) -> Report:
    """The återrapport's content as a rendering.model.Report (notes and tables with their sources)."""
    ar = int(ar)
    pairs = available(idag, con)
    if (finansiering_kod, ar) not in pairs:
        raise NoSuchReport(
            f"ingen återrapport för källan {finansiering_kod!r} år {ar}: det finns inget återrapporteringskrav "
            f"med tilldelningar för den. Det finns: {describe_available(pairs, con)}"
        )
    krav = data.aterrapporteringskrav(idag, con)
    krav = krav[(krav["finansiering_kod"] == finansiering_kod) & (krav["ar"] == ar)]
    kallor_frame = data.finansieringskallor(con)
    kalla = kallor_frame[kallor_frame["finansiering_kod"] == finansiering_kod].iloc[0].to_dict()
    # The main duty first: the one to whom the funding source is reported (Socialstyrelsen for its grant).
    main = krav["mottagare"] == kalla["aterrapporteras_till"]
    krav = pd.concat([krav[main], krav[~main]])
    f = data.Filter(ar=(ar,), finansiering=(finansiering_kod,))
    rows = data.tilldelningar_as_written(f, con)
    recon = data.reconciliation(con)
    recon = recon[(recon["finansiering_kod"] == finansiering_kod) & (recon["ar"] == ar)]
    insatser = data.aterrapport_insatser(f, con)
    src = _Sources(data.kallor(con), lang)
    name = str(kalla["namn_en" if lang == "en" else "namn"])
    items: list[Item] = [
        *_duty_items(krav, kalla, ar, src),
        *_allocation_items(rows, recon, kalla, ar, src),
        *_insats_items(insatser, kalla, ar, src),
        *_stopped_items(insatser, kalla, ar, src),
        *_untied_items(rows, insatser, kalla, ar, src),
    ]
    items.append(src.table(_filters(kalla, ar, lang)))
    return Report(
        page=PAGE,
        title=t("aterrapport_title", lang, mottagare=krav.iloc[0]["mottagare"]),
        link="",
        lang=lang,
        filters=_filters(kalla, ar, lang),
        made=datetime.combine(idag, datetime.now().time().replace(microsecond=0)),
        intro=t("aterrapport_intro", lang, kalla=name, ar=ar, datum=fmt_date(idag)),
        subject=f"{name} {ar}",
        items=items,
    )


def document_title(report: Report, ar: int) -> str:
    """The document's title: 'Återrapport till Socialstyrelsen 2022' (short: it goes into every footer)."""
    return t("aterrapport_doc_title", report.lang, title=report.title, ar=ar)


def document(
    finansiering_kod: str, ar: int, fmt: Format, lang: str = "sv", *, idag: date, con: Connection | None = None
) -> bytes:
    """The återrapport as a Word document (docx) or an A4 PDF."""
    if fmt not in FORMATS:
        raise ValueError(f"okänt format {fmt!r}: välj docx eller pdf")
    return render(build(finansiering_kod, ar, lang, idag=idag, con=con), ar, fmt)


def render(report: Report, ar: int, fmt: Format) -> bytes:
    """A built återrapport as Word (docx) or PDF, titled by document_title."""
    if fmt not in FORMATS:
        raise ValueError(f"okänt format {fmt!r}: välj docx eller pdf")
    draw = docx.report_docx if fmt == "docx" else pdf.report_pdf
    return draw([report], title=document_title(report, ar))
