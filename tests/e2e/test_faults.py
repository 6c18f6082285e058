"""Faults tried (issue 10, part 7): a real `streamlit run dashboard.py` killed with SIGKILL in the middle
of a write, its store file deleted, a second instance and commands started on a store the app holds.

Every test ends by checking that nothing reported saved was lost: every table of the store is compared
with what is expected (the same write made in this process on a copy of the store, or the store as it
was), and the journal with the store (no problems, `journal_position` at its last line, and a store
built again from a copy of the journal equal to it).

A write is stopped at exactly the moment between its journal line and its commit by the fault point of
`lokalutveckling.store.journal` (LOKALUTVECKLING_FELPUNKT in the server's environment): the server creates
`<path>.nådd` there and waits. The tests wait for states (files, page text, process exit), never for time.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from lokalutveckling import auth, domain, store, writes
from lokalutveckling import imports as importer
from lokalutveckling.i18n import TEXTS
from lokalutveckling.paths import ROOT
from lokalutveckling.store import journal, recovery, snapshots
from tests.e2e.conftest import ARTIFACTS, choose_option, free_port, wait_for_render, wait_until_healthy
from tests.e2e.conftest import sign_in as login

pytestmark = pytest.mark.e2e

ADMIN = domain.User("ada", "Ada", "admin")
EDITOR = ("kim", "Kim Redaktör", "ett-langt-testlosenord")
KIM = domain.User(EDITOR[0], EDITOR[1], "redaktor")
IMPORT_FILE = ROOT / "tests" / "fixtures" / "import" / "insatser_utf8_bom_komma.csv"
INSATS = "INS-012"
NEW_NAME = "Lovskola årskurs 8–9 (ändrad innan servern dödades)"
VIEWPORT = {"width": 1280, "height": 720}
UPPER_BOUND = 60.0  # seconds: only ever an upper bound on a wait for a state


# ------------------------------------------------------------------------------ the store


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built with `recovery.open_store` (so it has its journal) and one editor account."""
    path = tmp_path_factory.mktemp("faults") / "mall.duckdb"
    opened = recovery.open_store(path)
    try:
        fields = {"anvandarnamn": EDITOR[0], "namn": EDITOR[1], "roll": "redaktor"}
        writes.add_user(opened.con, ADMIN, {**fields, "losenord_hash": auth.hash_password(EDITOR[2])})
    finally:
        opened.con.close()
    return path


def copy_store(template: Path, path: Path) -> Path:
    """The store file and its journal folder, copied to `path` (and `<path stem>.journal/`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    shutil.copytree(journal.journal_dir(template), journal.journal_dir(path))
    return path


Contents = dict[str, list[tuple]]


def contents(path: Path) -> Contents:
    """Every row of every table of the store at `path`, sorted. Read from a copy of the file (and its
    WAL, as a killed process left it), so the store itself is never touched."""
    scratch = path.with_name(f".{path.stem}-las-{time.monotonic_ns()}{path.suffix}")
    shutil.copyfile(path, scratch)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, scratch.with_name(scratch.name + ".wal"))
    try:
        con = store.connect(scratch, read_only=False)
        try:
            return _rows(con)
        finally:
            con.close()
    finally:
        scratch.unlink(missing_ok=True)
        scratch.with_name(scratch.name + ".wal").unlink(missing_ok=True)


def _rows(con: store.Connection) -> Contents:
    tables = [
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' order by table_name"
        ).fetchall()
    ]
    return {t: sorted(con.table(t).fetchall(), key=repr) for t in tables}


def masked(found: Contents) -> Contents:
    """The contents with every timestamp replaced: two runs of the same write differ only in when."""

    def cell(value: object) -> object:
        return "<tid>" if isinstance(value, datetime) else value

    return {t: sorted((tuple(cell(v) for v in row) for row in rows), key=repr) for t, rows in found.items()}


def assert_same(found: Contents, expected: Contents) -> None:
    assert sorted(found) == sorted(expected)
    for table in expected:
        assert found[table] == expected[table], f"tabellen {table} skiljer sig"


def expected_after(template: Path, folder: Path, write: Callable[[store.Connection], object]) -> Contents:
    """What the store should hold after `write`: the same write made in this process on a copy of the
    store, every table's rows with their timestamps masked."""
    path = copy_store(template, folder / "forvantad.duckdb")
    opened = recovery.open_store(path)
    try:
        write(opened.con)
        return masked(_rows(opened.con))
    finally:
        opened.con.close()


