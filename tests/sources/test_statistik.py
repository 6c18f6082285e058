"""Official statistics against recorded answers: Malmö stad's CKAN (datastore_search, paged), SCB's
PxWebAPI 2.0 (JSON-stat2) and Kolada v2, written in each API's documented shape with invented values
(tests/fixtures/statistik) and served by a real HTTP server on 127.0.0.1. No request leaves this machine.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from lokalutveckling import cli, store
from lokalutveckling.domain import User
from lokalutveckling.paths import ROOT
from lokalutveckling.sources import aggregate, model, registry, statistik
from lokalutveckling.sources import ckan as fetch_ckan
from lokalutveckling.sources import kolada as fetch_kolada
from lokalutveckling.sources import scb as fetch_scb
from lokalutveckling.sources.http import FetchError, describe_url_error, request_json

FIXTURES = Path(__file__).parents[1] / "fixtures" / "statistik"
ANDEL_ID = "5e1c0a7e-0000-4000-8000-00000000a001"
FOLK_ID = "5e1c0a7e-0000-4000-8000-00000000f001"
KOLADA_PUBLIC = "http://api.kolada.se/v2"
ACTION = "/api/3/action"

_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------- server


def _key(method: str, target: str) -> tuple[str, str, frozenset]:
    """A request as the routes know it: method, path and the query as a set (its order does not matter)."""
    parts = urllib.parse.urlsplit(target)
    return method, urllib.parse.unquote(parts.path), frozenset(urllib.parse.parse_qsl(parts.query))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[tuple, tuple[int, str, bytes, float]]
    requests: list[tuple[str, str, bytes | None]]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up on a slow answer closes the socket: expected here


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        self.server.requests.append((method, self.path, body))
        route = self.server.routes.get(_key(method, self.path))
        if route is None:
            self.send_error(404, "Not Found")
            return
        status, content_type, payload, delay = route
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def log_message(self, format, *args) -> None:
        pass


class LocalServer:
    def __init__(self, server: _Server):
        self.server = server
        host, port = server.server_address[:2]
        self.base = f"http://{host}:{port}"

    def add(
        self,
        target: str,
        body: bytes | str | dict | list,
        *,
        method: str = "GET",
        status: int = 200,
        content_type: str = "application/json; charset=utf-8",
        delay: float = 0.0,
    ) -> str:
        if isinstance(body, dict | list):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            # Kolada's next_page is a full address: point it here instead of at the real service.
            body = body.replace(KOLADA_PUBLIC, f"{self.base}/kolada/v2").encode("utf-8")
        self.server.routes[_key(method, target)] = (status, content_type, body, delay)
        return self.base + target

    def requests_since(self, start: int) -> list[tuple[str, str, bytes | None]]:
        return self.server.requests[start:]

    @property
    def count(self) -> int:
        return len(self.server.requests)


def _datastore_target(resource_id: str, offset: int, limit: int = 100) -> str:
    return f"{ACTION}/datastore_search?resource_id={resource_id}&limit={limit}&offset={offset}"


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.routes, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    local = LocalServer(httpd)
    # CKAN: the variable list, two resources and their pages
    local.add(
        f"{ACTION}/resource_search?query=description:malmö statistik",
        (FIXTURES / "ckan_resource_search.json").read_text(),
    )
    for resource_id, stem, offsets in ((ANDEL_ID, "andel", (0, 100, 200)), (FOLK_ID, "folkmangd", (0, 100))):
        local.add(
            f"{ACTION}/resource_show?id={resource_id}", (FIXTURES / f"ckan_resource_show_{stem}.json").read_text()
        )
        for offset in offsets:
            local.add(
                _datastore_target(resource_id, offset), (FIXTURES / f"ckan_{stem}_offset{offset}.json").read_text()
            )
    # SCB
    local.add(
        "/scb/api/v2/tables/TAB9999/data?lang=sv&outputFormat=json-stat2",
        (FIXTURES / "scb_tab_exempel.json").read_text(),
        method="POST",
    )
    # Kolada
    local.add("/kolada/v2/kpi/N00945", (FIXTURES / "kolada_kpi_N00945.json").read_text())
    local.add(
        "/kolada/v2/data/kpi/N00945/municipality/1280,0180,1480/year/2024",
        (FIXTURES / "kolada_data_page1.json").read_text(),
    )
    local.add(
        "/kolada/v2/data/kpi/N00945/municipality/1280,0180,1480/year/2024?page=2&per_page=2",
        (FIXTURES / "kolada_data_page2.json").read_text(),
    )
    yield local
    httpd.shutdown()
    httpd.server_close()


# --------------------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def membership(con) -> pd.DataFrame:
    return store.run_query(con, "omraden_membership")


@pytest.fixture()
def db(built_store: Path, tmp_path: Path) -> Path:
    """A fresh copy of the default store for one test."""
    path = tmp_path / "store.duckdb"
    path.write_bytes(built_store.read_bytes())
    return path


def ckan(server: LocalServer, membership, resource_id: str = ANDEL_ID, **options) -> model.Hamtning:
    options.setdefault("page_size", 100)
    options.setdefault("timeout", 5)
    return fetch_ckan.fetch(resource_id, membership=membership, base_url=server.base, **options)


def ckan_fail(server: LocalServer, membership, resource_id: str, **options) -> str:
    with pytest.raises(FetchError) as caught:
        ckan(server, membership, resource_id, **options)
    return str(caught.value)


def add_resource(server: LocalServer, resource_id: str, name: str, fields: list[dict], records: list[dict]) -> None:
    """A one-page CKAN resource made in the test, in the same shape as the recorded ones."""
    show = fixture("ckan_resource_show_folkmangd.json")
    show["result"].update(id=resource_id, name=name)
    server.add(f"{ACTION}/resource_show?id={resource_id}", show)
    page = fixture("ckan_folkmangd_offset0.json")
    page["result"].update(resource_id=resource_id, fields=fields, records=records, total=len(records))
    server.add(_datastore_target(resource_id, 0), page)


def all_folkmangd_records() -> tuple[list[dict], list[dict]]:
    first, second = fixture("ckan_folkmangd_offset0.json"), fixture("ckan_folkmangd_offset100.json")
    return first["result"]["fields"], first["result"]["records"] + second["result"]["records"]


def by_area(hamtning: model.Hamtning, niva: str = "statistikomrade") -> dict[tuple[str, int], model.Varde]:
    return {(v.omrade_kod, v.ar): v for v in hamtning.varden if v.niva == niva}


def membership_by_hand() -> pd.DataFrame:
    """Two areas: A with d1, d2, d3 and B with d4, d5."""
    return pd.DataFrame(
        {
            "delomrade_kod": ["d1", "d2", "d3", "d4", "d5"],
            "delomrade": ["ETT", "TVÅ", "TRE", "FYRA", "FEM"],
            "omrade_kod": ["A", "A", "A", "B", "B"],
            "namn": ["Område A", "Område A", "Område A", "Område B", "Område B"],
        }
    )


def statistik_rows(path: Path) -> dict[str, list[tuple]]:
    """Everything a fetch may write: its two tables and the audit log."""
    con = store.connect(path)
    try:
        return {
            table: sorted(con.table(table).fetchall(), key=repr)
            for table in ("statistik_hamtningar", "statistik_varden", "audit")
        }
    finally:
        con.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------------------- fixtures


def test_committed_fixtures_are_what_the_script_makes():
    written = make_fixtures.files()
    for name, text in written.items():
        assert (FIXTURES / name).read_text(encoding="utf-8") == text, name
    assert sum(len(t) for t in written.values()) < 80_000


def test_the_schema_starts_empty(con):
    assert con.execute("select count(*) from statistik_hamtningar").fetchone()[0] == 0
    assert con.execute("select count(*) from statistik_varden").fetchone()[0] == 0
    assert con.execute("select count(*) from v_statistik_senaste").fetchone()[0] == 0


# --------------------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(12, 12.0), (12.5, 12.5), ("12,5", 12.5), ("1 234,5", 1234.5), ("1\u00a0300", 1300.0), ("..", None), ("", None)],
)
def test_numbers_in_swedish_notation_and_missing_markers(raw, expected):
    assert model.number(raw) == expected


@pytest.mark.parametrize("raw", ["tolv", True, "1,2,3", [1]])
def test_what_is_not_a_number(raw):
    with pytest.raises(ValueError):
        model.number(raw)


# ------------------------------------------------------------------------------------ aggregation


def test_counts_are_summed_per_area_and_city():
    values = {("d1", 2023): 10.0, ("d2", 2023): 20.0, ("d3", 2023): 5.0, ("d4", 2023): 7.0, ("d5", 2023): 3.0}
    rows = aggregate.aggregate(values, membership_by_hand(), kind="antal", variabel="x")
    result = {(r.omrade_kod, r.niva): (r.varde, r.komplett, r.berakning) for r in rows}
    assert result == {
        ("A", "statistikomrade"): (35.0, True, "summa"),  # 10 + 20 + 5
        ("B", "statistikomrade"): (10.0, True, "summa"),  # 7 + 3
        ("0", "stad"): (45.0, True, "summa"),
    }


def test_an_area_missing_a_delomrade_is_flagged_incomplete_not_summed():
    values = {("d1", 2023): 10.0, ("d2", 2023): 20.0, ("d3", 2023): 5.0, ("d4", 2023): 7.0, ("d5", 2023): None}
    rows = {r.omrade_kod: r for r in aggregate.aggregate(values, membership_by_hand(), kind="antal", variabel="x")}
    assert (rows["A"].varde, rows["A"].komplett) == (35.0, True)
    assert (rows["B"].varde, rows["B"].komplett) == (None, False)  # not 7: a partial sum is no area total
    assert rows["B"].anmarkning == "saknar 1 av 2 delområden: d5 FEM"
    assert (rows["0"].varde, rows["0"].komplett) == (None, False)
    # a delområde with no record at all is missing in the same way
    del values[("d5", 2023)]
    rows = {r.omrade_kod: r for r in aggregate.aggregate(values, membership_by_hand(), kind="antal", variabel="x")}
    assert (rows["B"].varde, rows["B"].komplett) == (None, False)


def test_a_share_is_weighted_by_population():
    values = {("d1", 2023): 50.0, ("d2", 2023): 80.0, ("d3", 2023): None, ("d4", 2023): 40.0, ("d5", 2023): 10.0}
    weights = {("d1", 2023): 100.0, ("d2", 2023): 300.0, ("d3", 2023): 0.0, ("d4", 2023): 200.0, ("d5", 2023): 200.0}
    rows = aggregate.aggregate(values, membership_by_hand(), kind="andel", weights=weights, variabel="x")
    result = {r.omrade_kod: r for r in rows}
    # A: (50·100 + 80·300) / 400 = 72,5 (the plain mean would be 65); d3 has nobody, so its '..' weighs nothing
    assert result["A"].varde == pytest.approx(72.5)
    assert result["A"].komplett and result["A"].berakning == "befolkningsviktat medel"
    # B: (40·200 + 10·200) / 400 = 25
    assert result["B"].varde == pytest.approx(25.0)
    # the city: (5000 + 24000 + 8000 + 2000) / 800 = 48,75
    assert result["0"].varde == pytest.approx(48.75)


def test_a_share_with_a_populated_delomrade_missing_value_or_population_is_incomplete():
    values = {("d1", 2023): 50.0, ("d2", 2023): None, ("d3", 2023): 10.0, ("d4", 2023): 40.0, ("d5", 2023): 10.0}
    weights = {("d1", 2023): 100.0, ("d2", 2023): 300.0, ("d3", 2023): 50.0, ("d4", 2023): 200.0}
    rows = {
        r.omrade_kod: r
        for r in aggregate.aggregate(values, membership_by_hand(), kind="andel", weights=weights, variabel="x")
    }
    assert (rows["A"].varde, rows["A"].komplett) == (None, False)
    assert rows["A"].anmarkning == "saknar 1 av 3 delområden: d2 TVÅ (värde saknas)"
    assert (rows["B"].varde, rows["B"].komplett) == (None, False)
    assert rows["B"].anmarkning == "saknar 1 av 2 delområden: d5 FEM (befolkning saknas)"


def test_a_share_in_an_area_without_inhabitants_has_no_value():
    values = {("d4", 2023): None, ("d5", 2023): None, ("d1", 2023): 1.0, ("d2", 2023): 1.0, ("d3", 2023): 1.0}
    weights = {("d4", 2023): 0.0, ("d5", 2023): 0.0, ("d1", 2023): 1.0, ("d2", 2023): 1.0, ("d3", 2023): 1.0}
    rows = {
        r.omrade_kod: r
        for r in aggregate.aggregate(values, membership_by_hand(), kind="andel", weights=weights, variabel="x")
    }
    assert (rows["B"].varde, rows["B"].komplett) == (None, False)
    assert "ingen befolkning" in rows["B"].anmarkning


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Andel förvärvsarbetande 20–64 år", "andel"),
        ("Antal anmälda brott per 1 000 invånare", "andel"),
        ("Sysselsättningsgrad, procent", "andel"),
        ("Folkmängd 31 december", "antal"),
        ("Antal hushåll", "antal"),
        ("Medianinkomst, kr", "median"),
        ("Bostadsbestånd", None),
    ],
)
def test_what_kind_a_variable_is_from_its_name(name, kind):
    assert aggregate.detect_kind(name) == kind


def test_column_layouts_long_and_wide():
    long = fetch_ckan.layout([{"id": "_id"}, {"id": "Delområde"}, {"id": "År"}, {"id": "Värde"}], None, "r")
    assert (long.name_column, long.year_column, long.value_column) == ("Delområde", "År", "Värde")
    wide = fetch_ckan.layout([{"id": "DO_KOD"}, {"id": "2022"}, {"id": "År 2023"}], None, "r")
    assert wide.code_column == "DO_KOD" and wide.year_columns == (("2022", 2022), ("År 2023", 2023))
    with pytest.raises(FetchError, match="Ange den med --column"):
        fetch_ckan.layout([{"id": "delomrade"}, {"id": "ar"}, {"id": "kvinnor"}, {"id": "man"}], None, "r")
    chosen = fetch_ckan.layout([{"id": "delomrade"}, {"id": "ar"}, {"id": "kvinnor"}, {"id": "man"}], "man", "r")
    assert chosen.value_column == "man"


# ------------------------------------------------------------------------------------ JSON-stat2


def test_jsonstat2_index_arithmetic_with_three_dimensions():
    doc = fixture("scb_tab_exempel.json")
    assert list(doc["dimension"]) == ["Tid", "ContentsCode", "Region"]  # not the order of `id`
    dataset = fetch_scb.parse_jsonstat2(doc)
    assert [d.id for d in dataset.dimensions] == ["Region", "ContentsCode", "Tid"]
    assert dataset.dimension("Region").codes == ["1280", "0180", "1480"]  # by index, not by key order
    assert fetch_scb.strides([3, 2, 2]) == [4, 2, 1]
    cells = {tuple(c.coordinates.values()): c for c in dataset.cells}
    assert len(cells) == 12
    # (0180, EX0002, 2023) = positions (1, 1, 0): 1·4 + 1·2 + 0 = 6 → value[6]
    assert cells[("0180", "EX0002", "2023")].value == 2021.0
    # (1480, EX0001, 2024) = (2, 0, 1): 8 + 0 + 1 = 9
    assert cells[("1480", "EX0001", "2024")].value == 3012.0
    assert cells[("1280", "EX0001", "2023")].value == 1011.0  # position 0
    assert cells[("1480", "EX0002", "2024")].value == 3022.0  # the last, 11
    # (0180, EX0002, 2024) = 4 + 2 + 1 = 7: null, with status '..'
    assert (cells[("0180", "EX0002", "2024")].value, cells[("0180", "EX0002", "2024")].status) == (None, "..")


def test_jsonstat2_sparse_values_and_a_dimension_with_one_category():
    doc = {
        "class": "dataset",
        "id": ["Region", "Kon", "ContentsCode", "Tid"],
        "size": [2, 1, 1, 3],
        "dimension": {
            "Region": {"category": {"index": ["1280", "0180"]}},
            "Kon": {"category": {"label": {"1+2": "totalt"}}},
            "ContentsCode": {"category": {"index": {"X1": 0}, "label": {"X1": "Exempel"}}},
            "Tid": {"category": {"index": {"2022": 0, "2023": 1, "2024": 2}}},
        },
        "value": {"1": 5, "5": 7},
    }
    rows = fetch_scb.tidy(fetch_scb.parse_jsonstat2(doc))
    values = {(r["region"], r["period"]): r["varde"] for r in rows}
    assert values == {
        ("1280", "2022"): None,
        ("1280", "2023"): 5.0,
        ("1280", "2024"): None,
        ("0180", "2022"): None,
        ("0180", "2023"): None,
        ("0180", "2024"): 7.0,  # position 1·3 + 2 = 5
    }
    assert {r["variabel"] for r in rows} == {"X1|Kon=1+2"}
    assert {r["variabel_namn"] for r in rows} == {"Exempel (totalt)"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["value"].pop(), "value har 11 tal, väntade 3 × 2 × 2 = 12"),
        (lambda d: d.pop("value"), "value saknas"),
        (lambda d: d["size"].append(1), "ska vara listor lika långa"),
        (lambda d: d["dimension"]["Region"]["category"]["index"].pop("1480"), "dimension Region har 2 kategorier"),
    ],
)
def test_jsonstat2_changed_shape_names_what_was_expected(change, expected):
    doc = fixture("scb_tab_exempel.json")
    change(doc)
    with pytest.raises(FetchError) as caught:
        fetch_scb.parse_jsonstat2(doc)
    assert str(caught.value).startswith("Ändrat svar från SCB") and expected in str(caught.value)


def test_jsonstat2_without_a_region_dimension():
    doc = fixture("scb_tab_exempel.json")
    doc["id"][0] = "Lan"
    doc["dimension"]["Lan"] = doc["dimension"].pop("Region")
    doc["role"]["geo"] = []
    with pytest.raises(FetchError, match="ändrade dimensioner: fann Lan, ContentsCode, Tid, men ingen region"):
        fetch_scb.tidy(fetch_scb.parse_jsonstat2(doc))


# ------------------------------------------------------------------------------------------ CKAN


def test_ckan_share_paged_matched_by_name_and_weighted_by_population(server, membership):
    start = server.count
    hamtning = ckan(server, membership, population_resource=FOLK_ID)
    requests = [urllib.parse.parse_qs(urllib.parse.urlsplit(p).query) for _, p, _ in server.requests_since(start)]
    pages = [(r["resource_id"][0], r["offset"][0]) for r in requests if "offset" in r]
    # every page once, and no page past the total (the last page still carries a next link)
    assert pages == [(ANDEL_ID, "0"), (ANDEL_ID, "100"), (ANDEL_ID, "200"), (FOLK_ID, "0"), (FOLK_ID, "100")]

    areas = by_area(hamtning)
    assert len(areas) == 14 * 2
    assert areas[("14", 2022)].varde == pytest.approx(74.0)  # (50·1000 + 70·3000 + 80·6000) / 10 000
    assert areas[("14", 2023)].varde == pytest.approx(74.0)
    assert areas[("14", 2022)].berakning == "befolkningsviktat medel" and areas[("14", 2022)].enhet == "procent"
    assert areas[("12", 2022)].varde == pytest.approx(60.0) and areas[("12", 2022)].komplett
    incomplete = areas[("12", 2023)]  # KASTANJEGÅRDEN has no record for 2023
    assert (incomplete.varde, incomplete.komplett) == (None, False)
    assert incomplete.anmarkning == "saknar 1 av 7 delområden: 36215 KASTANJEGÅRDEN (värde saknas)"
    assert all(areas[(str(k), 2023)].komplett for k in range(1, 15) if k != 12)

    city = by_area(hamtning, "stad")
    assert city[("0", 2022)].varde == pytest.approx((60 * 132_000 + 50_000 + 210_000 + 480_000) / 142_000)
    assert (city[("0", 2023)].varde, city[("0", 2023)].komplett) == (None, False)

    raw = {(v.omrade_kod, v.ar): v for v in hamtning.varden if v.berakning == "hämtad"}
    assert raw[("10101", 2023)].varde == 60.0  # "  västra  HAMNEN " matched VÄSTRA HAMNEN
    assert raw[("25610", 2022)].varde is None and not raw[("25610", 2022)].komplett  # '..'
    weights = [v for v in hamtning.varden if v.berakning == "hämtad (vikt)"]
    assert len(weights) == 272 and {v.variabel for v in weights} == {FOLK_ID}

    assert hamtning.url == server.base + _datastore_target(ANDEL_ID, 0)
    assert hamtning.vikt_tabell_id == FOLK_ID and hamtning.vikt_url == server.base + _datastore_target(FOLK_ID, 0)
    assert hamtning.referensar == 2023 and hamtning.kalla_uppdaterad == "2024-11-05T09:30:00"
    assert "Σ(värde × befolkning) / Σ befolkning" in hamtning.regel and FOLK_ID in hamtning.regel
    assert any("'Malmö' (2)" in note and "hoppades över" in note for note in hamtning.notes)


def test_ckan_count_is_summed_wide_columns_and_codes(server, membership):
    hamtning = ckan(server, membership, FOLK_ID)
    areas = by_area(hamtning)
    assert areas[("14", 2022)].varde == 10_000  # 1000 + 0 + 3000 + 6000
    assert areas[("1", 2023)].varde == 13_000  # 13 delområden of 1000
    assert by_area(hamtning, "stad")[("0", 2023)].varde == 142_000
    assert {v.berakning for v in areas.values()} == {"summa"} and all(v.komplett for v in areas.values())
    assert hamtning.regel.startswith("Antal: delområdenas värden summeras")
    assert hamtning.vikt_tabell_id is None


def test_ckan_count_missing_a_delomrade_flags_that_area(server, membership):
    fields, records = all_folkmangd_records()
    records = [r for r in records if r["delomrade"] != "HOLMA"]
    add_resource(server, "folk-utan-holma", "Folkmängd (exempel)", fields, records)
    hamtning = ckan(server, membership, "folk-utan-holma")
    areas = by_area(hamtning)
    assert (areas[("14", 2022)].varde, areas[("14", 2022)].komplett) == (None, False)
    assert areas[("14", 2022)].anmarkning == "saknar 1 av 4 delområden: 25611 HOLMA"
    assert areas[("13", 2022)].varde == 8000 and areas[("13", 2022)].komplett
    assert any("1 delområden saknas helt" in note and "25611 HOLMA" in note for note in hamtning.notes)
    lines = statistik.report(hamtning, 1, Path("x.duckdb"))
    assert "  område 14 år 2022: saknar 1 av 4 delområden: 25611 HOLMA" in lines


def test_ckan_population_without_the_year_leaves_that_year_without_values(server, membership):
    fields, records = all_folkmangd_records()
    fields = [f for f in fields if f["id"] != "2023"] + [{"id": "2024", "type": "numeric"}]
    records = [{**{k: v for k, v in r.items() if k != "2023"}, "2024": 1000} for r in records]
    add_resource(server, "folk-2022-2024", "Folkmängd (exempel)", fields, records)
    hamtning = ckan(server, membership, population_resource="folk-2022-2024")
    areas = by_area(hamtning)
    assert areas[("14", 2022)].varde == pytest.approx(74.0)
    assert not any(areas[(str(k), 2023)].komplett for k in range(1, 15))
    assert "(befolkning saknas)" in areas[("1", 2023)].anmarkning
    assert any("har ingen befolkning för 2023" in note for note in hamtning.notes)
    assert hamtning.referensar == 2023  # the variable's latest year, not the weights' 2024


def test_ckan_share_needs_a_population_resource(server, membership):
    message = ckan_fail(server, membership, ANDEL_ID)
    assert "är en andel eller kvot" in message and "--population-resource" in message


def test_ckan_median_is_refused(server, membership):
    fields, records = all_folkmangd_records()
    add_resource(server, "median", "Medianinkomst, kr (exempel)", fields, records)
    assert "är en median" in ckan_fail(server, membership, "median")


def test_ckan_unknown_kind_asks_for_typ(server, membership):
    fields, records = all_folkmangd_records()
    add_resource(server, "okand-typ", "Bostadsbestånd (exempel)", fields, records)
    assert "ange --typ antal" in ckan_fail(server, membership, "okand-typ")
    assert by_area(ckan(server, membership, "okand-typ", typ="antal"))[("14", 2022)].varde == 10_000


def test_ckan_changed_columns_names_expected_and_found(server, membership):
    add_resource(
        server,
        "stadsdelar",
        "Folkmängd per stadsdel",
        [{"id": "_id"}, {"id": "stadsdel"}, {"id": "ar"}, {"id": "varde"}],
        [{"_id": 1, "stadsdel": "Hyllie", "ar": 2023, "varde": 5}],
    )
    message = ckan_fail(server, membership, "stadsdelar")
    assert message.startswith(
        "Ändrade kolumner i resursen stadsdelar (Folkmängd per stadsdel): fann stadsdel, ar, varde"
    )
    assert "väntade kod: do_kod" in message and "namn: delomrade" in message


def test_ckan_without_a_year_column(server, membership):
    add_resource(server, "utan-ar", "Folkmängd", [{"id": "do_kod"}, {"id": "varde"}], [{"do_kod": 10101, "varde": 5}])
    message = ckan_fail(server, membership, "utan-ar")
    assert "ingen årskolumn" in message and "fann do_kod, varde" in message


def test_ckan_values_that_are_not_numbers(server, membership):
    fields, records = all_folkmangd_records()
    records = copy.deepcopy(records)
    records[0]["2022"] = "ungefär tusen"
    add_resource(server, "text-i-tal", "Folkmängd", fields, records)
    message = ckan_fail(server, membership, "text-i-tal")
    assert "är inte tal" in message and "'ungefär tusen'" in message


def test_ckan_duplicate_records_are_not_summed_twice(server, membership):
    fields, records = all_folkmangd_records()
    add_resource(server, "dubbletter", "Folkmängd", fields, records + records[:1])
    assert "flera poster för samma delområde och år (10101 2022" in ckan_fail(server, membership, "dubbletter")


def test_ckan_another_division_matches_no_delomrade(server, membership):
    records = [{"_id": 1, "omrade": "Hyllie", "ar": 2023, "varde": 5}]
    add_resource(server, "fel-indelning", "Folkmängd", [{"id": "omrade"}, {"id": "ar"}, {"id": "varde"}], records)
    message = ckan_fail(server, membership, "fel-indelning")
    assert "gäller ett av områdesindelningens 136 delområden" in message and "'Hyllie'" in message


def test_ckan_empty_result(server, membership):
    fields, _ = all_folkmangd_records()
    add_resource(server, "tom", "Folkmängd", fields, [])
    assert ckan_fail(server, membership, "tom").startswith("Tomt svar: resursen tom (Folkmängd) har inga poster")


def test_ckan_pages_that_run_out_before_the_total(server, membership):
    fields, records = all_folkmangd_records()
    add_resource(server, "kort", "Folkmängd", fields, records[:100])
    page = fixture("ckan_folkmangd_offset0.json")
    page["result"].update(resource_id="kort", total=150, _links={"next": _datastore_target("kort", 100)})
    server.add(_datastore_target("kort", 0), page)
    empty = copy.deepcopy(page)
    empty["result"].update(records=[], offset=100)
    server.add(_datastore_target("kort", 100), empty)
    assert "CKAN angav 150 poster för resursen kort men gav bara 100 på 2 sidor" in ckan_fail(
        server, membership, "kort"
    )


def test_ckan_next_links_of_a_portal_under_a_path_stay_under_it(server):
    """CKAN writes `_links.next` from its API's root: a portal at https://host/portal gives
    '/api/3/action/…', which is read under /portal, not at the host's root."""
    fields = [{"id": "Delområdeskod", "type": "text"}, {"id": "Antal", "type": "numeric"}]
    for offset, codes in ((0, ["10101", "10102"]), (2, ["10103"])):
        link = f"{ACTION}/datastore_search?resource_id=sokvag&limit=2&offset={offset + 2}"
        body = {
            "success": True,
            "result": {
                "resource_id": "sokvag",
                "fields": fields,
                "records": [{"Delområdeskod": c, "Antal": 1} for c in codes],
                "total": 3,
                "offset": offset,
                "_links": {"next": link},
            },
        }
        server.add("/portal" + _datastore_target("sokvag", offset, limit=2), body)
    table = fetch_ckan.datastore_records("sokvag", base_url=server.base + "/portal", timeout=5, page_size=2)
    assert [r["Delområdeskod"] for r in table.records] == ["10101", "10102", "10103"] and table.pages == 2
    assert (
        fetch_ckan.next_page_url("https://host/ckan", "/ckan/api/3/action/x?a=1")
        == "https://host/ckan/api/3/action/x?a=1"
    )
    assert fetch_ckan.next_page_url("https://host", "/api/3/action/x?a=1") == "https://host/api/3/action/x?a=1"


