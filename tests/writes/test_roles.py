"""Roles are checked at the write functions, by the stored account."""

from __future__ import annotations

from datetime import date

import pytest

from lokalutveckling import writes
from lokalutveckling.domain import User
from tests.writes.helpers import (
    ADMIN,
    EDITOR,
    EDITOR_2,
    HASH,
    READER,
    RUNNING,
    add_account,
    fields,
    snapshot,
)

# ------------------------------------------------------------------------------------- roles

WRITES = {
    "add_insats": lambda con, user: writes.add_insats(con, user, fields()),
    "update_insats": lambda con, user: writes.update_insats(con, user, RUNNING, {"namn": "Nytt"}, 1),
    "change_status": lambda con, user: writes.change_status(
        con, user, RUNNING, "avslutad", datum=date(2025, 6, 30), expected_version=1
    ),
    "add_uppfoljning": lambda con, user: writes.add_uppfoljning(
        con, user, RUNNING, {"datum": date(2025, 6, 30), "vem": "Kim", "vad": "Möte", "effekt": "oklar"}
    ),
    "add_user": lambda con, user: writes.add_user(
        con, user, {"anvandarnamn": "nisse", "namn": "Nisse", "roll": "redaktor", "losenord_hash": HASH}
    ),
    "set_role": lambda con, user: writes.set_role(con, user, "kim", "admin"),
    "deactivate_user": lambda con, user: writes.deactivate_user(con, user, "kim"),
    "set_password": lambda con, user: writes.set_password(con, user, "kim", HASH),
}
ADMIN_ONLY = {"add_user", "set_role", "deactivate_user", "set_password"}


@pytest.mark.parametrize("name", sorted(WRITES))
@pytest.mark.parametrize("user", [None, READER], ids=["nobody", "reader"])
def test_readers_and_nobody_are_refused_by_every_write_and_nothing_changes(rw_con, name, user):
    before = snapshot(rw_con)
    with pytest.raises(PermissionError) as info:
        WRITES[name](rw_con, user)
    message = str(info.value)
    assert ("logga in" in message) if user is None else ("läsare" in message or "administratör" in message)
    assert snapshot(rw_con) == before


@pytest.mark.parametrize("name", sorted(ADMIN_ONLY))
def test_editors_cannot_manage_users(rw_con, name):
    add_account(rw_con, "kim", "redaktor")
    before = snapshot(rw_con)
    with pytest.raises(PermissionError, match="Bara en administratör kan hantera användare och roller"):
        WRITES[name](rw_con, EDITOR_2)
    assert snapshot(rw_con) == before


@pytest.mark.parametrize("name", sorted(set(WRITES) - ADMIN_ONLY))
@pytest.mark.parametrize("user", [EDITOR, ADMIN], ids=["redaktor", "admin"])
def test_editors_and_admins_may_write_insatser_and_follow_ups(rw_con, name, user):
    WRITES[name](rw_con, user)
    assert rw_con.execute("select count(*) from audit where anvandare = ?", [user.anvandarnamn]).fetchone()[0] > 0


@pytest.mark.parametrize("name", sorted(ADMIN_ONLY))
def test_admins_may_manage_users(rw_con, name):
    add_account(rw_con, "kim", "redaktor")
    WRITES[name](rw_con, ADMIN)


def test_a_stored_account_counts_over_the_role_the_caller_claims(rw_con):
    add_account(rw_con, "kim", "redaktor")
    claims_admin = User("kim", "Kim", "admin")
    with pytest.raises(PermissionError, match="Bara en administratör"):
        writes.set_role(rw_con, claims_admin, "kim", "admin")
    writes.deactivate_user(rw_con, ADMIN, "kim")
    with pytest.raises(PermissionError, match="Kontot kim är inaktiverat"):
        writes.update_insats(rw_con, EDITOR, RUNNING, {"namn": "Nytt"}, 1)


def test_an_unknown_role_is_a_reader(con):
    with pytest.raises(PermissionError, match="läsare"):
        writes.add_insats(con, User("x", "X", "superuser"), fields())  # type: ignore[arg-type]
