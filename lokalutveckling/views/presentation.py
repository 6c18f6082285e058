"""Presentation mode and the meeting controls of every reader page.

Presentation mode is `?presentation=1` in the address (the button "Presentera" sets it): dashboard.py
still runs the page, so its widgets, filters and the recording (ui.recording) work as always, but in a
container that is not shown (`page_frame`); then `show` draws the view the page recorded one item at a
time over the whole screen: each chart with its title, badge, filters and sources drawn in
(figures.with_provenance), in type that reads from the back of a room, its sentence under it; the
page's notes (the reconciliations) together as one text slide; its tables as slides of their own. No
sidebar and no Streamlit chrome; the current filters small in the top left corner and "3 / 7" in the
top right. The arrow keys, Page Up/Down, space, Home/End (ui.presentation_keys) and the buttons under
the slide step through it; the position is in the address (`&bild=3`, 1-based, clamped), so a link
opens at a slide. "Avsluta" and Escape leave it for the same view (the address without `presentation`
and `bild`).

The meeting controls (`meeting_controls`, top right of every reader page): "Presentera", and the view
as a PDF report and as slides (rendering.pdf, rendering.slides), made only when a button is pressed."""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from lokalutveckling import export, figures, ui
from lokalutveckling.i18n import t
from lokalutveckling.rendering import pdf, slides
from lokalutveckling.rendering.model import Chart, Note, Report, Table
from lokalutveckling.ui import pages
from lokalutveckling.ui.plotly_chart import plotly_chart
from lokalutveckling.ui.presentation_keys import presentation_keys
from lokalutveckling.ui.widgets import formatted

PARAM = "presentation"  # ?presentation=1
POSITION = "bild"  # ?bild=3, 1-based
ON = frozenset({"1", "true", "ja", "yes"})
HIDDEN = "lu-hidden"  # the page as it runs in presentation mode (not shown)
SLIDE = "lu-slide"
FOOT = "lu-slide-foot"  # what is under the slide's chart (the chart takes the rest of the screen)
CONTROLS = "lu-meeting"
CHART_KEY = "presentation_chart"
NOTE_WIDTH = 140  # characters per line of with_provenance's note (not drawn: the slide shows it as text)
TABLE_ROWS = 12  # rows of a table on a slide (the whole table is on the page and in the report)
# A slide's chart: the base type (figures.base_layout 15 px, title 16, subtitle 13) made larger; the chart
# scales it again with the window (chart.js: `fill.base`, the window the sizes are for).
FONT, TITLE, SUBTITLE = 19, 30, 19
TITLE_EXTRA = 32  # px more above the plot for the larger title and subtitle (figures.TITLE_ROOM's)
AXIS_SCALE = 1.3  # the x axis' tick labels and title in the larger type

PDF_MIME = "application/pdf"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# No sidebar, header, toolbar or decoration; the page as it ran is not shown; the slide fills the window.
CSS = f"""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarCollapseButton"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], .st-key-{HIDDEN} {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ padding: 0.6rem 2rem 0.4rem !important; max-width: none !important; }}
[data-testid="stMain"] {{ padding-top: 0 !important; }}
.st-key-{SLIDE} {{ gap: 0.4rem; }}
.st-key-{SLIDE} p, .st-key-{SLIDE} li, .st-key-{SLIDE} td, .st-key-{SLIDE} th, .st-key-{SLIDE} button p {{
  font-size: max(18px, min(1.6vw, 2.9vh)) !important; line-height: 1.35; }}
.st-key-{SLIDE} h2 {{ font-size: max(28px, min(2.5vw, 4.4vh)) !important; padding: 0 0 0.2rem !important; }}
.st-key-{SLIDE} .lu-top {{ display: flex; justify-content: space-between; align-items: baseline; gap: 2rem;
  color: {figures.MUTED}; font-size: max(15px, min(1.2vw, 2.1vh)); }}
.st-key-{SLIDE} .lu-top b {{ color: {figures.TEXT_COLOUR}; font-size: max(18px, min(1.5vw, 2.7vh)); }}
.st-key-{SLIDE} .lu-note {{ font-size: max(20px, min(1.9vw, 3.4vh)); line-height: 1.4; margin: 0 0 1rem; }}
.st-key-{SLIDE} .lu-small {{ color: {figures.MUTED}; font-size: max(15px, min(1.2vw, 2.1vh)); }}
.st-key-{SLIDE} .lu-badge {{ font-weight: 700; }}
.st-key-{SLIDE} [data-testid="stTable"] {{ max-height: calc(100vh - 16rem); overflow: auto; }}
.st-key-{SLIDE} [data-testid="stTable"] :is(td, th, td *, th *) {{
  font-size: max(15px, min(1.25vw, 2.2vh)) !important; line-height: 1.3; }}
.st-key-{FOOT} {{ gap: 0.3rem; }}
.st-key-{SLIDE} button [data-testid="stIconMaterial"] {{ font-size: 1.25em; }}
</style>"""
# The meeting controls at the top right of the page, above its title, taking no room of their own (the
# page's first chart stays where it was); on a phone's narrow screen at the end of the page.
CONTROLS_CSS = f"""<style>
[data-testid="stMainBlockContainer"] {{ position: relative; }}
.st-key-{CONTROLS} {{ position: absolute; top: 3.1rem; right: 3rem; width: auto !important; z-index: 2; }}
.st-key-{CONTROLS} button {{ min-height: 2rem; padding: 0.15rem 0.7rem; }}
@media (max-width: 640px) {{ .st-key-{CONTROLS} {{ position: static; }} }}
</style>"""