def test_ckan_unknown_resource_is_404(server, membership):
    message = ckan_fail(server, membership, "finns-inte")
    assert message.startswith("Finns inte (HTTP 404 Not Found):") and "resource_show?id=finns-inte" in message
    assert "--list" in message and "<" not in message  # the server's HTML error page is not quoted


def test_ckan_success_false(server, membership):
    server.add(
        f"{ACTION}/resource_show?id=nekad",
        {"success": False, "error": {"message": "Åtkomst nekad", "__type": "Authorization Error"}},
    )
    assert "CKAN svarade success=false på resource_show: Åtkomst nekad" in ckan_fail(server, membership, "nekad")


def test_ckan_list_resources(server, capsys, tmp_path):
    code = cli.main(["stats", "ckan", "--list", "--base-url", server.base, "--db", str(tmp_path / "ingen.duckdb")])
    out = capsys.readouterr().out
    assert code == 0
    assert f"{ANDEL_ID}  Andel förvärvsarbetande 20–64 år, procent (exempel)" in out
    assert f"{FOLK_ID}  Folkmängd (exempel)" in out and "3 resurser" in out
    assert not (tmp_path / "ingen.duckdb").exists()  # listing needs no store


# ------------------------------------------------------------------------------------------- SCB


def test_scb_posts_the_selection_and_gives_tidy_rows(server):
    start = server.count
    hamtning = fetch_scb.fetch(
        "TAB9999", "1280,0180,1480", time="2023,2024", base_url=server.base + "/scb/api/v2", timeout=5
    )
    ((method, path, body),) = server.requests_since(start)
    assert method == "POST" and path == "/scb/api/v2/tables/TAB9999/data?lang=sv&outputFormat=json-stat2"
    assert json.loads(body) == {
        "selection": [
            {"variableCode": "Region", "valueCodes": ["1280", "0180", "1480"]},
            {"variableCode": "Tid", "valueCodes": ["2023", "2024"]},
        ]
    }
    rows = {(v.region_kod, v.variabel, v.period): v for v in hamtning.varden}
    assert len(rows) == 12 and {v.niva for v in rows.values()} == {"kommun"}
    assert rows[("0180", "EX0002", "2023")].varde == 2021.0
    assert rows[("1480", "EX0001", "2024")].varde == 3012.0
    assert rows[("1480", "EX0001", "2024")].enhet == "antal" and rows[("1280", "EX0002", "2023")].enhet == "procent"
    assert rows[("1280", "EX0001", "2023")].variabel_namn == "Exempelantal"
    missing = rows[("0180", "EX0002", "2024")]
    assert (missing.varde, missing.komplett, missing.anmarkning) == (None, False, "status ..")
    assert hamtning.referensar == 2024 and hamtning.tabell_id == "TAB9999"
    assert hamtning.tabell_namn.startswith("Exempeltabell") and hamtning.kalla_uppdaterad == "2025-02-21T07:00:00Z"
    assert json.loads(hamtning.forfragan) == json.loads(body)


