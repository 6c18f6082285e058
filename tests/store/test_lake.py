"""The DuckLake store (lokalutveckling.store.lake, .lake_recovery) on a real, throw-away PostgreSQL cluster
(tests/pg.py): the same answers as a store file, nothing lost when the catalog is lost, many processes
writing at once, moving a store file in and back, a command's write seen by the app's next run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from lokalutveckling import cli, store, writes
from lokalutveckling.domain import NotSaved
from lokalutveckling.paths import QUERIES_DIR, ROOT
from lokalutveckling.store import cache, journal, lake_recovery, recovery, unit_of_work
from lokalutveckling.store.lake import ENV_CATALOG, ENV_FOLDER, Lake, LakeError, version
from lokalutveckling.store.recovery import Action
from tests import pg
from tests.sources.recorded_services import serving
from tests.store.test_queries import DEFAULTS, SINGLE_YEAR
from tests.writes.helpers import ADMIN, EDITOR, HASH, RUNNING, follow_up


def contents(con: store.Connection) -> dict[str, list[tuple]]:
    """Every row of every table but the journal's position, sorted: what a store holds."""
    names = lake_recovery.tables(con)
    return {t: sorted(con.table(t).fetchall(), key=repr) for t in names if t != "journal_position"}


def rows(frame: pd.DataFrame) -> list[str]:
    """A query's rows in a stable order (some cells are lists, which pandas cannot sort by)."""
    return sorted(repr(tuple(_cell(v) for v in r)) for r in frame.itertuples(index=False))


def _cell(value: object) -> object:
    """Sums of floats may differ in their last digit with the order the engine adds them in."""
    return round(value, 6) if isinstance(value, float) else value


def environment(where: Lake) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LOKALUTVECKLING_DB", journal.ENV)}
    return {**env, ENV_CATALOG: where.catalog, ENV_FOLDER: str(where.folder), "PYTHONPATH": str(ROOT)}


