"""Names in files: column headers and the codes or names that stand for a code (case, spaces,
punctuation and å/ä/ö left out are tolerated), saying how a value that was not the exact code was read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from lokalutveckling.imports.formats.values import BadValue, cell_text


def norm(text: object) -> str:
    """A name for matching: lower case, only letters and digits ('Hälsa-, vård- och' → 'hälsavårdoch')."""
    folded = unicodedata.normalize("NFC", cell_text(text)).casefold()
    folded = re.sub(r"\bm\.?\s?fl\.?$", "", folded.strip())
    return "".join(ch for ch in folded if ch.isalnum())


def fold(text: object) -> str:
    """`norm` without diacritics, for names typed without å, ä and ö ('Lindangen')."""
    decomposed = unicodedata.normalize("NFKD", norm(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def header_key(header: object) -> tuple[str, str]:
    """(name, unit) of a column header: 'Belopp (tkr)' → ('belopp', 'tkr'); 'belopp_kr' → ('beloppkr', '')."""
    text = cell_text(header)
    unit = ""
    match = re.search(r"\(([^)]*)\)\s*$", text)
    if match:
        unit = match.group(1).strip()
        text = text[: match.start()]
    return norm(text), unit


@dataclass(frozen=True)
class Resolved:
    """A code read from a cell; `how` says how when the cell was not the code or the exact name."""

    kod: str
    how: str | None


@dataclass(frozen=True)
class Read:
    """A value read from a cell, with a note on how when that needs saying (an Excel day number)."""

    value: object
    how: str | None


class Names:
    """Codes and the names that may stand for them, in tiers (full names before parts of names).

    `find` takes the exact code or exact name, the code in any case, then each tier's names compared
    with `norm`, then the same without diacritics; a name that fits several codes is an error.
    """

    def __init__(self, what: str, codes: dict[str, str], tiers: Sequence[Mapping[str, Iterable[str]]], example: str):
        self.what = what  # 'nämnd', 'område' ... for messages
        self.codes = codes  # kod -> display name
        self.example = example
        self._exact = {name: kod for kod, name in codes.items()}
        self._by_case = _index((kod, [kod]) for kod in codes)
        self._tiers = [_index(tier.items()) for tier in tiers]
        self._folded = [_index(tier.items(), key=fold) for tier in tiers]

    def label(self, kod: str) -> str:
        name = self.codes.get(kod, "")
        return f"{kod} ({name})" if name and name != kod else kod

    def find(self, value: object) -> Resolved | None:
        """The code `value` stands for, None when it stands for none; BadValue when it fits several."""
        text = cell_text(value)
        if text in self.codes:
            return Resolved(text, None)
        if text in self._exact:
            return Resolved(self._exact[text], None)
        lookups = [(self._by_case, norm)] + [(t, norm) for t in self._tiers] + [(t, fold) for t in self._folded]
        for index, key in lookups:
            found = index.get(key(text))
            if not found:
                continue
            if len(found) > 1:
                raise BadValue(f"namnet passar flera: {', '.join(self.label(k) for k in sorted(found))}; ange koden")
            kod = next(iter(found))
            return Resolved(kod, f"{text!r} tolkas som {self.label(kod)}")
        return None

    def resolve(self, value: object) -> Resolved:
        """Like `find`, but BadValue ('okänd …') when `value` stands for no code."""
        found = self.find(value)
        if found is None:
            raise BadValue(f"okänd {self.what}; {self.example}")
        return found


def _index(items: Iterable[tuple[str, Iterable[str]]], key: Callable[[object], str] = norm) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for kod, names in items:
        for name in names:
            k = key(name)
            if k:
                index.setdefault(k, set()).add(kod)
    return index