def test_scb_missing_region_in_the_answer(server):
    with pytest.raises(FetchError, match="saknar regionerna 1880 som efterfrågades"):
        fetch_scb.fetch("TAB9999", "1280,1880", base_url=server.base + "/scb/api/v2", timeout=5)


def test_scb_changed_shape_over_http(server):
    doc = fixture("scb_tab_exempel.json")
    doc["value"] = doc["value"][:6]
    server.add("/scb/api/v2/tables/TAB_TRASIG/data?lang=sv&outputFormat=json-stat2", doc, method="POST")
    with pytest.raises(FetchError, match="value har 6 tal, väntade 3 × 2 × 2 = 12"):
        fetch_scb.fetch("TAB_TRASIG", "1280", base_url=server.base + "/scb/api/v2", timeout=5)


def test_scb_unknown_table_is_404(server):
    with pytest.raises(FetchError) as caught:
        fetch_scb.fetch("TAB0000", "1280", base_url=server.base + "/scb/api/v2", timeout=5)
    assert str(caught.value).startswith("Finns inte (HTTP 404 Not Found)") and "--table" in str(caught.value)


def test_scb_bad_request_says_what_the_server_wrote(server):
    problem = {"type": "Parameter error", "title": "Non-existent variable", "status": 400}
    server.add("/scb/api/v2/tables/TAB400/data?lang=sv&outputFormat=json-stat2", problem, method="POST", status=400)
    with pytest.raises(FetchError) as caught:
        fetch_scb.fetch("TAB400", "1280", select=["Alder=tot"], base_url=server.base + "/scb/api/v2", timeout=5)
    assert "HTTP 400" in str(caught.value) and "Non-existent variable" in str(caught.value)


