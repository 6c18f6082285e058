"""Presentation mode and the meeting controls through AppTest (issue 14 item 1): `?presentation=1` shows
the view the page recorded one slide at a time (the page itself runs in a container that is not shown),
`bild` chooses the slide and is clamped, leaving keeps the view's own parameters; the meeting controls
are on every reader page and not on Data or Konton."""

from __future__ import annotations

import html
import json

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, UnknownElement

from lokalutveckling import domain
from lokalutveckling.rendering.model import Chart
from lokalutveckling.ui import session
from lokalutveckling.views import presentation
from tests.test_pages import ENTRY, PAGES, plain, run_app

ALLOCATION = "Pengar per nämnd i besluten och förslagen, per år"
HEATMAP = "Kronor per nämnd och fokusområde"


def rerun(at: AppTest) -> AppTest:
    """The next run through dashboard.py, as in the browser. AppTest runs every run after the first
    (a click, switch_page) as the page's script alone once the session has its filter: then nothing
    records and no presentation is drawn. With the filter dropped, ui.language sends the run through
    the entry point (ui.pages.run_through_the_entry_point), as a shared link after a restart."""
    if session.FILTER in at.session_state:
        del at.session_state[session.FILTER]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    """Another page through dashboard.py (see rerun)."""
    return rerun(at.switch_page(page))


def shown(node, hidden: bool = False) -> list:
    """Every element on screen, in order: those in the page as it ran in presentation mode (the hidden
    container, presentation.HIDDEN) left out."""
    hidden = hidden or str(getattr(getattr(node, "proto", None), "id", "")).endswith(presentation.HIDDEN)
    if isinstance(node, Block):
        return [e for child in node.children.values() for e in shown(child, hidden)]
    return [] if hidden else [node]


def slide_chart_title(at: AppTest) -> str | None:
    """The title drawn into the slide's chart (its Plotly JSON), as a reader sees it."""
    for element in shown(at.main):
        if isinstance(element, UnknownElement) and element.proto.id.endswith(presentation.CHART_KEY):
            spec = json.loads(json.loads(element.proto.json)["spec"])
            return html.unescape(spec["layout"]["title"]["text"].removeprefix("<b>").removesuffix("</b>"))
    return None


def position(at: AppTest) -> str:
    tops = [e.proto.body for e in shown(at.main) if type(e).__name__ == "Html" and "lu-position" in e.proto.body]
    assert len(tops) == 1, tops
    return html.unescape(tops[0].split('class="lu-position">')[1].split("<")[0])


def param(at: AppTest, key: str) -> str:
    """A parameter of the address after the run (AppTest gives one value as text, several as a list)."""
    value = at.query_params[key]
    return value if isinstance(value, str) else ",".join(value)


def texts(at: AppTest) -> str:
    return "\n".join(
        plain(str(e.value)) if hasattr(e, "value") and isinstance(e.value, str) else getattr(e.proto, "body", "")
        for e in shown(at.main)
    )


def test_presentation_shows_the_first_chart_and_not_the_page(db_file):
    at = run_app(ar="2022", presentation="1")
    report = at.session_state[session.RECORDED]
    charts = report.charts
    assert charts[0].title == ALLOCATION
    count = len(presentation.slides_of(report))
    assert count == len(charts) + 1  # five charts and the two reconciliation notes as one slide
    assert slide_chart_title(at) == ALLOCATION
    assert position(at) == f"1 / {count}"
    words = texts(at)
    # The chart's sentence and its sources under it; the filters in the corner.
    assert charts[0].sentence and plain(charts[0].sentence) in words
    assert "Stadskontorets tjänsteskrivelse 2022-08-12, rad 167–178, 184–192" in words
    assert "Översikt · År: 2022" in words
    # The page ran (its heading and the other charts' headings exist) but only in the hidden container.
    headings = [h.value for h in at.title] + [h.value for h in at.subheader]
    assert "Översikt" in headings
    on_screen = [e.value for e in shown(at.main) if type(e).__name__ in ("Title", "Header", "Subheader")]
    assert "Översikt" not in on_screen and not any("Flödet" in str(v) for v in on_screen), on_screen
    assert [b.label for b in shown(at.main) if type(b).__name__ == "Button"] == ["Föregående", "Nästa", "Avsluta"]
    assert at.button(key="presentation_prev").disabled and not at.button(key="presentation_next").disabled
    # No meeting controls in presentation mode.
    assert not [b for b in at.button if b.key == "presentation_start"]


def test_bild_chooses_the_slide_the_buttons_step_and_out_of_range_is_clamped(db_file):
    at = run_app(ar="2022", presentation="1", bild="2")
    count = len(presentation.slides_of(at.session_state[session.RECORDED]))
    # Slide 2: the reconciliation notes, with the figures of the source.
    assert position(at) == f"2 / {count}"
    assert slide_chart_title(at) is None
    words = texts(at)
    assert "Kontroll av totalbelopp" in words
    assert "19\u00a0700\u00a0000\u00a0kr" in words and "18\u00a0600\u00a0000\u00a0kr" in words
    at.button(key="presentation_next").click()
    rerun(at)
    assert param(at, "bild") == "3"
    assert slide_chart_title(at) == HEATMAP and position(at) == f"3 / {count}"
    at.button(key="presentation_prev").click()
    rerun(at)
    assert param(at, "bild") == "2" and position(at) == f"2 / {count}"

    at = run_app(ar="2022", presentation="1", bild="99")
    report = at.session_state[session.RECORDED]
    assert position(at) == f"{count} / {count}"
    assert slide_chart_title(at) == report.charts[-1].title
    assert param(at, "bild") == str(count)  # the address put right
    assert at.button(key="presentation_next").disabled

    at = run_app(ar="2022", presentation="1", bild="noll")
    assert position(at) == f"1 / {count}" and slide_chart_title(at) == ALLOCATION