def journal_reading(path: Path) -> tuple[journal.Journal, journal.Reading]:
    j = journal.Journal(journal.journal_dir(path))
    return j, j.read()


def files_beside(path: Path) -> list[Path]:
    """Every file and folder in the store's folder (its journal too), but for snapshots/: the app takes
    its daily snapshot there when it starts."""
    return sorted(p.relative_to(path.parent) for p in path.parent.rglob("*") if "snapshots" not in p.parts)


def snapshots_taken(path: Path) -> list[str]:
    """The reasons of the snapshots in snapshots/ beside the store other than the app's daily one (a write
    such as an import takes one before it writes)."""
    folder = path.parent / "snapshots"
    return [s.anledning for s in snapshots.list_snapshots(folder) if s.anledning != snapshots.DAILY_REASON]


def journal_bytes(path: Path) -> bytes:
    j = journal.Journal(journal.journal_dir(path))
    return j.entries_path(j.generation).read_bytes()


def replayed(path: Path, folder: Path) -> Contents:
    """A store built again from a copy of the journal of `path` (base plus every entry)."""
    copy = folder / "journalkopia"
    shutil.copytree(journal.journal_dir(path), copy)
    j = journal.Journal(copy)
    generation = j.generation
    assert generation is not None
    target = folder / "omspelad.duckdb"
    con = recovery.build_base(target, j, generation)
    try:
        recovery.apply_entries(con, j, generation, j.read(generation), after=0)
        return _rows(con)
    finally:
        con.close()


def assert_saved(path: Path, folder: Path, *, expected: Contents, exact: bool = False) -> Contents:
    """Nothing reported saved was lost: every table as expected, and the journal consistent with it."""
    found = contents(path)
    assert_same(found if exact else masked(found), expected)
    j, reading = journal_reading(path)
    assert reading.problems == ()
    assert reading.good_bytes == j.entries_path(j.generation).stat().st_size  # no line cut off
    assert found["journal_position"] == [(j.generation, reading.last_n)]
    assert [e.n for e in reading.entries] == list(range(1, reading.last_n + 1))
    assert_same(replayed(path, folder), found)
    return found


# ------------------------------------------------------------------------------ the servers


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def healthy(self) -> Server:
        """Wait until the server answers its health check (a state; the time limit is an upper bound)."""
        wait_until_healthy(self.url, self.process)
        return self

    def kill(self) -> None:
        """SIGKILL, and wait until the process is gone (the kernel then releases its lock on the store)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=UPPER_BOUND)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=UPPER_BOUND)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=UPPER_BOUND)


def server_env(path: Path, fault: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (journal.ENV, journal.FAULT_ENV)}
    env["LOKALUTVECKLING_DB"] = str(path)
    if fault is not None:
        env[journal.FAULT_ENV] = str(fault)
    return env


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """Start `streamlit run dashboard.py` on a store; every server a test started is stopped after it.
    `wait=False` returns at once: the server boots while the test prepares (it opens the store only when
    its first page is asked for), and `server.healthy()` waits for it."""
    started: list[Server] = []

    def launch(path: Path, *, fault: Path | None = None, wait: bool = True) -> Server:
        port = free_port()
        log = tmp_path / f"server-{len(started) + 1}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port),
                 "--server.address", "127.0.0.1", "--server.headless", "true",
                 "--browser.gatherUsageStats", "false"],
                cwd=ROOT, env=server_env(path, fault), stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        server = Server(process, f"http://127.0.0.1:{port}", log)
        started.append(server)
        return server.healthy() if wait else server

    try:
        yield launch
    finally:
        for server in started:
            if server.process.poll() is None:
                server.process.kill()
                server.process.wait(timeout=UPPER_BOUND)


def wait_for(condition: Callable[[], bool], what: str, *, server: Server | None = None) -> None:
    """Poll a state (a file there) until it holds; the time limit is only an upper bound."""
    deadline = time.monotonic() + UPPER_BOUND
    while not condition():
        log = f"; the server's log ends:\n{server.log.read_text(errors='replace')[-3000:]}" if server else ""
        if server is not None and server.process.poll() is not None:
            raise AssertionError(f"the server exited ({server.process.returncode}) before {what}{log}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {UPPER_BOUND} s{log}")
        time.sleep(0.05)


def killed_at_the_fault_point(server: Server, fault: Path) -> None:
    """Wait until the server holds a write between its journal line and its commit, then SIGKILL it."""
    reached = Path(f"{fault}.nådd")
    wait_for(reached.exists, "the write reached the fault point", server=server)
    wait_for(lambda: reached.read_text(encoding="utf-8") != "", "the fault point wrote its PID")
    assert reached.read_text(encoding="utf-8") == str(server.pid)
    server.kill()


# ------------------------------------------------------------------------------ the pages


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh context of the session's one Chromium, 1280×720."""
    context = browser.new_context(viewport=VIEWPORT)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


