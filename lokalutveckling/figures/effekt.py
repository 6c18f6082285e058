"""The effect signal of one insats: per target indicator the difference against its comparison areas as a dot
with its interval as a bar, and 0 (no difference) marked, turned so that right is better for the insats."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.figures.base import MUTED, base_layout, empty_figure, escape, wrap
from lokalutveckling.format import fmt_number
from lokalutveckling.i18n import t

# The verdicts' colours (Okabe–Ito): better, worse, no clear difference.
BEDOMNING_COLOURS = {"forbattring": "#009E73", "forsamring": "#D55E00", "ingen_tydlig": "#5A6B7B"}


def effect_intervals(rows: pd.DataFrame, *, lang: str = "sv", title: str = "") -> go.Figure:
    """One row per target indicator (in the order given, the first on top): the difference (dot) and its
    interval (bar) against the comparison areas, 0 drawn as a line; + = to the insats's advantage.

    `rows` has indikator (the name), bedomning (forbattring, forsamring, ingen_tydlig),
    skillnad, lag, hog (the interval), forandring_insats, forandring_jamforelse (the two changes, in the
    indicator's own direction) and enhet (the unit of a change, under the name and in the hover). Indicators without a
    signal are not in `rows` (the page says why in words)."""
    if rows.empty:
        return empty_figure(lang=lang)
    labels = [label(n, u) for n, u in zip(rows["indikator"], rows["enhet"], strict=True)]
    fig = go.Figure()
    for bedomning, colour in BEDOMNING_COLOURS.items():
        part = rows[rows["bedomning"] == bedomning]
        if part.empty:
            continue
        hover = [
            "<br>".join(
                [
                    f"<b>{escape(r['indikator'])}</b>",
                    t("effekt_hover_insats", lang, v=fmt_signed(r["forandring_insats"], lang), unit=escape(r["enhet"])),
                    t("effekt_hover_jamforelse", lang, v=fmt_signed(r["forandring_jamforelse"], lang)),
                    t(
                        "effekt_hover_skillnad",
                        lang,
                        v=fmt_signed(r["skillnad"], lang),
                        low=fmt_signed(r["lag"], lang),
                        high=fmt_signed(r["hog"], lang),
                    ),
                ]
            )
            for r in part.to_dict("records")
        ]
        fig.add_scatter(
            x=part["skillnad"].tolist(),
            y=[label(n, u) for n, u in zip(part["indikator"], part["enhet"], strict=True)],
            mode="markers",
            name=t(f"effekt_legend_{bedomning}", lang),
            marker={"size": 14, "color": colour, "line": {"width": 1, "color": "#FFFFFF"}},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (part["hog"] - part["skillnad"]).tolist(),
                "arrayminus": (part["skillnad"] - part["lag"]).tolist(),
                "color": colour,
                "thickness": 3,
                "width": 8,
            },
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=True,
        )
    fig.add_vline(x=0, line={"color": MUTED, "width": 2, "dash": "dash"})
    reach = float(pd.concat([rows["lag"].abs(), rows["hog"].abs(), rows["skillnad"].abs()]).max() or 1.0) * 1.15
    fig.update_xaxes(
        range=[-reach, reach],
        title={"text": wrap(t("effekt_axis", lang), 48), "font": {"size": 13, "color": MUTED}},
        zeroline=False,
    )
    # The first indicator on top, every label shown whatever Plotly would skip.
    # Room above the first row for the two sides' words.
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=labels[::-1],
        range=[-0.6, len(labels) - 0.1],
        automargin=True,
        title=None,
    )
    for x, anchor, key in ((-reach, "left", "effekt_worse_side"), (reach, "right", "effekt_better_side")):
        fig.add_annotation(
            x=x,
            y=1,
            yref="paper",
            yanchor="bottom",
            xanchor=anchor,
            text=t(key, lang),
            showarrow=False,
            font={"size": 13, "color": MUTED},
        )
    return base_layout(fig, lang=lang, height=150 + 55 * len(rows), title=title)


def label(name: str, unit: str) -> str:
    """An indicator's axis label: its name wrapped, its unit small under it (both as text, escaped)."""
    return f"{wrap(escape(name), 30)}<br><span style='font-size:12px;color:{MUTED}'>{escape(unit)}</span>"


def fmt_signed(value: float | None, lang: str) -> str:
    """A change with its sign: '+1,2', '−0,4', '0,0' (one decimal, the language's format)."""
    if value is None or pd.isna(value):
        return "–"
    text = fmt_number(float(value), lang)
    return f"+{text}" if text[0].isdigit() and any(c in "123456789" for c in text) else text
