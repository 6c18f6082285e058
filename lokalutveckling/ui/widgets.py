"""The widgets every page shows its figures with: charts and tables that carry what they are (badge,
filters as applied, date, sources) and their downloads, and the sources behind a table in words."""

from __future__ import annotations

import re
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from lokalutveckling import data, export, figures, provenance
from lokalutveckling.format import fmt_kr, fmt_number, kronor_format
from lokalutveckling.i18n import TEXTS, t
from lokalutveckling.rendering import model
from lokalutveckling.store import cache
from lokalutveckling.ui import images, recording
from lokalutveckling.ui.language import lang
from lokalutveckling.ui.pages import page_name
from lokalutveckling.ui.plotly_chart import plotly_chart
from lokalutveckling.ui.text import filter_text, literal, plain_text

# No box or lasso select (no chart takes a selection; st.plotly_chart removed them too).
PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def document_names() -> dict[str, str]:
    """Every named source of the store as readers see it (provenance.document_names)."""
    return provenance.document_names(data.kallor())


def sources(kallor: pd.Series) -> str:
    """The documents behind a table by readable name and file, for captions and downloads."""
    return provenance.source_list(kallor, document_names())


def badge(kind: str) -> None:
    """A visible marker of what a figure is: 'real', 'real_beslut' or 'real_forslag' (real amounts of a
    decision or of a proposal), 'exempel' or 'mixed'; indicator values: 'real_statistik' (all official
    statistics or documents) or 'mixed_statistik' (official and exempeldata), see provenance.indicator_badge."""
    language = lang()
    icon = {
        "real": ":material/verified:",
        "real_beslut": ":material/verified:",
        "real_forslag": ":material/pending:",
        "real_blandat": ":material/rule:",
        "exempel": ":material/science:",
        "mixed": ":material/rule:",
        "real_statistik": ":material/verified:",
        "mixed_statistik": ":material/rule:",
    }[kind]
    colour = {
        "real": "green",
        "real_beslut": "green",
        "real_forslag": "violet",
        "real_blandat": "violet",
        "exempel": "orange",
        "mixed": "blue",
        "real_statistik": "green",
        "mixed_statistik": "blue",
    }[kind]
    st.badge(t(f"badge_{kind}", language), icon=icon, color=colour)


# The badge's colour in a figure (st.badge's colours, dark enough to read on white).
BADGE_HEX = {
    "real": "#1B7F3B",
    "real_beslut": "#1B7F3B",
    "real_forslag": "#6B3FA0",
    "real_blandat": "#6B3FA0",
    "exempel": "#B45309",
    "mixed": "#1E5AA8",
    "real_statistik": "#1B7F3B",
    "mixed_statistik": "#1E5AA8",
}
IMAGE_WIDTH = 1280  # px of a chart's PNG (times PLOTLY_CONFIG's scale): the same picture from any screen


def chart(
    fig: go.Figure,
    table: pd.DataFrame | None,
    *,
    key: str,
    kind: str,
    caption: str,
    title: str | None = None,
    sources: str | None = None,
    ignored: Iterable[str] = (),
    scope: str = "",
    sentence: str = "",
) -> None:
    """A chart that carries what it is, and the same figures as a downloadable table (None: the page
    shows that table itself, right below). `sentence`: what it shows in a few plain sentences computed
    from the same data (narrative), shown under it and in the report, slides and presentation.

    The figure itself draws its title (`title`, else the name its builder gave it), the badge of `kind`
    with the view, the filters as applied and the date, and its sources (`sources`, else the documents
    and lines of the table's source columns, else the caption), so Plotly's own PNG download (the
    camera) holds them too, under a file name that says the view and the date. `ignored`: the sidebar
    filters (FILTER_KEYS) this chart does not follow; the texts say so. `scope`: the years and stages of
    its money and why it does not follow them (views.money.figure_scope), drawn in too and written into the table's
    download."""
    language = lang()
    recorded = recorded_chart(
        fig,
        table,
        key=key,
        kind=kind,
        caption=caption,
        title=title,
        sources=sources,
        ignored=ignored,
        scope=scope,
        sentence=sentence,
    )
    recording.add(recorded)
    heading, source = recorded.title, recorded.source
    spec, height = drawn(fig, **recorded.provenance())
    # One block per chart: opening its table does not shift the elements after it, which would make
    # the browser load the later chart frames anew (and Streamlit lose a moved frame's messages).
    with st.container():
        plotly_chart(spec, config=image_config(file_name(key), height), key=f"chart_{key}", locale=language)
        if sentence:
            st.markdown(literal(sentence))
        st.caption(caption)
        # The table's switch and the image downloads in one row: no line of its own for either.
        with st.container(horizontal=True, vertical_alignment="center"):
            # The table is drawn only on request: six always-present data grids cost the page about a second.
            shown = table is not None and st.toggle(t("show_table", language), key=f"table_{key}", bind="query-params")
            images.downloads(recorded, file_name(key))
        if shown:
            # Kronor as everywhere else (Swedish, whatever the browser's locale), still numbers that sort.
            money = {
                c: st.column_config.NumberColumn(format=kronor_format(language))
                for c in table.columns
                if c == t("col_kronor", language)
            }
            st.dataframe(table, hide_index=True, width="stretch", column_config=money)
            download(table, key=key, title=heading, sources=source, kind=kind, ignored=ignored, scope=scope)


