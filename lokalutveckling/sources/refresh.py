"""`stats refresh`: official values replace the exempeldata indicator values, by the declared mapping.

    python -m lokalutveckling stats refresh [--dry-run] [--db PATH] [--ckan-url URL] [--kolada-url URL]
                                            [--timeout S]

The addresses default to env LOKALUTVECKLING_CKAN_URL / LOKALUTVECKLING_KOLADA_URL, else the real services
(`ckan_url()`, `kolada_url()`). The mapping is seed data (`data/seed/indikator_kallor.csv`, table
`indikator_kallor`): per indicator its area source (`roll = omrade`) and municipality comparisons
(`jamforelse`, Kolada: `sources.refresh_kolada`, fetched for Malmö, Stockholm and Göteborg and saved as
Kolada gives them when they differ from the newest stored fetch). For each area source on Malmö stad's
CKAN (`tjanst = ckan`) the refresh

1. finds the resource by its NAME (`resource_search` with `name:<namn>`): exactly one resource whose
   name equals it, case aside; none or several refuse that indicator, with the reason;
2. fetches it through `ckan.fetch` (summed, or weighted by the population resource `vikt_resurs`,
   also looked up by name) and multiplies by `faktor`;
3. checks that the answer adds up: for a sum, a city total the resource gives itself must match the
   sum of its delområden (beyond rounding); a percentage must lie within 0–100;
4. compares per area and year: a complete official value replaces the exempeldata value (or an
   earlier official one from CKAN); an area or year without a complete value (a delområde missing)
   stays as it was and is reported; a value from any other source (a document, an imported file) is
   kept and reported.

`plan(con, …, on_progress=cb)` calls `cb(done, total, label)` before each fetch (one per CKAN indicator,
one per Kolada KPI) and `cb(total, total, "klart")` at the end: the app's Data page shows it as progress.

Then, unless it is a dry run or nothing differs ("inga ändringar"), a snapshot is taken and everything
is written in ONE unit of work as the command line: each fetch (`statistik_hamtningar`,
`statistik_varden`, audit 'hämtning': `statistik.save_in`, what `statistik.save` runs in a transaction of
its own; each new or changed Kolada comparison too), one source per resource in `kallor` (`ckan:<resource id>`, typ
'statistik', organ 'Stadskontoret, Malmö stad'), the changed values, and one audit row per indicator.
Any FetchError (no network, a timeout, changed columns, an answer that does not add up) stops the
command before anything is written.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from lokalutveckling import store
from lokalutveckling.domain import COMMAND_LINE, NotSaved, User, today
from lokalutveckling.sources import ckan, kolada, refresh_kolada, statistik
from lokalutveckling.sources.aggregate import STAD
from lokalutveckling.sources.http import TIMEOUT_SECONDS, FetchError
from lokalutveckling.sources.model import VIKT, Hamtning, number, year_of
from lokalutveckling.sources.refresh_kolada import Comparison
from lokalutveckling.store import snapshots, unit_of_work

EXEMPELDATA = "exempeldata"
KALLA_PREFIX = "ckan:"
KALLA_TYP = "statistik"
DATASET = "Statistikunderlag för Malmös områden"
CITY_LABELS = frozenset({"0", "1280", "malmö", "malmö stad", "hela malmö", "malmö totalt", "malmö kommun"})
HANDLING = "officiell statistik"
CITY_NAME = "Malmö stad"
CKAN_URL_ENV = "LOKALUTVECKLING_CKAN_URL"
KOLADA_URL_ENV = "LOKALUTVECKLING_KOLADA_URL"
DONE = "klart"

Progress = Callable[[int, int, str], None]


def ckan_url() -> str:
    """Malmö stad's CKAN portal: env LOKALUTVECKLING_CKAN_URL, else the real one."""
    return os.environ.get(CKAN_URL_ENV, "").strip() or ckan.DEFAULT_BASE_URL


def kolada_url() -> str:
    """Kolada's API (v3): env LOKALUTVECKLING_KOLADA_URL, else the real one."""
    return os.environ.get(KOLADA_URL_ENV, "").strip() or kolada.DEFAULT_BASE_URL


def rounding(total: float) -> float:
    """How far a published city total may differ from the sum of its delområden: rounding, not a gap."""
    return max(1.0, abs(total) * 0.001)