def in_process(where: Lake, code: str, *, timeout: float = 180) -> subprocess.CompletedProcess:
    """Run `code` in another Python process configured for the lake (as a second app process or a command)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=environment(where),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def lose_catalog(cluster: pg.Cluster, where: Lake) -> None:
    """The catalog database dropped and made again, empty: PostgreSQL lost, or a new server."""
    name = where.catalog.rsplit("dbname=", 1)[1]
    cluster.sql(f"drop database {name} with (force)")
    cluster.sql(f"create database {name}")


# ------------------------------------------------------------------------------ the same answers


def test_every_read_query_gives_the_same_rows_on_a_lake_as_on_a_store_file(con, lake):
    opened = recovery.open_store(lake)
    try:
        compared = 0
        for path in sorted(QUERIES_DIR.rglob("*.sql")):
            name = str(path.relative_to(QUERIES_DIR).with_suffix(""))
            if name.split("/")[0] in ("build", "checks", "write", "store", "register") or name == "data_status":
                continue  # (data_status says when each store was built)
            params = {**DEFAULTS, "ar": SINGLE_YEAR[name]} if name in SINGLE_YEAR else DEFAULTS
            try:
                on_file = store.run_query(con, name, **params)
            except TypeError:  # a query with parameters of its own: its tests run it
                continue
            on_lake = store.run_query(opened.con, name, **params)
            assert list(on_lake.columns) == list(on_file.columns), name
            assert rows(on_lake) == rows(on_file), name
            compared += 1
        assert compared >= 60
    finally:
        opened.con.close()


def test_a_new_lake_is_built_from_the_seeds_and_holds_what_a_store_file_holds(empty_lake, con):
    opened = recovery.open_store(empty_lake)
    try:
        assert opened.report.action is Action.BUILT and opened.report.missing
        on_lake = contents(opened.con)
        assert on_lake["insatser"] == sorted(con.table("insatser").fetchall(), key=repr)
        assert len(on_lake["indikatorvarden"]) == con.execute("select count(*) from indikatorvarden").fetchone()[0]
        assert version(opened.con) is not None and version(con) is None
        assert opened.journal.root == empty_lake.folder / "lokalutveckling.journal"
        assert opened.journal.base(opened.journal.generation)["typ"] == "seed"
    finally:
        opened.con.close()
    again = recovery.open_store(empty_lake)
    assert again.report.action is Action.CURRENT
    again.con.close()


# ------------------------------------------------------------------------------- nothing lost


def test_edits_accounts_and_audit_survive_losing_the_catalog(lake, pg_cluster):
    con = recovery.open_store(lake).con
    try:
        writes.update_insats(con, EDITOR, RUNNING, {"belopp_kr": 612_345}, 1)
        writes.add_user(con, ADMIN, {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "e_post": "k@malmo.se"})
        writes.set_password(con, ADMIN, "kim", HASH)
        before = contents(con)
    finally:
        con.close()
    lose_catalog(pg_cluster, lake)
    again = recovery.open_store(lake)
    try:
        assert again.report.action is Action.REBUILT and again.report.entries_applied == 3
        assert contents(again.con) == before
        assert writes.get_insats(again.con, RUNNING)["belopp_kr"] == 612_345
        assert again.con.execute("select losenord_hash from anvandare where anvandarnamn = 'kim'").fetchone() == (HASH,)
    finally:
        again.con.close()


def test_a_backup_of_a_lake_is_put_back_into_it(lake, tmp_path):
    con = recovery.open_store(lake).con
    try:
        writes.update_insats(con, EDITOR, RUNNING, {"namn": "Före säkerhetskopian"}, 1)
    finally:
        con.close()
    folder = recovery.backup(lake.place, tmp_path / "kopior")
    con = recovery.open_store(lake).con
    try:
        writes.update_insats(con, EDITOR, RUNNING, {"namn": "Efter säkerhetskopian"}, 2)
    finally:
        con.close()
    report = recovery.restore_backup(lake, folder)
    assert report.action is Action.REBUILT and report.entries_applied == 1
    con = recovery.open_store(lake).con
    try:
        assert writes.get_insats(con, RUNNING)["namn"] == "Före säkerhetskopian"
        kept = list((lake.folder / "snapshots").glob("*fore-aterstallning*.duckdb"))
        assert len(kept) == 1  # the lake as it was, with the later edit
        copy = store.connect(kept[0])
        assert copy.execute("select namn from insatser where insats_id = ?", [RUNNING]).fetchone() == (
            "Efter säkerhetskopian",
        )
        copy.close()
    finally:
        con.close()


def test_a_write_that_breaks_a_kept_rule_is_not_saved_on_either_backend(lake, rw_con):
    for con in (recovery.open_store(lake).con, rw_con):
        before = contents(con)
        with pytest.raises(NotSaved, match="anvandare 'kim': användarnamnet finns redan"):
            with unit_of_work.transaction(con) as cur:
                for _ in range(2):
                    store.run_rows(
                        cur,
                        "write/anvandare_insert",
                        anvandarnamn="kim",
                        namn="Kim",
                        e_post=None,
                        roll="redaktor",
                        losenord_hash=None,
                    )
        assert contents(con) == before


# ------------------------------------------------------------------------------ moving stores


def test_a_store_file_moves_into_a_lake_and_back_with_every_row(built_store, copy_store, tmp_path, empty_lake):
    path = copy_store(built_store, tmp_path / "store.duckdb")
    con = recovery.open_store(path).con
    try:
        writes.update_insats(con, EDITOR, RUNNING, {"belopp_kr": 700_000}, 1)
        writes.add_user(con, ADMIN, {"anvandarnamn": "sam", "namn": "Sam", "roll": "admin", "e_post": "sam@malmo.se"})
        writes.add_uppfoljning(con, EDITOR, RUNNING, follow_up(vad="<b>läst</b>"))
        on_file = contents(con)
    finally:
        con.close()
    moved = lake_recovery.to_lake(path, empty_lake)
    assert moved.differences == [] and moved.before == moved.after
    assert moved.after["audit"][0] == len(on_file["audit"]) > 3 and moved.after["anvandare"][0] == 1
    assert "SKILLNAD" not in "\n".join(moved.lines())
    opened = recovery.open_store(empty_lake)
    try:
        assert opened.report.action is Action.CURRENT
        assert contents(opened.con) == on_file
        assert opened.journal.base(opened.journal.generation)["typ"] == "fil"
    finally:
        opened.con.close()
    with pytest.raises(LakeError, match="har redan en databas"):
        lake_recovery.to_lake(path, empty_lake)

    back = tmp_path / "tillbaka.duckdb"
    returned = lake_recovery.from_lake(empty_lake, back)
    assert returned.differences == [] and returned.after == moved.after
    file_again = recovery.open_store(back)
    try:
        assert file_again.report.action is Action.ADOPTED
        assert contents(file_again.con) == on_file
    finally:
        file_again.con.close()
    with pytest.raises(LakeError, match="finns redan"):
        lake_recovery.from_lake(empty_lake, back)


def test_the_move_commands_print_the_counts_and_refuse_without_a_configured_lake(
    built_store, copy_store, tmp_path, empty_lake, monkeypatch, capsys
):
    path = copy_store(built_store, tmp_path / "store.duckdb")
    monkeypatch.delenv(ENV_CATALOG, raising=False)
    assert cli.main(["store", "to-lake", "--db", str(path)]) == 1
    assert "Ingen DuckLake-databas är konfigurerad" in capsys.readouterr().err
    monkeypatch.setenv(ENV_CATALOG, empty_lake.catalog)
    monkeypatch.setenv(ENV_FOLDER, str(empty_lake.folder))
    assert cli.main(["store", "to-lake", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "insatser                       67           67  samma" in out
    assert "Varje tabell har samma rader och innehåll" in out
    assert "password" not in out and empty_lake.catalog in out  # the catalog named, no password in it
    assert cli.main(["store", "build"]) == 0
    assert "Databasen är aktuell." in capsys.readouterr().out


# --------------------------------------------------------------------------- many processes


def test_another_process_write_is_seen_on_the_next_run(lake, monkeypatch):
    monkeypatch.setenv(ENV_CATALOG, lake.catalog)
    monkeypatch.setenv(ENV_FOLDER, str(lake.folder))
    cache.forget_connection()
    try:
        con = cache.connection()
        assert cache.follow_other_processes() is False  # the first look only remembers the version
        first = cache.cached_query("insatser_register", **DEFAULTS)
        assert cache.follow_other_processes() is False
        done = in_process(
            lake,
            f"""
            from lokalutveckling import writes
            from lokalutveckling.domain import User
            from lokalutveckling.store import lake, recovery
            con = recovery.open_store(lake.target()).con
            writes.update_insats(con, User("sam", "Sam", "redaktor"), "{RUNNING}", {{"namn": "Från process två"}}, 1)
            """,
        )
        assert done.returncode == 0, done.stderr
        assert cache.cached_query("insatser_register", **DEFAULTS).equals(first)  # cached until the next run
        assert cache.follow_other_processes() is True
        names = cache.cached_query("insatser_register", **DEFAULTS).set_index("insats_id")["namn"]
        assert names[RUNNING] == "Från process två"
        assert writes.get_insats(con, RUNNING)["version"] == 2
    finally:
        cache.forget_connection()


def test_an_editor_in_another_process_gets_the_conflict_nothing_overwritten(lake):
    con = recovery.open_store(lake).con
    try:
        loaded = writes.get_insats(con, RUNNING)
        done = in_process(
            lake,
            f"""
            from lokalutveckling import writes
            from lokalutveckling.domain import User
            from lokalutveckling.store import lake, recovery
            con = recovery.open_store(lake.target()).con
            writes.update_insats(con, User("sam", "Sam", "redaktor"), "{RUNNING}", {{"belopp_kr": 111_111}}, 1)
            """,
        )
        assert done.returncode == 0, done.stderr
        with pytest.raises(writes.ConflictError) as info:
            writes.update_insats(con, EDITOR, RUNNING, {"belopp_kr": 222_222}, int(loaded["version"]))
        assert info.value.stored["belopp_kr"] == 111_111 and info.value.stored_version == 2
        assert writes.get_insats(con, RUNNING)["belopp_kr"] == 111_111
    finally:
        con.close()


WRITER = """
import sys
from datetime import date
from lokalutveckling import writes
from lokalutveckling.domain import User
from lokalutveckling.store import lake, recovery
who, n = sys.argv[1], int(sys.argv[2])
con = recovery.open_store(lake.target()).con
user = User(who, who, "redaktor")
for i in range(n):
    fields = {{"datum": date(2025, 1, 1 + i), "vem": who, "vad": f"{{who}} {{i}}", "effekt": "oklar"}}
    writes.add_uppfoljning(con, user, "{insats}", fields)
