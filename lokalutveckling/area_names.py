"""Areas by every name people use: the 136 delområden, the 10 stadsdelar (till 2013), the 5 stadsområden,
the police's utsatta områden and the 14 statistikområden themselves, in any case and without diacritics.

Every name maps to delområden, and through them to the 14 areas the dashboard reports on; a name may span
several areas (Fosie lies in three). `normalise` is the one way names and what people type are compared.
The index is built from the store (`queries/area_names.sql`, `queries/utsatta_omraden.sql`) by pure functions
(`build_index`, `find`, `area_codes`, `explain`, `profile`), so they are tested without Streamlit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from lokalutveckling import data
from lokalutveckling.i18n import t
from lokalutveckling.store import run_query
from lokalutveckling.store.cache import cached_query

# The kinds of name, in the order matches of equal quality are listed.
KINDS = ("omrade", "stadsdel", "polisomrade", "delomrade", "stadsomrade")

# Words written in lower case inside a place name ("Västra hamnen", "Tygelsjö by", "Rosengård centrum").
_LOWER_WORDS = frozenset(
    {
        "hamnen",
        "staden",
        "by",
        "centrum",
        "hamnområde",
        "industriområde",
        "industriomr.",
        "kyrkogården",
        "sjukhuset",
        "villastad",
        "vång",
    }
)


def normalise(text: object) -> str:
    """A name as compared: case and diacritics ignored, punctuation (/ - , ( ) .) read as a space.

    'Holma/Kroksbäck', 'holma kroksback' and 'HOLMA-KROKSBÄCK' all give 'holma kroksback'."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def display(name: str) -> str:
    """A delområde name from the city's register (in capitals) as written in text: 'ROSENGÅRD CENTRUM' ->
    'Rosengård centrum', 'VÄSTRA KATTARP' -> 'Västra Kattarp'. Names not all in capitals are kept."""
    if name != name.upper():
        return name
    words = name.lower().split(" ")
    return " ".join(
        w if i and w in _LOWER_WORDS else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(words)
    )


@dataclass(frozen=True)
class Delomrade:
    kod: str
    namn: str  # as written in text (see `display`)
    omrade_kod: str  # the statistikområde it lies in
    stadsdel: str
    stadsomrade: str
    saker: bool  # False where the project's compilation of its stadsdel is uncertain


@dataclass(frozen=True)
class AreaName:
    """One name and the delområden it covers."""

    namn: str
    kind: str  # one of KINDS
    delomraden: tuple[Delomrade, ...]
    kategori: str = ""  # for a police area: 'utsatt' / 'särskilt utsatt'
    avgransning: str = ""  # for a police area: how the delområden approximate it (text from the store)

    def areas(self, order: Mapping[str, int]) -> tuple[str, ...]:
        """The statistikområden it lies in, in the areas' order."""
        return tuple(sorted({d.omrade_kod for d in self.delomraden}, key=lambda k: order.get(k, 99)))


@dataclass(frozen=True)
class NameIndex:
    names: tuple[AreaName, ...]
    areas: Mapping[str, str]  # statistikområde code -> name, in order
    delomraden: tuple[Delomrade, ...]

    @property
    def order(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.areas)}


