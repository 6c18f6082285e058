"""The coverage of the indicators: how many places have an official value, per indicator and year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.figures.base import base_layout, empty_figure, escape, wrap
from lokalutveckling.i18n import t


def coverage_heatmap(counts: pd.DataFrame, *, places: int, lang: str = "sv") -> go.Figure:
    """Indicators (rows, in the order given) × years (columns): the number of the `places` that have an
    official value (0 … places); hover: official, exempeldata and missing. A year the indicator was not
    measured is an empty cell.

    `counts` has indikator (the label), ar, n_officiell, n_exempel, n_saknas.
    """
    if counts.empty:
        return empty_figure(lang=lang)
    rows = list(dict.fromkeys(counts["indikator"]))
    years = sorted(set(counts["ar"]))

    def grid(column: str) -> pd.DataFrame:
        return counts.pivot_table(index="indikator", columns="ar", values=column, aggfunc="sum").reindex(
            index=rows, columns=years
        )

    official, exempel, missing = grid("n_officiell"), grid("n_exempel"), grid("n_saknas")
    z = official.to_numpy()
    text = [[str(int(v)) if pd.notna(v) else "" for v in line] for line in z]
    hover = [
        [
            ""
            if pd.isna(z[i][j])
            else f"<b>{escape(rows[i])}</b><br>{years[j]}<br>"
            + t("cov_hover_official", lang, n=int(z[i][j]), total=places)
            + "<br>"
            + t("cov_hover_exempel", lang, n=int(exempel.iat[i, j]))
            + "<br>"
            + t("cov_hover_missing", lang, n=int(missing.iat[i, j]))
            for j in range(len(years))
        ]
        for i in range(len(rows))
    ]
    labels = [escape(r) for r in rows]  # names from the store as text (Plotly reads tags in labels)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[str(y) for y in years],
            y=labels,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 13},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="Greens",
            zmin=0,
            zmax=places,
            colorbar={"title": {"text": t("cov_colorbar", lang)}, "tickvals": [0, places // 2, places]},
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False, ticktext=[wrap(r, 28) for r in labels], tickvals=labels)
    fig.update_xaxes(side="top", type="category", tickangle=0, showgrid=False)
    return base_layout(
        fig, lang=lang, height=max(320, 34 * len(rows) + 110), title=t("cov_chart_title", lang, n=places)
    )
