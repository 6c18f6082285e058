"""The figures' one base layout and one palette, the title and source note every figure carries, and the
explicit empty state. Pure: no Streamlit, no data access, no mutation of the input.

The palette is colour-blind safe (Okabe–Ito and Tol), the same as the theme; the fokusområden and
finansieringskällor carry their colours from the store.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
import plotly.io as pio

from lokalutveckling.format import plotly_separators
from lokalutveckling.i18n import t


def escape(text: object) -> str:
    """Text from the store as Plotly text, shown as typed: Plotly reads a subset of HTML (<b>, <br>, <a>) in
    names, labels and hover texts, and decodes &lt; &gt; &amp; and numeric references but not &quot;, so
    quotes stay as they are."""
    return html.escape(str(text), quote=False)


FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"
TEXT_COLOUR = "#1F2933"
STATUS_COLOURS = {
    "föreslagen": "#BBBBBB",
    "beviljad": "#88CCEE",
    "pågående": "#0072B2",
    "avslutad": "#44AA99",
    "avbruten": "#D55E00",
    "permanentad": "#332288",
}
STAGE_SYMBOLS = {"beslut": "circle", "förslag": "circle-open"}
ORGAN_ORDER = ["Delmos", "Stadskontoret", "KSAU", "KS", "KF"]
YEAR_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#999933"]
# The white template as every new figure's default: naming it in each figure's layout instead made Plotly
# validate and copy the whole template per chart (about 16 ms of a chart's 20 ms build).
pio.templates.default = "plotly_white"


def base_layout(fig: go.Figure, *, lang: str, height: int = 420, title: str = "") -> go.Figure:
    """The shared look: white background, large legible type, Swedish separators. `title` says what the
    figure shows; it is kept in `layout.meta` (see title_of) and drawn by `with_provenance`."""
    fig.update_layout(
        meta={"title": title},
        height=height,
        font={"family": FONT, "size": 15, "color": TEXT_COLOUR},
        separators=plotly_separators(lang),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        hoverlabel={"font_size": 14},
    )
    return fig


def title_of(fig: go.Figure) -> str:
    """What a figure shows, as its builder named it (base_layout's `title`); '' when it has no name."""
    meta = fig.layout.meta
    return str(meta.get("title") or "") if isinstance(meta, dict) else ""


TITLE_ROOM = 54  # px above the plot area for the title and its line of badge, view, filters and date
FOOTER_LINE = 17  # px per line of the source note under the plot
MUTED = "#52606D"


def with_provenance(
    fig: go.Figure,
    *,
    title: str,
    context: str,
    badge: str,
    badge_colour: str,
    source: str,
    filters: str = "",
    scope: str = "",
    width: int = 56,
) -> go.Figure:
    """A copy of `fig` that says what it is wherever it goes (Plotly's own PNG download included): the
    title in bold at the top, under it the badge in its colour followed by `context` (the view and the
    date); under the plot a note with `filters` (as applied), `scope` (the years and stages of its money,
    the filters it does not follow and why) and `source`, wrapped at `width`
    characters so that it fits a narrow column too. All text is escaped: names from the store are
    shown as they are."""
    out = go.Figure(fig)
    margin = out.layout.margin
    top, bottom = (margin.t if margin.t is not None else 30), (margin.b if margin.b is not None else 10)
    note = "<br>".join(wrap(escape(part), width) for part in (filters, scope, source) if part)
    axis = _bottom_axis_room(out)
    # An x axis on top (the heatmap's) has its labels between the title and the plot.
    room = TITLE_ROOM + (34 if out.layout.xaxis.side == "top" else 0)
    below = max(bottom, axis + FOOTER_LINE * (note.count("<br>") + 1) + 8)
    named = [
        tr.name for tr in out.data if tr.type not in ("sankey", "heatmap") and tr.showlegend is not False and tr.name
    ]
    # Plotly shows a legend for two named traces or more, or for one when a trace or the layout asks for it.
    legend = len(named) > 1 or (
        bool(named) and (out.layout.showlegend is True or any(tr.showlegend is True for tr in out.data))
    )
    if legend:
        # The legend goes under the title (not over it): at a fixed distance from the top, with room for
        # the rows it may wrap into in a narrow column.
        rows = max(1, -(-sum(len(n) * 8 + 44 for n in named) // 700))
        height = (out.layout.height or 450) + room + below - bottom
        out.update_layout(
            legend={"yref": "container", "y": 1 - (TITLE_ROOM + 2) / (height + 26 * rows), "yanchor": "top"}
        )
        room += 26 * rows
    out.update_layout(
        title={
            "text": f"<b>{escape(title)}</b>",
            "subtitle": {
                "text": f'<span style="color:{badge_colour}"><b>{escape(badge)}</b></span> · {escape(context)}',
                "font": {"size": 13, "color": MUTED},
            },
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 8, "l": 10},
            "font": {"size": 16},
        },
        margin={"t": top + room, "b": below},
        # Taller by what the title and the note take, so the plot keeps its size.
        height=(out.layout.height or 450) + room + below - bottom,
        meta={"title": escape(title_of(fig))},  # the builder's title as Plotly text: escaped like the drawn one
    )
    out.add_annotation(
        text=note,
        x=0,
        xref="paper",
        xanchor="left",
        y=0,
        yref="paper",
        yanchor="top",
        yshift=-axis,
        showarrow=False,
        align="left",
        font={"size": 12, "color": MUTED},
    )
    return out


def _bottom_axis_room(fig: go.Figure) -> int:
    """Pixels below the plot area taken by the x axis' tick labels and title (none for a Sankey, an
    axis on top or a hidden one)."""
    if not fig.data or all(trace.type == "sankey" for trace in fig.data):
        return 6
    axis = fig.layout.xaxis
    if axis.visible is False or axis.side == "top":
        return 6
    return 30 + (26 if axis.title.text else 0)


def empty_figure(*, lang: str, height: int = 260) -> go.Figure:
    """The explicit empty state: a blank chart that says there is nothing to show."""
    fig = go.Figure()
    fig.add_annotation(
        text=t("empty", lang), showarrow=False, font={"size": 18}, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, lang=lang, height=height)


def wrap(text: str, width: int = 60) -> str:
    """Break long hover text into lines."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)
