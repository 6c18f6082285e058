"""What leaves the screen carries what it is: every download and chart image names its view, the filters
as applied, the date, the sources by readable name with their lines and the exempeldata share.

The files are the ones the pages hand to st.download_button (recorded, then made and read back), the
figures the ones the pages hand to the chart frame (ui.plotly_chart).
"""

from __future__ import annotations

import csv
import gc
import io
from datetime import date

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from lokalutveckling import data, export, figures
from lokalutveckling import imports as importer
from lokalutveckling.format import fmt_kr, fmt_number
from lokalutveckling.paths import ROOT
from tests.charts import charts as drawn_charts

TODAY = date.today().isoformat()
NBSP = "\u00a0"


@pytest.fixture()
def page_output(monkeypatch):
    """Run a page as a reader opens it; returns (files by name, figures by chart key, config by key)."""
    files: dict[str, object] = {}
    charts: dict[str, tuple[go.Figure, dict]] = {}
    download = DeltaGenerator.download_button

    def recording_download(self, label, data, *args, **kwargs):
        files[kwargs["file_name"]] = data
        return download(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording_download)

    def run(page: str, toggles: tuple[str, ...] = (), **query: str | list[str]) -> AppTest:
        st.cache_resource.clear()
        st.cache_data.clear()
        gc.collect()
        global TODAY
        while True:  # the file names and "Uttaget" carry the day: a run across midnight UTC is made again
            day = date.today().isoformat()
            files.clear()
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
            for key, value in query.items():
                at.query_params[key] = value
            at.run()
            at.switch_page(page)
            at.run()
            for key in toggles:
                at.toggle(key=key).set_value(True).run()
            assert not at.exception, [e.value for e in at.exception]
            for name, content in list(files.items()):  # the lazy downloads are made now, on the same day
                files[name] = content() if callable(content) else content
            if date.today().isoformat() == day:
                TODAY = day
                break
        # The figures and configs as the browser gets them (the chart's key is in its element id).
        for chart in drawn_charts(at):
            charts[chart.key] = (go.Figure(chart.spec), chart.config)
        return at

    yield run, files, charts
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()


def made(files: dict[str, object], name: str) -> bytes:
    content = files[name]
    return content() if callable(content) else content  # type: ignore[return-value]


def csv_head(content: bytes) -> tuple[dict[str, str], pd.DataFrame]:
    """The description lines above a downloaded CSV's table (field -> value), and the table itself."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    blank = next(i for i, r in enumerate(rows) if not any(r))
    about = dict(r[0].split(": ", 1) for r in rows[:blank])
    table = pd.read_csv(io.BytesIO(content), skiprows=blank + 1)
    return about, table


def workbook_head(content: bytes) -> tuple[list[str], dict[str, str], pd.DataFrame]:
    """The lines above the table on a workbook's first sheet, its 'Om uttaget' sheet, and the table."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Data", "Om uttaget"]
    first = [c.value for c in book["Data"]["A"]]
    blank = first.index(None)
    about = {r[0]: r[1] for r in book["Om uttaget"].iter_rows(min_row=2, values_only=True)}
    return first[:blank], about, pd.read_excel(io.BytesIO(content), sheet_name="Data", header=blank + 1)


def test_oversikt_allocation_table_and_chart_say_view_filters_date_sources_and_exempeldata(page_output):
    run, files, charts = page_output
    run("pages/oversikt.py", toggles=("table_tilldelning_per_namnd",), ar="2022", fokus="utbildning")
    name = f"oversikt_tilldelning_per_namnd_{TODAY}"

    about, table = csv_head(made(files, f"{name}.csv"))
    assert about["Innehåll"].startswith("Översikt: ")
    assert "Fokusområde: Utbildning" in about["Filter"] and "År: 2022" in about["Filter"]
    assert "Alla" not in about["Filter"]
    assert about["Uttaget"].startswith(TODAY)
    # The 2022 tables of the tjänsteskrivelse, by name and line (not by their hashed file name).
    assert "Stadskontorets tjänsteskrivelse 2022-08-12, rad " in about["Källor"]
    assert ".txt" not in about["Källor"]
    assert about["Exempeldata"] == f"Inga exempeldata (0 av {len(table)} rader)"
    assert table["Kronor"].sum() == 33_600_000  # KS 15 000 000 and the statsbidrag's lines 18 600 000
    assert set(table["År"]) == {2022}
    # The year and stage of the money, and the filter the table does not follow, with the reason.
    scope = about["År, stadium och filter som inte följs"]
    assert scope.startswith("Belopp 2022 · förslag (Stadskontoret 2022-08-12, beslut planerat i KS 2022-08-17).")
    assert "Följer inte filtret Fokusområde: källdokumenten anger inte fokusområde per tilldelning." in scope
    assert set(table["Stadium"]) == {"förslag"}

    lines, described, sheet = workbook_head(made(files, f"{name}.xlsx"))
    assert lines == [f"{field}: {value}" for field, value in described.items()]
    assert described["Filter"] == about["Filter"] and described["Källor"] == about["Källor"]
    assert described["Exempeldata"] == about["Exempeldata"]
    assert sheet["Kronor"].sum() == 33_600_000

    figure, config = charts["chart_tilldelning_per_namnd"]
    assert config["toImageButtonOptions"]["filename"] == name
    layout = figure.layout
    assert layout.title.text == f"<b>{figures.title_of(figure)}</b>" and figures.title_of(figure)
    assert "Verkliga belopp · förslag" in layout.title.subtitle.text and TODAY in layout.title.subtitle.text
    note = layout.annotations[-1].text.replace("<br>", " ")
    assert "Fokusområde: Utbildning" in note
    assert "Källa: Stadskontorets tjänsteskrivelse 2022-08-12, rad " in note

    status, status_config = charts["chart_status"]
    assert "Exempeldata" in status.layout.title.subtitle.text
    assert status_config["toImageButtonOptions"]["filename"] == f"oversikt_status_{TODAY}"


