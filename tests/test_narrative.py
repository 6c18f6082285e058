"""The sentences under the charts (lokalutveckling.narrative) against the figures they describe: the amounts
of the seed documents' rows in Swedish format, the stage as written (a förslag never a beslut), exempeldata
said where it applies, the empty and single cases, English, the page showing them, and no effect claims."""

from __future__ import annotations

import csv
import html
import re
from datetime import date

import numpy as np
import pandas as pd

from lokalutveckling import data, figures, maps, narrative
from lokalutveckling.format import fmt_kr, fmt_number, fmt_pct
from lokalutveckling.paths import ROOT
from lokalutveckling.store import cache
from lokalutveckling.views import money
from tests.test_pages import run_app

NBSP = "\u00a0"
SEED = ROOT / "data" / "seed"
Y2022 = data.Filter(ar=(2022,))
AREA = "10"  # Örtagården, Herrgården m fl
# Words that would claim what an insats brought about (the sentences only say what the figures are).
EFFECT_CLAIMS = re.compile(
    r"ledde till|leder till|lett till|på grund av|tack vare|resulterade|bidrog till|effekt|orsak|"
    r"led to|because of|due to|thanks to|resulted in|contributed to|effect|caused",
    re.IGNORECASE,
)


def kr(value: int) -> str:
    """Kronor as the sentences write them: '18 600 000 kr' with no-break spaces."""
    return f"{value:,}".replace(",", NBSP) + f"{NBSP}kr"


