"""Behov och närvaro: areas with high need and little presence of the city, by a rule stated in words."""

import streamlit as st

from lokalutveckling import data, narrative, ui
from lokalutveckling.i18n import t
from lokalutveckling.views import behov, money
from lokalutveckling.views.indicators import source_names

lang = ui.lang()
f = ui.current_filter()
st.title(t("behov_title", lang))
st.markdown(t("behov_intro", lang))

indicators = behov.need_indicator_select(lang, key="behov_indikatorer")
if not indicators:
    st.info(t("need_none", lang))
    st.stop()

result, _cutoff = behov.need_presence(f, indicators, lang)
documents = source_names(lang)
scope = money.figure_scope(f, lang, ignored=money.NOT_FOLLOWED_NEED, total=True)

st.subheader(t("need_flagged", lang))
flagged = result[result["flagga"]]
if flagged.empty:
    st.markdown(t("need_flagged_none", lang))
for kod, name in zip(flagged["omrade_kod"], flagged["namn"], strict=True):
    st.page_link(
        "pages/omrade.py",
        label=t("need_open_profile", lang, namn=ui.literal(name)),
        icon=":material/flag:",
        query_params={"omrade": kod},  # the area's code: a link survives a renamed area
    )

ui.chart(
    behov.need_figure(f, indicators, lang),
    None,
    key="behov",
    sentence=narrative.need(result, indicators, lang, kallor=data.indicator_latest(tuple(indicators))["kalla"]),
    kind="mixed",  # the kronor are exempeldata over real allocations, the teams and kraftsamling exempeldata
    caption=" ".join(
        [t("need_caption_presence", lang), ui.literal(behov.indicator_sources_line(indicators, lang, documents))]
    ),
    scope=scope,
)
# The rule under the answer and its picture (the first screen shows the flagged areas and the chart).
st.info(behov.need_rule_text(result, indicators, lang), icon=":material/rule:")
ui.table(
    behov.need_table(result, lang),
    key="behov_tabell",
    kind="mixed",
    exempel=f"{t('export_exempel_mixed', lang)}. {behov.indicator_sources_line(indicators, lang, documents)}",
    scope=scope,
)
