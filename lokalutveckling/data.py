"""One small typed function per question a page asks. Pages never see SQL names or SQL text.

Each function takes an optional connection: tests pass an in-memory store, pages pass nothing and
get the app's cached results.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from lokalutveckling.analys.effekt import EffectRule, InsatsSignal, Underlag, all_signals, insats_signal
from lokalutveckling.domain import KRAV_OPPNA, UPPDRAG_OPPNA
from lokalutveckling.store import Connection, run_query
from lokalutveckling.store.cache import cached_query, cached_value, connection


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


# ---- effect signal underlag (issue 17, H1)
def effekt_underlag(con: Connection | None = None) -> Underlag:
    """Everything effekt's signals are computed from: the statistikområden's values ('1'..'14', every year),
    the indicators, the insatser (with primar_fokus and malgrupp), their områden and fokusområden, and the
    target indicators editors chose (insats_malindikatorer)."""
    return Underlag(
        values=_q("effekt/varden", con),
        indikatorer=_q("effekt/indikatorer", con),
        insatser=_q("effekt/insatser", con),
        omraden=_q("effekt/omraden", con),
        fokus=_q("effekt/fokus", con),
        malindikatorer=_q("effekt/malindikatorer", con),
    )


def effekt_signaler(rule: EffectRule | None = None, con: Connection | None = None) -> dict[str, InsatsSignal]:
    """Every insats's effect signal under `rule` (effekt.all_signals over effekt_underlag); pages share one
    computation per store version (store.cache.cached_value, forgotten with the cached queries)."""
    rule = rule or EffectRule()
    if con is not None:
        return all_signals(effekt_underlag(con), rule)
    return cached_value("effekt_signaler", repr(rule), lambda: all_signals(_shared_underlag(), rule))  # type: ignore[return-value]


def effekt_signal(insats_id: str, rule: EffectRule | None = None, con: Connection | None = None) -> InsatsSignal:
    """One insats's effect signal (the insats detail): computed once per store version and insats."""
    rule = rule or EffectRule()
    if con is not None:
        return insats_signal(effekt_underlag(con), insats_id, rule)
    key = f"{insats_id}|{rule!r}"
    return cached_value("effekt_signal", key, lambda: insats_signal(_shared_underlag(), insats_id, rule))  # type: ignore[return-value]


def _shared_underlag() -> Underlag:
    """The app's underlag, read and prepared once per store version and shared by every signal computed from
    it (its arrays and the signals it has already computed)."""
    return cached_value("effekt_underlag", "", effekt_underlag)  # type: ignore[return-value]


def stopp_insatser(con: Connection | None = None) -> pd.DataFrame:
    """Every insats for the stop-candidate list (H2): insats_id, namn, namnd_kod, namnd, namnd_en, status,
    startdatum, slutdatum, hela_staden, fokus_kod, kalla."""
    return _q("effekt/stopp_insatser", con)


def stopp_uppfoljningar(con: Connection | None = None) -> pd.DataFrame:
    """Every follow-up (H2, the stop candidates): uppfoljning_id, insats_id, datum, vem, effekt (null when not
    judged), underlag, kalla."""
    return _q("effekt/stopp_uppfoljningar", con)


# ---- end of effect signal underlag
# ---- target indicators chosen by editors (issue 17, H3)
# ---- end of target indicators
# ---- Agenda 2030 (issue 17, H4)
def agenda2030_taggning(con: Connection | None = None) -> pd.DataFrame:
    """The project's classification of the indicators against Agenda 2030, in the indicators' order:
    indikator_kod, namn_sv/en, enhet, fokus_kod, fokus_sv/en, hogre_ar_battre, dimension (social, ekologisk,
    ekonomisk), mal ('1;10'), delmal ('1.2;10.2'), motivering, kalla (projektet_agenda2030)."""
    return _q("agenda2030/taggning", con)


def globala_mal(con: Connection | None = None) -> pd.DataFrame:
    """FN:s 17 globala mål by number: mal, namn_sv, namn_en, kalla."""
    return _q("agenda2030/globala_mal", con)