def build_index(delomraden: pd.DataFrame, police: pd.DataFrame, areas: Mapping[str, str]) -> NameIndex:
    """The index from `queries/area_names.sql` (one row per delområde) and `queries/utsatta_omraden.sql`."""
    parts = tuple(
        Delomrade(
            kod=str(r.delomrade_kod),
            namn=display(str(r.delomrade)),
            omrade_kod=str(r.omrade_kod),
            stadsdel=str(r.stadsdel or ""),
            stadsomrade=str(r.stadsomrade or ""),
            saker=r.sakerhet == "säker",
        )
        for r in delomraden.itertuples(index=False)
    )
    by_kod = {d.kod: d for d in parts}
    names: list[AreaName] = [AreaName(d.namn, "delomrade", (d,)) for d in parts]
    for kind, attr in (("stadsdel", "stadsdel"), ("stadsomrade", "stadsomrade")):
        groups: dict[str, list[Delomrade]] = {}
        for d in parts:
            if getattr(d, attr):
                groups.setdefault(getattr(d, attr), []).append(d)
        names += [AreaName(n, kind, tuple(ds)) for n, ds in groups.items()]
    for kod, namn in areas.items():
        names.append(AreaName(namn, "omrade", tuple(d for d in parts if d.omrade_kod == kod)))
    for _uid, rows in police.groupby("utsatt_id", sort=False):
        first = rows.iloc[0]
        members = tuple(by_kod[str(k)] for k in rows["delomrade_kod"] if str(k) in by_kod)
        names.append(
            AreaName(
                str(first["namn"]),
                "polisomrade",
                members,
                kategori=str(first["kategori"]),
                avgransning=str(first["avgransning"] or ""),
            )
        )
    return NameIndex(tuple(names), dict(areas), parts)


def _quality(name: str, query: str) -> int | None:
    """0 the same name, 1 the name starts with it, 2 a word of the name starts with it, 3 it is inside."""
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if f" {query}" in f" {name}":
        return 2
    if query in name:
        return 3
    return None


def find(index: NameIndex, query: str, *, limit: int = 8) -> list[AreaName]:
    """The names matching what was typed, best first: the same name, then names starting with it, then a
    word starting with it; names merely containing it only when nothing better matches."""
    q = normalise(query)
    if not q:
        return []
    scored = []
    for name in index.names:
        quality = _quality(normalise(name.namn), q)
        if quality is not None:
            scored.append((quality, KINDS.index(name.kind), name.namn, name))
    if not scored:
        return []
    best = min(s[0] for s in scored)
    kept = [s for s in scored if s[0] <= max(best, 2)]
    return [s[3] for s in sorted(kept, key=lambda s: s[:3])][:limit]


def exact(index: NameIndex, query: str) -> list[AreaName]:
    """The names that are what was typed (case, diacritics and punctuation aside)."""
    q = normalise(query)
    return [n for n in index.names if q and normalise(n.namn) == q]


def area_codes(index: NameIndex, query: str) -> tuple[str, ...]:
    """The statistikområden an area name given in full lies in ('Rosengård' -> ('10',)); () when the text
    is no area name. Used by the Insatser search."""
    codes = {k for n in exact(index, query) for k in n.areas(index.order)}
    return tuple(sorted(codes, key=lambda k: index.order.get(k, 99)))


def _kind_label(name: AreaName, lang: str) -> str:
    if name.kind == "polisomrade":
        return t("area_kind_polis", lang, kategori=t(f"area_kategori_{name.kategori.replace(' ', '_')}", lang))
    return t(f"area_kind_{name.kind}", lang)


def _names(parts: Iterable[Delomrade]) -> str:
    return ", ".join(d.namn for d in parts)


def explain(index: NameIndex, name: AreaName, lang: str, literal=str) -> str:
    """How a name maps, in one Markdown sentence: which delområden of which area it covers, each area where
    it spans more than one. `literal` escapes text from the store for Markdown."""
    order = index.order
    codes = name.areas(order)
    head = t("area_name_head", lang, name=literal(name.namn), kind=_kind_label(name, lang))
    spans = len(codes) > 1
    pieces = []
    for kod in codes:
        inside = [d for d in name.delomraden if d.omrade_kod == kod]
        total = sum(1 for d in index.delomraden if d.omrade_kod == kod)
        if name.kind == "omrade":
            pieces.append(t("area_name_is_area", lang, parts=literal(_names(inside))))
        elif name.kind == "delomrade":
            pieces.append(
                t("area_name_delomrade", lang, area=literal(index.areas[kod]), stadsdel=literal(inside[0].stadsdel))
            )
        else:
            key = "area_name_part" if spans else "area_name_in_area"
            values = {"area": literal(index.areas[kod]), "n": len(inside), "total": total}
            pieces.append(t(key, lang, parts=literal(_names(inside)), **values))
    if spans:
        text = t("area_name_spans", lang, head=head, n=len(codes), areas="; ".join(pieces))
    else:
        text = f"{head} {pieces[0]}" if pieces else head
    unsure = [d for d in name.delomraden if not d.saker] if name.kind in ("stadsdel", "stadsomrade") else []
    if unsure:
        text += " " + t("area_name_unsure", lang, parts=literal(_names(unsure)))
    if name.avgransning:
        text += " " + literal(name.avgransning)
    return text


