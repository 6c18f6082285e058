"""Sign-in: hashed passwords, local accounts in the store and in secrets, OIDC identities to roles,
the `user add` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import argon2
import pytest

from lokalutveckling import auth, cli, store, writes
from lokalutveckling.cli import user as cli_accounts
from lokalutveckling.domain import User
from lokalutveckling.paths import ROOT

PASSWORD = "rätt häst batteri häftklammer"
ADMIN = User("ada", "Ada Admin", "admin")


def every_text_in_the_store(con: store.Connection) -> str:
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()]
    return "\n".join(repr(row) for t in tables for row in con.table(t).fetchall())


def test_passwords_are_hashed_with_argon2id_and_a_salt_of_their_own():
    first, second = auth.hash_password(PASSWORD), auth.hash_password(PASSWORD)
    assert first.startswith("$argon2id$") and second.startswith("$argon2id$")
    assert first != second and PASSWORD not in first
    assert auth.password_matches(first, PASSWORD) and not auth.password_matches(first, PASSWORD + "x")


def test_the_app_hashes_at_production_cost_and_only_the_tests_lower_it():
    """The suite hashes at auth.TEST_COST (tests/conftest.py); a process that does not ask for it, as the app
    and the command line never do, hashes at RFC 9106's cost. Checking a hash uses the cost it records."""
    assert (auth.PRODUCTION_COST.time_cost, auth.PRODUCTION_COST.memory_cost, auth.PRODUCTION_COST.parallelism) == (
        3,
        65536,
        4,
    )
    assert auth.PRODUCTION_COST.type is argon2.Type.ID
    program = "from lokalutveckling import auth; print(auth.hash_password('rätt häst batteri häftklammer'))"
    made = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT)
    production = made.stdout.strip()
    assert production.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert argon2.extract_parameters(production) == auth.PRODUCTION_COST
    assert argon2.extract_parameters(auth.hash_password(PASSWORD)) == auth.TEST_COST
    assert auth.password_matches(production, PASSWORD) and not auth.password_matches(production, PASSWORD + "x")


@pytest.mark.parametrize("password", ["kort", "123456789", "x" * 1025])
def test_weak_or_absurd_passwords_are_refused(password):
    with pytest.raises(auth.PasswordError):
        auth.hash_password(password)


def test_a_local_account_is_stored_hashed_and_verified(rw_con):
    assert auth.create_local_user(rw_con, "kim", PASSWORD, namn="Kim Larsson", roll="redaktor") == "kim"
    stored = rw_con.execute("select losenord_hash, roll, aktiv from anvandare where anvandarnamn = 'kim'").fetchone()
    assert stored[0].startswith("$argon2id$") and stored[1:] == ("redaktor", True)
    assert PASSWORD not in every_text_in_the_store(rw_con)
    logged = rw_con.execute("select anvandare, falt, nytt_varde from audit where tabell = 'anvandare'").fetchall()
    assert ("kommandorad", "losenord_hash", "(satt)") in logged

    user = auth.verify_local(rw_con, "kim", PASSWORD)
    assert user == User("kim", "Kim Larsson", "redaktor")
    assert auth.verify_local(rw_con, "  KIM ", PASSWORD) == user
    # The signed-in editor can write.
    writes.update_insats(rw_con, user, "INS-003", {"namn": "Familjecentral"}, 1)


def test_wrong_password_unknown_name_and_deactivated_account_all_fail_the_same_way(rw_con, monkeypatch):
    auth.create_local_user(rw_con, "kim", PASSWORD, namn="Kim")
    auth.create_local_user(rw_con, "sam", PASSWORD, namn="Sam")
    writes.deactivate_user(rw_con, ADMIN, "sam")
    checked: list[str] = []
    real = auth.password_matches
    monkeypatch.setattr(auth, "password_matches", lambda h, p: checked.append(h) or real(h, p))
    assert auth.verify_local(rw_con, "kim", "fel lösenord!!") is None
    assert auth.verify_local(rw_con, "nobody", PASSWORD) is None
    assert auth.verify_local(rw_con, "sam", PASSWORD) is None
    assert auth.verify_local(rw_con, "", PASSWORD) is None
    # Every attempt checked a password against a hash, so an unknown name takes as long as a known one.
    assert len(checked) == 4 and all(h.startswith("$argon2id$") for h in checked)
    assert "användarnamn eller lösenord" in auth.SIGN_IN_FAILED


