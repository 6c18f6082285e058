"""Deterministic generator of the default data's exempeldata.

The source documents give the allocations per nämnd but not the individual insatser (Bilaga 1 and 2
are not included), nor area indicators, områdesteam dates or kraftsamlande areas. This module writes
plausible stand-ins for those, every row marked `exempeldata`, so that the product can be shown
before real data is imported. Amounts per nämnd and källa add up exactly to the real allocations
in `data/seed/tilldelningar.csv`. Each insats also gets a status history consistent with its status
and dates (proposed and granted on the dates of the decision behind its money), and each exempeldata
insats that has started gets one to three follow-ups up to `STAND`; some running insatser are left
without a follow-up in their last year on purpose, so that the register's flags have something to
show. Run `python -m lokalutveckling exempeldata generate` to rewrite the CSVs; the same seed always gives the
same files.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from lokalutveckling.domain import SLUT_STATUSAR
from lokalutveckling.paths import SEED_DIR

SEED = 2022
EX = "exempeldata"
# The exempeldata's follow-ups and proposals run up to this date (fixed, so that the files never change).
STAND = date(2026, 10, 31)
GESO = [str(k) for k in range(1, 15)]
# Exempeldata weights: how much "need" each area shows in the generated indicators (0 = least).
NEED = {
    "1": 0.2,
    "2": 0.45,
    "3": 0.55,
    "4": 0.35,
    "5": 0.05,
    "6": 0.1,
    "7": 0.1,
    "8": 0.55,
    "9": 0.7,
    "10": 0.95,
    "11": 0.85,
    "12": 0.9,
    "13": 0.45,
    "14": 0.8,
}
POPULATION_2016 = {
    "1": 31000,
    "2": 24000,
    "3": 22000,
    "4": 21000,
    "5": 19000,
    "6": 23000,
    "7": 26000,
    "8": 25000,
    "9": 36000,
    "10": 27000,
    "11": 22000,
    "12": 21000,
    "13": 20000,
    "14": 25000,
}
YEARS = list(range(2016, 2025))


@dataclass(frozen=True)
class Template:
    """One plausible insats: name, description, primary and secondary fokus, typ, målgrupp, partners."""

    namn: str
    beskrivning: str
    fokus: str
    sekundar: tuple[str, ...]
    typ: str
    malgrupp: str
    partners: tuple[str, ...] = ()


# Partners: a nämnd code or an external organisation (prefixed "ext:").
TEMPLATES: dict[str, list[Template]] = {
    "ASN": [
        Template(
            "Jobbspår unga vuxna",
            "Individuellt stöd till arbete för unga vuxna 18–24 år utan sysselsättning.",
            "arbetsmarknad",
            ("utbildning",),
            "utökning",
            "unga 16–24",
            ("GYVN", "ext:Arbetsförmedlingen"),
        ),
        Template(
            "Familjecentral i samverkan",
            "Socialtjänst, förskola och hälsovård i samma lokal för familjer med små barn.",
            "boende",
            ("utbildning",),
            "pilot",
            "föräldrar",
            ("FSKN", "ext:Region Skåne"),
        ),
        Template(
            "Uppsökande fältarbete kvällstid",
            "Fältsekreterare som möter unga i riskmiljöer på kvällar och helger.",
            "brottslighet",
            (),
            "utökning",
            "unga 16–24",
            ("FRN",),
        ),
        Template(
            "Föräldraskapsstöd i bostadsområden",
            "Föräldragrupper på flera språk i samarbete med bostadsbolag.",
            "brottslighet",
            ("demokrati",),
            "ny",
            "föräldrar",
            ("ext:MKB Fastighets AB",),
        ),
        Template(
            "Sociala insatsgrupper",
            "Samordnade insatser för unga som riskerar att dras in i kriminalitet.",
            "brottslighet",
            (),
            "utökning",
            "unga 16–24",
            ("ext:Polisen",),
        ),
    ],
    "TN": [
        Template(
            "Trygghetsbelysning och stråk",
            "Belysning och röjning längs gång- och cykelstråk som upplevs otrygga.",
            "brottslighet",
            ("boende",),
            "ny",
            "alla boende",
            (),
        ),
        Template(
            "Medskapande parkutveckling",
            "Boende och föreningar utformar lekplatser och parker tillsammans med förvaltningen.",
            "demokrati",
            ("boende",),
            "pilot",
            "alla boende",
            ("FRN",),
        ),
        Template(
            "Sommarjobb i parkförvaltning",
            "Feriearbete för ungdomar i parkskötsel i det egna området.",
            "arbetsmarknad",
            (),
            "utökning",
            "unga 16–24",
            ("ASN",),
        ),
        Template(
            "Platssamverkan BID",
            "Fastighetsägare, näringsliv och staden samverkar om ett torg och dess omgivning.",
            "boende",
            ("brottslighet",),
            "pilot",
            "alla boende",
            ("ext:Fastighetsägare Syd",),
        ),
    ],
    "FRN": [
        Template(
            "Öppna idrottshallar helger",
            "Kostnadsfri spontanidrott med ledare fredag och lördag kväll.",
            "brottslighet",
            ("demokrati",),
            "utökning",
            "barn 6–15",
            ("ext:Idrottsföreningar",),
        ),
        Template(
            "Föreningsstöd i närområdet",
            "Stöd till föreningar som startar verksamhet i områden med få föreningar.",
            "demokrati",
            (),
            "ny",
            "alla boende",
            (),
        ),
        Template(
            "Fritidsbank och lovaktiviteter",
            "Lån av fritidsutrustning och gratis lovaktiviteter.",
            "demokrati",
            ("utbildning",),
            "utökning",
            "barn 6–15",
            (),
        ),
    ],
    "FSKN": [
        Template(
            "Uppsökande förskoleinskrivning",
            "Språkvänner informerar familjer om förskolans betydelse.",
            "utbildning",
            ("demokrati",),
            "pilot",
            "barn 0–5",
            ("ASN",),
        ),
    ],
    "FSN": [
        Template(
            "Stöd till unga med NPF i riskmiljö",
            "Samordnat stöd för unga med neuropsykiatriska funktionsnedsättningar.",
            "brottslighet",
            ("utbildning",),
            "ny",
            "personer med funktionsnedsättning",
            ("ASN", "GRN"),
        ),
        Template(
            "Daglig verksamhet i närmiljö",
            "Meningsfull sysselsättning nära hemmet för unga vuxna.",
            "arbetsmarknad",
            (),
            "utökning",
            "personer med funktionsnedsättning",
            (),
        ),
        Template(
            "Fritid för alla",
            "Anpassade fritidsaktiviteter tillsammans med föreningar.",
            "demokrati",
            ("brottslighet",),
            "pilot",
            "personer med funktionsnedsättning",
            ("FRN",),
        ),
    ],
    "GRN": [
        Template(
            "Läsfrämjande i lågstadiet",
            "Extra läsundervisning och skolbibliotekarier i årskurs 1–3.",
            "utbildning",
            (),
            "utökning",
            "barn 6–15",
            ("KN",),
        ),
        Template(
            "Lovskola årskurs 8–9",
            "Undervisning under lov för elever som riskerar att inte bli behöriga.",
            "utbildning",
            (),
            "utökning",
            "barn 6–15",
            (),
        ),
        Template(
            "Skolsociala team",
            "Kurator, skolsköterska och socialsekreterare i team kring elever med hög frånvaro.",
            "brottslighet",
            ("utbildning",),
            "pilot",
            "barn 6–15",
            ("ASN",),
        ),
        Template(
            "Föräldrasamverkan i skolan",
            "Brobyggare och studiecirklar för föräldrar om skolans system.",
            "utbildning",
            ("demokrati",),
            "ny",
            "föräldrar",
            (),
        ),
        Template(
            "Utökad skoldag med läxhjälp",
            "Läxhjälp och aktiviteter efter skoltid.",
            "utbildning",
            ("brottslighet",),
            "utökning",
            "barn 6–15",
            ("FRN", "ext:Studieförbund"),
        ),
    ],
    "GRN-PI": [
        Template(
            "Språkutvecklande arbetssätt",
            "Kompetensutveckling för lärare i språkutvecklande undervisning.",
            "utbildning",
            (),
            "utökning",
            "barn 6–15",
            (),
        ),
        Template(
            "Trygga skolvägar och rastverksamhet",
            "Vuxennärvaro på raster och skolvägar.",
            "brottslighet",
            ("utbildning",),
            "pilot",
            "barn 6–15",
            ("TN",),
        ),
        Template(
            "Mentorskap för elever",
            "Mentorer från näringsliv och högskola för elever i årskurs 7–9.",
            "utbildning",
            ("arbetsmarknad",),
            "ny",
            "barn 6–15",
            ("ext:Malmö universitet",),
        ),
    ],
    "GYVN": [
        Template(
            "Språkintroduktion med praktik",
            "Svenska kombinerat med arbetsplatsförlagt lärande.",
            "arbetsmarknad",
            ("utbildning",),
            "utökning",
            "unga 16–24",
            ("ASN",),
        ),
        Template(
            "Yrkesvux i bristyrken",
            "Yrkesutbildning för vuxna med svenska som andraspråk.",
            "arbetsmarknad",
            ("utbildning",),
            "utökning",
            "vuxna",
            (),
        ),
        Template(
            "Studiecoacher mot avhopp",
            "Coacher som följer elever med risk för studieavbrott.",
            "utbildning",
            (),
            "pilot",
            "unga 16–24",
            (),
        ),
    ],
    "HVON": [
        Template(
            "Hälsoskolor för nyanlända",
            "Hälsoinformation på modersmål i samarbete med civilsamhället.",
            "demokrati",
            (),
            "ny",
            "vuxna",
            ("ext:Civilsamhällesorganisationer",),
        ),
        Template(
            "Seniorvärdar i bostadsområden",
            "Äldre som fadderar och skapar mötesplatser.",
            "boende",
            ("demokrati",),
            "pilot",
            "äldre",
            ("ext:MKB Fastighets AB",),
        ),
    ],
    "KN": [
        Template(
            "Kulturskola i närområdet",
            "Kulturskolans kurser flyttas till skolor i områden med lågt deltagande.",
            "utbildning",
            ("demokrati",),
            "utökning",
            "barn 6–15",
            ("GRN",),
        ),
        Template(
            "Bibliotekens digitala stöd",
            "Hjälp med e-tjänster och digital delaktighet.",
            "demokrati",
            (),
            "utökning",
            "vuxna",
            (),
        ),
        Template(
            "Unga kulturarrangörer",
            "Unga planerar och genomför egna kulturevenemang.",
            "demokrati",
            ("brottslighet",),
            "pilot",
            "unga 16–24",
            ("FRN",),
        ),
    ],
    "MN": [
        Template(
            "Energirådgivning i hyresrätter",
            "Rådgivning till hushåll om energi och boendekostnader.",
            "boende",
            (),
            "pilot",
            "alla boende",
            ("ext:MKB Fastighets AB",),
        ),
        Template(
            "Stadsodling och gröna jobb",
            "Odlingslotter och arbetsträning i stadsodling.",
            "arbetsmarknad",
            ("boende",),
            "ny",
            "vuxna",
            ("ASN",),
        ),
    ],
    "SBN": [
        Template(
            "Medborgardialog i planeringen",
            "Tidig dialog med boende i översiktsplanering och detaljplaner.",
            "demokrati",
            ("boende",),
            "förstudie",
            "alla boende",
            (),
        ),
    ],
    "KS": [
        Template(
            "Kunskapsunderlag om segregation",
            "Uppföljning och analys av segregationens utveckling per område.",
            "boende",
            ("demokrati",),
            "förstudie",
            "alla boende",
            ("ext:Malmö universitet",),
        ),
        Template(
            "Samordning mot våldsbejakande miljöer",
            "Stadskontorets samordning med polis och förvaltningar.",
            "brottslighet",
            (),
            "utökning",
            "unga 16–24",
            ("ASN", "ext:Polisen"),
        ),
        Template(
            "Stöd till områdesteamens analysarbete",
            "Gemensamma lägesbilder för områdesteamen.",
            "demokrati",
            (),
            "pilot",
            "alla boende",
            ("FRN",),
        ),
        Template(
            "Trygghetsvandringar och medborgarlöften",
            "Medborgarlöften tillsammans med lokalpolisen.",
            "brottslighet",
            ("demokrati",),
            "utökning",
            "alla boende",
            ("ext:Polisen",),
        ),
    ],
}

LOKAL_UTVECKLING = [
    Template(
        "Områdesteam: utvecklingsledare",
        "Utvecklingsledare som leder områdesteamens arbete i de 14 områdena.",
        "demokrati",
        ("boende",),
        "ny",
        "alla boende",
        ("ASN", "GRN", "TN"),
    ),
    Template(
        "Lokala utvecklingsplaner",
        "En utvecklingsplan per område utifrån Agenda 2030, framtagen med boende.",
        "demokrati",
        ("boende",),
        "ny",
        "alla boende",
        ("SBN",),
    ),
    Template(
        "Mötesplatser i närområdet",
        "Öppna mötesplatser drivna tillsammans med föreningar.",
        "demokrati",
        ("brottslighet",),
        "utökning",
        "alla boende",
        ("KN", "ext:Civilsamhällesorganisationer"),
    ),
    Template(
        "Uppföljning lokal utveckling",
        "Gemensam uppföljning och lägesbild per område.",
        "boende",
        (),
        "ny",
        "alla boende",
        ("KS",),
    ),
    Template(
        "Unga i lokal utveckling",
        "Ungdomsråd per område som påverkar lokala prioriteringar.",
        "demokrati",
        ("utbildning",),
        "pilot",
        "unga 16–24",
        ("GRN",),
    ),
    Template(
        "Lokala jobbspår",
        "Arbetsmarknadsinsatser ihop med lokala arbetsgivare.",
        "arbetsmarknad",
        (),
        "utökning",
        "vuxna",
        ("ASN",),
    ),
]

PROPOSED = [
    Template(
        "Boendeskola för unga hyresgäster",
        "Kunskap om hyresavtal och boendeekonomi.",
        "boende",
        ("arbetsmarknad",),
        "pilot",
        "unga 16–24",
        ("ext:Hyresgästföreningen",),
    ),
    Template(
        "Sommarlovsentreprenörer",
        "Unga startar och driver egna sommarföretag.",
        "arbetsmarknad",
        ("utbildning",),
        "pilot",
        "unga 16–24",
        ("ext:Ung Företagsamhet",),
    ),
    Template(
        "Nattvandring med föreningar",
        "Stöd till föreningar som organiserar nattvandring.",
        "brottslighet",
        ("demokrati",),
        "utökning",
        "alla boende",
        ("ext:Civilsamhällesorganisationer",),
    ),
    Template(
        "Förskola på kvällstid",
        "Förstudie om förskola på obekväm arbetstid.",
        "utbildning",
        ("arbetsmarknad",),
        "förstudie",
        "barn 0–5",
        (),
    ),
]
PROPOSED_NAMNDER = ["FRN", "ASN", "FRN", "FSKN"]

# How many insatser each allocation is split into (exempeldata).
SPLITS = {"ASN": 3, "TN": 3, "GRN": 4, "GYVN": 3, "HVON": 2, "MN": 2, "KS": 3, "FSN": 3, "KN": 3, "GRN-PI": 2, "FRN": 2}

INDIKATORER = [
    # kod, namn_sv, namn_en, enhet, fokus, högre är bättre, baseline at no need, at full need, trend/år
    ("trangboddhet", "Trångboddhet (norm 2)", "Overcrowding (norm 2)", "procent", "boende", False, 6.0, 32.0, -0.2),
    (
        "trivsel_omrade",
        "Trivs i sitt bostadsområde",
        "Satisfied with own neighbourhood",
        "procent",
        "boende",
        True,
        88.0,
        62.0,
        0.2,
    ),
    (
        "behorighet_gymnasiet",
        "Behörighet till gymnasiets yrkesprogram",
        "Eligibility for upper secondary school",
        "procent",
        "utbildning",
        True,
        94.0,
        68.0,
        0.4,
    ),
    (
        "eftergymnasial",
        "Eftergymnasial utbildning 25–64 år",
        "Post-secondary education 25–64",
        "procent",
        "utbildning",
        True,
        62.0,
        28.0,
        0.5,
    ),
    (
        "forskola_inskrivna",
        "Inskrivna i förskola 1–5 år",
        "Enrolled in preschool age 1–5",
        "procent",
        "utbildning",
        True,
        93.0,
        76.0,
        0.6,
    ),
    (
        "forvarvsfrekvens",
        "Förvärvsfrekvens 20–64 år",
        "Employment rate 20–64",
        "procent",
        "arbetsmarknad",
        True,
        84.0,
        47.0,
        0.5,
    ),
    (
        "unga_uvas",
        "Unga 16–24 som varken arbetar eller studerar",
        "Young people 16–24 not in employment or education",
        "procent",
        "arbetsmarknad",
        False,
        4.0,
        14.0,
        -0.15,
    ),
    (
        "ekonomiskt_bistand",
        "Hushåll med ekonomiskt bistånd",
        "Households receiving social assistance",
        "procent",
        "arbetsmarknad",
        False,
        1.5,
        22.0,
        -0.4,
    ),
    (
        "valdeltagande",
        "Valdeltagande i kommunval",
        "Turnout in municipal elections",
        "procent",
        "demokrati",
        True,
        88.0,
        52.0,
        0.0,
    ),
    (
        "foreningsliv",
        "Deltar i föreningsliv",
        "Takes part in associations",
        "procent",
        "demokrati",
        True,
        58.0,
        31.0,
        0.1,
    ),
    (
        "valdsbrott",
        "Anmälda våldsbrott per 1 000 invånare",
        "Reported violent crimes per 1,000 inhabitants",
        "per 1 000 invånare",
        "brottslighet",
        False,
        6.0,
        21.0,
        -0.1,
    ),
    (
        "otrygghet",
        "Känner sig otrygg ute sent på kvällen",
        "Feels unsafe outdoors late in the evening",
        "procent",
        "brottslighet",
        False,
        18.0,
        49.0,
        -0.3,
    ),
]
ELECTION_YEARS = {2018, 2022}


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split `total` kronor into `parts` amounts, each a multiple of 10 000 kr, summing exactly."""
    parts = max(1, min(parts, total // 50_000))
    weights = [rng.uniform(0.6, 1.6) for _ in range(parts)]
    scale = sum(weights)
    amounts = [round(total * w / scale / 10_000) * 10_000 for w in weights[:-1]]
    amounts.append(total - sum(amounts))
    return amounts


def _areas(rng: random.Random, k: int) -> list[str]:
    """Pick k areas, weighted towards areas with high (exempeldata) need."""
    chosen: list[str] = []
    pool = list(GESO)
    while len(chosen) < k:
        pick = rng.choices(pool, weights=[0.2 + NEED[a] for a in pool])[0]
        chosen.append(pick)
        pool.remove(pick)
    return sorted(chosen, key=int)


def _read(seed_dir: Path, name: str) -> list[dict[str, str]]:
    with (seed_dir / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(seed_dir: Path, name: str, header: list[str], rows: list[list[object]]) -> None:
    with (seed_dir / name).open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)


def _status_2022(money: str, rng: random.Random) -> tuple[str, date | None]:
    """Status and end date for an insats financed in 2022 (one-off state money ends sooner)."""
    if money == "sos_statsbidrag":
        roll = rng.random()
        if roll < 0.7:
            return "avslutad", date(2023, 12, 31)
        if roll < 0.85:
            return "avbruten", date(2023, rng.randint(3, 9), 30)
        return "pågående", date(2023, 12, 31)  # past its end but still running: flagged later
    roll = rng.random()
    if roll < 0.45:
        return "pågående", None
    if roll < 0.65:
        return "avslutad", date(2024, 12, 31)
    if roll < 0.82:
        return "permanentad", date(2024, 12, 31)
    return "avbruten", date(2023, rng.randint(4, 11), 30)


def generate(seed_dir: Path = SEED_DIR, seed: int = SEED) -> dict[str, int]:
    """Write the exempeldata CSVs into `seed_dir`; return the number of rows per file."""
    rng = random.Random(seed)
    tilldelningar = _read(seed_dir, "tilldelningar.csv")
    insatser: list[list[object]] = []
    fokus_rows: list[list[object]] = []
    omrade_rows: list[list[object]] = []
    partner_rows: list[list[object]] = []
    used: dict[str, int] = {}

    def add(
        t: Template,
        namnd: str,
        money: str | None,
        tilldelning: str | None,
        belopp: int,
        start: date,
        slut: date | None,
        status: str,
        kalla: str = EX,
    ) -> None:
        insats_id = f"INS-{len(insatser) + 1:03d}"
        hela_staden = kalla != EX or rng.random() < 0.3
        insatser.append(
            [
                insats_id,
                t.namn,
                t.beskrivning,
                namnd,
                money,
                tilldelning,
                belopp,
                start.isoformat(),
                slut.isoformat() if slut else None,
                status,
                t.typ,
                t.malgrupp,
                str(hela_staden).lower(),
                kalla,
            ]
        )
        fokus_rows.append([insats_id, t.fokus, "true", kalla])
        fokus_rows.extend([insats_id, s, "false", kalla] for s in t.sekundar)
        if not hela_staden:
            omrade_rows.extend([insats_id, a, kalla] for a in _areas(rng, rng.randint(1, 4)))
        for p in t.partners:
            if p.startswith("ext:"):
                partner_rows.append([insats_id, "extern", None, p[4:], kalla])
            else:
                partner_rows.append([insats_id, "namnd", p, None, kalla])

    # The one insats the documents describe in full: the 2018 förstudie (real, not exempeldata).
    forstudie = Template(
        "Förstudie om segregation i Malmö",
        "Genomförd hösten 2018 (exakta datum anges inte i källan). Kartläggning av segregationen i Malmö, stadens insatser och former för sektorsövergripande "
        "arbete; resulterade i rapporten Segregation och segmentering i Malmö och tre förslag.",
        "boende",
        ("demokrati",),
        "förstudie",
        "alla boende",
        ("ext:Malmö universitet",),
    )

    for t in tilldelningar:
        namnd, money, belopp, ar = t["namnd_kod"], t["finansiering_kod"], int(t["belopp_kr"]), int(t["ar"])
        if money == "delmos":
            add(
                forstudie,
                namnd,
                money,
                t["tilldelning_id"],
                belopp,
                date(2018, 9, 1),
                date(2018, 12, 31),
                "avslutad",
                kalla="001_5e469c7492c39bb6.txt",
            )
            continue
        if ar >= 2024:
            parts = _split(belopp, 3 if ar == 2024 else 5, rng)
            pool = LOKAL_UTVECKLING
        else:
            parts = _split(belopp, SPLITS.get(namnd, 1), rng)
            pool = TEMPLATES[namnd]
        for amount in parts:
            i = used.get(pool[0].namn + str(ar), 0)
            used[pool[0].namn + str(ar)] = i + 1
            template = pool[i % len(pool)]
            if ar == 2022:
                start = date(2022, rng.randint(9, 12), 1)
                status, slut = _status_2022(money, rng)
            elif ar == 2024:
                start, slut, status = date(2024, rng.randint(10, 12), 1), None, "pågående"
            else:
                start, slut = date(2025, rng.randint(1, 4), 1), None
                status = "pågående" if rng.random() < 0.75 else "beviljad"
            add(template, namnd, money, t["tilldelning_id"], amount, start, slut, status)

    for t, namnd in zip(PROPOSED, PROPOSED_NAMNDER, strict=True):
        amount = rng.randint(20, 90) * 10_000
        add(t, namnd, None, None, amount, date(2027, 1, 1), date(2027, 12, 31), "föreslagen")

    _write(
        seed_dir,
        "insatser.csv",
        [
            "insats_id",
            "namn",
            "beskrivning",
            "namnd_kod",
            "finansiering_kod",
            "tilldelning_id",
            "belopp_kr",
            "startdatum",
            "slutdatum",
            "status",
            "typ",
            "malgrupp",
            "hela_staden",
            "kalla",
        ],
        insatser,
    )
    _write(seed_dir, "insats_fokusomraden.csv", ["insats_id", "fokus_kod", "primar", "kalla"], fokus_rows)
    _write(seed_dir, "insats_omraden.csv", ["insats_id", "omrade_kod", "kalla"], omrade_rows)
    _write(
        seed_dir, "insats_partner.csv", ["insats_id", "partner_typ", "namnd_kod", "partner_namn", "kalla"], partner_rows
    )

    # The age groups come from a generator of their own, so the rows above stay exactly as they were.
    indikator_rows, varde_rows = _indicators(rng, random.Random(seed + 2))
    _write(
        seed_dir,
        "indikatorer.csv",
        ["indikator_kod", "namn_sv", "namn_en", "enhet", "fokus_kod", "hogre_ar_battre", "ordning", "kalla"],
        indikator_rows,
    )
    _write(seed_dir, "indikatorvarden.csv", ["indikator_kod", "omrade_kod", "ar", "varde", "kalla"], varde_rows)

    team_start = {
        "10": date(2019, 1, 1),
        "11": date(2019, 1, 1),
        "12": date(2019, 9, 1),
        "14": date(2020, 9, 1),
        "9": date(2021, 3, 1),
        "3": date(2022, 1, 1),
        "8": date(2022, 9, 1),
        "13": date(2023, 1, 1),
        "2": date(2023, 9, 1),
        "4": date(2024, 10, 1),
        "1": date(2025, 1, 1),
    }
    team_rows = [[a, d.isoformat(), None, EX] for a, d in sorted(team_start.items(), key=lambda x: int(x[0]))]
    _write(seed_dir, "omradesteam.csv", ["omrade_kod", "startdatum", "slutdatum", "kalla"], team_rows)
    kraft_rows = [[a, "2025-01-01", None, EX] for a in ("10", "12", "14")]
    _write(seed_dir, "kraftsamling.csv", ["omrade_kod", "startdatum", "slutdatum", "kalla"], kraft_rows)

    # A generator of its own, so that the files above stay exactly as they were before these existed.
    later = random.Random(seed + 1)
    historik_rows = _statushistorik(insatser, tilldelningar, _read(seed_dir, "beslut.csv"), later)
    _write(
        seed_dir,
        "statushistorik.csv",
        [
            "insats_id",
            "datum",
            "fran_status",
            "till_status",
            "anledning",
            "mottagande_namnd_kod",
            "permanent_belopp_kr",
            "anvandare",
            "tid",
            "kalla",
        ],
        historik_rows,
    )
    uppfoljning_rows = _uppfoljningar(insatser, later)
    _write(
        seed_dir,
        "uppfoljningar.csv",
        ["uppfoljning_id", "insats_id", "datum", "vem", "vad", "rackvidd", "effekt", "underlag", "kalla"],
        uppfoljning_rows,
    )
    return {
        "insatser.csv": len(insatser),
        "insats_fokusomraden.csv": len(fokus_rows),
        "insats_omraden.csv": len(omrade_rows),
        "insats_partner.csv": len(partner_rows),
        "indikatorer.csv": len(indikator_rows),
        "indikatorvarden.csv": len(varde_rows),
        "omradesteam.csv": len(team_rows),
        "kraftsamling.csv": len(kraft_rows),
        "statushistorik.csv": len(historik_rows),
        "uppfoljningar.csv": len(uppfoljning_rows),
    }


# Columns of an insats row as `generate` builds it.
_ID, _NAMND, _BELOPP, _START, _SLUT, _STATUS, _KALLA, _TILLDELNING = 0, 3, 6, 7, 8, 9, 13, 5

AVBRUTEN_ANLEDNINGAR = [
    "Låg uppslutning trots förlängd rekrytering.",
    "Samverkanspartnern drog sig ur.",
    "Uppföljningen visade ingen effekt; medlen omfördelas.",
    "Lokalen kunde inte användas längre och ingen ersättning fanns.",
]
VEM = ["Utvecklingsledare, {n}", "Verksamhetsutvecklare, {n}", "Enhetschef, {n}", "Projektledare, {n}"]
VAD = [
    "Halvårsuppföljning: aktiviteterna genomförda enligt plan.",
    "Uppföljningsmöte med samverkanspartner om deltagande och genomförande.",
    "Årsrapport till nämnden om genomförda aktiviteter.",
    "Deltagarenkät och samtal med personal.",
    "Avstämning mot målen i projektplanen.",
]
UNDERLAG = {
    "ingen": "Deltagarstatistiken visar ingen förändring mot föregående period; få återkommande deltagare.",
    "oklar": "Underlaget räcker inte för att bedöma effekt ännu.",
    "viss": "Enkät till deltagare och personalens bedömning; tydligare resultat i en del av målgruppen.",
    "tydlig": "Jämförelse med utgångsläget i projektplanen; de flesta mål är uppfyllda.",
}


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _statushistorik(
    insatser: list[list[object]], tilldelningar: list[dict[str, str]], beslut: list[dict[str, str]], rng: random.Random
) -> list[list[object]]:
    """Each insats' moves föreslagen → beviljad → pågående → its status, dated by its decision and dates.

    Proposed and granted on the dates of the decision behind its money (the planned decision date where
    the decision is a proposal), started on its startdatum, ended on its slutdatum.
    """
    beslut_by_id = {b["beslut_id"]: b for b in beslut}
    beslut_of = {t["tilldelning_id"]: beslut_by_id[t["beslut_id"]] for t in tilldelningar}
    rows: list[list[object]] = []
    for r in insatser:
        insats_id, status, start = r[_ID], r[_STATUS], _day(r[_START])
        assert start is not None
        b = beslut_of.get(str(r[_TILLDELNING])) if r[_TILLDELNING] else None
        if b is None:
            proposed = decided = STAND - timedelta(days=rng.randint(30, 240))
        elif not b["datum"]:
            proposed, decided = start - timedelta(days=90), start - timedelta(days=30)
        else:
            proposed = date.fromisoformat(b["datum"])
            planned = _day(b["planerat_datum"])
            decided = planned or proposed + timedelta(days=rng.randint(14, 60))
        decided = min(decided, start)
        proposed = min(proposed, decided)

        # (date, from, to, reason, receiving nämnd, amount) for each move this insats has made.
        moves: list[tuple[date, str | None, str, object, object, object]] = [
            (proposed, None, "föreslagen", None, None, None)
        ]
        if status != "föreslagen":
            moves.append((decided, "föreslagen", "beviljad", None, None, None))
        if status not in ("föreslagen", "beviljad"):
            moves.append((start, "beviljad", "pågående", None, None, None))
        if status in SLUT_STATUSAR:
            end = _day(r[_SLUT])
            assert end is not None, insats_id
            if status == "avbruten":
                moves.append((end, "pågående", status, rng.choice(AVBRUTEN_ANLEDNINGAR), None, None))
            elif status == "permanentad":
                reason = "Kommunbidragsväxling till nämndens budget."
                moves.append((end, "pågående", status, reason, r[_NAMND], r[_BELOPP]))
            else:
                moves.append((end, "pågående", status, None, None, None))
        rows.extend(
            [insats_id, when.isoformat(), fran, till, why, namnd, belopp, None, None, EX]
            for when, fran, till, why, namnd, belopp in moves
        )
    return rows


def _effekt(status: str, last: bool, rng: random.Random) -> str:
    """An effect judgement that fits how the insats ended (the last follow-up) or is going."""
    if status == "avbruten":
        return "ingen" if last else "oklar"
    if status == "permanentad":
        return "tydlig" if last else rng.choice(["oklar", "viss"])
    if status == "avslutad":
        return rng.choice(["ingen", "oklar", "viss", "viss", "tydlig"])
    return rng.choice(["oklar", "oklar", "viss", "tydlig"])


def _uppfoljningar(insatser: list[list[object]], rng: random.Random) -> list[list[object]]:
    """One to three follow-ups per exempeldata insats that has started, dated up to `STAND`.

    A running insats has its latest follow-up in the year before `STAND`, except about a third that
    have nothing in their last 400–600 days (some nothing at all); granted insatser that never started
    have none: the register flags both.
    """
    rows: list[list[object]] = []
    for r in insatser:
        status, start = str(r[_STATUS]), _day(r[_START])
        assert start is not None
        if r[_KALLA] != EX or status in ("föreslagen", "beviljad") or start > STAND:
            continue  # the real förstudie gets no invented follow-up
        end = min(_day(r[_SLUT]) or STAND, STAND)
        stale = status == "pågående" and rng.random() < 0.3
        if stale:
            end = min(end, STAND - timedelta(days=rng.randint(400, 600)))
        first = start + timedelta(days=75)
        if end < first:
            continue
        dates = {first + timedelta(days=rng.randint(0, (end - first).days)) for _ in range(rng.randint(1, 3))}
        if status == "pågående" and not stale:
            # A running insats that is followed up has its latest follow-up within the last year.
            dates.add(max(first, STAND - timedelta(days=rng.randint(10, 250))))
        dates = sorted(dates)
        for k, when in enumerate(dates):
            effekt = _effekt(status, k == len(dates) - 1, rng)
            rows.append(
                [
                    f"UPP-{len(rows) + 1:04d}",
                    r[_ID],
                    when.isoformat(),
                    rng.choice(VEM).format(n=r[_NAMND]),
                    rng.choice(VAD),
                    None if rng.random() < 0.2 else rng.randint(12, 350),
                    effekt,
                    UNDERLAG[effekt],
                    EX,
                ]
            )
    return rows


def _indicators(rng: random.Random, age_rng: random.Random) -> tuple[list[list[object]], list[list[object]]]:
    """Indicator definitions and yearly values per area, with the city value (area 0).

    The population by age (`AGE_GROUPS`) comes last, drawn from `age_rng`, so that adding it left every
    earlier row as it was.
    """
    definitions: list[list[object]] = [["folkmangd", "Folkmängd", "Population", "antal", None, None, 0, EX]]
    values: list[list[object]] = []
    population: dict[tuple[str, int], int] = {}
    for area in GESO:
        growth = rng.uniform(0.004, 0.02)
        for i, year in enumerate(YEARS):
            population[(area, year)] = int(POPULATION_2016[area] * (1 + growth) ** i)
    for year in YEARS:
        for area in GESO:
            values.append(["folkmangd", area, year, population[(area, year)], EX])
        values.append(["folkmangd", "0", year, sum(population[(a, year)] for a in GESO), EX])

    for order, (kod, sv, en, enhet, fokus, higher, low, high, trend) in enumerate(INDIKATORER, start=1):
        definitions.append([kod, sv, en, enhet, fokus, str(higher).lower(), order, EX])
        for year in YEARS:
            if kod == "valdeltagande" and year not in ELECTION_YEARS:
                continue
            weighted, weight = 0.0, 0
            for area in GESO:
                base = low + (high - low) * NEED[area]
                value = base + trend * (year - 2016) + rng.gauss(0, abs(high - low) * 0.025)
                value = round(min(max(value, 0.0), 100.0 if enhet == "procent" else 1e9), 1)
                values.append([kod, area, year, value, EX])
                weighted += value * population[(area, year)]
                weight += population[(area, year)]
            values.append([kod, "0", year, round(weighted / weight, 1), EX])
    age_definitions, age_values = _age_groups(population, age_rng, first_order=len(definitions))
    return definitions + age_definitions, values + age_values


# The population by age (issue 16): code, namn_sv, namn_en, share of the population at no need, at full need.
# 20–64 has no share of its own: it takes what the others leave, so the five add up exactly to folkmangd.
AGE_GROUPS = [
    ("folkmangd_0_5", "Folkmängd 0–5 år", "Population aged 0–5", 0.060, 0.105),
    ("folkmangd_6_15", "Folkmängd 6–15 år", "Population aged 6–15", 0.095, 0.150),
    ("folkmangd_16_19", "Folkmängd 16–19 år", "Population aged 16–19", 0.036, 0.052),
    ("folkmangd_20_64", "Folkmängd 20–64 år", "Population aged 20–64", 0.0, 0.0),
    ("folkmangd_65", "Folkmängd 65 år och äldre", "Population aged 65 and over", 0.200, 0.095),
]
_REST = "folkmangd_20_64"


def _age_groups(
    population: dict[tuple[str, int], int], rng: random.Random, *, first_order: int
) -> tuple[list[list[object]], list[list[object]]]:
    """Folkmängd by age group per area and year (more children where NEED is high, fewer old), and Malmö as
    the sum of the areas; per area and year the groups add up exactly to the area's folkmangd."""
    definitions: list[list[object]] = [
        [kod, sv, en, "antal", None, None, first_order + i, EX] for i, (kod, sv, en, _, _) in enumerate(AGE_GROUPS)
    ]
    # Each area's own profile (a little off the need line) that drifts slowly over the years.
    offset = {(a, kod): rng.uniform(-0.08, 0.08) for a in GESO for kod, *_ in AGE_GROUPS}
    drift = {(a, kod): rng.uniform(-0.01, 0.01) for a in GESO for kod, *_ in AGE_GROUPS}
    counts: dict[tuple[str, int, str], int] = {}
    for area in GESO:
        for i, year in enumerate(YEARS):
            total = population[(area, year)]
            for kod, _, _, low, high in AGE_GROUPS:
                if kod != _REST:
                    share = (low + (high - low) * NEED[area]) * (1 + offset[(area, kod)] + drift[(area, kod)] * i)
                    counts[(area, year, kod)] = round(total * share)
            counts[(area, year, _REST)] = total - sum(counts[(area, year, k)] for k, *_ in AGE_GROUPS if k != _REST)
    values: list[list[object]] = []
    for kod, *_ in AGE_GROUPS:
        for year in YEARS:
            for area in GESO:
                values.append([kod, area, year, counts[(area, year, kod)], EX])
            values.append([kod, "0", year, sum(counts[(a, year, kod)] for a in GESO), EX])
    return definitions, values
