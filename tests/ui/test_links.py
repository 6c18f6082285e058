"""Choices in the URL as language-neutral codes (lokalutveckling.ui.links), through Streamlit's AppTest.

AppTest runs a page without dashboard.py after its first run (no sidebar then), so the sidebar's filters
are set through the first run's URL; the page options are chosen on the page; the language is switched
as the sidebar's control does it (its session value)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from lokalutveckling.paths import ROOT

ENTRY = str(ROOT / "dashboard.py")


@pytest.fixture(autouse=True)
def _geo(monkeypatch):
    monkeypatch.setenv("LOKALUTVECKLING_GEO", str(ROOT.parent / "shared" / "geo"))


def run_app(page: str | None = None, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def url(at: AppTest) -> dict[str, list[str]]:
    """The address bar's parameters as lists (what a copied link carries)."""
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


def to_english(at: AppTest) -> None:
    at.session_state["lang"] = "EN"
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def shown(widget) -> str:
    """A select widget's chosen option as the reader sees it (its label in this run's language)."""
    return widget.format_func(widget.value)


def test_karta_choices_made_in_swedish_keep_their_codes_in_english(db_file):
    at = run_app("pages/karta.py")
    at.button_group(key="karta_farg").set_value("indicator").run()
    at.selectbox(key="karta_indikator").set_value("eftergymnasial").run()
    at.button_group(key="karta_lager").set_value(["kraft", "police"]).run()
    assert not at.exception
    sv = url(at)
    assert sv["karta_farg"] == ["indicator"]
    assert sv["karta_indikator"] == ["eftergymnasial"]
    assert sv["karta_lager"] == ["kraft", "police"]
    assert shown(at.selectbox(key="karta_indikator")) == "Utbildning: Eftergymnasial utbildning 25–64 år"

    to_english(at)
    assert at.title[0].value == "Map"
    assert url(at) == sv  # the same link in either language
    assert at.button_group(key="karta_farg").value == "indicator"
    indicator = at.selectbox(key="karta_indikator")
    assert indicator.value == "eftergymnasial"
    assert shown(indicator) == "Education: Post-secondary education 25–64"
    assert at.button_group(key="karta_lager").value == ["kraft", "police"]
    # What the page shows follows the choice: the area table has the indicator's column, in English.
    columns = list(at.table[0].value.columns)
    assert any(c.startswith("Post-secondary education 25–64 ") for c in columns), columns


def test_insatser_filters_and_the_chosen_insats_are_kept_by_code_and_id(db_file):
    at = run_app("pages/insatser.py")
    at.multiselect(key="status").select("avbruten").run()
    at.selectbox(key="insats").set_value("INS-010").run()
    assert not at.exception
    assert url(at)["status"] == ["avbruten"] and url(at)["insats"] == ["INS-010"]
    heading = next(s.value for s in at.subheader if "010 · " in s.value)  # escaped: INS&#45;010 · name
    assert heading.endswith(" · Uppsökande förskoleinskrivning")

    to_english(at)
    assert at.title[0].value == "Measures"
    assert url(at)["status"] == ["avbruten"] and url(at)["insats"] == ["INS-010"]
    status = at.multiselect(key="status")
    assert status.value == ["avbruten"] and [status.format_func(c) for c in status.value] == ["stopped"]
    assert at.selectbox(key="insats").value == "INS-010"
    assert heading in [s.value for s in at.subheader]


def test_a_link_with_codes_opens_the_view_in_english_as_in_swedish(db_file):
    query = {"fokus": "utbildning", "ar": "2022", "vy": "bars"}
    sv = run_app(**query)
    en = run_app(lang="EN", **query)
    for at in (sv, en):
        assert at.multiselect(key="fokus").value == ["utbildning"]
        assert at.multiselect(key="ar").value == [2022]
        assert at.button_group(key="vy").value == "bars"
        assert url(at)["fokus"] == ["utbildning"] and url(at)["vy"] == ["bars"]
    assert shown(sv.button_group(key="vy")) == "Staplar" and shown(en.button_group(key="vy")) == "Bars"
    assert [sv.multiselect(key="fokus").format_func(c) for c in sv.multiselect(key="fokus").value] == ["Utbildning"]
    assert [en.multiselect(key="fokus").format_func(c) for c in en.multiselect(key="fokus").value] == ["Education"]
    # The same figures either way (the metrics' values, formatted per language, name the same kronor).
    assert len(sv.metric) == len(en.metric) > 0