def sidebar(page: Page):
    return page.locator('[data-testid="stSidebar"]')


def sign_in(page: Page) -> None:
    login(page, EDITOR[0], EDITOR[2])
    expect(sidebar(page).get_by_text(f"Inloggad som {EDITOR[1]}")).to_be_visible(timeout=30_000)


def text_pattern(key: str, **known: object) -> re.Pattern[str]:
    """The Swedish text of an i18n key as a pattern: known placeholders filled, the rest any text."""
    parts = re.split(r"\{(\w+)\}", TEXTS[key]["sv"])
    return re.compile(
        "".join(
            re.escape(part) if i % 2 == 0 else (re.escape(str(known[part])) if part in known else ".+?")
            for i, part in enumerate(parts)
        )
    )


def open_light_page(page: Page, url: str) -> None:
    """A page that draws no charts (the quickest first run after a start); the sidebar is the same on every page."""
    page.goto(f"{url}/beslut")
    wait_for_render(page, "Beslut och källor")


def open_data_page(page: Page, url: str) -> None:
    open_light_page(page, url)
    sign_in(page)
    sidebar(page).get_by_role("link", name="Data", exact=True).click()
    wait_for_render(page, "Data")


def open_insats_as_editor(page: Page, url: str) -> None:
    page.goto(f"{url}/insatser?insats={INSATS}")
    wait_for_render(page, "Insatser")
    sign_in(page)
    expect(page.get_by_role("tab", name="Ändra uppgifter")).to_be_visible(timeout=30_000)


def edit_form(page: Page):
    return page.locator('[data-testid="stForm"]').filter(has_text="Kommentar till ändringen")


def save_new_name(page: Page) -> None:
    form = edit_form(page)
    form.get_by_label("Namn", exact=True).fill(NEW_NAME)
    form.get_by_role("button", name="Spara").click()


def store_notice(page: Page, url: str, key: str, **known: object) -> str:
    """Open the first page of a (re)started server; the sidebar's notice of what opening the store did
    (the i18n text of `key`; placeholders not given may hold any text)."""
    open_light_page(page, url)
    notice = sidebar(page).locator('[data-testid="stAlert"]').filter(has_text=text_pattern(key, **known))
    expect(notice).to_have_count(1, timeout=30_000)
    return notice.inner_text()


def check_count_in_notice(notice: str, key: str, n: int, **known: object) -> None:
    """The notice's count of changes as a whole number (checked last, after everything that was saved)."""
    if not text_pattern(key, n=n, **known).search(notice):
        raise AssertionError(f"the notice counts {n} changes as something else: {notice!r}")


def shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


# ------------------------------------------------------------------------------ the writes


def import_in_process(con: store.Connection) -> None:
    preview = importer.preview(con, "insatser", IMPORT_FILE.read_bytes(), IMPORT_FILE.name)
    assert preview.ok, [p.text for p in preview.problems]
    importer.apply(con, KIM, preview, snapshot_dir=con_folder(con) / "snapshots")


def con_folder(con: store.Connection) -> Path:
    path = store.database_path(con)
    assert path is not None
    return path.parent


def edit_in_process(con: store.Connection) -> None:
    version = int(writes.get_insats(con, INSATS)["version"])
    writes.update_insats(con, KIM, INSATS, {"namn": NEW_NAME}, version)


AUDIT = (
    "audit_id",
    "tid",
    "anvandare",
    "handling",
    "tabell",
    "rad_id",
    "falt",
    "gammalt_varde",
    "nytt_varde",
    "kommentar",
)


