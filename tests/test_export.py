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


def test_a_csv_with_its_description_starts_with_it_and_reads_back():
    frame = pd.DataFrame({"Nämnd": ["Förskola"], "Kronor": [4_400_000]})
    about = export.about_rows(
        "Översikt: Tilldelat",
        "År: 2022",
        "Stadskontorets tjänsteskrivelse 2022-08-12, rad 160",
        when=datetime(2026, 12, 1, 9, 30),
        exempel=export.exempel_text(0, 1),
    )
    lines = export.csv_bytes(frame, about).decode("utf-8-sig").splitlines()
    assert lines[:6] == [
        "Innehåll: Översikt: Tilldelat,",
        "Exempeldata: Inga exempeldata (0 av 1 rader),",
        "Filter: År: 2022,",
        "Uttaget: 2026-12-01 09:30,",
        '"Källor: Stadskontorets tjänsteskrivelse 2022-08-12, rad 160",',
        ",",
    ]
    assert export.header_row(about) == 7 and lines[6:] == ["Nämnd,Kronor", "Förskola,4400000"]
    back = pd.read_csv(io.BytesIO(export.csv_bytes(frame, about)), skiprows=export.header_row(about) - 1)
    assert back.to_dict("list") == {"Nämnd": ["Förskola"], "Kronor": [4_400_000]}


def test_the_exempeldata_share_in_words():
    assert export.exempel_text(0, 12) == "Inga exempeldata (0 av 12 rader)"
    assert export.exempel_text(3, 12) == "3 av 12 rader (25\u00a0%) är exempeldata, inte verkliga uppgifter"
    assert (
        export.exempel_text(14, 14, unit="områden") == "Allt är exempeldata (14 av 14 områden), inte verkliga uppgifter"
    )
    assert export.exempel_text(1, 4, "en") == "1 of 4 rows (25%) are example data, not real figures"


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
        "Insatser",
        "År: 2022",
        "exempeldata; Stadskontorets tjänsteskrivelse 2022-08-12",
        when=datetime(2026, 11, 22, 14, 5),
        exempel=export.exempel_text(2, 2),
    )
    workbook = export.excel_bytes(frame, about)
    sheets = pd.read_excel(io.BytesIO(workbook), sheet_name=None, header=None)
    assert list(sheets) == ["Data", "Om uttaget"]
    # The first sheet says what it is above the table, the exempeldata line right under the title.
    assert sheets["Data"][0].tolist()[:5] == [
        "Innehåll: Insatser",
        "Exempeldata: Allt är exempeldata (2 av 2 rader), inte verkliga uppgifter",
        "Filter: År: 2022",
        "Uttaget: 2026-11-22 14:05",
        "Källor: exempeldata; Stadskontorets tjänsteskrivelse 2022-08-12",
    ]
    data = pd.read_excel(io.BytesIO(workbook), sheet_name="Data", header=export.header_row(about) - 1)
    assert data["Insats"].tolist() == ["Läxhjälp <b>", "Mentorskap"]
    assert data["Kronor"].tolist() == [480_000, 1_350_000]
    assert data["Start"].dt.date.tolist() == [date(2022, 9, 1), date(2022, 10, 1)]
    assert data["Områden"].fillna("").tolist() == ["10, 12", ""]
    about_sheet = pd.read_excel(io.BytesIO(workbook), sheet_name="Om uttaget")
    described = dict(zip(about_sheet["Uppgift"], about_sheet["Värde"], strict=True))
    assert described == {
        "Innehåll": "Insatser",
        "Exempeldata": "Allt är exempeldata (2 av 2 rader), inte verkliga uppgifter",
        "Filter": "År: 2022",
        "Uttaget": "2026-11-22 14:05",
        "Källor": "exempeldata; Stadskontorets tjänsteskrivelse 2022-08-12",
    }


def test_no_filters_reads_as_none():
    assert dict(export.about_rows("X", "", "", lang="en"))["Filters"] == "No filters (all rows)"
    assert dict(export.about_rows("X", "", ""))["Filter"] == "Inga filter (alla rader)"
