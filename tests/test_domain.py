"""The vocabulary is declared once (lokalutveckling.domain); the SQL that must spell it out agrees with it.

The build's checks and a few read queries write statuses, types, effects and roles as SQL literals (a
check runs on the seeds before any Python value could be bound). These tests read those files and fail
as soon as one of them and the domain differ, so a status, type, effect or role changed in one place
fails until the other matches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lokalutveckling import domain, figures
from lokalutveckling.i18n import TEXTS
from lokalutveckling.paths import CHECKS_SQL_DIR, QUERIES_DIR

STRING = re.compile(r"'((?:[^']|'')*)'")


def sql(path: Path) -> str:
    """A statement without its comments."""
    return re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))


def strings(text: str) -> list[str]:
    return [s.replace("''", "'") for s in STRING.findall(text)]


def every_sql_file() -> list[Path]:
    return sorted(QUERIES_DIR.rglob("*.sql"))


# ------------------------------------------------------------------------------------ the domain


def test_the_moves_go_from_and_to_statuses_and_final_statuses_have_none():
    assert set(domain.MOVES) == set(domain.STATUSAR)
    for status, targets in domain.MOVES.items():
        assert set(targets) <= set(domain.STATUSAR), status
        assert status not in targets, status
        assert domain.allowed_moves(status) == targets
    for status in domain.SLUT_STATUSAR:
        assert domain.allowed_moves(status) == ()
    for status in set(domain.STATUSAR) - set(domain.SLUT_STATUSAR):
        assert domain.allowed_moves(status), f"{status} is not final but has no move"
    assert domain.allowed_moves("okänd") == ()


def test_start_and_final_statuses_split_the_lifecycle():
    assert set(domain.START_STATUSAR) <= set(domain.STATUSAR)
    assert set(domain.SLUT_STATUSAR) <= set(domain.STATUSAR)
    assert not set(domain.START_STATUSAR) & set(domain.SLUT_STATUSAR)
    assert set(domain.START_STATUSAR) | set(domain.SLUT_STATUSAR) == set(domain.STATUSAR)
    # Every status is reached from one a new insats may have, and every lifecycle can end.
    reached, todo = set(domain.START_STATUSAR), list(domain.START_STATUSAR)
    while todo:
        for target in domain.allowed_moves(todo.pop()):
            if target not in reached:
                reached.add(target)
                todo.append(target)
    assert reached == set(domain.STATUSAR)
    # The lifecycle's order: no move goes back to a status listed before it.
    order = {s: i for i, s in enumerate(domain.STATUSAR)}
    assert all(order[t] > order[s] for s, targets in domain.MOVES.items() for t in targets)
    # The subsets the rules use are parts of the lists they come from.
    assert set(domain.UPPHORDA_STATUSAR) < set(domain.SLUT_STATUSAR) and "permanentad" not in domain.UPPHORDA_STATUSAR
    assert set(domain.BEDOMDA_EFFEKTER) < set(domain.EFFEKTER) and "oklar" not in domain.BEDOMDA_EFFEKTER


def test_roles_fields_and_limits_name_known_things():
    assert set(domain.KONTO_ROLLER) < set(domain.ROLLER)
    assert set(domain.ROLLER) == set(domain.Roll.__args__)
    assert set(domain.KONTO_ROLLER) == set(domain.KontoRoll.__args__)
    assert domain.User("a", "A").roll == "lasare" and not domain.User("a", "A").can_edit
    assert all(domain.User("a", "A", r).can_edit for r in domain.KONTO_ROLLER)
    assert domain.COMMAND_LINE.is_admin and domain.COMMAND_LINE.anvandarnamn in domain.RESERVED_NAMES
    fields = set(domain.INSATS_FIELDS) | {"status"}
    assert domain.INSATS_REQUIRED <= fields
    assert domain.LIST_FIELDS <= set(domain.INSATS_FIELDS)
    for name in (*domain.INSATS_FIELDS, *domain.UPPFOLJNING_FIELDS, *domain.ANVANDARE_FIELDS, "status"):
        assert name in domain.LABELS, name
    assert set(domain.TEXT_LIMITS) - {"partner"} <= set(domain.LABELS)


@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("status_", domain.STATUSAR),
        ("typ_", domain.TYPER),
        ("effect_", domain.EFFEKTER),
        ("role_", domain.ROLLER),
    ],
)
def test_every_value_has_its_name_in_both_languages(prefix, values):
    for value in values:
        assert set(TEXTS[prefix + value]) >= {"sv", "en"}, value


def test_every_status_has_its_colour():
    assert list(figures.STATUS_COLOURS) == list(domain.STATUSAR)


# ------------------------------------------------------------------------------------ the SQL


def accepted_values() -> dict[tuple[str, str], list[str]]:
    """queries/checks/05_tillatna_varden.sql: (file, column) -> the values it accepts, in order."""
    text = sql(CHECKS_SQL_DIR / "05_tillatna_varden.sql")
    row = re.compile(
        r"'(?P<fil>[a-z_]+\.csv)'(?: as fil)?,\s*_rad(?: as rad)?,\s*'(?P<kolumn>\w+)'(?: as kolumn)?,\s*"
        r"\w+(?: as varde)?,\s*'(?P<tillatna>[^']*)'"
    )
    found = {(m["fil"], m["kolumn"]): m["tillatna"].split(", ") for m in row.finditer(text)}
    assert len(found) == text.count("union all") + 1, "a row of the check was not read"
    return found


def test_the_accepted_values_check_takes_statuses_and_types_from_the_domain():
    found = accepted_values()
    assert found[("insatser.csv", "status")] == list(domain.STATUSAR)
    assert found[("insatser.csv", "typ")] == list(domain.TYPER)


def test_the_follow_up_check_takes_effects_from_the_domain():
    text = sql(CHECKS_SQL_DIR / "08_uppfoljningar.sql")
    listed = re.search(r"effekt not in \(([^)]*)\)", text)
    assert listed and strings(listed[1]) == list(domain.EFFEKTER)
    said = re.search(r"'effekt', effekt, 'otillåtet värde; tillåtna: ([^']*)'", text)
    assert said and said[1].split(", ") == list(domain.EFFEKTER)


def test_the_status_history_check_takes_statuses_and_moves_from_the_domain():
    text = sql(CHECKS_SQL_DIR / "09_statushistorik.sql")
    values = re.search(r"moves as \(.*?values(.*?)\) as m \(fran, till\)", text, re.S)
    assert values
    moves = {tuple(strings(pair)) for pair in re.findall(r"\(([^()]*)\)", values[1])}
    expected = {("", s) for s in domain.START_STATUSAR} | {
        (s, t) for s, targets in domain.MOVES.items() for t in targets
    }
    assert moves == expected
    listed = re.search(r"till_status not in \(([^)]*)\)", text)
    assert listed and strings(listed[1]) == list(domain.STATUSAR)
    said = re.search(r"'till_status',\s*till_status,\s*'otillåtet värde; tillåtna: ([^']*)'", text)
    assert said and said[1].split(", ") == list(domain.STATUSAR)


def test_the_accounts_table_takes_its_roles_from_the_domain():
    # The rule is checked at every commit (DuckLake holds no check constraints), on both backends.
    text = sql(QUERIES_DIR / "store" / "integritet.sql")
    listed = re.search(r"where roll not in \(([^)]*)\)", text)
    assert listed and strings(listed[1]) == list(domain.KONTO_ROLLER)


def test_every_status_in_the_sql_is_a_status_and_every_full_list_is_in_the_domains_order():
    compared = re.compile(r"\b(?:\w+\.)?(?:status|till_status|fran_status)\s*(?:=|<>|!=)\s*'([^']*)'")
    listed = re.compile(r"\b(?:\w+\.)?(?:status|till_status|fran_status)\s+(?:not\s+)?in\s*\(([^)]*)\)")
    lists = re.compile(r"\[([^\[\]]*)\]")
    statuses = set(domain.STATUSAR)
    seen_full_lists = 0
    for path in every_sql_file():
        text = sql(path)
        where = path.relative_to(QUERIES_DIR)
        for value in compared.findall(text):
            assert value in statuses, f"{where}: {value!r} is no status"
        for items in listed.findall(text):
            assert set(strings(items)) <= statuses, f"{where}: {items}"
        for items in lists.findall(text):
            values = strings(items)
            if values and set(values) & statuses:
                assert set(values) <= statuses, f"{where}: {items}"
                if set(values) == statuses:
                    assert values == list(domain.STATUSAR), f"{where}: the statuses in another order"
                    seen_full_lists += 1
    assert seen_full_lists >= 3  # the register's and the history's order, and the status chart's


def test_the_count_per_status_counts_every_status_once():
    text = sql(QUERIES_DIR / "namnder_insatser.sql")
    counted = re.findall(r"r\.status = '([^']*)'\) as n_(\w+)", text)
    assert [status for status, _ in counted] == list(domain.STATUSAR)
    fold = str.maketrans("åäö", "aao")
    assert all(column == status.translate(fold) for status, column in counted)
