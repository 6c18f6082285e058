"""The effect signal on screen (issue 17): Vad ger effekt (pages/effekt.py: the stop-candidate rule with its
thresholds, each candidate with why it is there and a link to the insats, a threshold from the URL, every
insats's signal as a table) and the insats detail's section (views.effekt.section, through
tests/views/effekt_app.py until Insatser calls it): the words per target indicator, the comparison areas by
name, the chart, the caveat. Expected values come from the seeds (data/seed/*.csv) and today's date."""

from __future__ import annotations

import csv
import html
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling import data
from lokalutveckling.analys import effekt
from lokalutveckling.format import fmt_number
from lokalutveckling.paths import ROOT
from tests.charts import charts

ENTRY = str(ROOT / "dashboard.py")
SECTION_APP = str(ROOT / "tests" / "views" / "effekt_app.py")
SEED = ROOT / "data" / "seed"


def _rows(name: str) -> list[dict[str, str]]:
    with (SEED / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def plain(value: object) -> str:
    return html.unescape(str(value).replace(":small[]", ""))


def _texts(at: AppTest) -> list[str]:
    return [plain(e.value) for e in [*at.markdown, *at.caption, *at.info, *at.warning, *at.success]]


def _page(**query: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("pages/effekt.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _links(at: AppTest) -> dict[str, str]:
    """The page's links to an insats: id -> label as a reader reads it."""
    return {
        link.proto.query_string.removeprefix("insats="): plain(link.proto.label)
        for link in at.get("page_link")
        if link.proto.page == "insatser"
    }


def _expected_candidates(con, long_months: int = 24, near_months: int = 6) -> set[str]:
    """The rule worked out from the seeds: granted or running; past or near its end, or running long; no
    target indicator clearly better; the latest judged follow-up ingen or oklar, or none judged."""
    today = pd.Timestamp(date.today())
    signals = effekt.all_signals(data.effekt_underlag(con))
    latest: dict[str, tuple[str, str]] = {}
    for r in _rows("uppfoljningar"):
        if r["effekt"] and (r["insats_id"] not in latest or r["datum"] >= latest[r["insats_id"]][0]):
            latest[r["insats_id"]] = (r["datum"], r["effekt"])
    out = set()
    for r in _rows("insatser"):
        if r["status"] not in ("pågående", "beviljad"):
            continue
        start, end = pd.Timestamp(r["startdatum"]), pd.Timestamp(r["slutdatum"]) if r["slutdatum"] else None
        timely = start <= today - pd.DateOffset(months=long_months) or (
            end is not None and end <= today + pd.DateOffset(months=near_months)
        )
        weak = not any(s.bedomning == "forbattring" for s in signals[r["insats_id"]].signals)
        judged = latest.get(r["insats_id"])
        if timely and weak and (judged is None or judged[1] in ("ingen", "oklar")):
            out.add(r["insats_id"])
    return out


def test_the_page_states_the_rule_with_its_thresholds_and_frames_it_as_a_list_to_discuss(db_file):
    at = _page()
    assert at.title[0].value == "Vad ger effekt"
    rule = next(s for s in _texts(at) if s.startswith("**Regeln:**"))
    for words in (
        "pågående eller beviljad",
        "har högst 6 månader kvar",
        "startade för minst 24 månader sedan",
        "de 3 mest lika områdena utan en jämförbar insats, 90 % intervall",
        "sa ingen eller oklar effekt, eller ingen uppföljning har bedömt den",
    ):
        assert words in rule, words
    assert any(s.startswith("**En lista att diskutera, inget beslut.**") for s in _texts(at))
    inputs = {n.key: n.value for n in at.number_input if n.key.startswith("stopp_")}
    assert inputs == {"stopp_nara_slut": 6, "stopp_lang_tid": 24}


def test_every_candidate_links_to_its_insats_and_says_why(db_file, con):
    at = _page()
    expected = _expected_candidates(con)
    names = {r["insats_id"]: r["namn"] for r in _rows("insatser")}
    links = _links(at)
    assert set(links) == expected and "INS-052" in expected
    assert links["INS-052"] == f"INS-052 · {names['INS-052']}"
    texts = _texts(at)
    assert f"**{len(expected)}** av {len(names)} insatser är på listan med dessa trösklar." in texts
    # INS-052 (seeds): pågående, ended 2023-12-31; its latest follow-up (2026-09-28) judged the effect oklar.
    why = [s for s in texts if s.startswith("**Varför på listan:** slutdatumet 2023-12-31 har passerat")]
    assert len(why) == 1
    assert "senaste uppföljningen bedömde effekten som oklar." in why[0]
    assert any(
        "**Senaste bedömning:** 2026-09-28, effekten bedömd som oklar (uppföljningar i allt: 2)" in s for s in texts
    )
    assert "Teknik · 2022-10-01 – 2023-12-31 · pågående" in texts
    # A running-long candidate says how long, from its start date.
    start = date(2022, 9, 1)  # INS-012's start in the seeds
    months = (date.today().year - start.year) * 12 + date.today().month - start.month
    assert any(f"har pågått i {months} månader (sedan 2022-09-01)" in s for s in texts)


def test_a_threshold_in_the_url_changes_the_list(db_file, con):
    default = set(_links(_page()))
    at = _page(stopp_lang_tid="120")
    assert at.number_input(key="stopp_lang_tid").value == 120
    listed = set(_links(at))
    assert listed == _expected_candidates(con, long_months=120)
    assert "INS-052" in listed and "INS-012" in default and "INS-012" not in listed
    assert "startade för minst 120 månader sedan" in next(s for s in _texts(at) if s.startswith("**Regeln:**"))
    # Near the end: a year counts as near, still only what the rule gives.
    assert set(_links(_page(stopp_nara_slut="12"))) == _expected_candidates(con, near_months=12)


def test_every_insats_has_its_signal_counted_in_the_table(db_file, con):
    signals = effekt.all_signals(data.effekt_underlag(con))
    # A page at a time (25 rows; ?effektsignaler_sida=N): every insats on one of the pages, once.
    pages = []
    for number in (1, 2, 3):
        at = _page(effektsignaler_sida=str(number))
        pages.append(next(d.value for d in at.dataframe if "Målindikatorer" in d.value.columns))
    table = pd.concat(pages, ignore_index=True)
    assert sorted(table["Id"]) == sorted(r["insats_id"] for r in _rows("insatser"))
    row = table[table["Id"] == "INS-003"].iloc[0]
    counts = {b: sum(s.bedomning == b for s in signals["INS-003"].signals) for b in effekt.BEDOMNINGAR}
    assert int(row["Målindikatorer"]) == len(signals["INS-003"].signals) > 0
    assert int(row["Tydligt bättre"]) == counts["forbattring"]
    assert int(row["Ingen tydlig skillnad"]) == counts["ingen_tydlig"]
    assert int(row["Underlag saknas"]) == counts["underlag_saknas"]
    assert row["Senaste effektbedömning"] == "oklar"  # UPP-0003, 2026-09-12
    on_list = set(table.loc[table["På listan"] == "ja", "Id"])
    assert on_list == _expected_candidates(con)


def _section(insats_id: str, lang: str = "sv") -> AppTest:
    at = AppTest.from_file(SECTION_APP, default_timeout=60)
    at.query_params["insats"] = insats_id
    if lang == "en":
        at.query_params["lang"] = "EN"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _value(indikator: str, omrade: str, ar: int) -> float:
    return next(
        float(r["varde"])
        for r in _rows("indikatorvarden")
        if r["indikator_kod"] == indikator and r["omrade_kod"] == omrade and int(r["ar"]) == ar
    )


def test_the_insats_detail_says_its_signal_in_words_with_the_comparison_and_the_caveat(db_file, con):
    at = _section("INS-003")  # in area 12 (Lindängen) from 2022-12-01; fokus boende: trångboddhet first
    texts = _texts(at)
    assert texts[0] == "**Effektsignal**"
    assert any("Exempeldata" in s for s in texts)  # the badge: the values are exempeldata
    signal = effekt.insats_signal(data.effekt_underlag(con), "INS-003").signals[0]
    assert signal.indikator_kod == "trangboddhet" and signal.omraden == ("12",)
    areas = {r["omrade_kod"]: r["namn"] for r in _rows("omraden")}
    # The change in its area from the year before it started to the newest, from the seed values.
    change = _value("trangboddhet", "12", 2024) - _value("trangboddhet", "12", 2021)
    line = next(s for s in texts if s.startswith("Trångboddhet (norm 2): "))
    sign = "+" if change > 0 else ""
    assert line.startswith(
        f"Trångboddhet (norm 2): i insatsens område {sign}{fmt_number(change)} procentenheter 2021–2024"
    )
    shown = ", ".join(areas[c].split(",")[0] for c in signal.jamforelse)
    assert f"i jämförelseområdena ({shown})" in line
    assert line.endswith(
        "ingen tydlig skillnad"
        if signal.bedomning == "ingen_tydlig"
        else "tydligt bättre än i jämförelseområdena"
        if signal.bedomning == "forbattring"
        else "tydligt sämre än i jämförelseområdena"
    )
    assert "90 % intervall" in line
    named = next(s for s in texts if s.startswith("Insatsens områden: "))
    assert named.startswith(f"Insatsens områden: {areas['12']}. Jämförelseområden")
    assert all(areas[c] in named for c in signal.jamforelse)
    caveat = next(s for s in texts if s.startswith("Vad signalen säger och inte säger"))
    for words in (
        "de 3 mest lika områdena utan en jämförbar insats",
        "Intervallet (90 %)",
        f"({signal.n_placebo} placebojämförelser)",
        "Med bara 14 områden är underlaget litet",
        "andra orsaker än insatsen",
        "Värdena är exempeldata tills officiell statistik är inläst.",
        "Signalen är aldrig ett bevis för effekt",
    ):
        assert words in caveat, words
    chart = next(c for c in charts(at) if c.key == "chart_effekt_INS-003")
    dots = [x for trace in chart.spec["data"] for x in trace["x"]]
    assert pytest.approx(sorted(dots)) == sorted(
        s.skillnad for s in effekt.insats_signal(data.effekt_underlag(con), "INS-003").signals if s.skillnad is not None
    )


def test_a_hela_staden_insats_shows_the_reason_once_as_written(db_file, con):
    at = _section("INS-006")  # for hela staden in the seeds
    texts = _texts(at)
    signals = effekt.insats_signal(data.effekt_underlag(con), "INS-006").signals
    reasons = {s.skal for s in signals}
    assert len(reasons) == 1 and all(s.bedomning == "underlag_saknas" for s in signals)
    lines = [s for s in texts if ": ingen signal – " in s]
    assert lines == [lines[0]] and lines[0].endswith(f"ingen signal – {reasons.pop()}")
    assert lines[0].startswith("Trångboddhet (norm 2), Trivs i sitt bostadsområde")
    assert not charts(at)
    assert any(s.startswith("Vad signalen säger och inte säger") for s in texts)


def test_the_section_in_english(db_file):
    texts = _texts(_section("INS-003", "en"))
    assert texts[0] == "**Effect signal**"
    line = next(s for s in texts if s.startswith("Overcrowding (norm 2): "))
    assert "in the measure's area" in line and "percentage points 2021–2024" in line and "90% interval" in line
    assert any(s.startswith("What the signal does and does not say") and "never proof of effect" in s for s in texts)


@pytest.mark.skipif(
    "effekt.section(" not in (ROOT / "lokalutveckling" / "views" / "insatser.py").read_text(encoding="utf-8"),
    reason="the insats detail does not call views.effekt.section yet (the lead wires it)",
)
def test_the_insats_detail_on_insatser_ends_with_its_effect_signal(db_file, con):
    at = AppTest.from_file(ENTRY, default_timeout=90)
    at.query_params["insats"] = "INS-003"
    at.switch_page("pages/insatser.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    texts = _texts(at)
    assert "**Effektsignal**" in texts
    assert any(s.startswith("Trångboddhet (norm 2): i insatsens område ") for s in texts)
    assert any(s.startswith("Vad signalen säger och inte säger") for s in texts)
    assert any(c.key == "chart_effekt_INS-003" for c in charts(at))
