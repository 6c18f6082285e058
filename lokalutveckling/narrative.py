"""What a figure shows, in a few plain sentences computed from the same frames it is drawn from.

Pure functions `(frame, ..., lang) -> str`: no Streamlit, no data access beyond the nämnd names in the
language. Numbers in the language's format (lokalutveckling.format); the stage of the money (beslut or
förslag, by whom) is named, a förslag never called a beslut; money of different years or stages is kept
apart, and where a figure itself adds years together the sentence says it is a sum over them; every
sentence about exempeldata says so. They say what the figures are, never what an insats brought about.
The sentences are plain text: ui.chart shows them literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from lokalutveckling import namnd_names
from lokalutveckling.format import MINUS, fmt_date, fmt_int, fmt_kr, fmt_number, fmt_pct
from lokalutveckling.i18n import t, unit

if TYPE_CHECKING:  # only for the type: narrative needs no map library
    from lokalutveckling.maps import IndicatorLayer

EXEMPEL = "exempeldata"  # the `kalla` of generated rows


def join(items: Sequence[str], lang: str) -> str:
    """'a, b och c' ('a, b and c')."""
    items = [x for x in items if x]
    if len(items) <= 1:
        return "".join(items)
    return t("nar_and", lang, first=", ".join(items[:-1]), last=items[-1])


def sentences(*parts: str) -> str:
    """The non-empty sentences joined with a space."""
    return " ".join(p for p in parts if p)


def _date(value: object) -> str:
    return fmt_date(pd.Timestamp(value).date()) if pd.notna(value) else ""


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def who(row: pd.Series, lang: str) -> str:
    """Who decided or proposed and when: 'Stadskontoret 2022-08-12, beslut planerat i KS 2022-08-17'."""
    text = " ".join(x for x in (_text(row["organ"]), _date(row["datum"]), _text(row["paragraf"])) if x)
    if row["stadium"] == "förslag" and _text(row.get("planerat_organ")):
        planned = _date(row.get("planerat_datum"))
        text += t("kpi_money_planned", lang, organ=_text(row["planerat_organ"]), datum=planned).rstrip()
    return text


def _by(rows: pd.DataFrame, stadium: str, lang: str) -> str:
    """'enligt förslag av Stadskontoret 2022-08-12, beslut planerat i KS 2022-08-17' for a year's decisions."""
    decisions = rows.drop_duplicates("beslut_id")
    return t(f"nar_by_{stadium}", lang, who="; ".join(who(r, lang) for _, r in decisions.iterrows()))


def _stadium(stadium: str, lang: str) -> str:
    return t(f"stadium_{stadium}", lang)


def allocations(df: pd.DataFrame, lang: str) -> str:
    """The money per nämnd (data.allocations_by_namnd): each year's money per stage and who decided or
    proposed it, the sources of a year with several, and the (up to) three nämnder that get most of it.
    Years and stages are never added together."""
    if df.empty:
        return t("nar_empty", lang)
    df = namnd_names.localize(df, lang)
    kalla = "kalla_kortnamn_en" if lang == "en" else "kalla_kortnamn"
    groups = list(df.groupby(["ar", "stadium"], sort=True))
    amounts = [(int(ar), str(st), rows, fmt_kr(rows["belopp_kr"].sum(), lang)) for (ar, st), rows in groups]
    if len(amounts) == 1:
        ar, st, rows, kr = amounts[0]
        first = t("nar_alloc_one", lang, ar=ar, kr=kr, by=_by(rows, st, lang))
    else:
        parts = [t("nar_alloc_part", lang, ar=ar, kr=kr, by=_by(rows, st, lang)) for ar, st, rows, kr in amounts]
        first = t("nar_alloc_many", lang, parts="; ".join(parts))
    more = []
    whole: dict[tuple[str, str], list[int]] = {}  # (stadium, nämnd) -> the years all of whose money goes to it
    for ar, st, rows, _kr in amounts:
        stadium = _stadium(st, lang)
        by_source = rows.groupby(["kalla_ordning", kalla], sort=True)["belopp_kr"].sum()
        if len(by_source) > 1:
            parts = [t("nar_alloc_from", lang, kr=fmt_kr(v, lang), kalla=k) for (_o, k), v in by_source.items()]
            more.append(t("nar_alloc_sources", lang, ar=ar, stadium=stadium, parts=join(parts, lang)))
        per = rows.groupby(["namnd_kod", "kortnamn"], sort=False)["belopp_kr"].sum().sort_values(ascending=False)
        if len(per) == 1:
            whole.setdefault((st, per.index[0][1]), []).append(ar)
        else:
            top = [f"{name} {fmt_kr(v, lang)}" for (_k, name), v in per.head(3).items()]
            more.append(t("nar_alloc_top", lang, ar=ar, stadium=stadium, top=join(top, lang)))
    for (st, namnd), years in whole.items():
        if len(years) == 1:
            more.append(t("nar_alloc_all_to", lang, ar=years[0], stadium=_stadium(st, lang), namnd=namnd))
        else:
            shown = join([str(y) for y in years], lang)
            stadium = t(f"nar_stadium_pl_{st}", lang)
            more.append(t("nar_alloc_all_to_years", lang, years=shown, stadium=stadium, namnd=namnd))
    return sentences(first, *more)