# ------------------------------------------------------------------------------------ the mapping


@dataclass(frozen=True)
class Mapping:
    """One row of `indikator_kallor` (with the indicator's name and unit in the store)."""

    indikator_kod: str
    namn: str
    roll: str
    tjanst: str
    resurs: str | None = None
    variabel: str | None = None
    aggregering: str | None = None
    vikt_resurs: str | None = None
    enhet: str | None = None
    faktor: float | None = None
    ar_fran: int | None = None
    ar_till: int | None = None
    enkat: str | None = None
    anmarkning: str | None = None
    indikator_enhet: str | None = None

    @property
    def label(self) -> str:
        return f"{self.indikator_kod} ({self.namn})"


def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def mappings(con: store.Connection) -> list[Mapping]:
    """The declared mapping, in the indicators' order; FetchError for a store built before it existed."""
    try:
        rows = store.run_rows(con, "statistik/refresh_kallor")
    except store.CatalogError:
        raise FetchError(
            "Databasen saknar tabellen indikator_kallor (källorna till indikatorerna): den byggdes före "
            "issue 16. Bygg om databasen (python -m lokalutveckling store build) och kör igen."
        ) from None
    out = []
    for r in rows:
        faktor = _plain(r["faktor"])
        out.append(
            Mapping(
                indikator_kod=str(r["indikator_kod"]),
                namn=str(r["namn_sv"]),
                roll=str(r["roll"]),
                tjanst=str(r["tjanst"]),
                resurs=_plain(r["resurs"]),
                variabel=_plain(r["variabel"]),
                aggregering=_plain(r["aggregering"]),
                vikt_resurs=_plain(r["vikt_resurs"]),
                enhet=_plain(r["enhet"]),
                faktor=float(faktor) if faktor is not None else None,
                ar_fran=_plain(r["ar_fran"]),
                ar_till=_plain(r["ar_till"]),
                enkat=_plain(r["enkat"]),
                anmarkning=_plain(r["anmarkning"]),
                indikator_enhet=_plain(r["indikator_enhet"]),
            )
        )
    return out


# ------------------------------------------------------------------------------------ the plan


@dataclass(frozen=True)
class Change:
    """One indicator value to write: new (insert) when `old_kalla` is None, else an update."""

    omrade_kod: str
    ar: int
    varde: float
    old_varde: float | None
    old_kalla: str | None


@dataclass
class Indicator:
    """What the refresh found for one indicator with a CKAN area source."""

    mapping: Mapping
    refused: str | None = None  # the whole indicator refused: why
    resource: dict | None = None  # {"id", "name"}
    hamtning: Hamtning | None = None
    official: dict[tuple[str, int], float] = field(default_factory=dict)  # complete, after faktor
    incomplete: list[tuple[str, int, str]] = field(default_factory=list)  # område, år, why
    changes: list[Change] = field(default_factory=list)
    other_source: list[tuple[str, int, str]] = field(default_factory=list)  # område, år, kalla kept
    exempel_after: int = 0
    exempel_before: int = 0

    @property
    def kalla_id(self) -> str | None:
        return f"{KALLA_PREFIX}{self.resource['id']}" if self.resource else None


@dataclass
class Plan:
    """Everything a refresh would write, and what it would leave; `lines()` says it in words."""

    base_url: str
    day: date
    indicators: list[Indicator]
    without_source: list[Mapping]  # enkat, saknas (and services the refresh does not fetch per area)
    comparisons: dict[str, list[Mapping]]
    area_names: dict[str, str]
    kolada_url: str = kolada.DEFAULT_BASE_URL
    kolada_comparisons: list[Comparison] = field(default_factory=list)

    @property
    def n_changes(self) -> int:
        """Indicator values that change, and Kolada values in new or changed comparisons."""
        return sum(len(i.changes) for i in self.indicators) + sum(
            c.n_values for c in self.kolada_comparisons if c.to_save
        )

    @property
    def fetched(self) -> list[Indicator]:
        return [i for i in self.indicators if i.hamtning is not None]

    def lines(self) -> list[str]:
        out = []
        for ind in self.indicators:
            out.extend(_indicator_lines(ind, self.area_names))
        for m in self.without_source:
            out.append(_without_source_line(m, self.comparisons.get(m.indikator_kod, [])))
        if self.kolada_comparisons:
            out.append(f"Jämförelser per kommun ur Kolada {self.kolada_url} (värden som Kolada anger dem):")
            official = {i.mapping.indikator_kod: i.official for i in self.indicators}
            for c in self.kolada_comparisons:
                out.append(c.line())
                city = {ar: v for (kod, ar), v in official.get(c.indikator_kod, {}).items() if kod == STAD}
                out.extend(refresh_kolada.discrepancies(c, city))
        return out


