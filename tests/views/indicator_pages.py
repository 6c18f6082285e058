"""What the tests of the indicator pages share (issue 16): values made official as `stats refresh` writes them
(refresh.apply: a kallor row of typ 'statistik' and the values' kalla 'ckan:<resource id>', through the unit
of work), a page opened as a reader (or a signed-in user) opens it, and its texts as a reader reads them."""

from __future__ import annotations

import csv
import gc
import html
from datetime import date
from typing import NamedTuple

import streamlit as st
from streamlit.testing.v1 import AppTest

from lokalutveckling import store
from lokalutveckling.domain import User
from lokalutveckling.paths import ROOT
from lokalutveckling.store import unit_of_work
from lokalutveckling.ui import session

ADMIN = User("ada", "Ada Admin", "admin")  # no stored account: the role given counts
DAY = date(2026, 12, 2)  # the fetch day the official values are given
SEED = ROOT / "data" / "seed"


def seed_rows(name: str) -> list[dict[str, str]]:
    with (SEED / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def resource_of(indikator: str) -> str:
    """The mapping's CKAN resource for an indicator's area values, else the indicator's code."""
    for r in seed_rows("indikator_kallor"):
        if r["indikator_kod"] == indikator and r["roll"] == "omrade" and r["tjanst"] == "ckan":
            return r["resurs"]
    return indikator


class Official(NamedTuple):
    kalla: str  # the source the values now have
    n: int  # how many values were made official


def make_official(con: store.Connection, indikator: str, *, year: int | None = None, city: bool = True) -> Official:
    """The seed values of `indikator` (in `year` only when given; Malmö's too unless `city` is False) as the
    official values of its CKAN resource, fetched on DAY."""
    kalla = f"ckan:res-{indikator}"
    rows = [
        r
        for r in seed_rows("indikatorvarden")
        if r["indikator_kod"] == indikator
        and r["varde"]
        and (year is None or int(r["ar"]) == year)
        and (city or r["omrade_kod"] != "0")
    ]
    source = {
        "kalla_id": kalla,
        "typ": "statistik",
        "datum": DAY,
        "organ": "Stadskontoret, Malmö stad",
        "titel": f"{resource_of(indikator)} (Statistikunderlag för Malmös områden), hämtad {DAY.isoformat()}",
    }
    with unit_of_work.work(con, ADMIN, "admin") as w:
        store.run_rows(w.cur, "write/indikatorvarden_kalla_insert", **source)
        store.run_rows(
            w.cur,
            "write/indikatorvarden_officiella_update",
            indikator_kod_list=[indikator] * len(rows),
            omrade_kod_list=[r["omrade_kod"] for r in rows],
            ar_list=[int(r["ar"]) for r in rows],
            varde_list=[float(r["varde"]) for r in rows],
            kalla_list=[kalla] * len(rows),
        )
        w.audit("officiell statistik", "indikatorvarden", indikator, "kalla", "exempeldata", kalla)
    return Official(kalla, len(rows))


def forget_the_store() -> None:
    """Every cached result and the cached store connection let go (the next run opens the store again)."""
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()


def open_page(page: str, user: User | None = None, **query: str) -> AppTest:
    """`pages/<page>.py` opened with the URL's `query`, signed in as `user` when given; no exception."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    if user is not None:
        at.session_state[session.SIGNED_IN] = user
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(value: object) -> str:
    """Text as a reader sees it: ui.literal's character references decoded, its empty splitting marks gone."""
    return html.unescape(str(value)).replace(":small[]", "")


def captions(at: AppTest) -> str:
    return "\n".join(plain(c.value) for c in at.caption)


def texts(at: AppTest) -> str:
    return "\n".join(plain(m.value) for m in [*at.markdown, *at.caption])


def badges(at: AppTest) -> list[str]:
    """The badges' texts, in page order (st.badge is Markdown ':colour-badge[:material/icon: text]')."""
    return [
        str(m.value).split("] ")[-1].split(": ", 1)[-1].rstrip("]") for m in at.markdown if "-badge[" in str(m.value)
    ]
