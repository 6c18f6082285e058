"""Official statistics: store what was fetched from Malmö's area statistics, SCB tables and Kolada KPIs.

    python -m lokalutveckling stats ckan --list [--query Q] [--base-url URL]
    python -m lokalutveckling stats ckan --resource ID [--population-resource ID] [--typ antal|andel]
                                         [--column NAMN] [--page-size N] [--db PATH] [--base-url URL] [--timeout S]
    python -m lokalutveckling stats scb --table ID --region 1280[,0180,1480] [--contents KOD,…]
                                        [--time 2023,2024 | --time 'top(3)'] [--select VAR=KOD,…]
                                        [--db PATH] [--base-url URL] [--timeout S]
    python -m lokalutveckling stats kolada --kpi N00945 --year 2024 --municipality 1280,0180,1480
                                           [--db PATH] [--base-url URL] [--timeout S]

The services are in `sources.registry` (`SOURCES`, `fetch`), the fetchers in `ckan`, `scb` and
`kolada`, their one HTTP client in `sources.http`; this module opens the store, saves and reports.

Each command opens the store first (the app holds it read-write while it runs: if the file is locked
the command says "stoppa appen först" and fetches nothing), fetches over HTTP, checks the answer's
shape, and then writes everything in one transaction: a row in `statistik_hamtningar` (service, URL,
table or resource id, reference year = the latest year with a value, fetch time in UTC, row count, rule),
its rows in `statistik_varden` and an audit row (handling 'hämtning'), through the store's unit of work
(as the command line, `domain.COMMAND_LINE`; the audit row names the login that ran it). Any failure writes
nothing and exits with code 1 and a Swedish message on stderr.

Aggregation of Malmö's area statistics (per delområde) to the 14 statistikområden and the whole city
(område 0), per year (`sources.aggregate.aggregate`):
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

import getpass
from pathlib import Path

from lokalutveckling import store
from lokalutveckling.domain import COMMAND_LINE, NotSaved, User
from lokalutveckling.sources.http import FetchError
from lokalutveckling.sources.model import VIKT, Hamtning
from lokalutveckling.store import journal, recovery, unit_of_work

STATISTIK_TABLES = ("build/50_statistik_hamtningar", "build/51_statistik_varden", "build/52_v_statistik_senaste")

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


def current_user() -> str:
    """The login that runs the command: the audit row names it."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "okänd"


def ensure_tables(con: store.Connection) -> None:
    """Add the statistics tables to a store built before they existed (they start empty)."""
    for name in STATISTIK_TABLES:
        con.execute(store.load_sql(name))


def save(con: store.Connection, hamtning: Hamtning, *, anvandare: str | None = None, user: User = COMMAND_LINE) -> int:
    """Store one fetch, its values and an audit row in one unit of work; returns the new hamtning_id.

    `user` is who acts (a command at the server acts as the command line, an administrator); the rows
    name `anvandare`, by default the login that runs the command. Nothing is written when any step fails.
    """
    if not hamtning.varden:
        raise FetchError("Inget att spara: hämtningen gav inga värden.")
    who = anvandare or current_user()
    try:
        with unit_of_work.work(con, user, "admin") as w:
            return save_in(w, hamtning, User(who, who, w.user.roll))
    except PermissionError as exc:
        raise FetchError(f"{exc} Inget har sparats.") from None
    except (store.Error, NotSaved) as exc:
        raise FetchError(f"Kunde inte spara i databasen ({_first_line(exc)}).") from exc


def save_in(w: unit_of_work.Work, hamtning: Hamtning, who: User) -> int:
    """A fetch's rows (statistik_hamtningar, statistik_varden) and its audit row, inside an open unit of work
    (`save` opens one; `stats refresh` writes several fetches and the values they give in one)."""
    rows = hamtning.varden
    ensure_tables(w.cur)
    hamtning_id = int(store.run_rows(w.cur, "write/next_hamtning_id")[0]["hamtning_id"])
    store.run_rows(
        w.cur,
        "write/statistik_hamtning_insert",
        hamtning_id=hamtning_id,
        tjanst=hamtning.tjanst,
        url=hamtning.url,
        forfragan=hamtning.forfragan,
        tabell_id=hamtning.tabell_id,
        tabell_namn=hamtning.tabell_namn,
        referensar=hamtning.referensar,
        hamtad=w.now,
        n_rader=len(rows),
        regel=hamtning.regel,
        vikt_tabell_id=hamtning.vikt_tabell_id,
        vikt_url=hamtning.vikt_url,
        kalla_uppdaterad=hamtning.kalla_uppdaterad,
        attribution=hamtning.attribution,
        anvandare=who.anvandarnamn,
    )
    store.run_rows(
        w.cur,
        "write/statistik_varden_insert",
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
    nytt = f"{hamtning.tjanst} {hamtning.tabell_id}: {len(rows)} rader"
    unit_of_work.audit(w.cur, who, "hämtning", "statistik_hamtningar", str(hamtning_id), None, None, nytt, hamtning.url)
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
