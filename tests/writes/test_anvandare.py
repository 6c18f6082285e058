"""Accounts: added, given a role, switched off, logged without the hash; admins cannot lock themselves out."""

from __future__ import annotations

import pytest

from lokalutveckling import store, writes
from lokalutveckling.domain import ValidationError
from tests.writes.helpers import (
    ADMIN,
    HASH,
    add_account,
    audit_rows,
    snapshot,
)

# ---------------------------------------------------------------------------------- användare


@pytest.mark.ducklake_too  # and on a DuckLake store (tests/conftest.py, rw_con)
def test_add_user_set_role_and_deactivate_are_logged_without_the_hash(rw_con):
    writes.add_user(
        rw_con,
        ADMIN,
        {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "losenord_hash": HASH, "e_post": "Kim@Malmo.se"},
    )
    writes.set_role(rw_con, ADMIN, "kim", "admin")
    writes.deactivate_user(rw_con, ADMIN, "kim")
    writes.set_password(rw_con, ADMIN, "kim", HASH + "x")
    row = rw_con.execute("select namn, e_post, roll, losenord_hash, aktiv from anvandare").fetchone()
    assert row == ("Kim", "kim@malmo.se", "admin", HASH + "x", False)
    logged = [(r[1], r[4], r[5], r[6]) for r in audit_rows(rw_con)]
    assert ("roll", "roll", "redaktor", "admin") in logged
    assert ("inaktivering", "aktiv", "true", "false") in logged
    assert ("ny", "losenord_hash", None, "(satt)") in logged
    assert not any(HASH in str(r) for r in audit_rows(rw_con))
    listed = store.run_query(rw_con, "register/anvandare")
    assert "losenord_hash" not in listed.columns and bool(listed["har_losenord"].iloc[0])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"anvandarnamn": "Kim Larsson"}, "anvandarnamn", "Användarnamn får bara innehålla"),
        ({"anvandarnamn": "k"}, "anvandarnamn", "Användarnamn får bara innehålla"),
        ({"anvandarnamn": "kommandorad"}, "anvandarnamn", "Användarnamnet kommandorad är reserverat."),
        ({"anvandarnamn": "ada"}, "anvandarnamn", "Användarnamnet ada finns redan."),
        ({"namn": ""}, "namn", "Namn måste anges."),
        ({"roll": "lasare"}, "roll", "Roll ska vara redaktor eller admin (läsare behöver inget konto)."),
        ({"e_post": "inte-en-adress"}, "e_post", "E-post: 'inte-en-adress' är ingen e-postadress."),
        ({"e_post": "ADA@malmo.se"}, "e_post", "E-postadressen ada@malmo.se hör redan till ett konto."),
        ({"losenord_hash": "hemligt123"}, "losenord_hash", "Lösenordet ska sparas som en argon2-hash"),
        ({"losenord_hash": None}, "losenord_hash", "Kontot behöver ett lösenord"),
        ({"aktiv": False}, "aktiv", "Fältet 'aktiv' finns inte"),
    ],
)
def test_add_user_refuses_bad_values(rw_con, changes, field, message):
    writes.add_user(rw_con, ADMIN, {"anvandarnamn": "ada", "namn": "Ada", "roll": "admin", "e_post": "ada@malmo.se"})
    before = snapshot(rw_con)
    values = {"anvandarnamn": "nisse", "namn": "Nisse", "roll": "redaktor", "losenord_hash": HASH, **changes}
    with pytest.raises(ValidationError) as info:
        writes.add_user(rw_con, ADMIN, values)
    assert any(m.startswith(message) for m in info.value.messages(field)), info.value.errors
    assert snapshot(rw_con) == before


def test_admins_cannot_lock_themselves_out_and_unknown_accounts_are_named(rw_con):
    add_account(rw_con, "ada", "admin")
    with pytest.raises(ValidationError, match="din egen roll"):
        writes.set_role(rw_con, ADMIN, "ada", "redaktor")
    with pytest.raises(ValidationError, match="ditt eget konto"):
        writes.deactivate_user(rw_con, ADMIN, "ada")
    with pytest.raises(ValidationError, match="Kontot nisse finns inte"):
        writes.set_role(rw_con, ADMIN, "nisse", "admin")
    add_account(rw_con, "kim", "redaktor")
    with pytest.raises(ValidationError, match="Roll ska vara redaktor eller admin"):
        writes.set_role(rw_con, ADMIN, "kim", "lasare")
    writes.deactivate_user(rw_con, ADMIN, "kim")
    with pytest.raises(ValidationError, match="redan inaktiverat"):
        writes.deactivate_user(rw_con, ADMIN, "kim")
