"""The Nämnder page's parts: the nämnder side by side, and one nämnd's insatser."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lokalutveckling import data, domain, namnd_names, provenance, ui
from lokalutveckling.format import fmt_kr
from lokalutveckling.i18n import t
from lokalutveckling.ui import links, paging
from lokalutveckling.views.insatser import flag_texts

STATUS_COLUMNS = list(domain.STATUSAR)
_STATUS_FIELD = {
    "föreslagen": "n_foreslagen",
    "beviljad": "n_beviljad",
    "pågående": "n_pagaende",
    "avslutad": "n_avslutad",
    "avbruten": "n_avbruten",
    "permanentad": "n_permanentad",
}


def receiver_note(lang: str) -> None:
    """The 2022 decision's own warning: the nämnd that receives the money is not always the one doing the work."""
    st.info(t("nam_receiver_note", lang), icon=":material/info:")


def comparison_table(f: data.Filter, lang: str) -> pd.DataFrame:
    """One row per nämnd: money received per källa (real decisions), insatser led and partnered, by status."""
    money = data.allocations_by_namnd(f)
    work = data.namnder_insatser(f)
    # One column per year and stage ('2022 · förslag'): a proposal is not a sum received, and amounts of
    # different years or stages are not added up.
    received = money.pivot_table(
        index="kortnamn", columns=["ar", "stadium"], values="belopp_kr", aggfunc="sum", fill_value=0
    )
    received.columns = [money_column(int(ar), stadium, lang) for ar, stadium in received.columns]
    names = (
        pd.concat(
            [
                money[["kortnamn", "namnd_ordning"]].rename(columns={"namnd_ordning": "ordning"}),
                work[["kortnamn", "ordning"]],
            ]
        )
        .drop_duplicates("kortnamn")
        .sort_values("ordning")
    )
    out = pd.DataFrame({t("col_namnd", lang): names["kortnamn"]}).set_index(t("col_namnd", lang))
    out = out.join(received)
    led = work.set_index("kortnamn")
    out[t("nam_leads", lang)] = led["n_leder"].reindex(out.index).fillna(0).astype(int)
    out[t("nam_leads_kr", lang)] = led["kr_leder"].reindex(out.index).fillna(0).astype(int)
    out[t("nam_partner", lang)] = led["n_partner"].reindex(out.index).fillna(0).astype(int)
    # One column for the statuses (six columns made the table wider than a laptop screen).
    counts = {s: led[_STATUS_FIELD[s]].reindex(out.index).fillna(0).astype(int) for s in STATUS_COLUMNS}
    out[t("nam_statuses", lang)] = [
        " · ".join(f"{t(f'status_{s}', lang)} {int(counts[s][n])}" for s in STATUS_COLUMNS if counts[s][n])
        for n in out.index
    ]
    flagged = data.insatser_flaggor(date.today(), f).groupby("namnd").size()
    out[t("kpi_flagged", lang)] = flagged.reindex(out.index).fillna(0).astype(int)
    out = out.reset_index().fillna(0)
    # Joined on the Swedish short name (as the queries give it), shown in the page's language.
    out[t("col_namnd", lang)] = namnd_names.translate(out[t("col_namnd", lang)], lang)
    return out


def money_column(ar: int, stadium: str, lang: str) -> str:
    """The heading of a comparison column of money: 'Beslutat 2018, kr' or 'Föreslaget 2022, kr'."""
    return t(f"nam_money_{stadium}", lang, ar=ar)


def money_columns(table: pd.DataFrame, lang: str) -> tuple[str, ...]:
    """The kronor columns of the comparison table, for Swedish formatting."""
    prefixes = tuple(t(f"nam_money_{s}", lang, ar="\0").split("\0")[0] for s in ("beslut", "förslag"))
    stages = [c for c in table.columns if c.startswith(prefixes)]
    return (*stages, t("nam_leads_kr", lang))


def namnd_table(df: pd.DataFrame, flags: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One nämnd's insatser: its role, who leads, status, fokusområde, kronor, period, follow-up, source."""
    flagged = flag_texts(flags, lang)
    documents = ui.document_names()
    return pd.DataFrame(
        {
            t("ins_id", lang): df["insats_id"],
            t("ins_name", lang): df["namn"],
            t("nam_role", lang): [t(f"nam_role_{r}", lang) for r in df["roll"]],
            t("nam_led_by", lang): namnd_names.translate(df["leds_av"], lang),
            t("col_status", lang): [t(f"status_{s}", lang) for s in df["status"]],
            t("col_fokus", lang): df["fokus_en" if lang == "en" else "fokus_sv"],
            t("col_kronor", lang): df["belopp_kr"],
            t("ins_start", lang): [d.date().isoformat() if pd.notna(d) else "" for d in df["startdatum"]],
            t("ins_end", lang): [d.date().isoformat() if pd.notna(d) else "" for d in df["slutdatum"]],
            t("ins_followup", lang): [flagged.get(i, "") for i in df["insats_id"]],
            t("ins_source", lang): [provenance.source_label(k, lang, documents) for k in df["kalla"]],
        }
    )


def choose_namnd(lang: str) -> str:
    """One nämnd to look at in detail, kept in the URL."""
    namnder = data.namnder()
    labels = namnd_names.names(lang)
    names = links.aliases(
        *(
            dict(zip(namnder["namnd_kod"], namnder[c], strict=True))
            for c in ("kortnamn", "namn", "kortnamn_en", "namn_en")
        )
    )
    return links.selectbox(st, t("nam_choose", lang), labels, names, key="nam_namnd")  # ?nam_namnd=<code>


def show_namnd(kod: str, f: data.Filter, lang: str) -> None:
    """Everything about one nämnd's insatser for the filters."""
    df = data.namnd_insatser(kod, f)
    if df.empty:
        st.info(t("empty", lang))
        return
    led = df[df["roll"] == "leder"]
    cols = st.columns(3)
    cols[0].metric(t("nam_leads", lang), len(led))
    cols[1].metric(t("nam_leads_kr", lang), fmt_kr(led["belopp_kr"].sum(), lang))
    cols[2].metric(t("nam_partner", lang), int((df["roll"] == "partner").sum()))
    flags = data.insatser_flaggor(date.today())
    # A page at a time (?namnd_insatser_sida=2), from page 1 for another nämnd.
    paging.table(
        namnd_table(df, flags, lang),
        key=f"namnd_{kod}",
        pager_key="namnd_insatser",
        context=kod,
        money=(t("col_kronor", lang),),
    )
