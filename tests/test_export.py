"""Downloads: CSV that Excel reads, and a workbook whose second sheet says what the figures are."""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd

from lokalutveckling import export


def test_csv_has_a_bom_and_the_rows_as_shown():
    frame = pd.DataFrame({"Nämnd": ["Förskola"], "Kronor": [4_400_000]})
    data = export.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["Nämnd,Kronor", "Förskola,4400000"]


def test_excel_holds_the_table_and_what_it_is():
    frame = pd.DataFrame(
        {
            "Insats": ["Läxhjälp <b>", "Mentorskap"],
            "Kronor": [480_000, 1_350_000],
            "Start": pd.to_datetime(["2022-09-01", "2022-10-01"]),
            "Områden": [["10", "12"], []],
        }
    )
    about = export.about_rows(
        "Insatser", "År: 2022", "exempeldata; 002_653f0594ef9bb87d.txt", when=datetime(2026, 11, 22, 14, 5)
    )
    workbook = pd.read_excel(io.BytesIO(export.excel_bytes(frame, about)), sheet_name=None)
    assert list(workbook) == ["Data", "Om uttaget"]
    data = workbook["Data"]
    assert data["Insats"].tolist() == ["Läxhjälp <b>", "Mentorskap"]
    assert data["Kronor"].tolist() == [480_000, 1_350_000]
    assert data["Start"].dt.date.tolist() == [date(2022, 9, 1), date(2022, 10, 1)]
    assert data["Områden"].fillna("").tolist() == ["10, 12", ""]
    described = dict(zip(workbook["Om uttaget"]["Uppgift"], workbook["Om uttaget"]["Värde"], strict=True))
    assert described == {
        "Innehåll": "Insatser",
        "Filter": "År: 2022",
        "Uttaget": "2026-11-22 14:05",
        "Källor": "exempeldata; 002_653f0594ef9bb87d.txt",
    }


def test_no_filters_reads_as_all():
    assert dict(export.about_rows("X", "", "", lang="en"))["Filters"] == "All"
