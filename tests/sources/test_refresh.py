"""`stats refresh`: the declared mapping of the indicators to official sources (indikator_kallor.csv), and
the one command that replaces exempeldata with official values and fetches the Kolada comparisons,
against recorded CKAN and Kolada v3 answers (tests/fixtures/statistik/refresh_*.json, invented values in
each API's documented shape) served by a real HTTP server on 127.0.0.1. No request leaves this machine.
Expectations are derived from the seed's mapping and the fixture script, not counted by hand.
"""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from lokalutveckling import cli, store
from lokalutveckling.domain import COMMAND_LINE, User, today
from lokalutveckling.format import fmt_number
from lokalutveckling.sources import refresh, statistik
from lokalutveckling.sources.http import FetchError
from lokalutveckling.store import journal, recovery, snapshots
from tests.sources.recorded_services import COUNTS, FIXTURES, Recorded, recorded, serving

SEED = Path(__file__).parents[2] / "data" / "seed" / "indikator_kallor.csv"


@pytest.fixture(scope="module")
def server() -> Iterator[Recorded]:
    with serving() as recorded_server:
        yield recorded_server


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


def kolada_at(url: str) -> str:
    return url + recorded.KOLADA


def run(db: Path, url: str, *extra: str, capsys, kolada: str | None = None) -> tuple[int, str, str]:
    kolada = kolada or kolada_at(url)
    args = ["stats", "refresh", "--db", str(db), "--ckan-url", url, "--kolada-url", kolada, "--timeout", "5"]
    code = cli.main([*args, *extra])
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
        for table, query in COUNTS.items():
            try:
                out[table] = con.execute(query).fetchone()[0]
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


def expected_folkmangd(db: Path, value_of=None) -> dict[tuple[str, int], float]:
    """The areas' sums, worked out from the seed's delområden and the rule in make_refresh_fixtures."""
    value_of = value_of or recorded.folkmangd_value
    m = membership(db)
    number = {code: i for i, (code, _) in enumerate(recorded.delomraden())}  # i as the fixture counts
    names = dict(recorded.delomraden())
    out: dict[tuple[str, int], float] = {}
    for year in recorded.YEARS:
        for code, area in zip(m["delomrade_kod"], m["omrade_kod"], strict=True):
            v = value_of(number[code], names[code], year)
            out[(area, year)] = out.get((area, year), 0) + v
            out[("0", year)] = out.get(("0", year), 0) + v
    return out


# ------------------------------------------------------------------------------------ the seed


def seed() -> pd.DataFrame:
    return pd.read_csv(SEED, dtype=str, keep_default_na=False)


def test_committed_fixtures_are_what_the_script_makes():
    for name, text in recorded.files().items():
        assert (FIXTURES / name).read_text(encoding="utf-8") == text, name
    assert sum(len(t) for t in recorded.files().values()) < 200_000


def test_the_mapping_covers_every_indicator_with_one_area_source_each(con):
    s = seed()
    indicators = set(store.run_query(con, "indikatorer")["indikator_kod"])
    assert len(indicators) >= 13 and set(s["indikator_kod"]) == indicators
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
    assert table == (len(s), len(indicators))


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

NAME_TO_ID = {
    recorded.FOLK: recorded.FOLK_ID,
    recorded.VIKT: recorded.VIKT_ID,
    recorded.ANDEL: recorded.ANDEL_ID,
    **{name: rid for name, (rid, _, _) in recorded.BANDS.items()},
}
VALUE_OF = {
    recorded.FOLK: recorded.folkmangd_value,
    recorded.VIKT: recorded.weight_value,
    **{name: value for name, (_, _, value) in recorded.BANDS.items()},
}
KPIS = recorded.kolada_kpis()
N_KOLADA = len(recorded.MUNICIPALITIES) * len(recorded.KOLADA_YEARS) * len(KPIS)


def area_sources() -> pd.DataFrame:
    s = seed()
    return s[(s["roll"] == "omrade") & (s["tjanst"] == "ckan")]


def official_indicators() -> dict[str, str]:
    """indikator_kod -> resource name, for every CKAN area source the recorded portal has."""
    return {r.indikator_kod: r.resurs for r in area_sources().itertuples() if r.resurs in NAME_TO_ID}


N_OFFICIAL = 30 * len(official_indicators())  # 15 areas (with the city) × 2 years each


