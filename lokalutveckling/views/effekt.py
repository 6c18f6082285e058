"""The effect signal of one insats on screen, at the end of its detail on Insatser: per target indicator a line
of words (the change in its areas, in the comparison areas by name, the difference, its interval, what that
reads as), a small chart of the differences with their intervals (ui.chart: table, downloads, report, slides)
and the sentence that says what the signal does and does not mean. Reasons where no signal could be
computed are shown as written (the analysis's own words, lokalutveckling.analys.effekt)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd
import streamlit as st

from lokalutveckling import data, provenance, ui
from lokalutveckling.analys import effekt
from lokalutveckling.figures.effekt import effect_intervals, fmt_signed
from lokalutveckling.format import fmt_number
from lokalutveckling.i18n import t, unit
from lokalutveckling.rendering import model
from lokalutveckling.ui import recording
from lokalutveckling.views.indicators import kind_of, source_names

RULE = effekt.EffectRule()


def area_names() -> dict[str, str]:
    """The statistikområden by code, as every page names them."""
    areas = data.presence(date.today())
    return dict(zip(areas["omrade_kod"].astype(str), areas["namn"], strict=True))


def signal_of(insats_id: str) -> effekt.InsatsSignal:
    """The insats's effect signal (data.effekt_signal: computed once per store version and insats)."""
    return data.effekt_signal(insats_id, RULE)


def change_unit(enhet: object, lang: str) -> str:
    """The unit of a change: a percentage changes by percentage points ('procentenheter'); others keep theirs."""
    return t("effekt_unit_points", lang) if enhet == "procent" else unit(enhet if isinstance(enhet, str) else "", lang)


def indicator_label(defs: pd.DataFrame, kod: str, lang: str) -> str:
    """The indicator's name in the language ('Trångboddhet (norm 2)'); its code when the store lacks it."""
    if kod not in defs.index:
        return kod
    return str(defs.loc[kod, "namn_en" if lang == "en" else "namn_sv"])


def years_text(s: effekt.Signal) -> str:
    return f"{s.ar_fore}–{s.ar_efter}" if s.ar_fore is not None and s.ar_efter is not None else ""


def names_of(codes: Iterable[str], names: dict[str, str], *, short: bool = False) -> str:
    """Areas by name, separated by semicolons (a name holds commas: 'Nydala, Almhög m fl'); `short`: each by
    its first name ('Nydala'), for the lines that repeat them."""
    shown = [names.get(str(c), str(c)) for c in codes]
    return (", " if short else "; ").join(n.split(",")[0].strip() if short else n for n in shown)


def verdict(bedomning: str, lang: str) -> str:
    """What a signal reads as, in words: 'ingen tydlig skillnad', 'tydligt bättre än jämförelsen' …"""
    return t(f"effekt_verdict_{bedomning}", lang)


