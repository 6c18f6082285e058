"""What each indicator value is, on the pages that show them (issue 16): the provenance texts from the
store's own rows, and Område, Karta and Behov before and after some or all values are made official in a
copy of the store (written as `stats refresh` writes them: a kallor row of typ 'statistik' and the values'
kalla 'ckan:<resource id>', through the unit of work)."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import data, provenance
from lokalutveckling.paths import ROOT
from lokalutveckling.store import recovery
from lokalutveckling.views import behov, karta, omrade
from tests.views.indicator_pages import DAY, badges, captions, make_official, open_page, plain, resource_of

AREA = "10"  # Örtagården, Herrgården m fl
TRANGBODDHET = "Trångboddhet enligt norm 2, andel (%)"  # the mapping's resource (data/seed/indikator_kallor.csv)
SERVICE = "Malmö stads öppna data (CKAN)"


def _seed_values(indikator: str) -> list[dict[str, str]]:
    with (ROOT / "data" / "seed" / "indikatorvarden.csv").open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["indikator_kod"] == indikator and r["varde"]]


def _seed_indicators() -> list[str]:
    with (ROOT / "data" / "seed" / "indikatorer.csv").open(encoding="utf-8") as f:
        return [r["indikator_kod"] for r in csv.DictReader(f)]


def official_text(resurs: str, year: int, lang: str = "sv") -> str:
    if lang == "en":
        return f"Official: {SERVICE}: {resurs}, fetched {DAY.isoformat()}, reference year {year}"
    return f"Officiell: {SERVICE}: {resurs}, hämtad {DAY.isoformat()}, referensår {year}"


def _latest_year(indikator: str, area: str = AREA) -> int:
    return max(int(r["ar"]) for r in _seed_values(indikator) if r["omrade_kod"] == area)


# The provenance texts, on the store's rows ---------------------------------------------------------


def test_the_seed_values_are_exempeldata_and_a_document_or_official_source_counts_as_real(con):
    kallor = data.indicator_latest((), con)["kalla"]
    assert provenance.indicator_kind(kallor) == "exempel"
    document = next(k for k in data.kallor(con)["kalla_id"] if str(k).endswith(".txt"))
    assert provenance.indicator_kind([*kallor, document]) == "mixed"
    assert provenance.indicator_kind([document, "ckan:abc", None]) == "real"
    assert provenance.indicator_kind(["ckan:abc, exempeldata"]) == "mixed"
    assert [provenance.indicator_badge(k) for k in ("real", "mixed", "exempel")] == [
        "real_statistik",
        "mixed_statistik",
        "exempel",
    ]
    assert provenance.indicator_value_text("exempeldata", 2024) == "Exempeldata"
    assert provenance.indicator_value_text(None, 2024) == "–"


def test_an_official_source_is_named_by_service_resource_and_fetch_day(rw_con):
    kalla = make_official(rw_con, "trangboddhet").kalla
    row = data.kallor(rw_con).set_index("kalla_id").loc[kalla]
    assert row["typ"] == "statistik"
    named = provenance.document_name({"kalla_id": kalla, **row.to_dict()})
    assert named == f"{SERVICE}: {TRANGBODDHET}, hämtad 2026-12-02"
    names = provenance.document_names(data.kallor(rw_con))
    assert provenance.indicator_value_text(kalla, 2024, names) == official_text(TRANGBODDHET, 2024)
    assert provenance.indicator_value_text(kalla, 2024, provenance.document_names(data.kallor(rw_con), "en"), "en") == (
        official_text(TRANGBODDHET, 2024, "en")
    )
    # A value from a document names the document, with its year.
    document, name = next((k, v) for k, v in names.items() if k.endswith(".txt"))
    assert provenance.indicator_value_text(document, 2023, names) == f"{name}, referensår 2023"


def test_the_key_figures_say_per_value_what_it_is_and_both_when_malmo_differs(rw_con):
    make_official(rw_con, "trangboddhet", city=False)
    kalla = make_official(rw_con, "forvarvsfrekvens").kalla
    names = provenance.document_names(data.kallor(rw_con))
    figures = data.omrade_key_figures(AREA, rw_con)
    table = omrade.key_figures_table(figures, "sv", names).set_index("Indikator")
    source = table["Värdets källa"]
    name = dict(zip(figures["indikator_kod"], figures["namn_sv"], strict=True))
    assert source[name["forvarvsfrekvens"]] == official_text(resource_of("forvarvsfrekvens"), 2024)
    assert source[name["trangboddhet"]] == (
        f"Området: {official_text(TRANGBODDHET, _latest_year('trangboddhet'))}; Malmö: Exempeldata"
    )
    others = [n for k, n in name.items() if k not in ("forvarvsfrekvens", "trangboddhet")]
    assert set(source[others]) == {"Exempeldata"}
    kallor = omrade.key_figures_kallor(figures)
    assert provenance.indicator_kind(kallor) == "mixed"
    assert kalla in set(kallor)
    sources = provenance.indicator_sources(kallor, names)
    assert f"officiell statistik: {SERVICE}: {resource_of('forvarvsfrekvens')}, hämtad 2026-12-02" in sources
    # Every area value and city value shown counts; three are official (trångboddhet in the area,
    # förvärvsfrekvens in the area and in Malmö).
    n_shown = len(figures) + int(figures["stadens_varde"].notna().sum())
    assert sources.endswith(f"exempeldata ({n_shown - 3} värden)")


def test_the_trend_table_names_the_sources_per_year(rw_con):
    make_official(rw_con, "trangboddhet")
    names = provenance.document_names(data.kallor(rw_con))
    trend = data.omrade_indicator_trend(AREA, "trangboddhet", rw_con)
    table = omrade.trend_table(trend, "Örtagården", "sv", names)
    assert set(table["Källdokument"]) == {f"{SERVICE}: {TRANGBODDHET}, hämtad 2026-12-02"}


# The pages before and after ------------------------------------------------------------------------


@pytest.fixture()
def official_store(built_store: Path, copy_store, tmp_path: Path) -> Callable[..., Path]:
    """`official_store(*indicators)`: a copy of the default store with these indicators made official."""

    def build(*indicators: str) -> Path:
        path = copy_store(built_store, tmp_path / "official.duckdb")
        connection = recovery.open_store(path).con
        try:
            for indikator in indicators:
                make_official(connection, indikator)
        finally:
            connection.close()
        return path

    return build


def _table(at: AppTest, column: str) -> pd.DataFrame:
    """The first table with `column`, its row labels as a reader reads them."""
    table = next(t.value for t in at.table if column in t.value.columns).copy()
    table.index = [plain(i) for i in table.index]
    return table


def test_omrade_before_says_exempeldata_everywhere(db_file):
    at = open_page("omrade", omrade=AREA)
    assert badges(at)[0] == "Exempeldata"  # the key figures
    assert "Officiell statistik" not in " ".join(badges(at))
    key = _table(at, "Värdets källa")
    assert len(key) == len(data.omrade_key_figures(AREA))
    assert set(key["Värdets källa"]) == {"Exempeldata"}
    assert "Källa: exempeldata (" in captions(at)


def test_omrade_after_some_official_values_shows_the_mixed_badge_and_each_source(official_store, use_store):
    use_store(official_store("trangboddhet"))
    at = open_page("omrade", omrade=AREA)
    assert badges(at)[0] == "Officiell statistik och exempeldata"
    key = _table(at, "Värdets källa")
    figures = data.omrade_key_figures(AREA)
    names = dict(zip(figures["indikator_kod"], figures["namn_sv"], strict=True))
    year = _latest_year("trangboddhet")
    assert plain(key.loc[names["trangboddhet"], "Värdets källa"]) == official_text(TRANGBODDHET, year)
    assert set(key.drop(index=names["trangboddhet"])["Värdets källa"]) == {"Exempeldata"}
    assert f"officiell statistik: {SERVICE}: {TRANGBODDHET}, hämtad 2026-12-02" in captions(at)
    # The similar areas use trångboddhet by default: mixed too.
    assert "Indikatorvärdena: officiell statistik: " in captions(at)


def test_omrade_with_every_value_official_shows_the_official_badge(official_store, use_store):
    indicators = _seed_indicators()
    use_store(official_store(*indicators))
    at = open_page("omrade", omrade=AREA)
    assert badges(at)[0] == "Officiell statistik"
    key = _table(at, "Värdets källa")
    assert len(key) == len(indicators)
    assert all(plain(v).startswith(f"Officiell: {SERVICE}: ") for v in key["Värdets källa"])
    caption = next(c for c in captions(at).split("\n") if c.startswith("Varje indikators senaste år för området"))
    assert "Källa: officiell statistik: " in caption
    assert "exempeldata" not in caption


def test_karta_badges_what_it_colours_before_and_after(official_store, use_store, db_file):
    query = {"karta_farg": "indicator", "karta_indikator": "trangboddhet"}
    before = open_page("karta", **query)
    assert badges(before)[0] == "Exempeldata"
    assert set(_table(before, "Värdets källa")["Värdets källa"]) == {"Exempeldata"}

    use_store(official_store("trangboddhet"))
    after = open_page("karta", **query)
    assert badges(after)[0] == "Officiell statistik"
    year = max(int(r["ar"]) for r in _seed_values("trangboddhet"))
    sources = _table(after, "Värdets källa")["Värdets källa"]
    assert len(sources) == 14
    assert {plain(v) for v in sources} == {official_text(TRANGBODDHET, year)}
    english = open_page("karta", **query, lang="EN")
    assert badges(english)[0] == "Official statistics"
    assert {plain(v) for v in _table(english, "Source of the value")["Source of the value"]} == {
        official_text(TRANGBODDHET, year, "en")
    }
    # Coloured by the områdesteam the map is exempeldata, as before; the table has no value column then.
    team = open_page("karta")
    assert badges(team)[0] == "Exempeldata"
    assert not any("Värdets källa" in t.value.columns for t in team.table)


def test_karta_colour_kind_and_the_recorded_map_with_the_kraftsamling_outlines():
    layer = karta.maps.IndicatorLayer(
        values=pd.DataFrame({"omrade_kod": ["1", "2"], "varde": [1.0, None], "kalla": ["ckan:x", "exempeldata"]}),
        name="Trångboddhet",
        unit="procent",
        year=2024,
        higher_is_better=False,
        city_value=None,
        indikator_kod="trangboddhet",
    )
    assert karta.colour_kind(layer, "sv") == "real_statistik"  # the area without a value colours nothing
    assert karta.colour_kind(None, "sv") == "exempel"
    assert karta.colour_kind(dataclasses.replace(layer, indikator_kod=None), "sv") == "exempel"  # the kronor
    assert karta._map_kind(layer, ["kraft"], "sv") == "mixed_statistik"
    assert karta._map_kind(layer, [], "sv") == "real_statistik"


def test_behov_counts_the_official_and_the_exempeldata_values(official_store, use_store):
    use_store(official_store("trangboddhet"))
    at = open_page("behov")
    chosen = [k for k in behov.NEED_DEFAULT if k in _seed_indicators()]
    latest = data.indicator_latest(tuple(chosen))
    n_official = int((latest["kalla"] == "ckan:res-trangboddhet").sum())
    n_exempel = int((latest["kalla"] == "exempeldata").sum())
    assert n_official == 14
    assert (
        f"Indikatorvärdena: {n_official} officiella (källor: {SERVICE}: {TRANGBODDHET}, hämtad 2026-12-02), "
        f"{n_exempel} exempeldata."
    ) in captions(at)


def test_an_insats_says_what_the_indicator_values_of_its_areas_are(official_store, use_store, db_file):
    """Insatser: the indicators of an insats' fokusområden in its areas, each row with its values' source."""
    before = open_page("insatser", insats="INS-002")  # Jobbspår unga vuxna: arbetsmarknad, in its areas
    table = _table(before, "Värdets källa")
    assert len(table) and set(table["Värdets källa"]) == {"Exempeldata"}
    assert "Exempeldata" in badges(before)
    use_store(official_store("forvarvsfrekvens"))
    after = open_page("insatser", insats="INS-002")
    table = _table(after, "Värdets källa")
    rows = table[[str(i).startswith("Förvärvsfrekvens") for i in table.index]]
    resurs = resource_of("forvarvsfrekvens")
    year = _latest_year("forvarvsfrekvens")
    assert len(rows) and set(rows["Värdets källa"].map(plain)) == {official_text(resurs, year)}
    others = table.drop(index=rows.index)
    assert len(others) and set(others["Värdets källa"]) == {"Exempeldata"}
    assert "Officiell statistik och exempeldata" in badges(after)