def _area(kod: str, names: dict[str, str]) -> str:
    return CITY_NAME if kod == STAD else f"område {kod} {names.get(kod, '')}".rstrip()


def _indicator_lines(ind: Indicator, names: dict[str, str]) -> list[str]:
    m = ind.mapping
    refused = len(ind.incomplete)
    reasons = "; ".join(f"{_area(kod, names)} {ar}: {why}" for kod, ar, why in ind.incomplete[:6])
    if refused > 6:
        reasons += f"; och {refused - 6} till"
    if ind.refused:
        head = (
            f"{m.label}: officiella: 0 område×år, kvar som exempeldata: {ind.exempel_after}, "
            f"vägrade: hela indikatorn ({ind.refused})"
        )
        return [head]
    head = (
        f"{m.label}: officiella: {len(ind.official)} område×år, kvar som exempeldata: {ind.exempel_after}, "
        f"vägrade: {refused}" + (f" ({reasons})" if refused else "")
    )
    years = sorted({ar for _, ar in ind.official})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "-")
    new = sum(1 for c in ind.changes if c.old_kalla is None)
    replaced = sum(1 for c in ind.changes if c.old_kalla == EXEMPELDATA)
    lines = [
        head,
        f"  källa: ckan {ind.resource['id']} ”{ind.resource['name']}”, år {span}; ändras: {len(ind.changes)} "
        f"(ersätter exempeldata: {replaced}, uppdaterar officiella: {len(ind.changes) - replaced - new}, "
        f"nya: {new})",
    ]
    if ind.other_source:
        shown = ", ".join(f"{_area(k, names)} {ar} ({kalla})" for k, ar, kalla in ind.other_source[:5])
        lines.append(f"  behålls (annan källa än exempeldata): {len(ind.other_source)}: {shown}")
    return lines


def _without_source_line(m: Mapping, comparisons: list[Mapping]) -> str:
    if m.tjanst in ("enkat", "saknas"):
        where = f"finns i: {m.enkat}" if m.enkat else "ingen känd källa per område"
        text = f"{m.label}: ingen officiell källa; {where}"
    else:
        text = f"{m.label}: {m.tjanst} {m.resurs} per område hämtas inte av refresh än"
    if comparisons:
        text += " (jämförelse per kommun: " + ", ".join(f"{c.tjanst} {c.resurs}" for c in comparisons) + ")"
    return text


# ------------------------------------------------------------------------------------ fetching


def find_resource(name: str, *, base_url: str, timeout: float) -> tuple[dict | None, str | None]:
    """The one resource named `name` (case aside), or None and why not. Other FetchErrors propagate."""
    try:
        found = ckan.list_resources(f"name:{name}", base_url=base_url, timeout=timeout)
    except FetchError as exc:
        if str(exc).startswith("Tomt svar"):  # resource_search answered, with no resource at all
            return None, f"ingen resurs heter ”{name}” på {base_url}"
        raise
    wanted = name.strip().casefold()
    same = [r for r in found if r["name"].strip().casefold() == wanted]
    if not same:
        others = ", ".join(f"”{r['name']}”" for r in found[:5])
        return None, f"ingen resurs heter ”{name}” på {base_url} (sökningen gav {others})"
    if len(same) > 1:
        ids = ", ".join(r["id"] for r in same)
        return None, f"{len(same)} resurser heter ”{name}” ({ids}): vilken som gäller går inte att avgöra"
    return same[0], None


