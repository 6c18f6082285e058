"""Datakvalitet's coverage of the indicators (issue 16, item 4): per indicator, place (the 14 statistikområden
and Malmö as a whole) and year, official, exempeldata or missing; the exempeldata share in words and figures,
and the floor it falls to by the declared mapping (indicators whose area values have no official source: a
survey or none); the heatmap of official places per indicator and year; one indicator's area × year matrix.
Values are made official as `stats refresh` writes them (refresh.apply: a kallor row and kalla 'ckan:…'
through the unit of work)."""

from __future__ import annotations

import base64
import csv

import numpy as np
from streamlit.testing.v1 import AppTest

from lokalutveckling import figures
from lokalutveckling.format import fmt_int
from lokalutveckling.paths import ROOT
from lokalutveckling.store import recovery, unit_of_work
from lokalutveckling.views import tackning
from tests.charts import charts
from tests.views.indicator_pages import ADMIN, make_official, open_page, texts

PLACES = 15  # the 14 statistikområden and Malmö as a whole
SEED = ROOT / "data" / "seed"


def _rows(name: str) -> list[dict[str, str]]:
    with (SEED / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def seed_values() -> list[dict[str, str]]:
    return [r for r in _rows("indikatorvarden") if r["varde"]]


def without_official_source() -> set[str]:
    """Indicators whose area values have no official source by the mapping (roll omrade: enkat or saknas)."""
    official = {
        r["indikator_kod"]
        for r in _rows("indikator_kallor")
        if r["roll"] == "omrade" and r["tjanst"] not in ("enkat", "saknas")
    }
    return {r["indikator_kod"] for r in _rows("indikatorer")} - official


def latest_year(indikator: str) -> int:
    return max(int(r["ar"]) for r in seed_values() if r["indikator_kod"] == indikator)


def z_of(trace: dict) -> np.ndarray:
    """A heatmap's z as the browser gets it: a list of lists, or Plotly's typed array (dtype, bdata, shape)."""
    z = trace["z"]
    if isinstance(z, dict):
        flat = np.frombuffer(base64.b64decode(z["bdata"]), dtype=z["dtype"])
        return flat.reshape([int(n) for n in str(z["shape"]).split(",")])
    return np.array(z, dtype=float)


def heatmap_cell(fig, indikator_namn: str, ar: int) -> float:
    heat = fig.data[0]
    return heat.z[list(heat.y).index(indikator_namn)][list(heat.x).index(str(ar))]


# The figures, on the store's rows ------------------------------------------------------------------


def test_the_seed_store_is_all_exempeldata_and_the_floor_comes_from_the_mapping(con):
    df = tackning.frame(con)
    c = tackning.totals(df)
    values = seed_values()
    floor = sum(1 for r in values if r["indikator_kod"] in without_official_source())
    assert (c.n_values, c.n_exempel, c.n_official, c.n_missing) == (len(values), len(values), 0, 0)
    assert c.places == PLACES and c.exempel_pct == 100 and c.kind == "exempel"
    assert c.n_floor == floor > 0
    # trivsel and otrygghet (enkät), valdeltagande (saknas) are in the floor; trångboddhet (ckan) is not.
    assert {"trivsel_omrade", "otrygghet", "valdeltagande"} <= without_official_source()
    assert "trangboddhet" not in without_official_source()
    n = fmt_int(len(values))
    assert tackning.share_text(c, "sv").startswith(f"{n} av {n} indikatorvärden (100\u00a0%) är exempeldata; 0 är")
    assert tackning.floor_text(c, "sv").startswith(f"{fmt_int(floor)} av exempeldatavärdena (")
    counts = tackning.per_indicator_year(df, "sv")
    fig = figures.coverage_heatmap(counts, places=c.places, lang="sv")
    z = [v for line in fig.data[0].z for v in line if v == v]  # the measured cells
    assert len(z) == len(counts) and set(z) == {0}
    assert (fig.data[0].zmin, fig.data[0].zmax) == (0, PLACES)
    assert set(counts["n_exempel"]) == {PLACES}


def test_official_values_count_in_the_share_the_heatmap_and_the_matrix(rw_con):
    before = tackning.totals(tackning.frame(rw_con))
    year = latest_year("trangboddhet")
    n_trang = make_official(rw_con, "trangboddhet", year=year, city=False).n  # the 14 areas, not Malmö
    n_folk = sum(make_official(rw_con, "folkmangd", year=y).n for y in (2020, 2021))
    df = tackning.frame(rw_con)
    c = tackning.totals(df)
    assert n_trang == 14 and n_folk == 2 * PLACES
    assert c.n_official == n_trang + n_folk and c.n_exempel == before.n_exempel - c.n_official
    assert c.n_floor == before.n_floor  # what has an official source does not lower the floor
    assert c.kind == "mixed_statistik"
    share = tackning.share_text(c, "sv")
    assert share.startswith(f"{fmt_int(c.n_exempel)} av {fmt_int(c.n_values)} indikatorvärden (")
    assert f"; {n_trang + n_folk} är officiell statistik" in share
    counts = tackning.per_indicator_year(df, "sv")
    fig = figures.coverage_heatmap(counts, places=PLACES, lang="sv")
    assert heatmap_cell(fig, "Trångboddhet (norm 2)", year) == 14
    assert heatmap_cell(fig, "Trångboddhet (norm 2)", year - 1) == 0
    assert heatmap_cell(fig, "Folkmängd", 2021) == PLACES
    hover = fig.data[0].customdata[list(fig.data[0].y).index("Trångboddhet (norm 2)")][
        list(fig.data[0].x).index(str(year))
    ]
    assert "Officiella: 14 av 15" in hover and "Exempeldata: 1" in hover and "Saknas: 0" in hover
    matrix = tackning.area_year_matrix(df, "trangboddhet", "sv").set_index("Område")
    assert matrix.loc["Malmö stad", str(year)] == "Exempeldata"
    assert matrix.loc["Örtagården, Herrgården m fl", str(year)] == "Officiell"
    assert matrix.loc["Örtagården, Herrgården m fl", str(year - 1)] == "Exempeldata"
    assert matrix.index[0] == "Malmö stad" and len(matrix) == PLACES


def test_a_missing_value_is_missing(rw_con):
    with unit_of_work.work(rw_con, ADMIN, "admin") as w:
        w.cur.execute("update indikatorvarden set varde = null where indikator_kod = 'otrygghet' and omrade_kod = '3'")
    df = tackning.frame(rw_con)
    c = tackning.totals(df)
    years = {r["ar"] for r in seed_values() if r["indikator_kod"] == "otrygghet" and r["omrade_kod"] == "3"}
    assert c.n_missing == len(years) > 0
    matrix = tackning.area_year_matrix(df, "otrygghet", "sv").set_index("Område")
    assert set(matrix.loc["Riseberga, Jägersro m fl"]) == {"Saknas"}


# The page ---------------------------------------------------------------------------------------------


def _open(**query: str) -> AppTest:
    return open_page("kvalitet", **query)


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_the_page_before_and_after_some_values_are_official(db_file, use_store, built_store, copy_store, tmp_path):
    at = _open()
    n = fmt_int(len(seed_values()))
    assert f"{n} av {n} indikatorvärden (100\u00a0%) är exempeldata" in texts(at)
    assert _metric(at, "Indikatorvärden som är exempeldata") == "100\u00a0%" and _metric(at, "Officiella värden") == "0"
    (chart,) = [c for c in charts(at) if c.key == "chart_indikator_tackning"]
    z = z_of(chart.spec["data"][0])
    assert set(z[~np.isnan(z)]) == {0}
    # The matrix of the first indicator, in words; the table of exempeldata shares stays.
    assert "Exempeldata" in set(next(tb.value for tb in at.table if "Område" in tb.value.index.name).iloc[0])
    shares = next(tb.value for tb in at.table if tb.value.index.name == "Tabell")
    assert "Andel" in shares.columns

    path = copy_store(built_store, tmp_path / "official.duckdb")
    con = recovery.open_store(path).con
    try:
        n_official = sum(make_official(con, "folkmangd", year=y).n for y in (2020, 2021))
    finally:
        con.close()
    use_store(path)
    after = _open(dq_tackning_indikator="Folkmängd")
    assert _metric(after, "Officiella värden") == str(n_official)
    assert f"; {n_official} är officiell statistik" in texts(after)
    (chart,) = [c for c in charts(after) if c.key == "chart_indikator_tackning"]
    heat = chart.spec["data"][0]
    assert z_of(heat)[heat["y"].index("Folkmängd")][heat["x"].index("2021")] == PLACES
    matrix = next(tb.value for tb in after.table if "Område" in tb.value.index.name)
    assert matrix.loc["Malmö stad", "2021"] == "Officiell" and matrix.loc["Malmö stad", "2019"] == "Exempeldata"