def agenda2030_insats_indikatorer(insats_id: str, con: Connection | None = None) -> pd.DataFrame:
    """An insats's candidate target indicators: urval 'vald' (chosen by an editor) and 'fokus' (of its
    fokusområden), indikator_kod, ordning (agenda2030.target_indicators picks)."""
    return _q("agenda2030/insats_indikatorer", con, insats_id=insats_id)


# ---- end of Agenda 2030
# ---- barn och unga (issue 17, H5)
BARN_GRUPPER = ("kraftsamlande", "ovriga", "malmo")  # barn_kraftsamling's groups, in the order shown


def barn_omraden(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Barn och unga per statistikområde and year (queries/barn/omraden.sql): barn_kronor (granted area-level
    insatser for barn 0–5, barn 6–15, unga 16–24, split evenly over an insats' areas as on Karta), alla_kronor,
    barn_andel, barn_insatser, barn_exempel (and their ids), kallor, befolkning_0_19 of befolkning_ar (that
    year, else the newest earlier one), befolkning_kalla, kronor_per_barn, kraftsamlande (31 December), kraft_kalla."""
    return _q("barn/omraden", con, **f.params())


def barn_kraftsamling(f: Filter = ALL, con: Connection | None = None) -> pd.DataFrame:
    """Per year and group (BARN_GRUPPER: the areas kraftsamlande that year, the other areas, Malmö = all 14):
    omraden (how many), namn (their names), barn_kronor and alla_kronor summed over the group's areas, barn_andel,
    befolkning_0_19 summed over those with a population value, kronor_per_barn = their kronor / their population
    (a ratio of sums, not a mean of the areas' ratios), barn_insatser and barn_exempel (distinct insatser: one in
    several of the group's areas counts once), befolkning_ar, kallor. A group without areas has zeros and no ratio.
    The app computes it once per store version and filter (store.cache.cached_value)."""
    if con is None:
        return cached_value("barn_kraftsamling", repr(f), lambda: _barn_kraftsamling(f, None))  # type: ignore[return-value]
    return _barn_kraftsamling(f, con)


def _barn_kraftsamling(f: Filter, con: Connection | None) -> pd.DataFrame:
    areas = barn_omraden(f, con)
    rows = []
    for ar, year in areas.groupby("ar", sort=True):
        parts = {"kraftsamlande": year[year["kraftsamlande"]], "ovriga": year[~year["kraftsamlande"]], "malmo": year}
        for grupp in BARN_GRUPPER:
            rows.append({"ar": int(ar), "grupp": grupp, **_barn_group(parts[grupp])})
    columns = ["ar", "grupp", "omraden", "namn", "barn_kronor", "alla_kronor", "barn_andel", "befolkning_0_19"]
    columns += ["kronor_per_barn", "barn_insatser", "barn_exempel", "befolkning_ar", "kallor"]
    return pd.DataFrame(rows, columns=columns)


def barn_kraftsamlande_omraden(con: Connection | None = None) -> pd.DataFrame:
    """The kraftsamlande områden's periods: omrade_kod, namn, startdatum, slutdatum (null while it lasts), kalla."""
    return _q("barn/kraftsamling", con)


def _barn_group(part: pd.DataFrame) -> dict[str, object]:
    """barn_kraftsamling's figures for one group of areas in one year."""
    counted = part[part["befolkning_0_19"].notna()]
    kronor, alla, befolkning = part["barn_kronor"].sum(), part["alla_kronor"].sum(), counted["befolkning_0_19"].sum()
    return {
        "omraden": len(part),
        "namn": list(part["namn"]),
        "barn_kronor": float(kronor),
        "alla_kronor": float(alla),
        "barn_andel": kronor / alla if alla else None,
        "befolkning_0_19": float(befolkning) if len(counted) else None,
        "kronor_per_barn": counted["barn_kronor"].sum() / befolkning if befolkning else None,
        "barn_insatser": len({i for ids in part["barn_insats_ids"] for i in ids}),
        "barn_exempel": len({i for ids in part["barn_exempel_ids"] for i in ids}),
        "befolkning_ar": int(counted["befolkning_ar"].max()) if len(counted) else None,
        "kallor": ", ".join(sorted({k for v in part["kallor"].dropna() for k in v.split(", ")})) or None,
    }


# ---- end of barn och unga