def kolada_rows(db: Path) -> pd.DataFrame:
    con = store.connect(db)
    try:
        return con.execute(
            "select h.hamtning_id, h.tabell_id, v.region_kod, v.ar, v.varde from statistik_varden v "
            "join statistik_hamtningar h using (hamtning_id) where h.tjanst = 'kolada' "
            "order by h.hamtning_id, v.region_kod, v.ar"
        ).df()
    finally:
        con.close()


def span() -> str:
    return f"2010–{today().year}"


@pytest.fixture(scope="module")
def refreshed(built_store: Path, ok: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store after one full refresh on the recorded answers (made once for the module, copied per test);
    what the command printed is in `report.txt` beside it."""
    path = _copy(built_store, tmp_path_factory.mktemp("refreshed") / "store.duckdb")
    result = refresh.refresh(path, base_url=ok, kolada_url=kolada_at(ok), timeout=5)
    assert result.written
    (path.parent / "report.txt").write_text("\n".join(refresh.report(result, path)) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def db_refreshed(refreshed: Path, copy_store, tmp_path: Path) -> Path:
    return copy_store(refreshed, tmp_path / "store.duckdb")


def test_the_recorded_age_bands_add_up_to_each_delomradets_folkmangd():
    def records(stem: str) -> dict[tuple[int, int], float]:
        doc = json.loads((FIXTURES / f"refresh_datastore_{stem}.json").read_text(encoding="utf-8"))
        return {(r["Delområdeskod"], r["År"]): r["Antal"] for r in doc["result"]["records"]}

    total = records("folkmangd")
    bands = [records(stem) for stem in ("folkmangd_0_5", "folkmangd_6_15", "folkmangd_16_19", "folkmangd_20_64")]
    bands.append(records("folkmangd_65"))
    assert len(total) == 2 * 137  # 136 delområden and Malmö, 2 years
    for key, value in total.items():
        assert sum(b[key] for b in bands) == value, key
        assert all(b[key] >= 0 for b in bands)
    assert total[(0, 2022)] == 152_780 and total[(0, 2023)] == 154_140


def test_the_full_refresh_makes_the_recorded_indicators_official_and_saves_the_kolada_comparisons(
    ok, built_store, refreshed, db_refreshed
):
    db = db_refreshed
    before, after = values(built_store), values(db)
    out = (refreshed.parent / "report.txt").read_text(encoding="utf-8")
    official = after[after["kalla"].str.startswith("ckan:")]
    assert set(official["indikator_kod"]) == set(official_indicators())
    for kod, resurs in official_indicators().items():
        got = official[official["indikator_kod"] == kod].set_index(["omrade_kod", "ar"])
        assert len(got) == 30 and set(got["kalla"]) == {f"ckan:{NAME_TO_ID[resurs]}"}, kod
        if resurs in VALUE_OF:  # the sums, worked out from the fixture's rule
            assert got["varde"].to_dict() == expected_folkmangd(db, VALUE_OF[resurs]), kod
    folk = official[official["indikator_kod"] == "folkmangd"].set_index(["omrade_kod", "ar"])["varde"]
    assert folk[("0", 2022)] == 152_780 and folk[("0", 2023)] == 154_140
    work = official[official["indikator_kod"] == "forvarvsfrekvens"].set_index(["omrade_kod", "ar"])["varde"]
    assert work[("14", 2022)] == pytest.approx(74.0) and work[("14", 2023)] == pytest.approx(74.0)
    assert work[("1", 2022)] == pytest.approx(60.0) and work[("1", 2023)] == pytest.approx(62.0)
    city_2022 = (132 * 600 * 60 + 1000 * 50 + 3000 * 70 + 6000 * 80) / (132 * 600 + 10_000)
    assert work[("0", 2022)] == pytest.approx(city_2022)
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
    assert f"Jämförelser per kommun ur Kolada {kolada_at(ok)} (värden som Kolada anger dem):" in out
    assert (
        f"  jämförelse N01951 ”Invånare totalt, antal” för folkmangd: Malmö 1280, Stockholm 0180, Göteborg 1480; "
        f"år {span()}, värden för 2022–2023; 6 värden; ny\n" in out
    )
    assert (
        f"  jämförelse N07403 ”Anmälda våldsbrott, antal/100 000 inv” för valdsbrott: Malmö 1280, Stockholm 0180, "
        f"Göteborg 1480; år {span()}, värden för 2022–2023; 6 värden; ny\n" in out
    )
    assert out.count("; 6 värden; ny\n") == len(KPIS)
    # Malmö's own city figure beside Kolada's for Malmö: the same population (no line); förvärvsfrekvens
    # differs in the recorded answers, and the line shows both, corrected nowhere.
    assert "avvikelse folkmangd" not in out
    assert f"Sparade {N_OFFICIAL + N_KOLADA} ändrade värden i" in out and "Ögonblicksbild före:" in out
    assert "Källa: Stadskontoret, Malmö stad" in out and "Kolada (RKA), CC BY 4.0." in out

    k = kolada_rows(db)
    assert list(dict.fromkeys(k["tabell_id"])) == KPIS and len(k) == N_KOLADA
    by = k.set_index(["tabell_id", "region_kod", "ar"])["varde"]
    assert by[("N01951", "1280", 2022)] == 152_780 and by[("N01951", "1480", 2023)] == 604_616 + 4_195
    assert by[("N07403", "0180", 2023)] == 1460  # per 100 000, as Kolada gives it: no faktor here
    theirs = by[("N00914", "1280", 2022)]
    ours = fmt_number(city_2022, "sv", 1)
    assert (
        f"  avvikelse forvarvsfrekvens hela Malmö 2022: Malmö stads statistik {ours}, Kolada N00914 "
        f"{fmt_number(theirs, 'sv', 1)} (skillnad {fmt_number(city_2022 - theirs, 'sv', 1)}); visas, rättas inte\n"
        in out
    )
    con = store.connect(db)
    try:
        kallor = dict(con.execute("select kalla_id, titel from kallor where kalla_id like 'ckan:%'").fetchall())
        assert set(kallor) == {f"ckan:{NAME_TO_ID[r]}" for r in official_indicators().values()}
        day = con.execute(
            "select datum from kallor where kalla_id = $kalla", {"kalla": f"ckan:{recorded.FOLK_ID}"}
        ).fetchone()[0]
        assert day in {today(), today() - timedelta(days=1)}  # the fetch day (midnight may have passed)
        assert kallor[f"ckan:{recorded.FOLK_ID}"] == f"Folkmängd (Statistikunderlag för Malmös områden), hämtad {day}"
        assert con.execute("select distinct typ, organ from kallor where kalla_id like 'ckan:%'").fetchall() == [
            ("statistik", "Stadskontoret, Malmö stad")
        ]
        fetches = con.execute("select tjanst, tabell_id, vikt_tabell_id from statistik_hamtningar").fetchall()
        assert ("ckan", recorded.ANDEL_ID, recorded.VIKT_ID) in fetches
        assert sorted(t for j, t, _ in fetches if j == "ckan") == sorted(
            NAME_TO_ID[r] for r in official_indicators().values()
        )
        audit = con.execute(
            "select anvandare, handling, tabell, rad_id, gammalt_varde, nytt_varde, kommentar from audit "
            "where handling = 'officiell statistik' order by rad_id"
        ).fetchall()
        assert {a[3] for a in audit} == set(official_indicators())
        assert (
            statistik.current_user(),
            "officiell statistik",
            "indikatorvarden",
            "folkmangd",
            "135 exempeldata",
            f"30 ändrade (30 ersatte exempeldata, 0 nya) från ckan:{recorded.FOLK_ID}",
        ) in [a[:6] for a in audit]
        assert all(a[6].startswith("stats refresh; ögonblicksbild före: store-") for a in audit)
        hamtning = con.execute("select count(*) from audit where handling = 'hämtning'").fetchone()[0]
        assert hamtning == len(official_indicators()) + len(KPIS)
    finally:
        con.close()
    taken = snapshots.list_snapshots(refreshed.parent / "snapshots")
    assert len(taken) == 1 and taken[0].anledning == "fore stats refresh"
    snap = store.connect(taken[0].path, read_only=True)
    try:  # the snapshot is the store as it was
        assert snap.execute("select count(*) from indikatorvarden where kalla <> 'exempeldata'").fetchone()[0] == 0
    finally:
        snap.close()


def _copy(template: Path, path: Path) -> Path:
    path.write_bytes(template.read_bytes())
    shutil.copytree(journal.journal_dir(template), journal.journal_dir(path))
    return path


@pytest.fixture(scope="module")
def empty_store(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose exempeldata indicator values are gone (made once for the module)."""
    path = _copy(built_store, tmp_path_factory.mktemp("empty") / "empty.duckdb")
    con = store.connect(path, read_only=False)
    try:
        con.execute("delete from indikatorvarden where kalla = 'exempeldata'")
    finally:
        con.close()
    return path


def test_the_full_refresh_from_empty_inserts_every_official_value(
    server, ok, empty_store, copy_store, tmp_path, capsys
):
    db = copy_store(empty_store, tmp_path / "store.duckdb")
    assert values(db).empty
    code, out, err = run(db, ok, capsys=capsys)
    assert code == 0 and err == ""
    after = values(db)
    assert len(after) == N_OFFICIAL and after["kalla"].str.startswith("ckan:").all()
    folk = after[after["indikator_kod"] == "folkmangd"].set_index(["omrade_kod", "ar"])["varde"]
    assert folk.to_dict() == expected_folkmangd(db)
    assert "folkmangd (Folkmängd): officiella: 30 område×år, kvar som exempeldata: 0, vägrade: 0" in out
    assert "ändras: 30 (ersätter exempeldata: 0, uppdaterar officiella: 0, nya: 30)" in out
    assert f"Sparade {N_OFFICIAL + N_KOLADA} ändrade värden i" in out
    assert len(kolada_rows(db)) == N_KOLADA


def test_a_second_refresh_with_the_same_answers_changes_nothing(server, ok, db_refreshed, capsys):
    db = db_refreshed
    first, first_counts, first_kolada = values(db), counts(db), kolada_rows(db)
    code, out, err = run(db, ok, capsys=capsys)
    assert code == 0 and err == ""
    assert "inga ändringar" in out
    assert "folkmangd (Folkmängd): officiella: 30 område×år, kvar som exempeldata: 105, vägrade: 0" in out
    assert "ändras: 0 (ersätter exempeldata: 0, uppdaterar officiella: 0, nya: 0)" in out
    assert out.count("; 6 värden; oförändrad\n") == len(KPIS) and "; ny\n" not in out
    pd.testing.assert_frame_equal(values(db), first)
    pd.testing.assert_frame_equal(kolada_rows(db), first_kolada)
    assert counts(db) == first_counts
    assert not (db.parent / "snapshots").exists()  # no write, no snapshot


def _kolada_changed(file: str, doc: dict) -> dict:
    if file == "refresh_kolada_data_N00914.json":
        for item in doc["values"]:
            if item["municipality"] == "0180" and item["period"] == 2023:
                for v in item["values"]:
                    v["value"] += 1.5
    return doc


def test_a_changed_kolada_value_saves_that_kpi_again_and_only_it(server, db_refreshed, capsys):
    db = db_refreshed
    first = kolada_rows(db)
    url = server.install("/ny_kolada", _kolada_changed)
    code, out, _ = run(db, url, capsys=capsys)
    assert code == 0
    assert "jämförelse N00914 ”Förvärvsarbetande invånare 20-64 år, andel (%)” för forvarvsfrekvens" in out
    assert "; 6 värden; ändrad\n" in out and out.count("; oförändrad\n") == len(KPIS) - 1
    assert "Sparade 6 ändrade värden i" in out  # the indicators have not changed: the KPI's 6 values
    k = kolada_rows(db)
    assert len(k) == N_KOLADA + 6
    newest = k[k["hamtning_id"] == k["hamtning_id"].max()].set_index(["tabell_id", "region_kod", "ar"])["varde"]
    old = first.set_index(["tabell_id", "region_kod", "ar"])["varde"]
    assert newest[("N00914", "0180", 2023)] == old[("N00914", "0180", 2023)] + 1.5
    assert newest[("N00914", "1280", 2022)] == old[("N00914", "1280", 2022)]


def _unknown_kpi(file: str, doc: dict) -> dict:
    if file == "refresh_kolada_kpi_N07609.json":
        return {"count": 0, "values": [], "next_url": None, "previous_url": None}
    if file == "refresh_kolada_data_N11800.json":
        return {"count": 0, "values": [], "next_url": None}
    return doc


def test_an_unknown_or_empty_kpi_is_refused_and_the_rest_are_saved(server, db, capsys):
    url = server.install("/okand", _unknown_kpi)
    code, out, err = run(db, url, capsys=capsys)
    assert code == 0 and err == ""
    assert (
        f"  jämförelse N07609 ”-” för otrygghet: Malmö 1280, Stockholm 0180, Göteborg 1480; år {span()}; 0 värden; "
        f"vägrad (Nyckeltalet N07609 finns inte i Kolada ({kolada_at(url)}/kpi/N07609)" in out
    )
    assert "jämförelse N11800 ”Barn 1-5 år inskrivna i förskola, andel (%)” för forskola_inskrivna" in out
    assert "0 värden; vägrad (Tomt svar: Kolada har inga värden för N11800" in out
    saved = set(kolada_rows(db)["tabell_id"])
    assert saved == set(KPIS) - {"N07609", "N11800"}
    assert f"Sparade {N_OFFICIAL + N_KOLADA - 12} ändrade värden i" in out


def test_kolada_v2_switched_off_changes_nothing(server, db, capsys):
    url = server.install(
        "/v2",
        lambda file, doc: (
            {"error": "This endpoint is deprecated. Please use /v3 instead."}
            if file.startswith("refresh_kolada_kpi_N01951")
            else doc
        ),
    )
    before, before_counts = values(db), counts(db)
    code, out, err = run(db, url, capsys=capsys)
    assert code == 1 and out == ""
    assert "Fel: Kolada svarade med ett fel: This endpoint is deprecated. Please use /v3 instead." in err
    pd.testing.assert_frame_equal(values(db), before)
    assert counts(db) == before_counts


def _without(name: str, year: int):
    def change(file: str, doc: dict) -> dict:
        if file == "refresh_datastore_folkmangd.json":
            records = doc["result"]["records"]
            doc["result"]["records"] = [r for r in records if not (r["Delområde"] == name and r["År"] == year)]
            doc["result"]["total"] = len(doc["result"]["records"])
        return doc

    return change


def test_one_delomrade_missing_leaves_that_area_as_it_was_and_names_it(server, db, capsys):
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


def _kolada_shape(file: str, doc: dict) -> dict:
    if file == "refresh_kolada_data_N05401.json":
        for item in doc["values"]:
            item["kommun"] = item.pop("municipality")
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
            "7a1c0a7e-0000-4000-8000-00000000r001 ”Folkmängd” anger 159140 för hela Malmö 2023, men delområdena "
            "summerar till 154140 (skillnad -5000).",
        ),
        ("/koladaform", _kolada_shape, "Ändrat svar från Kolada: väntade fälten kpi, municipality, period, values"),
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