def test_an_oidc_account_has_no_password_to_sign_in_with(rw_con):
    writes.add_user(rw_con, ADMIN, {"anvandarnamn": "kim", "namn": "Kim", "roll": "redaktor", "e_post": "kim@malmo.se"})
    assert auth.verify_local(rw_con, "kim", "") is None


def secrets_with(**accounts: dict) -> dict:
    return {"anvandare": accounts}


def test_accounts_in_secrets_sign_in_and_the_store_takes_precedence(rw_con):
    secrets = secrets_with(
        kim={"namn": "Kim i secrets", "roll": "admin", "losenord_hash": auth.hash_password(PASSWORD)},
        sam={"namn": "Sam", "roll": "redaktor", "losenord_hash": auth.hash_password(PASSWORD)},
    )
    assert auth.verify_local(rw_con, "kim", PASSWORD, secrets=secrets) == User("kim", "Kim i secrets", "admin")
    other = "ett helt annat lösenord"
    auth.create_local_user(rw_con, "kim", other, namn="Kim i databasen")
    assert auth.verify_local(rw_con, "kim", PASSWORD, secrets=secrets) is None
    assert auth.verify_local(rw_con, "kim", other, secrets=secrets) == User("kim", "Kim i databasen", "redaktor")
    # Deactivating the store account also shuts out the secrets account of the same name.
    auth.create_local_user(rw_con, "sam", other, namn="Sam")
    writes.deactivate_user(rw_con, ADMIN, "sam")
    assert auth.verify_local(rw_con, "sam", PASSWORD, secrets=secrets) is None


def test_incomplete_or_unsafe_secret_accounts_are_ignored():
    secrets = secrets_with(
        lo={"namn": "Lo", "roll": "lasare", "losenord_hash": auth.hash_password(PASSWORD)},
        kim={"namn": "Kim", "roll": "redaktor", "losenord_hash": PASSWORD},  # a password, not a hash
        sam={"namn": "Sam", "roll": "redaktor"},
        ada={"namn": "Ada", "roll": "admin", "losenord_hash": auth.hash_password(PASSWORD)},
    )
    assert set(auth.secret_accounts(secrets)) == {"ada"}
    assert auth.secret_accounts({}) == {} and auth.secret_accounts({"anvandare": "x"}) == {}


def test_the_mode_follows_the_auth_section():
    assert auth.mode({"auth": {"client_id": "x", "redirect_uri": "http://localhost:8501/oauth2callback"}}) == "oidc"
    assert auth.mode({"auth": {}}) == "lokal"
    assert auth.mode({"anvandare": {}}) == "lokal"
    assert auth.mode({}) == "lokal"


