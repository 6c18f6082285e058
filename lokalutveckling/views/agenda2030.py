"""Agenda 2030 (issue 17, part 3): an area on the three sustainability dimensions (Område's section), the map
colouring by one dimension (Karta), and the global goals an insats serves (the insats facts table).

The dimensions are read from the project's classification of the indicators against the UN's targets
(indikator_agenda2030, not a decision of the city) the same way the need index reads need (agenda2030,
analys.need_index): rule in words, every weight shown. No indicator is ecological yet, and every place the
three dimensions appear says so instead of showing a value.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lokalutveckling import agenda2030, data, maps, provenance, ui
from lokalutveckling.figures.agenda2030 import dimension_strip
from lokalutveckling.format import fmt_number
from lokalutveckling.i18n import t, unit
from lokalutveckling.store import Connection, cache
from lokalutveckling.ui import links
from lokalutveckling.views import dokument
from lokalutveckling.views.indicators import exempel_text, kind_of, source_names

# Why the product looks at Agenda 2030: KSAU 2024-09-09 § 414, "Lokal utveckling utgår från Agenda 2030 i de
# 14 geografiska statistikområdena med alla Malmöbor som målgrupp."
REASON = ("003_e0a6b3b1c5ce9486.txt", 47)
CLASSIFICATION = "projektet_agenda2030"  # the kallor row naming the project's classification
GOALS_SOURCE = "fn_agenda2030"  # the kallor row naming the UN's goals and their Swedish names


def underlag(con: Connection | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The classification (data.agenda2030_taggning) and its indicators' newest values in the 14 areas
    (data.indicator_latest: indikator_kod, ar, omrade_kod, namn, varde, kalla)."""
    tags = data.agenda2030_taggning(con)
    values = data.indicator_latest(tuple(tags["indikator_kod"]), con)
    if tags.empty:  # an empty list asks indicator_latest for every indicator
        values = values.iloc[0:0]
    return tags, values


def directions(tags: pd.DataFrame) -> dict[str, bool]:
    return {str(k): bool(v) for k, v in zip(tags["indikator_kod"], tags["hogre_ar_battre"], strict=True)}


