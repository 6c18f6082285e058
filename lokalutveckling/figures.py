"""Pure figure builders: a DataFrame in, a Plotly figure out. No Streamlit, no data access, no mutation.

One base layout for all charts (large type that reads at a distance, Swedish number format) and one
palette: the fokusområden and finansieringskällor carry their colours from the store.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from lokalutveckling import provenance
from lokalutveckling.format import fmt_kr, fmt_mnkr, fmt_number, plotly_separators
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
    note = "<br>".join(_wrap(escape(part), width) for part in (filters, scope, source) if part)
    axis = _bottom_axis_room(out)
    # An x axis on top (the heatmap's) has its labels between the title and the plot.
    room = TITLE_ROOM + (34 if out.layout.xaxis.side == "top" else 0)
    below = max(bottom, axis + FOOTER_LINE * (note.count("<br>") + 1) + 8)
    named = [
        tr.name for tr in out.data if tr.type not in ("sankey", "heatmap") and tr.showlegend is not False and tr.name
    ]
    if len(named) > 1:
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


def empty_figure(*, lang: str, height: int = 260) -> go.Figure:
    """The explicit empty state: a blank chart that says there is nothing to show."""
    fig = go.Figure()
    fig.add_annotation(
        text=t("empty", lang), showarrow=False, font={"size": 18}, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, lang=lang, height=height)


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
        ticktext=[_wrap(escape(c), 14) for c in col_names],
        tickvals=[escape(c) for c in col_names],
    )
    return base_layout(fig, lang=lang, height=max(320, 46 * len(rows) + 90), title=t("heatmap_header", lang))


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


YEAR_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#999933"]


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
                f"<b>{escape(r['organ'])}{escape(para)} · {when}</b><br>{_wrap(escape(r['rubrik']))}{money}<br>"
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


def _wrap(text: str, width: int = 60) -> str:
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


def trend_with_insats_bands(
    trend: pd.DataFrame, insatser: pd.DataFrame, *, omrade: str, name: str, unit: str, lang: str = "sv"
) -> go.Figure:
    """An indicator over the years for one område against Malmö, with the area's insatser as bands.

    Each band spans an insats from its start to its end (or to today while running), so nobody reads a
    figure as the effect of an insats that had not started. `trend` has ar, omrade_kod ('0' = Malmö)
    and varde; `insatser` has namn, startdatum, slutdatum.
    """
    if trend.empty:
        return empty_figure(lang=lang)
    fig = go.Figure()
    today = pd.Timestamp.today().normalize()
    for _, row in insatser.iterrows():
        start = pd.Timestamp(row["startdatum"])
        end = pd.Timestamp(row["slutdatum"]) if pd.notna(row["slutdatum"]) else today
        fig.add_vrect(x0=start, x1=end, fillcolor="#E69F00", opacity=0.12, line_width=0, layer="below")
    for code, label, colour, dash in (
        (omrade, name, "#0072B2", "solid"),
        ("0", t("map_city_value", lang), "#5A6B7B", "dot"),
    ):
        part = trend[trend["omrade_kod"] == code].sort_values("ar")
        # A yearly figure sits mid-year, under its own year's label, so bands before or after it read right.
        x = [pd.Timestamp(year=int(a), month=7, day=1) for a in part["ar"]]
        fig.add_scatter(
            x=x,
            y=part["varde"],
            mode="lines+markers",
            name=escape(label),
            line={"color": colour, "dash": dash, "width": 3},
            hovertemplate=f"{escape(label)}<br>%{{x|%Y}}: %{{y:,.1f}} {escape(unit)}<extra></extra>",
        )
    fig.update_yaxes(title=escape(unit))
    fig.update_xaxes(dtick="M12", tick0="2016-07-01", tickformat="%Y")
    return base_layout(fig, lang=lang, height=380, title=name)


def need_presence_scatter(df: pd.DataFrame, *, lang: str = "sv", cutoff_index: float | None = None) -> go.Figure:
    """Need index (x) against kronor per inhabitant (y), one point per area.

    `df` has namn, behovsindex, kronor_per_invanare, har_team, kraftsamlande, markorer, flagga,
    median_kr. Filled points have an områdesteam; a diamond marks kraftsamlande; flagged areas are
    ringed in red and named on the chart. `cutoff_index` draws the high-need line.
    """
    shown = df.dropna(subset=["behovsindex"])
    if shown.empty:
        return empty_figure(lang=lang)
    fig = go.Figure()
    kinds = [
        (True, True, "need_legend_team_kraft"),
        (True, False, "need_legend_team"),
        (False, True, "need_legend_kraft"),
        (False, False, "need_legend_no_team"),
    ]
    for has_team, kraft, label in kinds:
        part = shown[(shown["har_team"] == has_team) & (shown["kraftsamlande"] == kraft)]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["behovsindex"],
                y=part["kronor_per_invanare"],
                mode="markers",
                name=t(label, lang),
                marker={
                    "size": 20 if kraft else 17,
                    "color": "#0072B2" if has_team else "#FFFFFF",
                    "line": {"color": "#0072B2", "width": 2},
                    "symbol": "diamond" if kraft else "circle",
                },
                customdata=list(
                    zip(
                        [escape(str(n)) for n in part["namn"]],
                        [fmt_kr(v, lang) for v in part["kronor_per_invanare"]],
                        part["markorer"],
                        strict=True,
                    )
                ),
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>"
                    + t("need_hover_index", lang)
                    + ": %{x:.2f}<br>"
                    + t("need_hover_kronor", lang)
                    + ": %{customdata[1]}<br>"
                    + t("need_hover_markers", lang)
                    + ": %{customdata[2]} / 3<extra></extra>"
                ),
            )
        )
    flagged = shown[shown["flagga"]]
    if not flagged.empty:
        fig.add_trace(
            go.Scatter(
                x=flagged["behovsindex"],
                y=flagged["kronor_per_invanare"],
                mode="markers+text",
                name=t("need_legend_flag", lang),
                marker={"size": 30, "color": "rgba(0,0,0,0)", "line": {"color": "#D55E00", "width": 3}},
                text=[escape(str(n).split(",")[0]) for n in flagged["namn"]],
                textposition="top center",
                textfont={"color": "#A63D00", "size": 15},
                hoverinfo="skip",
            )
        )
    median = float(shown["median_kr"].iloc[0])
    fig.add_hline(
        y=median,
        line={"color": "#5A6B7B", "dash": "dot", "width": 1.5},
        annotation_text=t("need_median_line", lang, kronor=fmt_kr(median, lang)),
        annotation_position="top left",
    )
    if cutoff_index is not None:
        fig.add_vline(
            x=cutoff_index,
            line={"color": "#D55E00", "dash": "dash", "width": 1.5},
            annotation_text=t("need_cutoff_line", lang),
            annotation_position="top right",
        )
    fig.update_xaxes(title=t("need_axis_index", lang), range=[-0.05, 1.05], zeroline=False)
    fig.update_yaxes(title=t("need_axis_kronor", lang), rangemode="tozero")
    return base_layout(fig, lang=lang, height=480, title=t("behov_title", lang))
