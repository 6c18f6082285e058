"""The Insatser register tells why: the stop reason of a stopped insats (from its status history), why a
row is flagged and its latest follow-up, first after the name; empty dates empty; kronor in Swedish
format whatever the browser's locale (checked in Chromium by tests/e2e/test_register_columns.py)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from lokalutveckling import data, export
from lokalutveckling.format import kronor_format as fmt_kronor_format
from lokalutveckling.paths import ROOT
from lokalutveckling.views import insatser as views

SEED = ROOT / "data" / "seed"
FIRST_COLUMNS = ["Id", "Insats", "Status", "Varför flaggad", "Senast uppföljd", "Varför avbruten"]


def seed_rows(name: str) -> list[dict[str, str]]:
    with (SEED / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def stop_reasons_in_the_seeds() -> dict[str, str]:
    """Per insats whose status is avbruten: the reason given with its (latest) move to avbruten."""
    stopped = {r["insats_id"] for r in seed_rows("insatser") if r["status"] == "avbruten"}
    moves = sorted(
        (r for r in seed_rows("statushistorik") if r["till_status"] == "avbruten" and r["insats_id"] in stopped),
        key=lambda r: r["datum"],
    )
    return {r["insats_id"]: r["anledning"] for r in moves}


def latest_followups_in_the_seeds() -> dict[str, date]:
    latest: dict[str, date] = {}
    for r in seed_rows("uppfoljningar"):
        d = date.fromisoformat(r["datum"])
        latest[r["insats_id"]] = max(latest.get(r["insats_id"], d), d)
    return latest


@pytest.fixture(scope="module")
def register(db_file) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["insatser_rader"] = "100"  # every insats of the default data on one page (ui.paging)
    at.run()
    at.switch_page("pages/insatser.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_seeds_hold_stopped_insatser_with_reasons():
    reasons = stop_reasons_in_the_seeds()
    assert len(reasons) == 6 and all(reasons.values())
    assert "Låg uppslutning trots förlängd rekrytering." in reasons.values()


def test_the_register_query_reads_the_stop_reason_and_the_latest_follow_up(con):
    df = data.insatser_register(con=con).set_index("insats_id")
    reasons = stop_reasons_in_the_seeds()
    stopped = df[df["status"] == "avbruten"]
    assert dict(stopped["stoppanledning"]) == reasons
    # Only a stopped insats has a stop reason (a permanentad one's reason is not a stop).
    assert df.loc[df["status"] != "avbruten", "stoppanledning"].isna().all()
    latest = latest_followups_in_the_seeds()
    got = {i: d.date() for i, d in df["senaste_uppfoljning"].dropna().items()}
    assert got == latest
    assert df.loc[~df.index.isin(list(latest)), "senaste_uppfoljning"].isna().all()


def test_the_register_shows_why_first_after_the_name(register):
    shown = register.dataframe[0].value
    assert list(shown.columns[: len(FIRST_COLUMNS)]) == FIRST_COLUMNS
    by_id = shown.set_index("Id")
    for insats_id, reason in stop_reasons_in_the_seeds().items():
        assert by_id.loc[insats_id, "Varför avbruten"] == reason
        assert by_id.loc[insats_id, "Status"] == "avbruten"
    assert set(by_id.loc[by_id["Status"] != "avbruten", "Varför avbruten"]) == {""}
    latest = latest_followups_in_the_seeds()
    for insats_id, d in latest.items():
        if insats_id in by_id.index:
            assert by_id.loc[insats_id, "Senast uppföljd"] == d.isoformat()


def test_the_flag_reason_is_a_column_and_matches_the_flags(register):
    shown = register.dataframe[0].value.set_index("Id")
    flags = data.insatser_flaggor(date.today()).set_index("insats_id")
    assert len(flags) > 0
    for insats_id, row in flags.iterrows():
        words = shown.loc[insats_id, "Varför flaggad"]
        assert ("pågår efter slutdatum" in words) == bool(row["efter_slutdatum"])
        assert ("ingen uppföljning på 12 månader" in words) == bool(row["ingen_uppfoljning_12_man"])
    assert set(shown.loc[~shown.index.isin(flags.index), "Varför flaggad"]) == {""}


def test_empty_dates_are_empty_and_kronor_have_a_swedish_format(register):
    frame = register.dataframe[0]
    shown = frame.value
    no_end = {r["insats_id"] for r in seed_rows("insatser") if not r["slutdatum"]}
    assert no_end, "the seeds have insatser without an end date"
    ends = shown.set_index("Id").loc[sorted(no_end & set(shown["Id"])), "Slut"]
    # On screen ISO text, empty when missing: the grid draws a null date as a grey "None".
    assert len(ends) > 0 and set(ends) == {""}
    assert all(v == "" or date.fromisoformat(v) for v in shown["Senast uppföljd"])
    assert not shown.isin(["None", "NaT", "nan"]).any().any()
    assert pd.api.types.is_integer_dtype(shown["Kronor"])  # numbers: the header sorts numerically
    config = json.loads(frame.proto.columns)
    assert config["Kronor"]["type_config"]["format"] == "%'\u00a0,d\u00a0kr"
    # Streamlit's sprintf groups thousands with the character after the apostrophe.
    assert fmt_kronor_format("sv") == "%'\u00a0,d\u00a0kr"
    assert fmt_kronor_format("en") == "SEK\u00a0%,d"
    for name in FIRST_COLUMNS[2:]:
        assert isinstance(config[name].get("width"), int)


def test_the_downloads_have_the_same_columns_and_empty_dates(db_file):
    df = data.insatser_register()
    table = views.register_table(df, data.insatser_flaggor(date.today()), "sv")
    about = [("Innehåll", "Insatser")]
    text = export.csv_bytes(table, about).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[export.header_row(about) - 1]
    assert header[: len(FIRST_COLUMNS)] == FIRST_COLUMNS
    body = [dict(zip(header, r, strict=True)) for r in rows[export.header_row(about) :]]
    by_id = {r["Id"]: r for r in body}
    for insats_id, reason in stop_reasons_in_the_seeds().items():
        assert by_id[insats_id]["Varför avbruten"] == reason
    no_end = {r["insats_id"] for r in seed_rows("insatser") if not r["slutdatum"]}
    assert {by_id[i]["Slut"] for i in no_end} == {""}
    latest = latest_followups_in_the_seeds()
    assert all(by_id[i]["Senast uppföljd"] == d.isoformat() for i, d in latest.items())

    sheet = load_workbook(io.BytesIO(export.excel_bytes(table, about))).worksheets[0]
    start = export.header_row(about)
    cells = [[c.value for c in row] for row in sheet.iter_rows(min_row=start)]
    xl = {r[0]: dict(zip(cells[0], r, strict=True)) for r in cells[1:]}
    assert cells[0][: len(FIRST_COLUMNS)] == FIRST_COLUMNS
    stopped_id, reason = next(iter(stop_reasons_in_the_seeds().items()))
    assert xl[stopped_id]["Varför avbruten"] == reason
    assert {xl[i]["Slut"] for i in no_end} == {None}
    some_id, some_date = next(iter(latest.items()))
    assert xl[some_id]["Senast uppföljd"].date() == some_date
