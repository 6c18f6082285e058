"""One small typed function per question a page asks. Pages never see SQL names or SQL text.

Each function takes an optional connection: tests pass an in-memory store, pages pass nothing and
get the app's cached results.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from lokalutveckling.domain import KRAV_OPPNA, UPPDRAG_OPPNA
from lokalutveckling.store import Connection, run_query
from lokalutveckling.store.cache import cached_query, connection


@dataclass(frozen=True)
class Filter:
    """The sidebar's choices; an empty tuple means no restriction."""

    ar: tuple[int, ...] = ()
    finansiering: tuple[str, ...] = ()  # finansiering_kod (funding sources)
    fokus: tuple[str, ...] = ()
    namnder: tuple[str, ...] = ()

    def params(self) -> dict[str, tuple]:
        return {"ar": self.ar, "finansiering": self.finansiering, "fokus": self.fokus, "namnder": self.namnder}


ALL = Filter()


def _q(name: str, con: Connection | None, **params: object) -> pd.DataFrame:
    if con is not None:
        return run_query(con, name, **params)
    return cached_query(name, **params)


def years(con: Connection | None = None) -> list[int]:
    """Years with allocations or insatser, ascending."""
    return [int(y) for y in _q("filter_years", con)["ar"]]


def finansieringskallor(con: Connection | None = None) -> pd.DataFrame:
    """Funding sources: finansiering_kod, namn, namn_en, givare, engangs, aterrapportering, farg, ..."""
    return _q("finansieringskallor", con)


def fokusomraden(con: Connection | None = None) -> pd.DataFrame:
    """The five fokusområden in fixed order: fokus_kod, namn_sv, namn_en, farg, ordning."""
    return _q("fokusomraden", con)


def namnder(con: Connection | None = None) -> pd.DataFrame:
    """Nämnder in list order: namnd_kod, namn, kortnamn, overordnad_kod, ordning."""
    return _q("namnder", con)