def test_oidc_identities_get_their_role_from_the_store_then_the_secrets_else_reader(rw_con):
    writes.add_user(rw_con, ADMIN, {"anvandarnamn": "kim", "namn": "Kim", "roll": "admin", "e_post": "Kim@Malmo.se"})
    writes.add_user(rw_con, ADMIN, {"anvandarnamn": "sam", "namn": "Sam", "roll": "redaktor", "e_post": "sam@malmo.se"})
    writes.deactivate_user(rw_con, ADMIN, "sam")
    roller = {"Lo@malmo.se": "redaktor", "sam@malmo.se": "admin", "bo@malmo.se": "superuser"}

    def who(email: object, **extra: object) -> User:
        return auth.user_from_identity({"email": email, "name": "Namn", **extra}, con=rw_con, roller=roller)

    assert who("kim@malmo.se") == User("kim", "Kim", "admin")
    assert who("KIM@malmo.se ", email_verified=True).roll == "admin"
    assert who("sam@malmo.se") == User("sam", "Sam", "lasare")  # deactivated in the store wins over [roller]
    assert who("lo@malmo.se") == User("lo@malmo.se", "Namn", "redaktor")
    assert who("bo@malmo.se").roll == "lasare"  # not a role
    assert who("okand@malmo.se").roll == "lasare"
    assert who("lo@malmo.se", email_verified=False).roll == "lasare"
    assert auth.user_from_identity({"sub": "abc", "name": "X"}, con=rw_con, roller=roller) == User("abc", "X", "lasare")


def test_a_reader_from_oidc_cannot_write(rw_con):
    reader = auth.user_from_identity({"email": "okand@malmo.se"}, con=rw_con, roller={})
    with pytest.raises(PermissionError):
        writes.add_uppfoljning(
            rw_con, reader, "INS-003", {"datum": "2025-01-01", "vem": "x", "vad": "y", "effekt": "oklar"}
        )


def test_command_adds_a_user_with_the_password_from_the_environment(tmp_path: Path, monkeypatch, capsys):
    db = tmp_path / "cli.duckdb"
    monkeypatch.setenv(auth.PASSWORD_ENV, PASSWORD)
    code = cli.main(
        [
            "user",
            "add",
            "kim",
            "--roll",
            "admin",
            "--namn",
            "Kim Larsson",
            "--e-post",
            "kim@malmo.se",
            "--db",
            str(db),
        ]
    )
    assert code == 0 and "Kontot kim (admin)" in capsys.readouterr().out
    con = store.connect(db)
    try:
        assert auth.verify_local(con, "kim", PASSWORD) == User("kim", "Kim Larsson", "admin")
    finally:
        con.close()
    assert cli.main(["user", "add", "kim", "--namn", "Kim", "--db", str(db)]) == 1
    assert "Användarnamnet kim finns redan." in capsys.readouterr().err
    monkeypatch.setenv(auth.PASSWORD_ENV, "kort")
    assert cli.main(["user", "add", "sam", "--namn", "Sam", "--db", str(db)]) == 1
    assert "minst 10 tecken" in capsys.readouterr().err


