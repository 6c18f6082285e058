"""Sign-in and roles. Everyone may read without signing in; editing needs the role redaktor, managing
accounts the role admin. The write functions check the role themselves (`lokalutveckling.writes`).

There are two ways to sign in; which one the app uses follows from `.streamlit/secrets.toml`.

**OIDC (single sign-on), when the secrets have an `[auth]` section.** The app signs people in with
Streamlit's `st.login()` against the city's identity provider (Streamlit needs the Authlib package
for this). OIDC says who someone is, not what they may do: the role comes from an active account in
the store's `anvandare` table with the same e-mail address (`e_post`), else from the `[roller]`
table in the secrets, else the person is a reader. An account that an admin has deactivated is a
reader, whatever `[roller]` says. Identities whose provider reports the e-mail as unverified are
readers.

    [auth]
    redirect_uri = "https://lokalutveckling.example.se/oauth2callback"
    cookie_secret = "a long random string"
    client_id = "..."
    client_secret = "..."
    server_metadata_url = "https://login.example.se/.well-known/openid-configuration"

    [roller]
    "kim.larsson@malmo.se" = "admin"
    "sam.berg@malmo.se" = "redaktor"

**Local accounts, otherwise.** People sign in with a user name and a password, checked against an
argon2 hash (argon2-cffi, which compares in constant time). Accounts live in the store's
`anvandare` table, created on the server with

    python -m lokalutveckling user add kim --roll redaktor --namn "Kim Larsson" [--e-post kim@malmo.se]

which asks for the password twice (or reads it from the environment variable
LOKALUTVECKLING_LOSENORD, for scripts); admins can add more in the app. Accounts may also be listed in
the secrets, with a hash made by `python -m lokalutveckling user hash-password`:

    [anvandare.kim]
    namn = "Kim Larsson"
    roll = "redaktor"           # or "admin"
    losenord_hash = "$argon2id$v=19$m=65536,t=3,p=4$..."

An account in the store takes precedence over one of the same name in the secrets; a deactivated
store account cannot sign in. Sign-in answers only "wrong user name or password", whether or not
the name exists, and takes as long either way. Wrong attempts are limited per user name and client
(the connection's address), per client, per user name and for the whole app (SignInThrottle states the
rule; README, "Signing in"), and a locked name is locked also for the right password. A client that has
signed in as a name before is held only by its own wrong attempts for that name, so strangers cannot
lock an editor out of a device the editor has used. Names that do not exist are counted alike, so a
lock tells nothing about which names exist. The counts live in the app's process and start over when it
restarts.

Everything here is a plain function of a connection and the secrets, and is tested as such; signing in
and out of a browser session (Streamlit's session state, `st.user`) is in `lokalutveckling.ui.signin`.

Passwords are hashed with argon2id at PRODUCTION_COST. A hash records its own cost, so checking one always
uses the cost it was made with; only new hashes (and the decoy) follow `use_cost`, which only the tests call
(tests/conftest.py, with TEST_COST: the suite would otherwise pay production cost for every hash).
"""

from __future__ import annotations

import ipaddress
import logging
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from typing import Literal

from argon2 import Parameters, PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from lokalutveckling import domain, store, writes
from lokalutveckling.domain import COMMAND_LINE, User
from lokalutveckling.i18n import t
from lokalutveckling.store import Connection

Mode = Literal["oidc", "lokal"]
PASSWORD_ENV = "LOKALUTVECKLING_LOSENORD"
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
SIGN_IN_FAILED = t("auth_failed")

MAX_FAILURES = 5  # wrong attempts for one user name from one client
CLIENT_MAX_FAILURES = 20  # wrong attempts from one client, all user names together
NAME_MAX_FAILURES = 20  # wrong attempts for one user name, all clients together
LOCK_MINUTES = 15
GLOBAL_MAX_PER_MINUTE = 60  # wrong attempts in the whole app

# argon2id as RFC 9106 recommends where memory is limited: t=3, m=64 MiB, p=4 (argon2-cffi's default).
PRODUCTION_COST = profiles.RFC_9106_LOW_MEMORY
# The lowest cost argon2 allows, with the same salt and hash lengths: for tests only (see use_cost).
TEST_COST = replace(PRODUCTION_COST, time_cost=1, memory_cost=8, parallelism=1)
_hasher = PasswordHasher.from_parameters(PRODUCTION_COST)
_log = logging.getLogger(__name__)
Reason = Literal["name", "client", "busy"]


