"""A view as it leaves the screen: the page's charts, tables and notes in the order shown, each saying
what it is (title, a plain sentence, the badge), with the filters as applied and its sources. The pages
record it as they draw (ui.recording); the report, the slides and presentation mode draw it again."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go

from lokalutveckling.i18n import TEXTS, t

# The badges whose figures are, or hold, exempeldata (ui.badge's kinds).
EXEMPEL_KINDS = frozenset({"exempel", "mixed", "mixed_statistik"})


@dataclass(frozen=True)
class Chart:
    """One figure as a page drew it: `figure` as built (the texts below are drawn in by
    figures.with_provenance wherever it goes), and its table."""

    key: str  # the page's name for it ('tilldelning_per_namnd'), also in file names
    figure: go.Figure
    title: str
    sentence: str  # what it shows, in a few plain sentences from the same data ('' when none)
    kind: str  # the badge: real, real_beslut, real_forslag, real_blandat, exempel, mixed
    badge: str  # the badge in words ('Verkliga siffror: beslut')
    badge_colour: str
    context: str  # the page and the date ('Översikt · 2026-12-01')
    filters: str  # the filters as applied, in words ('År: 2022'; '' for none)
    source: str  # its sources in words ('Kommunstyrelsens arbetsutskott 2022-09-12 § 430, rad 12–40')
    scope: str = ""  # the years and stages of its money, the filters it does not follow and why
    caption: str = ""  # the caption under it on the page, plain text
    table: pd.DataFrame | None = None  # the same figures as a table (headers in the language)
    money: tuple[str, ...] = ()  # the table's kronor columns

    lang: str = "sv"

    @property
    def exempel(self) -> bool:
        return self.kind in EXEMPEL_KINDS

    def provenance(self) -> dict[str, str]:
        """The texts figures.with_provenance draws into the figure, as the page draws them."""
        return {
            "title": self.title,
            "context": self.context,
            "badge": self.badge,
            "badge_colour": self.badge_colour,
            "filters": f"{t('export_filters', self.lang)}: {self.filters or t('export_no_filters', self.lang)}",
            "source": t("chart_source", self.lang, sources=self.source or "–"),
            "scope": self.scope,
        }


@dataclass(frozen=True)
class Table:
    """A table a page shows by itself (not a chart's)."""

    key: str
    title: str
    frame: pd.DataFrame
    sources: str = ""
    exempel: str = ""  # how much of it is exempeldata, in words (export.exempel_text); '' when unknown
    filters: str = ""
    money: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """A text the figures need beside them, such as a reconciliation of a declared sum against its rows."""

    title: str
    text: str  # plain text
    kind: str = "real"  # its badge; '' for words that say themselves what is real and what exempeldata


Item = Chart | Table | Note


def holds_exempel(item: Item) -> bool:
    """Whether the item is, or holds, exempeldata (a table whose exempeldata text says 'none' does not)."""
    if isinstance(item, Chart):
        return item.exempel
    if isinstance(item, Table):
        none = {TEXTS["export_exempel_none"][lang].split("(")[0].strip() for lang in ("sv", "en")}
        return bool(item.exempel) and not any(item.exempel.startswith(prefix) for prefix in none)
    return item.kind in EXEMPEL_KINDS


@dataclass
class Report:
    """One view: a page with its link (the page and query string, 'oversikt?ar=2022')."""

    page: str  # 'oversikt'
    title: str  # 'Översikt'
    link: str  # 'oversikt?ar=2022'
    lang: str
    filters: str  # the sidebar's filters in words, '' for none
    made: datetime
    intro: str = ""  # the page's opening words, plain ('' for none)
    subject: str = ""  # what the view is about within its page (Område: the area's name; '' for none)
    items: list[Item] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The view's name: the page's title, with its subject ('Område: Rosengård')."""
        return f"{self.title}: {self.subject}" if self.subject else self.title

    @property
    def charts(self) -> list[Chart]:
        return [item for item in self.items if isinstance(item, Chart)]

    @property
    def exempel(self) -> bool:
        """Whether anything in the view is, or holds, exempeldata."""
        return any(holds_exempel(item) for item in self.items)

    @property
    def sources(self) -> list[str]:
        """Every source the view cites, once each, in the order first cited."""
        seen: dict[str, None] = {}
        for item in self.items:
            text = item.source if isinstance(item, Chart) else item.sources if isinstance(item, Table) else ""
            if text:
                seen.setdefault(text, None)
        return list(seen)