def seed_rows(name: str) -> list[dict[str, str]]:
    with (SEED / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def seed_2022() -> tuple[dict[str, int], dict[str, int]]:
    """The 2022 rows of tilldelningar.csv: kronor per funding source, and per nämnd (its short name)."""
    short = {r["namnd_kod"]: r["kortnamn"] for r in seed_rows("namnder.csv")}
    per_source: dict[str, int] = {}
    per_namnd: dict[str, int] = {}
    for r in seed_rows("tilldelningar.csv"):
        if r["ar"] == "2022":
            per_source[r["finansiering_kod"]] = per_source.get(r["finansiering_kod"], 0) + int(r["belopp_kr"])
            name = short[r["namnd_kod"]]
            per_namnd[name] = per_namnd.get(name, 0) + int(r["belopp_kr"])
    return per_source, per_namnd


def test_allocations_2022_say_the_rows_amounts_the_proposal_and_the_three_largest(con):
    text = narrative.allocations(data.allocations_by_namnd(Y2022, con), "sv")
    per_source, per_namnd = seed_2022()
    assert per_source == {"ks_anslag": 15_000_000, "sos_statsbidrag": 18_600_000}  # the rows, not the declared 19,7
    assert f"Beloppen för 2022: {kr(33_600_000)} enligt förslag av Stadskontoret 2022-08-12" in text
    assert f"{kr(15_000_000)} ur KS anslag till förfogande och {kr(18_600_000)} ur Statsbidrag Socialstyrelsen" in text
    assert "beslut planerat i KS 2022-08-17" in text  # who proposed it, and where it is to be decided
    assert "enligt beslut" not in text and "2022 års beslut" not in text  # a förslag is never called a beslut
    top = sorted(per_namnd.items(), key=lambda item: -item[1])[:3]
    assert [name for name, _ in top] == ["Grundskola", "Kommunstyrelsen (stadskontoret)", "Arbetsmarknad och social"]
    listed = ", ".join(f"{name} {kr(v)}" for name, v in top[:2]) + f" och {top[2][0]} {kr(top[2][1])}"
    assert f"2022 års förslag ger mest till {listed}." in text
    assert "exempeldata" not in text  # real amounts from the documents


def test_allocations_keep_years_and_stages_apart(con):
    text = narrative.allocations(data.allocations_by_namnd(data.ALL, con), "sv")
    assert f"2018: {kr(290_000)} (enligt beslut av Delmos)" in text  # the one decision in the sources
    assert f"2024: {kr(5_300_000)} (enligt förslag av KSAU 2024-09-09 § 414, beslut planerat i KS)" in text
    assert f"2025: {kr(12_600_000)} (enligt förslag av KSAU 2024-09-09 § 414, beslut planerat i KF)" in text
    assert "2024 och 2025 års förslag går helt till Fritid." in text
    every = sum(int(r["belopp_kr"]) for r in seed_rows("tilldelningar.csv"))
    assert kr(every) not in text and fmt_kr(15_000_000 + 5_300_000) not in text  # no sum across years or stages


def test_namnd_fokus_names_the_largest_cells_of_the_heatmap_and_says_exempeldata(con):
    matrix = data.insatser_by_namnd_fokus(Y2022, con)
    fig = figures.heatmap_namnd_fokus(matrix, data.fokusomraden(con), lang="sv")
    z = np.nan_to_num(np.array(fig.data[0].z, dtype=float))
    columns, rows = list(fig.data[0].x), list(fig.data[0].y)
    fokus, namnd = columns[int(z.sum(axis=0).argmax())], rows[int(z.sum(axis=1).argmax())]
    text = narrative.namnd_fokus(matrix, data.allocations_by_year_and_stadium(Y2022, con), "sv")
    assert f"Figuren visar {kr(int(z.sum()))} i {int(matrix['n_insatser'].sum())} insatser" in text
    assert f"Störst fokusområde är {html.unescape(fokus)} med {kr(int(z.sum(axis=0).max()))}" in text
    assert f"är {html.unescape(namnd)} med {kr(int(z.sum(axis=1).max()))}" in text
    assert "för 2022; beloppen bygger på förslag" in text
    assert "Fördelningen på insatser och fokusområden är exempeldata." in text


def test_namnd_fokus_over_several_years_is_named_a_sum_of_them(con):
    text = narrative.namnd_fokus(
        data.insatser_by_namnd_fokus(data.ALL, con), data.allocations_by_year_and_stadium(data.ALL, con), "sv"
    )
    assert "summa över 4 år (2018, 2022, 2024 och 2025), inte ett års pengar" in text
    assert "både beslut och förslag" in text


def test_flow_gives_each_source_as_the_sankey_draws_it(con):
    df = data.flow(Y2022, con)
    sankey = figures.sankey_flow(df, lang="sv").data[0]
    labels = [html.unescape(x) for x in sankey.node.label]
    out: dict[str, float] = {}
    for source, value in zip(sankey.link.source, sankey.link.value, strict=True):
        out[labels[source]] = out.get(labels[source], 0) + value
    sources = [
        r["namn"] for r in seed_rows("finansieringskallor.csv") if r["finansiering_kod"] in set(df["finansiering_kod"])
    ]
    text = narrative.flow(df, data.allocations_by_year_and_stadium(Y2022, con), "sv")
    assert text.startswith("Flödet visar pengarna från 2 finansieringskällor för 2022: ")
    for name in sources:
        assert f"{name} {kr(int(out[name]))}" in text
    assert out[sources[1]] == 18_600_000  # Socialstyrelsen's money as in the rows
    assert "exempeldata" in text and "beloppen bygger på förslag" in text


def test_status_counts_as_the_bars_and_says_exempeldata(con):
    df = data.insatser_by_status(data.ALL, con)
    bars = figures.status_bars(df, lang="sv").data[0]
    counts = dict(zip(bars.x, bars.y, strict=True))
    text = narrative.status(df, "sv")
    assert f"De {sum(counts.values())} insatserna i urvalet per status: " in text
    assert f"{counts['pågående']} pågående" in text and f"{counts['avslutad']} avslutade" in text
    real = int((df["n_insatser"] - df["n_exempeldata"]).sum())
    assert real == 1  # Delmos' förstudie is the one real insats
    assert f"{sum(counts.values()) - real} av insatserna är exempeldata." in text


def test_timeline_counts_decisions_and_proposals_from_first_to_last(con):
    df = data.beslut_timeline(data.ALL, con)
    fig = figures.decision_timeline(df, lang="sv")
    points = {trace.name: len(trace.x) for trace in fig.data}
    text = narrative.timeline(df, "sv")
    assert points == {"beslut": 5, "förslag": 6}
    assert "Beslutskedjan visar 11 steg ur källdokumenten, från 2018 (bara årtal i källan) till 2024-09-09" in text
    assert ": 5 beslut och 6 förslag." in text
    assert "Senast: 2 förslag av KSAU 2024-09-09 § 414, beslut planerat i KF och KS." in text


def test_timeline_of_one_step_names_it(con):
    text = narrative.timeline(data.beslut_timeline(Y2022, con), "sv")
    assert text == (
        "Beslutskedjan visar ett steg ur källdokumenten: 1 förslag av Stadskontoret 2022-08-12, "
        "beslut planerat i KS 2022-08-17."
    )


def indicator_values(indikator: str, omrade: str) -> dict[int, float]:
    """indikatorvarden.csv for one indicator and area: year -> value (Malmö is area '0')."""
    return {
        int(r["ar"]): float(r["varde"])
        for r in seed_rows("indikatorvarden.csv")
        if r["indikator_kod"] == indikator and r["omrade_kod"] == omrade and r["varde"]
    }


def trend_text(con, indikator: str, lang: str = "sv") -> str:
    name = data.presence(date.today(), con).set_index("omrade_kod").loc[AREA, "namn"]
    row = data.omrade_key_figures(AREA, con).set_index("indikator_kod").loc[indikator]
    return narrative.trend(data.omrade_indicator_trend(AREA, indikator, con), row, AREA, name, lang)


def test_trend_compares_the_area_with_malmo_and_since_the_first_year(con):
    area, city = indicator_values("forvarvsfrekvens", AREA), indicator_values("forvarvsfrekvens", "0")
    first, last = min(area), max(area)
    text = trend_text(con, "forvarvsfrekvens")
    gap = fmt_number(abs(area[last] - city[last]))
    assert text.startswith(
        f"Förvärvsfrekvens 20–64 år: {fmt_pct(area[last])} i Örtagården, Herrgården m fl år {last}, "
        f"mot {fmt_pct(city[last])} i Malmö ({gap} procentenheter " + ("lägre" if area[last] < city[last] else "högre")
    )
    assert first == 2016
    rise = fmt_number(area[last] - area[first])
    assert (
        f"Från 2016 till {last} gick området från {fmt_pct(area[first])} till {fmt_pct(area[last])} (+{rise} " in text
    )
    assert f"Malmö från {fmt_pct(city[first])} till {fmt_pct(city[last])}" in text
    assert text.endswith("Indikatorvärdena är exempeldata.")


def test_trend_of_a_rate_per_inhabitant_does_not_repeat_the_unit_in_the_name(con):
    text = trend_text(con, "valdsbrott")
    area = indicator_values("valdsbrott", AREA)
    assert text.startswith(f"Anmälda våldsbrott per 1 000 invånare: {fmt_number(area[max(area)])} i Örtagården")
    assert text.count("per 1 000 invånare") == 1
    assert "\u2212" in text or "+" in text  # the movement has a sign (a true minus when it fell)


def test_trend_of_an_election_starts_at_its_first_year(con):
    assert "Från 2018 till 2022" in trend_text(con, "valdeltagande")


def test_area_summary_says_team_kraftsamling_insatser_and_exempeldata(con):
    presence = data.presence(date.today(), con).set_index("omrade_kod").loc[AREA]
    insatser = data.omrade_insatser(AREA, con)
    text = narrative.area_summary(presence, insatser, presence["namn"], "sv")
    own = int((~insatser["hela_staden"]).sum())
    assert text.startswith("Örtagården, Herrgården m fl har områdesteam sedan 2019-01-01 och är kraftsamlande.")
    assert f"Insatser i området: {own} (" in text and f"för hela staden: {len(insatser) - own}." in text
    assert "exempeldata" in text


def test_need_names_the_flagged_areas(con):
    result = pd.DataFrame(
        {
            "omrade_kod": ["1", "2", "3"],
            "namn": ["Ett", "Två", "Tre"],
            "behovsindex": [0.5, 1.5, None],
            "flagga": [False, True, False],
        }
    )
    text = narrative.need(result, ["a", "b"], "sv")
    head = (
        "Med 2 indikatorer har 2 av 3 områden ett behovsindex; högst är det i Två. Regeln flaggar Två för högt "
        "behov och låg närvaro. Områdesteam och kraftsamling är exempeldata."
    )
    assert text == f"{head} Indikatorvärdena är exempeldata."
    # Official values among them: how many are still exempeldata; none: nothing said of the values.
    some = narrative.need(result, ["a", "b"], "sv", kallor=pd.Series(["exempeldata", "ckan:abc", "ckan:abc"]))
    assert some == f"{head} 1 av 3 indikatorvärden är exempeldata, de övriga officiell statistik."
    assert narrative.need(result, ["a", "b"], "sv", kallor=pd.Series(["ckan:abc"] * 3)) == head


def allocation_rows(**changes: object) -> pd.DataFrame:
    """One hand-made allocation row (the columns of data.allocations_by_namnd), with `changes`."""
    row = {
        "namnd_kod": "KN",
        "kortnamn": "Kultur",
        "ar": 2023,
        "stadium": "beslut",
        "beslut_id": "B1",
        "organ": "KS",
        "datum": pd.Timestamp("2023-03-01"),
        "paragraf": "§ 12",
        "planerat_organ": None,
        "planerat_datum": pd.NaT,
        "finansiering_kod": "ks_anslag",
        "kalla_kortnamn": "KS anslag",
        "kalla_kortnamn_en": "KS budget",
        "kalla_ordning": 1,
        "belopp_kr": 1_250_000.0,
    }
    return pd.DataFrame([{**row, **changes}])


def test_one_namnd_decided(con):
    text = narrative.allocations(allocation_rows(), "sv")
    assert text == (
        f"Beloppen för 2023: {kr(1_250_000)} enligt beslut av KS 2023-03-01 § 12. 2023 års beslut går helt till Kultur."
    )


def test_empty_frames_say_there_is_nothing_for_the_filters():
    empty = "Figuren har inga siffror för de valda filtren."
    frame = allocation_rows().iloc[0:0]
    assert narrative.allocations(frame, "sv") == empty
    assert narrative.namnd_fokus(pd.DataFrame(columns=["belopp_kr"]), None, "sv") == empty
    assert narrative.flow(pd.DataFrame(columns=["belopp_kr"]), None, "sv") == empty
    assert narrative.status(pd.DataFrame(columns=["status", "n_insatser", "n_exempeldata"]), "sv") == empty
    assert narrative.timeline(pd.DataFrame(columns=["stadium"]), "sv") == empty
    assert narrative.need(pd.DataFrame(columns=["behovsindex", "flagga", "namn"]), [], "en") == (
        "The figure has nothing for the chosen filters."
    )


def test_english(con, monkeypatch):
    namnder = data.namnder(con)
    monkeypatch.setattr(data, "namnder", lambda con=None: namnder)  # the English names without the app's store
    text = narrative.allocations(data.allocations_by_namnd(Y2022, con), "en")
    assert f"The amounts for 2022: SEK{NBSP}33,600,000 as proposed by Stadskontoret 2022-08-12" in text
    assert "decision planned in KS 2022-08-17" in text
    assert (
        f"The 2022 proposal gives most to Compulsory school SEK{NBSP}5,120,000, City Executive Board (City Office) "
        f"SEK{NBSP}5,000,000 and Labour market and social services SEK{NBSP}4,000,000." in text
    )
    assert "förslag" not in text
    status = narrative.status(data.insatser_by_status(Y2022, con), "en")
    assert "running" in status and "All the measures are example data (exempeldata)." in status
    assert trend_text(con, "forvarvsfrekvens", "en").startswith("Employment rate 20–64: ")


def default_sentences(con) -> list[str]:
    """Every sentence the pages make for the default data (no filters, and 2022), both languages."""
    out = []
    for f in (data.ALL, Y2022):
        money = data.allocations_by_year_and_stadium(f, con)
        out += [
            narrative.allocations(data.allocations_by_namnd(f, con), "sv"),
            narrative.namnd_fokus(data.insatser_by_namnd_fokus(f, con), money, "sv"),
            narrative.flow(data.flow(f, con), money, "sv"),
            narrative.status(data.insatser_by_status(f, con), "sv"),
            narrative.timeline(data.beslut_timeline(f, con), "sv"),
        ]
    for year in range(2016, date.today().year + 1):
        out.append(narrative.presence_map(data.presence(date(year, 12, 31), con), year, None, "sv"))
    presence = data.presence(date.today(), con).set_index("omrade_kod")
    for kod in presence.index:
        key_figures = data.omrade_key_figures(kod, con).set_index("indikator_kod")
        for indikator in key_figures.index[key_figures["fokus_kod"].notna()]:
            trend = data.omrade_indicator_trend(kod, indikator, con)
            for lang in ("sv", "en"):
                out.append(narrative.trend(trend, key_figures.loc[indikator], kod, presence.loc[kod, "namn"], lang))
        out.append(
            narrative.area_summary(presence.loc[kod], data.omrade_insatser(kod, con), presence.loc[kod, "namn"], "sv")
        )
    return out


def test_no_sentence_claims_an_effect(con):
    made = default_sentences(con)
    assert len(made) > 100
    for text in made:
        assert not EFFECT_CLAIMS.search(text), text
        assert "nan" not in text.split() and "None" not in text, text


def test_oversikt_shows_the_sentence_under_the_chart(db_file):
    at = run_app(ar="2022")
    shown = [m.value for m in at.markdown]
    assert any(
        f"Beloppen för 2022: {kr(33_600_000)} enligt förslag av Stadskontoret 2022-08-12" in html.unescape(m)
        for m in shown
    )
    report = at.session_state["_vy"]
    charts = {c.key: c for c in report.items if hasattr(c, "sentence")}
    assert kr(18_600_000) in charts["tilldelning_per_namnd"].sentence
    assert "exempeldata" in charts["namnd_fokus"].sentence and "exempeldata" in charts["status"].sentence
    assert charts["beslutskedja"].sentence.startswith("Beslutskedjan visar ett steg")


def test_omrade_shows_the_trend_sentence(db_file):
    at = run_app(
        "pages/omrade.py",
        omrade="Örtagården, Herrgården m fl",
        omrade_indikator="Arbetsmarknad: Förvärvsfrekvens 20–64 år",
    )
    shown = "\n".join(html.unescape(m.value) for m in at.markdown)
    assert (
        "Förvärvsfrekvens 20–64 år: " in shown and "i Malmö (" in shown and "Indikatorvärdena är exempeldata." in shown
    )


def test_map_counts_the_teams_and_names_the_kraftsamlande_areas_of_the_year(con):
    on = date(2025, 12, 31)
    teams = [r for r in seed_rows("omradesteam.csv") if r["startdatum"] <= on.isoformat()]
    kraft = [r["omrade_kod"] for r in seed_rows("kraftsamling.csv") if r["startdatum"] <= on.isoformat()]
    presence = data.presence(on, con)
    short = {k: n.split(",")[0] for k, n in zip(presence["omrade_kod"], presence["namn"], strict=True)}
    text = narrative.presence_map(presence, 2025, None, "sv")
    names = ", ".join(short[k] for k in kraft[:-1]) + f" och {short[kraft[-1]]}"
    assert text == (
        f"År 2025 har {len(teams)} av 14 områden områdesteam, och {len(kraft)} är kraftsamlande: {names}. "
        "Områdesteam och kraftsamling är exempeldata."
    )
    assert narrative.presence_map(data.presence(date(2022, 12, 31), con), 2022, None, "sv").startswith(
        "År 2022 har 7 av 14 områden områdesteam; inget är kraftsamlande."
    )


def test_map_coloured_by_an_indicator_names_its_highest_and_lowest_area(con):
    values = data.indicator_values("forvarvsfrekvens", 2024, con)
    city = float(values["stadens_varde"].dropna().iloc[0])
    layer = maps.IndicatorLayer(values, "Förvärvsfrekvens 20–64 år", "procent", 2024, True, city)
    presence = data.presence(date.today(), con)
    text = narrative.presence_map(presence, 2026, layer, "sv")
    top = values.loc[values["varde"].idxmax()]
    low = values.loc[values["varde"].idxmin()]
    assert f"högst i {top['namn'].split(',')[0]} ({fmt_pct(top['varde'])})" in text
    assert f"lägst i {low['namn'].split(',')[0]} ({fmt_pct(low['varde'])}); Malmö som helhet {fmt_pct(city)}." in text
    assert text.endswith("Indikatorvärdena är exempeldata.")
    # Some areas' values official: how many are still exempeldata; all official: nothing said of them.
    mixed = values.assign(kalla=["ckan:abc"] * 4 + list(values["kalla"].iloc[4:]))
    layer = maps.IndicatorLayer(mixed, "Förvärvsfrekvens 20–64 år", "procent", 2024, True, city)
    text = narrative.presence_map(presence, 2026, layer, "sv")
    assert text.endswith(
        f"{len(values) - 4} av {len(values)} indikatorvärden är exempeldata, de övriga officiell statistik."
    )
    layer = maps.IndicatorLayer(
        values.assign(kalla="ckan:abc"), "Förvärvsfrekvens 20–64 år", "procent", 2024, True, city
    )
    assert "exempeldata" not in narrative.presence_map(presence, 2026, layer, "sv")


def test_behov_and_namnder_show_their_sentences(db_file):
    shown = "\n".join(html.unescape(m.value) for m in run_app("pages/behov.py").markdown)
    assert "Med 5 indikatorer har 14 av 14 områden ett behovsindex" in shown and "Regeln flaggar " in shown
    shown = "\n".join(html.unescape(m.value) for m in run_app("pages/namnder.py", ar="2022").markdown)
    assert f"2022 års förslag ger mest till Grundskola {kr(5_120_000)}" in shown
    assert "Fördelningen på insatser och fokusområden är exempeldata." in shown


def test_the_allocation_sentence_is_written_once_per_filter_and_again_after_a_write(db_file):
    """Översikt and Nämnder share it (store.cache.cached_text), and cache.clear() — which every write
    runs — makes the next run write it from the store again."""
    first = money.allocation_sentence(Y2022, "sv")
    assert first == narrative.allocations(data.allocations_by_namnd(Y2022), "sv")
    assert money.allocation_sentence(Y2022, "sv") is first  # shared, not written again
    cache.clear()
    again = money.allocation_sentence(Y2022, "sv")
    assert again == first and again is not first
