"""Vad ger effekt: the stop-candidate list for the people who decide (the rule in words with its thresholds,
two of them adjustable and kept in the URL; each candidate with why it is there, its effect signal and its
latest follow-up, linked to the insats) and every insats's effect signal as a table. A list to discuss, never
a verdict (lokalutveckling.stoppkandidater)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lokalutveckling import data, namnd_names, provenance, stoppkandidater, ui
from lokalutveckling.analys import effekt
from lokalutveckling.format import fmt_date
from lokalutveckling.i18n import t
from lokalutveckling.rendering import model
from lokalutveckling.ui import paging, recording
from lokalutveckling.views.effekt import RULE
from lokalutveckling.views.indicators import kind_of

DEFAULT = stoppkandidater.StopRule()
NEAR_KEY = "stopp_nara_slut"  # ?stopp_nara_slut=6: months to the end date that count as near
LONG_KEY = "stopp_lang_tid"  # ?stopp_lang_tid=24: months since the start that count as running long
MAX_MONTHS = 120


def rule_inputs(lang: str) -> stoppkandidater.StopRule:
    """The two month thresholds, each a number input kept in the URL; the rest of the rule as it is."""
    near_col, long_col = st.columns(2)
    near = near_col.number_input(
        t("stopp_near_label", lang),
        min_value=0,
        max_value=MAX_MONTHS,
        value=DEFAULT.near_end_months,
        step=1,
        key=NEAR_KEY,
        bind="query-params",
    )
    long = long_col.number_input(
        t("stopp_long_label", lang),
        min_value=1,
        max_value=MAX_MONTHS,
        value=DEFAULT.long_running_months,
        step=1,
        key=LONG_KEY,
        bind="query-params",
    )
    return stoppkandidater.StopRule(
        near_end_months=int(near if near is not None else DEFAULT.near_end_months),
        long_running_months=int(long if long is not None else DEFAULT.long_running_months),
    )


def rule_text(rule: stoppkandidater.StopRule, lang: str) -> str:
    """The rule in words with every threshold as it is used."""
    return t(
        "stopp_rule",
        lang,
        statuses=t("stopp_or", lang).join(t(f"status_{s}", lang) for s in rule.statuses),
        near=rule.near_end_months,
        long=rule.long_running_months,
        k=RULE.k_comparison,
        level=round(RULE.level * 100),
        max=RULE.max_indicators,
        effects=t("stopp_or", lang).join(t(f"effect_{e}", lang) for e in rule.effects),
    )


def assessed(rule: stoppkandidater.StopRule, today: date) -> tuple[pd.DataFrame, dict[str, effekt.InsatsSignal]]:
    """Every insats assessed by the rule (stoppkandidater.assess) and every insats's effect signal."""
    signals = data.effekt_signaler(RULE)
    frame = stoppkandidater.assess(data.stopp_insatser(), data.stopp_uppfoljningar(), signals, today, rule)
    return frame, signals


def _day(value: object) -> str:
    return fmt_date(pd.Timestamp(value).date()) if pd.notna(value) else "–"


def period_text(row: pd.Series, lang: str) -> str:
    if pd.isna(row["slutdatum"]):
        return t("stopp_open_ended", lang, start=_day(row["startdatum"]))
    return f"{_day(row['startdatum'])} – {_day(row['slutdatum'])}"


def time_reason(row: pd.Series, rule: stoppkandidater.StopRule, lang: str) -> str:
    """Why the insats counts on time: past its end date, near it, running long (all that hold)."""
    parts = []
    if row["efter_slut"]:
        parts.append(t("stopp_why_past", lang, date=_day(row["slutdatum"])))
    if row["nara_slut"]:
        parts.append(t("stopp_why_near", lang, n=int(row["manader_kvar"]), date=_day(row["slutdatum"])))
    if row["lang_tid"]:
        parts.append(t("stopp_why_long", lang, n=int(row["manader_igang"]), date=_day(row["startdatum"])))
    return t("stopp_and", lang).join(parts)


