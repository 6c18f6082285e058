"""Figure builders are pure: their data, hover text, colours and empty state, and no input mutation."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from lokalutveckling import data, figures, provenance

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def fokus(con):
    return data.fokusomraden(con=con)


@pytest.fixture(scope="module")
def matrix(con):
    return data.insatser_by_namnd_fokus(data.Filter(ar=(2022,), finansiering=("ks_anslag",)), con=con)


def test_heatmap_cells_hold_kronor_per_namnd_and_fokus(matrix, fokus):
    before = matrix.copy()
    fig = figures.heatmap_namnd_fokus(matrix, fokus, lang="sv")
    pd.testing.assert_frame_equal(matrix, before)
    heat = fig.data[0]
    assert list(heat.x) == ["Boende", "Utbildning", "Arbetsmarknad", "Demokrati och civilsamhälle", "Brottslighet"]
    grid = pd.DataFrame(heat.z, index=heat.y, columns=heat.x)
    assert grid.loc["Grundskola"].sum() == 4_400_000
    assert pd.Series(grid.to_numpy().ravel()).sum() == 15_000_000
    assert any("Kronor: " in h and f"{NBSP}kr" in h and "Insatser: " in h for row in heat.customdata for h in row)


def test_heatmap_in_english(matrix, fokus):
    fig = figures.heatmap_namnd_fokus(matrix, fokus, lang="en")
    assert "Labour market" in fig.data[0].x
    assert fig.layout.separators == ".,"


def test_stacked_bars_one_trace_per_fokus_in_fixed_colours(matrix, fokus):
    fig = figures.stacked_bars_namnd_fokus(matrix, fokus, lang="sv")
    assert [tr.name for tr in fig.data] == fokus["namn_sv"].tolist()
    assert [tr.marker.color for tr in fig.data] == fokus["farg"].tolist()
    total = sum(sum(tr.x) for tr in fig.data)
    assert total == 15_000_000
    assert fig.layout.barmode == "stack"


def test_sankey_links_conserve_kronor(con):
    flow = data.flow(data.Filter(ar=(2022,)), con=con)
    fig = figures.sankey_flow(flow, lang="sv")
    sankey = fig.data[0]
    labels = list(sankey.node.label)
    n_sources = flow["finansiering_kod"].nunique()
    first_stage = sum(v for s, v in zip(sankey.link.source, sankey.link.value, strict=True) if s < n_sources)
    second_stage = sum(v for s, v in zip(sankey.link.source, sankey.link.value, strict=True) if s >= n_sources)
    assert first_stage == second_stage == 33_600_000
    assert "Brottslighet" in labels and "Grundskola" in labels


def test_status_bars_translate_statuses(con):
    frame = data.insatser_by_status(con=con)
    fig = figures.status_bars(frame, lang="en")
    assert list(fig.data[0].x)[:3] == ["proposed", "granted", "running"]
    assert sum(fig.data[0].y) == 67


def test_timeline_marks_stage_and_cites_the_line(con):
    fig = figures.decision_timeline(data.beslut_timeline(con=con), lang="sv")
    names = {tr.name for tr in fig.data}
    assert names == {"beslut", "förslag"}
    hovers = [h for tr in fig.data for h in tr.customdata]
    # The source by the name readers know, with its line; never the hashed file name.
    assert any("KS § 200" in h and "Källa: Stadskontorets tjänsteskrivelse 2022-08-12, rad 23" in h for h in hovers)
    assert not any(".txt" in h for h in hovers)


@pytest.mark.parametrize(
    "builder",
    [
        lambda df, f: figures.heatmap_namnd_fokus(df, f, lang="sv"),
        lambda df, f: figures.stacked_bars_namnd_fokus(df, f, lang="sv"),
        lambda df, f: figures.sankey_flow(df, lang="sv"),
        lambda df, f: figures.allocation_bars(df, lang="sv"),
        lambda df, f: figures.status_bars(df, lang="sv"),
        lambda df, f: figures.decision_timeline(df, lang="sv"),
    ],
)
def test_empty_state_says_so(builder, fokus):
    fig = builder(pd.DataFrame(), fokus)
    assert fig.layout.annotations[0].text == "Inget att visa för de valda filtren."


def test_hover_text_escapes_html(fokus):
    hostile = pd.DataFrame(
        {
            "namnd_kod": ["X"],
            "namnd": ["<script>alert(1)</script>"],
            "kortnamn": ["<script>alert(1)</script>"],
            "namnd_ordning": [1],
            "fokus_kod": ["boende"],
            "fokus_sv": ["Boende"],
            "fokus_en": ["Housing"],
            "fokus_ordning": [1],
            "farg": ["#E69F00"],
            "belopp_kr": [100.0],
            "n_insatser": [1],
            "n_exempeldata": [1],
        }
    )
    for fig in (figures.heatmap_namnd_fokus(hostile, fokus), figures.stacked_bars_namnd_fokus(hostile, fokus)):
        hovers = [h for tr in fig.data for h in pd.Series(tr.customdata).explode().dropna()]
        assert hovers and all("<script>" not in h and "&lt;script&gt;" in h for h in hovers)


def test_stage_text_for_the_2022_proposal(con):
    lines = data.tilldelningar_as_written(data.Filter(ar=(2022,)), con=con)
    assert provenance.stage_texts(lines) == [
        "Enligt förslag i tjänsteskrivelse 2022-08-12, beslut planerat i KS 2022-08-17."
    ]
    assert provenance.source_list(lines["kalla"]) == "002_653f0594ef9bb87d.txt"
    names = provenance.document_names(data.kallor(con=con))
    assert provenance.source_list(lines["kalla"], names) == "Stadskontorets tjänsteskrivelse 2022-08-12"
    assert provenance.source_list(pd.Series(["exempeldata, 003_e0a6b3b1c5ce9486.txt"]), names) == (
        "KSAU 2024-09-09 § 414, exempeldata"
    )


def test_trend_bands_mark_each_insats_period(con):
    trend = data.omrade_indicator_trend("10", "forvarvsfrekvens", con=con)
    insatser = data.omrade_insatser("10", con=con)
    own = insatser[~insatser["hela_staden"]]
    fig = figures.trend_with_insats_bands(trend, own, omrade="10", name="Förvärvsfrekvens", unit="procent")
    assert [tr.name for tr in fig.data] == ["Förvärvsfrekvens", "Malmö som helhet"]
    assert len(fig.data[0].y) == 9 and len(fig.layout.shapes) == len(own)
    first = min(own["startdatum"])
    assert min(pd.Timestamp(s.x0) for s in fig.layout.shapes) == pd.Timestamp(first)


def test_need_presence_scatter_rings_and_names_the_flagged_areas():
    df = pd.DataFrame(
        {
            "namn": ["Norr, Väst m fl", "<b>Söder</b>, m fl", "Öster"],
            "behovsindex": [0.9, 0.8, None],
            "kronor_per_invanare": [10.0, 200.0, 50.0],
            "har_team": [False, True, True],
            "kraftsamlande": [False, True, False],
            "markorer": [0, 3, 1],
            "flagga": [True, False, False],
            "median_kr": [50.0, 50.0, 50.0],
        }
    )
    before = df.copy()
    fig = figures.need_presence_scatter(df, lang="sv", cutoff_index=0.85)
    pd.testing.assert_frame_equal(df, before)
    names = [trace.name for trace in fig.data]
    assert names == ["Områdesteam, kraftsamlande", "Inget områdesteam", "Flaggat"]
    assert list(fig.data[0].customdata[0]) == ["&lt;b&gt;Söder&lt;/b&gt;, m fl", f"200{NBSP}kr", 3]
    assert fig.data[0].marker.symbol == "diamond"
    assert list(fig.data[2].text) == ["Norr"]  # the area without an index is not drawn
    assert sum(len(trace.x) for trace in fig.data[:2]) == 2
    assert fig.layout.shapes[0].y0 == 50.0 and fig.layout.shapes[1].x0 == 0.85


@pytest.mark.parametrize("asked", ["trace", "layout"])
def test_a_legend_of_one_named_trace_goes_under_the_title_not_over_it(asked):
    """Beslutskedjan for one year has only its förslag: one legend entry, which Plotly draws at the top
    right, over the badge line, unless it is placed under the title like a legend of several."""
    fig = go.Figure(go.Scatter(x=[1], y=[1], name="förslag", showlegend=asked == "trace" or None))
    if asked == "layout":
        fig.update_layout(showlegend=True)
    shown = figures.with_provenance(
        fig, title="Beslutskedjan", context="Översikt", badge="B", badge_colour="#000", source="s"
    )
    assert shown.layout.legend.yref == "container" and shown.layout.legend.yanchor == "top"
    plain = figures.with_provenance(
        go.Figure(go.Scatter(x=[1], y=[1], name="förslag")),
        title="T",
        context="c",
        badge="B",
        badge_colour="#000",
        source="s",
    )
    assert plain.layout.legend.yref is None  # no legend drawn: nothing to place