def allocations_by_kalla(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Allocated kronor per funding source: finansiering_kod, namn, belopp_kr, n_tilldelningar, kallor."""
    return _q("allocations_by_finansieringskalla", con, **f.params())


def allocations_by_year_and_stadium(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Kronor in the decision documents per year, stadium (beslut/förslag) and decision: ar, stadium,
    beslut_id, organ, datum, paragraf, planerat_organ, planerat_datum, kalla, dokument_rad, belopp_kr,
    finansiering_sv/finansiering_en (the funding sources' short names)."""
    return _q("allocations_by_year_and_stadium", con, **f.params())


def allocations_by_namnd(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Allocated kronor per nämnd and funding source (real decision tables); belopp_kr in kronor."""
    return _q("allocations_by_namnd_and_finansieringskalla", con, **f.params())


def insatser_by_namnd_fokus(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Granted insatser per lead nämnd and primary fokusområde: belopp_kr, n_insatser, n_exempeldata."""
    return _q("insatser_by_namnd_and_fokusomrade", con, **f.params())


def insatser_by_status(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Insatser per lifecycle status in lifecycle order: status, n_insatser, belopp_kr, n_exempeldata."""
    return _q("insatser_by_status", con, **f.params())


def flow(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Kronor from funding source to nämnd to fokusområde, one row per triple."""
    return _q("flow_finansieringskalla_namnd_fokusomrade", con, **f.params())


def presence(on: date, con: Connection | None = None) -> pd.DataFrame:
    """Per statistikområde on a date: har_team, team_start, kraftsamlande, with their sources."""
    return _q("omraden_presence", con, datum=on)


def beslut_timeline(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """The chain of decisions and proposals in date order, with source document and kronor: those of the
    chosen years, and with a källa or nämnd chosen those that allocate money from it or to it (the
    fokusområde filter does not apply: see views.NOT_FOLLOWED_CHAIN)."""
    return _q("beslut_timeline", con, **f.params())


def reconciliation(con: Connection | None = None) -> pd.DataFrame:
    """Declared totals against the sum of their lines: deklarerat_kr, summa_rader_kr, differens_kr."""
    return _q("reconciliation", con)


def tilldelningar_as_written(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Allocation lines as written in the source, with document and line number."""
    return _q("tilldelningar_as_written", con, **f.params())


def kallor(con: Connection | None = None) -> pd.DataFrame:
    """The sources cited in the store and how many rows cite each."""
    return _q("kallor", con)


def data_status(con: Connection | None = None) -> pd.DataFrame:
    """Rows and exempeldata rows per main table, and the build time."""
    return _q("data_status", con)


def reference_date(f: Filter, today: date | None = None) -> date:
    """The date a point-in-time figure refers to: the end of the latest chosen year, or today."""
    today = today or date.today()
    if f.ar:
        return min(date(max(f.ar), 12, 31), today)
    return today


def omraden_membership(con: Connection | None = None) -> pd.DataFrame:
    """Delområde → statistikområde: delomrade_kod, delomrade, omrade_kod, namn (136 rows)."""
    return _q("omraden_membership", con)


def utsatta_omraden(con: Connection | None = None) -> pd.DataFrame:
    """The police's utsatta områden, one row per approximating delområde, with area and source title."""
    return _q("utsatta_omraden", con)


def indikatorer(con: Connection | None = None) -> pd.DataFrame:
    """Indicators by fokusområde: indikator_kod, namn_sv/en, enhet, fokus_kod, hogre_ar_battre, kalla, ar_lista."""
    return _q("indikatorer", con)


def indicator_latest(indikatorer: tuple[str, ...] = (), con: Connection | None = None) -> pd.DataFrame:
    """Each indicator's newest year per statistikområde (only `indikatorer` if given): indikator_kod,
    fokus_kod, hogre_ar_battre, ar, omrade_kod, namn, varde (null when missing), kalla."""
    return _q("indicator_latest_by_area", con, indikatorer=tuple(indikatorer))


def indicator_values(indikator: str, ar: int, con: Connection | None = None) -> pd.DataFrame:
    """One indicator in one year per statistikområde: omrade_kod, namn, varde (null if missing), stadens_varde."""
    return _q("indicator_values_by_area", con, indikator=indikator, ar=ar)


def insatser_by_omrade(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Per statistikområde: n_insatser, kronor (split evenly over an insats' areas), folkmangd, kronor_per_invanare."""
    return _q("insatser_by_omrade", con, **f.params())


def insatser_hela_staden(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Granted insatser for the whole city: n_insatser, kronor (one row)."""
    return _q("insatser_hela_staden", con, **f.params())


def omrade_key_figures(omrade: str, con: Connection | None = None) -> pd.DataFrame:
    """Each indicator's newest value in an område beside Malmö's: indikator_kod, names, enhet, ar, varde, stadens_varde."""
    return _q("omrade_key_figures", con, omrade=omrade)


def omrade_indicator_trend(omrade: str, indikator: str, con: Connection | None = None) -> pd.DataFrame:
    """An indicator per year for the område and for Malmö (omrade_kod '0'): ar, omrade_kod, varde, kalla."""
    return _q("omrade_indicator_trend", con, omrade=omrade, indikator=indikator)


def omrade_insatser(omrade: str, con: Connection | None = None) -> pd.DataFrame:
    """Insatser running in an område and those for the whole city: status, nämnd, fokus, kronor, period."""
    return _q("omrade_insatser", con, omrade=omrade)


def befolkning_omrade(omrade: str, con: Connection | None = None) -> pd.DataFrame:
    """An område's population by age group in its newest year beside Malmö's: indikator_kod, names, ar,
    varde, andel, kalla, stadens_varde, stadens_andel, stadens_kalla."""
    return _q("befolkning_omrade", con, omrade=omrade)


def befolkning_kronor(omrade: str, con: Connection | None = None) -> pd.DataFrame:
    """Kronor per child or young person: per målgrupp and year the område's own granted insatser, kronor,
    the matching age group's population and kronor per person (issue 16)."""
    return _q("befolkning_kronor", con, omrade=omrade)


@dataclass(frozen=True)
class RegisterFilter:
    """The Insatser page's own filters on top of the sidebar's; empty means no restriction."""

    sok: str = ""
    statusar: tuple[str, ...] = ()
    typer: tuple[str, ...] = ()
    omraden: tuple[str, ...] = ()
    malgrupper: tuple[str, ...] = ()
    sok_omraden: tuple[str, ...] = ()  # the areas `sok` names ("Rosengård" -> ('10',)), from area_names.area_codes

    def params(self) -> dict[str, object]:
        return {
            "sok": self.sok.strip(),
            "statusar": self.statusar,
            "typer": self.typer,
            "omraden": self.omraden,
            "malgrupper": self.malgrupper,
            "sok_omraden": self.sok_omraden,
        }


def insatser_register(
    f: Filter = ALL, r: RegisterFilter = RegisterFilter(), con: Connection | None = None
) -> pd.DataFrame:
    """One row per insats for the filters: names, nämnd, fokusområden, areas, partners, money, period, status."""
    return _q("insatser_register", con, **f.params(), **r.params())


def insatser_malgrupper(con: Connection | None = None) -> list[str]:
    """Every målgrupp an insats is aimed at, alphabetical (the register filter's choices)."""
    return list(_q("insatser_malgrupper", con)["malgrupp"])


def insats_pengar(insats_id: str, con: Connection | None = None) -> pd.DataFrame:
    """The allocation, decision and documents an insats' money comes from (no row before it is granted)."""
    return _q("insats_pengar", con, insats_id=insats_id)


def insats_indikatorer(insats_id: str, con: Connection | None = None) -> pd.DataFrame:
    """Indicators of the insats' fokusområden in its areas: before it started, newest, and Malmö's newest."""
    return _q("insats_indikatorer", con, insats_id=insats_id)


def namnder_insatser(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Per nämnd: insatser it leads (n_leder, kr_leder, n per status) and partners in (n_partner)."""
    return _q("namnder_insatser", con, **f.params())


def namnd_insatser(namnd: str, f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """The insatser one nämnd leads or partners in (roll 'leder'/'partner'), for the sidebar filters."""
    return _q("namnd_insatser", con, namnd=namnd, **f.params())


def insatser_flaggor(on: date, f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Insatser needing attention on a date: ingen_uppfoljning_12_man and/or efter_slutdatum per insats."""
    return _q("insatser_flaggor", con, datum=on, **f.params())


def insatser_flaggor_antal(on: date, f: Filter = ALL, con: Connection | None = None) -> pd.Series:
    """How many insatser are flagged on a date: n_ingen_uppfoljning_12_man, n_efter_slutdatum, n_flaggade.
    Counted from the list, so the rule lives in one query (insatser_flaggor)."""
    listed = insatser_flaggor(on, f, con)
    return pd.Series(
        {
            "n_ingen_uppfoljning_12_man": int(listed["ingen_uppfoljning_12_man"].sum()),
            "n_efter_slutdatum": int(listed["efter_slutdatum"].sum()),
            "n_flaggade": len(listed),
        }
    )


def insats_uppfoljningar(insats_id: str, con: Connection | None = None) -> pd.DataFrame:
    """An insats' follow-ups, newest first: datum, vem, vad, rackvidd, effekt, underlag, kalla."""
    return _q("register/uppfoljningar", con, insats_id=insats_id)


def insats_statushistorik(insats_id: str, con: Connection | None = None) -> pd.DataFrame:
    """An insats' status moves in order: datum, fran_status, till_status, anledning, mottagande nämnd, belopp."""
    return _q("register/statushistorik", con, insats_id=insats_id)


def insats_andringar(insats_id: str, con: Connection | None = None) -> pd.DataFrame:
    """Every change made in the app to an insats and its follow-ups: tid, anvandare, handling, falt, old, new."""
    return _q("register/andringar", con, insats_id=insats_id)


def anvandare(con: Connection | None = None) -> pd.DataFrame:
    """The accounts (never the password hash): anvandarnamn, namn, e_post, roll, aktiv, har_losenord."""
    if con is not None:
        return run_query(con, "register/anvandare")
    # Not cached: an admin must see an account the moment it is added.
    cursor = connection().cursor()
    try:
        return run_query(cursor, "register/anvandare")
    finally:
        cursor.close()


def kvalitet(name: str, con: Connection | None = None) -> pd.DataFrame:
    """One data quality check from queries/kvalitet/ (each returns the rows concerned; none = fine)."""
    return _q(f"kvalitet/{name}", con)


def statistik_omrade(omrade: str, con: Connection | None = None) -> pd.DataFrame:
    """Fetched official statistics for one statistikområde (newest fetch of each table, newest year per
    variable) beside Malmö: tjanst, tabell_id/namn, variabel_namn, ar, varde, enhet, komplett, anmarkning,
    stadens_varde, stadens_komplett, hamtad, url, attribution. Empty until `python -m lokalutveckling stats` has run."""
    return _q("statistik/omrade", con, omrade=omrade)


def statistik_hamtningar(con: Connection | None = None) -> pd.DataFrame:
    """Every fetch of official statistics, newest first: service, table, reference year, time, rows, rule."""
    return _q("statistik/hamtningar", con)


def statistik_jamforelse(con: Connection | None = None) -> pd.DataFrame:
    """The fetched Kolada comparisons beside the indicators (issue 16): per indicator and KPI of the mapping
    (roll 'jamforelse'), kpi, kpi_titel, the mapping's faktor and sakerhet, the newest year Malmö, Stockholm and
    Göteborg all have (ar) and their values as Kolada gives them (malmo, stockholm, goteborg), hamtad,
    attribution, url. Empty until a comparison is fetched."""
    return _q("statistik/jamforelse", con)


def uppdrag(idag: date, con: Connection | None = None) -> pd.DataFrame:
    """Every uppdrag (mandate) from the decision documents and the app: who gave it (givare_organ,
    givet_paragraf, givet_punkt, givet_stadium förslag/beslut), who holds it (mottagare), what (citat, kalla,
    dokument_rad), senast, status, the report-back (aterrapport_*), and `oppet`/`forfallet` on `idag`."""
    return _q("uppdrag", con, idag=idag, oppna=UPPDRAG_OPPNA)


def aterrapporteringskrav(idag: date, con: Connection | None = None) -> pd.DataFrame:
    """Every återrapporteringskrav per funding source and year: rapportor, mottagare, innehall, citat,
    senast, aterbetalning, status (ej påbörjad, pågår, inlämnad, godkänd), and `oppet`/`forfallet` on `idag`."""
    return _q("aterrapporteringskrav", con, idag=idag, oppna=KRAV_OPPNA)


# ---- återrapport (issue 15)
def aterrapport_insatser(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """The insatser paid from the filter's funding sources whose allocation is of its years (rendering.aterrapport):
    insats_id, namn, namnd (namn_en), tilldelning_id with the allocation's mottagare_text, kalla and dokument_rad,
    belopp_kr, dates, status, hela_staden, omraden (names, '; '), kalla, n_uppfoljningar, the latest counted
    rackvidd (rackvidd_datum), the latest effekt (effekt_datum, underlag, effekt_kalla), and for an avbruten or
    avslutad insats its move there (stopp_datum, stopp_anledning, stopp_kalla)."""
    return _q("aterrapport_insatser", con, **f.params())
