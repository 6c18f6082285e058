"""Every query runs against the in-memory store, and the filters do what they say."""

from __future__ import annotations

from datetime import date

import pytest

from lokalutveckling import data, store
from lokalutveckling.paths import QUERIES_DIR

DEFAULTS = {
    "ar": (),
    "finansiering": (),
    "fokus": (),
    "namnder": (),
    "datum": date(2025, 6, 30),
    "idag": date(2026, 12, 1),
    "oppna": ("givet",),
    "indikator": "forvarvsfrekvens",
    "indikatorer": (),
    "kpier": (),
    "omrade": "10",
    "insats_id": "INS-002",
    "namnd": "FRN",
    "sok": "",
    "statusar": (),
    "typer": (),
    "omraden": (),
    "malgrupper": (),
    "sok_omraden": (),
}
# Queries whose $ar is one year, not a list.
SINGLE_YEAR = {"indicator_values_by_area": 2024}


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES_DIR.glob("*.sql")))
def test_every_query_has_a_header_and_runs(con, name):
    sql = store.load_sql(name)
    assert sql.startswith("-- "), "header comment: purpose"
    assert "Grain:" in sql or "Parameters:" in sql
    params = {**DEFAULTS, "ar": SINGLE_YEAR[name]} if name in SINGLE_YEAR else DEFAULTS
    frame = store.run_query(con, name, **params)  # every query at the top is a read
    assert not frame.empty, name


def test_allocations_by_kalla_all_years(con):
    frame = data.allocations_by_kalla(con=con).set_index("finansiering_kod")
    assert frame.loc["ks_anslag", "belopp_kr"] == 15_000_000 + 5_300_000
    assert frame.loc["sos_statsbidrag", "belopp_kr"] == 18_600_000
    assert frame.loc["delmos", "belopp_kr"] == 290_000
    assert frame.loc["frn_kommunbidrag", "belopp_kr"] == 12_600_000


def test_year_and_namnd_filters(con):
    f = data.Filter(ar=(2022,), namnder=("GRN",))
    frame = data.allocations_by_namnd(f, con=con).set_index("finansiering_kod")
    assert frame.loc["ks_anslag", "belopp_kr"] == 4_400_000
    assert frame.loc["sos_statsbidrag", "belopp_kr"] == 720_000
    assert len(frame) == 2


def test_kalla_filter(con):
    frame = data.allocations_by_kalla(data.Filter(finansiering=("sos_statsbidrag",)), con=con)
    assert frame["finansiering_kod"].tolist() == ["sos_statsbidrag"]


def test_namnd_fokus_matrix_sums_to_granted_insatser(con):
    f = data.Filter(ar=(2022,), finansiering=("ks_anslag",))
    matrix = data.insatser_by_namnd_fokus(f, con=con)
    assert matrix["belopp_kr"].sum() == 15_000_000  # no 2022 KS insats is merely proposed
    grn = matrix[matrix["namnd_kod"] == "GRN"]["belopp_kr"].sum()
    assert grn == 4_400_000


def test_fokus_filter_restricts_insatser(con):
    matrix = data.insatser_by_namnd_fokus(data.Filter(fokus=("brottslighet",)), con=con)
    assert set(matrix["fokus_kod"]) == {"brottslighet"}


def test_flow_adds_up_per_kalla(con):
    flow = data.flow(data.Filter(ar=(2022,)), con=con)
    per_kalla = flow.groupby("finansiering_kod")["belopp_kr"].sum()
    assert per_kalla["ks_anslag"] == 15_000_000
    assert per_kalla["sos_statsbidrag"] == 18_600_000


def test_reconciliation_shows_the_socialstyrelsen_mismatch(con):
    rec = data.reconciliation(con=con).set_index("finansiering_kod")
    assert rec.loc["ks_anslag", "differens_kr"] == 0
    sos = rec.loc["sos_statsbidrag"]
    assert (sos["deklarerat_kr"], sos["summa_rader_kr"], sos["differens_kr"]) == (19_700_000, 18_600_000, -1_100_000)
    assert (sos["dokument_rad"], sos["forsta_rad"], sos["sista_rad"]) == (193, 184, 192)


def test_presence_on_a_date(con):
    early = data.presence(date(2019, 6, 30), con=con)
    late = data.presence(date(2025, 6, 30), con=con)
    assert early["har_team"].sum() == 2
    assert late["har_team"].sum() == 11
    assert late["kraftsamlande"].sum() == 3 and early["kraftsamlande"].sum() == 0


def test_status_in_lifecycle_order(con):
    order = data.insatser_by_status(con=con)["status"].tolist()
    assert order == ["föreslagen", "beviljad", "pågående", "avslutad", "avbruten", "permanentad"]


def test_reference_date():
    assert data.reference_date(data.Filter(ar=(2019, 2022)), today=date(2026, 1, 1)) == date(2022, 12, 31)
    assert data.reference_date(data.ALL, today=date(2026, 1, 1)) == date(2026, 1, 1)
    assert data.reference_date(data.Filter(ar=(2027,)), today=date(2026, 1, 1)) == date(2026, 1, 1)


def test_parameters_are_bound_not_interpolated(con):
    hostile = ("x'); drop table tilldelningar; --",)
    frame = data.allocations_by_kalla(data.Filter(finansiering=hostile), con=con)
    assert frame.empty
    assert con.execute("select count(*) from tilldelningar").fetchone()[0] == 24


def test_indicator_values_with_city_reference(con):
    frame = data.indicator_values("forvarvsfrekvens", 2024, con=con)
    assert len(frame) == 14 and frame["varde"].notna().all()
    city = con.execute(
        "select varde from indikatorvarden where indikator_kod = 'forvarvsfrekvens' and ar = 2024 and omrade_kod = '0'"
    ).fetchone()[0]
    assert (frame["stadens_varde"] == city).all()
    missing = data.indicator_values("valdeltagande", 2021, con=con)  # no election in 2021
    assert missing["varde"].isna().all()


def test_indicator_list_is_grouped_by_fokusomrade(con):
    frame = data.indikatorer(con=con)
    assert frame["fokus_kod"].dropna().drop_duplicates().tolist() == [
        "boende",
        "utbildning",
        "arbetsmarknad",
        "demokrati",
        "brottslighet",
    ]
    assert list(frame.set_index("indikator_kod").loc["valdeltagande", "ar_lista"]) == [2018, 2022]


def test_insatser_per_area_plus_hela_staden_add_up(con):
    f = data.Filter(ar=(2022,))
    areas = data.insatser_by_omrade(f, con=con)
    city = data.insatser_hela_staden(f, con=con).iloc[0]
    granted = con.execute(
        "select sum(belopp_kr) from v_insatser where ar = 2022 and status <> 'föreslagen'"
    ).fetchone()[0]
    assert len(areas) == 14
    assert areas["kronor"].sum() + city["kronor"] == pytest.approx(granted)
    row = areas.iloc[0]
    assert row["kronor_per_invanare"] == pytest.approx(row["kronor"] / row["folkmangd"])
    assert (areas["folkmangd_ar"] == 2024).all()


def test_malgrupper_are_the_registers_malgrupper(con):
    register = data.insatser_register(con=con)
    groups = data.insatser_malgrupper(con=con)
    assert groups == sorted(register["malgrupp"].dropna().unique())
    assert len(groups) >= 3