def _years(money: pd.DataFrame | None, lang: str) -> str:
    """' för 2022', or ', summa över 4 år (2018, 2022, 2024 och 2025), inte ett års pengar'; '' unknown."""
    if money is None or money.empty:
        return ""
    years = sorted({int(a) for a in money["ar"]})
    if len(years) == 1:
        return t("nar_years_one", lang, ar=years[0])
    return t("nar_years_sum", lang, n=len(years), years=join([str(y) for y in years], lang))


def stage(money: pd.DataFrame | None, lang: str) -> str:
    """What the money rests on: 'beloppen bygger på förslag' (data.allocations_by_year_and_stadium)."""
    stages = set() if money is None else set(money["stadium"])
    if stages == {"beslut"}:
        return t("stage_of_beslut", lang)
    if stages == {"förslag"}:
        return t("stage_of_forslag", lang)
    return t("stage_of_blandat", lang)


def _share(part: float, whole: float, lang: str) -> str:
    return fmt_pct(100 * part / whole, lang, 0) if whole else "–"


def namnd_fokus(matrix: pd.DataFrame, money: pd.DataFrame | None, lang: str) -> str:
    """The nämnd × fokusområde figure (data.insatser_by_namnd_fokus; `money`: the view's
    data.allocations_by_year_and_stadium, for its years and stage): the total, the largest fokusområde and
    the nämnd leading the most, and that the breakdown is exempeldata."""
    if matrix.empty:
        return t("nar_empty", lang)
    matrix = namnd_names.localize(matrix, lang)
    fokus_col = "fokus_en" if lang == "en" else "fokus_sv"
    total = float(matrix["belopp_kr"].sum())
    per_fokus = matrix.groupby(fokus_col)["belopp_kr"].sum().sort_values(ascending=False)
    per_namnd = matrix.groupby("kortnamn")["belopp_kr"].sum().sort_values(ascending=False)
    head = t(
        "nar_matrix_total",
        lang,
        kr=fmt_kr(total, lang),
        n=fmt_int(matrix["n_insatser"].sum(), lang),
        years=_years(money, lang),
        stage=stage(money, lang),
    )
    largest = t(
        "nar_matrix_largest",
        lang,
        fokus=per_fokus.index[0],
        fokus_kr=fmt_kr(per_fokus.iloc[0], lang),
        fokus_pct=_share(per_fokus.iloc[0], total, lang),
        namnd=per_namnd.index[0],
        namnd_kr=fmt_kr(per_namnd.iloc[0], lang),
        namnd_pct=_share(per_namnd.iloc[0], total, lang),
    )
    return sentences(head, largest, t("nar_breakdown_exempel", lang))


def flow(df: pd.DataFrame, money: pd.DataFrame | None, lang: str) -> str:
    """The Sankey (data.flow): each funding source's kronor as in the figure, where most goes, and that the
    breakdown is exempeldata, with the stage of the money (`money` as in namnd_fokus)."""
    if df.empty:
        return t("nar_empty", lang)
    df = namnd_names.localize(df, lang)
    kalla = "finansieringskalla_en" if lang == "en" else "finansieringskalla"
    fokus_col = "fokus_en" if lang == "en" else "fokus_sv"
    per_source = df.groupby(["kalla_ordning", kalla], sort=True)["belopp_kr"].sum()
    parts = [t("nar_flow_part", lang, kalla=k, kr=fmt_kr(v, lang)) for (_o, k), v in per_source.items()]
    key = "nar_flow_one" if len(parts) == 1 else "nar_flow"
    head = t(key, lang, n=len(parts), years=_years(money, lang), parts=join(parts, lang))
    per_namnd = df.groupby("kortnamn")["belopp_kr"].sum().sort_values(ascending=False)
    per_fokus = df.groupby(fokus_col)["belopp_kr"].sum().sort_values(ascending=False)
    most = t(
        "nar_flow_most",
        lang,
        namnd=per_namnd.index[0],
        namnd_kr=fmt_kr(per_namnd.iloc[0], lang),
        fokus=per_fokus.index[0],
        fokus_kr=fmt_kr(per_fokus.iloc[0], lang),
    )
    return sentences(head, most, t("nar_flow_stage", lang, stage=stage(money, lang)))