class TooManyAttempts(Exception):
    """Sign-in refused because of too many wrong attempts; the message says for how long. `reason` says which
    limit: 'name' (this user name, from this client or from too many), 'client' or 'busy' (the whole app)."""

    def __init__(self, seconds_left: float, reason: Reason = "name") -> None:
        self.seconds_left = seconds_left
        self.reason = reason
        self.minutes = max(1, math.ceil(seconds_left / 60))
        super().__init__(self.text())

    def text(self, lang: str = "sv") -> str:
        unit = t("auth_minute" if self.minutes == 1 else "auth_minutes", lang)
        key = "auth_locked" if self.reason == "name" else "auth_locked_other"
        return t(key, lang, minutes=self.minutes, unit=unit)


def client_key(ip_address: str | None) -> str:
    """Who is signing in, as the throttle counts them: the connection's address (IPv6 by its /64 network,
    which one subscriber usually holds whole), '' for a connection from this machine."""
    if not isinstance(ip_address, str) or not ip_address:  # none known (AppTest gives a stand-in object)
        return ""
    try:
        ip = ipaddress.ip_address(ip_address)
    except ValueError:
        return ip_address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class SignInThrottle:
    """Wrong sign-in attempts, thread-safe (sessions run in threads). The rule (README, "Signing in"):

    - a user name is locked for one client after `max_failures` wrong attempts from it within `window_s`;
    - a client is locked for every name after `client_max_failures` wrong attempts from it within `window_s`;
    - a user name is locked for every client after `name_max_failures` wrong attempts within `window_s`;
    - the app refuses sign-ins while it has seen `global_max_per_minute` wrong attempts in the last minute;

    each lock lasting until `window_s` after the last wrong attempt it counted (the busy one until the last
    minute has fewer). A client that has signed in as a name before (in this process) is held by the first
    rule only: wrong attempts by strangers, who cannot come from its address, never lock it out. Refused
    attempts count towards nothing.
    """

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_s: float = LOCK_MINUTES * 60,
        clock: Callable[[], float] = time.monotonic,
        max_names: int = 10_000,
        *,
        client_max_failures: int = CLIENT_MAX_FAILURES,
        name_max_failures: int = NAME_MAX_FAILURES,
        global_max_per_minute: int = GLOBAL_MAX_PER_MINUTE,
        max_known: int = 10_000,
    ) -> None:
        self.max_failures = max_failures
        self.client_max_failures = client_max_failures
        self.name_max_failures = name_max_failures
        self.global_max_per_minute = global_max_per_minute
        self.max_names = max_names
        self.max_known = max_known
        self.window_s = window_s
        self.clock = clock
        self._pairs: dict[tuple[str, str], list[float]] = {}
        self._clients: dict[str, list[float]] = {}
        self._names: dict[str, list[float]] = {}
        self._recent_minute: deque[float] = deque()
        self._known: OrderedDict[tuple[str, str], None] = OrderedDict()  # (name, client) that signed in, oldest first
        self._lock = threading.Lock()

    def _recent(self, table: dict, key: object, now: float) -> list[float]:
        kept = [t for t in table.get(key, []) if now - t < self.window_s]
        if kept:
            table[key] = kept
        else:
            table.pop(key, None)
        return kept

    def _held(self, table: dict, key: object, limit: int, now: float) -> float:
        recent = self._recent(table, key, now)
        return 0.0 if len(recent) < limit else self.window_s - (now - recent[-1])

    def _busy(self, now: float) -> float:
        while self._recent_minute and now - self._recent_minute[0] >= 60:
            self._recent_minute.popleft()
        over = len(self._recent_minute) - self.global_max_per_minute
        return 0.0 if over < 0 else 60 - (now - self._recent_minute[over])

    def lock(self, name: str, client: str = "") -> tuple[float, Reason | None]:
        """(0, None) if `name` may try from `client` now, else the seconds until it may and which limit holds."""
        with self._lock:
            now = self.clock()
            held = self._held(self._pairs, (name, client), self.max_failures, now)
            if held > 0:
                return held, "name"
            if (name, client) in self._known:
                return 0.0, None
            for seconds, reason in (
                (self._held(self._clients, client, self.client_max_failures, now), "client"),
                (self._held(self._names, name, self.name_max_failures, now), "name"),
                (self._busy(now), "busy"),
            ):
                if seconds > 0:
                    return seconds, reason
            return 0.0, None

    def seconds_locked(self, name: str, client: str = "") -> float:
        """0 if the name may try now from the client, else the seconds until it may."""
        return self.lock(name, client)[0]

    def failed(self, name: str, client: str = "") -> None:
        with self._lock:
            now = self.clock()
            for table, key in ((self._pairs, (name, client)), (self._clients, client), (self._names, name)):
                self._recent(table, key, now)
                table.setdefault(key, []).append(now)
                if len(table) > self.max_names:  # many tried: forget the ones whose window is over
                    for other in list(table):
                        self._recent(table, other, now)
            self._busy(now)  # drops what is older than a minute
            self._recent_minute.append(now)

    def names_counted(self) -> int:
        with self._lock:
            return len(self._names)

    def succeeded(self, name: str, client: str = "") -> None:
        """The right password: this name's count from this client starts over, and the client is known for it.
        (The client's and the name's counts stay: they may hold other clients' and names' wrong attempts.)"""
        with self._lock:
            self._pairs.pop((name, client), None)
            self._known[(name, client)] = None
            self._known.move_to_end((name, client))
            while len(self._known) > self.max_known:
                self._known.popitem(last=False)