def city_totals(resource_id: str, column: str | None, *, base_url: str, timeout: float) -> dict[int, float]:
    """The city totals a resource gives itself (a record for Malmö as a whole), per year."""
    table = ckan.datastore_records(resource_id, base_url=base_url, timeout=timeout)
    lay = ckan.layout(table.fields, column, f"resursen {resource_id}")
    totals: dict[int, float] = {}
    for record in table.records:
        if not isinstance(record, dict):
            continue
        labels = {
            re.sub(r"\s+", " ", str(record.get(c) or "")).strip().casefold()
            for c in (lay.code_column, lay.name_column)
            if c
        }
        if not labels & CITY_LABELS:
            continue
        if lay.year_column is not None:
            cells = [(year_of(record.get(lay.year_column)), record.get(lay.value_column or ""))]
        else:
            cells = [(y, record.get(c)) for c, y in lay.year_columns]
        for year, raw in cells:
            try:
                value = number(raw)
            except ValueError:
                continue  # read_values has already refused a value that is not a number
            if year is not None and value is not None:
                totals[year] = value
    return totals


def _check_adds_up(ind: Indicator, aggregated: dict[tuple[str, int], float], base_url: str, timeout: float) -> None:
    m, res = ind.mapping, ind.resource
    what = f"{m.label}, resursen {res['id']} ”{res['name']}”"
    if m.aggregering == "summa":
        totals = city_totals(res["id"], m.variabel, base_url=base_url, timeout=timeout)
        for year, total in sorted(totals.items()):
            computed = aggregated.get((STAD, year))
            if computed is not None and abs(computed - total) > rounding(total):
                raise FetchError(
                    f"Svaret går inte ihop: {what} anger {total:g} för hela Malmö {year}, men delområdena "
                    f"summerar till {computed:g} (skillnad {computed - total:+g}). Har resursen ändrats?"
                )
    if (m.indikator_enhet or "") == "procent":
        outside = [(k, ar, v) for (k, ar), v in ind.official.items() if not -1e-9 <= v <= 100 + 1e-9]
        if outside:
            k, ar, v = outside[0]
            raise FetchError(
                f"Svaret går inte ihop: {what} ger {v:g} procent för område {k} {ar} (utanför 0–100); "
                "stämmer faktorn och kolumnen?"
            )


def _fetch(ind: Indicator, membership: pd.DataFrame, *, base_url: str, timeout: float) -> None:
    m = ind.mapping
    ind.resource, why = find_resource(m.resurs or "", base_url=base_url, timeout=timeout)
    if ind.resource is None:
        ind.refused = why
        return
    population = None
    if m.aggregering == "befolkningsviktad":
        population, why = find_resource(m.vikt_resurs or "", base_url=base_url, timeout=timeout)
        if population is None:
            ind.refused, ind.resource = f"befolkningen som vikt: {why}", None
            return
    ind.hamtning = ckan.fetch(
        ind.resource["id"],
        membership=membership,
        population_resource=population["id"] if population else None,
        typ="andel" if population else "antal",
        column=m.variabel,
        base_url=base_url,
        timeout=timeout,
    )
    faktor = m.faktor if m.faktor is not None else 1.0
    aggregated: dict[tuple[str, int], float] = {}
    for row in ind.hamtning.varden:
        if row.niva not in ("statistikomrade", "stad") or row.berakning == VIKT or row.omrade_kod is None:
            continue
        if (m.ar_fran is not None and row.ar < m.ar_fran) or (m.ar_till is not None and row.ar > m.ar_till):
            continue
        if row.komplett and row.varde is not None:
            aggregated[(row.omrade_kod, row.ar)] = row.varde
            ind.official[(row.omrade_kod, row.ar)] = row.varde * faktor
        else:
            ind.incomplete.append((row.omrade_kod, row.ar, row.anmarkning or "inget värde"))
    _check_adds_up(ind, aggregated, base_url, timeout)