print("klar", who)
"""


def test_processes_writing_at_once_lose_nothing_and_the_journal_holds_every_write(lake, pg_cluster):
    recovery.open_store(lake).con.close()
    code = textwrap.dedent(WRITER.format(insats=RUNNING))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", code, who, "4"],
            env=environment(lake),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("ett", "tva", "tre")
    ]
    for w in writers:
        _, err = w.communicate(timeout=240)
        assert w.returncode == 0, err
    con = recovery.open_store(lake).con
    try:
        rows = con.execute(
            "select vad from uppfoljningar where insats_id = ? and vem in ('ett', 'tva', 'tre')", [RUNNING]
        )
        got = sorted(r[0] for r in rows.fetchall())
        assert got == sorted(f"{who} {i}" for who in ("ett", "tva", "tre") for i in range(4))
        ids = [r[0] for r in con.execute("select uppfoljning_id from uppfoljningar").fetchall()]
        assert len(ids) == len(set(ids))
        audit_ids = [r[0] for r in con.execute("select audit_id from audit").fetchall()]
        assert len(audit_ids) == len(set(audit_ids)) and len(audit_ids) >= 12
        reading = journal.Journal(lake.folder / "lokalutveckling.journal").read()
        assert len(reading.effective()) == 12 and not reading.problems
        before = contents(con)
    finally:
        con.close()
    lose_catalog(pg_cluster, lake)
    again = recovery.open_store(lake)
    try:
        assert again.report.action is Action.REBUILT and contents(again.con) == before
    finally:
        again.con.close()


def test_a_statistics_command_writes_into_the_lake_while_it_is_open(lake, monkeypatch, capsys):
    con = recovery.open_store(lake).con
    try:
        before = con.execute("select count(*) from statistik_hamtningar").fetchone()[0]
        monkeypatch.setenv(ENV_CATALOG, lake.catalog)
        monkeypatch.setenv(ENV_FOLDER, str(lake.folder))
        with serving() as server:
            url = server.install("/ok")
            code = cli.main(
                ["stats", "refresh", "--ckan-url", url, "--kolada-url", url + "/kolada/v3", "--timeout", "5"]
            )
        out = capsys.readouterr()
        assert code == 0, out.err
        assert con.execute("select count(*) from statistik_hamtningar").fetchone()[0] > before
        official = con.execute("select count(*) from indikatorvarden where kalla like 'ckan:%'").fetchone()[0]
        assert official > 0
    finally:
        con.close()