def test_command_asks_for_the_password_twice(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.delenv(auth.PASSWORD_ENV, raising=False)
    answers = iter([PASSWORD, PASSWORD + "!"])
    monkeypatch.setattr(cli_accounts.getpass, "getpass", lambda prompt: next(answers))
    assert cli.main(["user", "add", "kim", "--namn", "Kim", "--db", str(tmp_path / "x.duckdb")]) == 1
    assert "inte lika" in capsys.readouterr().err
    answers = iter([PASSWORD, PASSWORD])
    assert cli.main(["user", "add", "kim", "--namn", "Kim", "--db", str(tmp_path / "x.duckdb")]) == 0


def test_command_prints_a_hash_for_the_secrets_file(monkeypatch, capsys):
    monkeypatch.setenv(auth.PASSWORD_ENV, PASSWORD)
    assert cli.main(["user", "hash-password"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("$argon2id$") and auth.password_matches(printed, PASSWORD)


def test_command_says_so_when_the_store_is_held_by_the_app(tmp_path: Path, monkeypatch, capsys):
    db = tmp_path / "held.duckdb"
    store.build_file(db)
    monkeypatch.setenv(auth.PASSWORD_ENV, PASSWORD)
    holder = store.connect(db, read_only=True)
    try:
        assert cli.main(["user", "add", "kim", "--namn", "Kim", "--db", str(db)]) == 1
    finally:
        holder.close()
    assert "Databasen används redan av en annan process" in capsys.readouterr().err


def test_auth_does_not_import_streamlit_at_module_level():
    source = Path(auth.__file__).read_text(encoding="utf-8")
    top_level = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert not any("streamlit" in line for line in top_level)
    assert "import streamlit" not in source and "st.session_state" not in source  # the session is ui.signin's
    writes_source = Path(writes.__file__).read_text(encoding="utf-8")
    assert "streamlit" not in writes_source and "import duckdb" not in writes_source


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_wrong_attempts_lock_a_name_even_for_the_right_password_until_the_window_has_passed(rw_con):
    auth.create_local_user(rw_con, "kim", "ett-langt-losenord", namn="Kim Larsson", roll="redaktor")
    clock = FakeClock()
    throttle = auth.SignInThrottle(max_failures=5, window_s=900, clock=clock)
    for _ in range(5):
        assert auth.verify_local_throttled(rw_con, "kim", "fel-losenord-123", throttle=throttle) is None
        clock.now += 10
    with pytest.raises(auth.TooManyAttempts, match="Försök igen om 15 minuter"):
        auth.verify_local_throttled(rw_con, "Kim", "ett-langt-losenord", throttle=throttle)
    # Another name is not affected, and a name that does not exist is locked the same way.
    assert auth.verify_local_throttled(rw_con, "sam", "vad-som-helst-1", throttle=throttle) is None
    clock.now += 900 - 50 + 1  # 15 minutes after the last wrong attempt
    user = auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle)
    assert user is not None and user.anvandarnamn == "kim"


def test_a_right_password_clears_the_count_and_unknown_names_lock_alike(rw_con):
    auth.create_local_user(rw_con, "kim", "ett-langt-losenord", namn="Kim Larsson", roll="redaktor")
    clock = FakeClock()
    throttle = auth.SignInThrottle(max_failures=3, window_s=900, clock=clock)
    for _ in range(2):
        auth.verify_local_throttled(rw_con, "kim", "fel-losenord-123", throttle=throttle)
    assert auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle) is not None
    for _ in range(2):  # the count started over: two more wrong attempts do not lock
        auth.verify_local_throttled(rw_con, "kim", "fel-losenord-123", throttle=throttle)
    assert throttle.seconds_locked("kim") == 0
    for _ in range(3):
        auth.verify_local_throttled(rw_con, "finns-inte", "fel-losenord-123", throttle=throttle)
    with pytest.raises(auth.TooManyAttempts):
        auth.verify_local_throttled(rw_con, "finns-inte", "fel-losenord-123", throttle=throttle)


def test_the_count_forgets_names_whose_window_is_over_when_many_names_are_tried():
    clock = FakeClock()
    throttle = auth.SignInThrottle(max_failures=5, window_s=900, clock=clock, max_names=3)
    for name in ("a", "b", "c"):
        throttle.failed(name)
    clock.now += 901
    throttle.failed("d")  # a fourth name: the three old ones are past their window and forgotten
    assert throttle.names_counted() == 1
    for _ in range(5):
        throttle.failed("d")
    assert throttle.seconds_locked("d") == 900


def test_clients_are_counted_by_address_and_ipv6_by_its_network():
    assert auth.client_key(None) == ""  # a connection from this machine
    assert auth.client_key("198.51.100.7") == "198.51.100.7"
    assert auth.client_key("::ffff:198.51.100.7") == "198.51.100.7"
    assert auth.client_key("2001:db8:1:2:aaaa::1") == auth.client_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert auth.client_key("2001:db8:1:3::1") != auth.client_key("2001:db8:1:2::1")


def test_one_client_spraying_a_password_over_many_names_is_locked_for_every_name(rw_con):
    auth.create_local_user(rw_con, "kim", "ett-langt-losenord", namn="Kim Larsson", roll="redaktor")
    clock = FakeClock()
    throttle = auth.SignInThrottle(window_s=900, clock=clock, client_max_failures=20)
    sprayer, other = "198.51.100.7", "203.0.113.9"
    for i in range(20):  # one attempt per name: no name reaches its own limit
        throttle.failed(f"namn{i}", sprayer)
        clock.now += 1
    with pytest.raises(auth.TooManyAttempts, match="För många felaktiga inloggningsförsök just nu") as refused:
        auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client=sprayer)
    assert refused.value.reason == "client"
    # Others are not slowed by it.
    assert auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client=other)
    clock.now += 900  # 15 minutes after the sprayer's last wrong attempt
    assert auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client=sprayer)


