"""Pure text about where figures come from: stage of a decision, the documents behind a table."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from lokalutveckling.format import fmt_date
from lokalutveckling.i18n import t

# The services official statistics are fetched from (statistik_hamtningar.tjanst), as readers know them.
SERVICES = {"ckan": "Malmö stads öppna data (CKAN)", "scb": "SCB", "kolada": "Kolada"}


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


def document_names(kallor: pd.DataFrame) -> dict[str, str]:
    """How each of the store's named sources (kallor: kalla_id, typ, datum, organ) is shown: a dated
    document as 'Stadskontoret tjänsteskrivelse 2022-08-12 (002_653f0594ef9bb87d.txt)', so it reads well
    and can still be traced to its file; a source without a date (a list, a division) by its id.
    Exempeldata is not a document and is left out."""
    names = {}
    for row in kallor.to_dict("records"):
        if row["kalla_id"] == "exempeldata":
            continue
        day = _day(row.get("datum"))
        if day and row.get("organ") and row.get("typ"):
            names[row["kalla_id"]] = f"{row['organ']} {row['typ']} {day} ({row['kalla_id']})"
        else:
            names[row["kalla_id"]] = str(row["kalla_id"])
    return names


def source_list(kallor: pd.Series, names: Mapping[str, str] | None = None) -> str:
    """The distinct source documents of a table, comma-separated, in order; each by its readable name
    (`names`, see document_names) when it has one."""
    ids: list[str] = []
    for value in kallor.dropna():
        for kalla in str(value).split(", "):
            if kalla and kalla not in ids:
                ids.append(kalla)
    return ", ".join((names or {}).get(kalla, kalla) for kalla in sorted(ids))


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
