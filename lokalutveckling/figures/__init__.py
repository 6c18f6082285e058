"""Pure figure builders: a DataFrame in, a Plotly figure out. No Streamlit, no data access, no mutation.

One base layout for all charts (large type that reads at a distance, Swedish number format) and one
palette (`base`): the fokusområden and finansieringskällor carry their colours from the store. The
builders by subject: `money` (kronor per nämnd and fokusområde, the allocations, the flow of money),
`decisions` (statuses, the chain of decisions), `areas` (an area's indicator over time, need against
presence), `area_map` (Karta's 14 areas drawn for images, without a basemap). Callers use them as
`figures.<name>`.
"""

from lokalutveckling.figures.area_map import area_map
from lokalutveckling.figures.areas import need_presence_scatter, trend_with_insats_bands
from lokalutveckling.figures.base import (
    FONT,
    FOOTER_LINE,
    MUTED,
    ORGAN_ORDER,
    STAGE_SYMBOLS,
    STATUS_COLOURS,
    TEXT_COLOUR,
    TITLE_ROOM,
    YEAR_COLOURS,
    base_layout,
    empty_figure,
    escape,
    title_of,
    with_provenance,
    wrap,
)
from lokalutveckling.figures.coverage import coverage_heatmap as coverage_heatmap
from lokalutveckling.figures.decisions import decision_timeline, status_bars
from lokalutveckling.figures.money import allocation_bars, heatmap_namnd_fokus, sankey_flow, stacked_bars_namnd_fokus
from lokalutveckling.figures.uppdrag import chain_timeline

__all__ = [
    "FONT",
    "FOOTER_LINE",
    "MUTED",
    "ORGAN_ORDER",
    "STAGE_SYMBOLS",
    "STATUS_COLOURS",
    "TEXT_COLOUR",
    "TITLE_ROOM",
    "YEAR_COLOURS",
    "allocation_bars",
    "area_map",
    "base_layout",
    "chain_timeline",
    "decision_timeline",
    "empty_figure",
    "escape",
    "heatmap_namnd_fokus",
    "need_presence_scatter",
    "sankey_flow",
    "stacked_bars_namnd_fokus",
    "status_bars",
    "title_of",
    "trend_with_insats_bands",
    "with_provenance",
    "wrap",
]