# ---------------------------------------------------------------------------------------- Kolada


def test_kolada_follows_next_page_and_keeps_the_total(server):
    start = server.count
    hamtning = fetch_kolada.fetch("N00945", "2024", "1280,0180,1480", base_url=server.base + "/kolada/v2", timeout=5)
    paths = [p for _, p, _ in server.requests_since(start)]
    assert paths == [
        "/kolada/v2/kpi/N00945",
        "/kolada/v2/data/kpi/N00945/municipality/1280,0180,1480/year/2024",
        "/kolada/v2/data/kpi/N00945/municipality/1280,0180,1480/year/2024?page=2&per_page=2",
    ]
    values = {v.region_kod: v.varde for v in hamtning.varden}
    assert values == {"1280": 12.5, "0180": 8.5, "1480": 10.5}  # T, not K or M
    assert {v.niva for v in hamtning.varden} == {"kommun"} and {v.variabel for v in hamtning.varden} == {"N00945"}
    assert next(v for v in hamtning.varden if v.region_kod == "1480").anmarkning == "status B"
    assert hamtning.pages == 2 and hamtning.referensar == 2024
    assert hamtning.tabell_namn.startswith("Exempelnyckeltal") and hamtning.kalla_uppdaterad == "2025-03-01"


def test_kolada_item_without_a_total_is_not_stored_and_said(server):
    page = fixture("kolada_data_page1.json")
    page.pop("next_page")
    page["values"][1]["values"] = [v for v in page["values"][1]["values"] if v["gender"] != "T"]
    server.add("/kolada/v2/data/kpi/N00945/municipality/1280,0180/year/2024", page)
    hamtning = fetch_kolada.fetch("N00945", "2024", "1280,0180", base_url=server.base + "/kolada/v2", timeout=5)
    assert {v.region_kod: v.varde for v in hamtning.varden} == {"1280": 12.5}
    assert any("inget totalvärde (kön T) för 0180 2024" in n for n in hamtning.notes)
    assert any("saknar värden för 0180 2024" in n for n in hamtning.notes)


