"""The money figures: kronor per nämnd and fokusområde (heatmap, stacked bars), the allocations in the
decision documents per year and stage, and the flow from funding source to nämnd to fokusområde."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.figures.base import YEAR_COLOURS, base_layout, empty_figure, escape, wrap
from lokalutveckling.format import fmt_kr, fmt_mnkr, fmt_number
from lokalutveckling.i18n import t


def _fokus_name(row: pd.Series, lang: str) -> str:
    return row["fokus_en"] if lang == "en" else row["fokus_sv"]


def _namnd_order(df: pd.DataFrame) -> list[str]:
    return df.sort_values("namnd_ordning")["kortnamn"].drop_duplicates().tolist()


def heatmap_namnd_fokus(df: pd.DataFrame, fokus: pd.DataFrame, *, lang: str = "sv") -> go.Figure:
    """Kronor per nämnd (rows) and fokusområde (columns, fixed order); hover: kronor and insatser.

    `df` has kortnamn, namnd_ordning, fokus_kod, belopp_kr, n_insatser; `fokus` the five fokusområden.
    """
    if df.empty:
        return empty_figure(lang=lang)
    rows = _namnd_order(df)
    cols = fokus.sort_values("ordning")
    col_names = cols["namn_en" if lang == "en" else "namn_sv"].tolist()
    kronor = df.pivot_table(index="kortnamn", columns="fokus_kod", values="belopp_kr", aggfunc="sum")
    count = df.pivot_table(index="kortnamn", columns="fokus_kod", values="n_insatser", aggfunc="sum")
    kronor = kronor.reindex(index=rows, columns=cols["fokus_kod"])
    count = count.reindex(index=rows, columns=cols["fokus_kod"]).fillna(0).astype(int)
    z = kronor.to_numpy()
    text = [[fmt_mnkr(v, lang) if pd.notna(v) else "" for v in line] for line in z]
    hover = [
        [
            f"<b>{escape(rows[i])}</b><br>{escape(col_names[j])}<br>{t('hover_kronor', lang)}: "
            f"{fmt_kr(z[i][j], lang) if pd.notna(z[i][j]) else '0'}<br>"
            f"{t('hover_insatser', lang)}: {count.iat[i, j]}"
            for j in range(len(col_names))
        ]
        for i in range(len(rows))
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[escape(c) for c in col_names],  # names from the store as text (Plotly reads tags in labels)
            y=[escape(r) for r in rows],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 14},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="Blues",
            colorbar=_mnkr_colorbar(z, lang),
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(
        side="top",
        tickangle=0,
        ticktext=[wrap(escape(c), 14) for c in col_names],
        tickvals=[escape(c) for c in col_names],
    )
    return base_layout(fig, lang=lang, height=max(320, 46 * len(rows) + 90), title=t("heatmap_header", lang))


def _mnkr_colorbar(z: object, lang: str) -> dict:
    """A colour bar over kronor that reads in mnkr ('0', '1,5', '3,0' … under the title 'mnkr'): ticks at
    round millions, so the scale reads like the cells' own labels."""
    values = pd.Series(pd.DataFrame(z).to_numpy().ravel()).dropna()
    top = float(values.max()) if not values.empty else 0.0
    step = _nice_step(top / 4) if top > 0 else 1_000_000
    ticks = [i * step for i in range(int(top // step) + 1)] if top > 0 else [0]
    decimals = 0 if step >= 1_000_000 and step % 1_000_000 == 0 else 1
    return {
        "title": {"text": t("axis_mnkr", lang)},
        "tickvals": ticks,
        "ticktext": [fmt_number(v / 1_000_000, lang, decimals) for v in ticks],
    }


def _nice_step(raw: float) -> float:
    """The round step (1, 2 or 5 times a power of ten kronor, at least 100 000) nearest above `raw`."""
    power = 100_000
    while True:
        for factor in (1, 2, 5):
            if factor * power >= raw:
                return float(factor * power)
        power *= 10


def _stacked_hbars(
    df: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    key: str,
    name_col: str,
    colour_col: str,
    detail: Callable[[pd.Series], list[str]],
    lang: str,
    row_height: int,
    title: str = "",
) -> go.Figure:
    """Horizontal bars per nämnd, one stacked trace per row of `groups` (matched on column `key`).

    `detail(part)` gives the last hover line for each nämnd of one group.
    """
    rows = _namnd_order(df)
    fig = go.Figure()
    for _, g in groups.iterrows():
        part = df[df[key] == g[key]].set_index("kortnamn").reindex(rows)
        name = g[name_col]
        kronor = part["belopp_kr"].fillna(0)
        hover = [
            f"<b>{escape(n)}</b><br>{escape(name)}<br>{t('hover_kronor', lang)}: {fmt_kr(v, lang)}<br>{extra}"
            for n, v, extra in zip(rows, kronor, detail(part), strict=True)
        ]
        fig.add_bar(
            y=[escape(r) for r in rows],
            x=kronor,
            name=escape(name),
            orientation="h",
            marker_color=g[colour_col],
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("axis_kronor", lang), tickformat=",d")
    return base_layout(fig, lang=lang, height=max(320, row_height * len(rows) + 120), title=title)


def stacked_bars_namnd_fokus(df: pd.DataFrame, fokus: pd.DataFrame, *, lang: str = "sv") -> go.Figure:
    """Horizontal bars per nämnd, stacked by fokusområde in fixed order and colours."""
    if df.empty:
        return empty_figure(lang=lang)
    return _stacked_hbars(
        df,
        fokus.sort_values("ordning"),
        key="fokus_kod",
        name_col="namn_en" if lang == "en" else "namn_sv",
        colour_col="farg",
        detail=lambda part: [
            f"{t('hover_insatser', lang)}: {int(c) if pd.notna(c) else 0}" for c in part["n_insatser"]
        ],
        lang=lang,
        row_height=38,
        title=t("heatmap_header", lang),
    )


def allocation_bars(df: pd.DataFrame, *, lang: str = "sv") -> go.Figure:
    """Kronor per nämnd in the decision documents, one bar per year and stage side by side (never stacked:
    a proposal is not added to a decision, nor one year to another). A proposal's bar is hatched, a
    decision's solid; the hover names the funding sources, the organ and the date.

    `df` is data.allocations_by_namnd: one row per nämnd, year, decision and funding source.
    """
    if df.empty:
        return empty_figure(lang=lang)
    rows = _namnd_order(df)
    groups = df[["ar", "stadium"]].drop_duplicates().sort_values(["ar", "stadium"])
    years = sorted(set(df["ar"]))
    kalla = "kalla_kortnamn_en" if lang == "en" else "kalla_kortnamn"
    fig = go.Figure()
    for _, g in groups.iterrows():
        part = df[(df["ar"] == g["ar"]) & (df["stadium"] == g["stadium"])]
        label = f"{int(g['ar'])} · {t('stadium_' + g['stadium'], lang)}"
        per = part.groupby("kortnamn")
        kronor = per["belopp_kr"].sum().reindex(rows)
        hover = []
        for name, value in zip(rows, kronor, strict=True):
            if pd.isna(value):
                hover.append("")
                continue
            lines = per.get_group(name)
            detail = "<br>".join(
                f"{escape(str(r[kalla]))}: {fmt_kr(r['belopp_kr'], lang)}" for _, r in lines.iterrows()
            )
            organ = " · ".join(sorted({escape(str(o)) for o in lines["organ"]}))
            hover.append(
                f"<b>{escape(name)}</b><br>{label} ({organ})<br>{t('hover_kronor', lang)}: {fmt_kr(value, lang)}"
                f"<br>{detail}"
            )
        fig.add_bar(
            y=[escape(r) for r in rows],
            x=kronor,
            name=label,
            orientation="h",
            marker={
                "color": YEAR_COLOURS[years.index(g["ar"]) % len(YEAR_COLOURS)],
                "pattern": {"shape": "/" if g["stadium"] == "förslag" else "", "fillmode": "overlay"},
            },
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    fig.update_layout(barmode="group", bargroupgap=0.05)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("axis_kronor", lang), tickformat=",d")
    return base_layout(
        fig, lang=lang, height=max(320, (18 + 12 * len(groups)) * len(rows) + 120), title=t("alloc_header", lang)
    )


def sankey_flow(df: pd.DataFrame, *, lang: str = "sv") -> go.Figure:
    """Funding source → nämnd → fokusområde, link widths in kronor.

    `df` has one row per (finansiering_kod, namnd_kod, fokus_kod) with belopp_kr, n_insatser and
    the names, orders and colours of each node.
    """
    if df.empty:
        return empty_figure(lang=lang)
    sources = df.sort_values("kalla_ordning").drop_duplicates("finansiering_kod")
    namnder = df.sort_values("namnd_ordning").drop_duplicates("namnd_kod")
    fokus = df.sort_values("fokus_ordning").drop_duplicates("fokus_kod")
    labels: list[str] = []
    colours: list[str] = []
    index: dict[tuple[str, str], int] = {}
    for _, r in sources.iterrows():
        index[("k", r["finansiering_kod"])] = len(labels)
        labels.append(r["finansieringskalla_en"] if lang == "en" else r["finansieringskalla"])
        colours.append(r["kalla_farg"])
    for _, r in namnder.iterrows():
        index[("n", r["namnd_kod"])] = len(labels)
        labels.append(r["kortnamn"])
        colours.append("#8899A6")
    for _, r in fokus.iterrows():
        index[("f", r["fokus_kod"])] = len(labels)
        labels.append(_fokus_name(r, lang))
        colours.append(r["farg"])
    first = df.groupby(["finansiering_kod", "namnd_kod"], as_index=False)[["belopp_kr", "n_insatser"]].sum()
    second = df.groupby(["namnd_kod", "fokus_kod", "farg"], as_index=False)[["belopp_kr", "n_insatser"]].sum()
    source_ids = [index[("k", k)] for k in first["finansiering_kod"]] + [index[("n", n)] for n in second["namnd_kod"]]
    target_ids = [index[("n", n)] for n in first["namnd_kod"]] + [index[("f", f)] for f in second["fokus_kod"]]
    values = first["belopp_kr"].tolist() + second["belopp_kr"].tolist()
    counts = first["n_insatser"].tolist() + second["n_insatser"].tolist()
    link_colours = [_fade(colours[s]) for s in source_ids[: len(first)]] + [_fade(c) for c in second["farg"]]
    hover = [
        f"{escape(labels[s])} → {escape(labels[g])}<br>{t('hover_kronor', lang)}: {fmt_kr(v, lang)}<br>"
        f"{t('hover_insatser', lang)}: {int(c)}"
        for s, g, v, c in zip(source_ids, target_ids, values, counts, strict=True)
    ]
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": [escape(x) for x in labels],
                "color": colours,
                "pad": 14,
                "thickness": 18,
                "hovertemplate": "%{label}<br>%{value:,.0f} kr<extra></extra>",
            },
            link={
                "source": source_ids,
                "target": target_ids,
                "value": values,
                "color": link_colours,
                "customdata": hover,
                "hovertemplate": "%{customdata}<extra></extra>",
            },
        )
    )
    return base_layout(fig, lang=lang, height=560, title=t("sankey_header", lang))


def _fade(hex_colour: str, alpha: float = 0.45) -> str:
    """A hex colour as rgba with transparency, for Sankey links."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"
