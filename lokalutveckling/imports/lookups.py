"""The store's codes and names an import resolves cells against: nämnder (with their förvaltningar),
finansieringskällor, fokusområden, indikatorer, områden (city, statistikområden, delområden),
beslut, tilldelningar, källor, statuses and types."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lokalutveckling import domain, store
from lokalutveckling.imports import formats as fmt
from lokalutveckling.imports.formats import BadValue, Names, Resolved
from lokalutveckling.store import Connection


@dataclass
class Koder:
    """The store's codes and names, read once per preview (and again when applying)."""

    namnder: Names
    finansiering: Names
    fokus: Names
    indikatorer: Names
    enhet: dict[str, str]
    omraden: Omraden
    beslut: dict[str, str]  # folded id -> id
    tilldelningar: dict[str, str]  # id -> finansiering_kod
    tilldelning_ids: dict[str, str]  # folded id -> id
    kallor: set[str]
    status: Names
    typ: Names


# Names that stand for a nämnd besides its own name and short name: its förvaltning or kontor.
NAMND_ALIAS: dict[str, tuple[str, ...]] = {
    "KS": ("Kommunstyrelsen", "Stadskontoret", "KSAU"),
    "TN": ("Fastighets- och gatukontoret", "Fastighets- och gatuförvaltningen"),
    "SBN": ("Stadsbyggnadskontoret",),
    "GRN-PI": ("Pedagogisk inspiration",),
}
STATUS_ALIAS: dict[str, tuple[str, ...]] = {
    "föreslagen": ("förslag", "föreslaget", "föreslagna"),
    "beviljad": ("beviljat", "beviljade", "beslutad", "beslutat"),
    "pågående": ("pågår", "påbörjad", "startad", "aktiv", "igång", "pagaende"),
    "avslutad": ("avslutat", "avslutade", "klar", "genomförd", "genomfört", "slutförd"),
    "avbruten": ("avbrutet", "avbrutna", "stoppad", "nedlagd"),
    "permanentad": ("permanentat", "permanent", "permanentade", "kommunbidragsväxlad"),
}
TYP_ALIAS: dict[str, tuple[str, ...]] = {
    "pilot": ("pilotprojekt", "försök", "försöksverksamhet"),
    "förstudie": ("studie", "utredning"),
    "utökning": ("utökad", "utökat", "utvidgning", "förstärkning"),
    "ny": ("ny insats", "nytt", "ny verksamhet"),
}
CITY_NAMES = ("Malmö", "Malmö stad", "Hela staden", "Hela Malmö", "Staden")


class Omraden:
    """Områden by code or name: the city (0), the 14 statistikområden by full name or any part of it
    ('Lindängen' for 'Lindängen, Almvik m fl'), and the delområden, each inside a statistikområde."""

    def __init__(self, rows: Sequence[Mapping[str, object]]):
        self.rows = {str(r["kod"]): r for r in rows}
        main = {k: str(r["namn"]) for k, r in self.rows.items() if r["niva"] in ("kommun", "statistikomrade")}
        full = {k: [n, *(CITY_NAMES if k == "0" else ())] for k, n in main.items()}
        parts = {k: [p for p in re.split(r",", n) if p.strip()] for k, n in main.items() if k != "0"}
        self.main = Names("område", main, [full, parts], "ange kod 1–14 eller namn, t.ex. 12 eller Lindängen")
        delar = {k: str(r["namn"]) for k, r in self.rows.items() if r["niva"] == "delomrade"}
        self.delar = Names("delområde", delar, [{k: [n] for k, n in delar.items()}], "")

    def parent(self, kod: str) -> str:
        return str(self.rows[kod]["overordnad_kod"])

    def label(self, kod: str) -> str:
        return self.main.label(kod)

    def resolve(self, value: object, *, city: bool, delomraden: bool, what: str, whole_names: bool = False) -> Resolved:
        """A statistikområde (or 0 when `city`); a delområde counts to its statistikområde only when
        `delomraden`, and the answer says so. With `whole_names` (values that differ between a
        delområde and its statistikområde, such as indicators) a name that is both part of a
        statistikområde's name and a delområde's ('Lindängen') is refused: the value may be the
        delområde's."""
        text = fmt.cell_text(value)
        found = self.main.find(text)
        if found is not None:
            if found.kod == "0" and not city:
                raise BadValue(f"hela staden är inget område här; {what} anges per statistikområde 1–14")
            if whole_names and found.how is not None and found.kod != "0":
                part = self.delar.find(text)
                if part is not None and self.parent(part.kod) == found.kod:
                    delname = self.delar.codes[part.kod].title()
                    raise BadValue(
                        f"{text!r} är namnet på delområdet {delname} ({part.kod}), som ligger i statistikområde "
                        f"{self.label(found.kod)}; {what} anges per statistikområde: skriv koden {found.kod} "
                        f"eller hela namnet {self.main.codes[found.kod]!r} om värdet gäller hela statistikområdet"
                    )
            return found
        part = self.delar.find(text)
        if part is None:
            raise BadValue(f"okänt område; {self.main.example}")
        parent = self.parent(part.kod)
        delname = self.delar.codes[part.kod].title()
        if not delomraden:
            raise BadValue(
                f"{delname} ({part.kod}) är ett delområde i statistikområde {self.label(parent)}; "
                f"{what} anges per statistikområde 1–14{' eller för hela staden (0)' if city else ''}"
            )
        return Resolved(
            parent,
            f"{text!r} är delområdet {delname} ({part.kod}) och räknas till statistikområde {self.label(parent)}",
        )