def audit(found: Contents, template_rows: Contents) -> list[dict[str, object]]:
    """The audit rows the write added (as dicts)."""
    old = set(template_rows["audit"])
    return [dict(zip(AUDIT, row, strict=True)) for row in found["audit"] if row not in old]


def assert_unique_ids(found: Contents) -> None:
    ids = [r[0] for r in found["audit"]]
    assert len(ids) == len(set(ids)), "audit_id twice"
    insatser = [r[0] for r in found["insatser"]]
    assert len(insatser) == len(set(insatser)), "an insats twice"


def choose(scope, label: str, option: str) -> None:
    """Pick an option in a Streamlit selectbox (conftest.choose_option)."""
    choose_option(scope, label, option)


# ------------------------------------------------------------------------------ the tests


def test_the_app_killed_in_the_middle_of_an_import_rolls_it_forward_exactly_once(
    template: Path, servers, page: Page, tmp_path: Path
):
    """An editor imports a file on the Data page; the server is killed with its journal line on disk and
    the commit not made. Started again, it applies the line and says so; the import is there once."""
    path = copy_store(template, tmp_path / "butik" / "lokalutveckling.duckdb")
    fault = tmp_path / "felpunkt"
    first = servers(path, fault=fault, wait=False)
    expected = expected_after(template, tmp_path / "forvantad", import_in_process)
    before = contents(path)
    entries_before = journal_reading(path)[1].last_n

    first.healthy()
    open_data_page(page, first.url)
    page.locator("input[type=file]").set_input_files(str(IMPORT_FILE))
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.get_by_text(re.compile(r"insatser_utf8_bom_komma\.csv: 2 nya"))).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Importera").click()
    killed_at_the_fault_point(first, fault)
    assert journal_reading(path)[1].last_n == entries_before + 1  # the line is on disk, the commit never happened
    assert contents(path) == before

    again = servers(path)
    notice = store_notice(page, again.url, "store_rolled_forward")
    again.stop()

    found = assert_saved(path, tmp_path / "koll", expected=expected)
    assert_unique_ids(found)
    ids = [r[0] for r in found["insatser"]]
    assert ids.count("INS-900") == 1 and ids.count("INS-901") == 1
    added = audit(found, before)
    assert added and all(a["handling"] == "import" and a["anvandare"] == EDITOR[0] for a in added)
    assert [a["rad_id"] for a in added if a["falt"] is None and a["tabell"] == "insatser"].count(IMPORT_FILE.name) == 1
    assert journal_reading(path)[1].last_n == entries_before + 1  # rolled forward, not journaled again
    reopened = recovery.open_store(path)  # the next start finds nothing left to do
    try:
        assert reopened.report.action is recovery.Action.CURRENT
        assert masked(_rows(reopened.con)) == expected
    finally:
        reopened.con.close()
    check_count_in_notice(notice, "store_rolled_forward", 1)


def big_insatser_file(path: Path, rows: int = 100_000) -> Path:
    """An insatser file big enough that its preview runs for a while (its rows need not be valid)."""
    with path.open("w", encoding="utf-8") as f:
        f.write(
            "insats_id,namn,namnd_kod,finansiering_kod,belopp_kr,startdatum,slutdatum,status,typ,fokus_kod,omraden\n"
        )
        for i in range(rows):
            f.write(f"INS-{100_000 + i},Insats {i},KN,ks_anslag,{1000 + i},2025-09-01,,beviljad,pilot,utbildning,12\n")
    return path


def test_the_app_killed_while_a_preview_runs_leaves_the_store_as_it_was(
    template: Path, servers, page: Page, tmp_path: Path
):
    """Killed while it previews a big file (nothing written yet): the store, its journal and its folder are
    as they were, and the next start has nothing to do."""
    path = copy_store(template, tmp_path / "butik" / "lokalutveckling.duckdb")
    first = servers(path, wait=False)
    big = big_insatser_file(tmp_path / "insatser_stor.csv")
    before = contents(path)
    files_before = files_beside(path)

    first.healthy()
    open_data_page(page, first.url)
    page.locator("input[type=file]").set_input_files(str(big))
    page.get_by_role("button", name="Förhandsgranska").click()
    # The preview's progress bar is on the page: the server is reading and checking the file.
    expect(page.locator('[data-testid="stProgress"]')).to_be_visible(timeout=30_000)
    first.kill()
    assert contents(path) == before
    assert files_beside(path) == files_before
    assert snapshots_taken(path) == []

    assert_saved(path, tmp_path / "koll", expected=before, exact=True)
    reopened = recovery.open_store(path)  # what the app does when it starts again: nothing to do
    try:
        assert reopened.report.action is recovery.Action.CURRENT and not reopened.report.notable
    finally:
        reopened.con.close()
    assert contents(path) == before


