"""The names an indicator is shown by, shared by the pages that let a reader choose indicators (Karta,
Område, Behov), and what a set of indicator values is (official statistics or exempeldata) as those pages
and their downloads say it."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from lokalutveckling import data, export, provenance
from lokalutveckling.i18n import t


def indicator_names(defs: pd.DataFrame) -> dict[str, str]:
    """Every name an indicator (indexed by indikator_kod) is shown by, in both languages, with and without
    its fokusområde: the names older links carry (see links)."""
    names: dict[str, str] = {}
    for kod, row in defs.iterrows():
        for language in ("sv", "en"):
            name, fokus = row.get(f"namn_{language}"), row.get(f"fokus_{language}")
            names[f"{fokus}: {name}"] = str(kod)
            names.setdefault(str(name), str(kod))
    return names


def source_names(lang: str) -> dict[str, str]:
    """The store's named sources as readers see them in `lang` (provenance.document_names): an official
    source as 'Malmö stads öppna data (CKAN): Folkmängd, hämtad 2026-12-02' ('fetched' in English)."""
    return provenance.document_names(data.kallor(), lang)


def kind_of(kallor: Iterable[object]) -> str:
    """The badge for indicator values with these sources (provenance.indicator_kind/indicator_badge):
    'real_statistik', 'mixed_statistik' or 'exempel'."""
    return provenance.indicator_badge(provenance.indicator_kind(kallor))


def exempel_text(kallor: Iterable[object], lang: str) -> str:
    """How many of a set of indicator values are exempeldata, for downloads: 'Exempeldata: 20 av 70
    indikatorvärden (29 %)' (values without a source, i.e. missing, are not counted)."""
    cells = [str(k) for k in kallor if k is not None and not (not isinstance(k, str) and pd.isna(k))]
    n_exempel = sum(1 for c in cells if "exempeldata" in c.split(", "))
    return export.exempel_text(n_exempel, len(cells), lang, unit=t("indicator_values_unit", lang))