def koder(cur: Connection) -> Koder:
    by: dict[str, list[dict[str, object]]] = {}
    for row in store.run_rows(cur, "import/koder"):
        by.setdefault(str(row["slag"]), []).append(row)

    def named(slag: str, what: str, example: str, extra: Mapping[str, Sequence[str]] | None = None) -> Names:
        rows = by.get(slag, [])
        codes = {str(r["kod"]): str(r["namn"] or r["kod"]) for r in rows}
        tier1 = {str(r["kod"]): [str(r["namn"] or ""), str(r["kod"])] for r in rows}
        tier2: dict[str, list[str]] = {}
        for r in rows:
            names = [str(v) for v in (r["kortnamn"], r["namn_en"]) if v]
            names += list((extra or {}).get(str(r["kod"]), ()))
            namn = str(r["namn"] or "")
            if slag == "indikator":
                # 'Förvärvsfrekvens' for 'Förvärvsfrekvens 20–64 år', 'Trångboddhet' for 'Trångboddhet (norm 2)'.
                short = re.sub(r"\s*\(.*\)\s*$", "", namn)
                short = re.sub(r"\s+(\d+\s*[–-]\s*\d+\s*år|per .*)$", "", short)
                names.append(short)
            if slag == "namnd":
                # The förvaltning's name for the nämnd's: Fritidsförvaltningen, Fritidsnämnd.
                names += [re.sub(r"nämnden\b", "förvaltningen", namn), re.sub(r"nämnden\b", "nämnd", namn)]
            tier2[str(r["kod"])] = names
        return Names(what, codes, [tier1, tier2], example)

    known_namnder = ", ".join(str(r["kod"]) for r in by.get("namnd", []))
    tilldelningar = {str(r["kod"]): str(r["finansiering_kod"]) for r in by.get("tilldelning", [])}
    return Koder(
        namnder=named(
            "namnd",
            "nämnd",
            f"ange kod eller namn, t.ex. FRN eller Fritidsnämnden (koder: {known_namnder})",
            NAMND_ALIAS,
        ),
        finansiering=named(
            "finansiering",
            "finansieringskälla",
            "ange kod eller namn: " + ", ".join(str(r["kod"]) for r in by.get("finansiering", [])),
        ),
        fokus=named("fokus", "fokusområde", "ange boende, utbildning, arbetsmarknad, demokrati eller brottslighet"),
        indikatorer=named(
            "indikator",
            "indikator",
            "ange kod eller namn på en indikator i databasen, t.ex. forvarvsfrekvens eller Förvärvsfrekvens",
        ),
        enhet={str(r["kod"]): str(r["enhet"] or "") for r in by.get("indikator", [])},
        omraden=Omraden(by.get("omrade", [])),
        beslut={fmt.norm(r["kod"]): str(r["kod"]) for r in by.get("beslut", [])},
        tilldelningar=tilldelningar,
        tilldelning_ids={fmt.norm(k): k for k in tilldelningar},
        kallor={str(r["kod"]) for r in by.get("kalla", [])},
        status=Names("status", {s: s for s in domain.STATUSAR}, [STATUS_ALIAS], "ange " + ", ".join(domain.STATUSAR)),
        typ=Names("typ", {t: t for t in domain.TYPER}, [TYP_ALIAS], "ange " + ", ".join(domain.TYPER)),
    )