def dimensions_result(tags: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """agenda2030.dimension_index with each area's name (namn)."""
    result = agenda2030.dimension_index(values, tags, directions(tags))
    names = values.drop_duplicates("omrade_kod").set_index("omrade_kod")["namn"]
    return result.assign(namn=result["omrade_kod"].map(names))


def dimension_label(dimension: str, lang: str) -> str:
    return t(f"a2030_dim_{dimension}", lang)


def labels(lang: str) -> dict[str, str]:
    """The three dimensions by name, in their fixed order."""
    return {d: dimension_label(d, lang) for d in agenda2030.DIMENSIONS}


def _indicator_name(tags: pd.DataFrame, lang: str) -> pd.Series:
    return tags.set_index("indikator_kod")["namn_en" if lang == "en" else "namn_sv"]


def weights_text(tags: pd.DataFrame, dimension: str, lang: str) -> str:
    """A dimension's indicators with their weights ('Trångboddhet × 1, …'), or that it has none yet."""
    codes = agenda2030.dimension_indicators(tags, dimension)
    if not codes:
        return t("a2030_no_indicators", lang, dimension=dimension_label(dimension, lang))
    names = _indicator_name(tags, lang)
    return ", ".join(f"{names[k]} × {agenda2030.WEIGHT}" for k in codes)


def years_text(values: pd.DataFrame) -> str:
    return ", ".join(str(y) for y in sorted(set(values["ar"].dropna().astype(int)))) or "–"


def dimension_table(result: pd.DataFrame, tags: pd.DataFrame, kod: str, lang: str) -> pd.DataFrame:
    """Per dimension for one area: its index 0–1, its rank among the areas with an index, how many of the
    dimension's indicators it has values for, and the indicators with their weights."""
    own = result[result["omrade_kod"] == kod].set_index("dimension")
    n = int(result.groupby("dimension")["index"].count().max() or 0)
    rows = []
    for dimension in agenda2030.DIMENSIONS:
        row = own.loc[dimension]
        has = pd.notna(row["index"])
        rows.append(
            {
                t("a2030_col_dimension", lang): dimension_label(dimension, lang),
                t("a2030_col_index", lang): round(float(row["index"]), 2) if has else None,
                t("a2030_col_rank", lang, n=n): t("a2030_rank_of", lang, rang=int(row["rang"]), n=n) if has else "–",
                t("a2030_col_n", lang): f"{int(row['n_indikatorer'])} / {int(row['n_dimension'])}",
                t("a2030_col_weights", lang): weights_text(tags, dimension, lang),
            }
        )
    return pd.DataFrame(rows)


def goal_names(lang: str, con: Connection | None = None) -> dict[int, str]:
    """Each global goal's number and name in the language: {4: '4 God utbildning för alla', …}."""
    goals = data.globala_mal(con)
    name = "namn_en" if lang == "en" else "namn_sv"
    return {int(m): f"{int(m)} {n}" for m, n in zip(goals["mal"], goals[name], strict=True)}


def indicator_table(tags: pd.DataFrame, values: pd.DataFrame, kod: str, lang: str) -> pd.DataFrame:
    """Every classified indicator by dimension, with its goals and targets, its weight, the area's value (its
    newest year, and what that value is) and need score 0–1, and why the project put it there; the ecological
    dimension as a row that says it has no indicators yet."""
    goals = goal_names(lang)
    scores = agenda2030.indicator_scores(values, directions(tags))
    score = scores[scores["omrade_kod"] == kod].set_index("indikator_kod")["poang"]
    own = values[values["omrade_kod"] == kod].set_index("indikator_kod")
    names = source_names(lang)
    name, fokus = ("namn_en", "fokus_en") if lang == "en" else ("namn_sv", "fokus_sv")
    rows = []
    for dimension in agenda2030.DIMENSIONS:
        part = tags[tags["dimension"] == dimension]
        if part.empty:
            rows.append(
                {
                    t("a2030_col_dimension", lang): dimension_label(dimension, lang),
                    t("col_indikator", lang): t("a2030_no_indicators_short", lang),
                }
            )
            continue
        for _, tag in part.iterrows():
            kodi = tag["indikator_kod"]
            value = own.loc[kodi] if kodi in own.index else None
            has = value is not None and pd.notna(value["varde"])
            rows.append(
                {
                    t("a2030_col_dimension", lang): dimension_label(dimension, lang),
                    t("col_indikator", lang): f"{tag[fokus]}: {tag[name]}",
                    t("a2030_col_goals", lang): " · ".join(goals[g] for g in agenda2030.goals_of_cell(tag["mal"])),
                    t("a2030_col_targets", lang): ", ".join(agenda2030.split_list(tag["delmal"])),
                    t("a2030_col_weight", lang): str(agenda2030.WEIGHT),
                    t("col_ar", lang): str(int(value["ar"])) if value is not None else "–",
                    t("col_omradet", lang): (
                        f"{fmt_number(float(value['varde']), lang)} {unit(tag['enhet'], lang)}" if has else "–"
                    ),
                    t("a2030_col_score", lang): round(float(score[kodi]), 2) if pd.notna(score.get(kodi)) else None,
                    t("col_indicator_source", lang): (
                        provenance.indicator_value_text(value["kalla"], value["ar"], names, lang) if has else "–"
                    ),
                    t("a2030_col_why", lang): tag["motivering"],
                }
            )
    return pd.DataFrame(rows)


def sentence(result: pd.DataFrame, kod: str, area_name: str, kind: str, lang: str) -> str:
    """The chart in words: the area's index and rank on each dimension, the one without indicators as such,
    and what of the values is exempeldata."""
    own = result[result["omrade_kod"] == kod].set_index("dimension")
    n = int(result.groupby("dimension")["index"].count().max() or 0)
    parts = []
    for dimension in agenda2030.DIMENSIONS:
        row = own.loc[dimension]
        if pd.isna(row["index"]):
            parts.append(t("a2030_no_indicators", lang, dimension=dimension_label(dimension, lang)))
        else:
            parts.append(
                t(
                    "a2030_sentence_part",
                    lang,
                    dimension=dimension_label(dimension, lang),
                    index=fmt_number(float(row["index"]), lang, 2),
                    rang=int(row["rang"]),
                    n=n,
                )
            )
    text = t("a2030_sentence", lang, namn=area_name, n=n, parts="; ".join(parts))
    if kind == "exempel":
        text += " " + t("a2030_sentence_exempel", lang)
    elif kind == "mixed_statistik":
        text += " " + t("a2030_sentence_mixed", lang)
    return text


def rule_text(tags: pd.DataFrame, values: pd.DataFrame, lang: str) -> str:
    """The rule in words, with the weights and years it used (Markdown)."""
    n = int(values["omrade_kod"].nunique())
    return t(
        "a2030_rule",
        lang,
        weight=agenda2030.WEIGHT,
        years=years_text(values),
        n=n,
        social=weights_text(tags, "social", lang),
        ekonomisk=weights_text(tags, "ekonomisk", lang),
        ekologisk=weights_text(tags, "ekologisk", lang),
    )


def _sources(values: pd.DataFrame) -> str:
    """The values' sources, the classification and the goals' source, by readable name (plain text)."""
    return ui.sources_of(values["kalla"], pd.Series([CLASSIFICATION, GOALS_SOURCE]))


def section(kod: str, lang: str) -> None:
    """Område's "Agenda 2030: de tre dimensionerna": why (§ 414), the chart of the area among the 14 with its
    table, the rule with its weights, and every indicator with its goals, weight, value and score."""
    tags, values = underlag()
    kind = kind_of(values.loc[values["varde"].notna(), "kalla"])
    with st.container(horizontal=True, vertical_alignment="center"):
        st.subheader(t("a2030_header", lang), width="content")
        if not values.empty:  # what the values behind the index are; none: nothing to mark
            ui.badge(kind)
    st.markdown(t("a2030_reason", lang, source=dokument.sources(lang).markdown(*REASON)))
    if values.empty or kod not in set(values["omrade_kod"]):
        st.caption(t("a2030_none", lang))
        return
    result = shared_result()
    area_name = str(values.loc[values["omrade_kod"] == kod, "namn"].iloc[0])
    names = source_names(lang)
    ui.chart(
        cache.cached_figure("agenda2030", kod, lang, _build_figure),
        dimension_table(result, tags, kod, lang),
        key=f"agenda2030_{kod}",
        sentence=sentence(result, kod, area_name, kind, lang),
        kind=kind,
        sources=_sources(values),
        caption=caption(values, names, lang),
    )
    st.markdown(rule_text(tags, values, lang))
    ui.table(
        cache.cached_value(  # the same for every visit of the area until the store changes
            "agenda2030_indikatorer", f"{kod}|{lang}", lambda: indicator_table(tags, values, kod, lang)
        ),
        key=f"agenda2030_indikatorer_{kod}",
        title=f"{t('a2030_ind_header', lang)}: {area_name}",
        sources=_sources(values),
        kind=kind,
        exempel=exempel_text(values["kalla"], lang),
    )


def shared_result() -> pd.DataFrame:
    """dimensions_result of the store's underlag, computed once per store version for every area (callers
    never change it)."""
    return cache.cached_value("agenda2030_dimensioner", "", lambda: dimensions_result(*underlag()))  # type: ignore[return-value]


def _build_figure(kod: object, lang: str) -> go.Figure:
    """The section's chart for one area (built once per area and language, cleared after every write)."""
    _tags, values = underlag()
    result = shared_result()
    area_name = str(values.loc[values["omrade_kod"] == kod, "namn"].iloc[0])
    return dimension_strip(result, omrade=str(kod), area_name=area_name, labels=labels(lang), lang=lang)


def caption(values: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """Where the values, the classification and the goals' names come from (Markdown, literal names)."""
    return t(
        "a2030_caption",
        lang,
        sources=ui.literal(provenance.indicator_sources(values["kalla"], names, lang)),
        klassning=ui.literal(names.get(CLASSIFICATION, CLASSIFICATION)),
        mal=ui.literal(names.get(GOALS_SOURCE, GOALS_SOURCE)),
    )


def _area_sources(kallor: Iterable[object]) -> str:
    """An area's sources over a dimension's indicators, comma-separated and once each (exempeldata first)."""
    distinct = sorted({str(k) for k in kallor if isinstance(k, str) and k}, key=lambda k: (k != "exempeldata", k))
    return ", ".join(distinct)


def layer_values(tags: pd.DataFrame, values: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """One dimension per area as a map layer's values: omrade_kod, namn, varde (the index), kalla (the sources
    of the values it averages), n_indikatorer."""
    result = dimensions_result(tags, values)
    part = result[result["dimension"] == dimension].set_index("omrade_kod")
    chosen = values[values["indikator_kod"].isin(agenda2030.dimension_indicators(tags, dimension))]
    kallor = chosen[chosen["varde"].notna()].groupby("omrade_kod")["kalla"].agg(_area_sources)
    return pd.DataFrame(
        {
            "omrade_kod": part.index,
            "namn": part["namn"].to_numpy(),
            "varde": part["index"].to_numpy(),
            "kalla": [kallor.get(k) for k in part.index],
            "n_indikatorer": part["n_indikatorer"].to_numpy(),
        }
    )


def karta_layer(lang: str) -> maps.IndicatorLayer | None:
    """Karta's Agenda 2030 colouring: a dimension (kept in the URL as ?karta_dimension=social) and its index per
    area (higher = more need), with the rule in a line; only dimensions with indicators can be chosen, and the
    line says the ecological one has none yet. The layer's code (agenda2030_<dimension>) names no indicator, so
    no Kolada comparison is shown for it and it is not taken for the kronor colouring. None (the map coloured by
    områdesteam, as without a layer) when no dimension has an indicator with values, e.g. after the
    exempeldata indicators are removed."""
    tags, values = underlag()
    with_values = set(values.loc[values["varde"].notna(), "indikator_kod"])
    present = [d for d in agenda2030.DIMENSIONS if set(agenda2030.dimension_indicators(tags, d)) & with_values]
    if not present:
        st.info(t("a2030_karta_none", lang))
        return None
    dimension = links.selectbox(
        st, t("a2030_karta_dimension", lang), *links.labelled(present, dimension_label, lang), key="karta_dimension"
    )
    dimension = dimension or present[0]
    chosen = values[values["indikator_kod"].isin(agenda2030.dimension_indicators(tags, dimension))]
    missing = [d for d in agenda2030.DIMENSIONS if d not in present]
    st.caption(
        " ".join(
            [
                t(
                    "a2030_karta_rule",
                    lang,
                    dimension=dimension_label(dimension, lang),
                    k=len(agenda2030.dimension_indicators(tags, dimension)),
                    weights=weights_text(tags, dimension, lang),
                    years=years_text(chosen),
                ),
                *(t("a2030_no_indicators", lang, dimension=dimension_label(d, lang)) + "." for d in missing),
            ]
        )
    )
    return maps.IndicatorLayer(
        values=layer_values(tags, values, dimension),
        name=t("a2030_layer_name", lang, dimension=t(f"a2030_adj_{dimension}", lang)),
        unit=t("a2030_layer_unit", lang),
        year=int(chosen["ar"].max()),
        higher_is_better=False,
        city_value=None,
        indikator_kod=f"agenda2030_{dimension}",
    )


def goals_text(goals: pd.DataFrame, names: dict[int, str], lang: str) -> str:
    """An insats's goals in one line: '4 God utbildning för alla · 10 Minskad ojämlikhet (social dimension)';
    '–' when none (agenda2030.goals_of)."""
    if goals.empty:
        return "–"
    dims = [d for d in agenda2030.DIMENSIONS if any(d in ds for ds in goals["dimensioner"])]
    adjectives = [t(f"a2030_adj_{d}", lang) for d in dims]
    if len(adjectives) > 1:
        joined = t("a2030_dims_many", lang, first=", ".join(adjectives[:-1]), last=adjectives[-1])
    else:
        joined = t("a2030_dims_one", lang, dimension=adjectives[0])
    return f"{' · '.join(names[int(m)] for m in goals['mal'])} ({joined})"


def insats_goals(insats_id: str, lang: str, con: Connection | None = None) -> str:
    """The global goals an insats serves, for its facts table: those of its target indicators (an editor's
    choice when it has one, else its fokusområden's indicators), by the project's classification."""
    candidates = data.agenda2030_insats_indikatorer(insats_id, con)
    codes = agenda2030.target_indicators(
        candidates.loc[candidates["urval"] == "fokus", "indikator_kod"],
        candidates.loc[candidates["urval"] == "vald", "indikator_kod"],
    )
    goals = agenda2030.goals_of(codes, data.agenda2030_taggning(con))
    return goals_text(goals, goal_names(lang, con), lang)


def insats_goals_label(lang: str) -> str:
    """The facts table's label for insats_goals' line: 'Globala mål (projektets klassning mot FN:s delmål)'."""
    return t("a2030_insats_goals_label", lang)