def _same(a: float | None, b: float) -> bool:
    return a is not None and not math.isnan(a) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _compare(ind: Indicator, stored: pd.DataFrame) -> None:
    rows = stored[stored["indikator_kod"] == ind.mapping.indikator_kod]
    current = {
        (str(r.omrade_kod), int(r.ar)): (None if pd.isna(r.varde) else float(r.varde), str(r.kalla))
        for r in rows.itertuples(index=False)
    }
    ind.exempel_before = sum(1 for _, kalla in current.values() if kalla == EXEMPELDATA)
    replaced = 0
    for (kod, ar), value in sorted(ind.official.items()):
        old = current.get((kod, ar))
        if old is None:
            ind.changes.append(Change(kod, ar, value, None, None))
            continue
        old_varde, old_kalla = old
        if old_kalla != EXEMPELDATA and not old_kalla.startswith(KALLA_PREFIX):
            ind.other_source.append((kod, ar, old_kalla))
            continue
        if old_kalla == EXEMPELDATA:
            replaced += 1
        if old_kalla != ind.kalla_id or not _same(old_varde, value):
            ind.changes.append(Change(kod, ar, value, old_varde, old_kalla))
    ind.exempel_after = ind.exempel_before - replaced


def _kolada_default() -> str:
    return kolada_url()  # plan's parameter of that name hides the function


def plan(
    con: store.Connection,
    *,
    base_url: str | None = None,
    kolada_url: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    day: date | None = None,
    on_progress: Progress | None = None,
) -> Plan:
    """Fetch every CKAN area source and Kolada comparison and compare with the store; nothing is written.
    FetchError stops it.

    `base_url` / `kolada_url` default to `ckan_url()` / `kolada_url()`; `day` is the fetch day the
    source's title and date name, and its year the last one asked of Kolada (default: today in Malmö);
    `on_progress(done, total, label)` is called before each fetch and with (total, total, "klart") at the end.
    """
    base_url = base_url or ckan_url()
    kolada_base = kolada_url or _kolada_default()
    day = day or today()
    found = mappings(con)
    membership = store.run_query(con, "omraden_membership")
    names = dict(zip(membership["omrade_kod"].astype(str), membership["namn"].astype(str), strict=False))
    comparisons: dict[str, list[Mapping]] = {}
    for m in found:
        if m.roll == "jamforelse":
            comparisons.setdefault(m.indikator_kod, []).append(m)
    area = [m for m in found if m.roll == "omrade" and m.tjanst == "ckan"]
    without = [m for m in found if m.roll == "omrade" and m.tjanst != "ckan"]
    kpis = [m for m in found if m.roll == "jamforelse" and m.tjanst == "kolada" and m.resurs]
    total, done = len(area) + len(kpis), 0

    def progress(label: str) -> None:
        if on_progress is not None:
            on_progress(done, total, label)

    indicators = []
    for m in area:
        progress(f"Hämtar {m.indikator_kod} ({m.namn}) från Malmö stads CKAN")
        ind = Indicator(m)
        _fetch(ind, membership, base_url=base_url, timeout=timeout)
        indicators.append(ind)
        done += 1
    compared = []
    for m in kpis:
        progress(f"Hämtar jämförelsen {m.resurs} för {m.indikator_kod} ({m.namn}) från Kolada")
        span = refresh_kolada.years(m.ar_fran, m.ar_till, day.year)
        compared.append(
            refresh_kolada.fetch(
                m.indikator_kod, m.namn, m.resurs, span, base_url=kolada_base, timeout=timeout, faktor=m.faktor
            )
        )
        done += 1
    stored = store.run_query(
        con, "statistik/refresh_indikatorvarden", indikatorer=[i.mapping.indikator_kod for i in indicators]
    )
    for ind in indicators:
        _compare(ind, stored)
    refresh_kolada.compare(compared, refresh_kolada.stored(con, [c.kpi for c in compared]))
    progress(DONE)
    return Plan(base_url, day, indicators, without, comparisons, names, kolada_base, compared)


# ------------------------------------------------------------------------------------ writing


def kalla_titel(ind: Indicator, day: date) -> str:
    return f"{ind.resource['name']} ({DATASET}), hämtad {day.isoformat()}"


def _values(ind: Indicator, changes: list[Change]) -> dict[str, list]:
    return {
        "indikator_kod_list": [ind.mapping.indikator_kod] * len(changes),
        "omrade_kod_list": [c.omrade_kod for c in changes],
        "ar_list": [c.ar for c in changes],
        "varde_list": [c.varde for c in changes],
        "kalla_list": [ind.kalla_id] * len(changes),
    }


