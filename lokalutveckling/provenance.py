"""Pure text about where figures come from: stage of a decision, the documents behind a table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from lokalutveckling.format import fmt_date, fmt_kr
from lokalutveckling.i18n import t

# The services official statistics are fetched from (statistik_hamtningar.tjanst), as readers know them.
SERVICES = {"ckan": "Malmö stads öppna data (CKAN)", "scb": "SCB", "kolada": "Kolada"}
# The paragraph in a protokollsutdrag's title: "KSAU protokollsutdrag 2024-09-09 § 414: …".
_PARAGRAPH = re.compile(r"§\s*(\d+)")


def _day(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return fmt_date(value.date())
    if isinstance(value, date):
        return fmt_date(value)
    return str(value)


def stage_text(row: pd.Series | dict, lang: str = "sv") -> str:
    """What stage a figure's decision is at, e.g. 'Enligt förslag i tjänsteskrivelse 2022-08-12,
    beslut planerat i KS 2022-08-17.'

    `row` has stadium, organ, beslut_datum, planerat_organ, planerat_datum, kalla_typ, kalla_datum
    and optionally ar.
    """
    doc = {"doc_typ": row["kalla_typ"], "doc_datum": _day(row["kalla_datum"])}
    if row["stadium"] == "förslag":
        planned = _day(row.get("planerat_datum"))
        organ = row.get("planerat_organ") or "KS"
        if planned:
            return t("stage_proposal", lang, organ=organ, datum=planned, **doc)
        return t("stage_proposal_nodate", lang, organ=organ, **doc)
    when = _day(row.get("beslut_datum")) or str(row.get("ar", ""))
    return t("stage_decision", lang, organ=row["organ"], datum=when, **doc)


def stage_texts(allocations: pd.DataFrame, lang: str = "sv") -> list[str]:
    """One stage text per distinct decision behind a set of allocation lines, in date order."""
    if allocations.empty:
        return []
    beslut = allocations.drop_duplicates("beslut_id").sort_values(["ar", "beslut_id"])
    return [stage_text(row, lang) for _, row in beslut.iterrows()]


def _genitive(organ: str) -> str:
    """Swedish genitive of an organ's name: 'Stadskontoret' → 'Stadskontorets', 'Polisens' stays."""
    return organ if organ[-1:].lower() in "sxz" else organ + "s"


def _paragraph(titel: object) -> str:
    """The paragraph a protokollsutdrag's title names before its colon ('… 2024-09-09 § 414: …' → '§ 414')."""
    found = _PARAGRAPH.search(str(titel or "").split(":", 1)[0])
    return f"§ {found.group(1)}" if found else ""


def _title_head(titel: object) -> str:
    """A title's first part, before its first ':', ' (' or ', ' (a name, not the whole description)."""
    text = str(titel or "").strip()
    cut = min((i for i in (text.find(": "), text.find(" ("), text.find(", ")) if i > 0), default=len(text))
    return text[:cut]


def document_name(row: Mapping[str, object], lang: str = "sv") -> str:
    """One source (a kallor row: kalla_id, typ, datum, organ, titel) as readers know it:
    'Stadskontorets tjänsteskrivelse 2022-08-12', 'KSAU 2024-09-09 § 414'; an undated source (a list, a
    division) by the first part of its title; never by its file name unless nothing else is known."""
    day = _day(row.get("datum"))
    organ = str(row.get("organ") or "")
    typ = str(row.get("typ") or "")
    if day and organ and typ == "protokollsutdrag":
        return " ".join(x for x in (organ, day, _paragraph(row.get("titel"))) if x)
    if day and organ and typ == "tjänsteskrivelse":
        return t("doc_name_tjanst", lang, organ=_genitive(organ) if lang == "sv" else organ, datum=day)
    if day and typ == "statistik":
        service = service_of(row.get("kalla_id")) or organ
        return t("doc_name_statistik", lang, service=service, resurs=_resource(row.get("titel")), datum=day)
    if day and organ and typ:
        return f"{organ} {typ} {day}"
    return _title_head(row.get("titel")) or str(row["kalla_id"])


def service_of(kalla: object) -> str:
    """The service an official value was fetched from, by its källa's prefix ('ckan:…' → 'Malmö stads öppna
    data (CKAN)'); '' for any other källa (exempeldata, a document, an account)."""
    prefix = str(kalla or "").split(":", 1)[0] if ":" in str(kalla or "") else ""
    return SERVICES.get(prefix, "")