THROTTLE = SignInThrottle()  # one per app process


def verify_local_throttled(
    con: Connection,
    anvandarnamn: str,
    losenord: str,
    *,
    secrets: Mapping[str, object] | None = None,
    throttle: SignInThrottle | None = None,
    client: str = "",
) -> User | None:
    """verify_local, refused with TooManyAttempts while a limit of `throttle` (by default the process's
    THROTTLE) holds for the name from `client` (a `client_key`)."""
    throttle = throttle or THROTTLE
    name = (anvandarnamn or "").strip().lower()
    locked, reason = throttle.lock(name, client)
    if reason is not None:
        _log.warning("Inloggning spärrad för %r från %r (%s, %d s kvar)", name, client, reason, locked)
        raise TooManyAttempts(locked, reason)
    user = verify_local(con, anvandarnamn, losenord, secrets=secrets)
    if user is None:
        throttle.failed(name, client)
        _log.warning("Felaktig inloggning för %r från %r", name, client)
    else:
        throttle.succeeded(name, client)
    return user


class PasswordError(ValueError):
    """A password that is too short or too long."""


def check_password(losenord: str) -> None:
    """Raise PasswordError for a password that is too short (under 10 characters) or too long."""
    if len(losenord) < MIN_PASSWORD:
        raise PasswordError(f"Lösenordet ska ha minst {MIN_PASSWORD} tecken.")
    if len(losenord) > MAX_PASSWORD:
        raise PasswordError(f"Lösenordet får ha högst {MAX_PASSWORD} tecken.")


def use_cost(parameters: Parameters) -> None:
    """Hash new passwords (and the decoy) at `parameters` in this process from now on. Only the tests call
    this (TEST_COST); the app and the command line always hash at PRODUCTION_COST."""
    global _hasher
    _hasher = PasswordHasher.from_parameters(parameters)
    _decoy_hash.cache_clear()


def hash_password(losenord: str) -> str:
    """An argon2id hash of the password (with its own salt), to store instead of the password."""
    check_password(losenord)
    return _hasher.hash(losenord)


@cache
def _decoy_hash() -> str:
    """A hash to check against when the account does not exist, so that both cases take as long."""
    return _hasher.hash("ingen-sådan-användare")


def password_matches(losenord_hash: str, losenord: str) -> bool:
    """Whether the password matches the hash (in constant time, at the cost the hash records)."""
    try:
        return _hasher.verify(losenord_hash, losenord)
    except (VerificationError, InvalidHashError):
        return False


