"""Barn och unga as a reader sees it (issue 17, item 4): the children's share on Område (pages/omrade.py,
through views.befolkning.section), Karta's barn och unga layer and the kraftsamlande areas against the rest
(views.barn.karta_layer and kraftsamling_section, run through tests/views/barn_app.py until Karta places
them). The figures are computed by hand from the seed CSVs (tests/test_barn_queries.by_hand)."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import data, figures, maps
from lokalutveckling.figures import barn as barn_figures
from lokalutveckling.format import fmt_int, fmt_kr, fmt_pct
from lokalutveckling.paths import ROOT
from lokalutveckling.views import barn
from tests.test_barn_queries import by_hand, rows

ENTRY = str(ROOT / "dashboard.py")
APP = str(ROOT / "tests" / "views" / "barn_app.py")
AREAS = [str(k) for k in range(1, 15)]


def _groups(year: int) -> dict[str, float | None]:
    """Kronor per inhabitant 0–19 by hand: the kraftsamlande areas, the others and Malmö (sums over sums)."""
    hand = by_hand()
    kraft = {a for a in AREAS if hand[(a, year)]["kraftsamlande"]}

    def per(members: set[str]) -> float | None:
        if not members:
            return None
        return sum(hand[(a, year)]["barn"] for a in members) / sum(hand[(a, year)]["population"] for a in members)

    return {"kraftsamlande": per(kraft), "ovriga": per(set(AREAS) - kraft), "malmo": per(set(AREAS))}


def _omrade(area: str, lang: str = "sv", *, table: bool = False) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=90)
    at.query_params["omrade"] = area
    if lang != "sv":
        at.query_params["lang"] = lang.upper()
    if table:
        at.query_params[f"table_barn_andel_{area}"] = "true"
    at.switch_page("pages/omrade.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_omrade_says_the_childrens_share_per_year(db_file):
    at = _omrade("14")
    hand = by_hand()
    texts = " ".join(m.value for m in at.markdown)
    assert "Barn och ungas andel av områdets kronor" in texts
    y25, y22 = hand[("14", 2025)], hand[("14", 2022)]
    g25, g22 = _groups(2025), _groups(2022)
    # The sentence, as the page writes it (Markdown-literal: ':' and '(' as character references).
    sentence = next(m.value for m in at.markdown if m.value.startswith("2022&#58;"))
    assert (
        f"{fmt_kr(y22['barn'])} till barn och unga, {fmt_pct(100 * y22['barn'] / y22['alla'])} av områdets kronor"
        in (sentence)
    )
    assert f"{fmt_kr(y22['barn'] / y22['population'])} per invånare 0–19 år" in sentence
    assert f"mot {fmt_kr(g22['malmo'])} i Malmö&#46; Inget område var kraftsamlande 2022" in sentence
    assert f"2025&#58; {fmt_kr(990_000)} till barn och unga, {fmt_pct(100 * 990_000 / y25['alla'])}" in sentence
    assert "&#40;befolkning 2024&#41;" in sentence  # no 2025 population: 2024's, said
    assert (
        f"mot {fmt_kr(g25['malmo'])} i Malmö, {fmt_kr(g25['kraftsamlande'])} i de kraftsamlande områdena och "
        f"{fmt_kr(g25['ovriga'])} i övriga områden" in sentence
    )
    assert "exempeldata" in sentence
    captions = " ".join(c.value for c in at.caption)
    assert "En insats i flera områden delas lika mellan dem, som i kartans kronor per invånare" in captions
    assert "unga 20–24 år kan inte räknas in" in captions
    assert "inte ett medelvärde av områdenas kvoter" in captions
    assert "Exempeldata" in texts  # the badge beside the heading


def test_omrade_shows_the_table_alternative(db_file):
    at = _omrade("14", table=True)
    hand = by_hand()
    table = next(d.value for d in at.dataframe if "Befolkningsår" in d.value.columns)
    assert table["År"].tolist() == [2022, 2025]
    assert table["Kronor"].tolist() == [round(hand[("14", y)]["barn"]) for y in (2022, 2025)]
    row = table[table["År"] == 2025].iloc[0]
    y25 = hand[("14", 2025)]
    assert row["Områdets kronor, alla målgrupper"] == fmt_kr(y25["alla"])
    assert row["Barn och ungas andel (%)"] == fmt_pct(100 * y25["barn"] / y25["alla"])
    assert row["Invånare 0–19 år"] == fmt_int(y25["population"]) and row["Befolkningsår"] == "2024"
    assert row["Kr per invånare 0–19, Hyllievång, Kroksbäck m fl"] == fmt_kr(y25["barn"] / y25["population"])
    assert row["Kr per invånare 0–19, Malmö (de 14 områdena)"] == fmt_kr(_groups(2025)["malmo"])
    assert row["Kr per invånare 0–19, Kraftsamlande områden"] == fmt_kr(_groups(2025)["kraftsamlande"])
    assert row["Kraftsamlande"] == "ja" and table[table["År"] == 2022].iloc[0]["Kraftsamlande"] == "nej"
    assert row["Antal insatser"] == 1 and row["Varav exempeldata"] == 1
    assert row["Källa, insatser"] == "exempeldata"
    assert table[table["År"] == 2022].iloc[0]["Kr per invånare 0–19, Kraftsamlande områden"] == "–"


def test_omrade_in_english(db_file):
    at = _omrade("14", "en")
    assert "**Children and young people's share of the area's kronor**" in [m.value for m in at.markdown]
    sentence = next(m.value for m in at.markdown if m.value.startswith("2022&#58;"))
    assert f"{fmt_kr(990_000, 'en')} to children and young people" in sentence
    assert "No area was an area of concentrated effort in 2022" in sentence


def _app(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _layer(at: AppTest) -> tuple[list[str], dict[str, dict[str, object]]]:
    head = next(m.value for m in at.markdown if "|" in m.value).split("|")
    values = at.table[0].value
    return head, {str(k): dict(r) for k, r in values.iterrows()}


def test_karta_layer_is_the_newest_year_by_default(db_file):
    at = _app(**{"del": "karta"})
    assert at.selectbox(key="karta_barn_ar").options == ["2025", "2022"]
    head, values = _layer(at)
    name, unit, year, city, indikator = head
    assert name == "Kronor till barn och unga per invånare 0–19 år" and unit == "kr/invånare 0–19"
    assert year == "2025" and indikator == "None"  # a kronor layer, as Karta's own
    assert float(city) == pytest.approx(_groups(2025)["malmo"])
    hand = by_hand()
    assert set(values) == set(AREAS)
    for area in AREAS:
        expected = hand[(area, 2025)]
        assert float(values[area]["varde"]) == pytest.approx(expected["barn"] / expected["population"]), area
        assert int(values[area]["n_insatser"]) == len(expected["ids"])
        assert values[area]["kalla"] == "exempeldata"  # the population is exempeldata in every area
    captions = " ".join(c.value for c in at.caption)
    assert "Kartan följer filtren i sidopanelen och visar ett år i taget (2025); invånare: befolkning 2024" in captions


def test_karta_layer_another_year_from_the_url(db_file):
    at = _app(**{"del": "karta", "karta_barn_ar": "2022"})
    head, values = _layer(at)
    assert head[2] == "2022"
    hand = by_hand()
    assert float(values["12"]["varde"]) == pytest.approx(hand[("12", 2022)]["barn"] / hand[("12", 2022)]["population"])
    assert float(values["12"]["kronor"]) == round(hand[("12", 2022)]["barn"])


def test_karta_layer_follows_the_sidebar_filters(db_file):
    at = _app(**{"del": "karta", "kalla": "frn_kommunbidrag"})
    assert at.selectbox(key="karta_barn_ar").options == ["2025"]
    hand = by_hand("frn_kommunbidrag")
    _head, values = _layer(at)
    assert float(values["10"]["kronor"]) == round(hand[("10", 2025)]["barn"])
    # A year with no money for children: no select, every area without a value, and it says so.
    at = _app(**{"del": "karta", "ar": "2024"})
    assert not at.selectbox
    _head, values = _layer(at)
    assert all(v["varde"] != v["varde"] for v in values.values())  # NaN: no value
    assert "Inga kronor till barn och unga för filtren i sidopanelen." in [c.value for c in at.caption]


def test_kraftsamling_section_words_and_table(db_file):
    at = _app(**{"del": "kraft", "table_barn_kraftsamling": "true"})
    assert "Kraftsamlande områden och övriga: kronor till barn och unga" in [s.value for s in at.subheader]
    texts = " ".join(m.value for m in at.markdown)
    names = {r["omrade_kod"]: r["namn"] for r in rows("omraden.csv")}
    for area in (r["omrade_kod"] for r in rows("kraftsamling.csv")):
        assert f"{names[area]} &#40;från 2025&#45;01&#45;01&#41;" in texts
    assert "Urvalet av kraftsamlande områden är exempeldata" in texts
    g25, g22 = _groups(2025), _groups(2022)
    assert (
        f"2025&#58; de kraftsamlande områdena &#40;3&#41; fick {fmt_kr(g25['kraftsamlande'])} per invånare 0–19 år, "
        f"övriga områden {fmt_kr(g25['ovriga'])} och Malmö som helhet {fmt_kr(g25['malmo'])}" in texts
    )
    assert f"2022&#58; inget område var kraftsamlande; Malmö som helhet fick {fmt_kr(g22['malmo'])}" in texts
    table = next(d.value for d in at.dataframe if "Grupp" in d.value.columns)
    assert table["Grupp"].tolist() == ["Kraftsamlande områden", "Övriga områden", "Malmö (de 14 områdena)"] * 2
    row = table[(table["År"] == 2025) & (table["Grupp"] == "Kraftsamlande områden")].iloc[0]
    assert row["Antal områden"] == 3 and row["Antal insatser"] == 1
    assert row["Kr per invånare 0–19 år"] == fmt_kr(g25["kraftsamlande"])
    hand = by_hand()
    assert row["Kronor"] == round(sum(hand[(a, 2025)]["barn"] for a in AREAS if hand[(a, 2025)]["kraftsamlande"]))
    captions = " ".join(c.value for c in at.caption)
    assert "inte ett medelvärde av områdenas kvoter" in captions


def test_the_chart_keeps_each_year_apart_with_fixed_colours(con):
    """One bar per series and year, the values the table has, never one bar summing the years; each group in
    its own colour in both charts (the kraftsamlande areas as their outline on Karta)."""
    areas, groups = data.barn_omraden(con=con), data.barn_kraftsamling(con=con)
    fig = barn_figures.per_child_bars(barn.share_series(areas[areas["omrade_kod"] == "14"], groups, "sv"), title="")
    hand = by_hand()
    area = next(tr for tr in fig.data if tr.name == "Hyllievång, Kroksbäck m fl")
    assert list(area.x) == ["2022", "2025"]
    assert list(area.y) == pytest.approx(
        [hand[("14", y)]["barn"] / hand[("14", y)]["population"] for y in (2022, 2025)]
    )
    kraft = next(tr for tr in fig.data if tr.name == "Kraftsamlande områden")
    assert kraft.marker.color == maps.KRAFT_COLOUR and pd.isna(kraft.y[0])  # none in 2022: no bar
    assert kraft.y[1] == pytest.approx(_groups(2025)["kraftsamlande"])
    assert figures.title_of(barn_figures.per_child_bars(groups.assign(serie=groups["grupp"]), title="T")) == "T"
