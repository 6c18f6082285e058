"""Removing exempeldata (lokalutveckling.store.exempeldata, offered by imports too)."""

from __future__ import annotations

import pytest

from lokalutveckling import domain
from lokalutveckling import imports as importer
from lokalutveckling.domain import COMMAND_LINE
from tests.imports.helpers import EDITOR, dump

# ------------------------------------------------------------------------- removing exempeldata


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_removing_exempeldata_insatser_takes_their_dependants_and_is_logged(rw_con):
    counts = importer.exempeldata_counts(rw_con)
    assert counts["insatser"] == (67, 66)
    with pytest.raises(PermissionError, match="Bara en administratör kan ta bort exempeldata"):
        importer.remove_exempeldata(rw_con, EDITOR, "insatser")
    removed = importer.remove_exempeldata(rw_con, COMMAND_LINE, "insatser")
    assert removed["insatser"] == 66 and removed["uppfoljningar"] == 132
    assert rw_con.execute("select insats_id from insatser").fetchall() == [("INS-001",)]
    assert rw_con.execute(
        "select count(*) from insats_omraden where insats_id not in (select insats_id from insatser)"
    ).fetchone() == (0,)
    log = rw_con.execute("select handling, tabell, gammalt_varde from audit order by audit_id").fetchall()
    assert ("ta bort exempeldata", "insatser", "66 rader") in log
    assert importer.remove_exempeldata(rw_con, COMMAND_LINE, "insatser") == {}


def test_removing_exempeldata_is_refused_when_real_rows_refer_to_it(rw_con):
    p = importer.preview(
        rw_con, "indikatorvarden", "Indikator;Område;År;Värde\nfolkmangd;12;2025;23000\n".encode(), "scb.csv"
    )
    importer.apply(rw_con, EDITOR, p)
    before = dump(rw_con)
    with pytest.raises(domain.ValidationError) as refused:
        importer.remove_exempeldata(rw_con, COMMAND_LINE, "indikatorer")
    assert refused.value.errors == [
        (
            "tabell",
            "Exempeldata i indikatorer kan inte tas bort: 1 rader som inte tas bort hänvisar till dem: "
            "indikatorvarden folkmangd, område 12, 2025 (indikator_kod folkmangd). Ändra eller ta bort dem först.",
        )
    ]
    assert dump(rw_con) == before
    with pytest.raises(domain.ValidationError, match="inte ur 'beslut'"):
        importer.remove_exempeldata(rw_con, COMMAND_LINE, "beslut")
