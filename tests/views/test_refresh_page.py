"""The Data page's `stats refresh` for admins (issue 16): what would change, then the official values saved
after a confirmation, against the recorded CKAN and Kolada answers served on 127.0.0.1 (the app reads the
services' addresses from LOKALUTVECKLING_CKAN_URL / LOKALUTVECKLING_KOLADA_URL); and the pages badging them
afterwards. No request leaves this machine."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from lokalutveckling.domain import User
from lokalutveckling.sources import refresh
from lokalutveckling.store import cache
from tests.sources.recorded_services import Recorded, recorded, serving
from tests.views.indicator_pages import ADMIN, badges, forget_the_store, open_page, plain, texts

YEAR = "karta_indikator_ar_forvarvsfrekvens"  # Karta's year of the indicator it colours by


@pytest.fixture(scope="module")
def server() -> Iterator[Recorded]:
    with serving() as recorded_server:
        yield recorded_server


@pytest.fixture()
def own_store(db_file: Path, tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A copy of the default store that the app under test reads (and writes)."""
    path = tmp_path / "hamta.duckdb"
    shutil.copyfile(db_file, path)
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(path))
    forget_the_store()
    yield path
    forget_the_store()


def _services(monkeypatch, url: str) -> None:
    monkeypatch.setenv(refresh.CKAN_URL_ENV, url)
    monkeypatch.setenv(refresh.KOLADA_URL_ENV, url + recorded.KOLADA)


def _official(path: Path) -> dict[str, int]:
    """How many indicator values each source gives, read from the store the app has open (`path`)."""
    con = cache.connection()
    assert (
        Path(con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0])
        == path
    )
    rows = con.execute("select kalla, count(*) from indikatorvarden group by kalla").fetchall()
    return {str(k): int(n) for k, n in rows}


def test_an_admin_sees_what_would_change_then_saves_it_and_the_pages_say_official(server, own_store, monkeypatch):
    _services(monkeypatch, server.install("/ok"))
    before = _official(own_store)
    at = open_page("data", ADMIN)
    assert "Officiell statistik till indikatorerna" in [h.value for h in at.subheader]
    at.button(key="imp_refresh_check").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = texts(at)
    n = int(shown.split(" värden skulle ändras.")[0].rsplit("**", 1)[-1])
    assert n > 0
    # Per indicator what the refresh found, as the command prints it: the 15 places × 2 recorded years.
    assert "folkmangd (Folkmängd): officiella: 30 område×år" in shown
    assert "forvarvsfrekvens (Förvärvsfrekvens 20–64 år): officiella: 30 område×år" in shown
    assert "jämförelse N01951" in shown and "trivsel_omrade" in shown
    apply = at.button(key="imp_refresh_apply")
    assert apply.disabled  # not before the admin says so
    at.checkbox(key="imp_refresh_sure").check().run()
    at.button(key="imp_refresh_apply").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    saved = [plain(s.value) for s in at.success]
    assert len(saved) == 1 and saved[0].startswith(f"Sparade {n} officiella värden. Ögonblicksbild före: hamta-")
    assert saved[0].endswith("-fore-stats-refresh.duckdb.")
    after = _official(own_store)
    assert sum(after.values()) == sum(before.values())  # replaced where a value was, nothing dropped
    official = {k: v for k, v in after.items() if k.startswith("ckan:")}
    assert official and after["exempeldata"] == before["exempeldata"] - sum(official.values())
    assert official[f"ckan:{recorded.FOLK_ID}"] == 30

    # A second look changes nothing.
    again = open_page("data", ADMIN)
    again.button(key="imp_refresh_check").click().run()
    assert "Inga ändringar: de officiella värdena finns redan i databasen." in [i.value for i in again.info]
    assert not [b for b in again.button if b.key == "imp_refresh_apply"]

    # Karta coloured by förvärvsfrekvens in a recorded year: every value official; in a later year exempeldata.
    karta = open_page("karta", karta_farg="indicator", karta_indikator="forvarvsfrekvens", **{YEAR: "2023"})
    assert badges(karta)[0] == "Officiell statistik"
    later = open_page("karta", karta_farg="indicator", karta_indikator="forvarvsfrekvens", **{YEAR: "2024"})
    assert badges(later)[0] == "Exempeldata"
    # Område's trend of förvärvsfrekvens: official and exempeldata years side by side.
    omrade = open_page("omrade", omrade="14", omrade_indikator="forvarvsfrekvens")
    years = 2 * len(set(range(2016, 2025)))  # the area and Malmö, 2016–2024
    assert f"{years - 4} av {years} indikatorvärden är exempeldata, de övriga officiell statistik." in texts(omrade)


def test_without_network_the_data_page_says_so_and_nothing_changes(own_store, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    _services(monkeypatch, f"http://127.0.0.1:{closed}")
    before = _official(own_store)
    at = open_page("data", ADMIN)
    at.button(key="imp_refresh_check").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("Inget har ändrats: ")
    assert f"127.0.0.1:{closed}" in plain(errors[0])
    assert not [b for b in at.button if b.key == "imp_refresh_apply"]
    assert _official(own_store) == before


def test_an_editor_who_is_not_admin_is_not_offered_the_refresh(own_store):
    at = open_page("data", User("kim", "Kim", "redaktor"))
    assert "Officiell statistik till indikatorerna" not in [h.value for h in at.subheader]
    assert not [b for b in at.button if b.key == "imp_refresh_check"]