def test_a_stranger_cannot_lock_an_editor_out_of_a_device_the_editor_has_used(rw_con):
    auth.create_local_user(rw_con, "kim", "ett-langt-losenord", namn="Kim Larsson", roll="redaktor")
    clock = FakeClock()
    throttle = auth.SignInThrottle(max_failures=5, window_s=900, clock=clock, name_max_failures=20)
    kims_laptop, new_phone = "192.0.2.10", "192.0.2.99"
    assert auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client=kims_laptop)
    strangers = [f"203.0.113.{i}" for i in range(1, 5)]
    for stranger in strangers:  # four addresses, five wrong attempts each: each is locked for kim ...
        for _ in range(5):
            throttle.failed("kim", stranger)
            clock.now += 1
        assert throttle.lock("kim", stranger)[1] == "name"
    # ... and, with 20 in all, so is kim for every client that has not signed in as kim before ...
    with pytest.raises(auth.TooManyAttempts, match="för det här användarnamnet"):
        auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client=new_phone)
    # ... but not on kim's laptop, which is held only by its own wrong attempts.
    user = auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client=kims_laptop)
    assert user is not None and user.anvandarnamn == "kim"
    for _ in range(5):
        auth.verify_local_throttled(rw_con, "kim", "fel-losenord-123", throttle=throttle, client=kims_laptop)
    assert throttle.lock("kim", kims_laptop)[1] == "name"  # its own five wrong attempts do lock it
    clock.now += 900  # 15 minutes after the last wrong attempt: the new phone signs in too
    assert auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client=new_phone)


def test_a_burst_of_wrong_attempts_across_the_app_holds_new_clients_for_at_most_a_minute(rw_con):
    auth.create_local_user(rw_con, "kim", "ett-langt-losenord", namn="Kim Larsson", roll="redaktor")
    clock = FakeClock()
    throttle = auth.SignInThrottle(window_s=900, clock=clock, global_max_per_minute=60)
    auth.verify_local_throttled(rw_con, "kim", "ett-langt-losenord", throttle=throttle, client="192.0.2.10")
    for i in range(60):  # many names from many addresses: no other limit is reached
        throttle.failed(f"namn{i}", f"203.0.113.{i}")
        clock.now += 0.5
    seconds, reason = throttle.lock("kim", "192.0.2.99")
    assert reason == "busy" and seconds == pytest.approx(30)  # until the first of them is a minute old
    assert throttle.lock("sam", "198.51.100.1")[1] == "busy"
    assert throttle.lock("kim", "192.0.2.10") == (0.0, None)  # a client that has signed in as kim before
    clock.now += 30
    assert throttle.lock("kim", "192.0.2.99") == (0.0, None)


def test_the_counts_stay_bounded_when_many_names_and_clients_are_tried():
    clock = FakeClock()
    throttle = auth.SignInThrottle(window_s=900, clock=clock, max_names=3, max_known=2)
    for i in range(3):
        throttle.failed(f"namn{i}", f"203.0.113.{i}")
    clock.now += 901
    throttle.failed("d", "198.51.100.1")
    assert throttle.names_counted() == 1
    assert len(throttle._pairs) == 1 and len(throttle._clients) == 1
    for i in range(3):
        throttle.succeeded("kim", f"192.0.2.{i}")
    assert list(throttle._known) == [("kim", "192.0.2.1"), ("kim", "192.0.2.2")]  # the oldest is forgotten
