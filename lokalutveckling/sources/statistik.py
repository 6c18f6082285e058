"""Official statistics: fetch, aggregate and store Malmö's area statistics, SCB tables and Kolada KPIs.

    python -m lokalutveckling.sources.statistik ckan --list [--query Q] [--base-url URL]
    python -m lokalutveckling.sources.statistik ckan --resource ID [--population-resource ID] [--typ antal|andel]
                                             [--column NAMN] [--page-size N] [--db PATH] [--base-url URL]
                                             [--timeout S]
    python -m lokalutveckling.sources.statistik scb --table ID --region 1280[,0180,1480] [--contents KOD,…]
                                            [--time 2023,2024 | --time 'top(3)'] [--select VAR=KOD,…]
                                            [--db PATH] [--base-url URL] [--timeout S]
    python -m lokalutveckling.sources.statistik kolada --kpi N00945 --year 2024 --municipality 1280,0180,1480
                                               [--db PATH] [--base-url URL] [--timeout S]

Each command opens the store first (the app holds it read-write while it runs: if the file is locked
the command says "stoppa appen först" and fetches nothing), fetches over HTTP, checks the answer's
shape, and then writes everything in one transaction: a row in `statistik_hamtningar` (service, URL,
table or resource id, reference year = the latest year with a value, fetch time in UTC, row count, rule),
its rows in `statistik_varden` and an audit row (handling 'hämtning'). Any failure writes nothing and
exits with code 1 and a Swedish message on stderr.

Aggregation of Malmö's area statistics (per delområde) to the 14 statistikområden and the whole city
(område 0), per year (`fetch_ckan.aggregate`):
- counts (antal, folkmängd, summor) are added up over the area's delområden;
- shares and rates (andel, procent, per 1 000, medelvärden) are weighted by population:
  Σ(värde × befolkning) / Σ befolkning over the area's delområden, with the population of the same
  year and delområde from a population resource fetched alongside (`--population-resource`).
  A delområde with population 0 weighs nothing, so its missing value does not matter.
- An area where any delområde lacks a value (or, for a share, a populated delområde lacks a value or
  a population) gets no value (null) and `komplett = false`, with the missing delområden named in
  `anmarkning` and in the command's report: a partial sum is never stored as if it were the area's.
- Medians cannot be aggregated either way and are refused.
The rule is stored in words with every fetch (`statistik_hamtningar.regel`).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import math
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.client import HTTPException
from pathlib import Path

from lokalutveckling import store, writes
from lokalutveckling.store import journal, recovery, unit_of_work

USER_AGENT = "lokalutveckling-statistik/0.1 (Python urllib; Malmö lokal utveckling dashboard)"
TIMEOUT_SECONDS = 60.0
MAX_BYTES = 50 * 1024 * 1024  # one page of any of these services is far smaller
MAX_PAGES = 500  # a paging loop that never ends is a broken service, not a large table
STATISTIK_TABLES = ("build/50_statistik_hamtningar", "build/51_statistik_varden", "build/52_v_statistik_senaste")
VIKT = "hämtad (vikt)"  # `berakning` of the population rows fetched as weights beside a share
NIVAER = ("delomrade", "statistikomrade", "stad", "kommun", "lan", "riket", "region")


class FetchError(Exception):
    """Why nothing was stored, in Swedish, ready to show to the person who ran the command."""


@dataclass(frozen=True)
class Varde:
    """One row of `statistik_varden`: a value as fetched or as aggregated."""

    niva: str
    variabel: str
    period: str
    ar: int
    varde: float | None
    komplett: bool
    berakning: str
    omrade_kod: str | None = None
    region_kod: str | None = None
    variabel_namn: str | None = None
    enhet: str | None = None
    anmarkning: str | None = None


@dataclass
class Hamtning:
    """One fetch, ready to be stored: where it came from, how it was aggregated, and its rows."""

    tjanst: str
    url: str
    tabell_id: str
    tabell_namn: str | None
    regel: str
    attribution: str
    varden: list[Varde]
    forfragan: str | None = None
    vikt_tabell_id: str | None = None
    vikt_url: str | None = None
    kalla_uppdaterad: str | None = None
    notes: list[str] = field(default_factory=list)
    pages: int = 1

    @property
    def referensar(self) -> int | None:
        """The reference year: the latest year with a value (of the variable, not of the weights)."""
        years = [v.ar for v in self.varden if v.varde is not None and v.berakning != VIKT]
        return max(years) if years else None


# ------------------------------------------------------------------------------------------- HTTP


def host(url: str) -> str:
    return urllib.parse.urlsplit(url).hostname or url


def _is_timeout(exc: object) -> bool:
    return isinstance(exc, TimeoutError | socket.timeout) or "timed out" in str(exc)


def timeout_message(url: str, timeout: float) -> str:
    return (
        f"Tidsgränsen gick ut: {host(url)} svarade inte inom {timeout:g} sekunder ({url}). "
        "Försök igen senare eller ge en längre tid med --timeout."
    )


def describe_url_error(url: str, exc: urllib.error.URLError, timeout: float) -> str:
    """A URLError (not an HTTP status) in words: a timeout, or no way to reach the host at all."""
    reason = exc.reason
    if _is_timeout(reason):
        return timeout_message(url, timeout)
    if isinstance(reason, socket.gaierror):
        detail = f"värdnamnet {host(url)} kunde inte slås upp ({reason})"
    elif isinstance(reason, ConnectionRefusedError):
        detail = f"anslutningen vägrades ({reason})"
    else:
        detail = str(reason)
    return f"Ingen nätverksanslutning: kunde inte nå {host(url)} ({detail}). Kontrollera nätverket och adressen {url}."


def _excerpt(body: bytes, limit: int = 200) -> str:
    text = body[:limit].decode("utf-8", "replace").strip()
    return re.sub(r"\s+", " ", text)


def _error_detail(body: bytes, content_type: str) -> str:
    """What an error answer says, if it says it in JSON (CKAN's error.message, PxWeb's title and detail)
    or plain text; nothing for an HTML error page."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _excerpt(body) if content_type.startswith("text/plain") else ""
    if isinstance(doc, dict):
        error = doc.get("error")
        if isinstance(error, dict):
            error = error.get("message")
        parts = [str(doc[k]) for k in ("title", "detail", "message") if doc.get(k)]
        parts += [str(error)] if error else []
        return _excerpt("; ".join(parts).encode("utf-8")) if parts else _excerpt(body)
    return _excerpt(body)