def _rows(con: Connection, name: str, **params: object) -> list[dict[str, object]]:
    """A query on a cursor of its own (the app's connection is shared between sessions)."""
    cur = con.cursor()
    try:
        return store.run_rows(cur, name, **params)
    finally:
        cur.close()


def mode(secrets: Mapping[str, object]) -> Mode:
    """'oidc' when the secrets configure an identity provider (`[auth]`), else 'lokal'."""
    return "oidc" if isinstance(secrets.get("auth"), Mapping) and secrets.get("auth") else "lokal"


def secret_accounts(secrets: Mapping[str, object]) -> dict[str, dict[str, str]]:
    """The local accounts in the secrets' `[anvandare.<name>]` tables that are complete and valid."""
    section = secrets.get("anvandare")
    if not isinstance(section, Mapping):
        return {}
    accounts: dict[str, dict[str, str]] = {}
    for name, account in section.items():
        if not isinstance(account, Mapping):
            continue
        roll, losenord_hash = account.get("roll"), account.get("losenord_hash")
        if roll in domain.KONTO_ROLLER and isinstance(losenord_hash, str) and losenord_hash.startswith("$argon2"):
            accounts[str(name).strip().lower()] = {
                "namn": str(account.get("namn") or name),
                "roll": str(roll),
                "losenord_hash": losenord_hash,
            }
    return accounts


def verify_local(
    con: Connection, anvandarnamn: str, losenord: str, *, secrets: Mapping[str, object] | None = None
) -> User | None:
    """The user if the name and password match an active account (store first, then secrets), else None.

    The password is always checked against some hash, so a wrong name takes as long as a wrong password.
    """
    name = (anvandarnamn or "").strip().lower()
    candidate: tuple[str, str, str] | None = None  # (namn, roll, hash)
    row = _rows(con, "write/anvandare_get", anvandarnamn=name) if name else []
    if row:
        account = row[0]
        if account["aktiv"] and account["losenord_hash"]:
            candidate = (str(account["namn"]), str(account["roll"]), str(account["losenord_hash"]))
    elif name:
        secret = secret_accounts(secrets or {}).get(name)
        if secret is not None:
            candidate = (secret["namn"], secret["roll"], secret["losenord_hash"])
    matches = password_matches(candidate[2] if candidate else _decoy_hash(), losenord or "")
    if candidate is None or not matches:
        return None
    return User(name, candidate[0], candidate[1])


def create_local_user(
    con: Connection,
    anvandarnamn: str,
    losenord: str,
    *,
    namn: str,
    roll: str = "redaktor",
    e_post: str | None = None,
    av: User = COMMAND_LINE,
) -> str:
    """Add an account with a hashed password to the store, as `av` (an admin); returns its name.

    Raises PasswordError for a weak password, domain.ValidationError for bad account values.
    """
    fields = {
        "anvandarnamn": anvandarnamn,
        "namn": namn,
        "roll": roll,
        "e_post": e_post,
        "losenord_hash": hash_password(losenord),
    }
    return writes.add_user(con, av, fields)


def user_from_identity(
    identity: Mapping[str, object], *, con: Connection, roller: Mapping[str, object] | None = None
) -> User:
    """The user for an OIDC identity (`st.user`): role from the `anvandare` table by e-mail, else from
    the secrets' `[roller]` (e-mail → role), else reader. Deactivated accounts and unverified e-mail
    addresses are readers."""
    email = str(identity.get("email") or "").strip().lower()
    name = str(identity.get("name") or email or "okänd")
    if not email:
        return User(str(identity.get("sub") or "okänd"), name, "lasare")
    if identity.get("email_verified") is False:
        return User(email, name, "lasare")
    rows = _rows(con, "write/anvandare_by_e_post", e_post=email)
    if rows:
        account = rows[0]
        if not account["aktiv"]:
            return User(str(account["anvandarnamn"]), str(account["namn"]), "lasare")
        return User(str(account["anvandarnamn"]), str(account["namn"]), str(account["roll"]))
    roles = {str(k).strip().lower(): v for k, v in (roller or {}).items()}
    roll = roles.get(email)
    return User(email, name, roll if roll in domain.KONTO_ROLLER else "lasare")