def test_kolada_changed_fields(server):
    page = {"count": 1, "values": [{"kpi": "N00945", "kommun": "1280", "period": 2024, "values": []}]}
    server.add("/kolada/v2/data/kpi/N00945/municipality/1280/year/2023", page)
    with pytest.raises(FetchError) as caught:
        fetch_kolada.fetch("N00945", "2023", "1280", base_url=server.base + "/kolada/v2", timeout=5)
    message = str(caught.value)
    assert message.startswith("Ändrat svar från Kolada: väntade fälten kpi, municipality, period, values")
    assert "fann kommun, kpi, period, values" in message


def test_kolada_empty_result(server):
    server.add("/kolada/v2/data/kpi/N00945/municipality/1280/year/1999", {"count": 0, "values": []})
    with pytest.raises(FetchError, match=r"^Tomt svar: Kolada har inga värden för N00945"):
        fetch_kolada.fetch("N00945", "1999", "1280", base_url=server.base + "/kolada/v2", timeout=5)


def test_kolada_unknown_kpi(server):
    server.add("/kolada/v2/kpi/N99999", {"count": 0, "values": []})
    with pytest.raises(FetchError, match="Nyckeltalet N99999 finns inte i Kolada"):
        fetch_kolada.fetch("N99999", "2024", "1280", base_url=server.base + "/kolada/v2", timeout=5)