def test_leaving_returns_to_the_same_view(db_file):
    at = run_app(ar="2022", presentation="1", bild="3")
    at.button(key="presentation_exit").click()
    rerun(at)
    assert "presentation" not in at.query_params and "bild" not in at.query_params
    assert param(at, "ar") == "2022"
    assert slide_chart_title(at) is None
    on_screen = [e.value for e in shown(at.main) if type(e).__name__ == "Title"]
    assert on_screen == ["Översikt"]
    # … and "Presentera" enters it again, at the first slide.
    at.button(key="presentation_start").click()
    rerun(at)
    assert param(at, "presentation") == "1" and "bild" not in at.query_params
    assert slide_chart_title(at) == ALLOCATION


def test_a_slide_figure_is_larger_and_keeps_title_badge_and_sources(db_file):
    at = run_app(ar="2022")
    chart: Chart = at.session_state[session.RECORDED].charts[0]
    fig = presentation.slide_figure(chart)
    assert fig.layout.font.size == presentation.FONT > 15
    assert fig.layout.title.font.size == presentation.TITLE
    assert ALLOCATION in fig.layout.title.text and chart.badge in fig.layout.title.subtitle.text
    assert chart.badge_colour in fig.layout.title.subtitle.text  # the badge in its colour
    note = presentation.chart_note(chart)
    assert note.startswith("Filter: År: 2022") and "Stadskontorets tjänsteskrivelse 2022-08-12" in note
    assert chart.figure.layout.font.size == 15  # the page's figure as it was
    # Every nämnd named on the slide (Plotly would skip every other label in rows lower than the type).
    nämnder = {y for trace in fig.data for y in trace.y}
    assert len(nämnder) >= 10 and fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickmode == "linear"
    assert 11 <= fig.layout.yaxis.tickfont.size <= presentation.FONT


@pytest.mark.parametrize("page", list(PAGES))
def test_the_meeting_controls_are_on_every_reader_page(db_file, page):
    at = open_page(run_app(), page)
    keys = {b.key for b in at.button}
    assert "presentation_start" in keys
    downloads = {d.label: d for d in at.get("download_button")}
    assert {"PDF-rapport", "Bildspel (PowerPoint)"} <= set(downloads), list(downloads)
    name = page.removeprefix("pages/").removesuffix(".py")
    assert downloads["PDF-rapport"].proto.deferred_file_id  # made only on a click
    assert at.session_state[session.RECORDED].page == name


@pytest.mark.parametrize("page", list(PAGES))
def test_presentation_on_every_reader_page(db_file, page):
    at = open_page(run_app(presentation="1"), page)
    report = at.session_state[session.RECORDED]
    count = max(len(presentation.slides_of(report)), 1)
    assert position(at) == f"1 / {count}"
    assert not [e for e in shown(at.main) if type(e).__name__ == "Title"]  # the page itself is not shown
    first = presentation.slides_of(report)[0] if report.items else None
    if isinstance(first, Chart):
        assert slide_chart_title(at) == first.title


def test_no_meeting_controls_or_presentation_on_data_and_konton(db_file):
    # An admin sees both pages (the sign-in as the tests of those pages do it).
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.session_state[session.SIGNED_IN] = domain.User("admin-test", "Ada Admin", "admin")
    at.query_params["presentation"] = "1"
    at.run()
    for page in ("pages/data.py", "pages/konton.py"):
        open_page(at, page)
        assert "presentation_start" not in {b.key for b in at.button}
        assert not [d for d in at.get("download_button") if d.label in ("PDF-rapport", "Bildspel (PowerPoint)")]
        assert not [e for e in shown(at.main) if type(e).__name__ == "Html" and "lu-position" in e.proto.body]
        assert at.title[0].value  # the page itself, shown


def test_a_page_that_stops_still_offers_the_way_out(db_file):
    # A search nothing matches: Insatser says so and stops (st.stop) before the presentation is drawn.
    at = open_page(run_app(presentation="1", sok="finns-inte-någonstans"), "pages/insatser.py")
    assert at.query_params["sok"]
    on_screen = shown(at.main)
    assert "Den här vyn har inga figurer eller tabeller att visa." in [
        e.value for e in on_screen if hasattr(e, "value")
    ]
    at.button(key="presentation_stopped_exit").click()
    rerun(at)
    assert "presentation" not in at.query_params and param(at, "sok") == "finns-inte-någonstans"
    assert [e.value for e in shown(at.main) if type(e).__name__ == "Title"] == ["Insatser"]


def test_an_area_opens_with_its_summary_then_its_key_figures_with_their_sources(db_file):
    """Område in a meeting: the area in a few words first (the page's intro, narrative.area_summary),
    then the key figures against Malmö, which name the documents they come from."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params.update({"omrade": "10", "presentation": "1"})
    at.switch_page("pages/omrade.py")  # a link to the page: its first run goes through dashboard.py
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    report = at.session_state[session.RECORDED]
    assert report.page == "omrade"
    assert report.intro.startswith("Örtagården, Herrgården m fl har områdesteam sedan 2019-01-01")
    first = presentation.slides_of(report)[0]
    assert isinstance(first, tuple) and first[0].text == report.intro
    # Titled with the area, and no badge of its own: the words say what is real and what exempeldata.
    assert first[0].title == "Område: Örtagården, Herrgården m fl" and first[0].kind == ""
    assert "Verkliga siffror" not in texts(at)
    assert plain(report.intro) in texts(at) and position(at).startswith("1 / ")
    key_figures = next(i for i in report.items if getattr(i, "title", "").startswith("Nyckeltal"))
    assert key_figures.sources and key_figures.sources != "–", key_figures.sources
