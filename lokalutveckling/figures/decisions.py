"""Where the insatser and the decisions stand: insatser per lifecycle status, and the chain of decisions and
proposals per organ on a time axis."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling import provenance
from lokalutveckling.figures.base import (
    ORGAN_ORDER,
    STAGE_SYMBOLS,
    STATUS_COLOURS,
    base_layout,
    empty_figure,
    escape,
    wrap,
)
from lokalutveckling.format import fmt_kr
from lokalutveckling.i18n import t


def status_bars(df: pd.DataFrame, *, lang: str = "sv") -> go.Figure:
    """Number of insatser per lifecycle status, in lifecycle order."""
    if df.empty:
        return empty_figure(lang=lang)
    labels = [t(f"status_{s}", lang) for s in df["status"]]
    hover = [
        f"<b>{lab}</b><br>{t('hover_insatser', lang)}: {int(n)}<br>{t('hover_kronor', lang)}: {fmt_kr(v, lang)}"
        for lab, n, v in zip(labels, df["n_insatser"], df["belopp_kr"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=df["n_insatser"],
            marker_color=[STATUS_COLOURS.get(s, "#888888") for s in df["status"]],
            text=df["n_insatser"],
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    # Room above the tallest bar for its label: an axis that ends at the bar cut the label off.
    top = float(df["n_insatser"].max() or 1)
    fig.update_yaxes(title=t("hover_insatser", lang), range=[0, top * 1.18], rangemode="tozero")
    return base_layout(fig, lang=lang, height=340, title=t("status_header", lang))


def decision_timeline(df: pd.DataFrame, *, lang: str = "sv") -> go.Figure:
    """Decisions and proposals on a time axis, one lane per organ; filled = beslut, ring = förslag."""
    if df.empty:
        return empty_figure(lang=lang)
    organs = [o for o in ORGAN_ORDER if o in set(df["organ"])] + sorted(set(df["organ"]) - set(ORGAN_ORDER))
    fig = go.Figure()
    for stage, symbol in STAGE_SYMBOLS.items():
        part = df[df["stadium"] == stage]
        if part.empty:
            continue
        hover = []
        for _, r in part.iterrows():
            when = r["datum"].date().isoformat() if pd.notna(r["datum"]) else str(r["ar"])
            money = f"<br>{t('hover_kronor', lang)}: {fmt_kr(r['belopp_kr'], lang)}" if pd.notna(r["belopp_kr"]) else ""
            para = f" {r['paragraf']}" if isinstance(r["paragraf"], str) else ""
            hover.append(
                f"<b>{escape(r['organ'])}{escape(para)} · {when}</b><br>{wrap(escape(r['rubrik']))}{money}<br>"
                f"{t('hover_stage', lang)}: {t('stadium_' + stage, lang)}<br>"
                f"{t('hover_source', lang)}: {escape(_source_of(r, lang))}"
            )
        fig.add_scatter(
            x=part["datum_visat"],
            y=[escape(o) for o in part["organ"]],
            mode="markers",
            name=t("stadium_" + stage, lang),
            showlegend=True,  # also alone: an image of one proposal still says that the ring is a proposal
            marker={"symbol": symbol, "size": 18, "color": "#0072B2", "line": {"width": 3, "color": "#0072B2"}},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=[escape(o) for o in organs[::-1]])
    fig.update_xaxes(dtick="M12", tickformat="%Y")
    shown = pd.to_datetime(df["datum_visat"]).dropna()
    if shown.nunique() == 1:  # one decision (a filtered view): a year each side, so the axis has its years
        day = shown.iloc[0]
        fig.update_xaxes(range=[day - pd.DateOffset(years=1), day + pd.DateOffset(years=1)])
    return base_layout(fig, lang=lang, height=340, title=t("beslut_chain_header", lang))


def _source_of(row: pd.Series, lang: str) -> str:
    """A decision's source document and line as readers know them ('KS 2020-06-03 § 200, rad 23')."""
    document = {
        "kalla_id": row["kalla"],
        "typ": row.get("kalla_typ"),
        "datum": row.get("kalla_datum"),
        "organ": row.get("kalla_organ"),
        "titel": row.get("kalla_titel"),
    }
    return provenance.source_name(
        row["kalla"], row.get("dokument_rad"), {row["kalla"]: provenance.document_name(document, lang)}, lang
    )