@pytest.mark.parametrize(
    ("kpi", "year", "municipality", "expected"),
    [
        ("N00945", "2024", "128", "Ogiltig kommunkod: 128"),
        ("N00945", "tjugo", "1280", "Ogiltigt år: tjugo"),
        ("n945", "2024", "1280", "Ogiltigt nyckeltal: n945"),
    ],
)
def test_kolada_bad_arguments_before_any_request(server, kpi, year, municipality, expected):
    start = server.count
    with pytest.raises(FetchError, match=expected):
        fetch_kolada.fetch(kpi, year, municipality, base_url=server.base + "/kolada/v2", timeout=5)
    assert server.count == start


# -------------------------------------------------------------------------------------- failures


def test_timeout(server, membership):
    server.add(f"{ACTION}/resource_show?id=langsam", fixture("ckan_resource_show_folkmangd.json"), delay=3.0)
    started = time.monotonic()
    message = ckan_fail(server, membership, "langsam", timeout=0.5)
    assert time.monotonic() - started < 2.5
    assert message.startswith("Tidsgränsen gick ut: 127.0.0.1 svarade inte inom 0.5 sekunder")
    assert "--timeout" in message


def test_other_http_status(server, membership):
    server.add(f"{ACTION}/resource_show?id=trasig", "Internal error", status=500, content_type="text/plain")
    message = ckan_fail(server, membership, "trasig")
    assert message.startswith("Servern svarade med HTTP 500") and "resource_show?id=trasig" in message


def test_an_answer_that_is_not_json(server):
    server.add("/kolada/v2/kpi/N11111", "<!DOCTYPE html><html>Logga in</html>", content_type="text/html")
    with pytest.raises(FetchError) as caught:
        fetch_kolada.fetch("N11111", "2024", "1280", base_url=server.base + "/kolada/v2", timeout=5)
    assert "är inte JSON (Content-Type text/html)" in str(caught.value) and "<!DOCTYPE html>" in str(caught.value)


def test_no_network_closed_port_on_the_command_line(db, capsys):
    before = statistik_rows(db)
    base = f"http://127.0.0.1:{closed_port()}/v2"
    code = cli.main(
        [
            "stats",
            "kolada",
            "--kpi",
            "N00945",
            "--year",
            "2024",
            "--municipality",
            "1280",
            "--base-url",
            base,
            "--db",
            str(db),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Fel: Ingen nätverksanslutning: kunde inte nå 127.0.0.1") and "vägrades" in err
    assert f"Inget har skrivits i {db}." in err
    assert statistik_rows(db) == before


def test_no_network_unknown_host_is_described():
    # The error urllib raises when a name does not resolve; made here so that no DNS query is sent.
    error = urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))
    message = describe_url_error("https://ckan-malmo.invalid/api/3/action/resource_show", error, 60)
    assert message.startswith("Ingen nätverksanslutning: kunde inte nå ckan-malmo.invalid")
    assert "kunde inte slås upp" in message


