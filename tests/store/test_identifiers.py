"""The statements built as text (lokalutveckling.store.identifiers): only checked names and quoted paths go
in, and nothing else in the package builds SQL from text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from lokalutveckling import store
from lokalutveckling.paths import ROOT
from lokalutveckling.store import identifiers, snapshots

# A statement's shape (`{}` where an f-string has a placeholder): specific enough that a sentence is no match.
SQL_SHAPE = re.compile(
    r"^\s*(select\b.*\bfrom\b|insert into |delete from |update \S+ set |attach \S+ as |detach \S+$"
    r"|copy from database |copy \S+ (to|from) |install \S+$|drop \S+ \S+$|(create|drop|alter) (or replace )?(temp )?(table|view|schema|index) "
    r"|with \S+ as \()",
    re.I | re.S,
)


@pytest.mark.parametrize("alias", ["", "a b", "x; drop table insatser", "Stor", "1abc", 'a"b', "a.b"])
def test_an_alias_that_is_no_plain_identifier_is_refused_before_any_sql(alias):
    con = store.connect(None)
    try:
        with pytest.raises(identifiers.UnsafeName, match="Ogiltigt namn"):
            identifiers.attach(con, Path("/tmp/x.duckdb"), alias)
        with pytest.raises(identifiers.UnsafeName, match="Ogiltigt namn"):
            identifiers.detach(con, alias)
        with pytest.raises(identifiers.UnsafeName):
            identifiers.copy_database(con, "memory", alias)
        with pytest.raises(identifiers.UnsafeName):
            identifiers.replace_rows(con, "insatser", alias)
    finally:
        con.close()


@pytest.mark.parametrize("name", ['x"; drop table insatser; --', "a b", "", "tabell;"])
def test_a_catalog_name_outside_the_pattern_is_refused(name):
    with pytest.raises(identifiers.UnsafeName, match="Oväntat namn i databasen"):
        identifiers.quote_ident(name)


def test_paths_and_names_are_quoted():
    assert identifiers.quote_path(Path("/tmp/it's here.duckdb")) == "'/tmp/it''s here.duckdb'"
    assert identifiers.quote_ident("insats_omraden") == '"insats_omraden"'
    with pytest.raises(identifiers.UnsafeName, match="Ogiltig sökväg"):
        identifiers.quote_path(Path("/tmp/a\x00b"))


def test_a_snapshot_in_a_folder_whose_name_has_a_quote_is_taken_and_read(tmp_path):
    folder = tmp_path / "it's; detach memory"
    source = store.connect(None)
    try:
        source.execute("create table t (x int)")
        source.execute("insert into t values (1), (2)")
        source.execute("create table anvandare (anvandarnamn varchar, losenord_hash varchar)")
        source.execute("insert into anvandare values ('kim', '$argon2id$hemligt')")
        path = snapshots.snapshot(source, directory=folder, reason="test")
    finally:
        source.close()
    assert path is not None and path.parent == folder
    copy = store.connect(path)
    try:
        assert copy.execute("select count(*) from t").fetchone()[0] == 2
        assert copy.execute("select losenord_hash from anvandare").fetchall() == [(None,)]
    finally:
        copy.close()


def _template(node: ast.JoinedStr) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)


def _sql_built_as_text(path: Path) -> list[int]:
    """Lines where a Python file builds SQL text: an f-string, or a `.format` on a string, shaped as SQL."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr) and SQL_SHAPE.match(_template(node)):
            found.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            target = node.func.value
            if isinstance(target, ast.Constant) and isinstance(target.value, str) and SQL_SHAPE.match(target.value):
                found.append(node.lineno)
    return found


def test_no_module_but_identifiers_builds_sql_as_text():
    package = ROOT / "lokalutveckling"
    built = {
        str(path.relative_to(ROOT)): lines
        for path in sorted(package.rglob("*.py"))
        if path.name != "identifiers.py" and (lines := _sql_built_as_text(path))
    }
    assert built == {}
    # The check finds what it looks for: identifiers' ten statements (attach a file, attach a new DuckLake store,
    # install an extension, detach, copy out, copy in, drop, update, delete, insert).
    assert len(_sql_built_as_text(package / "store" / "identifiers.py")) == 10
