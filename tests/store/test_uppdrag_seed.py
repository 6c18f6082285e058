"""Uppdrag and återrapporteringskrav from the decision documents: every quote on its cited line, the
mandates the documents give with who gave them, who holds them and where they were reported back, the
stage (förslag or beslut) kept, and checks that stop a bad seed naming file, row, column and value."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from lokalutveckling import data, store
from lokalutveckling.paths import SHARED_DIR

SEEDS = SHARED_DIR / "seeds"
DAY = date(2026, 12, 1)


def line(kalla: str, rad: int) -> str:
    return (SEEDS / kalla).read_text(encoding="utf-8").splitlines()[rad - 1]


def as_written(quote: str) -> str:
    """The part of a quote that must stand in the document as written: up to an ellipsis where it is cut."""
    return quote.split(" …")[0].split("…")[0].strip()


def test_every_quote_stands_on_its_cited_line(con):
    u = data.uppdrag(DAY, con)
    for _, r in u.iterrows():
        assert as_written(r["citat"]) in line(r["kalla"], int(r["dokument_rad"])), r["uppdrag_id"]
        if r["aterrapport_text"] is not None and r["aterrapport_kalla"] is not None:
            assert as_written(r["aterrapport_text"]) in line(r["aterrapport_kalla"], int(r["aterrapport_rad"]))
    k = data.aterrapporteringskrav(DAY, con)
    for _, r in k.iterrows():
        assert as_written(r["citat"]) in line(r["kalla"], int(r["dokument_rad"])), r["krav_id"]
        assert as_written(r["aterbetalning_citat"]) in line(r["kalla"], int(r["aterbetalning_rad"])), r["krav_id"]


def test_the_mandates_the_documents_give(con):
    u = data.uppdrag(DAY, con).set_index("uppdrag_id")
    assert len(u) == 12
    struktur = u.loc["U-2020-KS247-STRUKTUR"]
    assert (struktur["arende"], struktur["givare_organ"], struktur["givet_paragraf"]) == ("STK-2020-773", "KS", "§ 247")
    assert struktur["givet_datum"].date() == date(2020, 6, 17)
    assert struktur["status"] == "återrapporterat"
    # Reported back in KSAU 2024-09-09 § 414 point 11: a proposal to KS, never shown as KS's decision.
    assert (struktur["aterrapport_organ"], struktur["aterrapport_paragraf"], struktur["aterrapport_punkt"]) == (
        "KSAU",
        "§ 414",
        11,
    )
    assert struktur["aterrapport_stadium"] == "förslag"
    assert "STK-2021-623" in struktur["anmarkning"]  # the other ärende number the 2022 paper gives, shown
    budget_2019 = u.loc["U-2019-KF-TRYGGHET"]
    assert (budget_2019["arende"], budget_2019["aterrapport_punkt"]) == ("STK-2019-95", 9)
    assert u.loc["U-2023-KF-OMRADESLYFT", "aterrapport_punkt"] == 1
    delmos = u.loc["U-2020-KSAU311-DELMOS"]
    assert delmos["senast"].date() == date(2020, 5, 15) and delmos["givet_stadium"] == "beslut"
    assert bool(delmos["oppet"]) and bool(delmos["forfallet"])  # nothing in the sources says it was done
    frn = u.loc["U-2024-FRN-SAMORDNA"]
    assert (frn["mottagare_namnd_kod"], frn["givet_punkt"], frn["givet_stadium"]) == ("FRN", 2, "förslag")
    assert frn["tid_i_kallan"] == "inleda arbetet under hösten 2024" and pd.isna(frn["senast"])
    for uid, punkt in (("U-2024-KS-AGARDIREKTIV", 6), ("U-2024-KS-OMRADEN", 7), ("U-2024-KS-KRAFTSAMLING", 8)):
        assert (u.loc[uid, "mottagare"], u.loc[uid, "givet_punkt"], u.loc[uid, "givet_stadium"]) == (
            "Kommunstyrelsen",
            punkt,
            "förslag",
        )
    # The KSAU proposal of 2020 was sent back by KS (§ 200): closed, never a given mandate.
    assert u.loc["U-2020-KSAU311-SAMORDNA", "status"] == "avslutat"
    assert "återremitterade" in u.loc["U-2020-KSAU311-SAMORDNA", "anmarkning"]


def test_open_and_overdue_follow_the_day(con):
    before = data.uppdrag(date(2020, 5, 14), con).set_index("uppdrag_id")
    assert not bool(before.loc["U-2020-KSAU311-DELMOS", "forfallet"])
    after = data.uppdrag(DAY, con)
    assert set(after.loc[after["forfallet"], "uppdrag_id"]) == {"U-2020-KSAU311-DELMOS"}
    assert set(after.loc[after["oppet"], "status"]) == {"givet"}


def test_reporting_duty_for_the_socialstyrelsen_grant(con):
    k = data.aterrapporteringskrav(DAY, con).set_index("krav_id")
    sos = k.loc["R-2022-SOS"]
    assert (sos["finansiering_kod"], sos["ar"], sos["rapportor"], sos["mottagare"]) == (
        "sos_statsbidrag",
        2022,
        "Stadskontoret",
        "Socialstyrelsen",
    )
    assert (sos["kalla"], sos["dokument_rad"], sos["aterbetalning_rad"]) == ("002_653f0594ef9bb87d.txt", 118, 152)
    assert bool(sos["aterbetalning"]) and bool(sos["engangs"])
    assert pd.isna(sos["senast"])  # no date in the source: an editor sets it
    assert bool(sos["oppet"]) and not bool(sos["forfallet"])  # open, but without a date never overdue
    assert sos["beslut_stadium"] == "förslag"  # the 2022 paper is stadskontoret's proposal
    assert set(k["finansiering_kod"]) == {"sos_statsbidrag", "ks_anslag"}


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path.name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("uppdrag.csv", ',givet,,,,,,,,,"KSAU:s beslut', ',klar,,,,,,,,,"KSAU:s beslut', "kolumn status"),
        ("uppdrag.csv", "2020-05-15,senast", "15 maj 2020,senast", "kolumn senast"),
        ("uppdrag.csv", "B2020-KS247,", "B2020-KS999,", "okänd kod, finns inte i beslut.csv"),
        ("uppdrag.csv", "Fritidsnämnden,FRN,", "Fritidsnämnden,FRNX,", "okänd kod, finns inte i namnder.csv"),
        ("aterrapporteringskrav.csv", "R-2022-KS-NAMND,ks_anslag", "R-2022-SOS,ks_anslag", "ska vara unik"),
        ("aterrapporteringskrav.csv", ",152,ej påbörjad,", ",152,skickad,", "kolumn status"),
        ("aterrapporteringskrav.csv", ",118,,true,", ",118,,kanske,", "kolumn aterbetalning"),
    ],
)
def test_bad_uppdrag_seed_stops_the_build_naming_file_row_and_column(seed_copy, file, old, new, expected):
    _replace_in(seed_copy / file, old, new)
    with pytest.raises(store.SeedError) as info:
        store.build(store.connect(None), seed_copy)
    assert any(file in p and expected in p for p in info.value.problems), info.value.problems