def test_a_locked_store_is_named_and_nothing_is_fetched(server, db, capsys):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from lokalutveckling import store; "
            "c = store.connect(sys.argv[1], read_only=False); print('ok', flush=True); sys.stdin.read()",
            str(db),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"  # holds the store read-write, like the running app
        start = server.count
        code = cli.main(
            [
                "stats",
                "scb",
                "--table",
                "TAB9999",
                "--region",
                "1280",
                "--base-url",
                server.base + "/scb/api/v2",
                "--db",
                str(db),
            ]
        )
        err = capsys.readouterr().err
        assert code == 1 and server.count == start
        assert f"Fel: Databasen {db} är låst" in err and "Stoppa appen först" in err
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert statistik_rows(db)["statistik_hamtningar"] == []


def test_saving_needs_an_administrator_and_the_command_line_is_one(server, membership, db):
    hamtning = ckan(server, membership, FOLK_ID)
    before = statistik_rows(db)
    con = statistik.open_store(db)
    try:
        with pytest.raises(FetchError, match="Bara en administratör"):
            statistik.save(con, hamtning, user=User("lasaren", "Läsaren", "lasare"))
    finally:
        con.close()
    assert statistik_rows(db) == before
    con = statistik.open_store(db)
    try:
        hamtning_id = statistik.save(con, hamtning, anvandare="drift")  # as domain.COMMAND_LINE, by default
    finally:
        con.close()
    after = statistik_rows(db)
    assert hamtning_id == 1 and len(after["statistik_hamtningar"]) == 1
    (audit,) = [row for row in after["audit"] if row not in before["audit"]]
    assert "drift" in audit and "hämtning" in audit and f"ckan {FOLK_ID}: {len(hamtning.varden)} rader" in audit


def test_a_failure_while_writing_stores_nothing(server, membership, db, monkeypatch):
    hamtning = ckan(server, membership, FOLK_ID)
    before = statistik_rows(db)
    real = store.run_rows

    def failing(con, name, **params):
        if name == "write/audit_insert":  # the last statement of the transaction
            raise store.Error("disken är full")
        return real(con, name, **params)

    monkeypatch.setattr(store, "run_rows", failing)
    con = store.connect(db, read_only=False)
    try:
        with pytest.raises(FetchError, match="Kunde inte spara i databasen"):
            statistik.save(con, hamtning)
    finally:
        con.close()
    assert statistik_rows(db) == before


# -------------------------------------------------------------------------------------- registry


def test_the_registry_names_each_service_and_fetches_through_it(server, membership):
    assert list(registry.SOURCES) == ["ckan", "scb", "kolada"]
    assert {s.name: s.attribution for s in registry.SOURCES.values()}["kolada"] == "Kolada (RKA), CC BY 4.0"
    kolada = ["--kpi", "N00945", "--year", "2024", "--municipality", "1280,0180,1480"]
    through = registry.fetch(
        "kolada", kpi="N00945", year="2024", municipality="1280,0180,1480", base_url=server.base + "/kolada/v2"
    )
    direct = fetch_kolada.fetch("N00945", "2024", "1280,0180,1480", base_url=server.base + "/kolada/v2", timeout=5)
    assert (through.tjanst, through.url, through.varden) == ("kolada", direct.url, direct.varden)
    # the options are argparse's: a parser made from them gives what fetch takes
    for name, argv in (
        ("kolada", kolada),
        ("scb", ["--table", "TAB9999", "--region", "1280,0180,1480", "--time", "2023,2024"]),
        ("ckan", ["--resource", FOLK_ID, "--page-size", "100"]),
    ):
        source = registry.SOURCES[name]
        parser = argparse.ArgumentParser()
        for option in source.options:
            parser.add_argument(option.flag, **option.argparse_kwargs())
        base = server.base + {"kolada": "/kolada/v2", "scb": "/scb/api/v2", "ckan": ""}[name]
        values = source.values(vars(parser.parse_args([*argv, "--base-url", base, "--timeout", "5"])))
        assert parser.get_default("base_url") == source.base_url and values["base_url"] == base
        hamtning = registry.fetch(name, membership=membership if source.needs_membership else None, **values)
        assert hamtning.tjanst == name and hamtning.varden
    assert registry.SOURCES["ckan"].list_variables is fetch_ckan.list_resources


def test_the_registry_says_what_is_wrong(server, membership):
    with pytest.raises(FetchError, match="Ange --resource ID"):
        registry.fetch("ckan", membership=membership, base_url=server.base, timeout=5)
    with pytest.raises(FetchError, match="Okänd tjänst 'nej': välj en av ckan, scb, kolada"):
        registry.fetch("nej")
    with pytest.raises(TypeError, match="sida"):
        registry.fetch("kolada", kpi="N00945", year="2024", municipality="1280", sida=2)
    with pytest.raises(TypeError, match="membership"):
        registry.fetch("ckan", resource=FOLK_ID)


def test_only_web_addresses_are_asked():
    with pytest.raises(FetchError, match="Adressen ska börja med http:// eller https://, inte 'ftp://x/'"):
        request_json("ftp://x/")


# --------------------------------------------------------------------------------------- storage


def test_ckan_on_the_command_line_stores_rows_metadata_and_audit(server, db, capsys):
    before = datetime.now(UTC).replace(tzinfo=None)
    code = cli.main(
        [
            "stats",
            "ckan",
            "--resource",
            ANDEL_ID,
            "--population-resource",
            FOLK_ID,
            "--page-size",
            "100",
            "--base-url",
            server.base,
            "--db",
            str(db),
        ]
    )
    printed = capsys.readouterr()
    assert code == 0 and printed.err == ""
    out = printed.out
    assert f"Sparade hämtning 1 i {db}: 573 rader (543 delomrade, 28 statistikomrade, 2 stad)" in out
    assert "år 2022–2023, referensår 2023" in out
    assert "Ofullständiga (2), sparade utan värde:" in out
    assert "  område 12 år 2023: saknar 1 av 7 delområden: 36215 KASTANJEGÅRDEN (värde saknas)" in out
    assert "Källa: Stadskontoret, Malmö stad." in out

    con = store.connect(db)
    try:
        (fetch,) = store.run_rows(con, "statistik/hamtningar")
        assert fetch["hamtning_id"] == 1 and fetch["tjanst"] == "ckan" and fetch["tabell_id"] == ANDEL_ID
        assert fetch["url"] == server.base + _datastore_target(ANDEL_ID, 0)
        assert fetch["referensar"] == 2023 and fetch["n_rader"] == 573
        assert before - timedelta(seconds=2) <= fetch["hamtad"] <= datetime.now(UTC).replace(tzinfo=None)
        assert "befolkningsviktat medel" in fetch["regel"] and fetch["vikt_tabell_id"] == FOLK_ID
        assert fetch["attribution"] == "Stadskontoret, Malmö stad"

        rows = store.run_query(con, "statistik/varden", hamtning_id=1)
        assert len(rows) == 573
        area14 = rows[(rows["omrade_kod"] == "14") & (rows["ar"] == 2022)].iloc[0]
        assert area14["omrade_namn"] == "Hyllievång, Kroksbäck m fl" and area14["varde"] == pytest.approx(74.0)
        assert bool(area14["komplett"]) and area14["niva"] == "statistikomrade"
        area12 = rows[(rows["omrade_kod"] == "12") & (rows["ar"] == 2023)].iloc[0]
        assert pd.isna(area12["varde"]) and not bool(area12["komplett"])

        audit = con.execute(
            "select anvandare, handling, tabell, rad_id, nytt_varde, kommentar from audit order by audit_id"
        ).fetchall()
        assert audit == [
            (
                statistik.current_user(),
                "hämtning",
                "statistik_hamtningar",
                "1",
                f"ckan {ANDEL_ID}: 573 rader",
                server.base + _datastore_target(ANDEL_ID, 0),
            )
        ]
        latest = con.execute("select count(*), min(hamtning_id) from v_statistik_senaste").fetchone()
        assert latest == (573, 1)
    finally:
        con.close()