def test_no_network_changes_nothing(server, ok, db, capsys):
    before, before_counts = values(db), counts(db)
    closed = f"http://127.0.0.1:{closed_port()}"
    for ckan_at, kolada in ((closed, kolada_at(ok)), (ok, closed)):  # either service unreachable
        code, out, err = run(db, ckan_at, capsys=capsys, kolada=kolada)
        assert code == 1 and out == ""
        assert err.startswith("Fel: Ingen nätverksanslutning: kunde inte nå 127.0.0.1") and "vägrades" in err
        assert f"Inget har ändrats i {db}." in err
    pd.testing.assert_frame_equal(values(db), before)
    assert counts(db) == before_counts


def test_a_timeout_changes_nothing(server, db, capsys):
    url = server.install("/langsam", delay=0.6)
    before = values(db)
    args = ["stats", "refresh", "--db", str(db), "--ckan-url", url, "--kolada-url", kolada_at(url), "--timeout", "0.2"]
    code = cli.main(args)
    err = capsys.readouterr().err
    assert code == 1 and "Tidsgränsen gick ut: 127.0.0.1 svarade inte inom 0.2 sekunder" in err
    pd.testing.assert_frame_equal(values(db), before)


def test_dry_run_prints_the_plan_and_writes_nothing(server, ok, db, capsys):
    before, before_counts = values(db), counts(db)
    code, out, err = run(db, ok, "--dry-run", capsys=capsys)
    assert code == 0 and err == ""
    assert "folkmangd (Folkmängd): officiella: 30 område×år, kvar som exempeldata: 105, vägrade: 0" in out
    assert out.count("; 6 värden; ny\n") == len(KPIS)
    # Malmö's own city figure beside Kolada's for Malmö: the same population (no line); förvärvsfrekvens
    # differs in the recorded answers, and the line shows both, corrected nowhere.
    assert "avvikelse folkmangd" not in out
    assert f"Torrkörning: inget har skrivits i {db}; {N_OFFICIAL + N_KOLADA} värden skulle ändras." in out
    pd.testing.assert_frame_equal(values(db), before)
    assert counts(db) == before_counts
    assert not (db.parent / "snapshots").exists()