def recorded_chart(
    fig: go.Figure,
    table: pd.DataFrame | None,
    *,
    key: str,
    kind: str,
    caption: str,
    title: str | None = None,
    sources: str | None = None,
    ignored: Iterable[str] = (),
    scope: str = "",
    sentence: str = "",
    page_filters: Sequence[tuple[str, str]] = (),
) -> model.Chart:
    """The figure as the view records it (see chart, whose arguments these are): its title, badge, the
    page and date, the filters as applied (the sidebar's and the page's own `page_filters`), its sources.
    Karta records its map with it too (the map on the page is folium's)."""
    language = lang()
    return model.Chart(
        key=key,
        figure=fig,
        title=title or figures.title_of(fig) or page_title(),
        sentence=sentence,
        kind=kind,
        badge=t(f"badge_{kind}", language),
        badge_colour=BADGE_HEX.get(kind, figures.MUTED),
        context=" · ".join(x for x in (page_title(), date.today().isoformat()) if x),
        filters=filter_text(ignored=ignored, page_filters=page_filters),
        source=sources or table_sources(table) or plain_text(caption),
        scope=plain_text(scope),
        caption=plain_text(caption),
        table=table,
        money=tuple(c for c in (table.columns if table is not None else ()) if c == t("col_kronor", language)),
        lang=language,
    )


# The figures as drawn (with their provenance, as JSON), by the figure they were drawn from and the texts
# drawn in: a shared figure (store.cache.cached_figure) on the same view is drawn the same way in every run
# and session, and copying and validating a Plotly figure was 40 % of Översikt's run (issue 13).
_DRAWN: OrderedDict[tuple, tuple[weakref.ref, str, int | None]] = OrderedDict()
DRAWN_MAX = 128


def drawn(fig: go.Figure, **texts: str) -> tuple[str, int | None]:
    """`fig` with its provenance (figures.with_provenance with `texts`) as Plotly JSON, and its height."""
    key = (id(fig), *sorted(texts.items()))
    with cache.FIGURES:  # the figure may be shared by every session (store.cache.FIGURES)
        hit = _DRAWN.get(key)
        if hit is not None and hit[0]() is fig:  # the same figure, not another one at a reused id
            _DRAWN.move_to_end(key)
            return hit[1], hit[2]
        shown = figures.with_provenance(fig, **texts)
        spec, height = pio.to_json(shown, validate=False), shown.layout.height
        _DRAWN[key] = (weakref.ref(fig), spec, height)
        while len(_DRAWN) > DRAWN_MAX:
            _DRAWN.popitem(last=False)
    return spec, height


def plotly_config(name: str, fig: go.Figure) -> dict:
    """PLOTLY_CONFIG with the camera's PNG named `name` and drawn IMAGE_WIDTH wide at the figure's height."""
    return image_config(name, fig.layout.height)


def image_config(name: str, height: int | None) -> dict:
    """PLOTLY_CONFIG with the camera's PNG named `name` and drawn IMAGE_WIDTH wide, `height` high."""
    image = {**PLOTLY_CONFIG["toImageButtonOptions"], "filename": name, "width": IMAGE_WIDTH}
    if height:
        image["height"] = height
    return {**PLOTLY_CONFIG, "toImageButtonOptions": image}


def page_title() -> str:
    """The running page's title as the navigation shows it ('Översikt'), '' outside a page."""
    name = page_name()
    return t(f"nav_{name}", lang()) if name and f"nav_{name}" in TEXTS else ""