def test_a_second_fetch_is_kept_beside_the_first_and_the_view_shows_the_newest(server, db, capsys):
    args = ["ckan", "--resource", FOLK_ID, "--page-size", "100", "--base-url", server.base, "--db", str(db)]
    assert cli.main(["stats", *args]) == 0
    assert cli.main(["stats", *args]) == 0
    capsys.readouterr()
    con = store.connect(db)
    try:
        assert con.execute("select count(*) from statistik_hamtningar").fetchone()[0] == 2
        assert con.execute("select distinct hamtning_id from v_statistik_senaste").fetchall() == [(2,)]
        assert store.edit_count(con) == 2  # the store now has changes of its own: never rebuilt silently
    finally:
        con.close()


def test_scb_and_kolada_on_the_command_line(server, db, capsys):
    scb = ["scb", "--table", "TAB9999", "--region", "1280,0180,1480", "--base-url", server.base + "/scb/api/v2"]
    assert cli.main(["stats", *scb, "--db", str(db)]) == 0
    kolada = ["kolada", "--kpi", "N00945", "--year", "2024", "--municipality", "1280,0180,1480"]
    assert cli.main(["stats", *kolada, "--base-url", server.base + "/kolada/v2", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"Sparade hämtning 1 i {db}: 12 rader (12 kommun), år 2023–2024, referensår 2024." in out
    assert f"Sparade hämtning 2 i {db}: 3 rader (3 kommun), år 2024, referensår 2024." in out
    assert "Källa: Kolada (RKA), CC BY 4.0." in out
    con = store.connect(db)
    try:
        fetches = con.execute(
            "select tjanst, tabell_id, forfragan is not null, referensar from statistik_hamtningar order by 1"
        ).fetchall()
        assert fetches == [("kolada", "N00945", False, 2024), ("scb", "TAB9999", True, 2024)]
        malmo = con.execute(
            "select varde from statistik_varden where hamtning_id = 2 and region_kod = '1280'"
        ).fetchone()
        assert malmo == (12.5,)
    finally:
        con.close()


def test_a_store_built_before_the_statistics_tables_gets_them(server, db, capsys):
    con = store.connect(db, read_only=False)
    con.execute("drop view v_statistik_senaste")
    con.execute("drop table statistik_varden")
    con.execute("drop table statistik_hamtningar")
    con.close()
    args = ["kolada", "--kpi", "N00945", "--year", "2024", "--municipality", "1280,0180,1480"]
    assert cli.main(["stats", *args, "--base-url", server.base + "/kolada/v2", "--db", str(db)]) == 0
    capsys.readouterr()
    assert len(statistik_rows(db)["statistik_varden"]) == 3


def test_the_command_runs_as_a_module(server, db):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "lokalutveckling",
            "stats",
            "kolada",
            "--kpi",
            "N00945",
            "--year",
            "2024",
            "--municipality",
            "1280,0180,1480",
            "--base-url",
            f"http://127.0.0.1:{closed_port()}/v2",
            "--db",
            str(db),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("Fel: Ingen nätverksanslutning: kunde inte nå 127.0.0.1")


def test_fetched_statistics_are_shown_on_the_area_page_and_listed_on_data_quality(server, db, capsys, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.test_pages import literal, plain, reset_caches

    args = ["ckan", "--resource", ANDEL_ID, "--population-resource", FOLK_ID, "--page-size", "100"]
    assert cli.main(["stats", *args, "--base-url", server.base, "--db", str(db)]) == 0
    capsys.readouterr()
    con = store.connect(db)
    try:
        expected = store.run_query(con, "statistik/varden", hamtning_id=1)
    finally:
        con.close()
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(db))
    reset_caches()

    def page(script: str, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(script).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    def stat_table(at: AppTest) -> pd.DataFrame:
        return next(literal(tb.value).reset_index() for tb in at.table if "Variabel" in tb.value.reset_index().columns)

    try:
        area14 = stat_table(page("pages/omrade.py", omrade="Hyllievång, Kroksbäck m fl"))
        want = expected[(expected["omrade_kod"] == "14") & (expected["ar"] == 2023)].iloc[0]
        city = expected[(expected["niva"] == "stad") & (expected["ar"] == 2023)].iloc[0]
        row = area14.iloc[0]
        assert row["År"] == 2023
        assert row["Området"] == f"{want['varde']:.1f}".replace(".", ",")
        # Malmö as a whole lacks that delområde too in 2023: no city value either, and it says so.
        assert pd.isna(city["varde"]) and not city["komplett"]
        assert row["Malmö"] == "saknas (ofullständig)"
        # Område 12 lacks a delområde in 2023: no value, and the note names what is missing.
        area12 = stat_table(page("pages/omrade.py", omrade="Lindängen, Almvik m fl"))
        assert area12.iloc[0]["Området"] == "saknas (ofullständig)"
        assert "KASTANJEGÅRDEN" in area12.iloc[0]["Anmärkning"]
        fetches = page("pages/kvalitet.py")
        listed = next(
            literal(tb.value).reset_index() for tb in fetches.table if "Regel" in tb.value.reset_index().columns
        )
        assert len(listed) == 1 and listed.iloc[0]["Rader"] == 573
        assert listed.iloc[0]["Regel"] == "1"  # the rule in words once, under the table
        rules = [plain(c.value) for c in fetches.caption if plain(c.value).startswith("Regel 1: ")]
        assert len(rules) == 1 and "befolkningsviktat medel" in rules[0]
        assert listed.iloc[0]["Källa och adress"].startswith("Stadskontoret, Malmö stad · " + server.base)
    finally:
        reset_caches()