def reader_page() -> bool:
    """Whether the page running is one every reader sees (ui.pages.READER_PAGES: not Data, Konton or the
    document viewer): those have presentation mode and the meeting controls."""
    return pages.page_name() in pages.READER_PAGES


def active() -> bool:
    """Whether this run shows presentation mode: a reader page with ?presentation=1."""
    return str(st.query_params.get(PARAM, "")).lower() in ON and reader_page()


@contextmanager
def page_frame() -> Iterator[None]:
    """Where the page runs: in presentation mode a container that is not shown (the page's widgets,
    filters and recording work as always), else the page itself. Above it the place of the slide
    (`show` draws it there), which holds a way out until then: a page that stops (st.stop, e.g. an
    empty register) never reaches `show`, and would otherwise leave an empty screen."""
    if not active():
        yield
        return
    st.html(CSS)
    _run.slot = st.empty()
    with _run.slot.container(key=f"{SLIDE}-stopped"):
        st.subheader(t("presentation_empty", ui.lang()), anchor=False)
        st.button(
            t("presentation_exit", ui.lang()), icon=":material/close:", key="presentation_stopped_exit", on_click=leave
        )
    with st.container(key=HIDDEN):
        yield


_run = threading.local()  # this run's place of the slide (every session's script runs in a thread of its own)


# Leaving, entering and stepping (button and key callbacks: they run before the next run) -----------------


def start() -> None:
    st.query_params[PARAM] = "1"
    if POSITION in st.query_params:
        del st.query_params[POSITION]


def leave() -> None:
    for key in (PARAM, POSITION):
        if key in st.query_params:
            del st.query_params[key]


def step(target: int | str) -> None:
    """Show slide `target` (1-based), or leave presentation mode ('exit')."""
    if target == "exit":
        leave()
    else:
        st.query_params[POSITION] = str(target)


def position(count: int) -> int:
    """The slide the address asks for (`bild`, 1-based; 1 without it), within 1..count; a number out of
    range (or none) in the address is put right."""
    raw = st.query_params.get(POSITION)
    try:
        wanted = int(raw) if raw else 1
    except ValueError:
        wanted = 1
    shown = min(max(wanted, 1), max(count, 1))
    if raw is not None and raw != str(shown):
        st.query_params[POSITION] = str(shown)
    return shown


# The slides --------------------------------------------------------------------------------------------

Slide = Chart | Table | tuple[Note, ...]


def slides_of(report: Report | None) -> list[Slide]:
    """The view's items as slides in page order: its intro first when it has one, then a chart or a
    table each, the notes together as one (where the first of them stands)."""
    out: list[Slide] = []
    notes: list[Note] = []
    at = None
    for item in report.items if report is not None else []:
        if isinstance(item, Note):
            if at is None:
                at = len(out)
                out.append(())
            notes.append(item)
        else:
            out.append(item)
    if at is not None:
        out[at] = tuple(notes)
    if report is not None and report.intro:  # the page's opening words first (an area in a few words)
        out.insert(0, (Note(title=report.heading, text=report.intro, kind=""),))
    return out


def slide_title(slide: Slide) -> str:
    return slide[0].title if isinstance(slide, tuple) else slide.title


