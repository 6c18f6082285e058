"""Reader pages speak to readers: no commands, repository paths, file names or table names of the store on
any page a reader sees, in either language; editors find that help in an expander; nämnder by their English
names on English pages; Beslut's row counts are the rows of the store that cite each source."""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import cli, domain
from lokalutveckling.i18n import TEXTS, t
from lokalutveckling.paths import ROOT
from lokalutveckling.store import load_sql
from lokalutveckling.ui import editor_help, session
from tests.charts import chart_of, charts
from tests.sources.test_statistik import server  # noqa: F401 (the test server of official statistics, a fixture)

ENTRY = str(ROOT / "dashboard.py")
READER_PAGES = [
    "pages/oversikt.py",
    "pages/karta.py",
    "pages/omrade.py",
    "pages/insatser.py",
    "pages/namnder.py",
    "pages/behov.py",
    "pages/effekt.py",
    "pages/kvalitet.py",
    "pages/beslut.py",
    "pages/uppdrag.py",
]
DEVELOPER_TEXT = {
    "a command": re.compile(r"python -m"),
    "a Python file": re.compile(r"\.py\b"),
    "the seed folder": re.compile(r"data/seed"),
    "the queries folder": re.compile(r"queries/"),
}
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a Markdown link's address (and title), after its text
HASH_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")  # a source document's file name, 002_653f0594ef9bb87d.txt
# Table names that are ordinary Swedish words: only a cell or text that is exactly the name (the raw name
# shown as a label) gives them away; 'beslut' is also the stage of a decision, a word readers see as is.
# Every other table name of the store may not appear as a word at all.
PLAIN_WORDS = {"audit", "indikatorer", "insatser", "kraftsamling", "statushistorik", "tilldelningar"}
ORDINARY_WORDS = {"beslut", "uppdrag"}
# Proto fields that are not text a reader sees: ids, keys, URL keys, the page a link goes to, the heading tag,
# a number's format, the kind of button, icons, hashes.
HIDDEN_FIELDS = re.compile(r"^(id|form_id|key|tag|format|type|icon|page|url_path|.*_hash|.*_id|.*_key)$")
EDITOR = domain.User("kim", "Kim Larsson", "redaktor")