def file_name(key: str) -> str:
    """A download's file name without extension: the page, the view and the date,
    'oversikt_tilldelning_per_namnd_2026-12-01' (the page once when the key already starts with it)."""
    page = page_name()
    view = key if not page or key == page or key.startswith(f"{page}_") else f"{page}_{key}"
    safe = re.sub(r"[^0-9A-Za-z_-]+", "_", view).strip("_") or "uttag"
    return f"{safe}_{date.today().isoformat()}"


def table_sources(frame: pd.DataFrame | None) -> str:
    """The documents behind a table by readable name, with the lines cited, from its source columns
    (Källdokument and Rad, or Källa): 'Stadskontorets tjänsteskrivelse 2022-08-12, rad 160–171'; ''
    when it has none. A cell may hold several sources or lines, comma-separated."""
    if frame is None or frame.empty:
        return ""
    language = lang()
    document, line = t("col_dokument", language), t("col_rad", language)
    column = document if document in frame.columns else "kalla" if "kalla" in frame.columns else None
    if column is None:
        return ""
    lines = frame[line] if line in frame.columns else frame.get("dokument_rad")
    kallor: list[str] = []
    rader: list[object] = []
    for index, value in enumerate(frame[column].tolist()):
        ids = [k.strip() for k in str(value).split(",") if k.strip()] if isinstance(value, str) else []
        cited = lines.iloc[index] if lines is not None else None
        numbers = [n.strip() for n in str(cited).split(",") if n.strip().isdigit()] if pd.notna(cited) else []
        for kalla in ids:
            # Lines belong to a document only when the row cites one document.
            for rad in numbers if len(ids) == 1 and numbers else [None]:
                kallor.append(kalla)
                rader.append(int(rad) if rad is not None else None)
    names = {**document_names(), "exempeldata": t("source_exempel", language)}
    return provenance.source_list(pd.Series(kallor, dtype=object), names, pd.Series(rader, dtype=object), language)


def sources_of(*columns: pd.Series | None) -> str:
    """The sources named in any of `columns` (ids, comma-separated) by readable name, exempeldata as such."""
    cells = [c for c in columns if c is not None]
    if not cells:
        return ""
    names = {**document_names(), "exempeldata": t("source_exempel", lang())}
    return provenance.source_list(pd.concat(cells, ignore_index=True), names)


STATIC_TABLE_MAX_ROWS = 40


def formatted(frame: pd.DataFrame, money: Iterable[str], lang: str) -> pd.DataFrame:
    """Kronor (the columns `money`) and decimals as text in the language's format, as tables show them."""
    shown = frame.copy()
    for column in shown.columns:
        if column in money:
            shown[column] = [fmt_kr(v, lang) if pd.notna(v) else "" for v in shown[column]]
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = [fmt_number(v, lang) if pd.notna(v) else "" for v in shown[column]]
    return shown


def table(
    frame: pd.DataFrame,
    *,
    key: str,
    money: tuple[str, ...] = (),
    title: str | None = None,
    sources: str | None = None,
    kind: str | None = None,
    exempel: str | None = None,
    ignored: Iterable[str] = (),
    page_filters: Sequence[tuple[str, str]] = (),
    scope: str = "",
) -> None:
    """A table with kronor and decimals in Swedish format and the raw figures as CSV and Excel downloads
    that say what they are (see download; `sources` defaults to the table's source columns).

    Up to STATIC_TABLE_MAX_ROWS rows it is static text (reads well on a projector, loads no grid
    component); longer tables use the scrolling data grid, which draws only the visible rows.
    """
    language = lang()
    shown = formatted(frame, money, language)
    cited = sources if sources is not None else table_sources(frame)
    recording.add(
        model.Table(
            key=key,
            title=title or page_title(),
            frame=frame,
            sources=cited,
            exempel=exempel or exempel_of(frame, kind),
            filters=filter_text(ignored=ignored, page_filters=page_filters),
            money=tuple(money),
        )
    )
    if len(shown) <= STATIC_TABLE_MAX_ROWS:
        static_table(shown.fillna("").set_index(shown.columns[0]))
    else:
        st.dataframe(shown, hide_index=True, width="stretch", height=420)
    download(
        frame,
        key=key,
        title=title,
        sources=cited,
        kind=kind,
        exempel=exempel,
        ignored=ignored,
        page_filters=page_filters,
        scope=scope,
    )