def request_json(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    body: object | None = None,
    not_found: str = "",
) -> object:
    """GET `url` (or POST `body` as JSON) and parse the JSON answer; FetchError says what went wrong.

    `not_found` is added to the message for HTTP 404: what the person should check.
    """
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"Adressen ska börja med http:// eller https://, inte {url!r}.")
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json; charset=utf-8"
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "") or ""
            raw = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        detail = ""
        with contextlib.suppress(Exception):
            detail = _error_detail(exc.read(), exc.headers.get("Content-Type", "") or "")
        said = f" Servern skrev: {detail}" if detail else ""
        if exc.code == 404:
            raise FetchError(f"Finns inte (HTTP 404 Not Found): {url}. {not_found}{said}".rstrip()) from None
        raise FetchError(f"Servern svarade med HTTP {exc.code} {exc.reason} för {url}.{said}") from None
    except urllib.error.URLError as exc:
        raise FetchError(describe_url_error(url, exc, timeout)) from None
    except TimeoutError:
        raise FetchError(timeout_message(url, timeout)) from None
    except (HTTPException, OSError) as exc:
        raise FetchError(f"Överföringen från {host(url)} avbröts ({type(exc).__name__}: {exc}); {url}.") from None
    if len(raw) > MAX_BYTES:
        raise FetchError(
            f"Svaret från {url} är större än {MAX_BYTES // 1024 // 1024} MB; det är inte det väntade svaret."
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise FetchError(
            f"Svaret från {url} är inte JSON (Content-Type {content_type or 'saknas'}); det börjar med "
            f"{_excerpt(raw, 80)!r}. Är adressen rätt (--base-url)?"
        ) from None


# ------------------------------------------------------------------------------------ values


_MISSING = {"", ".", "..", "...", "-", "–", "x", "X", "null", "None"}


def number(value: object) -> float | None:
    """A value as a float; None for a missing or suppressed one ('..', '-', empty); ValueError otherwise.

    Text may use Swedish notation: '1 234,5' (space or no-break space as thousands separator).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(repr(value))
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    if isinstance(value, str):
        text = value.strip()
        if text in _MISSING:
            return None
        text = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")
        try:
            result = float(text)
        except ValueError:
            raise ValueError(repr(value)) from None
        if math.isnan(result) or math.isinf(result):
            raise ValueError(repr(value))
        return result
    raise ValueError(repr(value))


def year_of(period: object) -> int | None:
    """The year of a period code: 2024, '2024', '2024M03', '2024K1', '2023-12-31'; None if there is none."""
    match = re.match(r"\s*((?:19|20)\d\d)(?!\d)", str(period))
    return int(match.group(1)) if match else None


def codes(text: str, *, what: str, pattern: str, example: str, neuter: bool = False) -> list[str]:
    """A comma-separated list of codes, each checked against `pattern`; FetchError names a bad one.

    `what` is the noun in the singular ("kommunkod"; `neuter` for "år", "nyckeltal").
    """
    items = [c.strip() for c in text.split(",") if c.strip()]
    if not items:
        raise FetchError(f"Ange minst {'ett' if neuter else 'en'} {what} (t.ex. {example}).")
    bad = [c for c in items if not re.fullmatch(pattern, c)]
    if bad:
        raise FetchError(f"{'Ogiltigt' if neuter else 'Ogiltig'} {what}: {', '.join(bad)} (väntat t.ex. {example}).")
    return list(dict.fromkeys(items))


# ------------------------------------------------------------------------------------- store


def locked_message(path: Path, detail: str) -> str:
    return (
        f"Databasen {path} är låst: en annan process har den öppen för skrivning, troligen appen ({detail}). "
        "Stoppa appen först och kör kommandot igen; inget har hämtats."
    )


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def open_store(path: Path) -> store.Connection:
    """The store, read-write, through `recovery.open_store` (built first if it does not exist yet).

    FetchError when the file is held by another process (the app) or cannot be opened.
    """
    try:
        return recovery.open_store(path).con
    except recovery.StoreBusy:
        raise FetchError(locked_message(path, "en annan process har den öppen")) from None
    except (recovery.StoreBroken, journal.JournalError, store.SeedError, store.Error) as exc:
        raise FetchError(f"Kan inte öppna databasen {path} ({_first_line(exc)}); inget har hämtats.") from None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "okänd"


def ensure_tables(con: store.Connection) -> None:
    """Add the statistics tables to a store built before they existed (they start empty)."""
    for name in STATISTIK_TABLES:
        con.execute(store.load_sql(name))


def _transaction(con: store.Connection) -> contextlib.AbstractContextManager[store.Connection]:
    """The one unit of work every write uses (lock, transaction, journal)."""
    return unit_of_work.transaction(con)


def save(con: store.Connection, hamtning: Hamtning, *, anvandare: str | None = None) -> int:
    """Store one fetch, its values and an audit row in one transaction; returns the new hamtning_id.

    Nothing is written when any step fails.
    """
    if not hamtning.varden:
        raise FetchError("Inget att spara: hämtningen gav inga värden.")
    who = anvandare or current_user()
    rows = hamtning.varden
    now = _now()
    try:
        return _save(con, hamtning, rows, who, now)
    except (store.Error, writes.NotSaved) as exc:
        raise FetchError(f"Kunde inte spara i databasen ({_first_line(exc)}).") from exc


def _save(con: store.Connection, hamtning: Hamtning, rows: list[Varde], who: str, now: datetime) -> int:
    with _transaction(con) as cur:
        ensure_tables(cur)
        hamtning_id = int(store.run_rows(cur, "statistik/next_hamtning_id")[0]["hamtning_id"])
        store.run_rows(
            cur,
            "statistik/hamtning_insert",
            hamtning_id=hamtning_id,
            tjanst=hamtning.tjanst,
            url=hamtning.url,
            forfragan=hamtning.forfragan,
            tabell_id=hamtning.tabell_id,
            tabell_namn=hamtning.tabell_namn,
            referensar=hamtning.referensar,
            hamtad=now,
            n_rader=len(rows),
            regel=hamtning.regel,
            vikt_tabell_id=hamtning.vikt_tabell_id,
            vikt_url=hamtning.vikt_url,
            kalla_uppdaterad=hamtning.kalla_uppdaterad,
            attribution=hamtning.attribution,
            anvandare=who,
        )
        store.run_rows(
            cur,
            "statistik/varden_insert",
            hamtning_id=hamtning_id,
            v_niva=[r.niva for r in rows],
            v_omrade_kod=[r.omrade_kod for r in rows],
            v_region_kod=[r.region_kod for r in rows],
            v_variabel=[r.variabel for r in rows],
            v_variabel_namn=[r.variabel_namn for r in rows],
            v_period=[r.period for r in rows],
            v_ar=[r.ar for r in rows],
            v_varde=[r.varde for r in rows],
            v_enhet=[r.enhet for r in rows],
            v_komplett=[r.komplett for r in rows],
            v_berakning=[r.berakning for r in rows],
            v_anmarkning=[r.anmarkning for r in rows],
        )
        store.run_rows(
            cur,
            "write/audit_insert",
            tid=now,
            anvandare=who,
            handling="hämtning",
            tabell="statistik_hamtningar",
            rad_id=str(hamtning_id),
            falt=None,
            gammalt_varde=None,
            nytt_varde=f"{hamtning.tjanst} {hamtning.tabell_id}: {len(rows)} rader",
            kommentar=hamtning.url,
        )
    return hamtning_id


# ------------------------------------------------------------------------------------ report


def report(hamtning: Hamtning, hamtning_id: int, db: Path) -> list[str]:
    """What was stored, in lines for the terminal."""
    rows = hamtning.varden
    by_level: dict[str, int] = {}
    for row in rows:
        by_level[row.niva] = by_level.get(row.niva, 0) + 1
    years = sorted({r.ar for r in rows if r.berakning != VIKT} or {r.ar for r in rows})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    levels = ", ".join(f"{n} {niva}" for niva, n in by_level.items())
    name = f" ”{hamtning.tabell_namn}”" if hamtning.tabell_namn else ""
    pages = f" ({hamtning.pages} sidor)" if hamtning.pages > 1 else ""
    lines = [
        f"Hämtade {hamtning.tjanst} {hamtning.tabell_id}{name} från {hamtning.url}{pages}.",
        f"Sparade hämtning {hamtning_id} i {db}: {len(rows)} rader ({levels}), år {span}, referensår "
        f"{hamtning.referensar or '-'}.",
        f"Regel: {hamtning.regel}",
    ]
    incomplete = [r for r in rows if not r.komplett and r.niva in ("statistikomrade", "stad")]
    if incomplete:
        lines.append(f"Ofullständiga ({len(incomplete)}), sparade utan värde:")
        for row in incomplete:
            lines.append(f"  område {row.omrade_kod} år {row.period}: {row.anmarkning}")
    missing = [r for r in rows if r.varde is None and r.niva not in ("statistikomrade", "stad")]
    if missing:
        shown = ", ".join(f"{r.omrade_kod or r.region_kod} {r.period}" for r in missing[:10])
        more = f" och {len(missing) - 10} till" if len(missing) > 10 else ""
        lines.append(f"Saknade värden i källan ({len(missing)}): {shown}{more}.")
    lines.extend(f"Obs: {note}" for note in hamtning.notes)
    lines.append(f"Källa: {hamtning.attribution}.")
    return lines