def _status_word(status: str, n: int, lang: str) -> str:
    return t(f"status_{status}", lang) if n == 1 else t(f"nar_status_pl_{status}", lang)


def status(df: pd.DataFrame, lang: str) -> str:
    """The insatser per status (data.insatser_by_status), in lifecycle order, and how many are exempeldata."""
    df = df[df["n_insatser"] > 0]
    if df.empty:
        return t("nar_empty", lang)
    total = int(df["n_insatser"].sum())
    parts = [
        f"{fmt_int(n, lang)} {_status_word(s, int(n), lang)}"
        for s, n in zip(df["status"], df["n_insatser"], strict=True)
    ]
    head = t("nar_status_one" if total == 1 else "nar_status", lang, n=fmt_int(total, lang), parts=join(parts, lang))
    exempel = int(df["n_exempeldata"].sum())
    if exempel == total:
        caveat = t("nar_status_exempel_all", lang)
    elif exempel:
        caveat = t("nar_status_exempel_some", lang, n=fmt_int(exempel, lang))
    else:
        caveat = ""
    return sentences(head, caveat)


def _count(n: int, stadium: str, lang: str) -> str:
    """'5 beslut', '1 proposal'."""
    return t(f"nar_n_{stadium}" + ("_one" if n == 1 else ""), lang, n=fmt_int(n, lang))


def _counts(df: pd.DataFrame, lang: str) -> str:
    numbers = df["stadium"].value_counts()
    return join([_count(int(numbers[s]), s, lang) for s in ("beslut", "förslag") if s in numbers], lang)


def _when(row: pd.Series, lang: str) -> str:
    if row.get("datum_saknas", False) or pd.isna(row["datum"]):
        return t("nar_year_only", lang, ar=int(row["ar"]))
    return _date(row["datum"])


def timeline(df: pd.DataFrame, lang: str) -> str:
    """The decision chain (data.beslut_timeline): how many decisions and proposals, from when to when, and
    the latest step with the organ a proposal goes to."""
    if df.empty:
        return t("nar_empty", lang)
    ordered = df.sort_values("datum_visat", kind="stable")
    head = t(
        "nar_timeline",
        lang,
        n=fmt_int(len(df), lang),
        first=_when(ordered.iloc[0], lang),
        last=_when(ordered.iloc[-1], lang),
        counts=_counts(df, lang),
    )
    last_row = ordered.iloc[-1]
    latest = ordered[(ordered["datum_visat"] == last_row["datum_visat"]) & (ordered["organ"] == last_row["organ"])]
    organ = " ".join(x for x in (_text(last_row["organ"]), _date(last_row["datum"]), _text(last_row["paragraf"])) if x)
    proposed = latest[latest["stadium"] == "förslag"]
    planned_to = [
        " ".join(x for x in (_text(o), _date(d)) if x)
        for o, d in zip(proposed["planerat_organ"], proposed["planerat_datum"], strict=True)
        if _text(o)
    ]
    planned = (
        t("kpi_money_planned", lang, organ=join(list(dict.fromkeys(planned_to)), lang), datum="").rstrip()
        if planned_to
        else ""
    )
    last = {"counts": _counts(latest, lang), "organ": organ, "planned": planned}
    if len(df) == 1:
        return t("nar_timeline_single", lang, **last)
    return sentences(head, t("nar_timeline_last", lang, **last))


def _value(value: float, enhet: str, lang: str, *, with_unit: bool = True) -> str:
    """'53,9 %', '19,7 per 1 000 invånare' (without the unit when `with_unit` is false), '29 096'."""
    if enhet == "procent":
        return fmt_pct(value, lang)
    if enhet == "antal":
        return fmt_int(value, lang)
    number = fmt_number(value, lang)
    return f"{number} {unit(enhet, lang)}".strip() if with_unit else number