def static_table(frame: pd.DataFrame) -> None:
    """st.table with every text cell and row label shown literally: st.table reads its cells as Markdown,
    so a name like `**Läxhjälp**` or `[här](https://…)` from the store or a file would be formatted."""

    def cell(value: object) -> object:
        return literal(value) if isinstance(value, str) else value

    shown = frame.copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = [cell(v) for v in shown[column]]
    shown.index = [cell(v) for v in shown.index]
    shown.index.name = frame.index.name
    st.table(shown)


def download(
    frame: pd.DataFrame,
    *,
    key: str,
    title: str | None = None,
    sources: str = "",
    kind: str | None = None,
    exempel: str | None = None,
    ignored: Iterable[str] = (),
    page_filters: Sequence[tuple[str, str]] = (),
    scope: str = "",
) -> None:
    """CSV and Excel downloads of exactly these figures, each starting with what they are: the view
    (the page and `title`), how much is exempeldata (`exempel`, else see exempel_of), the filters as
    applied (the sidebar's, those in `ignored` marked as not followed, and the page's own
    `page_filters`), the date and the sources. The file names say the page, the view and the date.
    Files are made only when a button is pressed, and pressing one does not rerun the page."""
    language = lang()
    page = page_title()
    view = t("export_view", language, page=page, title=title) if page and title and title != page else title or page
    about = export.about_rows(
        view or key,
        filter_text(ignored=ignored, page_filters=page_filters),
        sources,
        lang=language,
        when=datetime.now(),
        exempel=exempel or exempel_of(frame, kind),
        scope=plain_text(scope),
    )
    name = file_name(key)
    row = st.container(horizontal=True)
    row.download_button(
        t("download_csv", language),
        lambda: export.csv_bytes(frame, about),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"download_{key}",
        on_click="ignore",  # no rerun: a rerun would replace the buttons, and a second click meanwhile is lost
    )
    row.download_button(
        t("download_excel", language),
        lambda: export.excel_bytes(frame, about, lang=language),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"download_xlsx_{key}",
        on_click="ignore",
    )


def exempel_of(frame: pd.DataFrame, kind: str | None = None) -> str:
    """How much of a table is exempeldata, in words (export.exempel_text): from its 'Varav exempeldata'
    and 'Insatser' columns, else from its source column (a row whose source is exempeldata), else from
    the badge `kind` (exempel: all; real: none; mixed: real totals, exempeldata breakdown)."""
    language = lang()
    n_ex, n_ins = t("col_exempel", language), t("col_insatser", language)
    if n_ex in frame.columns and n_ins in frame.columns:
        counted = export.exempel_text(
            int(frame[n_ex].fillna(0).sum()),
            int(frame[n_ins].fillna(0).sum()),
            language,
            unit=t("export_unit_insatser", language),
        )
        return f"{t('export_exempel_mixed', language)}: {counted}" if kind == "mixed" else counted
    for column in (t("ins_source", language), t("col_dokument", language), "kalla"):
        if column in frame.columns:
            marked = (
                frame[column]
                .astype(str)
                .str.contains(f"exempeldata|{re.escape(t('source_exempel', language))}", regex=True)
            )
            return export.exempel_text(int(marked.sum()), len(frame), language)
    if kind == "exempel":
        return export.exempel_text(len(frame), len(frame), language)
    if kind and kind.startswith("real"):
        return export.exempel_text(0, len(frame), language)
    if kind == "mixed":
        return t("export_exempel_mixed", language)
    return "–"


def exempel_share(*columns: pd.Series | None, unit: str | None = None) -> str:
    """How many rows are exempeldata when each row's sources are in `columns` (ids, comma-separated, with
    the same index: one entry per row): a row is when any of its sources is exempeldata; when every
    source given is exempeldata, so is every row (an area without a team is so in the example data too)."""
    language = lang()
    given = [c.astype("string") for c in columns if c is not None]
    if not given:
        return "–"
    cells = pd.concat(given, axis=1)  # aligned on the index: give every column the same row keys
    marked = cells.apply(lambda row: row.str.contains("exempeldata", na=False).any(), axis=1)
    named = cells.stack().dropna()
    if not named.empty and named.str.fullmatch(r"(exempeldata(, )?)+").all():
        marked[:] = True
    return export.exempel_text(int(marked.sum()), len(cells), language, unit=unit)
