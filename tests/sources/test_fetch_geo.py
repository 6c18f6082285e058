"""The boundary download (sources.boundaries) against a recorded response: the invented layer in tests/fixtures/geo, served by a real
HTTP server on 127.0.0.1, and broken variants of it (404, timeout, closed port, changed columns,
wrong codes, wrong coordinate system, not a zip). No request leaves this machine.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import socket
import threading
import time
import urllib.error
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyproj
import pytest
import shapefile
from pyproj.enums import WktVersion
from shapely.geometry import shape

from lokalutveckling import cli, data, geo
from lokalutveckling.sources import boundaries as fetch_geo
from lokalutveckling.sources.http import FetchError, describe_url_error

FIXTURE_DIR = Path(__file__).parents[1] / "fixtures" / "geo"
FIXTURE = FIXTURE_DIR / "delomr_p_3008.zip"
GOOD_COPY = '{"type": "FeatureCollection", "features": ["an earlier good copy"]}\n'

_spec = importlib.util.spec_from_file_location("make_fixture", FIXTURE_DIR / "make_fixture.py")
make_fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixture)


# ---------------------------------------------------------------------------------------- server


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, tuple[int, str, bytes, float]]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up on a slow answer closes the socket: expected here


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        status, content_type, body, delay = route
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


class LocalServer:
    def __init__(self, server: _Server):
        self.server = server

    def add(self, path: str, body: bytes, *, status: int = 200, content_type: str = "application/zip", delay=0.0):
        self.server.routes[path] = (status, content_type, body, delay)
        return self.url(path)

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.routes = {}
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    local = LocalServer(httpd)
    local.add("/delomr_p_3008.zip", FIXTURE.read_bytes())
    yield local
    httpd.shutdown()
    httpd.server_close()


# --------------------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def membership(con):
    return data.omraden_membership(con=con)


@pytest.fixture(scope="module")
def delomraden(membership) -> list[tuple[str, str]]:
    return list(zip(membership["delomrade_kod"].astype(str), membership["delomrade"], strict=True))


def variant(delomraden, **options) -> bytes:
    return make_fixture.make_zip(make_fixture.members(delomraden, **options))


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fail(url: str, out: Path, membership, timeout: float = 5.0) -> str:
    with pytest.raises(FetchError) as caught:
        fetch_geo.fetch(url, out, membership, timeout=timeout)
    return str(caught.value)


def good_copy(tmp_path: Path) -> Path:
    out = tmp_path / "geo" / "delomraden.geojson"
    out.parent.mkdir()
    out.write_text(GOOD_COPY, encoding="utf-8")
    return out


def assert_untouched(out: Path) -> None:
    assert out.read_text(encoding="utf-8") == GOOD_COPY
    assert sorted(p.name for p in out.parent.iterdir()) == ["delomraden.geojson"]  # no meta, no temp files


# -------------------------------------------------------------------------------------- fixture


def test_committed_fixture_is_what_the_script_makes(delomraden):
    assert FIXTURE.stat().st_size < 50_000
    committed = make_fixture.members(delomraden)
    import zipfile

    with zipfile.ZipFile(FIXTURE) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == committed
    with shapefile.Reader(FIXTURE) as reader:
        assert len(reader) == 136
        assert [f.name for f in reader.fields[1:]] == ["delomrade", "do_kod", "area"]


# -------------------------------------------------------------------------------------- success


def test_download_end_to_end(server, membership, tmp_path):
    out = tmp_path / "geo" / "delomraden.geojson"
    url = server.url("/delomr_p_3008.zip")
    before = datetime.now(UTC)
    result = fetch_geo.fetch(url, out, membership, timeout=5)

    assert (result.path, result.features, result.areas) == (out, 136, 14)
    assert sorted(p.name for p in out.parent.iterdir()) == ["delomraden.geojson", "delomraden.meta.json"]
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    props = {f["properties"]["do_kod"]: f["properties"]["delomrade"] for f in collection["features"]}
    assert len(props) == 136 and set(props) == set(membership["delomrade_kod"].astype(str))
    assert props["10101"] == "VÄSTRA HAMNEN"
    for feature in collection["features"]:
        west, south, east, north = shape(feature["geometry"]).bounds
        assert 12.9 < west < east < 13.2 and 55.5 < south < north < 55.65
        for lon, lat in feature["geometry"]["coordinates"][0]:
            assert round(lon, 6) == lon and round(lat, 6) == lat

    # the first square's corner, taken back to SWEREF99 13 30, is where the fixture put it (within 0.2 m)
    back = pyproj.Transformer.from_crs(4326, 3008, always_xy=True)
    first = next(f for f in collection["features"] if f["properties"]["do_kod"] == "10101")
    x, y = back.transform(*first["geometry"]["coordinates"][0][0])
    assert abs(x - make_fixture.ORIGIN[0]) < 0.2 and abs(y - make_fixture.ORIGIN[1]) < 0.2

    meta = json.loads((out.parent / "delomraden.meta.json").read_text(encoding="utf-8"))
    assert meta["source_url"] == url
    assert meta["sha256"] == hashlib.sha256(FIXTURE.read_bytes()).hexdigest() == result.sha256
    assert (meta["features"], meta["areas"]) == (136, 14)
    assert meta["attribution"] == "Stadskontoret, Malmö stad"
    assert (meta["code_field"], meta["name_field"]) == ("do_kod", "delomrade")
    fetched = datetime.fromisoformat(meta["fetched_at"])
    assert fetched.utcoffset() == timedelta(0) and before - timedelta(seconds=2) <= fetched <= datetime.now(UTC)

    found = geo.load_boundaries(membership, configured=None, downloaded=out)
    assert (found.source, found.origin) == ("downloaded", str(out))
    names = {f["properties"]["omrade_kod"]: f["properties"]["namn"] for f in found.geojson["features"]}
    assert sorted(names, key=int) == [str(k) for k in range(1, 15)]
    assert names["12"] == "Lindängen, Almvik m fl"


def test_command_line_success_says_what_was_written(server, tmp_path, capsys):
    out = tmp_path / "delomraden.geojson"
    code = cli.main(["geo", "fetch", "--url", server.url("/delomr_p_3008.zip"), "--out", str(out), "--timeout", "5"])
    printed = capsys.readouterr()
    assert code == 0 and printed.err == ""
    assert f"Skrev 136 delområden (14 områden efter sammanslagning) till {out}" in printed.out
    assert "Stadskontoret, Malmö stad" in printed.out
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 136


def test_replaces_an_earlier_copy(server, membership, tmp_path):
    out = good_copy(tmp_path)
    fetch_geo.fetch(server.url("/delomr_p_3008.zip"), out, membership, timeout=5)
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 136


def test_upper_case_fields_and_ansi_text_without_cpg(server, membership, delomraden, tmp_path):
    body = variant(delomraden, code_field="DO_KOD", name_field="DELOMRADE", cpg=None, encoding="cp1252")
    out = tmp_path / "delomraden.geojson"
    result = fetch_geo.fetch(server.add("/upper.zip", body), out, membership, timeout=5)
    assert (result.code_field, result.name_field) == ("DO_KOD", "DELOMRADE")
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert features[0]["properties"] == {"do_kod": "10101", "delomrade": "VÄSTRA HAMNEN"}


def test_missing_prj_is_assumed_sweref_and_said(server, membership, delomraden, tmp_path):
    url = server.add("/noprj.zip", variant(delomraden, prj=None))
    result = fetch_geo.fetch(url, tmp_path / "d.geojson", membership, timeout=5)
    assert result.features == 136
    assert any("delomr_p_3008.prj saknas" in note and "EPSG:3008" in note for note in result.notes)


# -------------------------------------------------------------------------------------- failures


def test_404_names_status_and_url_and_leaves_the_old_copy(server, membership, tmp_path, capsys):
    out = good_copy(tmp_path)
    url = server.url("/finns-inte/delomr_p_3008.zip")
    message = fail(url, out, membership)
    assert "HTTP 404" in message and url in message and "--url" in message
    assert_untouched(out)

    assert cli.main(["geo", "fetch", "--url", url, "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.startswith("Fel: Filen finns inte (HTTP 404 Not Found)")
    assert_untouched(out)


def test_other_http_status(server, membership, tmp_path):
    url = server.add("/trasig.zip", b"Internal error", status=500, content_type="text/plain")
    out = good_copy(tmp_path)
    message = fail(url, out, membership)
    assert "HTTP 500" in message and url in message
    assert_untouched(out)


def test_timeout(server, membership, tmp_path):
    url = server.add("/slow.zip", FIXTURE.read_bytes(), delay=3.0)
    out = good_copy(tmp_path)
    started = time.monotonic()
    message = fail(url, out, membership, timeout=0.5)
    assert time.monotonic() - started < 2.5
    assert message.startswith("Tidsgränsen gick ut: 127.0.0.1 svarade inte inom 0.5 sekunder")
    assert_untouched(out)


def test_no_network_closed_port(membership, tmp_path, capsys):
    out = good_copy(tmp_path)
    url = f"http://127.0.0.1:{closed_port()}/delomr_p_3008.zip"
    message = fail(url, out, membership)
    assert message.startswith("Ingen nätverksanslutning: kunde inte nå 127.0.0.1")
    assert "vägrades" in message
    assert_untouched(out)
    assert cli.main(["geo", "fetch", "--url", url, "--out", str(out)]) == 1
    assert capsys.readouterr().err.startswith("Fel: Ingen nätverksanslutning")


def test_no_network_unknown_host_is_described():
    # The error urllib raises when a name does not resolve; made here so that no DNS query is sent.
    error = urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))
    message = describe_url_error("http://ingen-natverk.invalid/delomr_p_3008.zip", error, 60, fetch_geo.NOTHING_WRITTEN)
    assert message.startswith("Ingen nätverksanslutning: kunde inte nå ingen-natverk.invalid")
    assert "kunde inte slås upp" in message and message.endswith("Inget har skrivits.")


def test_not_a_zip(server, membership, tmp_path):
    url = server.add("/login.zip", b"<!DOCTYPE html><html><body>Logga in</body></html>", content_type="text/html")
    out = good_copy(tmp_path)
    message = fail(url, out, membership)
    assert "ingen zip-fil" in message and "text/html" in message and "<!DOCTYPE html>" in message
    assert_untouched(out)


def test_zip_without_a_shapefile(server, membership, tmp_path):
    url = server.add("/readme.zip", make_fixture.make_zip({"LASMIG.txt": b"inget skikt"}))
    message = fail(url, tmp_path / "d.geojson", membership)
    assert "ingen shapefil (.shp)" in message and "LASMIG.txt" in message
    assert not (tmp_path / "d.geojson").exists()


def test_changed_columns_names_the_fields_found(server, membership, delomraden, tmp_path):
    url = server.add("/renamed.zip", variant(delomraden, code_field="OMR_ID"))
    out = good_copy(tmp_path)
    message = fail(url, out, membership)
    assert message.startswith("Ändrade kolumner: delomr_p_3008.dbf har fälten delomrade, OMR_ID, area")
    assert "do_kod" in message and "delomr_kod" in message
    assert_untouched(out)


def test_codes_that_do_not_match_the_membership(server, membership, delomraden, tmp_path):
    changed = [("99999", "NYTT OMRÅDE"), *delomraden[1:]]  # 10101 replaced by an unknown code
    url = server.add("/wrongcodes.zip", variant(changed))
    out = good_copy(tmp_path)
    message = fail(url, out, membership)
    assert "1 koder finns inte i områdesindelningen: 99999" in message
    assert "1 av områdesindelningens 136 delområden saknas: 10101" in message
    assert_untouched(out)


def test_codes_that_are_not_five_digits(server, membership, delomraden, tmp_path):
    url = server.add("/shortcodes.zip", variant([("101", "KORT"), *delomraden[1:]]))
    message = fail(url, tmp_path / "d.geojson", membership)
    assert "femsiffriga" in message and "objekt 1: 101" in message


def test_wrong_coordinate_system_in_prj(server, membership, delomraden, tmp_path):
    tm = pyproj.CRS.from_epsg(3006).to_wkt(WktVersion.WKT1_ESRI)
    url = server.add("/sweref-tm.zip", variant(delomraden, prj=tm))
    out = good_copy(tmp_path)
    message = fail(url, out, membership)
    assert message.startswith("Fel koordinatsystem: delomr_p_3008.prj anger")
    assert "SWEREF99" in message and "EPSG:3006" in message and "väntat SWEREF99 13 30 (EPSG:3008)" in message
    assert_untouched(out)


def test_coordinates_outside_malmo_without_prj(server, membership, delomraden, tmp_path):
    # SWEREF99 TM numbers read as if they were SWEREF99 13 30: the squares land far east of Malmö.
    url = server.add("/tm-noprj.zip", variant(delomraden, prj=None, origin=(372_000.0, 6_157_000.0)))
    message = fail(url, tmp_path / "d.geojson", membership)
    assert "hamnar utanför Malmö" in message and "annat koordinatsystem" in message
