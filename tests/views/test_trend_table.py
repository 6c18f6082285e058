"""Område's trend as a table a reader reads (views.omrade.trend_table): a row a year, the area and Malmö
side by side with the seeds' values, the documents behind them, headers in the language."""

from __future__ import annotations

import csv

from lokalutveckling import data
from lokalutveckling.paths import ROOT
from lokalutveckling.views import omrade


def _seed(indikator: str, area: str) -> dict[int, float]:
    with (ROOT / "data" / "seed" / "indikatorvarden.csv").open(encoding="utf-8") as f:
        return {
            int(r["ar"]): float(r["varde"])
            for r in csv.DictReader(f)
            if r["indikator_kod"] == indikator and r["omrade_kod"] == area and r["varde"]
        }


def test_the_trend_table_has_a_row_a_year_with_the_area_and_malmo(con):
    trend = data.omrade_indicator_trend("10", "trangboddhet", con)
    table = omrade.trend_table(trend, "Örtagården, Herrgården m fl", "sv")
    assert list(table.columns) == ["År", "Örtagården, Herrgården m fl", "Malmö", "Källdokument"]
    area, city = _seed("trangboddhet", "10"), _seed("trangboddhet", "0")
    assert table["År"].tolist() == sorted(area)
    assert dict(zip(table["År"], table["Örtagården, Herrgården m fl"], strict=True)) == area
    assert dict(zip(table["År"], table["Malmö"], strict=True)) == city
    assert set(table["Källdokument"]) == {"exempeldata"}
    english = omrade.trend_table(trend, "Örtagården, Herrgården m fl", "en")
    assert list(english.columns) == ["Year", "Örtagården, Herrgården m fl", "Malmö", "Source document"]
