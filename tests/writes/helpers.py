"""What the tests of writes share: users, insatser in each status, a valid new insats and follow-up,
and ways to look at a store."""

from __future__ import annotations

from datetime import date

from lokalutveckling import store, writes
from lokalutveckling.domain import User

EDITOR = User("kim", "Kim Redaktör", "redaktor")
EDITOR_2 = User("sam", "Sam Redaktör", "redaktor")
ADMIN = User("ada", "Ada Admin", "admin")
READER = User("lo", "Lo Läsare", "lasare")
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
SCRIPT = "<script>alert(1)</script>"
RUNNING = "INS-003"  # pågående, started 2022-12-01, no slutdatum
GRANTED = "INS-059"  # beviljad, startdatum 2025-02-01
PROPOSED = "INS-064"  # föreslagen, no finansieringskälla, starts 2027


def fields(**changes: object) -> dict[str, object]:
    """A valid new insats, with `changes` applied."""
    values: dict[str, object] = {
        "namn": "Läxhjälp på biblioteket",
        "beskrivning": "Läxhjälp två kvällar i veckan.",
        "namnd_kod": "KN",
        "finansiering_kod": "ks_anslag",
        "tilldelning_id": "T2022-KS-KN",
        "belopp_kr": 250_000,
        "startdatum": date(2025, 1, 1),
        "slutdatum": date(2025, 12, 31),
        "status": "pågående",
        "typ": "pilot",
        "malgrupp": "barn 6–15",
        "hela_staden": False,
        "fokus_kod": "utbildning",
        "sekundara_fokus": ["demokrati"],
        "omraden": ["10", "12"],
        "partner_namnder": ["GRN"],
        "partner_externa": ["Studieförbund"],
    }
    values.update(changes)
    return values


def snapshot(con: store.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, to compare a store before and after a write."""
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()]
    return {t: sorted(con.table(t).fetchall(), key=repr) for t in tables}


def audit_rows(con: store.Connection) -> list[tuple]:
    return con.execute(
        "select anvandare, handling, tabell, rad_id, falt, gammalt_varde, nytt_varde, kommentar from audit "
        "order by audit_id"
    ).fetchall()


def version(con: store.Connection, insats_id: str) -> int:
    return con.execute("select version from insatser where insats_id = ?", [insats_id]).fetchone()[0]


def add_account(con: store.Connection, anvandarnamn: str, roll: str, **extra: object) -> None:
    writes.add_user(
        con, ADMIN, {"anvandarnamn": anvandarnamn, "namn": anvandarnamn, "roll": roll, "losenord_hash": HASH, **extra}
    )


def follow_up(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "datum": date(2025, 6, 30),
        "vem": "Utvecklingsledare, ASN",
        "vad": "Uppföljningsmöte med familjecentralens personal.",
        "rackvidd": 120,
        "effekt": "viss",
        "underlag": "Besöksstatistik och enkät.",
    }
    values.update(changes)
    return values
