"""Two app processes on one DuckLake store (PostgreSQL catalog, tests/pg.py) while commands write: a
statistics fetch, a file import and a third process saving follow-ups, all at once. Both servers keep
serving, each shows the new rows on its next run, and no write is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from lokalutveckling.paths import ROOT
from lokalutveckling.store import journal, recovery
from lokalutveckling.store.lake import ENV_CATALOG, ENV_FOLDER, Lake
from tests.e2e.conftest import launch_app, screenshot, wait_for_render, wait_until_healthy
from tests.sources.recorded_services import serving

pytestmark = pytest.mark.e2e

CLI = (sys.executable, "-m", "lokalutveckling")
FILE = "insatser_fritid_2025.xlsx"
IMPORTED = "INS-070"  # tests/fixtures/import/insatser_fritid_2025.xlsx adds INS-068 … INS-071
FOLLOW_UPS = 5
BOUND = 240  # seconds every command must finish within, under two serving apps

WRITER = """
import sys
from datetime import date
from lokalutveckling import writes
from lokalutveckling.domain import User
from lokalutveckling.store import lake, recovery
con = recovery.open_store(lake.target()).con
for i in range(int(sys.argv[1])):
    fields = {"datum": date(2025, 2, 1 + i), "vem": "process tre", "vad": f"uppföljning {i}", "effekt": "oklar"}
    writes.add_uppfoljning(con, User("tre", "Process tre", "redaktor"), "INS-003", fields)
print("klar")
"""


def environment(where: Lake) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LOKALUTVECKLING_DB", journal.ENV)}
    return {**env, ENV_CATALOG: where.catalog, ENV_FOLDER: str(where.folder)}


@pytest.fixture()
def two_servers(lake: Lake) -> Iterator[tuple[str, str]]:
    recovery.open_store(lake).con.close()
    started = [launch_app(ROOT / "dashboard.py", environment(lake)) for _ in range(2)]
    try:
        for process, url in started:
            wait_until_healthy(url, process)
        yield started[0][1], started[1][1]
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            process.wait(timeout=30)


def body(page: Page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_two_servers_serve_while_commands_write_and_each_shows_every_new_row(
    two_servers: tuple[str, str], lake: Lake, browser: Browser, tmp_path: Path
):
    first, second = two_servers
    # One reader on each server: Insatser on the first (the insats the import will add is not there yet),
    # Område on the second (its values are exempeldata, no official statistics yet).
    reader = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    reader.goto(f"{first}/insatser?insats={IMPORTED}")
    wait_for_render(reader, "Insatser")
    assert "Föreningscoacher" not in body(reader)
    area = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    area.goto(f"{second}/omrade")
    wait_for_render(area, "Område")
    assert "Officiell statistik och exempeldata" not in body(area)  # the badge of values of both kinds
    pages = {reader: "Insatser", area: "Område"}

    env = environment(lake)
    with serving() as recorded:
        ckan = recorded.install("/ok")
        commands = {
            "stats": subprocess.Popen(
                [*CLI, "stats", "refresh", "--ckan-url", ckan, "--kolada-url", ckan + "/kolada/v3", "--timeout", "10"],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            ),
            "import": subprocess.Popen(
                [*CLI, "import", "apply", "insatser", str(ROOT / "tests" / "fixtures" / "import" / FILE)],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            ),
            "writer": subprocess.Popen(
                [sys.executable, "-c", textwrap.dedent(WRITER), str(FOLLOW_UPS)],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            ),
        }  # fmt: skip
        # Both servers keep answering while the commands run: a page run on each while they run (more would
        # only take the CPU from the commands and from the other tests).
        served = 0
        deadline = time.monotonic() + BOUND
        while any(c.poll() is None for c in commands.values()) and served < len(pages):
            for page, heading in pages.items():
                page.reload()
                wait_for_render(page, heading)
                served += 1
        results = {name: c.communicate(timeout=max(1, deadline - time.monotonic())) for name, c in commands.items()}
    for name, command in commands.items():
        assert command.returncode == 0, (name, results[name])
    assert served == len(pages)

    # Every page shows the new rows on its next run, on either server.
    for page, url in ((reader, first), (area, second)):
        page.goto(f"{url}/insatser?insats={IMPORTED}")  # (the page dropped the id it did not know from its address)
        wait_for_render(page, "Insatser")
        assert "Föreningscoacher" in body(page)
    area.goto(f"{second}/omrade")
    wait_for_render(area, "Område")
    assert "Officiell statistik och exempeldata" in body(area)
    reader.goto(f"{first}/omrade")
    wait_for_render(reader, "Område")
    assert "Officiell statistik och exempeldata" in body(reader)
    screenshot(area, "lake_andra_servern_efter_statistiken")

    # No write lost: the import's four insatser, the fetch, every follow-up, each once in the journal.
    con = recovery.open_store(lake).con
    try:
        added = con.execute("select count(*) from insatser where kalla = 'insatser_fritid_2025.xlsx'").fetchone()
        assert added == (4,)
        assert con.execute("select count(*) from uppfoljningar where vem = 'process tre'").fetchone() == (FOLLOW_UPS,)
        assert con.execute("select count(*) from indikatorvarden where kalla like 'ckan:%'").fetchone()[0] > 0
        audit_ids = [r[0] for r in con.execute("select audit_id from audit").fetchall()]
        assert len(audit_ids) == len(set(audit_ids))
    finally:
        con.close()
    entries = journal.Journal(lake.folder / "lokalutveckling.journal").read().effective()
    assert len(entries) >= FOLLOW_UPS + 2
