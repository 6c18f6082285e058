"""Accounts (admins only): add one, give it another role, switch it off, set its password hash.
The audit log records that a password was set, never the hash."""

from __future__ import annotations

from collections.abc import Mapping

from lokalutveckling import domain, store
from lokalutveckling.domain import ANVANDARE_FIELDS, KONTO_ROLLER, RESERVED_NAMES, OnChange, User, ValidationError
from lokalutveckling.store import Connection, unit_of_work
from lokalutveckling.writes import rules


def _get_anvandare(con: Connection, anvandarnamn: str) -> dict[str, object] | None:
    rows = store.run_rows(con, "write/anvandare_get", anvandarnamn=anvandarnamn)
    return rows[0] if rows else None


@unit_of_work.own_cursor
def add_user(con: Connection, user: User | None, fields: Mapping[str, object], *, on_change: OnChange = None) -> str:
    """Add an account (admin only); returns its anvandarnamn.

    `fields`: anvandarnamn (a–z, 0–9, . _ -; 2–40 characters), namn and roll (redaktor or admin) are
    required; e_post (for OIDC sign-in) and losenord_hash (an argon2 hash from `auth.hash_password`,
    for local sign-in) are optional, but one of them is needed.
    """
    actor = unit_of_work.require(con, user, "admin")
    errors = rules.unknown_fields(fields, ANVANDARE_FIELDS)
    name = rules.collect(errors, "anvandarnamn", lambda: _username(fields.get("anvandarnamn")))
    values = {
        "anvandarnamn": name,
        "namn": rules.collect(errors, "namn", lambda: rules.text(fields.get("namn"), "namn", required=True, limit=100)),
        "e_post": rules.collect(errors, "e_post", lambda: _email(fields.get("e_post"))),
        "roll": rules.collect(errors, "roll", lambda: _role(fields.get("roll"))),
        "losenord_hash": rules.collect(errors, "losenord_hash", lambda: _password_hash(fields.get("losenord_hash"))),
    }
    if isinstance(name, str) and _get_anvandare(con, name) is not None:
        errors.append(("anvandarnamn", f"Användarnamnet {name} finns redan."))
    email = values["e_post"]
    if isinstance(email, str) and store.run_rows(con, "write/anvandare_by_e_post", e_post=email):
        errors.append(("e_post", f"E-postadressen {email} hör redan till ett konto."))
    if (
        values["e_post"] is None
        and values["losenord_hash"] is None
        and not any(f in ("e_post", "losenord_hash") for f, _ in errors)
    ):
        errors.append(
            ("losenord_hash", "Kontot behöver ett lösenord (lokal inloggning) eller en e-postadress (OIDC-inloggning).")
        )
    if errors:
        raise ValidationError(errors)
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_insert", **values)
        for key in ANVANDARE_FIELDS:
            if values[key] is not None:
                shown = "(satt)" if key == "losenord_hash" else values[key]
                unit_of_work.audit(cur, actor, "ny", "anvandare", str(name), key, None, shown)
    unit_of_work.notify(on_change)
    return str(name)


@unit_of_work.own_cursor
def set_role(con: Connection, user: User | None, anvandarnamn: str, roll: str, *, on_change: OnChange = None) -> None:
    """Give an account another role (admin only; not one's own, so that the last admin is not lost)."""
    actor = unit_of_work.require(con, user, "admin")
    target = _existing_other(con, actor, anvandarnamn, "Du kan inte ändra din egen roll; be en annan administratör.")
    new = rules.checked(lambda: _role(roll), "roll")
    if new == target["roll"]:
        return
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_set_roll", anvandarnamn=anvandarnamn, roll=new)
        unit_of_work.audit(cur, actor, "roll", "anvandare", anvandarnamn, "roll", target["roll"], new)
    unit_of_work.notify(on_change)


@unit_of_work.own_cursor
def deactivate_user(con: Connection, user: User | None, anvandarnamn: str, *, on_change: OnChange = None) -> None:
    """Switch an account off (admin only; not one's own): it can no longer sign in or write."""
    actor = unit_of_work.require(con, user, "admin")
    target = _existing_other(con, actor, anvandarnamn, "Du kan inte inaktivera ditt eget konto.")
    if not target["aktiv"]:
        raise ValidationError([("anvandarnamn", f"Kontot {anvandarnamn} är redan inaktiverat.")])
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_set_aktiv", anvandarnamn=anvandarnamn, aktiv=False)
        unit_of_work.audit(cur, actor, "inaktivering", "anvandare", anvandarnamn, "aktiv", True, False)
    unit_of_work.notify(on_change)


@unit_of_work.own_cursor
def set_password(
    con: Connection, user: User | None, anvandarnamn: str, losenord_hash: str, *, on_change: OnChange = None
) -> None:
    """Replace an account's password hash (admin only). The audit log records that, never the hash."""
    actor = unit_of_work.require(con, user, "admin")
    if _get_anvandare(con, anvandarnamn) is None:
        raise ValidationError([("anvandarnamn", f"Kontot {anvandarnamn} finns inte.")])
    new = rules.checked(lambda: _password_hash(losenord_hash, required=True), "losenord_hash")
    with unit_of_work.transaction(con) as cur:
        store.run_rows(cur, "write/anvandare_set_losenord", anvandarnamn=anvandarnamn, losenord_hash=new)
        unit_of_work.audit(cur, actor, "lösenord", "anvandare", anvandarnamn, "losenord_hash", None, "(ändrat)")
    unit_of_work.notify(on_change)


def _existing_other(con: Connection, actor: User, anvandarnamn: str, self_message: str) -> dict[str, object]:
    target = _get_anvandare(con, anvandarnamn)
    if target is None:
        raise ValidationError([("anvandarnamn", f"Kontot {anvandarnamn} finns inte.")])
    if anvandarnamn == actor.anvandarnamn:
        raise ValidationError([("anvandarnamn", self_message)])
    return target


def _username(value: object) -> str:
    text = rules.text(value, "anvandarnamn", required=True, limit=40)
    assert text is not None
    if not domain.USERNAME.fullmatch(text):
        raise rules.FieldInvalid(
            "Användarnamn får bara innehålla små bokstäver a–z, siffror, punkt, bindestreck och understreck "
            "(2–40 tecken, först en bokstav eller siffra)."
        )
    if text in RESERVED_NAMES:
        raise rules.FieldInvalid(f"Användarnamnet {text} är reserverat.")
    return text


def _email(value: object) -> str | None:
    text = rules.text(value, "e_post", limit=254)
    if text is None:
        return None
    if not domain.EMAIL.fullmatch(text):
        raise rules.FieldInvalid(f"E-post: {text!r} är ingen e-postadress.")
    return text.lower()


def _role(value: object) -> str:
    text = rules.text(value, "roll", required=True)
    if text not in KONTO_ROLLER:
        raise rules.FieldInvalid("Roll ska vara redaktor eller admin (läsare behöver inget konto).")
    return text


def _password_hash(value: object, *, required: bool = False) -> str | None:
    text = rules.text(value, "losenord_hash", required=required, limit=1000)
    if text is not None and not text.startswith("$argon2"):
        raise rules.FieldInvalid(
            "Lösenordet ska sparas som en argon2-hash (från auth.hash_password), aldrig i klartext."
        )
    return text
