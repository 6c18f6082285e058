"""The names an indicator is shown by, shared by the pages that let a reader choose indicators (Karta,
Område, Behov)."""

from __future__ import annotations

import pandas as pd


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