def run(page: str, lang: str, *, editor: bool = False, **query: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    if lang == "en":
        at.query_params["lang"] = "EN"
    for key, value in query.items():
        at.query_params[key] = value
    if editor:
        at.session_state[session.SIGNED_IN] = EDITOR
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(text: str) -> str:
    """Markdown text as a reader sees it: ui.literal's character references decoded, its empty splitting
    directives dropped."""
    return html.unescape(text.replace(":small[]", ""))


def _strings(message: object) -> Iterator[str]:
    """Every text field of a protobuf message, nested ones too, except ids, keys and link targets."""
    for field, value in message.ListFields():
        if HIDDEN_FIELDS.match(field.name):
            continue
        single = isinstance(value, (str, bytes)) or hasattr(value, "ListFields") or not hasattr(value, "__iter__")
        values = [value] if single else value
        for v in values:
            if isinstance(v, str):
                yield plain(v)
            elif hasattr(v, "ListFields"):
                yield from _strings(v)


def frames(at: AppTest) -> list[pd.DataFrame]:
    """Every table on the page as a reader reads it: a static table (ui.static_table, its first column as
    the row labels, cells escaped for Markdown) with its labels as a column again and its text decoded."""
    out = []
    for node in getattr(at, "_tree", at):  # the whole app, or one block (the sidebar)
        if node.type == "table":
            frame = node.value.map(lambda v: plain(v) if isinstance(v, str) else v)
            frame.index = pd.Index(
                [plain(v) if isinstance(v, str) else v for v in node.value.index], name=node.value.index.name
            )
            out.append(frame.reset_index())
        elif node.type in ("arrow_data_frame", "dataframe"):
            out.append(node.value)
    return out


def shown(at: AppTest) -> list[str]:
    """Every text the page shows: Markdown, captions, alerts, labels, help texts, options, metrics, every
    cell and heading of every table, and each chart's titles, labels and hover texts (its JSON). The map
    (a component) is left out: maps.py's tests read its tooltips."""
    out: list[str] = []
    for frame in frames(at):
        out += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    for node in getattr(at, "_tree", at):  # the whole app, or one block (the sidebar)
        proto = getattr(node, "proto", None)
        if node.type in ("table", "arrow_data_frame", "dataframe"):
            continue
        chart = chart_of(node)
        if chart is not None:
            out.append(json.dumps(chart.spec["layout"], ensure_ascii=False))
            out += [json.dumps(trace, ensure_ascii=False) for trace in chart.spec["data"]]
            continue
        if proto is None or node.type in ("component_instance", "bidi_component"):
            continue
        out += list(_strings(proto))
    return [s for s in out if s]


@pytest.fixture(scope="module")
def tables(con) -> list[str]:
    """The store's tables (not its views), from its own catalogue."""
    return [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()]


def table_name_problems(texts: list[str], tables: list[str]) -> list[str]:
    """Where a table's name in the store shows: as a word, or (a plain Swedish word) as a whole label."""
    found = []
    for name in tables:
        if name in ORDINARY_WORDS:
            continue
        if name in PLAIN_WORDS:
            found += [f"{name!r} as a label" for s in texts if s.strip() == name]
        else:
            word = re.compile(rf"(?<![\w/]){re.escape(name)}(?!\w)", re.IGNORECASE)
            found += [f"{name!r} in {s[:120]!r}" for s in texts if word.search(s)]
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", READER_PAGES)
def test_a_reader_page_shows_no_developer_text(db_file, tables, page, lang):
    texts = shown(run(page, lang))
    assert len(texts) > 20  # the collector sees the page
    problems = [f"{what}: {s[:160]!r}" for s in texts for what, pattern in DEVELOPER_TEXT.items() if pattern.search(s)]
    assert not problems, problems
    assert not table_name_problems(texts, tables), table_name_problems(texts, tables)
    if page in ("pages/kvalitet.py", "pages/beslut.py"):  # the pages about the data say whom to ask
        assert editor_help.contact_text(lang, secrets={}, env={}) in texts


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_sidebar_says_whom_to_ask_on_every_page(db_file, lang):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    if lang == "en":
        at.query_params["lang"] = "EN"
    at.run()  # the sidebar as AppTest sees it on the first run (after switch_page it reports only the page)
    box = next(e for e in at.sidebar.expander if e.label == TEXTS["data_status"][lang])
    assert editor_help.contact_text(lang, secrets={}, env={}) in [plain(c.value) for c in box.caption]
    texts = shown(at.sidebar)
    assert len(texts) > 10
    problems = [f"{what}: {s[:160]!r}" for s in texts for what, pattern in DEVELOPER_TEXT.items() if pattern.search(s)]
    assert not problems, problems


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", READER_PAGES)
def test_a_reader_page_names_source_documents_not_files(db_file, page, lang):
    # A link's address may hold the file name (`dokument?dok=002_….txt&rad=193`, which opens it); what
    # a reader reads, the link's text, must not.
    texts = [LINK_TARGET.sub("]", s) for s in shown(run(page, lang))]
    files = [s[:160] for s in texts if HASH_FILE.search(s)]
    assert not files, files


def test_every_table_of_the_store_has_a_readable_name_in_both_languages(tables):
    for name in tables:
        entry = TEXTS[f"table_{name}"]
        assert entry["sv"] and entry["en"] and entry["sv"] != name
    assert editor_help.table_name("indikatorvarden", "sv") == "Indikatorvärden"
    assert editor_help.table_name("tilldelningar", "en") == "Allocations"


def test_datakvalitet_names_its_tables_readably_and_editors_see_the_store_names(db_file):
    reader = run("pages/kvalitet.py", "sv")
    shares = next(f for f in frames(reader) if "Andel" in f.columns)
    assert list(shares["Tabell"]) == [
        "Tilldelningar",
        "Insatser",
        "Indikatorvärden",
        "Områdesteam",
        "Kraftsamlande områden",
    ]
    assert not [e for e in reader.expander if e.label == TEXTS["help_title"]["sv"]]
    assert reader.caption[-1].value != ""
    editor = run("pages/kvalitet.py", "sv", editor=True)
    helps = [e for e in editor.expander if e.label == TEXTS["help_title"]["sv"]]
    assert len(helps) == 2  # the statistics command, and the tables by their names in the store
    body = "\n".join(m.value for e in helps for m in e.markdown)
    assert "`python -m lokalutveckling stats`" in body
    assert "Indikatorvärden: `indikatorvarden`" in body and "Tilldelningar: `tilldelningar`" in body


@pytest.mark.parametrize(
    ("page", "says"),
    [
        ("pages/omrade.py", "`python -m lokalutveckling stats`"),
        ("pages/karta.py", "`python -m lokalutveckling geo fetch`"),
        ("pages/kvalitet.py", "`python -m lokalutveckling stats`"),
        ("pages/beslut.py", "`kalla`"),
        ("pages/data.py", "`python -m lokalutveckling store backup"),
    ],
)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_editor_finds_the_help_the_reader_page_leaves_out(db_file, page, says, lang):
    editor = run(page, lang, editor=True)
    helps = [e for e in editor.expander if e.label == TEXTS["help_title"][lang]]
    assert helps, [e.label for e in editor.expander]
    assert says in "\n".join(m.value for e in helps for m in e.markdown)
    if page != "pages/data.py":  # the Data page is not a reader page
        reader = run(page, lang)
        assert not [e for e in reader.expander if e.label == TEXTS["help_title"][lang]]
        assert not [s for s in shown(reader) if says in s]


def test_the_contact_is_configurable_and_shown_literally():
    assert editor_help.contact_text("sv", secrets={}, env={}) == (
        "Frågor om uppgifterna: fritidsnämndens samordnare för lokal utveckling."
    )
    env = {"LOKALUTVECKLING_KONTAKT": "  Enheten för lokal utveckling, tel. 040-00 00 00  "}
    assert editor_help.contact_text("en", secrets={}, env=env) == (
        "Questions about the data: Enheten för lokal utveckling, tel. 040-00 00 00"
    )
    secrets = {"kontakt": {"sv": "samordnaren på fritidsförvaltningen", "en": "the coordinator"}}
    assert editor_help.contact_text("en", secrets=secrets, env=env) == "Questions about the data: the coordinator"
    assert editor_help.contact_text("sv", secrets={"kontakt": "*x*"}, env={}) == "Frågor om uppgifterna: *x*"


def chart_labels(at: AppTest) -> set[str]:
    """The category labels of every chart on the page: bars' and heatmaps' axes, a Sankey's nodes."""
    labels: set[str] = set()
    for chart in charts(at):
        for trace in chart.spec["data"]:
            for values in (trace.get("x"), trace.get("y"), trace.get("node", {}).get("label")):
                if isinstance(values, list):
                    labels |= {v for v in values if isinstance(v, str)}
    return labels


def _seed_names() -> dict[str, dict[str, str]]:
    with (ROOT / "data" / "seed" / "namnder.csv").open(encoding="utf-8") as f:
        return {r["namnd_kod"]: r for r in csv.DictReader(f)}


def test_english_pages_name_the_namnder_in_english(db_file):
    seed = _seed_names()
    assert all(r["kortnamn_en"] and r["namn_en"] for r in seed.values())
    english = {r["kortnamn_en"] for r in seed.values()}
    swedish_only = {r["kortnamn"] for r in seed.values()} - english  # 'Service' is the same in both

    at = run("pages/namnder.py", "en")
    comparison = next(f for f in frames(at) if "Committee" in f.columns)
    assert set(comparison["Committee"]) <= english
    assert {seed["FRN"]["kortnamn_en"], seed["GRN"]["kortnamn_en"]} <= set(comparison["Committee"])
    assert at.selectbox(key="nam_namnd").format_func("FRN") == seed["FRN"]["kortnamn_en"]
    labels = chart_labels(at)
    assert seed["ASN"]["kortnamn_en"] in labels and not labels & swedish_only
    led_by = next(f for f in frames(at) if "Led by" in f.columns)["Led by"]
    assert set(led_by) <= english

    oversikt = run("pages/oversikt.py", "en")
    labels = chart_labels(oversikt)
    assert {seed[k]["kortnamn_en"] for k in ("ASN", "FRN", "GRN", "GYVN", "KS")} <= labels
    assert not labels & swedish_only

    # The sidebar's nämnd filter offers the English names (the sidebar as the first run shows it).
    first = AppTest.from_file(ENTRY, default_timeout=60)
    first.query_params["lang"] = "EN"
    first.run()
    namnd = first.multiselect(key="namnd")
    assert namnd.format_func("KN") == seed["KN"]["kortnamn_en"]
    assert namnd.format_func("HVON") == "Health, care and welfare"

    swedish = run("pages/namnder.py", "sv")
    assert set(next(f for f in frames(swedish) if "Nämnd" in f.columns)["Nämnd"]) <= {
        r["kortnamn"] for r in seed.values()
    }


@pytest.mark.parametrize("page", READER_PAGES)
def test_no_english_page_shows_a_namnd_by_its_swedish_name(db_file, page):
    seed = _seed_names().values()
    swedish = {r[c] for r in seed for c in ("kortnamn", "namn")} - {
        r[c] for r in seed for c in ("kortnamn_en", "namn_en")
    }
    at = run(page, "en")
    # Beslut shows each allocation's recipient as the source writes it (in Swedish): that column is a quote.
    quoted = {str(v) for f in frames(at) if "Recipient (as written)" in f.columns for v in f["Recipient (as written)"]}
    texts = [s for s in shown(at) if s not in quoted]
    found = {part for s in texts for part in (s, *s.split(", "))} & swedish
    assert not found, sorted(found)


def test_beslut_counts_every_row_of_the_store_that_cites_each_source(db_file, con):
    tables = [
        r[0]
        for r in con.execute(
            "select table_name from duckdb_columns() where schema_name = 'main' and column_name = 'kalla' "
            "and table_name in (select table_name from duckdb_tables() where schema_name = 'main')"
        ).fetchall()
    ]
    assert {"omraden", "utsatta_omraden", "insatser", "tilldelningar"} <= set(tables)
    expected: dict[str, int] = {}
    for table in tables:  # names from the store's own catalogue, bound (query_table reads a table by name)
        counted = con.execute("select kalla, count(*) from query_table($t) group by kalla", {"t": table})
        for kalla, n in counted.fetchall():
            expected[kalla] = expected.get(kalla, 0) + n

    at = run("pages/beslut.py", "sv")
    sources = next(f for f in frames(at) if "Rader i databasen" in f.columns)
    listed = [r[0] for r in con.execute(load_sql("kallor")).fetchall()]  # the page's order
    assert sorted(listed) == sorted(r[0] for r in con.execute("select kalla_id from kallor").fetchall())
    counts = [int(str(n).replace("\u00a0", "")) for n in sources["Rader i databasen"]]
    assert counts == [expected.get(k, 0) for k in listed]
    by_source = dict(zip(listed, counts, strict=True))
    assert by_source["polisen_utsatta_2025"] == 9  # the police's four areas as the delområden holding them
    assert by_source["malmo_geso_indelning"] == 151  # the city, its 14 areas and 136 delområden


def test_every_unit_the_store_or_a_fetch_writes_has_an_english_name(con):
    from lokalutveckling.i18n import UNITS, unit
    from lokalutveckling.sources import ckan as fetch_ckan

    written = {r[0] for r in con.execute("select distinct enhet from indikatorer").fetchall()}
    written |= {fetch_ckan.unit_of("antal", "x"), fetch_ckan.unit_of("andel", "Invånare per 1 000"), "procent"}
    for enhet in written:
        assert unit(enhet, "en") in UNITS.values(), enhet
    assert unit("per 1 000 invånare", "en") == "per 1,000 inhabitants"
    assert unit("Procent", "en") == "percent" and unit("procent", "sv") == "procent"


@pytest.mark.parametrize("page", ["pages/omrade.py", "pages/kvalitet.py"])
def test_english_pages_show_units_in_english(db_file, page):
    from lokalutveckling.i18n import UNITS

    units = [u for f in frames(run(page, "en")) if "Unit" in f.columns for u in f["Unit"] if u]
    assert units and set(units) <= set(UNITS.values()), set(units) - set(UNITS.values())
    assert {"percent", "number", "per 1,000 inhabitants"} <= set(units)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_fetched_statistics_read_as_data_not_as_tables_of_the_store(
    server,  # noqa: F811 (the fixture imported from tests/test_statistik.py)
    built_store,
    tmp_path,
    capsys,
    monkeypatch,
    tables,
    lang,
):
    """With official statistics fetched (the test server of tests/test_statistik.py), Område and
    Datakvalitet show them without a command, a file or a table name, and with units in the language."""
    from lokalutveckling.i18n import UNITS
    from tests.sources.test_statistik import ANDEL_ID, FOLK_ID
    from tests.test_pages import reset_caches

    db = tmp_path / "store.duckdb"
    db.write_bytes(built_store.read_bytes())
    args = ["ckan", "--resource", ANDEL_ID, "--population-resource", FOLK_ID, "--page-size", "100"]
    assert cli.main(["stats", *args, "--base-url", server.base, "--db", str(db)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LOKALUTVECKLING_DB", str(db))
    reset_caches()
    try:
        for page, query in (("pages/omrade.py", {"omrade": "14"}), ("pages/kvalitet.py", {})):
            texts = shown(run(page, lang, **query))
            problems = [s[:160] for s in texts for p in DEVELOPER_TEXT.values() if p.search(s)]
            assert not problems, problems
            assert not table_name_problems(texts, tables), table_name_problems(texts, tables)
        area = run("pages/omrade.py", lang, omrade="14")
        fetched = next(f for f in frames(area) if t("stat_variable", lang) in f.columns)
        assert len(fetched) >= 1
        if lang == "en":
            assert set(fetched["Unit"]) <= set(UNITS.values()), set(fetched["Unit"])
    finally:
        reset_caches()