def show(report: Report | None) -> None:
    """In presentation mode: the view `report` (what the page just drew) one slide at a time."""
    if not active():
        return
    language = report.lang if report is not None else ui.lang()
    shown = slides_of(report)
    count = max(len(shown), 1)
    n = position(count)
    slot = getattr(_run, "slot", None) or st.empty()
    _run.slot = None
    with slot.container(key=SLIDE):
        where = " · ".join(x for x in (report.heading if report else "", report.filters if report else "") if x) or t(
            "export_no_filters", language
        )
        st.html(
            f'<div class="lu-top"><span>{html.escape(where)}</span>'
            f'<b class="lu-position">{html.escape(t("presentation_position", language, n=n, count=count))}</b></div>'
        )
        slide = shown[n - 1] if shown else None
        if isinstance(slide, Chart):
            _chart(slide, language)
        elif isinstance(slide, Table):
            _table(slide, language)
        elif isinstance(slide, tuple):
            _notes(slide, language)
        else:
            st.subheader(t("presentation_empty", language), anchor=False)
        with st.container(key=FOOT):
            if isinstance(slide, Chart):
                st.html(f'<div class="lu-small lu-source">{html.escape(chart_note(slide))}</div>')
                if slide.sentence:
                    st.markdown(ui.literal(slide.sentence))
            _buttons(n, count, language)


def slide_figure(chart: Chart) -> go.Figure:
    """A chart as a slide draws it: its title and badge drawn in (figures.with_provenance), the type
    larger; its note (filters, scope, sources) is under it on the slide as text, which wraps at the
    window's width (in the figure it starts at the plot's left edge and would be cut at the right)."""
    fig = figures.with_provenance(chart.figure, **chart.provenance(), width=NOTE_WIDTH)
    layout = fig.layout
    top = layout.margin.t or 0
    note = layout.annotations[-1] if layout.annotations else None  # with_provenance's, added last
    axis = -(note.yshift or 0) if note is not None else 0
    if note is not None:
        fig.layout.annotations = layout.annotations[:-1]
    named = layout.legend.yref == "container"  # with_provenance placed a legend under the title
    fig.update_layout(
        font={"size": FONT},
        title={"font": {"size": TITLE}, "subtitle": {"font": {"size": SUBTITLE}}},
        hoverlabel={"font_size": FONT},
        margin={"t": top + TITLE_EXTRA + (8 if named else 0), "b": round(axis * AXIS_SCALE) + 8},
    )
    if named and fig.layout.yaxis.scaleanchor == "x":
        # A map keeps its shape, so its height sets its size: the legend beside it, not above it.
        fig.update_layout(
            legend={"orientation": "v", "yref": "paper", "y": 1, "yanchor": "top", "x": 1.01, "xanchor": "left"},
            margin={"t": top + TITLE_EXTRA - 30},
        )
    elif named:  # right above the plot, under the title, whatever height the window gives
        fig.update_layout(legend={"yref": "paper", "y": 1.02, "yanchor": "bottom"})
    fig.update_yaxes(automargin=True)
    rows = _categories(fig)
    if rows:
        # Every category named (Plotly would leave out every other label where the rows are lower than
        # the type), in type that fits the rows at the projector's size the slide is made for.
        plot = CHART_HEIGHT - fig.layout.margin.t - fig.layout.margin.b
        fig.update_yaxes(tickmode="linear", dtick=1, tickfont_size=max(11, min(FONT, int(plot / rows / 1.3))))
    return fig


CHART_HEIGHT = 480  # px of a slide's chart at 1280×720 (the window less the top line and what is under it)


def _categories(fig: go.Figure) -> int:
    """How many categories the y axis has (0 for a numeric one): the bars' and the heatmap's rows."""
    names: set[str] = set()
    for trace in fig.data:
        if (
            trace.type in ("bar", "heatmap")
            and trace.y is not None
            and (trace.type == "heatmap" or trace.orientation == "h")
        ):
            names.update(str(y) for y in trace.y if isinstance(y, str))
    return len(names)


def chart_note(chart: Chart) -> str:
    """What the figure's note says (figures.with_provenance's): the filters, the scope, the sources."""
    texts = chart.provenance()
    return " · ".join(x for x in (texts["filters"], texts["scope"], texts["source"]) if x)