def indicator_line(s: effekt.Signal, defs: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """One target indicator's signal in words (plain text, to be shown literally): 'Trångboddhet (norm 2): i
    insatsens 3 områden −1,2 procentenheter 2021–2024, i jämförelseområdena (A, B, C) −0,4; skillnad 0,8 till
    insatsens fördel, 90 % intervall −0,9 … 2,5: ingen tydlig skillnad'. Without a signal: its reason."""
    label = indicator_label(defs, s.indikator_kod, lang)
    if s.bedomning == "underlag_saknas" or s.skillnad is None or s.intervall is None:
        return t("effekt_line_none", lang, indikator=label, skal=s.skal or t("effekt_no_reason", lang))
    enhet = defs.loc[s.indikator_kod, "enhet"] if s.indikator_kod in defs.index else ""
    side = "effekt_side_insats" if s.skillnad > 0 else "effekt_side_jamforelse" if s.skillnad < 0 else ""
    return t(
        "effekt_line",
        lang,
        indikator=label,
        where=t("effekt_where_one", lang) if len(s.omraden) == 1 else t("effekt_where_many", lang, n=len(s.omraden)),
        change=fmt_signed(s.forandring_insats, lang),
        unit=change_unit(enhet, lang),
        years=years_text(s),
        comparison=names_of(s.jamforelse, names, short=True),
        change_c=fmt_signed(s.forandring_jamforelse, lang),
        diff=fmt_number(abs(s.skillnad), lang),
        side=t(side, lang) if side else t("effekt_side_none", lang),
        level=round(RULE.level * 100),
        low=fmt_signed(s.intervall[0], lang),
        high=fmt_signed(s.intervall[1], lang),
        verdict=verdict(s.bedomning, lang),
    )


def lines(sig: effekt.InsatsSignal, defs: pd.DataFrame, names: dict[str, str], lang: str) -> list[str]:
    """A line per target indicator with a signal, then one per reason for those without (the indicators
    named together: a hela staden insats has the same reason for each)."""
    out = [indicator_line(s, defs, names, lang) for s in computed(sig)]
    reasons: dict[str, list[str]] = {}
    for s in sig.signals:
        if s not in computed(sig):
            reasons.setdefault(s.skal or t("effekt_no_reason", lang), []).append(
                indicator_label(defs, s.indikator_kod, lang)
            )
    out += [t("effekt_line_none", lang, indikator=", ".join(named), skal=skal) for skal, named in reasons.items()]
    return out


def computed(sig: effekt.InsatsSignal) -> list[effekt.Signal]:
    return [s for s in sig.signals if s.bedomning != "underlag_saknas" and s.skillnad is not None and s.intervall]


def kallor_of(sig: effekt.InsatsSignal) -> list[str]:
    """The sources of every value the signal used (exempeldata, ckan:…), one entry per indicator and source."""
    return [k for s in sig.signals for k in s.kallor]


def caveat(sig: effekt.InsatsSignal, lang: str) -> str:
    """What the signal does and does not mean, with the rule's numbers (k, level, the placebo comparisons)."""
    done = computed(sig)
    placebo = sorted({s.n_placebo for s in done})
    kallor = kallor_of(sig)
    exempel = "exempeldata" in kallor or not kallor
    return t(
        "effekt_caveat",
        lang,
        k=RULE.k_comparison,
        level=round(RULE.level * 100),
        placebo="–" if not placebo else str(placebo[0]) if len(placebo) == 1 else f"{placebo[0]}–{placebo[-1]}",
        exempel=t("effekt_caveat_exempel" if exempel else "effekt_caveat_official", lang),
    )


def chart_rows(sig: effekt.InsatsSignal, defs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figure's rows (figures.effekt.effect_intervals), one per computed target indicator."""
    rows = []
    for s in computed(sig):
        enhet = defs.loc[s.indikator_kod, "enhet"] if s.indikator_kod in defs.index else ""
        rows.append(
            {
                "indikator": indicator_label(defs, s.indikator_kod, lang),
                "bedomning": s.bedomning,
                "skillnad": s.skillnad,
                "lag": s.intervall[0],
                "hog": s.intervall[1],
                "forandring_insats": s.forandring_insats,
                "forandring_jamforelse": s.forandring_jamforelse,
                "enhet": change_unit(enhet, lang),
            }
        )
    columns = ["indikator", "bedomning", "skillnad", "lag", "hog", "forandring_insats", "forandring_jamforelse"]
    return pd.DataFrame(rows, columns=[*columns, "enhet"])


def signal_table(sig: effekt.InsatsSignal, defs: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """Every target indicator's signal as figures (the chart's table and downloads): the years, the areas and
    the comparison areas by name, both changes, the difference and its interval, p, the placebo count, the
    verdict or the reason, and the values' sources."""
    rows = []
    documents = source_names(lang)
    for s in sig.signals:
        enhet = defs.loc[s.indikator_kod, "enhet"] if s.indikator_kod in defs.index else ""
        rows.append(
            {
                t("col_indikator", lang): indicator_label(defs, s.indikator_kod, lang),
                t("effekt_col_unit", lang): change_unit(enhet, lang),
                t("effekt_col_years", lang): years_text(s),
                t("effekt_col_areas", lang): names_of(s.omraden, names),
                t("effekt_col_comparison", lang): names_of(s.jamforelse, names),
                t("effekt_col_change", lang): s.forandring_insats,
                t("effekt_col_change_c", lang): s.forandring_jamforelse,
                t("effekt_col_diff", lang): s.skillnad,
                t("effekt_col_low", lang): s.intervall[0] if s.intervall else None,
                t("effekt_col_high", lang): s.intervall[1] if s.intervall else None,
                t("effekt_col_p", lang): s.p,
                t("effekt_col_placebo", lang): s.n_placebo or None,
                t("effekt_col_verdict", lang): verdict(s.bedomning, lang) if not s.skal else s.skal,
                t("col_indicator_source", lang): "; ".join(
                    provenance.source_label(k, lang, documents) for k in s.kallor
                ),
            }
        )
    return pd.DataFrame(rows)


def sentence(sig: effekt.InsatsSignal, defs: pd.DataFrame, lang: str) -> str:
    """The chart in a sentence (under it and in the report, slides and presentation): how many target
    indicators, and how many read as better, worse, no clear difference, or could not be computed."""
    counts = {b: sum(s.bedomning == b for s in sig.signals) for b in effekt.BEDOMNINGAR}
    parts = [t(f"effekt_count_{b}", lang, n=counts[b]) for b in effekt.BEDOMNINGAR if counts[b]]
    return t("effekt_sentence", lang, n=len(sig.signals), parts=", ".join(parts) or "–")


def section(insats_id: str, row: pd.Series, lang: str) -> None:
    """The insats detail's effect signal: heading and badge, a line per target indicator, the chart with its
    table and downloads, the comparison areas by name, and what the signal does and does not mean."""
    sig = signal_of(insats_id)
    kallor = kallor_of(sig)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{t('effekt_header', lang)}**", width="content")
        if kallor:
            ui.badge(kind_of(kallor))
    if not sig.signals:
        st.markdown(t("effekt_no_targets", lang))
        return
    defs = data.indikatorer().set_index("indikator_kod")
    names = area_names()
    if sig.n_malindikatorer > len(sig.signals):
        st.caption(t("effekt_capped", lang, n=sig.n_malindikatorer, max=RULE.max_indicators))
    kind = kind_of(kallor) if kallor else ""
    for line in lines(sig, defs, names, lang):
        st.markdown(ui.literal(line))
        recording.add(model.Note(title=t("effekt_header", lang), text=line, kind=kind))  # the report says it too
    done = computed(sig)
    if done:
        compared = sorted({c for s in done for c in s.jamforelse}, key=lambda c: int(c) if c.isdigit() else 99)
        own = sorted({c for s in done for c in s.omraden}, key=lambda c: int(c) if c.isdigit() else 99)
        areas = t("effekt_areas", lang, own=names_of(own, names) or "–", comparison=names_of(compared, names))
        st.markdown(ui.literal(areas))
        recording.add(model.Note(title=t("effekt_header", lang), text=areas, kind=""))
        rows = chart_rows(sig, defs, lang)
        title = t("effekt_chart_title", lang, namn=f"{insats_id} {row['namn']}")
        ui.chart(
            effect_intervals(rows, lang=lang, title=title),
            signal_table(sig, defs, names, lang),
            key=f"effekt_{insats_id}",
            kind=kind_of(kallor),
            sentence=sentence(sig, defs, lang),
            sources=ui.sources_of(pd.Series(kallor, dtype=object)),
            caption=t("effekt_chart_caption", lang),
        )
    st.info(caveat(sig, lang), icon=":material/info:")
    recording.add(model.Note(title=t("effekt_header", lang), text=caveat(sig, lang), kind=""))
