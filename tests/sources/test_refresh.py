"""`stats refresh`: the declared mapping of the indicators to official sources (indikator_kallor.csv), and
the one command that replaces exempeldata with official values, against recorded CKAN answers
(tests/fixtures/statistik/refresh_*.json, invented values in CKAN's documented shape) served by a real
HTTP server on 127.0.0.1. No request leaves this machine.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from lokalutveckling import cli, store
from lokalutveckling.domain import User, today
from lokalutveckling.sources import refresh, statistik
from lokalutveckling.sources.http import FetchError
from lokalutveckling.store import recovery, snapshots

FIXTURES = Path(__file__).parents[1] / "fixtures" / "statistik"
SEED = Path(__file__).parents[2] / "data" / "seed" / "indikator_kallor.csv"

_spec = importlib.util.spec_from_file_location("make_refresh_fixtures", FIXTURES / "make_refresh_fixtures.py")
recorded = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(recorded)


# ---------------------------------------------------------------------------------------- server
# A small copy of tests/sources/test_statistik.py's server (its classes are private there): routes by
# method, path and query as a set; each answer may wait before it is sent.


def _key(target: str) -> tuple[str, frozenset]:
    parts = urllib.parse.urlsplit(target)
    return urllib.parse.unquote(parts.path), frozenset(urllib.parse.parse_qsl(parts.query))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[tuple, tuple[bytes, float]]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up on a slow answer closes the socket: expected here


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        route = self.server.routes.get(_key(self.path))
        if route is None:
            self.send_error(404, "Not Found")
            return
        payload, delay = route
        time.sleep(delay)
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args) -> None:
        pass


class Recorded:
    """The recorded answers under a path prefix per variant: /ok, /saknas, /kolumn, …"""

    def __init__(self, httpd: _Server):
        self.httpd = httpd
        host, port = httpd.server_address[:2]
        self.base = f"http://{host}:{port}"

    def install(self, prefix: str, change=None, *, delay: float = 0.0) -> str:
        """Every recorded route under `prefix`; `change(file, doc)` may alter an answer first."""
        for target, file in recorded.routes().items():
            doc = json.loads((FIXTURES / file).read_text(encoding="utf-8"))
            if change is not None:
                doc = change(file, copy.deepcopy(doc))
            self.httpd.routes[_key(prefix + target)] = (json.dumps(doc, ensure_ascii=False).encode(), delay)
        return self.base + prefix


@pytest.fixture(scope="module")
def server() -> Iterator[Recorded]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.routes = {}
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield Recorded(httpd)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def ok(server: Recorded) -> str:
    return server.install("/ok")


@pytest.fixture()
def db(built_store: Path, copy_store, tmp_path: Path) -> Path:
    return copy_store(built_store, tmp_path / "store.duckdb")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(db: Path, url: str, *extra: str, capsys) -> tuple[int, str, str]:
    code = cli.main(["stats", "refresh", "--db", str(db), "--ckan-url", url, "--timeout", "5", *extra])
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def values(db: Path) -> pd.DataFrame:
    con = store.connect(db)
    try:
        return con.execute(
            "select indikator_kod, omrade_kod, ar, varde, kalla from indikatorvarden "
            "order by indikator_kod, omrade_kod, ar"
        ).df()
    finally:
        con.close()


def counts(db: Path) -> dict[str, int]:
    con = store.connect(db)
    try:
        out = {}
        for table in ("statistik_hamtningar", "statistik_varden", "kallor", "audit", "indikatorvarden"):
            try:
                out[table] = con.execute(f"select count(*) from {table}").fetchone()[0]
            except store.CatalogError:
                out[table] = 0
        return out
    finally:
        con.close()


def membership(db: Path) -> pd.DataFrame:
    con = store.connect(db)
    try:
        return store.run_query(con, "omraden_membership")
    finally:
        con.close()


def expected_folkmangd(db: Path) -> dict[tuple[str, int], float]:
    """The areas' sums, worked out from the seed's delområden and the rule in make_refresh_fixtures."""
    m = membership(db)
    number = {code: i for i, (code, _) in enumerate(recorded.delomraden())}  # i as the fixture counts
    out: dict[tuple[str, int], float] = {}
    for year in recorded.YEARS:
        for code, area in zip(m["delomrade_kod"], m["omrade_kod"], strict=True):
            v = recorded.folkmangd_value(number[code], "", year)
            out[(area, year)] = out.get((area, year), 0) + v
            out[("0", year)] = out.get(("0", year), 0) + v
    return out


# ------------------------------------------------------------------------------------ the seed


def seed() -> pd.DataFrame:
    return pd.read_csv(SEED, dtype=str, keep_default_na=False)


def test_committed_fixtures_are_what_the_script_makes():
    for name, text in recorded.files().items():
        assert (FIXTURES / name).read_text(encoding="utf-8") == text, name
    assert sum(len(t) for t in recorded.files().values()) < 80_000


def test_the_mapping_covers_all_13_indicators_with_one_area_source_each(con):
    s = seed()
    indicators = set(store.run_query(con, "indikatorer")["indikator_kod"])
    assert len(indicators) == 13 and set(s["indikator_kod"]) == indicators
    area = s[s["roll"] == "omrade"]
    assert sorted(area["indikator_kod"]) == sorted(indicators)  # exactly one each
    surveys = area[area["tjanst"] == "enkat"].set_index("indikator_kod")["enkat"]
    assert set(surveys.index) == {"trivsel_omrade", "foreningsliv", "otrygghet"}
    assert surveys["otrygghet"] == "Trygghetsmätningen (Polisen och Malmö stad)"
    assert "Hälsa på lika villkor" in surveys["foreningsliv"] and "Folkhälsoenkäten" in surveys["foreningsliv"]
    kolada = s[s["tjanst"] == "kolada"]
    assert set(kolada["roll"]) == {"jamforelse"}  # Kolada has municipalities, never areas
    assert kolada.set_index("indikator_kod")["resurs"]["folkmangd"] == "N01951"
    valdsbrott = kolada.set_index("indikator_kod").loc["valdsbrott"]
    assert (valdsbrott["resurs"], valdsbrott["faktor"]) == ("N07403", "0.01")  # per 100 000 -> per 1 000
    assert set(s.loc[s["tjanst"] == "ckan", "sakerhet"]) == {"att bekräfta"}  # no name seen on the portal
    verified = set(s.loc[(s["tjanst"] == "kolada") & (s["sakerhet"] == "verifierad"), "resurs"])
    assert verified == {"N01951", "N00914", "N01982", "N05401", "N07403"}
    assert "RAMS" in area.set_index("indikator_kod")["anmarkning"]["forvarvsfrekvens"]
    table = con.execute("select count(*), count(distinct indikator_kod) from indikator_kallor").fetchone()
    assert table == (len(s), 13)


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path.name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKS = [  # (the line as in the seed, the same line broken, what the build must say about it)
    ("folkmangd,jamforelse,kolada,N01951", "folkmangd,omrade,kolada,N01951", "roll ska vara jamforelse"),
    ("otrygghet,jamforelse,kolada,N07609", "otrygghet,jamforelse,kolada,07609", "N och fem siffror"),
    (",antal/100 000 inv,0.01,", ",antal/100 000 inv,hundradel,", "kolumn faktor: ska vara ett tal"),
    ("folkmangd,omrade,ckan,Folkmängd,,summa", "folkmangd,omrade,ckan,Folkmängd,,medel", "kolumn aggregering"),
    ("unga_uvas,omrade,saknas", "unga_uvas,omrade,kanske", "kolumn tjanst: otillåtet värde"),
    ("N00914,,,,procent,,,,verifierad", "N00914,,,,procent,,tjugo,,verifierad", "kolumn ar_fran: ska vara ett heltal"),
    ("N02797,,,,procent,,,,att", "N02797,,,,procent,,2022,2019,att", "kolumn ar_till: ska vara samma år"),
    ("valdeltagande,jamforelse", "valdeltagandet,jamforelse", "okänd kod, finns inte i indikatorer.csv"),
    ("trangboddhet,jamforelse,kolada", "trangboddhet,omrade,scb", "indikatorn har 2 rader med roll omrade"),
    (",Folkmängd 20–64 år,procent,", ",,procent,", "kolumn vikt_resurs: obligatoriskt fält är tomt"),
    (
        "otrygghet,omrade,enkat,,,,,procent,,,,verifierad,Trygghetsmätningen (Polisen och Malmö stad)",
        "otrygghet,omrade,enkat,,,,,procent,,,,verifierad,",
        "kolumn enkat: obligatoriskt fält är tomt",
    ),
    ("eftergymnasial,jamforelse,kolada,N01982", "eftergymnasial,omrade,ckan,N01982", "ska vara unik"),
]


def test_a_bad_mapping_seed_stops_the_build_naming_file_row_and_column(seed_copy):
    path = seed_copy / "indikator_kallor.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = {}
    for old, new, expected in BREAKS:  # all at once: one build reports every problem
        (number,) = [n for n, line in enumerate(lines, start=1) if old in line]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        rows[expected] = number
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(store.SeedError) as info:
        store.build(store.connect(None), seed_copy)
    for expected, number in rows.items():
        assert any(
            p.startswith(f"indikator_kallor.csv, rad {number}, kolumn ") and expected in p for p in info.value.problems
        ), (expected, number, info.value.problems)


def test_a_mapping_row_with_a_column_too_many_is_named(seed_copy):
    _replace_in(seed_copy / "indikator_kallor.csv", ",antal/100 000 inv,0.01,", ",antal/100 000 inv,0,01,")
    with pytest.raises(store.SeedError, match=r"indikator_kallor\.csv, rad 23: 16 kolumner, rubrikraden har 15"):
        store.build(store.connect(None), seed_copy)


def test_an_indicator_without_any_source_row_is_named(seed_copy):
    path = seed_copy / "indikator_kallor.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("trivsel_omrade,")), encoding="utf-8")
    with pytest.raises(store.SeedError) as info:
        store.build(store.connect(None), seed_copy)
    assert any(
        "indikator_kallor.csv, kolumn indikator_kod" in p and "'trivsel_omrade'" in p and "ingen rad" in p
        for p in info.value.problems
    ), info.value.problems


# ------------------------------------------------------------------------------------ the refresh


def test_the_full_refresh_makes_two_indicators_official_for_all_14_areas(server, ok, db, capsys):
    before = values(db)
    code, out, err = run(db, ok, capsys=capsys)
    assert code == 0 and err == ""
    after = values(db)
    official = after[after["kalla"].str.startswith("ckan:")]
    folk = official[official["indikator_kod"] == "folkmangd"].set_index(["omrade_kod", "ar"])["varde"]
    assert len(folk) == 15 * 2 and folk.to_dict() == expected_folkmangd(db)
    assert folk[("0", 2022)] == 145_180 and folk[("0", 2023)] == 146_540
    assert set(official.loc[official["indikator_kod"] == "folkmangd", "kalla"]) == {f"ckan:{recorded.FOLK_ID}"}
    work = official[official["indikator_kod"] == "forvarvsfrekvens"].set_index(["omrade_kod", "ar"])["varde"]
    assert len(work) == 30
    assert work[("14", 2022)] == pytest.approx(74.0) and work[("14", 2023)] == pytest.approx(74.0)
    assert work[("1", 2022)] == pytest.approx(60.0) and work[("1", 2023)] == pytest.approx(62.0)
    city_2022 = (132 * 600 * 60 + 1000 * 50 + 3000 * 70 + 6000 * 80) / (132 * 600 + 10_000)
    assert work[("0", 2022)] == pytest.approx(city_2022)
    assert set(official["indikator_kod"]) == {"folkmangd", "forvarvsfrekvens"}
    # everything else as it was: the other indicators, and the years the answers do not have
    untouched = before.merge(official[["indikator_kod", "omrade_kod", "ar"]], how="left", indicator=True)
    untouched = untouched[untouched["_merge"] == "left_only"].drop(columns="_merge").reset_index(drop=True)
    rest = after.merge(official[["indikator_kod", "omrade_kod", "ar"]], how="left", indicator=True)
    rest = rest[rest["_merge"] == "left_only"].drop(columns="_merge").reset_index(drop=True)
    pd.testing.assert_frame_equal(untouched, rest)
    assert len(after) == len(before)

    assert "folkmangd (Folkmängd): officiella: 30 område×år, kvar som exempeldata: 105, vägrade: 0" in out
    assert "forvarvsfrekvens (Förvärvsfrekvens 20–64 år): officiella: 30 område×år, kvar som exempeldata: 105" in out
    assert (
        "trangboddhet (Trångboddhet (norm 2)): officiella: 0 område×år, kvar som exempeldata: 135, vägrade: hela "
        "indikatorn (ingen resurs heter ”Trångboddhet enligt norm 2, andel (%)”" in out
    )
    assert "(sökningen gav ”Eftergymnasial utbildning 25–64 år, andel (%) 2019”)" in out
    assert "2 resurser heter ”Hushåll med ekonomiskt bistånd, andel (%)”" in out
    assert (
        "otrygghet (Känner sig otrygg ute sent på kvällen): ingen officiell källa; finns i: Trygghetsmätningen "
        "(Polisen och Malmö stad) (jämförelse per kommun: kolada N07609)" in out
    )
    assert "foreningsliv (Deltar i föreningsliv): ingen officiell källa; finns i: Folkhälsoenkäten" in out
    assert "Sparade 60 ändrade värden i" in out and "Ögonblicksbild före:" in out

    con = store.connect(db)
    try:
        kallor = con.execute(
            "select kalla_id, typ, datum, organ, titel from kallor where kalla_id like 'ckan:%' order by titel"
        ).fetchall()
        day = kallor[0][2]
        assert day in {today(), today() - timedelta(days=1)}  # the fetch day (midnight may have passed)
        assert kallor == [
            (
                f"ckan:{recorded.FOLK_ID}",
                "statistik",
                day,
                "Stadskontoret, Malmö stad",
                f"Folkmängd (Statistikunderlag för Malmös områden), hämtad {day.isoformat()}",
            ),
            (
                f"ckan:{recorded.ANDEL_ID}",
                "statistik",
                day,
                "Stadskontoret, Malmö stad",
                f"Förvärvsarbetande 20–64 år, andel (%) (Statistikunderlag för Malmös områden), hämtad {day}",
            ),
        ]
        fetches = con.execute(
            "select tjanst, tabell_id, vikt_tabell_id, referensar from statistik_hamtningar order by hamtning_id"
        ).fetchall()
        assert fetches == [
            ("ckan", recorded.FOLK_ID, None, 2023),
            ("ckan", recorded.ANDEL_ID, recorded.VIKT_ID, 2023),
        ]
        audit = con.execute(
            "select anvandare, handling, tabell, rad_id, gammalt_varde, nytt_varde, kommentar from audit "
            "where handling = 'officiell statistik' order by rad_id"
        ).fetchall()
        assert [a[:6] for a in audit] == [
            (
                statistik.current_user(),
                "officiell statistik",
                "indikatorvarden",
                "folkmangd",
                "135 exempeldata",
                f"30 ändrade (30 ersatte exempeldata, 0 nya) från ckan:{recorded.FOLK_ID}",
            ),
            (
                statistik.current_user(),
                "officiell statistik",
                "indikatorvarden",
                "forvarvsfrekvens",
                "135 exempeldata",
                f"30 ändrade (30 ersatte exempeldata, 0 nya) från ckan:{recorded.ANDEL_ID}",
            ),
        ]
        assert all(a[6].startswith("stats refresh; ögonblicksbild före: store-") for a in audit)
        assert con.execute("select count(*) from audit where handling = 'hämtning'").fetchone()[0] == 2
    finally:
        con.close()
    taken = snapshots.list_snapshots(db.parent / "snapshots")
    assert len(taken) == 1 and taken[0].anledning == "fore stats refresh"
    snap = store.connect(taken[0].path, read_only=True)
    try:  # the snapshot is the store as it was
        assert snap.execute("select count(*) from indikatorvarden where kalla <> 'exempeldata'").fetchone()[0] == 0
    finally:
        snap.close()


def test_a_second_refresh_with_the_same_answers_changes_nothing(server, ok, db, capsys):
    assert run(db, ok, capsys=capsys)[0] == 0
    first, first_counts = values(db), counts(db)
    code, out, err = run(db, ok, capsys=capsys)
    assert code == 0 and err == ""
    assert "inga ändringar" in out
    assert "folkmangd (Folkmängd): officiella: 30 område×år, kvar som exempeldata: 105, vägrade: 0" in out
    assert "ändras: 0 (ersätter exempeldata: 0, uppdaterar officiella: 0, nya: 0)" in out
    pd.testing.assert_frame_equal(values(db), first)
    assert counts(db) == first_counts
    assert len(snapshots.list_snapshots(db.parent / "snapshots")) == 1  # no write, no second snapshot


def _without(name: str, year: int):
    def change(file: str, doc: dict) -> dict:
        if file == "refresh_datastore_folkmangd.json":
            records = doc["result"]["records"]
            doc["result"]["records"] = [r for r in records if not (r["Delområde"] == name and r["År"] == year)]
            doc["result"]["total"] = len(doc["result"]["records"])
        return doc

    return change


def test_one_delomrade_missing_leaves_that_area_as_exempeldata_and_names_it(server, db, capsys):
    url = server.install("/saknas", _without("KASTANJEGÅRDEN", 2023))
    before = values(db)
    code, out, _ = run(db, url, capsys=capsys)
    assert code == 0
    assert "folkmangd (Folkmängd): officiella: 28 område×år, kvar som exempeldata: 107, vägrade: 2 (" in out
    assert "område 12 Lindängen, Almvik m fl 2023: saknar 1 av 7 delområden: 36215 KASTANJEGÅRDEN" in out
    assert "Malmö stad 2023: saknar 1 av 136 delområden: 36215 KASTANJEGÅRDEN" in out
    after = values(db).set_index(["indikator_kod", "omrade_kod", "ar"])
    kept = before.set_index(["indikator_kod", "omrade_kod", "ar"])
    for area in ("12", "0"):
        assert after.loc[("folkmangd", area, 2023)].to_dict() == kept.loc[("folkmangd", area, 2023)].to_dict()
        assert after.loc[("folkmangd", area, 2023), "kalla"] == "exempeldata"
        assert after.loc[("folkmangd", area, 2022), "kalla"] == f"ckan:{recorded.FOLK_ID}"
    assert after.loc[("folkmangd", "14", 2023), "kalla"] == f"ckan:{recorded.FOLK_ID}"


def _renamed(file: str, doc: dict) -> dict:
    if file == "refresh_datastore_folkmangd.json":
        rename = {"Delområdeskod": "DeSO", "Delområde": "Namn på DeSO"}
        doc["result"]["fields"] = [{**f, "id": rename.get(f["id"], f["id"])} for f in doc["result"]["fields"]]
        doc["result"]["records"] = [{rename.get(k, k): v for k, v in r.items()} for r in doc["result"]["records"]]
    return doc


def _city_total_off(file: str, doc: dict) -> dict:
    if file == "refresh_datastore_folkmangd.json":
        for r in doc["result"]["records"]:
            if r["Delområde"] == "Malmö" and r["År"] == 2023:
                r["Antal"] += 5000
    return doc


@pytest.mark.parametrize(
    ("prefix", "change", "expected"),
    [
        (
            "/kolumn",
            _renamed,
            "Ändrade kolumner i resursen 7a1c0a7e-0000-4000-8000-00000000r001 (Folkmängd): fann "
            "DeSO, Namn på DeSO, År, Antal, men ingen kolumn med delområdet",
        ),
        (
            "/summa",
            _city_total_off,
            "Svaret går inte ihop: folkmangd (Folkmängd), resursen "
            "7a1c0a7e-0000-4000-8000-00000000r001 ”Folkmängd” anger 151540 för hela Malmö 2023, men delområdena "
            "summerar till 146540 (skillnad -5000).",
        ),
    ],
)
def test_a_changed_or_inconsistent_answer_changes_nothing(server, db, capsys, prefix, change, expected):
    url = server.install(prefix, change)
    before, before_counts = values(db), counts(db)
    code, out, err = run(db, url, capsys=capsys)
    assert code == 1 and out == ""
    assert err.startswith("Fel: ") and expected in err, err
    assert f"Inget har ändrats i {db}." in err
    pd.testing.assert_frame_equal(values(db), before)
    assert counts(db) == before_counts
    assert not (db.parent / "snapshots").exists()


def test_no_network_changes_nothing(db, capsys):
    before, before_counts = values(db), counts(db)
    code, out, err = run(db, f"http://127.0.0.1:{closed_port()}", capsys=capsys)
    assert code == 1 and out == ""
    assert err.startswith("Fel: Ingen nätverksanslutning: kunde inte nå 127.0.0.1") and "vägrades" in err
    assert f"Inget har ändrats i {db}." in err
    pd.testing.assert_frame_equal(values(db), before)
    assert counts(db) == before_counts


def test_a_timeout_changes_nothing(server, db, capsys):
    url = server.install("/langsam", delay=0.6)
    before = values(db)
    code = cli.main(["stats", "refresh", "--db", str(db), "--ckan-url", url, "--timeout", "0.2"])
    err = capsys.readouterr().err
    assert code == 1 and "Tidsgränsen gick ut: 127.0.0.1 svarade inte inom 0.2 sekunder" in err
    pd.testing.assert_frame_equal(values(db), before)


def test_dry_run_prints_the_plan_and_writes_nothing(server, ok, db, capsys):
    before, before_counts = values(db), counts(db)
    code, out, err = run(db, ok, "--dry-run", capsys=capsys)
    assert code == 0 and err == ""
    assert "folkmangd (Folkmängd): officiella: 30 område×år, kvar som exempeldata: 105, vägrade: 0" in out
    assert f"Torrkörning: inget har skrivits i {db}; 60 värden skulle ändras." in out
    pd.testing.assert_frame_equal(values(db), before)
    assert counts(db) == before_counts
    assert not (db.parent / "snapshots").exists()


def test_values_from_another_source_are_kept_and_named(server, ok, db, capsys):
    con = store.connect(db, read_only=False)
    try:  # an editor's imported value (any source but exempeldata): not overwritten by the refresh
        con.execute(
            "update indikatorvarden set varde = 1.0, kalla = 'indikatorer.xlsx' "
            "where indikator_kod = 'folkmangd' and omrade_kod = '3' and ar = 2022"
        )
    finally:
        con.close()
    code, out, _ = run(db, ok, capsys=capsys)
    assert code == 0
    assert "behålls (annan källa än exempeldata): 1: område 3 " in out and "2022 (indikatorer.xlsx)" in out
    after = values(db).set_index(["indikator_kod", "omrade_kod", "ar"])
    assert after.loc[("folkmangd", "3", 2022)].to_dict() == {"varde": 1.0, "kalla": "indikatorer.xlsx"}


def test_writing_needs_an_administrator(server, ok, db):
    con = statistik.open_store(db)
    try:
        p = refresh.plan(con, base_url=ok, timeout=5)
        assert p.n_changes == 60
        with pytest.raises(FetchError, match="Inget har sparats"):
            refresh.apply(con, p, user=User("lasa", "Läsare", "lasare"))
    finally:
        con.close()
    assert set(values(db)["kalla"]) == {"exempeldata"}


def test_the_refresh_is_in_the_journal_a_store_built_again_has_the_official_values(server, ok, db, capsys):
    assert run(db, ok, capsys=capsys)[0] == 0
    written = values(db)
    db.unlink()  # the file lost: it is built again from the seeds and the journal's entries
    rebuilt = recovery.open_store(db).con
    rebuilt.close()
    pd.testing.assert_frame_equal(values(db), written)
    assert (written["kalla"] == f"ckan:{recorded.FOLK_ID}").sum() == 30