def signal_summary(row: pd.Series, lang: str) -> str:
    """The effect signal in a few words: '3 målindikatorer: ingen tydlig skillnad i 2, underlag saknas i 1'."""
    n = int(row["n_signaler"])
    if not n:
        return t("stopp_signal_none", lang)
    parts = [t(f"effekt_count_{b}", lang, n=int(row[f"n_{b}"])) for b in effekt.BEDOMNINGAR if int(row[f"n_{b}"])]
    return t("stopp_signal", lang, n=n, parts=", ".join(parts))


def followup_text(row: pd.Series, lang: str) -> str:
    """The latest follow-up that judged the effect, in words ('' for its basis, shown apart as written)."""
    if pd.isna(row.get("senaste_effekt")):
        key = "stopp_followup_unjudged" if int(row["n_uppfoljningar"]) else "stopp_followup_none"
        return t(key, lang, n=int(row["n_uppfoljningar"]))
    return t(
        "stopp_followup",
        lang,
        date=_day(row["senaste_datum"]),
        effect=t(f"effect_{row['senaste_effekt']}", lang),
        n=int(row["n_uppfoljningar"]),
    )


def why_text(row: pd.Series, rule: stoppkandidater.StopRule, lang: str) -> str:
    """Why it is on the list: all three conditions in words."""
    follow = (
        t("stopp_why_followup_none", lang)
        if row["ingen_bedomning"]
        else t("stopp_why_followup", lang, effect=t(f"effect_{row['senaste_effekt']}", lang))
    )
    none = int(row["n_signaler"]) == int(row["n_underlag_saknas"])  # not one indicator could be computed
    signal = t("stopp_why_signal_none" if none else "stopp_why_signal", lang)
    return t("stopp_why", lang, time=time_reason(row, rule, lang), signal=signal, followup=follow)


def no_signal_reasons(sig: effekt.InsatsSignal | None) -> str:
    """Why some target indicators have no signal, each reason once, as the analysis wrote it."""
    reasons = dict.fromkeys(s.skal for s in (sig.signals if sig else ()) if s.bedomning == "underlag_saknas" and s.skal)
    return " ".join(reasons)


def candidate_list(
    candidates: pd.DataFrame,
    rule: stoppkandidater.StopRule,
    lang: str,
    signals: dict[str, effekt.InsatsSignal] | None = None,
) -> None:
    """Each candidate, two to a row: a link to the insats (Insatser with ?insats=<id>, as its chooser keeps
    it), nämnd, period and status, why it is there, its signal (with why some indicators have none, as
    written) and its latest follow-up."""
    columns = st.columns(2) if len(candidates) > 1 else [st.container()]
    for i, row in enumerate(r for _, r in candidates.iterrows()):
        with columns[i % len(columns)].container(border=True):
            st.page_link(
                "pages/insatser.py",
                label=ui.literal(f"{row['insats_id']} · {row['namn']}"),
                icon=":material/open_in_new:",
                query_params={"insats": str(row["insats_id"])},  # the id: a renamed insats keeps its link
            )
            facts = " · ".join(
                [
                    namnd_names.translate_text(str(row["namnd"]), lang),
                    period_text(row, lang),
                    t(f"status_{row['status']}", lang),
                ]
            )
            st.caption(ui.literal(facts))
            st.markdown(f"{t('stopp_why_label', lang)} {ui.literal(why_text(row, rule, lang))}")
            st.markdown(
                f"{t('stopp_signal_label', lang)} {ui.literal(signal_summary(row, lang))}  \n"
                f"{t('stopp_followup_label', lang)} {ui.literal(followup_text(row, lang))}"
            )
            reasons = no_signal_reasons((signals or {}).get(str(row["insats_id"])))
            if reasons:
                st.caption(ui.literal(t("stopp_no_signal_why", lang, reasons=reasons)))
            if isinstance(row.get("senaste_underlag"), str) and row["senaste_underlag"].strip():
                st.caption(ui.literal(t("stopp_basis", lang, basis=row["senaste_underlag"])))