def test_karta_table_says_it_is_exempeldata_and_which_filters_it_does_not_follow(page_output):
    run, files, _charts = page_output
    run("pages/karta.py", fokus="utbildning")
    about, table = csv_head(made(files, f"karta_{TODAY}.csv"))
    assert about["Innehåll"] == "Karta: Områdesteam och kraftsamling per område"
    assert len(table) == 14
    assert about["Exempeldata"] == "Allt är exempeldata (14 av 14 områden), inte verkliga uppgifter"
    # Teams and kraftsamling follow no sidebar filter: the filter is named, and said not to be followed.
    assert "Fokusområde: Utbildning (följs inte här)" in about["Filter"]
    assert f"Läge vid slutet av år: {date.today().year}" in about["Filter"]
    assert "exempeldata" in about["Källor"]
    _lines, described, _sheet = workbook_head(made(files, f"karta_{TODAY}.xlsx"))
    assert described["Källor"] == about["Källor"] != "–"  # no longer empty


def test_the_register_download_names_the_register_filters_as_set(page_output):
    run, files, _charts = page_output
    run("pages/insatser.py", fokus="utbildning", status="pågående")
    about, table = csv_head(made(files, f"insatser_{TODAY}.csv"))
    assert about["Innehåll"] == "Insatser: Insatsregistret"
    assert "Fokusområde: Utbildning" in about["Filter"]
    assert "Status: Pågående" in about["Filter"] or "Status: pågående" in about["Filter"]
    assert set(table["Status"].str.lower()) == {"pågående"}
    n_ex = int((table["Källa"] == "exempeldata").sum())
    assert 0 < n_ex
    assert about["Exempeldata"] == export.exempel_text(n_ex, len(table))
    _lines, described, sheet = workbook_head(made(files, f"insatser_{TODAY}.xlsx"))
    assert described["Filter"] == about["Filter"]
    assert len(sheet) == len(table)


def test_an_exported_register_csv_still_imports(page_output, rw_con):
    """The description lines above the table do not stop the importer: it finds the header below them."""
    frame = pd.DataFrame({"Insats-id": ["X"], "Namn": ["Läxhjälp"]})
    about = export.about_rows("Insatser", "", "", exempel=export.exempel_text(0, 1))
    from lokalutveckling.imports import formats as fmt

    table = fmt.read_table(
        export.csv_bytes(frame, about), "x.csv", lambda cells: sum(c in frame.columns for c in cells)
    )
    assert [cells for _, cells in table.rows] == [["X", "Läxhjälp"]]


def test_the_whole_store_export_says_how_much_is_exempeldata_and_names_its_sources(rw_con):
    zipped, workbook = importer.export_store(rw_con)
    about = {
        r[0]: r[1] for r in openpyxl.load_workbook(io.BytesIO(workbook))["Om exporten"].iter_rows(values_only=True)
    }
    n, n_ex = rw_con.execute("select count(*), count(*) filter (where kalla = 'exempeldata') from insatser").fetchone()
    assert about["insatser"] == export.exempel_text(n_ex, n)
    assert "är exempeldata" in about["Exempeldata"]
    assert about["Filter"] == "Inga: hela databasen"
    assert "Stadskontorets tjänsteskrivelse 2022-08-12" in about["Källor"]
    import zipfile

    text = zipfile.ZipFile(io.BytesIO(zipped)).read("om_exporten.txt").decode()
    assert f"insatser: {export.exempel_text(n_ex, n)}" in text


def test_negative_differences_have_a_true_minus_sign_and_numbers_stay_numbers():
    assert fmt_kr(-1_100_000) == f"\u22121{NBSP}100{NBSP}000{NBSP}kr"
    assert fmt_kr(-1_100_000, "en") == f"SEK{NBSP}\u22121,100,000"
    assert fmt_number(-0.04) == "0,0"  # no minus before a zero
    frame = pd.DataFrame({"Differens": [-1_100_000]})
    assert export.csv_bytes(frame).decode("utf-8-sig").splitlines()[1] == "-1100000"  # numeric in CSV


def test_status_labels_have_room_and_the_heatmap_scale_reads_in_mnkr(rw_con):
    status = figures.status_bars(data.insatser_by_status(con=rw_con))
    top = int(data.insatser_by_status(con=rw_con)["n_insatser"].max())
    assert status.layout.yaxis.range[1] > top and status.data[0].cliponaxis is False
    matrix = data.insatser_by_namnd_fokus(con=rw_con)
    heat = figures.heatmap_namnd_fokus(matrix, data.fokusomraden(con=rw_con))
    bar = heat.data[0].colorbar
    assert bar.title.text == "mnkr"
    assert all(text == fmt_number(v / 1_000_000, "sv", 0) for v, text in zip(bar.tickvals, bar.ticktext, strict=True))
