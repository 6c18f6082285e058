"""apply: rows, relations, history, audit and source written; re-imports change nothing; roles;
stale previews; errors that leave the store as it was."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from lokalutveckling import domain, store, writes
from lokalutveckling import imports as importer
from lokalutveckling.imports import StalePreview, applying
from lokalutveckling.store import snapshots
from tests.imports.helpers import EDITOR, FIXTURES, READER, dump, file_hash, notices, preview_fixture, texts

# ------------------------------------------------------------------------------------ apply


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_apply_writes_rows_relations_history_audit_and_source(rw_con, tmp_path):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx")
    changes: list[str] = []
    result = importer.apply(rw_con, EDITOR, p, on_change=lambda: changes.append("ja"))
    assert changes == ["ja"]
    assert result.added == ("INS-068", "INS-069", "INS-070", "INS-071") and result.changed == ()
    assert result.snapshot is not None and result.snapshot.parent == snapshots.snapshot_dir(rw_con)
    row = writes.get_insats(rw_con, "INS-070")
    assert row is not None
    assert (row["namn"], row["namnd_kod"], row["belopp_kr"], row["status"], row["version"]) == (
        "Föreningscoacher",
        "FRN",
        1_300_000,
        "beviljad",
        1,
    )
    assert (row["omraden"], row["partner_namnder"], row["sekundara_fokus"]) == (["11", "12"], ["GRN", "KN"], ["boende"])
    assert row["kalla"] == "insatser_fritid_2025.xlsx"
    history = rw_con.execute(
        "select insats_id, datum, fran_status, till_status, anvandare, kalla from statushistorik "
        "where insats_id in ('INS-068', 'INS-070') order by insats_id"
    ).fetchall()
    today = domain.today()
    assert history == [
        ("INS-068", date(2025, 1, 15), None, "pågående", "kim", "insatser_fritid_2025.xlsx"),
        ("INS-070", today, None, "beviljad", "kim", "insatser_fritid_2025.xlsx"),
    ]
    comment = f"insatser_fritid_2025.xlsx sha256:{p.sha256}"
    assert p.sha256 == hashlib.sha256((FIXTURES / "insatser_fritid_2025.xlsx").read_bytes()).hexdigest()
    audit = rw_con.execute(
        "select anvandare, handling, tabell, rad_id, falt, nytt_varde, kommentar from audit order by audit_id"
    ).fetchall()
    assert len(audit) == result.audit_rows
    assert {(a[0], a[1], a[6]) for a in audit} == {("kim", "import", comment)}
    assert ("kim", "import", "insatser", "INS-070", "belopp_kr", "1300000", comment) in audit
    assert audit[-1] == (
        "kim",
        "import",
        "insatser",
        "insatser_fritid_2025.xlsx",
        None,
        "4 nya, 0 ändrade, 0 oförändrade",
        comment,
    )
    source = rw_con.execute("select typ, titel from kallor where kalla_id = 'insatser_fritid_2025.xlsx'").fetchone()
    assert source == ("importfil", f"Importerad fil insatser_fritid_2025.xlsx (sha256 {p.sha256[:12]}…)")


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_a_changed_insats_gets_a_new_version_and_field_audit(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_semikolon_cp1252.csv")
    importer.apply(rw_con, EDITOR, p)
    row = writes.get_insats(rw_con, "INS-005")
    assert (row["belopp_kr"], row["version"], row["kalla"]) == (900_000, 2, "insatser_semikolon_cp1252.csv")
    changed = rw_con.execute(
        "select falt, gammalt_varde, nytt_varde from audit where rad_id = 'INS-005' order by audit_id"
    ).fetchall()
    assert changed == [("belopp_kr", "770000", "900000"), ("kalla", "exempeldata", "insatser_semikolon_cp1252.csv")]


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("insatser", "insatser_fritid_2025.xlsx"),
        ("insatser", "insatser_semikolon_cp1252.csv"),
        ("insatser", "insatser_utf8_bom_komma.csv"),
        ("tilldelningar", "tilldelningar_belopp_alla_former.csv"),
        ("indikatorvarden", "indikatorvarden_malmo.csv"),
        ("omradesteam", "omradesteam_2025.xlsx"),
    ],
)
def test_importing_the_same_file_again_changes_nothing(rw_con, kind, name):
    first = importer.apply(rw_con, EDITOR, preview_fixture(rw_con, kind, name))
    assert first.added or first.changed
    before_rows, before_file = dump(rw_con), file_hash(rw_con)
    again = preview_fixture(rw_con, kind, name)
    assert again.ok and not again.added and not again.changed
    assert len(again.unchanged) == len(first.added) + len(first.changed)
    result = importer.apply(rw_con, EDITOR, again)
    assert (result.added, result.changed, result.snapshot, result.audit_rows) == ((), (), None, 0)
    assert result.summary() == f"{name}: inget att ändra; databasen är redan som filen ({len(again.unchanged)} rader)."
    assert dump(rw_con) == before_rows
    assert file_hash(rw_con) == before_file


def test_readers_and_nobody_are_refused_at_apply_and_nothing_changes(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx")
    before = dump(rw_con)
    with pytest.raises(PermissionError, match="rollen läsare"):
        importer.apply(rw_con, READER, p)
    with pytest.raises(PermissionError, match="logga in som redaktör"):
        importer.apply(rw_con, None, p)
    assert dump(rw_con) == before


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_a_preview_made_before_the_store_changed_is_refused(rw_con):
    p = preview_fixture(rw_con, "insatser", "insatser_semikolon_cp1252.csv")
    stored = writes.get_insats(rw_con, "INS-005")
    writes.update_insats(rw_con, EDITOR, "INS-005", {"belopp_kr": 800_000}, stored["version"])
    before = dump(rw_con)
    with pytest.raises(StalePreview, match="Databasen har ändrats sedan förhandsgranskningen"):
        importer.apply(rw_con, EDITOR, p)
    assert {t: rows for t, rows in dump(rw_con).items()} == before


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_an_error_while_writing_leaves_the_store_as_it_was(rw_con, monkeypatch):
    p = preview_fixture(rw_con, "insatser", "insatser_fritid_2025.xlsx")
    before = dump(rw_con)

    def broken(*args: object, **kwargs: object) -> None:
        raise store.Error("disken är full")

    monkeypatch.setattr(applying.Audit, "flush", broken)
    with pytest.raises(store.Error):
        importer.apply(rw_con, EDITOR, p)
    assert dump(rw_con) == before


def test_exempeldata_in_a_file_is_skipped_and_a_given_source_is_kept(rw_con):
    data = (
        "Indikator;Område;År;Värde;Källa\n"
        "folkmangd;12;2030;1;exempeldata\n"
        "folkmangd;12;2031;2;Områdesfakta 2031\n"
        "folkmangd;12;2032;3;\n"
    ).encode()
    p = importer.preview(rw_con, "indikatorvarden", data, "ind.csv", kalla="SCB")
    assert [(a.key, a.values["kalla"]) for a in p.added] == [
        ("folkmangd/12/2031", "Områdesfakta 2031"),
        ("folkmangd/12/2032", "SCB"),
    ]
    assert "kolumn Källa: raden har källan exempeldata och hoppas över (rad 2)" in notices(p)
    assert p.skipped == 1
    importer.apply(rw_con, EDITOR, p)
    assert rw_con.execute(
        "select count(*) from indikatorvarden where kalla = 'exempeldata' and ar >= 2030"
    ).fetchone() == (0,)


def test_an_insats_without_id_is_recognised_by_namnd_and_name(rw_con):
    data = (
        "Namn;Nämnd;Finansiering;Belopp;Startdatum;Status;Typ;Fokusområde;Områden\n"
        "sommarjobb i parkförvaltning;Tekniska nämnden;ks_anslag;580000;2022-11-01;pågående;utökning;"
        "arbetsmarknad;Hela staden\n"
        "Trygghetsbelysning och stråk;TN;ks_anslag;770000;2022-12-01;pågående;ny;brottslighet;10\n"
    ).encode()
    p = importer.preview(rw_con, "insatser", data, "utan_id.csv")
    assert [a.key for a in (*p.changed, *p.unchanged)] == ["INS-007"]
    assert texts(p) == [
        "utan_id.csv, rad 3, kolumn Namn: flera insatser hos nämnden heter så (INS-005, INS-051); ange insats-id "
        "(värde: 'Trygghetsbelysning och stråk')"
    ]