@dataclass(frozen=True)
class Profile:
    """What the Område page says about an area's names."""

    delomraden: tuple[Delomrade, ...]
    stadsdelar: tuple[tuple[str, int, int], ...]  # (stadsdel, delområden of it here, delområden of it in all)
    polisomraden: tuple[AreaName, ...]


def profile(index: NameIndex, omrade_kod: str) -> Profile:
    """The area's delområden, its former stadsdel(ar) (with how much of each) and the police areas in it."""
    parts = tuple(d for d in index.delomraden if d.omrade_kod == omrade_kod)
    counts: dict[str, int] = {}
    for d in parts:
        counts[d.stadsdel] = counts.get(d.stadsdel, 0) + 1
    totals: dict[str, int] = {}
    for d in index.delomraden:
        totals[d.stadsdel] = totals.get(d.stadsdel, 0) + 1
    stadsdelar = tuple(sorted(((s, n, totals[s]) for s, n in counts.items() if s), key=lambda x: (-x[1], x[0])))
    police = tuple(
        n for n in index.names if n.kind == "polisomrade" and any(d.omrade_kod == omrade_kod for d in n.delomraden)
    )
    return Profile(parts, stadsdelar, police)


def load(con=None) -> NameIndex:
    """The index from the store (cached per store state when `con` is None, like `data`'s queries)."""
    rows = run_query(con, "area_names") if con is not None else cached_query("area_names")
    areas = rows.drop_duplicates("omrade_kod").set_index("omrade_kod")["omrade"]
    return build_index(rows, data.utsatta_omraden(con), dict(areas.items()))


def profile_lines(index: NameIndex, omrade_kod: str, lang: str, literal=str) -> list[str]:
    """The profile's lines in Markdown: its delområden, its former stadsdel(ar), the police areas in it."""
    p = profile(index, omrade_kod)
    stadsomrade = {d.stadsdel: d.stadsomrade for d in index.delomraden}
    stadsdelar = ", ".join(
        t(
            "omrade_profile_stadsdel_whole" if n == total else "omrade_profile_stadsdel_part",
            lang,
            name=literal(s),
            n=n,
            total=total,
            omr=literal(stadsomrade[s]),
        )
        for s, n, total in p.stadsdelar
    )
    lines = [
        t("omrade_profile_delomraden", lang, n=len(p.delomraden), parts=literal(_names(p.delomraden))),
        t("omrade_profile_stadsdelar", lang, stadsdelar=stadsdelar),
    ]
    if p.polisomraden:
        police = "; ".join(
            t(
                "omrade_profile_police_area",
                lang,
                name=literal(n.namn),
                kategori=t(f"area_kategori_{n.kategori.replace(' ', '_')}", lang),
                parts=literal(_names(d for d in n.delomraden if d.omrade_kod == omrade_kod)),
            )
            for n in p.polisomraden
        )
        lines.append(t("omrade_profile_police", lang, areas=police))
    else:
        lines.append(t("omrade_profile_police_none", lang))
    return lines


def url_names(index: NameIndex) -> dict[str, str]:
    """Names that lead to one area (name -> area code), so that `?omrade=Rosengård` or `?omrade=Seved` opens it."""
    out: dict[str, str] = {}
    for name in index.names:
        codes = name.areas(index.order)
        if len(codes) == 1:
            out.setdefault(name.namn, codes[0])
    return out


def single_area(index: NameIndex, query: str) -> str | None:
    """The one area a typed name leads to (the same name first, else every name it starts), or None."""
    codes = area_codes(index, query)
    if not codes:
        codes = tuple({k for n in find(index, query) for k in n.areas(index.order)})
    return codes[0] if len(codes) == 1 else None