def _difference(d: float, enhet: str, lang: str, *, signed: bool = False, with_unit: bool = True) -> str:
    """A difference in the indicator's unit: '15,9 procentenheter lägre', or with `signed` '+6,3
    procentenheter'; percentages differ in percentage points."""
    size = fmt_int(abs(d), lang) if enhet == "antal" else fmt_number(abs(d), lang)
    if not any(c in "123456789" for c in size):
        return t("nar_same", lang)
    word = t("nar_pp", lang) if enhet == "procent" else unit(enhet, lang) if with_unit else ""
    text = f"{size} {word}".strip()
    if signed:
        return ("+" if d > 0 else MINUS) + text
    return t("nar_higher" if d > 0 else "nar_lower", lang, d=text)


def trend(df: pd.DataFrame, indicator: pd.Series, omrade: str, area_name: str, lang: str) -> str:
    """An area's trend in one indicator (data.omrade_indicator_trend: ar, omrade_kod, varde, kalla, with
    Malmö as omrade_kod '0'; `indicator`: its row of data.omrade_key_figures): how the area compares with
    Malmö in the latest year, how both moved since the first year, and whether the values are exempeldata."""
    name = _text(indicator["namn_en" if lang == "en" else "namn_sv"])
    enhet = _text(indicator["enhet"])
    area = df[(df["omrade_kod"] == omrade) & df["varde"].notna()].sort_values("ar")
    city = df[(df["omrade_kod"] == "0") & df["varde"].notna()].set_index("ar")["varde"]
    if area.empty:
        return t("nar_trend_missing", lang, indikator=name, omrade=area_name)
    first, last = area.iloc[0], area.iloc[-1]
    ar0, ar1 = int(first["ar"]), int(last["ar"])
    v0, v1 = float(first["varde"]), float(last["varde"])
    # A unit the name already says ('Anmälda våldsbrott per 1 000 invånare') is not repeated after each number;
    # in the movement sentence only its difference carries the unit.
    named = bool(unit(enhet, lang)) and unit(enhet, lang).casefold() in name.casefold()

    def value(v: float, with_unit: bool = True) -> str:
        return _value(v, enhet, lang, with_unit=with_unit and not named)

    def difference(d: float, signed: bool = False) -> str:
        return _difference(d, enhet, lang, signed=signed, with_unit=not named)

    values = {"indikator": name, "varde": value(v1), "omrade": area_name, "ar": ar1}
    if ar1 in city.index:
        m1 = float(city[ar1])
        compare = t("nar_trend_compare", lang, **values, malmo=value(m1), diff=difference(v1 - m1))
    else:
        compare = t("nar_trend_no_malmo", lang, **values)
    since = ""
    if ar1 > ar0:
        moved = {"ar0": ar0, "ar1": ar1, "v0": value(v0, False), "v1": value(v1, False), "d": difference(v1 - v0, True)}
        if ar0 in city.index and ar1 in city.index:
            m0, m1 = float(city[ar0]), float(city[ar1])
            city_moved = {"m0": value(m0, False), "m1": value(m1, False), "dm": difference(m1 - m0, True)}
            since = t("nar_trend_since", lang, **moved, **city_moved)
        else:
            since = t("nar_trend_since_area", lang, **moved)
    return sentences(compare, since, indicator_exempel(df["kalla"], lang))


def indicator_exempel(kallor: pd.Series, lang: str) -> str:
    """What of a set of indicator values is exempeldata, in words: all of them, how many of how many (the others
    official statistics), or nothing when none is."""
    known = kallor.dropna().astype(str)
    n_ex = int((known == EXEMPEL).sum())
    if n_ex == 0:
        return ""
    if n_ex == len(known):
        return t("nar_indicator_exempel", lang)
    return t("nar_indicator_exempel_some", lang, n=fmt_int(n_ex, lang), total=fmt_int(len(known), lang))