def test_old_label_style_links_still_open_the_right_view(db_file):
    at = run_app(lang="EN", fokus="Housing", kalla="KS anslag till förfogande", namnd="Grundskola", vy="Staplar")
    assert url(at)["fokus"] == ["boende"]
    assert url(at)["kalla"] == ["ks_anslag"]
    assert url(at)["namnd"] == ["GRN"]
    assert url(at)["vy"] == ["bars"]
    f = at.session_state["_filter"]
    assert f.fokus == ("boende",) and f.finansiering == ("ks_anslag",) and f.namnder == ("GRN",)

    area = run_app(
        "pages/omrade.py",
        omrade="Lindängen, Almvik m fl",
        omrade_indikator="Arbetsmarknad: Förvärvsfrekvens 20–64 år",
        omrade_likhet=["Employment rate 20–64", "trangboddhet"],
    )
    assert area.selectbox(key="omrade").value == shown_code(area, "Lindängen, Almvik m fl")
    assert area.header[0].value == "Lindängen, Almvik m fl"
    assert area.selectbox(key="omrade_indikator").value == "forvarvsfrekvens"
    assert area.multiselect(key="omrade_likhet").value == ["forvarvsfrekvens", "trangboddhet"]
    assert url(area)["omrade_indikator"] == ["forvarvsfrekvens"]
    assert url(area)["omrade_likhet"] == ["forvarvsfrekvens", "trangboddhet"]

    insats = run_app("pages/insatser.py", insats="INS-010 · ett namn som inte längre gäller", status="stopped")
    assert insats.selectbox(key="insats").value == "INS-010"  # the id in a label of an older name
    assert url(insats)["insats"] == ["INS-010"] and url(insats)["status"] == ["avbruten"]


def shown_code(at: AppTest, name: str) -> str:
    """The code of the option shown as `name` in Område's area choice."""
    box = at.selectbox(key="omrade")
    return next(c for c in ("0", *map(str, range(1, 15))) if box.format_func(c) == name)


def test_similarity_weights_and_the_table_toggle_come_from_the_link(db_file):
    at = run_app("pages/omrade.py", omrade="3", omrade_likhet=["forvarvsfrekvens"], omrade_vikt_forvarvsfrekvens="3")
    assert at.select_slider(key="omrade_vikt_forvarvsfrekvens").value == 3
    assert any("× 3" in m.value for m in at.markdown)  # the weights said in the result
    oversikt = run_app(table_namnd_fokus="true")
    assert oversikt.toggle(key="table_namnd_fokus").value is True
    assert len(oversikt.dataframe) >= 1  # the table is drawn


def test_unknown_values_are_dropped_without_an_error(db_file):
    at = run_app(fokus=["Atlantis", "utbildning"], ar="1066", vy="cirkel", kalla="")
    assert url(at)["fokus"] == ["utbildning"]
    assert "ar" not in url(at) and "vy" not in url(at)
    assert at.button_group(key="vy").value == "heatmap"
    assert not at.error
    page = run_app("pages/insatser.py", insats="INS-999", status="kanske", ins_omrade="Atlantis")
    assert page.selectbox(key="insats").value is None
    assert not {"insats", "status", "ins_omrade"} & set(url(page))
    area = run_app("pages/omrade.py", omrade="Atlantis", omrade_indikator="nonsense")
    assert area.title[0].value == "Område" and not area.exception
    assert "omrade" not in url(area) and "omrade_indikator" not in url(area)
