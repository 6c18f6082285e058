"""The Kolada comparison on Område and Karta (issue 16, item 5): Malmö beside Stockholm and Göteborg and the
unweighted mean of the three, in the newest year all three have, in the indicator's unit (the mapping's
`faktor`: N07403 per 100 000 → per 1 000), with the KPI id, Kolada's title and the fetch date; before any fetch
a sentence that none is fetched yet. The fetches are saved as `stats refresh` saves them (statistik.save)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import data
from lokalutveckling.paths import ROOT
from lokalutveckling.sources import statistik
from lokalutveckling.sources.model import Hamtning, Varde
from lokalutveckling.store import recovery
from lokalutveckling.views import jamforelse
from tests.views.indicator_pages import captions, open_page, plain

NONE_YET = "Ingen jämförelse från Kolada är hämtad ännu."
MEAN = "Medel av de tre storstäderna, oviktat"
# Kolada's values as Kolada gives them, per KPI, municipality and year; 2024 only for Malmö, so 2023 is the
# newest year all three have.
VALUES = {
    "N07403": {  # anmälda våldsbrott per 100 000 invånare (mapping faktor 0.01, verifierad)
        "1280": {2022: 612.0, 2023: 598.0, 2024: 640.0},
        "0180": {2022: 530.0, 2023: 512.0},
        "1480": {2022: 470.0, 2023: 455.0},
    },
    "N07907": {  # trångbodda i flerbostadshus, andel (%) (no faktor, att bekräfta)
        "1280": {2022: 21.4, 2023: 21.9},
        "0180": {2022: 17.2, 2023: 17.5},
        "1480": {2022: 15.0, 2023: 15.3},
    },
}
TITLES = {"N07403": "Anmälda våldsbrott, antal/100 000 inv", "N07907": "Trångbodda i flerbostadshus, andel (%)"}


def mapping(kpi: str) -> dict[str, str]:
    with (ROOT / "data" / "seed" / "indikator_kallor.csv").open(encoding="utf-8") as f:
        return next(r for r in csv.DictReader(f) if r["roll"] == "jamforelse" and r["resurs"] == kpi)


def hamtning(kpi: str) -> Hamtning:
    rows = [
        Varde(
            niva="kommun",
            region_kod=kommun,
            variabel=kpi,
            variabel_namn=TITLES[kpi],
            period=str(ar),
            ar=ar,
            varde=varde,
            komplett=True,
            berakning="hämtad",
        )
        for kommun, years in VALUES[kpi].items()
        for ar, varde in years.items()
    ]
    return Hamtning(
        tjanst="kolada",
        url=f"http://127.0.0.1/v3/data/kpi/{kpi}/municipality/1280,0180,1480/year/2022,2023,2024",
        tabell_id=kpi,
        tabell_namn=TITLES[kpi],
        regel="Hämtat per kommun som det står i Kolada; totalen (kön T), inget räknas om.",
        attribution="Kolada (RKA), CC BY 4.0",
        varden=rows,
    )


@pytest.fixture()
def kolada_store(built_store: Path, copy_store, tmp_path: Path) -> Path:
    """A copy of the default store with the two KPIs fetched."""
    path = copy_store(built_store, tmp_path / "kolada.duckdb")
    con = recovery.open_store(path).con
    try:
        for kpi in VALUES:
            statistik.save(con, hamtning(kpi), anvandare="test")
    finally:
        con.close()
    return path


def _comparison(at: AppTest) -> pd.DataFrame:
    tables = [tb.value for tb in at.table if MEAN in tb.value.columns]
    assert len(tables) == 1, "no comparison table"
    out = tables[0].map(plain)
    out.index = [plain(i) for i in out.index]
    return out


def _headers(at: AppTest) -> list[str]:
    return [str(h.value) for h in at.subheader]


# The figures, on the store's rows ------------------------------------------------------------------


def test_no_comparison_before_a_fetch(con):
    df = jamforelse.comparisons(con)
    kpis = {
        r["resurs"] for r in csv.DictReader((ROOT / "data" / "seed" / "indikator_kallor.csv").open(encoding="utf-8"))
    } & set(df["kpi"])
    assert kpis == set(df["kpi"]) and len(df) > 0  # the mapping's KPIs, none fetched
    assert df["hamtad"].isna().all()


def test_the_factor_the_newest_shared_year_and_the_mean(kolada_store):
    con = recovery.open_store(kolada_store).con
    try:
        df = jamforelse.comparisons(con).set_index("kpi")
    finally:
        con.close()
    assert float(mapping("N07403")["faktor"]) == 0.01
    # The source as downloads, reports and slides carry it: plain text, not the caption's Markdown escapes.
    day = pd.Timestamp(df["hamtad"].dropna().max()).date().isoformat()
    fetched = df[df["hamtad"].notna()].reset_index()
    assert jamforelse.sources(fetched, "sv") == f"Kolada (RKA), CC BY 4.0, hämtad {day}"
    assert jamforelse.sources(fetched, "en") == f"Kolada (RKA), CC BY 4.0, fetched {day}"
    crime = df.loc["N07403"]
    assert crime["indikator_kod"] == "valdsbrott" and crime["ar"] == 2023  # 2024 is Malmö's only
    assert crime["kpi_titel"] == TITLES["N07403"]
    assert crime[["malmo", "stockholm", "goteborg"]].tolist() == pytest.approx([5.98, 5.12, 4.55])
    assert crime["medel"] == pytest.approx((598.0 + 512.0 + 455.0) / 3 * 0.01)
    crowding = df.loc["N07907"]
    assert crowding["malmo"] == pytest.approx(21.9) and crowding["sakerhet"] == "att bekräfta"
    shown = jamforelse.table(df.reset_index(), "sv").set_index("Nyckeltal")
    assert shown.loc["N07403", "Malmö"] == "5,98" and shown.loc["N07403", MEAN] == "5,22"
    assert shown.loc["N07403", "Enhet"] == "per 1 000 invånare"
    assert shown.loc["N07907", "Nyckeltalets koppling"] == "att bekräfta"
    assert shown.loc["N07403", "Nyckeltalets koppling"] == ""  # verifierad: nothing to say


# The pages before and after ----------------------------------------------------------------------------


def test_omrade_before_says_none_is_fetched_yet(db_file):
    at = open_page("omrade", omrade="10")
    assert "Jämförelse med Stockholm och Göteborg (Kolada)" in _headers(at)
    assert NONE_YET in captions(at)
    assert not [tb for tb in at.table if MEAN in tb.value.columns]
    assert "python -m" not in captions(at)  # no command on a reader page


def test_omrade_shows_the_three_cities_the_mean_and_the_factor(kolada_store, use_store):
    use_store(kolada_store)
    at = open_page("omrade", omrade="10")
    table = _comparison(at)
    crime = table.loc["Anmälda våldsbrott per 1 000 invånare"]
    assert crime["Nyckeltal"] == "N07403" and crime["Koladas titel"] == TITLES["N07403"]
    assert (crime["År"], crime["Malmö"], crime["Stockholm"], crime["Göteborg"], crime[MEAN]) == (
        "2023",
        "5,98",
        "5,12",
        "4,55",
        "5,22",
    )
    assert crime["Enhet"] == "per 1 000 invånare"
    crowding = table.loc["Trångboddhet (norm 2)"]
    assert (crowding["Malmö"], crowding["Nyckeltalets koppling"]) == ("21,9", "att bekräfta")
    assert len(table) == 2  # only the fetched KPIs
    fetched = data.statistik_hamtningar()["hamtad"].max()
    shown = captions(at)
    assert f"Källa: Kolada (RKA), CC BY 4.0, hämtad {pd.Timestamp(fetched).date().isoformat()}" in shown
    assert "medel av de tre storstäderna, oviktat" in shown
    assert NONE_YET not in shown


KARTA_VALDSBROTT = {
    "karta_farg": "Indikator",
    "karta_indikator": "Brottslighet: Anmälda våldsbrott per 1 000 invånare",
}


def test_karta_before_says_none_is_fetched_yet_and_nothing_for_the_teams(db_file):
    at = open_page("karta", **KARTA_VALDSBROTT)
    assert NONE_YET in captions(at)
    teams = open_page("karta")
    assert "Jämförelse med Stockholm och Göteborg (Kolada)" not in _headers(teams)
    assert NONE_YET not in captions(teams)


def test_karta_shows_the_chosen_indicators_comparison_only(kolada_store, use_store):
    use_store(kolada_store)
    at = open_page("karta", **KARTA_VALDSBROTT)
    table = _comparison(at)
    assert list(table.index) == ["Anmälda våldsbrott per 1 000 invånare"]
    assert table.iloc[0][["Malmö", "Stockholm", "Göteborg", MEAN]].tolist() == ["5,98", "5,12", "4,55", "5,22"]
    kronor = open_page("karta", karta_farg="Insatsernas kronor")
    assert "Jämförelse med Stockholm och Göteborg (Kolada)" not in _headers(kronor)