def candidates_table(candidates: pd.DataFrame, rule: stoppkandidater.StopRule, lang: str) -> pd.DataFrame:
    """The list as a table (downloads, report, slides)."""
    return pd.DataFrame(
        {
            t("ins_id", lang): candidates["insats_id"],
            t("ins_name", lang): candidates["namn"],
            t("col_namnd", lang): namnd_names.translate(candidates["namnd"], lang),
            t("col_period", lang): [period_text(r, lang) for _, r in candidates.iterrows()],
            t("col_status", lang): [t(f"status_{s}", lang) for s in candidates["status"]],
            t("stopp_col_why", lang): [time_reason(r, rule, lang) for _, r in candidates.iterrows()],
            t("stopp_col_signal", lang): [signal_summary(r, lang) for _, r in candidates.iterrows()],
            t("stopp_col_followup", lang): [followup_text(r, lang) for _, r in candidates.iterrows()],
            t("ins_source", lang): [provenance.source_label(k, lang, ui.document_names()) for k in candidates["kalla"]],
        }
    )


def signals_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every insats's effect signal: its target indicators counted per verdict, its latest judged follow-up,
    and whether it is on the list with the thresholds chosen."""
    table = pd.DataFrame(
        {
            t("ins_id", lang): frame["insats_id"],
            t("ins_name", lang): frame["namn"],
            t("col_namnd", lang): namnd_names.translate(frame["namnd"], lang),
            t("col_status", lang): [t(f"status_{s}", lang) for s in frame["status"]],
            t("stopp_col_targets", lang): frame["n_signaler"].astype(int),
        }
    )
    for b in effekt.BEDOMNINGAR:
        table[t(f"stopp_col_{b}", lang)] = frame[f"n_{b}"].astype(int)
    table[t("stopp_col_latest_effect", lang)] = [
        t(f"effect_{e}", lang) if isinstance(e, str) else "" for e in frame["senaste_effekt"]
    ]
    table[t("stopp_col_on_list", lang)] = [t("yes", lang) if k else "" for k in frame["kandidat"]]
    return table.sort_values(t("ins_id", lang)).reset_index(drop=True)


def values_kind(signals: dict[str, effekt.InsatsSignal]) -> str:
    """The badge of the indicator values behind every signal (exempeldata until official statistics are in)."""
    return kind_of([k for sig in signals.values() for s in sig.signals for k in s.kallor])


def page(lang: str) -> None:
    """The whole page below its title and intro."""
    st.subheader(t("stopp_header", lang))
    st.warning(t("stopp_framing", lang), icon=":material/forum:")
    rule = rule_inputs(lang)
    st.info(rule_text(rule, lang), icon=":material/rule:")
    # The framing and the rule travel with the list into the report, slides and presentation.
    words = " ".join(ui.plain_text(x) for x in (t("stopp_framing", lang), rule_text(rule, lang)))
    recording.add(model.Note(title=t("stopp_header", lang), text=words, kind=""))
    frame, signals = assessed(rule, date.today())
    kind = values_kind(signals)
    listed = frame[frame["kandidat"]]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(t("stopp_count", lang, n=len(listed), total=len(frame)), width="content")
        ui.badge(kind)
    if listed.empty:
        st.success(t("stopp_none", lang), icon=":material/check_circle:")
    candidate_list(listed, rule, lang, signals)
    page_filters = [
        (t("stopp_near_label", lang), str(rule.near_end_months)),
        (t("stopp_long_label", lang), str(rule.long_running_months)),
    ]
    if not listed.empty:
        with st.expander(t("stopp_as_table", lang), icon=":material/table:"):
            ui.table(
                candidates_table(listed, rule, lang),
                key="stoppkandidater",
                title=t("stopp_header", lang),
                kind="mixed",
                exempel=t("stopp_exempel", lang),
                page_filters=page_filters,
            )
    st.subheader(t("stopp_signals_header", lang))
    st.markdown(t("stopp_signals_intro", lang, k=RULE.k_comparison, level=round(RULE.level * 100)))
    paging.table(  # a page at a time when the store holds many insatser (?effektsignaler_sida=2)
        signals_table(frame, lang),
        key="effektsignaler",
        title=t("stopp_signals_header", lang),
        kind=kind,
        exempel=t("stopp_exempel", lang),
        page_filters=page_filters,
    )
    st.caption(t("stopp_signals_caption", lang))