def _resource(titel: object) -> str:
    """The resource a fetched source's title names: 'Folkmängd 0–5 år (Statistikunderlag för Malmös
    områden), hämtad 2026-12-02' → 'Folkmängd 0–5 år' (the name may itself hold commas or a colon)."""
    text = str(titel or "").strip()
    text = text.rsplit(", hämtad", 1)[0]
    if text.endswith(")") and " (" in text:
        text = text[: text.rindex(" (")]
    return text


def _is_missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _kallor_of(kallor: Iterable[object]) -> list[str]:
    """The distinct sources in a column of källa ids (a cell may hold several, comma-separated), in order."""
    seen: dict[str, None] = {}
    for value in kallor:
        if _is_missing(value):
            continue
        for kalla in str(value).split(", "):
            if kalla.strip():
                seen.setdefault(kalla.strip(), None)
    return list(seen)


def indicator_kind(kallor: Iterable[object]) -> str:
    """What a set of indicator values is, from their sources: 'real' when none is exempeldata (official
    statistics, a document, an import), 'exempel' when all are (or none is given), 'mixed' when both."""
    ids = _kallor_of(kallor)
    exempel = "exempeldata" in ids
    real = any(k != "exempeldata" for k in ids)
    return "mixed" if exempel and real else "real" if real else "exempel"


def indicator_badge(kind: str) -> str:
    """The badge (ui.badge's kind) for indicator values of `kind` (indicator_kind): 'real_statistik'
    ('Officiell statistik'), 'mixed_statistik' ('Officiell statistik och exempeldata') or 'exempel'."""
    return {"real": "real_statistik", "mixed": "mixed_statistik"}.get(kind, "exempel")


def indicator_value_text(kalla: object, ar: object, names: Mapping[str, str] | None = None, lang: str = "sv") -> str:
    """What one indicator value is, for a table's source column: 'Officiell: Malmö stads öppna data (CKAN):
    Folkmängd, hämtad 2026-12-02, referensår 2024', 'Exempeldata', or the document it comes from with its
    year; '–' when there is no value."""
    if _is_missing(kalla) or not str(kalla):
        return "–"
    kalla = str(kalla)
    if kalla == "exempeldata":
        return t("indicator_value_exempel", lang)
    year = "" if _is_missing(ar) else str(int(ar))  # type: ignore[call-overload]
    name = (names or {}).get(kalla, kalla)
    if service_of(kalla):
        return t("indicator_value_official", lang, source=name, year=year)
    return t("indicator_value_document", lang, source=source_label(kalla, lang, names), year=year)


def indicator_pair_text(
    kalla: object, stadens_kalla: object, ar: object, names: Mapping[str, str] | None = None, lang: str = "sv"
) -> str:
    """An area's value and Malmö's in the same year: one text when both have the same source (or Malmö has
    no value), else both ('Området: Officiell: …; Malmö: Exempeldata')."""
    area = indicator_value_text(kalla, ar, names, lang)
    if _is_missing(stadens_kalla) or str(stadens_kalla) == str(kalla):
        return area
    return t("indicator_value_both", lang, area=area, city=indicator_value_text(stadens_kalla, ar, names, lang))


def indicator_sources(kallor: Iterable[object], names: Mapping[str, str] | None = None, lang: str = "sv") -> str:
    """The sources of a set of indicator values in words: 'officiell statistik: Malmö stads öppna data
    (CKAN): Folkmängd, hämtad 2026-12-02; exempeldata (20 värden)' (the official ones by readable name,
    documents by name, exempeldata by how many values)."""
    cells = [str(v) for v in kallor if not _is_missing(v)]
    ids = _kallor_of(cells)
    official = [(names or {}).get(k, k) for k in ids if service_of(k)]
    other = [source_label(k, lang, names) for k in ids if k != "exempeldata" and not service_of(k)]
    n_exempel = sum(1 for c in cells if "exempeldata" in c.split(", "))
    parts = []
    if official:
        parts.append(t("indicator_sources_official", lang, sources="; ".join(sorted(official))))
    if other:
        parts.append(t("indicator_sources_other", lang, sources="; ".join(sorted(other))))
    if n_exempel:
        parts.append(t("indicator_sources_exempel", lang, n=n_exempel))
    return "; ".join(parts) or "–"


