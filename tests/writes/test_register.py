"""The register's queries: flags, one insats' follow-ups, history and edits, and every write and
register query's header."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from lokalutveckling import domain, store, writes
from lokalutveckling.paths import QUERIES_DIR
from tests.writes.helpers import (
    EDITOR,
    follow_up,
)

# ------------------------------------------------------------------------- register queries


FLAG_FILTER = {"ar": (), "finansiering": (), "fokus": (), "namnder": ()}


def flags(con: store.Connection, datum: date, **filters: object):
    return store.run_query(con, "insatser_flaggor", datum=datum, **{**FLAG_FILTER, **filters})


def flag_counts(con: store.Connection, datum: date, **filters: object) -> dict:
    from lokalutveckling import data

    return data.insatser_flaggor_antal(datum, data.Filter(**{**FLAG_FILTER, **filters}), con=con).to_dict()


@pytest.mark.parametrize("datum", [date(2024, 1, 1), date(2025, 6, 30), date(2026, 11, 22), date(2028, 1, 1)])
def test_flag_counts_agree_with_the_flag_list(con, datum):
    listed = flags(con, datum)
    counts = flag_counts(con, datum)
    assert counts["n_ingen_uppfoljning_12_man"] == int(listed["ingen_uppfoljning_12_man"].sum())
    assert counts["n_efter_slutdatum"] == int(listed["efter_slutdatum"].sum())
    assert counts["n_flaggade"] == len(listed)


def test_flags_follow_their_rules(con):
    datum = date(2026, 11, 22)
    listed = flags(con, datum).set_index("insats_id")
    late = set(listed.index[listed["efter_slutdatum"]])
    assert late == {"INS-036", "INS-052"}  # sos money ended 2023-12-31, still pågående
    quiet = listed[listed["ingen_uppfoljning_12_man"]]
    assert set(quiet["status"]) <= {"beviljad", "pågående"}
    year_before = pd.Timestamp(datum - timedelta(days=365))
    assert (quiet["startdatum"] <= year_before).all()
    assert (quiet["senaste_uppfoljning"].dropna() <= year_before).all()
    assert {"INS-059", "INS-062", "INS-063"} <= set(quiet.index)  # granted in 2025, never followed up
    # Every running insats with a recent follow-up is unflagged.
    fresh = con.execute(
        "select distinct u.insats_id from uppfoljningar u join insatser i using (insats_id) "
        "where i.status = 'pågående' and u.datum > ? and (i.slutdatum is null or i.slutdatum >= ?)",
        [datum - timedelta(days=365), datum],
    ).fetchall()
    assert fresh and not {r[0] for r in fresh} & set(listed.index)
    # Insatser that started within the last year are not yet due.
    assert flags(con, date(2026, 1, 31)).query("insats_id == 'INS-059'").empty  # started 2025-02-01
    assert not flags(con, date(2026, 2, 1)).query("insats_id == 'INS-059'").empty


def test_flags_respect_the_sidebar_filters(con):
    datum = date(2026, 11, 22)
    only_frn = flags(con, datum, namnder=("FRN",))
    assert not only_frn.empty and set(only_frn["namnd_kod"]) == {"FRN"}
    assert flag_counts(con, datum, namnder=("FRN",))["n_flaggade"] == len(only_frn)
    assert flag_counts(con, datum, finansiering=("sos_statsbidrag",))["n_efter_slutdatum"] == 2


def test_a_follow_up_clears_the_flag(rw_con):
    datum = domain.today()
    quiet = flags(rw_con, datum).query("ingen_uppfoljning_12_man and status == 'pågående' and not efter_slutdatum")
    insats_id = quiet["insats_id"].iloc[0]
    n_before = flag_counts(rw_con, datum)["n_ingen_uppfoljning_12_man"]
    writes.add_uppfoljning(rw_con, EDITOR, insats_id, follow_up(datum=datum))
    assert insats_id not in set(flags(rw_con, datum)["insats_id"])
    assert flag_counts(rw_con, datum)["n_ingen_uppfoljning_12_man"] == n_before - 1


def test_a_stopped_insats_is_no_longer_flagged(rw_con):
    datum = date(2026, 11, 22)
    writes.change_status(rw_con, EDITOR, "INS-036", "avslutad", datum=date(2026, 1, 1), expected_version=1)
    assert "INS-036" not in set(flags(rw_con, datum)["insats_id"])
    assert flag_counts(rw_con, datum)["n_efter_slutdatum"] == 1


def test_register_queries_for_one_insats(con):
    follow_ups = store.run_query(con, "register/uppfoljningar", insats_id="INS-004")
    assert not follow_ups.empty and follow_ups["datum"].is_monotonic_decreasing
    assert set(follow_ups.columns) >= {"datum", "vem", "vad", "rackvidd", "effekt", "underlag", "kalla"}
    history = store.run_query(con, "register/statushistorik", insats_id="INS-024")
    assert history["till_status"].iloc[0] == "föreslagen"
    permanent = con.execute("select insats_id from insatser where status = 'permanentad' limit 1").fetchone()[0]
    last = store.run_query(con, "register/statushistorik", insats_id=permanent).iloc[-1]
    assert last["till_status"] == "permanentad" and last["mottagande_namnd"] and last["permanent_belopp_kr"] > 0
    assert store.run_query(con, "register/andringar", insats_id="INS-004").empty  # no edits in the seeds
    assert store.run_query(con, "register/insats", insats_id="INS-999").empty


@pytest.mark.parametrize(
    "name",
    sorted(
        f"{p.parent.name}/{p.stem}"
        for folder in ("write", "register", "store")
        for p in (QUERIES_DIR / folder).glob("*.sql")
    ),
)
def test_every_write_and_register_query_has_a_header(name):
    sql = store.load_sql(name)
    assert sql.startswith("-- ") and ("Grain:" in sql or "Parameters:" in sql), name
    assert "{" not in sql, "values only as $parameters"
