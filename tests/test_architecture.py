"""The package's shape: layers, no import cycles, one home per concept, every write through the unit of work.

Read from the source files (ast), so a change that breaks the shape fails here with the module and line.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lokalutveckling.paths import ROOT

PACKAGE = ROOT / "lokalutveckling"
MAX_LINES = 620  # "about 600": a module longer than this holds more than one concept
DATA_TABLES = {"lokalutveckling.i18n", "lokalutveckling.exempeldata"}  # the text catalogue, the exempeldata templates

# Each module imports only modules of its own layer or below (lowest first). Listed by prefix: the
# longest matching prefix decides.
LAYERS: list[tuple[str, ...]] = [
    (
        "lokalutveckling",
        "lokalutveckling.paths",
        "lokalutveckling.format",
        "lokalutveckling.i18n",
        "lokalutveckling.domain",
        "lokalutveckling.assets",
    ),
    ("lokalutveckling.store",),
    (
        "lokalutveckling.data",
        "lokalutveckling.area_names",
        "lokalutveckling.namnd_names",
        "lokalutveckling.provenance",
        "lokalutveckling.documents",
        "lokalutveckling.geo",
        "lokalutveckling.analys",
        "lokalutveckling.agenda2030",
        "lokalutveckling.stoppkandidater",
        "lokalutveckling.figures",
        "lokalutveckling.maps",
        "lokalutveckling.export",
        "lokalutveckling.rendering",
        "lokalutveckling.narrative",
        "lokalutveckling.exempeldata",
    ),
    ("lokalutveckling.writes",),
    ("lokalutveckling.imports", "lokalutveckling.sources", "lokalutveckling.auth"),
    ("lokalutveckling.ui",),
    ("lokalutveckling.views",),
    ("lokalutveckling.cli", "lokalutveckling.__main__"),
]
# Statements that begin or commit a transaction: only the unit of work, the journal it commits through,
# and the recovery that replays journal entries already written (replaying must not journal them again).
TRANSACTION_OWNERS = {
    "lokalutveckling.store.unit_of_work",
    "lokalutveckling.store.journal",
    "lokalutveckling.store.recovery",
    "lokalutveckling.store.lake_recovery",  # replacing a DuckLake store's tables in one transaction
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    lines: int
    imports: dict[str, int] = field(default_factory=dict)  # imported lokalutveckling module -> line
    bound: set[str] = field(default_factory=set)  # local names bound to lokalutveckling modules


def read_modules() -> dict[str, Module]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        m = Module(module_name(path), path, ast.parse(text), len(text.splitlines()))
        for node in m.tree.body:
            for target, line, local in imported(node, m.name):
                m.imports.setdefault(target, line)
                if local and is_module(target):
                    m.bound.add(local)
        modules[m.name] = m
    return modules


def imported(node: ast.stmt, here: str) -> list[tuple[str, int, str | None]]:
    """(module, line, local name) for every lokalutveckling module a top-level statement imports."""
    found: list[tuple[str, int, str | None]] = []
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] == "lokalutveckling":
                found.append((alias.name, node.lineno, alias.asname))
    elif isinstance(node, ast.ImportFrom) and node.module:
        base = node.module
        if node.level:  # relative: from . import x
            base = ".".join([*here.split(".")[: len(here.split(".")) - node.level + 1], node.module])
        if base.split(".")[0] != "lokalutveckling":
            return found
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            if is_module(sub):
                found.append((sub, node.lineno, alias.asname or alias.name))
            else:
                found.append((base, node.lineno, None))
    elif isinstance(node, ast.If):  # if TYPE_CHECKING: … and similar
        for child in node.body + node.orelse:
            found.extend(imported(child, here))
    elif isinstance(node, ast.Try):
        for child in node.body + node.orelse + node.finalbody:
            found.extend(imported(child, here))
    return found


MODULES = read_modules()


def layer(name: str) -> int:
    best, best_len = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    return best


def test_every_module_has_a_layer():
    assert [name for name in MODULES if layer(name) < 0] == []


def test_each_module_imports_only_its_own_layer_or_below():
    upward = [
        f"{m.name} ({layer(m.name)}) imports {target} ({layer(target)}) on line {line}"
        for m in MODULES.values()
        for target, line in m.imports.items()
        if layer(target) > layer(m.name)
    ]
    assert upward == []


def test_no_import_cycle():
    graph = {name: [t for t in m.imports if t in MODULES and t != name] for name, m in MODULES.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in graph[name]:
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_import_inside_a_function_of_the_package():
    """An import of our own modules inside a function is how a cycle hides; third-party ones may be lazy."""
    hidden = []
    for m in MODULES.values():
        for node in ast.walk(m.tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    names = []
                    if isinstance(inner, ast.Import):
                        names = [a.name for a in inner.names]
                    elif isinstance(inner, ast.ImportFrom):
                        names = [inner.module or "."] if inner.level == 0 else ["."]
                    if any(n == "." or n.split(".")[0] == "lokalutveckling" for n in names):
                        hidden.append(f"{m.name}:{inner.lineno} in {node.name}()")
    assert sorted(set(hidden)) == []


def test_no_module_uses_another_modules_private_names():
    used = []
    for m in MODULES.values():
        for node in ast.walk(m.tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lokalutveckling"):
                used += [f"{m.name}:{node.lineno} imports {a.name}" for a in node.names if private(a.name)]
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in m.bound
                and private(node.attr)
            ):
                used.append(f"{m.name}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert used == []


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_module_over_about_600_lines():
    long = {m.name: m.lines for m in MODULES.values() if m.lines > MAX_LINES and m.name not in DATA_TABLES}
    assert long == {}


def test_only_the_store_imports_duckdb():
    importers = set()
    for m in MODULES.values():
        for node in ast.walk(m.tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "duckdb" for n in names):
                importers.add(m.name)
    assert importers and all(name.startswith("lokalutveckling.store") for name in importers), importers


def writes_sql(m: Module) -> list[int]:
    """Lines where a module names a query that changes the store (queries/write/, queries/import/)."""
    return [
        node.lineno
        for node in ast.walk(m.tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith(("write/", "import/"))
        and (ROOT / "queries" / f"{node.value}.sql").is_file()
        and changes(ROOT / "queries" / f"{node.value}.sql")
    ]


def changes(sql_file: Path) -> bool:
    body = "\n".join(line for line in sql_file.read_text(encoding="utf-8").splitlines() if not line.startswith("--"))
    return body.strip().split(None, 1)[0].lower() in {"insert", "update", "delete", "with"} and any(
        word in body.lower() for word in ("insert ", "update ", "delete ")
    )


def test_every_module_that_writes_imports_the_unit_of_work():
    writers = {name: writes_sql(m) for name, m in MODULES.items() if writes_sql(m)}
    # the check sees the writers it is about: the forms' writes, imports, snapshots, fetched statistics
    for package in (
        "lokalutveckling.writes",
        "lokalutveckling.imports",
        "lokalutveckling.store",
        "lokalutveckling.sources",
    ):
        assert any(n == package or n.startswith(package + ".") for n in writers), package
    missing = [
        f"{name} (lines {lines[:3]})"
        for name, lines in writers.items()
        if "lokalutveckling.store.unit_of_work" not in MODULES[name].imports and name not in TRANSACTION_OWNERS
    ]
    assert missing == []


@pytest.mark.parametrize("method", ["begin", "commit"])
def test_only_the_unit_of_work_opens_and_commits_transactions(method):
    found = [
        f"{m.name}:{node.lineno}"
        for m in MODULES.values()
        if m.name not in TRANSACTION_OWNERS
        for node in ast.walk(m.tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method
    ]
    assert found == []


def test_the_shape_checks_can_fail():
    """The checks above see what they look for: a made-up module with each fault is caught."""
    source = (
        "from lokalutveckling import ui\n"
        "from lokalutveckling.writes import _private\n"
        "def f():\n    from lokalutveckling import views\n    return ui._hidden\n"
    )
    tree = ast.parse(source)
    m = Module("lokalutveckling.store.fake", PACKAGE / "store" / "fake.py", tree, 3)
    for node in tree.body:
        for target, line, local in imported(node, m.name):
            m.imports[target] = line
            if local and is_module(target):
                m.bound.add(local)
    assert layer("lokalutveckling.ui") > layer(m.name)  # an upward import
    assert "lokalutveckling.ui" in m.imports and "ui" in m.bound
    privates = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and private(n.attr)]
    assert privates and privates[0].attr == "_hidden"