def area_summary(presence: pd.Series, insatser: pd.DataFrame, area_name: str, lang: str) -> str:
    """An area in a few words: its områdesteam and kraftsamling (a row of data.presence) and its insatser
    (data.omrade_insatser: own and city-wide, granted ones), with what of it is exempeldata."""
    team = (
        t("nar_area_team", lang, datum=_date(presence["team_start"]))
        if presence["har_team"]
        else t("nar_area_no_team", lang)
    )
    kraft = t("nar_area_kraft" if presence["kraftsamlande"] else "nar_area_no_kraft", lang)
    head = t("nar_area", lang, omrade=area_name, team=team, kraft=kraft)
    own = insatser[~insatser["hela_staden"].astype(bool)]
    counts = t(
        "nar_area_insatser",
        lang,
        own=fmt_int(len(own), lang),
        running=fmt_int(int((own["status"] == "pågående").sum()), lang),
        city=fmt_int(len(insatser) - len(own), lang),
    )
    exempel = int((insatser["kalla"] == EXEMPEL).sum())
    caveat = t("nar_area_exempel", lang, n=fmt_int(exempel, lang), total=fmt_int(len(insatser), lang))
    return sentences(head, counts, caveat)


def need(result: pd.DataFrame, indicators: Sequence[str], lang: str, kallor: pd.Series | None = None) -> str:
    """The need/presence scatter (views.behov.need_presence's result): how many areas have a need index, the
    highest, the flagged areas, and that presence is exempeldata and what of the indicator values (`kallor`,
    their sources; all exempeldata when not given) is."""
    ranked = result[result["behovsindex"].notna()].sort_values("behovsindex", ascending=False)
    if ranked.empty:
        return t("nar_empty", lang)
    head = t(
        "nar_need",
        lang,
        k=len(indicators),
        n=len(ranked),
        total=len(result),
        top=_text(ranked.iloc[0]["namn"]),
    )
    flagged = [_text(n) for n in result.loc[result["flagga"].astype(bool), "namn"]]
    rule = t("nar_need_flagged", lang, names=join(flagged, lang)) if flagged else t("nar_need_none", lang)
    values = indicator_exempel(kallor, lang) if kallor is not None else t("nar_indicator_exempel", lang)
    return sentences(head, rule, t("nar_need_exempel", lang), values)


def _short(name: object) -> str:
    """An area's short name, the part before the comma: 'Örtagården' of 'Örtagården, Herrgården m fl'."""
    return _text(name).split(",")[0]


def presence_map(presence: pd.DataFrame, year: int, layer: IndicatorLayer | None, lang: str) -> str:
    """Karta's map (data.presence on the year's date; `layer`: the indicator or kronor it is coloured by,
    None for the områdesteam): how many areas have a team and which are kraftsamlande, or the highest and
    lowest area of the layer beside Malmö's value, and what of it is exempeldata."""
    if presence.empty:
        return t("nar_empty", lang)
    if layer is None:
        kraft = [_short(n) for n in presence.loc[presence["kraftsamlande"].astype(bool), "namn"]]
        values = {"year": year, "team": int(presence["har_team"].sum()), "n": len(presence)}
        head = (
            t("nar_map_team", lang, **values, kraft=len(kraft), names=join(kraft, lang))
            if kraft
            else t("nar_map_team_no_kraft", lang, **values)
        )
        return sentences(head, t("nar_map_team_exempel", lang))
    names = dict(zip(presence["omrade_kod"], presence["namn"], strict=True))
    shown = layer.values[layer.values["omrade_kod"].isin(names)]
    known = shown[shown["varde"].notna()].sort_values("varde", ascending=False)
    if known.empty:
        return t("nar_empty", lang)

    def value(v: float) -> str:
        return (
            fmt_pct(v, lang) if layer.unit in ("procent", "percent") else f"{fmt_number(v, lang)} {layer.unit}".strip()
        )

    top, low = known.iloc[0], known.iloc[-1]
    city = t("nar_map_city", lang, v=value(layer.city_value)) if layer.city_value is not None else ""
    head = t(
        "nar_map_layer",
        lang,
        name=layer.name,
        year=layer.year,
        top=_short(names[top["omrade_kod"]]),
        top_v=value(float(top["varde"])),
        low=_short(names[low["omrade_kod"]]),
        low_v=value(float(low["varde"])),
        city=city,
    )
    missing = len(shown) - len(known)
    gaps = t("nar_map_missing", lang, n=missing) if missing else ""
    kallor = shown["kalla"].astype(str) if "kalla" in shown.columns else pd.Series(dtype=str)
    money = layer.name == t("karta_money_name", lang)
    if money:
        exempel = t("nar_map_money_exempel", lang) if kallor.str.contains(EXEMPEL).any() else ""
    else:  # all, some of the areas' values or none are exempeldata
        exempel = indicator_exempel(shown.loc[shown["varde"].notna(), "kalla"] if "kalla" in shown else kallor, lang)
    return sentences(head, gaps, exempel)