def test_the_app_killed_while_an_edit_is_saved_rolls_it_forward_exactly_once(
    template: Path, servers, page: Page, tmp_path: Path
):
    """An editor renames an insats on the Insatser page; killed between journal line and commit, started
    again: the new name is there once, with one audit row, and the page shows it."""
    path = copy_store(template, tmp_path / "butik" / "lokalutveckling.duckdb")
    fault = tmp_path / "felpunkt"
    first = servers(path, fault=fault, wait=False)
    expected = expected_after(template, tmp_path / "forvantad", edit_in_process)
    before = contents(path)
    entries_before = journal_reading(path)[1].last_n

    first.healthy()
    open_insats_as_editor(page, first.url)
    save_new_name(page)
    killed_at_the_fault_point(first, fault)
    assert contents(path) == before

    again = servers(path)
    notice = store_notice(page, again.url, "store_rolled_forward")
    page.goto(f"{again.url}/insatser?insats={INSATS}")
    wait_for_render(page, "Insatser")
    expect(page.get_by_role("heading", name=f"{INSATS} · {NEW_NAME}")).to_be_visible()
    again.stop()

    found = assert_saved(path, tmp_path / "koll", expected=expected)
    assert_unique_ids(found)
    added = audit(found, before)
    assert [(a["rad_id"], a["falt"], a["nytt_varde"]) for a in added] == [(INSATS, "namn", NEW_NAME)]
    assert journal_reading(path)[1].last_n == entries_before + 1
    check_count_in_notice(notice, "store_rolled_forward", 1)


def add_follow_up(page: Page) -> str:
    page.get_by_role("tab", name="Ny uppföljning").click()
    form = page.locator('[data-testid="stForm"]').filter(has_text="Vad som gjordes")
    form.get_by_label("Vad som gjordes").fill("Besök på lovskolan; 'citat' och ;")
    choose(form, "Effekt", "viss")
    form.get_by_label("Underlag för bedömningen").fill("Enkät till eleverna")
    form.get_by_role("button", name="Spara uppföljningen").click()
    saved = page.get_by_text(re.compile(r"Uppföljningen UPP-\d+ är sparad\."))
    expect(saved).to_be_visible(timeout=30_000)
    return re.search(r"UPP-\d+", saved.inner_text()).group(0)


def test_a_killed_app_whose_store_file_is_deleted_gets_everything_back_from_the_journal(
    template: Path, servers, page: Page, tmp_path: Path
):
    """The store file is deleted as someone would by hand (`rm lokalutveckling.duckdb`): the WAL the killed
    process left beside it stays where it is."""
    path = copy_store(template, tmp_path / "butik" / "lokalutveckling.duckdb")
    first = servers(path)
    open_insats_as_editor(page, first.url)
    follow_up = add_follow_up(page)
    save_new_name(page)
    expect(page.get_by_text(f"Insatsen {INSATS} är sparad (1 fält ändrade).")).to_be_visible(timeout=30_000)
    first.kill()
    saved = contents(path)  # everything reported saved, as the killed process left it
    assert [r[0] for r in saved["uppfoljningar"]].count(follow_up) == 1
    assert [r[1] for r in saved["insatser"] if r[0] == INSATS] == [NEW_NAME]
    path.unlink()

    again = servers(path)
    notice = store_notice(page, again.url, "store_rebuilt", base=TEXTS["store_base_seed"]["sv"])
    assert TEXTS["store_cause_missing"]["sv"] in notice
    sidebar(page).locator('[data-testid="stAlert"]').first.scroll_into_view_if_needed()
    shot(page, "faults_store_rebuilt_sidebar")
    again.stop()

    ids = [r[0] for r in contents(path)["audit"]]
    if len(ids) != len(set(ids)):
        raise AssertionError(f"audit rows twice after the rebuild: {sorted({i for i in ids if ids.count(i) > 1})}")
    assert_saved(path, tmp_path / "koll", expected=saved, exact=True)
    n = len(journal_reading(path)[1].effective())
    check_count_in_notice(notice, "store_rebuilt", n, base=TEXTS["store_base_seed"]["sv"])