def _chart(chart: Chart, language: str) -> None:
    spec = pio.to_json(slide_figure(chart), validate=False)
    plotly_chart(
        spec,
        config={"displayModeBar": False, "displaylogo": False, "scrollZoom": False},
        key=CHART_KEY,
        locale=language,
        fill={"below": f".st-key-{FOOT}", "gap": 16, "min": 300, "base": [1280, 720]},
    )


def _table(table: Table, language: str) -> None:
    st.subheader(ui.literal(table.title), anchor=False)
    frame = table.frame.drop(
        columns=[c for c in (t("col_dokument", language), t("col_rad", language), "kalla") if c in table.frame.columns]
    )
    head = formatted(frame.head(TABLE_ROWS), table.money, language).fillna("")
    ui.static_table(head.set_index(head.columns[0]))
    parts = [t("chart_source", language, sources=table.sources or "–")]
    if table.filters:
        parts.append(f"{t('export_filters', language)}: {table.filters}")
    if len(table.frame) > TABLE_ROWS:
        parts.append(t("presentation_table_rows", language, shown=TABLE_ROWS, total=len(table.frame)))
    none = export.exempel_text(0, 1, language).split(" (")[0]  # 'Inga exempeldata'
    known = table.exempel not in ("", "–")
    colour = ui.BADGE_HEX["exempel"] if known and not table.exempel.startswith(none) else figures.MUTED
    exempel = f'<span class="lu-badge" style="color:{colour}">{html.escape(table.exempel)}</span> · ' if known else ""
    st.html(f'<div class="lu-small">{exempel}{html.escape(" · ".join(parts))}</div>')


def _notes(notes: tuple[Note, ...], language: str) -> None:
    st.subheader(ui.literal(notes[0].title), anchor=False)
    for note in notes:
        if not note.kind:  # words that say themselves what is real and what exempeldata (an intro)
            st.html(f'<p class="lu-note">{html.escape(note.text)}</p>')
            continue
        colour = ui.BADGE_HEX.get(note.kind, figures.MUTED)
        badge = html.escape(t(f"badge_{note.kind}", language))
        st.html(
            f'<p class="lu-note"><span class="lu-badge" style="color:{colour}">{badge}</span> · '
            f"{html.escape(note.text)}</p>"
        )


def _buttons(n: int, count: int, language: str) -> None:
    row = st.container(horizontal=True, vertical_alignment="center", key="lu-slide-buttons")
    row.button(
        t("presentation_prev", language),
        icon=":material/arrow_back:",
        key="presentation_prev",
        disabled=n <= 1,
        on_click=step,
        args=(n - 1,),
    )
    row.button(
        t("presentation_next", language),
        icon=":material/arrow_forward:",
        key="presentation_next",
        type="primary",
        disabled=n >= count,
        on_click=step,
        args=(n + 1,),
    )
    row.button(t("presentation_exit", language), icon=":material/close:", key="presentation_exit", on_click=leave)
    with row:
        st.html(f'<span class="lu-small">{html.escape(t("presentation_keys_hint", language))}</span>')
        presentation_keys(position=n, count=count, on_go=step)


# The meeting controls ------------------------------------------------------------------------------------


def meeting_controls(report: Report | None) -> None:
    """On a reader page in normal mode, at its top right: "Presentera" and the view `report` (what the
    page just drew) as a PDF report and as slides. Drawn after the page, so that its elements (and their
    gaps) come after the page's and the page's first chart stays where it is; the files are made when a
    button is pressed, after the run and outside it, so the report is held here, not looked up then."""
    if not reader_page() or active():
        return
    language = ui.lang()
    name = ui.file_name(ui.page_name() or "vy")
    st.html(CONTROLS_CSS)
    row = st.container(horizontal=True, key=CONTROLS, gap="small")
    row.button(
        t("presentation_start", language),
        icon=":material/slideshow:",
        key="presentation_start",
        help=t("presentation_start_help", language),
        on_click=start,
    )
    documents = (
        ("report_pdf", pdf.report_pdf, "pdf", PDF_MIME, ":material/picture_as_pdf:"),
        ("report_pptx", slides.report_pptx, "pptx", PPTX_MIME, ":material/co_present:"),
    )
    for label, make, ending, mime, icon in documents:
        row.download_button(
            t(label, language),
            partial(make, [report]),
            file_name=f"{name}.{ending}",
            mime=mime,
            icon=icon,
            help=t(f"{label}_help", language),
            key=label,
            on_click="ignore",  # made only when pressed, and pressing it does not rerun the page
            disabled=report is None,
        )