def test_the_addresses_come_from_the_environment(server, ok, db, capsys, monkeypatch):
    monkeypatch.delenv(refresh.CKAN_URL_ENV, raising=False)
    monkeypatch.delenv(refresh.KOLADA_URL_ENV, raising=False)
    assert refresh.ckan_url() == "https://ckan-malmo.dataplatform.se"
    assert refresh.kolada_url() == "https://api.kolada.se/v3"
    monkeypatch.setenv(refresh.CKAN_URL_ENV, ok)
    monkeypatch.setenv(refresh.KOLADA_URL_ENV, kolada_at(ok))
    assert (refresh.ckan_url(), refresh.kolada_url()) == (ok, kolada_at(ok))
    code = cli.main(["stats", "refresh", "--db", str(db), "--dry-run", "--timeout", "5"])
    out = capsys.readouterr().out
    assert code == 0 and f"Malmö stads CKAN {ok}:" in out and f"ur Kolada {kolada_at(ok)} " in out


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


def test_the_app_plans_with_progress_and_applies_on_its_own_connection(server, ok, db):
    calls: list[tuple[int, int, str]] = []
    con = statistik.open_store(db)  # as the app holds it: one read-write connection, kept open
    try:
        p = refresh.plan(con, base_url=ok, kolada_url=kolada_at(ok), timeout=5, on_progress=lambda *a: calls.append(a))
        total = len(area_sources()) + len(KPIS)
        assert [(done, n) for done, n, _ in calls] == [(i, total) for i in range(total)] + [(total, total)]
        assert calls[0][2] == "Hämtar folkmangd (Folkmängd) från Malmö stads CKAN"
        assert calls[len(area_sources())][2] == "Hämtar jämförelsen N01951 för folkmangd (Folkmängd) från Kolada"
        assert calls[-1][2] == "klart"
        assert p.n_changes == N_OFFICIAL + N_KOLADA
        for user, why in (
            (User("lasa", "Läsare", "lasare"), "rollen läsare"),
            (User("red", "Redaktör", "redaktor"), "Bara en administratör kan hämta officiell statistik"),
        ):
            with pytest.raises(FetchError, match=why) as info:
                refresh.apply(con, p, anvandare=user.namn, user=user)
            assert "Inget har sparats" in str(info.value)
        assert con.execute("select count(*) from indikatorvarden where kalla <> 'exempeldata'").fetchone()[0] == 0
        refresh.apply(con, p, anvandare="Anna Admin", user=COMMAND_LINE)
        # the same connection is still open and sees what was written
        written = con.execute("select count(*) from indikatorvarden where kalla like 'ckan:%'").fetchone()[0]
        assert written == N_OFFICIAL
        names = {r[0] for r in con.execute("select anvandare from audit where handling = 'hämtning'").fetchall()}
        assert names == {"Anna Admin"}
        again = refresh.plan(con, base_url=ok, kolada_url=kolada_at(ok), timeout=5)
        assert again.n_changes == 0 and refresh.apply(con, again, user=COMMAND_LINE) is None
    finally:
        con.close()
    assert (values(db)["kalla"] != "exempeldata").sum() == N_OFFICIAL


def test_the_refresh_is_in_the_journal_a_store_built_again_has_the_official_values(db_refreshed):
    db = db_refreshed
    written, kolada = values(db), kolada_rows(db)
    db.unlink()  # the file lost: it is built again from the seeds and the journal's entries
    rebuilt = recovery.open_store(db).con
    rebuilt.close()
    pd.testing.assert_frame_equal(values(db), written)
    pd.testing.assert_frame_equal(kolada_rows(db), kolada)
    assert (written["kalla"] == f"ckan:{recorded.FOLK_ID}").sum() == 30