def test_a_second_app_on_the_same_store_says_why_it_cannot_start_and_the_first_keeps_working(
    template: Path, servers, page: Page, tmp_path: Path
):
    """A second server on the store the first holds: every page of it says why it cannot start, with no
    server path, PID or traceback and no page list; the first still saves an edit."""
    path = copy_store(template, tmp_path / "butik" / "lokalutveckling.duckdb")
    # Both boot while the expected contents are computed; the second is asked for a page only after the
    # first has opened the store (a server opens it on its first page).
    first, second = servers(path, wait=False), servers(path, wait=False)
    expected = expected_after(template, tmp_path / "forvantad", edit_in_process)
    open_light_page(page, first.healthy().url)  # the first has opened the store

    second.healthy()
    for address in (second.url, f"{second.url}/insatser?insats={INSATS}"):
        page.goto(address)
        wait_for_render(page, "Databasen kan inte öppnas")
        main = page.locator('[data-testid="stMain"]')
        expect(main).to_contain_text(TEXTS["store_busy"]["sv"])
        assert "Databasen används redan av en annan process" in main.inner_text()
        shown = page.locator("body").inner_text()
        html = page.content()
        for secret in (str(path.parent), str(ROOT), sys.executable, str(Path(sys.executable).parent), "Traceback"):
            assert secret not in shown and secret not in html, secret
        for pid in (first.pid, second.pid):
            assert not re.search(rf"\b{pid}\b", shown), pid
        assert "PID" not in shown
        expect(page.locator('[data-testid="stSidebarNavLink"]')).to_have_count(0)
        expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        if address == second.url:
            shot(page, "faults_second_instance")

    open_insats_as_editor(page, first.url)
    save_new_name(page)
    expect(page.get_by_text(f"Insatsen {INSATS} är sparad (1 fält ändrade).")).to_be_visible(timeout=30_000)
    second.stop()
    first.stop()
    assert_saved(path, tmp_path / "koll", expected=expected)


def run_command(*args: str) -> subprocess.CompletedProcess:
    """`python -m …` as someone at the server would run it (the store is named on the command line)."""
    env = {k: v for k, v in os.environ.items() if k not in (journal.ENV, journal.FAULT_ENV, "LOKALUTVECKLING_DB")}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=UPPER_BOUND
    )


def test_commands_refuse_a_store_the_app_holds_and_a_backup_works_meanwhile(
    template: Path, servers, page: Page, tmp_path: Path
):
    """An import and a rebuild from the command line while the app runs exit 1 saying what to do and change
    nothing; a backup works meanwhile and holds exactly the store."""
    path = copy_store(template, tmp_path / "butik" / "lokalutveckling.duckdb")
    server = servers(path, wait=False)
    before = contents(path)
    files_before = files_beside(path)
    journal_before = journal_bytes(path)
    server.healthy()
    open_light_page(page, server.url)  # the app has opened the store

    refused = [
        run_command(
            "lokalutveckling", "import", "apply", "insatser", str(IMPORT_FILE), "--user", EDITOR[0], "--db", str(path)
        ),
        run_command("lokalutveckling", "store", "rebuild", str(path)),
    ]
    for result in refused:
        assert result.returncode == 1, (result.args, result.stdout, result.stderr)
        assert "används redan av en annan process" in result.stderr
        assert "Stoppa den andra processen" in result.stderr  # what to do
        assert "Traceback" not in result.stderr
    backups = tmp_path / "backuper"
    made = run_command("lokalutveckling", "store", "backup", str(backups), "--db", str(path))
    assert made.returncode == 0, made.stderr
    (folder,) = backups.iterdir()
    assert str(folder) in made.stdout
    copy = store.connect(folder / path.name, read_only=True)
    try:
        backed_up = _rows(copy)
    finally:
        copy.close()
    open_light_page(page, server.url)  # the app still works
    server.stop()

    assert files_beside(path) == files_before
    assert journal_bytes(path) == journal_before
    assert snapshots_taken(path) == []
    assert_saved(path, tmp_path / "koll", expected=before, exact=True)
    assert_same(backed_up, before)