def document_names(kallor: pd.DataFrame, lang: str = "sv") -> dict[str, str]:
    """How each of the store's named sources (kallor: kalla_id, typ, datum, organ, titel) is shown, see
    document_name. Exempeldata is not a document and is left out."""
    return {
        row["kalla_id"]: document_name(row, lang)
        for row in kallor.to_dict("records")
        if row["kalla_id"] != "exempeldata"
    }


def document_details(row: Mapping[str, object], lang: str = "sv") -> str:
    """What identifies a document without its text: 'tjänsteskrivelse 2022-08-12, Stadskontoret,
    diarienummer STK-2018-1233' (the parts the store has)."""
    parts = [" ".join(str(x) for x in (row.get("typ"), _day(row.get("datum"))) if x), str(row.get("organ") or "")]
    if row.get("arende"):
        parts.append(t("doc_dnr", lang, dnr=row["arende"]))
    return ", ".join(p for p in parts if p)


def line_text(lines: Iterable[object], lang: str = "sv") -> str:
    """Document lines in words: 'rad 193', 'rad 160–165, 171' (runs of consecutive lines as ranges)."""
    numbers = sorted({int(n) for n in lines if n is not None and not pd.isna(n)})
    if not numbers:
        return ""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return t("doc_line" if len(numbers) == 1 else "doc_lines", lang, rad=text)


def source_name(kalla: str, rad: object = None, names: Mapping[str, str] | None = None, lang: str = "sv") -> str:
    """A source and line as readers see it: 'Stadskontorets tjänsteskrivelse 2022-08-12, rad 193'."""
    name = (names or {}).get(kalla, kalla)
    lines = line_text([rad], lang)
    return f"{name}, {lines}" if lines else name


def source_list(
    kallor: pd.Series, names: Mapping[str, str] | None = None, lines: pd.Series | None = None, lang: str = "sv"
) -> str:
    """The distinct source documents of a table, in order; each by its readable name (`names`, see
    document_names) when it has one. Comma-separated; with `lines` (the table's document line beside
    each source) each with the lines it is cited at, separated by semicolons: 'Stadskontorets
    tjänsteskrivelse 2022-08-12, rad 160–171, 179; KSAU 2024-09-09 § 414, rad 60'."""
    cited: dict[str, list[object]] = {}
    rows = lines.tolist() if lines is not None else [None] * len(kallor)
    for value, rad in zip(kallor.tolist(), rows, strict=True):
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            continue
        for kalla in str(value).split(", "):
            if kalla:
                cited.setdefault(kalla, []).append(rad)
    parts = []
    for kalla in sorted(cited):
        name = (names or {}).get(kalla, kalla)
        where = line_text(cited[kalla], lang)
        parts.append(f"{name}, {where}" if where else name)
    return "; ".join(parts) if lines is not None else ", ".join(parts)


def source_label(kalla: str | None, lang: str = "sv", documents: Mapping[str, str] | None = None) -> str:
    """A row's source as a reader sees it: 'exempeldata', the document it comes from (by its name in
    `documents`, see document_names), or the account that entered it in the app."""
    documents = documents or {}
    if not kalla:
        return "–"
    if kalla == "exempeldata":
        return t("source_exempel", lang)
    if kalla in documents:
        return documents[kalla]
    if kalla.endswith(".txt"):
        return str(kalla)
    return t("source_user", lang, namn=kalla)


def reconciliation_text(r: Mapping[str, object], lang: str, doc: str) -> str:
    """A declared total checked against its lines (a row of queries/reconciliation.sql), in the words Översikt,
    Beslut och källor and the återrapport share: both figures and the difference, or that they agree; `doc`
    names where the total stands (a link on the page, plain text in a file). Markdown bold as on the page."""
    values = {
        "kalla": r["finansieringskalla_en"] if lang == "en" else r["finansieringskalla"],
        "ar": int(r["ar"]),
        "declared": fmt_kr(r["deklarerat_kr"], lang),
        "rows": fmt_kr(r["summa_rader_kr"], lang),
        "diff": fmt_kr(r["differens_kr"], lang),
        "doc": doc,
        "n": int(r["n_rader"]),
        "first": r["forsta_rad"],
        "last": r["sista_rad"],
    }
    return t("reconciliation_mismatch" if r["differens_kr"] != 0 else "reconciliation_ok", lang, **values)