def apply(con: store.Connection, p: Plan, *, anvandare: str | None = None, user: User = COMMAND_LINE) -> Path | None:
    """Write the plan in one unit of work after a snapshot, on `con` (left open); the snapshot's path.
    Nothing when nothing differs. Only an administrator may (`user`, checked first): FetchError otherwise."""
    who_name = anvandare or statistik.current_user()
    try:
        unit_of_work.require_admin(con, user, "hämta officiell statistik till indikatorerna")
        if p.n_changes == 0:
            return None
        snap = snapshots.snapshot(con, reason="före stats refresh", optional=True)
        note = f"stats refresh; ögonblicksbild före: {snap.name}" if snap else "stats refresh"
        with unit_of_work.work(con, user, "admin") as w:
            who = User(who_name, who_name, w.user.roll)
            for ind in p.fetched:
                statistik.save_in(w, ind.hamtning, who)
                source = {
                    "kalla_id": ind.kalla_id,
                    "typ": KALLA_TYP,
                    "datum": p.day,
                    "organ": ckan.ATTRIBUTION,
                    "titel": kalla_titel(ind, p.day),
                }
                store.run_rows(w.cur, "write/indikatorvarden_kalla_insert", **source)
                store.run_rows(w.cur, "write/indikatorvarden_kalla_update", **source)
                updates = [c for c in ind.changes if c.old_kalla is not None]
                inserts = [c for c in ind.changes if c.old_kalla is None]
                if updates:
                    store.run_rows(w.cur, "write/indikatorvarden_officiella_update", **_values(ind, updates))
                if inserts:
                    store.run_rows(w.cur, "write/indikatorvarden_officiella_insert", **_values(ind, inserts))
                replaced = sum(1 for c in updates if c.old_kalla == EXEMPELDATA)
                unit_of_work.audit(
                    w.cur,
                    who,
                    HANDLING,
                    "indikatorvarden",
                    ind.mapping.indikator_kod,
                    "varde",
                    f"{ind.exempel_before} exempeldata",
                    f"{len(ind.changes)} ändrade ({replaced} ersatte exempeldata, {len(inserts)} nya) "
                    f"från {ind.kalla_id}",
                    note,
                )
            for c in p.kolada_comparisons:
                if c.to_save:
                    statistik.save_in(w, c.hamtning, who)
    except PermissionError as exc:
        raise FetchError(f"{exc} Inget har sparats.") from None
    except snapshots.SnapshotError as exc:
        raise FetchError(f"{exc} Inget har sparats.") from None
    except (store.Error, NotSaved) as exc:
        raise FetchError(f"Kunde inte spara i databasen ({str(exc).splitlines()[0]}); inget har sparats.") from exc
    return snap


@dataclass(frozen=True)
class Result:
    plan: Plan
    snapshot: Path | None
    written: bool


def refresh(
    db: Path,
    *,
    dry_run: bool = False,
    base_url: str | None = None,
    kolada_url: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    anvandare: str | None = None,
) -> Result:
    """Open the store, plan, and (unless `dry_run`) apply; FetchError says why nothing was written."""
    con = statistik.open_store(db)
    try:
        p = plan(con, base_url=base_url, kolada_url=kolada_url, timeout=timeout)
        if dry_run or p.n_changes == 0:
            return Result(p, None, False)
        snap = apply(con, p, anvandare=anvandare)
        return Result(p, snap, True)
    finally:
        con.close()


def report(result: Result, db: Path, *, dry_run: bool = False) -> list[str]:
    """The plan in lines for the terminal, and what was done."""
    p = result.plan
    lines = [f"Källor enligt indikator_kallor, Malmö stads CKAN {p.base_url}:", *p.lines()]
    if dry_run:
        lines.append(f"Torrkörning: inget har skrivits i {db}; {p.n_changes} värden skulle ändras.")
    elif not result.written:
        lines.append(f"inga ändringar: de officiella värdena finns redan i {db}.")
    else:
        snap = f" Ögonblicksbild före: {result.snapshot}." if result.snapshot else ""
        lines.append(f"Sparade {p.n_changes} ändrade värden i {db}.{snap}")
    lines.append(f"Källa: {ckan.ATTRIBUTION}" + (f"; {kolada.ATTRIBUTION}." if p.kolada_comparisons else "."))
    return lines
