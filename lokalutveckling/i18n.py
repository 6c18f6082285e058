"""All UI text, in Swedish (first) and English, from one place."""

from __future__ import annotations

LANGUAGES = ("sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"sv": "Lokal utveckling i Malmö", "en": "Local development in Malmö"},
    "app_subtitle": {
        "sv": "Uppföljning av insatser mot segregation",
        "en": "Follow-up of measures against segregation",
    },
    "nav_oversikt": {"sv": "Översikt", "en": "Overview"},
    "nav_beslut": {"sv": "Beslut och källor", "en": "Decisions and sources"},
    "language": {"sv": "Språk / Language", "en": "Språk / Language"},
    "filters": {"sv": "Filter", "en": "Filters"},
    "filter_ar": {"sv": "År", "en": "Year"},
    "filter_kalla": {"sv": "Finansieringskälla", "en": "Funding source"},
    "filter_fokus": {"sv": "Fokusområde", "en": "Focus area"},
    "filter_namnd": {"sv": "Nämnd", "en": "Committee (nämnd)"},
    "filter_not_here": {
        "sv": "Filtren gäller inte den här sidan. Dina val finns kvar till nästa sida.",
        "en": "The filters do not apply to this page. Your choices are kept for the next page.",
    },
    "filter_all": {"sv": "Alla", "en": "All"},
    "filter_link_hint": {
        "sv": "Filtren sparas i adressen: kopiera länken för att öppna samma vy.",
        "en": "The filters are kept in the address: copy the link to open the same view.",
    },
    "data_status": {"sv": "Data", "en": "Data"},
    "data_built": {"sv": "Databasen byggd {built} (UTC).", "en": "Database built {built} (UTC)."},
    "data_exempel_share": {
        "sv": "Exempeldata: {insatser} av insatserna, {indikatorer} av indikatorvärdena.",
        "en": "Example data: {insatser} of the measures, {indikatorer} of the indicator values.",
    },
    "badge_real": {"sv": "Verkliga siffror", "en": "Real figures"},
    "badge_real_beslut": {"sv": "Verkliga belopp · beslut", "en": "Real amounts · decision"},
    "badge_real_forslag": {"sv": "Verkliga belopp · förslag", "en": "Real amounts · proposal"},
    "badge_real_blandat": {
        "sv": "Verkliga belopp · beslut och förslag",
        "en": "Real amounts · decisions and proposals",
    },
    "badge_exempel": {"sv": "Exempeldata", "en": "Example data (exempeldata)"},
    "badge_mixed": {"sv": "Verkliga belopp, exempeldata-fördelning", "en": "Real totals, example breakdown"},
    "empty": {"sv": "Inget att visa för de valda filtren.", "en": "Nothing to show for the chosen filters."},
    "show_table": {"sv": "Visa som tabell", "en": "Show as table"},
    # Long tables a page at a time (ui.paging)
    "page_rows": {"sv": "Rader {first}–{last} av {total}", "en": "Rows {first}–{last} of {total}"},
    "page_no_rows": {"sv": "Inga rader", "en": "No rows"},
    "page_sort": {"sv": "Sortera alla rader efter", "en": "Sort all rows by"},
    "page_sort_none": {"sv": "Tabellens egen ordning", "en": "The table's own order"},
    "page_descending": {"sv": "Fallande", "en": "Descending"},
    "page_size": {"sv": "Rader per sida", "en": "Rows per page"},
    "page_number": {"sv": "Sida (av {pages})", "en": "Page (of {pages})"},
    "page_previous": {"sv": "Föregående sida", "en": "Previous page"},
    "page_next": {"sv": "Nästa sida", "en": "Next page"},
    "page_header_sort": {
        "sv": "Ett klick på en kolumnrubrik sorterar bara raderna på sidan.",
        "en": "Clicking a column heading sorts only the rows on this page.",
    },
    "download_csv": {"sv": "Ladda ned tabellen (CSV)", "en": "Download the table (CSV)"},
    # Översikt
    "oversikt_title": {"sv": "Översikt", "en": "Overview"},
    "oversikt_intro": {
        "sv": "Vart går pengarna mot segregation: per finansieringskälla, nämnd och fokusområde.",
        "en": "Where the money against segregation goes: by funding source, committee and focus area.",
    },
    "kpi_money_label": {"sv": "{ar} · {stadium}", "en": "{ar} · {stadium}"},
    "kpi_money_help": {
        "sv": "{kr} enligt källdokumentet ({kallor}). Belopp från olika år och stadier läggs inte ihop.",
        "en": "{kr} according to the source document ({kallor}). Amounts of different years and stages are not "
        "added up.",
    },
    "kpi_money_planned": {"sv": ", beslut planerat i {organ} {datum}", "en": ", decision planned in {organ} {datum}"},
    "kpi_money_note": {
        "sv": "Pengarna per år och stadium: ett *beslut* är fattat, ett *förslag* väntar på beslut i det organ "
        "som anges. Beloppen läggs inte ihop över år eller stadier.",
        "en": "The money per year and stage: a *decision* has been made, a *proposal* awaits a decision in the "
        "body named. Amounts are not added up across years or stages.",
    },
    "kpi_money_none": {"sv": "Inga belopp i urvalet", "en": "No amounts in the selection"},
    "col_beslut_av": {"sv": "Beslut eller förslag av", "en": "Decided or proposed by"},
    "scope_one": {"sv": "Belopp {parts}.", "en": "Amounts {parts}."},
    "scope_years": {
        "sv": "Summa över {n} år, inte ett års pengar: {parts}.",
        "en": "A sum over {n} years, not one year's money: {parts}.",
    },
    "scope_apart": {
        "sv": "Varje år och stadium för sig: {parts}.",
        "en": "Each year and stage apart: {parts}.",
    },
    "scope_stages": {
        "sv": "Belopp ur både beslut och förslag: {parts}.",
        "en": "Amounts from both decisions and proposals: {parts}.",
    },
    "export_scope": {"sv": "År, stadium och filter som inte följs", "en": "Years, stages and filters not followed"},
    "notfollowed": {
        "sv": "Följer inte filtret {filters}: {reason}",
        "en": "Does not follow the filter {filters}: {reason}",
    },
    "notfollowed_fokus_alloc": {
        "sv": "källdokumenten anger inte fokusområde per tilldelning.",
        "en": "the source documents give no focus area per allocation.",
    },
    "notfollowed_areas": {
        "sv": "områdesteam och kraftsamling gäller hela områden, oavsett källa, fokusområde och nämnd.",
        "en": "area teams and concentrated effort concern whole areas, whatever the source, focus area and committee.",
    },
    "notfollowed_map": {
        "sv": "kartan färgas efter områdesteam eller en indikator, som hör till områden, inte till en källa, ett "
        "fokusområde eller en nämnd (välj Insatsernas kronor för att se filtrens insatser).",
        "en": "the map is coloured by area teams or an indicator, which belong to areas, not to a source, focus "
        "area or committee (choose Kronor of the measures to see the filtered measures).",
    },
    "notfollowed_map_year": {
        "sv": "kartans år väljs med reglaget ovanför.",
        "en": "the map's year is chosen with the slider above.",
    },
    "notfollowed_need": {
        "sv": "behovsindex räknas ur områdenas indikatorer, som inte hör till en källa, ett fokusområde eller en "
        "nämnd; närvaron (kronor per invånare) följer filtren.",
        "en": "the need index is computed from the areas' indicators, which belong to no source, focus area or "
        "committee; the presence (kronor per inhabitant) follows the filters.",
    },
    "notfollowed_police": {
        "sv": "polisens lista från 2025 gäller områden, inte ett år, en källa, ett fokusområde eller en nämnd.",
        "en": "the police's 2025 list concerns areas, not a year, source, focus area or committee.",
    },
    "notfollowed_sources": {
        "sv": "listan visar alla källor och hur många rader i databasen som hänvisar till var och en.",
        "en": "the list shows every source and how many rows of the database cite each.",
    },
    "notfollowed_chain": {
        "sv": "besluten gäller insatserna i stort, inte ett fokusområde.",
        "en": "the decisions concern the measures as a whole, not one focus area.",
    },
    "view_total": {
        "sv": "**I vyn: {kr}** i {n} insatser, föreslagna insatser oräknade ({filters}); {stage}.",
        "en": "**In this view: {kr}** in {n} measures, proposed measures not counted ({filters}); {stage}.",
    },
    "stage_of_beslut": {"sv": "beloppen bygger på beslut", "en": "the amounts rest on decisions"},
    "stage_of_forslag": {"sv": "beloppen bygger på förslag", "en": "the amounts rest on proposals"},
    "stage_of_blandat": {
        "sv": "beloppen bygger på både beslut och förslag",
        "en": "the amounts rest on both decisions and proposals",
    },
    "kpi_view_total": {"sv": "I vyn", "en": "In this view"},
    "kpi_view_total_detail": {
        "sv": "{n} insatser (föreslagna oräknade) · {stage} · exempeldata-fördelning",
        "en": "{n} measures (proposed not counted) · {stage} · example breakdown",
    },
    "kpi_insatser": {"sv": "Insatser", "en": "Measures (insatser)"},
    "kpi_insatser_detail": {
        "sv": "{running} pågående · {stopped} avbrutna",
        "en": "{running} running · {stopped} stopped",
    },
    "kpi_team": {"sv": "Områden med områdesteam", "en": "Areas with an area team"},
    "kpi_kraft": {"sv": "Kraftsamlande områden", "en": "Areas of concentrated effort"},
    "kpi_of_14": {"sv": "{n} av 14", "en": "{n} of 14"},
    "kpi_as_of": {"sv": "per {datum}", "en": "as of {datum}"},
    "fokus_filter_note": {
        "sv": "Fokusområdesfiltret påverkar inte tilldelningarna: källdokumenten anger inte fokusområde per tilldelning.",
        "en": "The focus area filter does not apply to allocations: the source documents give no focus area per allocation.",
    },
    "status_header": {"sv": "Insatser per status", "en": "Measures by status"},
    "alloc_header": {
        "sv": "Pengar per nämnd i besluten och förslagen, per år",
        "en": "Money per committee in the decisions and proposals, by year",
    },
    "heatmap_header": {"sv": "Kronor per nämnd och fokusområde", "en": "Kronor per committee and focus area"},
    "matrix_view": {"sv": "Visa som", "en": "Show as"},
    "view_heatmap": {"sv": "Värmekarta", "en": "Heatmap"},
    "view_bars": {"sv": "Staplar", "en": "Bars"},
    "sankey_header": {
        "sv": "Flödet: finansieringskälla → nämnd → fokusområde",
        "en": "The flow: funding source → committee → focus area",
    },
    "timeline_header": {"sv": "Beslutskedjan", "en": "The chain of decisions"},
    "caption_real_alloc": {
        "sv": "Verkliga siffror ur {sources}. {stage}",
        "en": "Real figures from {sources}. {stage}",
    },
    "caption_breakdown": {
        "sv": "Beloppen per nämnd och källa är verkliga ({sources}). Fördelningen på insatser och fokusområden är "
        "exempeldata, eftersom beslutens bilagor 1 och 2 inte finns bland källdokumenten.",
        "en": "The amounts per committee and source are real ({sources}). The breakdown into measures and focus "
        "areas is example data, because the decisions' annexes 1 and 2 are not among the source documents.",
    },
    "caption_exempel": {
        "sv": "Exempeldata: genererad för att visa verktyget, ersätts när verkliga data importeras.",
        "en": "Example data: generated to show the tool, replaced when real data is imported.",
    },
    "caption_timeline": {
        "sv": "Verkliga beslut och förslag ur källdokumenten. Fylld punkt = beslut, ring = förslag. "
        "Delmos beslut anges bara med år (visas vid 1 juli).",
        "en": "Real decisions and proposals from the source documents. Filled dot = decision, ring = proposal. "
        "Delmos' decision is dated by year only (shown at 1 July).",
    },
    "stage_proposal": {
        "sv": "Enligt förslag i {doc_typ} {doc_datum}, beslut planerat i {organ} {datum}.",
        "en": "As proposed in the {doc_typ} of {doc_datum}; decision planned in {organ} on {datum}.",
    },
    "stage_proposal_nodate": {
        "sv": "Enligt förslag i {doc_typ} {doc_datum} till {organ}; slutligt beslut finns inte bland källorna.",
        "en": "As proposed in the {doc_typ} of {doc_datum} to {organ}; the final decision is not among the sources.",
    },
    "stage_decision": {
        "sv": "Beslut av {organ} {datum}, enligt {doc_typ} {doc_datum}.",
        "en": "Decision by {organ} {datum}, according to the {doc_typ} of {doc_datum}.",
    },
    # The report command (cli/report.py)
    "report_lagesrapport": {"sv": "Lägesrapport", "en": "Status report"},
    "page_rows_of": {
        "sv": "{title} ({rows}; hela tabellen i Excel-nedladdningen)",
        "en": "{title} ({rows}; the whole table in the Excel download)",
    },
    "reconciliation_header": {"sv": "Kontroll av totalbelopp", "en": "Check of declared totals"},
    "reconciliation_mismatch": {
        "sv": "**{kalla} {ar}:** källan anger totalbelopp **{declared}** ({doc}), men de {n} raderna "
        "(rad {first}–{last}) summerar till **{rows}**. Skillnad: **{diff}**. Siffrorna visas som de står i "
        "källan, inte rättade.",
        "en": "**{kalla} {ar}:** the source states a total of **{declared}** ({doc}), but its {n} lines "
        "(lines {first}–{last}) add up to **{rows}**. Difference: **{diff}**. The figures are shown as written, "
        "not corrected.",
    },
    "reconciliation_ok": {
        "sv": "{kalla} {ar}: totalbeloppet {declared} stämmer med raderna ({doc}).",
        "en": "{kalla} {ar}: the total {declared} matches its lines ({doc}).",
    },
    # Sentences written from the data (lokalutveckling/narrative.py, issue 14 item 2)
    "nar_empty": {
        "sv": "Figuren har inga siffror för de valda filtren.",
        "en": "The figure has nothing for the chosen filters.",
    },
    "nar_and": {"sv": "{first} och {last}", "en": "{first} and {last}"},
    "nar_by_förslag": {"sv": "enligt förslag av {who}", "en": "as proposed by {who}"},
    "nar_by_beslut": {"sv": "enligt beslut av {who}", "en": "as decided by {who}"},
    "nar_alloc_one": {"sv": "Beloppen för {ar}: {kr} {by}.", "en": "The amounts for {ar}: {kr} {by}."},
    "nar_alloc_many": {
        "sv": "Beloppen per år och stadium, var för sig: {parts}.",
        "en": "The amounts per year and stage, each apart: {parts}.",
    },
    "nar_alloc_part": {"sv": "{ar}: {kr} ({by})", "en": "{ar}: {kr} ({by})"},
    "nar_alloc_sources": {"sv": "Av {ar} års {stadium}: {parts}.", "en": "Of the {ar} {stadium}: {parts}."},
    "nar_alloc_from": {"sv": "{kr} ur {kalla}", "en": "{kr} from {kalla}"},
    "nar_alloc_top": {
        "sv": "{ar} års {stadium} ger mest till {top}.",
        "en": "The {ar} {stadium} gives most to {top}.",
    },
    "nar_alloc_all_to": {
        "sv": "{ar} års {stadium} går helt till {namnd}.",
        "en": "The {ar} {stadium} goes entirely to {namnd}.",
    },
    "nar_alloc_all_to_years": {
        "sv": "{years} års {stadium} går helt till {namnd}.",
        "en": "The {years} {stadium} go entirely to {namnd}.",
    },
    "nar_stadium_pl_förslag": {"sv": "förslag", "en": "proposals"},
    "nar_stadium_pl_beslut": {"sv": "beslut", "en": "decisions"},
    "nar_years_one": {"sv": " för {ar}", "en": " for {ar}"},
    "nar_years_sum": {
        "sv": ", summa över {n} år ({years}), inte ett års pengar",
        "en": ", a sum over {n} years ({years}), not one year's money",
    },
    "nar_matrix_total": {
        "sv": "Figuren visar {kr} i {n} insatser (föreslagna oräknade){years}; {stage}.",
        "en": "The figure shows {kr} in {n} measures (proposed ones not counted){years}; {stage}.",
    },
    "nar_matrix_largest": {
        "sv": "Störst fokusområde är {fokus} med {fokus_kr} ({fokus_pct}), och den nämnd som leder insatser för "
        "mest är {namnd} med {namnd_kr} ({namnd_pct}).",
        "en": "The largest focus area is {fokus} with {fokus_kr} ({fokus_pct}), and the committee leading measures "
        "worth the most is {namnd} with {namnd_kr} ({namnd_pct}).",
    },
    "nar_breakdown_exempel": {
        "sv": "Fördelningen på insatser och fokusområden är exempeldata.",
        "en": "The breakdown into measures and focus areas is example data (exempeldata).",
    },
    "nar_flow": {
        "sv": "Flödet visar pengarna från {n} finansieringskällor{years}: {parts}.",
        "en": "The flow shows the money from {n} funding sources{years}: {parts}.",
    },
    "nar_flow_one": {
        "sv": "Flödet visar pengarna från en finansieringskälla{years}: {parts}.",
        "en": "The flow shows the money from one funding source{years}: {parts}.",
    },
    "nar_flow_part": {"sv": "{kalla} {kr}", "en": "{kalla} {kr}"},
    "nar_flow_most": {
        "sv": "Mest går till nämnden {namnd} ({namnd_kr}) och till fokusområdet {fokus} ({fokus_kr}).",
        "en": "Most goes to the committee {namnd} ({namnd_kr}) and to the focus area {fokus} ({fokus_kr}).",
    },
    "nar_flow_stage": {
        "sv": "Fördelningen på insatser och fokusområden är exempeldata; {stage}.",
        "en": "The breakdown into measures and focus areas is example data (exempeldata); {stage}.",
    },
    "nar_status": {
        "sv": "De {n} insatserna i urvalet per status: {parts}.",
        "en": "The {n} measures in the selection by status: {parts}.",
    },
    "nar_status_one": {
        "sv": "Urvalet har en insats: {parts}.",
        "en": "The selection has one measure: {parts}.",
    },
    "nar_status_pl_föreslagen": {"sv": "föreslagna", "en": "proposed"},
    "nar_status_pl_beviljad": {"sv": "beviljade", "en": "granted"},
    "nar_status_pl_pågående": {"sv": "pågående", "en": "running"},
    "nar_status_pl_avslutad": {"sv": "avslutade", "en": "completed"},
    "nar_status_pl_avbruten": {"sv": "avbrutna", "en": "stopped"},
    "nar_status_pl_permanentad": {"sv": "permanentade", "en": "made permanent"},
    "nar_status_exempel_all": {
        "sv": "Alla insatserna är exempeldata.",
        "en": "All the measures are example data (exempeldata).",
    },
    "nar_status_exempel_some": {
        "sv": "{n} av insatserna är exempeldata.",
        "en": "{n} of the measures are example data (exempeldata).",
    },
    "nar_timeline": {
        "sv": "Beslutskedjan visar {n} steg ur källdokumenten, från {first} till {last}: {counts}.",
        "en": "The chain shows {n} steps from the source documents, from {first} to {last}: {counts}.",
    },
    "nar_timeline_last": {"sv": "Senast: {counts} av {organ}{planned}.", "en": "Latest: {counts} by {organ}{planned}."},
    "nar_timeline_single": {
        "sv": "Beslutskedjan visar ett steg ur källdokumenten: {counts} av {organ}{planned}.",
        "en": "The chain shows one step from the source documents: {counts} by {organ}{planned}.",
    },
    "nar_n_beslut": {"sv": "{n} beslut", "en": "{n} decisions"},
    "nar_n_beslut_one": {"sv": "{n} beslut", "en": "{n} decision"},
    "nar_n_förslag": {"sv": "{n} förslag", "en": "{n} proposals"},
    "nar_n_förslag_one": {"sv": "{n} förslag", "en": "{n} proposal"},
    "nar_year_only": {"sv": "{ar} (bara årtal i källan)", "en": "{ar} (year only in the source)"},
    "nar_trend_compare": {
        "sv": "{indikator}: {varde} i {omrade} år {ar}, mot {malmo} i Malmö ({diff}).",
        "en": "{indikator}: {varde} in {omrade} in {ar}, against {malmo} in Malmö ({diff}).",
    },
    "nar_trend_no_malmo": {
        "sv": "{indikator}: {varde} i {omrade} år {ar}; Malmös värde saknas det året.",
        "en": "{indikator}: {varde} in {omrade} in {ar}; Malmö's value is missing that year.",
    },
    "nar_trend_missing": {
        "sv": "{indikator}: inget värde för {omrade}.",
        "en": "{indikator}: no value for {omrade}.",
    },
    "nar_higher": {"sv": "{d} högre", "en": "{d} higher"},
    "nar_lower": {"sv": "{d} lägre", "en": "{d} lower"},
    "nar_same": {"sv": "samma värde", "en": "the same value"},
    "nar_pp": {"sv": "procentenheter", "en": "percentage points"},
    "nar_trend_since": {
        "sv": "Från {ar0} till {ar1} gick området från {v0} till {v1} ({d}), Malmö från {m0} till {m1} ({dm}).",
        "en": "From {ar0} to {ar1} the area's value went from {v0} to {v1} ({d}), Malmö's from {m0} to {m1} ({dm}).",
    },
    "nar_trend_since_area": {
        "sv": "Från {ar0} till {ar1} gick området från {v0} till {v1} ({d}).",
        "en": "From {ar0} to {ar1} the area's value went from {v0} to {v1} ({d}).",
    },
    "nar_indicator_exempel": {
        "sv": "Indikatorvärdena är exempeldata.",
        "en": "The indicator values are example data (exempeldata).",
    },
    "nar_indicator_exempel_some": {
        "sv": "{n} av {total} indikatorvärden är exempeldata, de övriga officiell statistik.",
        "en": "{n} of {total} indicator values are example data (exempeldata), the others official statistics.",
    },
    "nar_area": {"sv": "{omrade} {team} och {kraft}.", "en": "{omrade} {team} and {kraft}."},
    "nar_area_team": {"sv": "har områdesteam sedan {datum}", "en": "has had an area team since {datum}"},
    "nar_area_no_team": {"sv": "har inget områdesteam", "en": "has no area team"},
    "nar_area_kraft": {"sv": "är kraftsamlande", "en": "is an area of concentrated effort"},
    "nar_area_no_kraft": {"sv": "är inte kraftsamlande", "en": "is not an area of concentrated effort"},
    "nar_area_insatser": {
        "sv": "Insatser i området: {own} ({running} pågående); för hela staden: {city}.",
        "en": "Measures in the area: {own} ({running} running); for the whole city: {city}.",
    },
    "nar_area_exempel": {
        "sv": "Områdesteam, kraftsamling och {n} av de {total} insatserna är exempeldata.",
        "en": "Area teams, concentrated effort and {n} of the {total} measures are example data (exempeldata).",
    },
    "nar_need": {
        "sv": "Med {k} indikatorer har {n} av {total} områden ett behovsindex; högst är det i {top}.",
        "en": "With {k} indicators, {n} of {total} areas have a need index; it is highest in {top}.",
    },
    "nar_need_flagged": {
        "sv": "Regeln flaggar {names} för högt behov och låg närvaro.",
        "en": "The rule flags {names} for high need and low presence.",
    },
    "nar_need_none": {
        "sv": "Regeln flaggar inget område för högt behov och låg närvaro.",
        "en": "The rule flags no area for high need and low presence.",
    },
    "nar_need_exempel": {
        "sv": "Områdesteam och kraftsamling är exempeldata.",
        "en": "Area teams and concentrated effort are example data (exempeldata).",
    },
    "nar_map_team": {
        "sv": "År {year} har {team} av {n} områden områdesteam, och {kraft} är kraftsamlande: {names}.",
        "en": "In {year}, {team} of {n} areas have an area team, and {kraft} are areas of concentrated effort: "
        "{names}.",
    },
    "nar_map_team_no_kraft": {
        "sv": "År {year} har {team} av {n} områden områdesteam; inget är kraftsamlande.",
        "en": "In {year}, {team} of {n} areas have an area team; none is an area of concentrated effort.",
    },
    "nar_map_team_exempel": {
        "sv": "Områdesteam och kraftsamling är exempeldata.",
        "en": "Area teams and concentrated effort are example data (exempeldata).",
    },
    "nar_map_layer": {
        "sv": "Kartan färgar områdena efter {name} {year}: högst i {top} ({top_v}), lägst i {low} ({low_v}){city}.",
        "en": "The map colours the areas by {name} in {year}: highest in {top} ({top_v}), lowest in {low} "
        "({low_v}){city}.",
    },
    "nar_map_city": {"sv": "; Malmö som helhet {v}", "en": "; Malmö as a whole {v}"},
    "nar_map_missing": {"sv": "{n} områden saknar värde.", "en": "{n} areas have no value."},
    "nar_map_money_exempel": {
        "sv": "Kronorna är exempeldata fördelade på verkliga tilldelningar.",
        "en": "The kronor are example data (exempeldata) split over real allocations.",
    },
    "axis_kronor": {"sv": "Kronor", "en": "Kronor (SEK)"},
    # Images of charts and maps, and Karta's map as an image (ui/images.py, figures/area_map.py; issue 14 item 3)
    "image_button": {"sv": "Bild", "en": "Image"},
    "image_help": {
        "sv": "Ladda ned diagrammet som bild, med titel, filter, källa och märkning inritade.",
        "en": "Download the chart as an image, with its title, filters, source and badge drawn in.",
    },
    "image_png_slide": {"sv": "PNG för bildspel (16:9)", "en": "PNG for slides (16:9)"},
    "image_png_a4": {"sv": "PNG för A4", "en": "PNG for A4"},
    "image_svg": {"sv": "SVG (vektor)", "en": "SVG (vector)"},
    "image_unavailable": {
        "sv": "Bilder kan inte göras här: de ritas med Chromium (Debians paket chromium), som saknas på servern. "
        "Installera det med scripts/chromium.sh eller ange sökvägen i BROWSER_PATH.",
        "en": "Images cannot be made here: they are drawn with Chromium (Debian's package chromium), which the "
        "server lacks. Install it with scripts/chromium.sh or give its path in BROWSER_PATH.",
    },
    "map_image_title_team": {
        "sv": "Områdesteam och kraftsamlande områden, läge vid slutet av {year}",
        "en": "Area teams and concentrated effort, situation at the end of {year}",
    },
    "map_image_title_layer": {"sv": "{name} {year} per område", "en": "{name} {year} per area"},
    "map_image_caption": {
        "sv": "Karta över de 14 områdena, ritad utan bakgrundskarta.",
        "en": "Map of the 14 areas, drawn without a background map.",
    },
    "axis_mnkr": {"sv": "mnkr", "en": "SEK m"},
    "axis_namnd": {"sv": "Nämnd", "en": "Committee"},
    "hover_kronor": {"sv": "Kronor", "en": "Kronor"},
    "hover_insatser": {"sv": "Insatser", "en": "Measures"},
    "hover_source": {"sv": "Källa", "en": "Source"},
    "hover_stage": {"sv": "Stadium", "en": "Stage"},
    "col_namnd": {"sv": "Nämnd", "en": "Committee"},
    "col_fokus": {"sv": "Fokusområde", "en": "Focus area"},
    "col_kalla": {"sv": "Finansieringskälla", "en": "Funding source"},
    "col_kronor": {"sv": "Kronor", "en": "Kronor"},
    "col_insatser": {"sv": "Antal insatser", "en": "Number of measures"},
    "col_exempel": {"sv": "Varav exempeldata", "en": "Of which example data"},
    "col_status": {"sv": "Status", "en": "Status"},
    "col_datum": {"sv": "Datum", "en": "Date"},
    "col_organ": {"sv": "Organ", "en": "Body"},
    "col_arende": {"sv": "Ärende", "en": "Case"},
    "col_rubrik": {"sv": "Vad", "en": "What"},
    "col_stadium": {"sv": "Stadium", "en": "Stage"},
    "col_dokument": {"sv": "Källdokument", "en": "Source document"},
    "col_rad": {"sv": "Rad", "en": "Line"},
    "col_mottagare": {"sv": "Mottagare (som i källan)", "en": "Recipient (as written)"},
    "col_ar": {"sv": "År", "en": "Year"},
    "col_typ": {"sv": "Typ", "en": "Type"},
    "col_titel": {"sv": "Titel", "en": "Title"},
    "col_antal_rader": {"sv": "Rader i databasen", "en": "Rows in the store"},
    "stadium_förslag": {"sv": "förslag", "en": "proposal"},
    "stadium_beslut": {"sv": "beslut", "en": "decision"},
    "status_föreslagen": {"sv": "föreslagen", "en": "proposed"},
    "status_beviljad": {"sv": "beviljad", "en": "granted"},
    "status_pågående": {"sv": "pågående", "en": "running"},
    "status_avslutad": {"sv": "avslutad", "en": "completed"},
    "status_avbruten": {"sv": "avbruten", "en": "stopped"},
    "status_permanentad": {"sv": "permanentad", "en": "made permanent"},
    # Karta
    "nav_karta": {"sv": "Karta", "en": "Map"},
    "karta_title": {"sv": "Karta", "en": "Map"},
    "karta_table_title": {
        "sv": "Områdesteam och kraftsamling per område",
        "en": "Area teams and concentrated efforts per area",
    },
    "karta_intro": {
        "sv": "Var arbetar områdesteamen, och vilka områden är kraftsamlande? Dra i årsreglaget för att se hur "
        "täckningen har vuxit.",
        "en": "Where do the area teams work, and which areas have concentrated effort? Move the year slider to see "
        "how coverage grew.",
    },
    "karta_year": {"sv": "Läge vid slutet av år", "en": "Situation at the end of year"},
    "karta_layers": {"sv": "Lager på kartan", "en": "Layers on the map"},
    "karta_basemap": {
        "sv": "Bakgrundskarta (OpenStreetMap, kräver internet)",
        "en": "Background map (OpenStreetMap, needs internet)",
    },
    "karta_counts": {
        "sv": "{team} av 14 områden har områdesteam, {kraft} är kraftsamlande.",
        "en": "{team} of 14 areas have an area team, {kraft} have concentrated effort.",
    },
    "karta_schematic": {
        "sv": "Schematisk karta: inga gränsfiler finns, så områdena visas som rutor i ungefärligt geografiskt läge.",
        "en": "Schematic map: no boundary file is available, so the areas are drawn as tiles in their rough "
        "geographic arrangement.",
    },
    "karta_boundaries": {
        "sv": "Gränser: Malmö stads 136 delområden, sammanslagna till de 14 områdena (gränser approximerade från "
        "delområden).",
        "en": "Boundaries: Malmö stad's 136 sub-areas (delområden), merged into the 14 areas (boundaries approximated "
        "from the sub-areas).",
    },
    "karta_click": {
        "sv": "Klicka på ett område för att öppna dess profil.",
        "en": "Click an area to open its profile.",
    },
    "karta_caption": {
        "sv": "Områdesteamens startdatum och de kraftsamlande områdena är exempeldata.",
        "en": "The area teams' start dates and the areas of concentrated effort are example data.",
    },
    "legend_team": {"sv": "Områdesteam", "en": "Area team"},
    "legend_no_team": {"sv": "Inget områdesteam", "en": "No area team"},
    "legend_insats_areas": {"sv": "Insatsens områden", "en": "The measure's areas"},
    "legend_other_areas": {"sv": "Övriga områden", "en": "Other areas"},
    "insats_map_title": {"sv": "Var insatsen görs: {namn}", "en": "Where the measure runs: {namn}"},
    "legend_kraft": {"sv": "Kraftsamlande område (streckad kant)", "en": "Concentrated effort (dashed outline)"},
    "legend_police_special": {
        "sv": "Särskilt utsatt område enligt polisen (lager att slå på)",
        "en": "Particularly vulnerable area, police (layer to switch on)",
    },
    "legend_police": {
        "sv": "Utsatt område enligt polisen (lager att slå på)",
        "en": "Vulnerable area, police (layer to switch on)",
    },
    "karta_delomraden": {"sv": "Visa de 136 delområdena", "en": "Show the 136 sub-areas"},
    "karta_police_header": {"sv": "Polisens utsatta områden", "en": "The police's vulnerable areas"},
    "karta_police_intro": {
        "sv": "Polisens lista 2025 (som den återges i MKB:s pressmeddelande). Polisens gränser följer inte "
        "stadens delområden: på kartan visas varje område som de hela delområden det ligger i, alltså "
        "ungefärligt och ofta större än polisens område. Slå på lagret i kartans lagerväljare.",
        "en": "The police's 2025 list (as given in a press release by MKB). The police's borders do not follow the "
        "city's sub-areas: the map shows each area as the whole sub-areas it lies in, so approximately and often "
        "larger than the police's area. Switch the layer on in the map's layer control.",
    },
    "col_police_area": {"sv": "Polisens område", "en": "Police area"},
    "col_police_category": {"sv": "Kategori", "en": "Category"},
    "col_police_delomraden": {"sv": "Visas som delområdena", "en": "Shown as the sub-areas"},
    "col_police_approx": {"sv": "Avgränsning", "en": "Boundary"},
    "map_area": {"sv": "Område", "en": "Area"},
    "map_missing": {"sv": "värde saknas", "en": "no value"},
    "map_city_value": {"sv": "Malmö som helhet", "en": "Malmö as a whole"},
    "karta_colour_by": {"sv": "Färglägg områdena efter", "en": "Colour the areas by"},
    "karta_colour_team": {"sv": "Områdesteam", "en": "Area teams"},
    "karta_colour_indicator": {"sv": "Indikator", "en": "Indicator"},
    "karta_indicator": {"sv": "Indikator", "en": "Indicator"},
    "karta_colour_kronor": {"sv": "Insatsernas kronor", "en": "Kronor of the measures"},
    "karta_money_name": {"sv": "Kronor per invånare", "en": "Kronor per inhabitant"},
    "karta_money_unit": {"sv": "kr/invånare", "en": "SEK/inhabitant"},
    "karta_money_rule": {
        "sv": "Beviljade insatser enligt sidofiltren. En insats i flera områden räknas med lika stor del av beloppet "
        "i vart och ett. Därtill {n} insatser för hela staden ({kronor}), som inte fördelas på områdena. "
        "Invånare: folkmängd {year}.",
        "en": "Granted measures for the sidebar filters. A measure in several areas counts with an equal share of "
        "its amount in each. In addition {n} measures for the whole city ({kronor}), not spread over the areas. "
        "Inhabitants: population {year}.",
    },
    "karta_classes_plain": {
        "sv": "Fem klasser med lika många områden (kvintiler); mörkare = högre värde. Malmö som helhet: {city}. "
        "Källa: {source}.",
        "en": "Five classes with equally many areas (quintiles); darker = higher value. Malmö as a whole: {city}. "
        "Source: {source}.",
    },
    "col_n_insatser": {"sv": "Insatser", "en": "Measures"},
    "karta_indicator_year": {"sv": "År för indikatorn", "en": "Indicator year"},
    "karta_classes": {
        "sv": "Fem klasser med lika många områden (kvintiler); mörkare = större behov ({direction}). "
        "Malmö som helhet: {city}. Källa: {source}, {year}.",
        "en": "Five classes with equally many areas (quintiles); darker = greater need ({direction}). "
        "Malmö as a whole: {city}. Source: {source}, {year}.",
    },
    "direction_higher": {"sv": "högre värde är bättre", "en": "a higher value is better"},
    "direction_lower": {"sv": "lägre värde är bättre", "en": "a lower value is better"},
    "direction_none": {"sv": "ingen riktning", "en": "no direction"},
    "map_layer_team": {"sv": "Områdesteam", "en": "Area team"},
    "map_layer_kraft": {"sv": "Kraftsamlande", "en": "Concentrated effort"},
    "map_layer_police": {"sv": "Polisens utsatta områden", "en": "Police: vulnerable areas"},
    "map_layer_delomraden": {"sv": "Delområden", "en": "Sub-areas (delområden)"},
    "map_delomrade": {"sv": "Delområde", "en": "Sub-area"},
    "police_special": {"sv": "Särskilt utsatt område", "en": "Particularly vulnerable area"},
    "police_vulnerable": {"sv": "Utsatt område", "en": "Vulnerable area"},
    "police_source_short": {"sv": "Polisen", "en": "Police"},
    "map_team_since": {"sv": "sedan {datum}", "en": "since {datum}"},
    "map_no_team": {"sv": "inget", "en": "none"},
    "map_kraft_yes": {"sv": "ja", "en": "yes"},
    "map_kraft_no": {"sv": "nej", "en": "no"},
    "col_omrade": {"sv": "Område", "en": "Area"},
    "col_team_start": {"sv": "Områdesteam sedan", "en": "Area team since"},
    "col_kraft": {"sv": "Kraftsamlande", "en": "Concentrated effort"},
    # Område
    "nav_omrade": {"sv": "Område", "en": "Area"},
    "omrade_title": {"sv": "Område", "en": "Area"},
    "omrade_choose": {"sv": "Välj område", "en": "Choose an area"},
    # Område: areas by every name (lokalutveckling/area_names.py)
    "omrade_search": {
        "sv": "Sök område med vilket namn som helst",
        "en": "Find an area by any name",
    },
    "omrade_search_hint": {
        "sv": "delområde, stadsdel, stadsområde eller polisens område, t.ex. Rosengård, Seved, Holma",
        "en": "delområde, district, city area or police area, e.g. Rosengård, Seved, Holma",
    },
    "omrade_search_none": {
        "sv": "Inget område heter så. Prova ett delområde (Herrgården), en stadsdel (Rosengård, Fosie), "
        "ett stadsområde (Öster) eller ett av polisens områden (Seved, Holma/Kroksbäck).",
        "en": "No area has that name. Try a delområde (Herrgården), a former district (Rosengård, Fosie), "
        "a city area (Öster) or one of the police areas (Seved, Holma/Kroksbäck).",
    },
    "omrade_search_go": {"sv": "Visa {area}", "en": "Show {area}"},
    "omrade_search_more": {
        "sv": "Fler namn passar: skriv mer för att se dem.",
        "en": "More names match: type more to see them.",
    },
    "area_kind_delomrade": {"sv": "delområde", "en": "delområde"},
    "area_kind_stadsdel": {"sv": "stadsdel till 2013", "en": "city district until 2013"},
    "area_kind_stadsomrade": {"sv": "stadsområde", "en": "city area (stadsområde)"},
    "area_kind_omrade": {"sv": "statistikområde", "en": "statistics area"},
    "area_kind_polis": {"sv": "polisens lista 2025: {kategori} område", "en": "police list 2025: {kategori} area"},
    "area_kategori_utsatt": {"sv": "utsatt", "en": "vulnerable"},
    "area_kategori_särskilt_utsatt": {"sv": "särskilt utsatt", "en": "especially vulnerable"},
    "area_name_head": {"sv": "**{name}** ({kind})", "en": "**{name}** ({kind})"},
    "area_name_in_area": {
        "sv": "ligger i **{area}** och täcker {n} av dess {total} delområden: {parts}.",
        "en": "lies in **{area}** and covers {n} of its {total} delområden: {parts}.",
    },
    "area_name_part": {
        "sv": "**{area}** ({n} av {total} delområden: {parts})",
        "en": "**{area}** ({n} of {total} delområden: {parts})",
    },
    "area_name_spans": {
        "sv": "{head} spänner över {n} områden: {areas}.",
        "en": "{head} spans {n} areas: {areas}.",
    },
    "area_name_delomrade": {
        "sv": "ligger i **{area}** (i stadsdelen {stadsdel} till 2013).",
        "en": "lies in **{area}** (in the district {stadsdel} until 2013).",
    },
    "area_name_is_area": {
        "sv": "är ett av de 14 områdena, med delområdena {parts}.",
        "en": "is one of the 14 areas, with the delområden {parts}.",
    },
    "area_name_unsure": {
        "sv": "Osäker stadsdelstillhörighet i projektets sammanställning: {parts}.",
        "en": "Uncertain district membership in the project's compilation: {parts}.",
    },
    "omrade_profile_delomraden": {"sv": "**Delområden ({n}):** {parts}", "en": "**Delområden ({n}):** {parts}"},
    "omrade_profile_stadsdelar": {
        "sv": "**Stadsdel till 2013:** {stadsdelar}",
        "en": "**City district until 2013:** {stadsdelar}",
    },
    "omrade_profile_stadsdel_whole": {
        "sv": "{name} (hela stadsdelen, stadsområde {omr})",
        "en": "{name} (the whole district, city area {omr})",
    },
    "omrade_profile_stadsdel_part": {
        "sv": "{name} ({n} av dess {total} delområden, stadsområde {omr})",
        "en": "{name} ({n} of its {total} delområden, city area {omr})",
    },
    "omrade_profile_police": {"sv": "**Polisens lista 2025:** {areas}", "en": "**Police list 2025:** {areas}"},
    "omrade_profile_police_area": {"sv": "{name}, {kategori} ({parts})", "en": "{name}, {kategori} ({parts})"},
    "omrade_profile_police_none": {
        "sv": "**Polisens lista 2025:** inget utsatt område här.",
        "en": "**Police list 2025:** no vulnerable area here.",
    },
    "omrade_profile_caption": {
        "sv": "Stadsdelarna är projektets egen sammanställning och ska kontrolleras mot stadens stadsdelslager; "
        "polisens områden visas ungefärligt som hela delområden.",
        "en": "The districts are the project's own compilation, to be checked against the city's district layer; "
        "the police areas are shown approximately as whole delområden.",
    },
    "omrade_key_header": {"sv": "Nyckeltal jämfört med Malmö", "en": "Key figures compared with Malmö"},
    "omrade_key_caption": {
        "sv": "Varje indikators senaste år för området ({years}); Malmö samma år. Källa: {sources}.",
        "en": "Each indicator's latest year for the area ({years}); Malmö the same year. Source: {sources}.",
    },
    "omrade_trend_header": {"sv": "Utveckling sedan 2016", "en": "Trend since 2016"},
    "omrade_trend_caption_none": {
        "sv": "Området har inga insatser inom samma fokusområde; pågående insatser skulle visas som skuggade band.",
        "en": "The area has no measures in the same focus area; running measures would show as shaded bands.",
    },
    "omrade_trend_caption": {
        "sv": "De skuggade banden visar när områdets insatser inom samma fokusområde pågick ({n} st): en siffra före "
        "ett band kan inte vara en effekt av den insatsen.",
        "en": "The shaded bands show when the area's measures in the same focus area ran ({n}): a figure before a band "
        "cannot be an effect of that measure.",
    },
    "stat_header": {"sv": "Officiell statistik (hämtad)", "en": "Official statistics (fetched)"},
    "stat_none": {
        "sv": "Ingen officiell statistik är hämtad för området än. När statistiken har hämtats från Malmö stads "
        "öppna data visas den här.",
        "en": "No official statistics have been fetched for the area yet. Once they have been fetched from Malmö "
        "stad's open data they show here.",
    },
    "stat_table": {"sv": "Tabell", "en": "Table"},
    "stat_variable": {"sv": "Variabel", "en": "Variable"},
    "stat_note": {"sv": "Anmärkning", "en": "Note"},
    "stat_incomplete": {"sv": "saknas (ofullständig)", "en": "missing (incomplete)"},
    "stat_caption": {
        "sv": "Varje tabells senaste hämtning, senaste år med värde för området. Källa: {sources}. Ett område "
        "där något delområde saknas i svaret får inget värde (summeras aldrig delvis).",
        "en": "Each table's latest fetch, latest year with a value for the area. Source: {sources}. An area "
        "with a delområde missing from the answer gets no value (never a partial sum).",
    },
    "stat_source": {
        "sv": "{attribution}, via {service} (tabell: {table}), hämtad {date}",
        "en": "{attribution}, via {service} (tables: {table}), fetched {date}",
    },
    "stat_fetches_title": {"sv": "Hämtad officiell statistik", "en": "Fetched official statistics"},
    "stat_fetches_none": {
        "sv": "Ingen officiell statistik är hämtad än.",
        "en": "No official statistics fetched yet.",
    },
    "stat_service": {"sv": "Tjänst", "en": "Service"},
    "stat_reference_year": {"sv": "Referensår", "en": "Reference year"},
    "stat_fetched": {"sv": "Hämtad", "en": "Fetched"},
    "stat_rows": {"sv": "Rader", "en": "Rows"},
    "stat_rule": {"sv": "Regel", "en": "Rule"},
    "stat_rule_text": {"sv": "Regel {n}: {text}", "en": "Rule {n} (in Swedish): {text}"},
    "stat_by": {"sv": "Hämtad av", "en": "Fetched by"},
    "stat_source_col": {"sv": "Källa och adress", "en": "Source and address"},
    "omrade_insatser_header": {
        "sv": "Insatser i området och för hela staden",
        "en": "Measures in the area and city-wide",
    },
    "col_indikator": {"sv": "Indikator", "en": "Indicator"},
    "col_omradet": {"sv": "Området", "en": "The area"},
    "col_malmo": {"sv": "Malmö", "en": "Malmö"},
    "col_enhet": {"sv": "Enhet", "en": "Unit"},
    "col_insats": {"sv": "Insats", "en": "Measure"},
    "col_period": {"sv": "Period", "en": "Period"},
    "col_plats": {"sv": "Var", "en": "Where"},
    "plats_hela_staden": {"sv": "hela staden", "en": "whole city"},
    "plats_omradet": {"sv": "området", "en": "this area"},
    # Beslut och källor
    "beslut_title": {"sv": "Beslut och källor", "en": "Decisions and sources"},
    "beslut_intro": {
        "sv": "Varje siffra går att följa till sitt beslut eller förslag och till raden i källdokumentet.",
        "en": "Every figure can be traced to its decision or proposal and to the line in the source document.",
    },
    # Behov och närvaro
    "nav_behov": {"sv": "Behov och närvaro", "en": "Need and presence"},
    "behov_title": {"sv": "Behov och närvaro", "en": "Need and presence"},
    "behov_intro": {
        "sv": "Var är behoven störst, och finns staden där? Behovet räknas ur de indikatorer du väljer, närvaron "
        "ur områdesteam, kraftsamling och insatsernas kronor per invånare (för filtren i sidopanelen).",
        "en": "Where is the need greatest, and is the city there? Need is computed from the indicators you choose, "
        "presence from area teams, concentrated effort and the measures' kronor per inhabitant (for the sidebar "
        "filters).",
    },
    "need_indicators": {"sv": "Indikatorer för behov", "en": "Indicators of need"},
    "need_choose": {"sv": "Välj minst en indikator", "en": "Choose at least one indicator"},
    "need_none": {
        "sv": "Välj minst en indikator för att räkna fram behovet.",
        "en": "Choose at least one indicator to compute the need.",
    },
    "need_rule": {
        "sv": "**Regeln.** Behov: för var och en av de valda indikatorerna ({k} st, senaste år: {years}) rangordnas "
        "områdena efter behov och rangen skalas från 0 (minst behov) till 1 (störst); behovsindex är medelvärdet. "
        "Närvaro: en markör var för områdesteam, kraftsamling och kronor per invånare minst lika med medianen "
        "({median}). **Ett område flaggas** när det hör till de {top} av {n} områden som har högst behovsindex "
        "och har högst {markers} av 3 närvaromarkörer.",
        "en": "**The rule.** Need: for each chosen indicator ({k}, latest year: {years}) the areas are ranked "
        "by need and the rank is scaled from 0 (least need) to 1 (most); the need index is the mean. Presence: one "
        "marker each for an area team, concentrated effort and kronor per inhabitant at least the median "
        "({median}). **An area is flagged** when it is among the {top} of {n} areas with the highest need index "
        "and has at most {markers} of 3 presence markers.",
    },
    "need_flagged": {"sv": "Flaggade områden: högt behov, låg närvaro", "en": "Flagged areas: high need, low presence"},
    "need_flagged_none": {
        "sv": "Inget område flaggas med de valda indikatorerna och filtren.",
        "en": "No area is flagged with the chosen indicators and filters.",
    },
    "need_open_profile": {"sv": "{namn}: öppna profilen", "en": "{namn}: open the profile"},
    "need_legend_team_kraft": {"sv": "Områdesteam, kraftsamlande", "en": "Area team, concentrated effort"},
    "need_legend_kraft": {"sv": "Kraftsamlande", "en": "Concentrated effort"},
    "need_legend_team": {"sv": "Områdesteam", "en": "Area team"},
    "need_legend_no_team": {"sv": "Inget områdesteam", "en": "No area team"},
    "need_legend_flag": {"sv": "Flaggat", "en": "Flagged"},
    "need_hover_index": {"sv": "Behovsindex", "en": "Need index"},
    "need_hover_kronor": {"sv": "Kronor per invånare", "en": "Kronor per inhabitant"},
    "need_hover_markers": {"sv": "Närvaromarkörer", "en": "Presence markers"},
    "need_median_line": {"sv": "median {kronor}", "en": "median {kronor}"},
    "need_cutoff_line": {"sv": "högt behov →", "en": "high need →"},
    "need_axis_index": {"sv": "Behovsindex (0 = minst, 1 = störst behov)", "en": "Need index (0 = least, 1 = most)"},
    "need_axis_kronor": {"sv": "Kronor per invånare", "en": "Kronor per inhabitant"},
    "need_flag_yes": {"sv": "flaggat", "en": "flagged"},
    "col_need_rank": {"sv": "Behovsrang", "en": "Need rank"},
    "col_need_index": {"sv": "Behovsindex", "en": "Need index"},
    "col_need_n": {"sv": "Indikatorer", "en": "Indicators"},
    "col_team": {"sv": "Områdesteam", "en": "Area team"},
    "col_kr_per_inv": {"sv": "Kronor per invånare", "en": "Kronor per inhabitant"},
    "col_markers": {"sv": "Närvaromarkörer", "en": "Presence markers"},
    "col_flag": {"sv": "Flagga", "en": "Flag"},
    "yes": {"sv": "ja", "en": "yes"},
    "no": {"sv": "nej", "en": "no"},
    "similar_header": {"sv": "Liknande områden", "en": "Similar areas"},
    "similar_indicators": {"sv": "Jämför på indikatorerna", "en": "Compare on the indicators"},
    "similar_weights_help": {
        "sv": "Vikt per indikator: 0 = räknas inte, 3 = väger tre gånger så mycket som 1.",
        "en": "Weight per indicator: 0 = not counted, 3 = weighs three times as much as 1.",
    },
    "similar_result": {
        "sv": "Områdena som mest liknar **{namn}**, med vikterna {weights}. Avståndet är ett vägt euklidiskt avstånd "
        "mellan standardiserade värden (z-poäng över de 14 områdena): 0 = likadana, omkring 1 = lika olika som en "
        "standardavvikelse.",
        "en": "The areas most like **{namn}**, with the weights {weights}. The distance is a weighted Euclidean "
        "distance between standardised values (z-scores across the 14 areas): 0 = alike, about 1 = as different as "
        "one standard deviation.",
    },
    "col_distance": {"sv": "Avstånd", "en": "Distance"},
    # Insatser
    "nav_insatser": {"sv": "Insatser", "en": "Measures"},
    "ins_title": {"sv": "Insatser", "en": "Measures"},
    "ins_intro": {
        "sv": "Varje insats: vem som leder, med vilka pengar, mot vilket fokusområde och var. Välj en rad för att se "
        "allt.",
        "en": "Every measure: who leads it, with which money, against which focus area and where. Choose a row to see "
        "all.",
    },
    "ins_search": {"sv": "Sök", "en": "Search"},
    "ins_search_hint": {
        "sv": "namn, beskrivning, partner eller område (t.ex. Rosengård, Seved)",
        "en": "name, description, partner or area (e.g. Rosengård, Seved)",
    },
    "ins_search_areas": {
        "sv": "Söktexten är ett områdesnamn: även insatserna i {areas} visas.",
        "en": "The search text is an area name: the insatser in {areas} are shown too.",
    },
    "ins_search_cut": {
        "sv": "Söktexten i länken var längre än {n} tecken; sökningen gäller de första {n}.",
        "en": "The search text in the link was longer than {n} characters; the search uses the first {n}.",
    },
    "ins_type": {"sv": "Typ", "en": "Type"},
    "ins_malgrupp": {"sv": "Målgrupp", "en": "Target group"},
    "ins_id": {"sv": "Id", "en": "Id"},
    "ins_name": {"sv": "Insats", "en": "Measure"},
    "ins_start": {"sv": "Start", "en": "Start"},
    "ins_end": {"sv": "Slut", "en": "End"},
    "ins_partner": {"sv": "Partner", "en": "Partners"},
    "ins_source": {"sv": "Källa", "en": "Source"},
    "ins_shown": {"sv": "Insatser som visas", "en": "Measures shown"},
    "ins_kronor_granted": {
        "sv": "Kronor i insatserna {years}, föreslagna oräknade",
        "en": "Kronor in the measures {years}, proposed not counted",
    },
    "ins_kronor_proposed": {
        "sv": "Därtill {kr} i föreslagna insatser (inte beviljade).",
        "en": "Plus {kr} in proposed measures (not granted).",
    },
    "ins_kronor_help": {
        "sv": "Summan av beloppen i de visade insatserna med status beviljad, pågående, avslutad, avbruten eller "
        "permanentad; föreslagna insatser räknas för sig. Beloppen är exempeldata-fördelningar av verkliga "
        "belopp i besluten och förslagen (per år och stadium på Översikt); skillnaden syns per tilldelning på "
        "Datakvalitet.",
        "en": "The sum of the measures shown with status granted, running, completed, stopped or made permanent; "
        "proposed measures are counted apart. The amounts are example breakdowns of real amounts in the "
        "decisions and proposals (by year and stage on Overview); the difference per allocation is on Data "
        "quality.",
    },
    "ins_open": {"sv": "Visa en insats i sin helhet", "en": "Show one measure in full"},
    "ins_open_hint": {"sv": "Välj en rad i tabellen eller här", "en": "Choose a row in the table or here"},
    "ins_field": {"sv": "Uppgift", "en": "Item"},
    "ins_value": {"sv": "Värde", "en": "Value"},
    "ins_fokus_secondary": {"sv": "Andra fokusområden", "en": "Other focus areas"},
    "ins_period": {"sv": "Period", "en": "Period"},
    "ins_money_header": {"sv": "Pengarna kommer från", "en": "The money comes from"},
    "ins_money_none": {
        "sv": "Insatsen har ännu ingen tilldelning (den är inte beviljad).",
        "en": "The measure has no allocation yet (it is not granted).",
    },
    "ins_money_text": {
        "sv": "{kronor} av raden {line} ur *{source}* {year} till {recipient}. {stage} {organ} {when}{paragraph}: "
        "{title}.",
        "en": "{kronor} of the line {line} from *{source}* {year} to {recipient}. {stage} {organ} {when}{paragraph}: "
        "{title}.",
    },
    "ins_stage_förslag": {"sv": "Förslag av", "en": "Proposed by"},
    "ins_stage_beslut": {"sv": "Beslut av", "en": "Decided by"},
    "ins_money_docs": {
        "sv": "Källa: {doc}; tilldelningen: {tdoc}.",
        "en": "Source: {doc}; the allocation line: {tdoc}.",
    },
    "ins_indicators_header": {
        "sv": "Insatsens målindikatorer i dess områden",
        "en": "The measure's target indicators in its areas",
    },
    "ins_before": {"sv": "Året före start ({year})", "en": "Year before start ({year})"},
    "ins_newest": {"sv": "Senast ({year})", "en": "Latest ({year})"},
    "ins_indicators_caption": {
        "sv": "Målindikatorerna är fokusområdenas indikatorer, om inte en redaktör har valt andra. En förändring "
        "efter starten är inte i sig en effekt av insatsen: effektsignalen nedan jämför med liknande områden.",
        "en": "The target indicators are those of its focus areas unless an editor has chosen others. A change "
        "after the start is not in itself an effect of the measure: the effect signal below compares with similar "
        "areas.",
    },
    "kpi_flagged": {"sv": "Behöver uppföljning", "en": "Need follow-up"},
    "kpi_flagged_help": {
        "sv": "Insatser som pågår efter sitt slutdatum, eller är beviljade eller pågående utan uppföljning under de "
        "senaste 12 månaderna.",
        "en": "Measures running past their end date, or granted or running with no follow-up in the past 12 months.",
    },
    "kpi_flagged_detail": {
        "sv": "{past} efter slutdatum, {none} utan uppföljning på 12 mån",
        "en": "{past} past their end date, {none} with no follow-up in 12 months",
    },
    "kpi_flagged_link": {"sv": "Visa dem", "en": "Show them"},
    "ins_followup": {"sv": "Uppföljning", "en": "Follow-up"},
    "ins_flag_reason": {"sv": "Varför flaggad", "en": "Why flagged"},
    "ins_last_followup": {"sv": "Senast uppföljd", "en": "Last follow-up"},
    "ins_stop_reason": {"sv": "Varför avbruten", "en": "Why stopped"},
    "ins_stop_no_reason": {"sv": "ingen anledning angiven", "en": "no reason given"},
    "flag_past_end": {"sv": "pågår efter slutdatum", "en": "running past its end date"},
    "flag_no_followup": {"sv": "ingen uppföljning på 12 månader", "en": "no follow-up in 12 months"},
    "flag_none": {
        "sv": "Alla insatser som visas är uppföljda under det senaste året och ingen pågår efter sitt slutdatum.",
        "en": "Every measure shown has been followed up in the past year and none runs past its end date.",
    },
    "flag_summary": {
        "sv": "**{n} av insatserna behöver uppmärksamhet:** {past} pågår efter sitt slutdatum, {none} är beviljade "
        "eller pågående utan uppföljning på 12 månader.",
        "en": "**Measures that need attention: {n}.** Running past their end date: {past}; granted or running with "
        "no follow-up in 12 months: {none}.",
    },
    "flag_only": {"sv": "Visa bara dessa", "en": "Show only these"},
    "ins_followups_header": {"sv": "Uppföljningar", "en": "Follow-ups"},
    "ins_followups_none": {"sv": "Inga uppföljningar ännu.", "en": "No follow-ups yet."},
    "fu_date": {"sv": "Datum", "en": "Date"},
    "fu_who": {"sv": "Vem", "en": "Who"},
    "fu_what": {"sv": "Vad som gjorts", "en": "What was done"},
    "fu_reach": {"sv": "Räckvidd", "en": "Reach"},
    "fu_effect": {"sv": "Effekt", "en": "Effect"},
    "fu_basis": {"sv": "Underlag för bedömningen", "en": "Basis of the judgement"},
    "effect_ingen": {"sv": "ingen", "en": "none"},
    "effect_oklar": {"sv": "oklar", "en": "unclear"},
    "effect_viss": {"sv": "viss", "en": "some"},
    "effect_tydlig": {"sv": "tydlig", "en": "clear"},
    "ins_history_header": {"sv": "Historik", "en": "History"},
    "hist_from": {"sv": "Från", "en": "From"},
    "hist_to": {"sv": "Till", "en": "To"},
    "hist_reason": {"sv": "Anledning", "en": "Reason"},
    "hist_receiver": {"sv": "Mottagande nämnd", "en": "Receiving committee"},
    "hist_amount": {"sv": "Belopp", "en": "Amount"},
    "hist_by": {"sv": "Av", "en": "By"},
    "hist_when": {"sv": "När", "en": "When"},
    "hist_action": {"sv": "Handling", "en": "Action"},
    "hist_field": {"sv": "Fält", "en": "Field"},
    "hist_old": {"sv": "Före", "en": "Before"},
    "hist_new": {"sv": "Efter", "en": "After"},
    "hist_changes": {"sv": "Ändringar gjorda i appen:", "en": "Changes made in the app:"},
    "hist_no_changes": {"sv": "Inga ändringar gjorda i appen.", "en": "No changes made in the app."},
    "typ_pilot": {"sv": "pilot", "en": "pilot"},
    "typ_förstudie": {"sv": "förstudie", "en": "pre-study"},
    "typ_utökning": {"sv": "utökning", "en": "extension"},
    "typ_ny": {"sv": "ny", "en": "new"},
    "source_exempel": {"sv": "exempeldata", "en": "example data"},
    "source_user": {"sv": "inlagd i appen av {namn}", "en": "entered in the app by {namn}"},
    # Source documents by readable name, and the document viewer (pages/dokument.py)
    # {organ} as it stands before the word: "Stadskontorets" in Swedish (genitive), "Stadskontoret" in English
    "doc_name_tjanst": {"sv": "{organ} tjänsteskrivelse {datum}", "en": "{organ} memorandum {datum}"},
    "doc_dnr": {"sv": "diarienummer {dnr}", "en": "case number {dnr}"},
    "doc_line": {"sv": "rad {rad}", "en": "line {rad}"},
    "doc_lines": {"sv": "rad {rad}", "en": "lines {rad}"},
    "doc_open_help": {"sv": "Öppna dokumentets text vid raden", "en": "Open the document's text at the line"},
    "doc_open": {"sv": "Öppna", "en": "Open"},
    "nav_dokument": {"sv": "Källdokument", "en": "Source document"},
    "dok_title_unknown": {"sv": "Källdokument", "en": "Source document"},
    "dok_unknown": {
        "sv": "Det finns inget källdokument med den koden i databasen. Välj ett dokument under Beslut och källor.",
        "en": "There is no source document with that code in the database. Choose a document under Decisions and "
        "sources.",
    },
    "dok_no_text": {
        "sv": "Dokumentets text finns inte i appen här. Handlingen kan begäras ut från Malmö stads registratur: "
        "{details}.",
        "en": "The document's text is not available in the app here. The document can be requested from Malmö stad's "
        "registry: {details}.",
    },
    "dok_cited": {"sv": "Rad {rad} i dokumentet:", "en": "Line {rad} of the document:"},
    "dok_out_of_range": {
        "sv": "Dokumentet har {n} rader; rad {rad} finns inte. Hela texten visas nedan.",
        "en": "The document has {n} lines; line {rad} does not exist. The whole text is shown below.",
    },
    "dok_back": {"sv": "Till Beslut och källor", "en": "To Decisions and sources"},
    "beslut_kallor_open": {
        "sv": "Ett klick på ett källdokument öppnar dess text, vid den rad som siffran kommer från.",
        "en": "A click on a source document opens its text, at the line the figure comes from.",
    },
    "dok_text_label": {"sv": "Dokumentets text med radnummer", "en": "The document's text with line numbers"},
    "ins_money_unallocated": {
        "sv": "Ingen tilldelning är angiven för insatsen.",
        "en": "No allocation is given for the measure.",
    },
    # Nämnder
    "nav_namnder": {"sv": "Nämnder", "en": "Committees"},
    "nam_title": {"sv": "Nämnder", "en": "Committees (nämnder)"},
    "nam_intro": {
        "sv": "Vad varje nämnd har fått, per finansieringskälla, och vilka insatser den leder eller deltar i. "
        "Välj nämnder i sidopanelen för att jämföra några av dem sida vid sida.",
        "en": "What each committee has received, per funding source, and which measures it leads or takes part in. "
        "Choose committees in the sidebar to compare some of them side by side.",
    },
    "nam_receiver_note": {
        "sv": "**Den nämnd som tar emot pengarna är inte alltid den som gör arbetet.** Beslutsunderlaget 2022 säger "
        "själv: *”Det ska noteras att flera insatser kommer genomföras i samverkan mellan två eller flera "
        "förvaltningar. Den förvaltning som efter dialog med de andra förvaltningarna skickat in förslaget är den "
        "som föreslås få medlen att disponera. De till nämnderna föreslagna beloppen kan därför inte användas som "
        "en jämförelse kring vilka nämnder/förvaltningar som kommer genomföra de mest omfattande insatserna.”* "
        "(Tjänsteskrivelse 2022-08-12, rad 156.) Se därför också kolumnen Partner i.",
        "en": "**The committee that receives the money is not always the one doing the work.** The 2022 decision "
        "paper says so itself: several measures are carried out jointly by two or more administrations; the one "
        "that submitted the proposal receives the money, so the amounts cannot be used to compare which committees "
        "carry out the largest measures (tjänsteskrivelse 2022-08-12, line 156). See the column Partner in too.",
    },
    "nam_compare_header": {"sv": "Nämnderna sida vid sida", "en": "The committees side by side"},
    "nam_compare_caption": {
        "sv": "Beslutat och Föreslaget: verkliga belopp ur källdokumenten ({sources}), per år och stadium (ett "
        "förslag är inte mottagna pengar). Insatser och status: exempeldata. Partner i: insatser som en annan "
        "nämnd leder.",
        "en": "Decided and Proposed: real amounts from the source documents ({sources}), per year and stage (a "
        "proposal is not money received). Measures and status: example data. Partner in: measures another "
        "committee leads.",
    },
    "nam_money_beslut": {"sv": "Beslutat {ar}, kr", "en": "Decided {ar}, kr"},
    "nam_money_förslag": {"sv": "Föreslaget {ar}, kr", "en": "Proposed {ar}, kr"},
    "nam_leads": {"sv": "Leder", "en": "Leads"},
    "nam_leads_kr": {"sv": "Leder, kronor", "en": "Leads, kronor"},
    "nam_partner": {"sv": "Partner i", "en": "Partner in"},
    "nam_statuses": {"sv": "Det den leder, per status", "en": "What it leads, by status"},
    "nam_role": {"sv": "Roll", "en": "Role"},
    "nam_role_leder": {"sv": "leder", "en": "leads"},
    "nam_role_partner": {"sv": "partner", "en": "partner"},
    "nam_led_by": {"sv": "Leds av", "en": "Led by"},
    "nam_choose": {"sv": "Nämnd", "en": "Committee"},
    "nam_one_header": {"sv": "En nämnds insatser", "en": "One committee's measures"},
    "nam_fokus_header": {
        "sv": "Insatsernas kronor mot de fem fokusområdena",
        "en": "The measures' kronor by focus area",
    },
    # Sign-in and editing
    "auth_signed_in": {"sv": "Inloggad som **{namn}** ({roll}).", "en": "Signed in as **{namn}** ({roll})."},
    "auth_sign_out": {"sv": "Logga ut", "en": "Sign out"},
    "auth_reload_note": {
        "sv": "Laddar du om sidan loggas du ut. Har du skrivit något som inte är sparat frågar webbläsaren först.",
        "en": "Reloading the page signs you out. If you have typed something that is not saved, the browser asks first.",
    },
    "auth_sign_in_sso": {"sv": "Logga in (redaktörer)", "en": "Sign in (editors)"},
    "auth_editors": {"sv": "Logga in för att redigera", "en": "Sign in to edit"},
    "auth_user": {"sv": "Användarnamn", "en": "User name"},
    "auth_password": {"sv": "Lösenord", "en": "Password"},
    "auth_sign_in": {"sv": "Logga in", "en": "Sign in"},
    "auth_failed": {"sv": "Fel användarnamn eller lösenord.", "en": "Wrong user name or password."},
    "auth_locked": {
        "sv": "För många felaktiga försök för det här användarnamnet. Försök igen om {minutes} {unit}.",
        "en": "Too many wrong attempts for this user name. Try again in {minutes} {unit}.",
    },
    "auth_locked_other": {
        "sv": "För många felaktiga inloggningsförsök just nu. Försök igen om {minutes} {unit}.",
        "en": "Too many wrong sign-in attempts just now. Try again in {minutes} {unit}.",
    },
    "auth_minute": {"sv": "minut", "en": "minute"},
    "auth_minutes": {"sv": "minuter", "en": "minutes"},
    "role_lasare": {"sv": "läsare", "en": "reader"},
    "role_redaktor": {"sv": "redaktör", "en": "editor"},
    "role_admin": {"sv": "administratör", "en": "administrator"},
    "form_choose": {"sv": "Välj", "en": "Choose"},
    "form_none": {"sv": "Ingen", "en": "None"},
    "form_comma": {"sv": "(skilj med kommatecken)", "en": "(separate with commas)"},
    "form_new_insats": {"sv": "Ny insats", "en": "New measure"},
    "form_save": {"sv": "Spara", "en": "Save"},
    "form_added": {"sv": "Insatsen {id} ({namn}) är sparad.", "en": "The measure {id} ({namn}) is saved."},
    "form_edit_header": {"sv": "Redigera", "en": "Edit"},
    "form_version": {
        "sv": "Du redigerar version {version}. Har någon annan sparat insatsen under tiden får du se båda "
        "versionerna; inget skrivs över.",
        "en": "You are editing version {version}. If someone else saves the measure meanwhile you will see both "
        "versions; nothing is overwritten.",
    },
    "form_tab_edit": {"sv": "Ändra uppgifter", "en": "Change details"},
    "form_tab_status": {"sv": "Ändra status", "en": "Change status"},
    "form_tab_followup": {"sv": "Ny uppföljning", "en": "New follow-up"},
    "form_comment": {"sv": "Kommentar till ändringen (valfri)", "en": "Comment on the change (optional)"},
    "form_nothing": {"sv": "Inget är ändrat.", "en": "Nothing has changed."},
    "form_updated": {
        "sv": "Insatsen {id} är sparad ({n} fält ändrade).",
        "en": "The measure {id} is saved ({n} fields).",
    },
    "conflict_stored": {"sv": "Sparat nu (av någon annan)", "en": "Saved now (by someone else)"},
    "conflict_yours": {"sv": "Din version", "en": "Your version"},
    "conflict_reload": {"sv": "Ladda den sparade versionen", "en": "Load the saved version"},
    "form_status_final": {
        "sv": "Status är {status}: en slutlig status, som inte kan ändras.",
        "en": "The status is {status}: a final status, which cannot change.",
    },
    "form_status_to": {"sv": "Från {status} till", "en": "From {status} to"},
    "form_stop_reason": {"sv": "Varför avbryts insatsen? (krävs)", "en": "Why is the measure stopped? (required)"},
    "form_receiver": {
        "sv": "Mottagande nämnd (kommunbidragsväxling)",
        "en": "Receiving committee (moved into its municipal budget)",
    },
    "form_permanent_amount": {"sv": "Belopp per år (kr)", "en": "Amount per year (SEK)"},
    "form_status_save": {"sv": "Ändra status till {status}", "en": "Change status to {status}"},
    "form_status_saved": {
        "sv": "Insatsen {id} har nu status {status}.",
        "en": "The measure {id} now has status {status}.",
    },
    "form_reach_hint": {"sv": "(t.ex. deltagare)", "en": "(e.g. participants)"},
    "form_followup_save": {"sv": "Spara uppföljningen", "en": "Save the follow-up"},
    "form_followup_saved": {"sv": "Uppföljningen {id} är sparad.", "en": "The follow-up {id} is saved."},
    "data_seeds_newer": {
        "sv": "Det finns nyare grunddata än de databasen byggdes på, men databasen har ändringar gjorda i appen och "
        "har därför inte byggts om. En administratör kan bygga om den på de nya grunddata på sidan Data; "
        "ändringarna läggs då på igen och inget går förlorat.",
        "en": "There is newer base data than the store was built on, but the store has changes made in the app and "
        "was therefore not rebuilt. An administrator can rebuild it on the new base data on the Data page; the "
        "changes are then applied again and nothing is lost.",
    },
    "store_rebuilt": {
        "sv": "Databasen återskapades {when} från {base} och journalen: {n} sparade ändringar lades på igen, så inget "
        "som sparats har förlorats.",
        "en": "The store was rebuilt at {when} from {base} and the journal: {n} saved changes were applied again, so "
        "nothing that was saved has been lost.",
    },
    "store_built_damaged": {
        "sv": "Databasfilen var skadad och hade ingen journal att återskapas från, så den byggdes {when} från "
        "seed-data. Den skadade filen sparades för den som sköter servern.",
        "en": "The store file was damaged and had no journal to be rebuilt from, so it was built from the seed data "
        "at {when}. The damaged file was kept for the server's administrator.",
    },
    "store_base_seed": {"sv": "seed-data", "en": "the seed data"},
    "store_base_file": {"sv": "en kopia av databasen", "en": "a copy of the store"},
    "store_cause_missing": {"sv": "Databasfilen saknades.", "en": "The store file was missing."},
    "store_cause_damaged": {
        "sv": "Databasfilen var skadad; den sparades för den som sköter servern.",
        "en": "The store file was damaged; it was kept for the server's administrator.",
    },
    "store_rolled_forward": {
        "sv": "{n} ändringar som sparades strax innan appen stoppades lades på från journalen ({when}).",
        "en": "{n} changes saved just before the app stopped were applied from the journal ({when}).",
    },
    "store_upgraded": {
        "sv": "Den här versionen av appen behövde nya uppgifter i databasen, så den byggdes {when} på de nya "
        "grunddata och {n} sparade ändringar lades på igen: inget som sparats har förlorats. Den gamla filen "
        "sparades för den som sköter servern.",
        "en": "This version of the app needed new data in the store, so it was built at {when} on the new base "
        "data and {n} saved changes were applied again: nothing that was saved has been lost. The old file was "
        "kept for the server's administrator.",
    },
    "store_adopted": {
        "sv": "Databasen hade ingen journal; en ny journal startades {when} från databasen som den var.",
        "en": "The store had no journal; a new journal was started at {when} from the store as it was.",
    },
    "store_journal_problems": {
        "sv": "Journalen hade {n} skadade rader som inte lades på; de finns kvar för den som sköter servern.",
        "en": "The journal had {n} damaged lines that were not applied; they were kept for the server's administrator.",
    },
    "store_unavailable_title": {"sv": "Databasen kan inte öppnas", "en": "The store cannot be opened"},
    "store_busy": {
        "sv": "Databasen används redan av en annan process: en annan instans av appen, eller ett kommando som skriver "
        "i den. Bara en process i taget kan skriva i databasen, så den här instansen kan inte starta. Stoppa den andra "
        "processen, eller vänta tills kommandot är klart, och ladda om sidan.",
        "en": "The store is already in use by another process: another instance of the app, or a command writing to "
        "it. Only one process at a time can write to the store, so this instance cannot start. Stop the other "
        "process, or wait until the command has finished, and reload the page.",
    },
    "store_broken": {
        "sv": "Databasen kunde inte öppnas och inte heller återskapas från journalen. Inget har skrivits över: "
        "journalen och den skadade filen finns kvar. Den som sköter servern ser orsaken i serverns logg och kan "
        "återställa en säkerhetskopia (README: *Backups without asking*).",
        "en": "The store could not be opened, nor rebuilt from the journal. Nothing was overwritten: the journal and "
        "the damaged file are kept. The server's administrator sees the cause in the server's log and can restore a "
        "backup (README: *Backups without asking*).",
    },
    "store_unavailable_hint": {
        "sv": "Läsare behöver inte göra något: sidan fungerar igen när databasen är tillgänglig.",
        "en": "Readers need do nothing: the page works again once the store is available.",
    },
    # Datakvalitet
    "nav_kvalitet": {"sv": "Datakvalitet", "en": "Data quality"},
    "dq_title": {"sv": "Datakvalitet", "en": "Data quality"},
    "dq_intro": {
        "sv": "Det som inte går ihop, saknas eller fortfarande är exempeldata. Varje kontroll visar raderna det "
        "gäller; en insats öppnas med länken. Inget rättas automatiskt.",
        "en": "What does not add up, is missing or is still example data. Each check shows the rows concerned; a "
        "measure opens from its link. Nothing is corrected automatically.",
    },
    "dq_found": {"sv": "{n} rader att se över.", "en": "{n} rows to look at."},
    "dq_sum_totals": {"sv": "Totalbelopp fel", "en": "Totals off"},
    "dq_sum_totals_help": {
        "sv": "Deklarerade totalbelopp som inte stämmer med summan av sina rader.",
        "en": "Declared totals that do not match the sum of their lines.",
    },
    "dq_sum_money": {"sv": "Pengar att se över", "en": "Money to check"},
    "dq_sum_money_help": {
        "sv": "Tilldelningar vars insatser inte summerar till beloppet, och beviljade insatser utan tilldelning.",
        "en": "Allocations whose measures do not add up to the amount, and granted measures without an allocation.",
    },
    "dq_sum_place": {"sv": "Plats saknas", "en": "Place missing"},
    "dq_sum_place_help": {
        "sv": "Insatser utan område eller utan fokusområde.",
        "en": "Measures without an area or without a focus area.",
    },
    "dq_sum_missing": {"sv": "Värden saknas", "en": "Values missing"},
    "dq_sum_missing_help": {
        "sv": "Indikatorvärden som saknas för ett område ett år då indikatorn mättes.",
        "en": "Indicator values missing for an area in a year the indicator was measured.",
    },
    "dq_sum_exempel": {"sv": "Exempeldata", "en": "Example data"},
    "dq_sum_exempel_help": {
        "sv": "Andel av insatserna som är exempeldata (per tabell längst ned på sidan).",
        "en": "Share of the measures that is example data (per table at the foot of the page).",
    },
    "dq_open": {"sv": "Öppna", "en": "Open"},
    "dq_source": {"sv": "kontroll i databasen", "en": "check in the store"},
    "dq_money_header": {"sv": "Pengar", "en": "Money"},
    "dq_alloc_title": {
        "sv": "Tilldelningar vars insatser inte summerar till beloppet (eller som saknar insatser)",
        "en": "Allocations whose measures do not add up to the amount (or that have no measures)",
    },
    "dq_alloc_ok": {
        "sv": "Varje tilldelningsrad motsvaras exakt av sina insatser.",
        "en": "Every allocation line is matched exactly by its measures.",
    },
    "dq_no_alloc_title": {
        "sv": "Beviljade insatser utan tilldelning (pengarna kan inte spåras till ett beslut)",
        "en": "Granted measures without an allocation (the money cannot be traced to a decision)",
    },
    "dq_no_alloc_ok": {
        "sv": "Alla beviljade insatser har en tilldelning.",
        "en": "Every granted measure has an allocation.",
    },
    "dq_line": {"sv": "Tilldelning", "en": "Allocation"},
    "dq_allocated": {"sv": "Tilldelat", "en": "Allocated"},
    "dq_insatser_kr": {"sv": "Insatsernas kronor", "en": "The measures' kronor"},
    "dq_difference": {"sv": "Skillnad", "en": "Difference"},
    "dq_doc_line": {"sv": "Rad i källan", "en": "Line in source"},
    "dq_place_header": {"sv": "Plats och fokusområde", "en": "Place and focus area"},
    "dq_place_title": {
        "sv": "Insatser utan område eller utan fokusområde",
        "en": "Measures without an area or without a focus area",
    },
    "dq_place_ok": {
        "sv": "Alla insatser har område (eller gäller hela staden) och fokusområde.",
        "en": "Every measure has an area (or covers the whole city) and a focus area.",
    },
    "dq_problem": {"sv": "Saknar", "en": "Missing"},
    "dq_problem_utan_omrade": {"sv": "område", "en": "area"},
    "dq_problem_utan_fokus": {"sv": "fokusområde", "en": "focus area"},
    "dq_indicators_header": {"sv": "Indikatorer", "en": "Indicators"},
    "dq_missing_title": {
        "sv": "Värden som saknas för ett område ett år då indikatorn mättes",
        "en": "Values missing for an area in a year the indicator was measured",
    },
    "dq_missing_ok": {
        "sv": "Inga värden saknas: varje område har ett värde varje år indikatorn mättes.",
        "en": "No values are missing: every area has a value each year the indicator was measured.",
    },
    "dq_sources_title": {"sv": "Varje indikators källa och år", "en": "Each indicator's source and years"},
    "dq_definition": {"sv": "Definitionens källa", "en": "Source of the definition"},
    "dq_first_year": {"sv": "Första år", "en": "First year"},
    "dq_last_year": {"sv": "Senaste år", "en": "Latest year"},
    "dq_values": {"sv": "Värden", "en": "Values"},
    "dq_value_sources": {"sv": "Värdenas källor", "en": "Sources of the values"},
    "dq_exempel_header": {"sv": "Andel exempeldata", "en": "Share of example data"},
    "dq_table": {"sv": "Tabell", "en": "Table"},
    "dq_rows": {"sv": "Rader", "en": "Rows"},
    "dq_exempel_rows": {"sv": "Varav exempeldata", "en": "Of which example data"},
    "dq_exempel_share": {"sv": "Andel", "en": "Share"},
    "dq_exempel_caption": {
        "sv": "Exempeldata är genererad för att visa verktyget och ska ersättas med verkliga uppgifter.",
        "en": "Example data is generated to show the tool and is to be replaced by real data.",
    },
    # Who to ask, and the help only editors see (lokalutveckling.ui.editor_help)
    "contact": {"sv": "Frågor om uppgifterna: {kontakt}", "en": "Questions about the data: {kontakt}"},
    "contact_default": {
        "sv": "fritidsnämndens samordnare för lokal utveckling.",
        "en": "the coordinators for local development at fritidsnämnden (the leisure committee).",
    },
    "help_title": {"sv": "För redaktörer: hur uppgifterna tas fram", "en": "For editors: how the data is made"},
    "help_statistik": {
        "sv": "Officiell statistik hämtas av den som sköter servern med kommandot `python -m lokalutveckling stats` "
        "(Malmö stads öppna data: `python -m lokalutveckling stats ckan --resource ID`; README: *Data in and "
        "out*). Varje hämtning sparas i tabellen `statistik_hamtningar`, värdena i `statistik_varden`.",
        "en": "Official statistics are fetched by the server's administrator with the command "
        "`python -m lokalutveckling stats` (Malmö stad's open data: `python -m lokalutveckling stats ckan "
        "--resource ID`; README: *Data in and out*). Each fetch is kept in the table `statistik_hamtningar`, the "
        "values in `statistik_varden`.",
    },
    "help_gransfil": {
        "sv": "Kartan läser gränsfilen `{fil}`. Den anges med miljövariabeln `LOKALUTVECKLING_GEO` eller `geo_path` i "
        "`.streamlit/secrets.toml`; Malmö stads officiella delområden hämtas med `python -m lokalutveckling geo fetch` "
        "(README: *Maps, areas, need and presence*).",
        "en": "The map reads the boundary file `{fil}`. It is set with the environment variable `LOKALUTVECKLING_GEO` "
        "or `geo_path` in `.streamlit/secrets.toml`; Malmö stad's official sub-areas are downloaded with "
        "`python -m lokalutveckling geo fetch` (README: *Maps, areas, need and presence*).",
    },
    "help_tabeller": {
        "sv": "Tabellerna heter så här i databasen (och i exporten av hela databasen): {tabeller}. Exempeldata tas "
        "bort per tabell på sidan Data.",
        "en": "The tables' names in the store (and in the export of the whole store): {tabeller}. Example data is "
        "removed table by table on the Data page.",
    },
    "help_kallor": {
        "sv": "Varje rad i databasen anger sin källa i kolumnen `kalla` (källans id, t.ex. "
        "`002_653f0594ef9bb87d.txt` eller `exempeldata`). *Rader i databasen* räknar raderna med den källan i alla "
        "tabeller som har kolumnen (`queries/kallor.sql`).",
        "en": "Every row in the store names its source in the column `kalla` (the source's id, e.g. "
        "`002_653f0594ef9bb87d.txt` or `exempeldata`). *Rows in the store* counts the rows citing it in every table "
        "that has the column (`queries/kallor.sql`).",
    },
    "help_kommandon": {
        "sv": "Kommandon för den som sköter servern (README har alla, med sina val):\n"
        "- bygg databasen från grunddata i `data/seed/`: `python -m lokalutveckling store build`\n"
        "- säkerhetskopia: `python -m lokalutveckling store backup MAPP`; återställning med appen stoppad: "
        "`python -m lokalutveckling store restore-backup MAPP`\n"
        "- officiell statistik: `python -m lokalutveckling stats`\n"
        "- Malmö stads gränsfil för kartan: `python -m lokalutveckling geo fetch`\n"
        "- konton: `python -m lokalutveckling user add`\n"
        "- exempeldata skapas om: `python -m lokalutveckling exempeldata generate`\n\n"
        "Frågorna bakom sidorna finns i `queries/`, en fråga per fil.",
        "en": "Commands for the server's administrator (the README has them all, with their options):\n"
        "- build the store from the seed data in `data/seed/`: `python -m lokalutveckling store build`\n"
        "- a backup: `python -m lokalutveckling store backup FOLDER`; a restore with the app stopped: "
        "`python -m lokalutveckling store restore-backup FOLDER`\n"
        "- official statistics: `python -m lokalutveckling stats`\n"
        "- Malmö stad's boundary file for the map: `python -m lokalutveckling geo fetch`\n"
        "- accounts: `python -m lokalutveckling user add`\n"
        "- the example data made again: `python -m lokalutveckling exempeldata generate`\n\n"
        "The pages' queries are in `queries/`, one query per file.",
    },
    # The store's tables by readable name (readers never see a table's name in the store)
    "table_anvandare": {"sv": "Konton", "en": "Accounts"},
    "table_audit": {"sv": "Ändringslogg", "en": "Change log"},
    "table_beslut": {"sv": "Beslut och förslag", "en": "Decisions and proposals"},
    "table_build_meta": {"sv": "Databasens bygge", "en": "The store's build"},
    "table_deklarerade_summor": {"sv": "Deklarerade totalbelopp", "en": "Declared totals"},
    "table_finansieringskallor": {"sv": "Finansieringskällor", "en": "Funding sources"},
    "table_fokusomraden": {"sv": "Fokusområden", "en": "Focus areas"},
    "table_indikatorer": {"sv": "Indikatorer", "en": "Indicators"},
    "table_indikatorvarden": {"sv": "Indikatorvärden", "en": "Indicator values"},
    "table_insats_fokusomraden": {"sv": "Insatsernas fokusområden", "en": "The measures' focus areas"},
    "table_insats_omraden": {"sv": "Insatsernas områden", "en": "The measures' areas"},
    "table_insats_partner": {"sv": "Insatsernas partner", "en": "The measures' partners"},
    "table_insatser": {"sv": "Insatser", "en": "Measures"},
    "table_journal_position": {"sv": "Journalens läge", "en": "The journal's position"},
    "table_kallor": {"sv": "Källor", "en": "Sources"},
    "table_kraftsamling": {"sv": "Kraftsamlande områden", "en": "Areas of concentrated effort"},
    "table_namnder": {"sv": "Nämnder", "en": "Committees"},
    "table_omraden": {"sv": "Områden och delområden", "en": "Areas and sub-areas"},
    "table_omradesteam": {"sv": "Områdesteam", "en": "Area teams"},
    "table_statistik_hamtningar": {"sv": "Hämtningar av officiell statistik", "en": "Fetches of official statistics"},
    "table_statistik_varden": {"sv": "Officiell statistik", "en": "Official statistics"},
    "table_stadsdelar": {"sv": "Stadsdelar och stadsområden", "en": "Former districts (stadsdelar, stadsområden)"},
    "table_statushistorik": {"sv": "Statushistorik", "en": "Status history"},
    "table_tilldelningar": {"sv": "Tilldelningar", "en": "Allocations"},
    "table_uppfoljningar": {"sv": "Uppföljningar", "en": "Follow-ups"},
    "table_utsatta_omraden": {"sv": "Polisens utsatta områden", "en": "The police's vulnerable areas"},
    "table_uppdrag": {"sv": "Uppdrag", "en": "Mandates"},
    "table_aterrapporteringskrav": {"sv": "Återrapporteringskrav", "en": "Reporting duties"},
    "table_indikator_kallor": {
        "sv": "Indikatorernas officiella källor",
        "en": "The indicators' official sources",
    },
    # Data (imports)
    "nav_data": {"sv": "Data", "en": "Data"},
    "imp_title": {"sv": "Data", "en": "Data"},
    "imp_editors_only": {"sv": "Den här sidan är för redaktörer.", "en": "This page is for editors."},
    "imp_intro": {
        "sv": "Läs in förvaltningarnas Excel- och CSV-filer. Först visas vad som skulle läggas till, ändras och "
        "lämnas orört, och varje problem med fil, rad och kolumn; inget skrivs förrän du importerar, och då allt "
        "eller inget. Före varje import sparas en ögonblicksbild av databasen.",
        "en": "Load the administrations' Excel and CSV files. First you see what would be added, changed and left "
        "alone, and every problem with file, row and column; nothing is written until you import, and then all or "
        "nothing. Before each import a snapshot of the store is kept.",
    },
    "imp_import_header": {"sv": "Importera en fil", "en": "Import a file"},
    "imp_kind": {"sv": "Vad filen innehåller", "en": "What the file holds"},
    "imp_template_xlsx": {"sv": "Mall (Excel)", "en": "Template (Excel)"},
    "imp_template_csv": {"sv": "Mall (CSV)", "en": "Template (CSV)"},
    "imp_file": {"sv": "Fil (.xlsx eller .csv)", "en": "File (.xlsx or .csv)"},
    "imp_preview": {"sv": "Förhandsgranska", "en": "Preview"},
    "imp_read_as": {"sv": "Så här lästes filen:", "en": "How the file was read:"},
    "imp_apply": {"sv": "Importera", "en": "Import"},
    "imp_step_read": {"sv": "Läser filen", "en": "Reading the file"},
    "imp_step_check": {"sv": "Kontrollerar raderna", "en": "Checking the rows"},
    "imp_step_compare": {"sv": "Jämför med databasen", "en": "Comparing with the store"},
    "imp_step_recheck": {"sv": "Kontrollerar mot databasen igen", "en": "Checking against the store again"},
    "imp_step_write": {"sv": "Skriver", "en": "Writing"},
    "imp_progress_rows": {"sv": "rad {done} av {total}", "en": "row {done} of {total}"},
    "imp_progress_left": {"sv": "ungefär {s} s kvar", "en": "about {s} s left"},
    "imp_done": {
        "sv": "{fil} är importerad: {added} nya, {changed} ändrade, {unchanged} oförändrade.",
        "en": "{fil} is imported: {added} new, {changed} changed, {unchanged} unchanged.",
    },
    "imp_export_header": {"sv": "Hela databasen", "en": "The whole store"},
    "imp_export_intro": {
        "sv": "Alla tabeller (utom konton) som CSV i en zip-fil och som en Excel-arbetsbok, för användning i "
        "andra verktyg. Insatserna kan läsas in igen.",
        "en": "Every table (except accounts) as CSV in a zip file and as one Excel workbook, for use in other "
        "tools. The measures can be imported again.",
    },
    "imp_export_make": {"sv": "Ta fram export", "en": "Prepare export"},
    "imp_export_zip": {"sv": "Ladda ned (zip med CSV)", "en": "Download (zip of CSV)"},
    "imp_export_xlsx": {"sv": "Ladda ned (Excel)", "en": "Download (Excel)"},
    "imp_rows_first": {
        "sv": "Här visas de första {n} av filens {total} rader; alla importeras. Hela listan finns som fil.",
        "en": "The first {n} of the file's {total} rows are shown here; all are imported. The whole list is a file.",
    },
    "imp_rows_download": {"sv": "Ladda ned hela förhandsgranskningen (CSV)", "en": "Download the whole preview (CSV)"},
    "imp_snapshots_header": {"sv": "Ögonblicksbilder", "en": "Snapshots"},
    "imp_snapshots_intro": {
        "sv": "Tas före varje import, återställning och borttagning av exempeldata, och en gång om dagen medan appen "
        "körs. De dagliga sparas för de senaste {dagar} dagarna och de senaste {veckor} veckorna (den senaste i varje); "
        "de andra tas aldrig bort av sig själva. En återställning ersätter all data med bildens; loggen över ändringar "
        "och kontona behålls, och läget före sparas som en ny bild. Bilderna innehåller inga lösenordshashar.",
        "en": "Taken before each import, restore and removal of example data, and once a day while the app runs. The "
        "daily ones are kept for the last {dagar} days and the last {veckor} weeks (the newest of each); the others are "
        "never deleted automatically. A restore replaces all data with the snapshot's; the change log and the "
        "accounts are kept, and the state before is saved as a new snapshot. Snapshots hold no password hashes.",
    },
    "imp_snapshots_none": {"sv": "Inga ögonblicksbilder ännu.", "en": "No snapshots yet."},
    "imp_snapshot": {"sv": "Ögonblicksbild", "en": "Snapshot"},
    "imp_restore_nothing": {
        "sv": "Inget har ändrats sedan den här bilden togs: en återställning ångrar ingenting.",
        "en": "Nothing has changed since this snapshot was taken: a restore undoes nothing.",
    },
    "imp_restore_undoes": {
        "sv": "En återställning ångrar de {n} ändringar som gjorts sedan bilden togs (nedan, senaste först). De finns "
        "kvar i loggen, och läget före återställningen sparas som en ny bild.",
        "en": "A restore undoes the {n} changes made since the snapshot was taken (below, newest first). They stay in "
        "the log, and the state before the restore is saved as a new snapshot.",
    },
    "imp_undone_tid": {"sv": "Tid", "en": "Time"},
    "imp_undone_anvandare": {"sv": "Vem", "en": "Who"},
    "imp_undone_handling": {"sv": "Vad", "en": "What"},
    "imp_undone_tabell": {"sv": "Tabell", "en": "Table"},
    "imp_undone_rad_id": {"sv": "Rad", "en": "Row"},
    "imp_undone_falt": {"sv": "Fält", "en": "Fields"},
    "imp_restore_sure": {
        "sv": "Jag vill ersätta all data med den här bilden",
        "en": "I want to replace all data with this snapshot",
    },
    "imp_restore": {"sv": "Återställ", "en": "Restore"},
    "imp_restored": {
        "sv": "Databasen är återställd till {bild}. Läget före finns i bilden {fore}.",
        "en": "The store is restored to {bild}. The state before is in the snapshot {fore}.",
    },
    "imp_seeds_header": {"sv": "Nya seed-data", "en": "New seed data"},
    "imp_seeds_intro": {
        "sv": "Projektets seed-data har ändrats sedan databasen byggdes, och databasen har ändringar gjorda i appen. "
        "Du kan bygga om databasen på de nya seed-data: alla ändringar i journalen läggs på igen, i samma ordning. "
        "Om någon ändring inte går att lägga på (t.ex. för att de nya seed-data redan har en rad med samma id) "
        "ändras ingenting och du får veta vilken. Den gamla filen sparas.",
        "en": "The project's seed data has changed since the store was built, and the store has changes made in the "
        "app. You can rebuild the store on the new seed data: every change in the journal is applied again, in the "
        "same order. If a change cannot be applied (e.g. because the new seed data already has a row with the same "
        "id), nothing changes and you are told which. The old file is kept.",
    },
    "imp_seeds_sure": {
        "sv": "Jag vill bygga om databasen på de nya seed-data",
        "en": "I want to rebuild the store on the new seed data",
    },
    "imp_seeds_rebuild": {"sv": "Bygg om på nya seed-data", "en": "Rebuild on the new seed data"},
    "imp_seeds_done": {
        "sv": "Databasen är ombyggd på de nya seed-data; {n} ändringar lades på igen. Den gamla filen heter {fil}.",
        "en": "The store is rebuilt on the new seed data; {n} changes were applied again. The old file is {fil}.",
    },
    "imp_exempel_header": {"sv": "Ta bort exempeldata", "en": "Remove example data"},
    "imp_exempel_row": {
        "sv": "**{tabell}**: {ex} av {n} rader är exempeldata.",
        "en": "**{tabell}**: {ex} of {n} rows are example data.",
    },
    "imp_exempel_remove": {"sv": "Ta bort", "en": "Remove"},
    "imp_exempel_removed": {
        "sv": "Exempeldata i {tabell} är borttagen ({n} rader).",
        "en": "The example data in {tabell} is removed ({n} rows).",
    },
    # Konton
    "nav_konton": {"sv": "Konton", "en": "Accounts"},
    "acc_title": {"sv": "Konton", "en": "Accounts"},
    "acc_admins_only": {"sv": "Den här sidan är för administratörer.", "en": "This page is for administrators."},
    "acc_intro": {
        "sv": "Alla kan läsa utan att logga in. Redaktörer kan lägga till och ändra insatser och uppföljningar; "
        "administratörer hanterar dessutom konton. Varje ändring loggas.",
        "en": "Everyone can read without signing in. Editors can add and change measures and follow-ups; "
        "administrators also manage accounts. Every change is logged.",
    },
    "acc_name": {"sv": "Namn", "en": "Name"},
    "acc_email": {"sv": "E-post", "en": "E-mail"},
    "acc_role": {"sv": "Roll", "en": "Role"},
    "acc_active": {"sv": "Aktivt", "en": "Active"},
    "acc_password": {"sv": "Lösenord satt", "en": "Password set"},
    "acc_add": {"sv": "Nytt konto", "en": "New account"},
    "acc_user_help": {
        "sv": "a–z, 0–9, punkt, understreck och bindestreck; 2–40 tecken.",
        "en": "a–z, 0–9, dot, underscore and hyphen; 2–40 characters.",
    },
    "acc_email_help": {
        "sv": "Behövs för inloggning via stadens identitetstjänst.",
        "en": "Needed for sign-in through the city's identity provider.",
    },
    "acc_pw_help": {
        "sv": "Minst 10 tecken; lagras bara som hash. Lämna tomt för konton som loggar in via identitetstjänsten.",
        "en": "At least 10 characters; stored only as a hash. Leave empty for accounts that sign in through the "
        "identity provider.",
    },
    "acc_add_save": {"sv": "Lägg till kontot", "en": "Add the account"},
    "acc_added": {"sv": "Kontot {namn} är skapat.", "en": "The account {namn} is created."},
    "acc_change": {"sv": "Ändra roll eller inaktivera", "en": "Change role or deactivate"},
    "acc_no_others": {"sv": "Det finns inga andra aktiva konton.", "en": "There are no other active accounts."},
    "acc_deactivate": {
        "sv": "Inaktivera kontot (kan inte längre logga in eller ändra något)",
        "en": "Deactivate the account (can no longer sign in or change anything)",
    },
    "acc_changed": {"sv": "Kontot {namn} är ändrat.", "en": "The account {namn} is changed."},
    # Form fields (the Swedish labels are the vocabulary's, lokalutveckling.domain.LABELS; a test keeps them equal)
    "field_namn": {"sv": "Namn", "en": "Name"},
    "field_beskrivning": {"sv": "Beskrivning", "en": "Description"},
    "field_namnd_kod": {"sv": "Ansvarig nämnd", "en": "Lead committee"},
    "field_finansiering_kod": {"sv": "Finansieringskälla", "en": "Funding source"},
    "field_tilldelning_id": {"sv": "Tilldelning", "en": "Allocation"},
    "field_belopp_kr": {"sv": "Belopp (kr)", "en": "Amount (SEK)"},
    "field_startdatum": {"sv": "Startdatum", "en": "Start date"},
    "field_slutdatum": {"sv": "Slutdatum", "en": "End date"},
    "field_status": {"sv": "Status", "en": "Status"},
    "field_typ": {"sv": "Typ", "en": "Type"},
    "field_malgrupp": {"sv": "Målgrupp", "en": "Target group"},
    "field_hela_staden": {"sv": "Hela staden", "en": "Whole city"},
    "field_fokus_kod": {"sv": "Fokusområde", "en": "Focus area"},
    "field_sekundara_fokus": {"sv": "Övriga fokusområden", "en": "Other focus areas"},
    "field_omraden": {"sv": "Områden", "en": "Areas"},
    "field_partner_namnder": {"sv": "Samverkande nämnder", "en": "Partner committees"},
    "field_partner_externa": {"sv": "Externa samverkanspartner", "en": "External partners"},
    "field_datum": {"sv": "Datum", "en": "Date"},
    "field_vem": {"sv": "Vem", "en": "Who"},
    "field_vad": {"sv": "Vad som gjordes", "en": "What was done"},
    "field_rackvidd": {"sv": "Räckvidd", "en": "Reach"},
    "field_effekt": {"sv": "Effekt", "en": "Effect"},
    "field_underlag": {"sv": "Underlag för bedömningen", "en": "Basis of the judgement"},
    # Export
    "export_what": {"sv": "Innehåll", "en": "Contents"},
    "export_filters": {"sv": "Filter", "en": "Filters"},
    "export_when": {"sv": "Uttaget", "en": "Exported"},
    "export_sources": {"sv": "Källor", "en": "Sources"},
    "export_exempel": {"sv": "Exempeldata", "en": "Example data (exempeldata)"},
    "export_exempel_all": {
        "sv": "Allt är exempeldata ({n} av {total} {unit}), inte verkliga uppgifter",
        "en": "All of it is example data ({n} of {total} {unit}), not real figures",
    },
    "export_exempel_none": {
        "sv": "Inga exempeldata (0 av {total} {unit})",
        "en": "No example data (0 of {total} {unit})",
    },
    "export_exempel_share": {
        "sv": "{n} av {total} {unit} ({share}) är exempeldata, inte verkliga uppgifter",
        "en": "{n} of {total} {unit} ({share}) are example data, not real figures",
    },
    "export_exempel_mixed": {
        "sv": "Verkliga totalbelopp; fördelningen på insatser är exempeldata",
        "en": "Real totals; the breakdown by measure is example data",
    },
    "export_unit_rows": {"sv": "rader", "en": "rows"},
    "export_unit_insatser": {"sv": "insatser", "en": "measures"},
    "export_unit_areas": {"sv": "områden", "en": "areas"},
    "export_no_filters": {"sv": "Inga filter (alla rader)", "en": "No filters (all rows)"},
    # Presentation mode and the page's meeting controls (views.presentation)
    "presentation_start": {"sv": "Presentera", "en": "Present"},
    "presentation_start_help": {
        "sv": "Sidans figurer en i taget över hela skärmen. Piltangenterna bläddrar, Esc avslutar.",
        "en": "The page's figures one at a time, filling the screen. The arrow keys step, Esc exits.",
    },
    "presentation_prev": {"sv": "Föregående", "en": "Previous"},
    "presentation_next": {"sv": "Nästa", "en": "Next"},
    "presentation_exit": {"sv": "Avsluta", "en": "Exit"},
    "presentation_position": {"sv": "{n} / {count}", "en": "{n} / {count}"},
    "presentation_keys_hint": {"sv": "← → bläddrar · Esc avslutar", "en": "← → to step · Esc to exit"},
    "presentation_empty": {
        "sv": "Den här vyn har inga figurer eller tabeller att visa.",
        "en": "This view has no figures or tables to show.",
    },
    "presentation_table_rows": {
        "sv": "Visar {shown} av {total} rader; hela tabellen finns på sidan.",
        "en": "Showing {shown} of {total} rows; the whole table is on the page.",
    },
    "report_pdf": {"sv": "PDF-rapport", "en": "PDF report"},
    "report_pdf_help": {
        "sv": "Vyn som en A4-rapport: figurerna, tabellerna, kontrollerna och varje källa, med filtren och exempeldata utmärkta.",
        "en": "The view as an A4 report: its figures, tables, checks and every source, with the filters and exempeldata marked.",
    },
    "report_pptx": {"sv": "Bildspel (PowerPoint)", "en": "Slides (PowerPoint)"},
    "report_pptx_help": {
        "sv": "Vyn som bildspel: en bild per figur med rubrik, mening och källa.",
        "en": "The view as slides: one slide per figure with its title, sentence and source.",
    },
    "export_filter_ignored": {"sv": "följs inte här", "en": "not followed here"},
    "export_filters_not_here": {
        "sv": "Sidofiltren gäller inte den här sidan",
        "en": "The sidebar filters do not apply to this page",
    },
    "export_flagged_only": {"sv": "Bara flaggade", "en": "Flagged only"},
    "export_search": {"sv": "Sök", "en": "Search"},
    "ins_register_title": {"sv": "Insatsregistret", "en": "The register of measures"},
    "export_view": {"sv": "{page}: {title}", "en": "{page}: {title}"},
    "chart_source": {"sv": "Källa: {sources}", "en": "Source: {sources}"},
    # The A4 report and the slides of a view (rendering.pdf, rendering.slides)
    "report_author": {"sv": "Lokal utveckling i Malmö", "en": "Lokal utveckling i Malmö"},
    "report_subtitle": {
        "sv": "Rapport ur Lokal utveckling i Malmö",
        "en": "Report from Lokal utveckling i Malmö (local development in Malmö)",
    },
    "report_made": {"sv": "Gjord {when}", "en": "Made {when}"},
    "report_view": {"sv": "Vy", "en": "View"},
    "report_link": {"sv": "Länk", "en": "Link"},
    "report_no_filters": {"sv": "Inga filter", "en": "No filters"},
    "report_contents": {"sv": "Innehåll", "en": "Contents"},
    "report_exempel_statement": {
        "sv": "Rapporten innehåller exempeldata: det som är märkt Exempeldata är genererat för att visa "
        "verktyget och är inte verkliga uppgifter. Sidor med exempeldata är märkta i sidfoten.",
        "en": "This report contains example data (exempeldata): whatever is marked as such was generated to "
        "show the tool and is not real data. Pages with example data are marked in the footer.",
    },
    "report_exempel_marker": {"sv": "Innehåller exempeldata", "en": "Contains example data (exempeldata)"},
    "report_exempel_short": {"sv": "Exempeldata", "en": "Example data (exempeldata)"},
    "report_page_of": {"sv": "Sida {n} av {total}", "en": "Page {n} of {total}"},
    "report_footer_about": {
        "sv": "Filter: {filters} · Källa under varje figur och tabell; alla källor med dokument och rad sist",
        "en": "Filters: {filters} · Source under every figure and table; all sources with document and line at the end",
    },
    "report_badge": {"sv": "Märkning: {badge}", "en": "Label: {badge}"},
    "report_scope": {"sv": "Omfattning: {scope}", "en": "Scope: {scope}"},
    "report_table_of": {"sv": "Tabell: {title}", "en": "Table: {title}"},
    "report_notes": {"sv": "Kontroller och anteckningar", "en": "Checks and notes"},
    "report_sources": {"sv": "Källor", "en": "Sources"},
    "report_no_sources": {"sv": "Vyn anger inga källor.", "en": "The view cites no sources."},
    "report_empty": {"sv": "Vyn visar inga figurer eller tabeller.", "en": "The view shows no figures or tables."},
    "report_empty_table": {"sv": "Tabellen är tom.", "en": "The table is empty."},
    "slides_more_rows": {
        "sv": "… och {n} rader till. Hela tabellen finns i PDF-rapporten och i Excel-nedladdningen.",
        "en": "… and {n} more rows. The full table is in the PDF report and the Excel download.",
    },
    "slides_more_row": {
        "sv": "… och en rad till. Hela tabellen finns i PDF-rapporten och i Excel-nedladdningen.",
        "en": "… and one more row. The full table is in the PDF report and the Excel download.",
    },
    "slides_more_sources": {
        "sv": "… och {n} källor till (se PDF-rapporten).",
        "en": "… and {n} more sources (see the PDF report).",
    },
    # The chart frame's modebar (ui.plotly_chart): the button that fills the screen with the chart
    "chart_fullscreen": {"sv": "Helskärm", "en": "Fullscreen"},
    "chart_close_fullscreen": {"sv": "Stäng helskärm", "en": "Close fullscreen"},
    "chart_footer": {
        "sv": "Lokal utveckling i Malmö · uttaget {datum}",
        "en": "Local development in Malmö · exported {datum}",
    },
    "export_sheet_data": {"sv": "Data", "en": "Data"},
    "export_sheet_about": {"sv": "Om uttaget", "en": "About"},
    "export_field": {"sv": "Uppgift", "en": "Item"},
    "export_value": {"sv": "Värde", "en": "Value"},
    "download_excel": {"sv": "Ladda ned (Excel)", "en": "Download (Excel)"},
    "beslut_chain_header": {"sv": "Beslutskedjan", "en": "The chain of decisions"},
    "beslut_alloc_header": {"sv": "Tilldelningar som de står i källan", "en": "Allocations as written in the source"},
    "beslut_kallor_header": {"sv": "Källor", "en": "Sources"},
    "beslut_kallor_caption": {
        "sv": "Källorna är stadens handlingar (tjänsteskrivelser och protokollsutdrag), stadens indelning i "
        "områden och polisens lista över utsatta områden. Exempeldata är genererad och märkt i varje tabell.",
        "en": "The sources are the city's papers (tjänsteskrivelser and protokollsutdrag), the city's division into "
        "areas and the police's list of vulnerable areas. Example data is generated and marked in every table.",
    },
    # ---- Uppdrag och återrapportering: the page (issue 15)
    "nav_uppdrag": {"sv": "Uppdrag och återrapportering", "en": "Mandates and reporting"},
    "uo_title": {"sv": "Uppdrag och återrapportering", "en": "Mandates and reporting"},
    "uo_intro": {
        "sv": "Vem fick i uppdrag att göra vad, av vilket beslut eller förslag? Är uppdraget återrapporterat, och "
        "var? Och vad måste rapporteras tillbaka för pengarna? Uppdragen och kraven är hämtade ur stadens "
        "beslutsdokument, med dokument och rad.",
        "en": "Who was asked to do what, by which decision or proposal? Has the mandate been reported back, and "
        "where? And what must be reported back for the money? The mandates and duties are taken from the "
        "city's decision documents, with document and line.",
    },
    "uo_counts": {"sv": "{uppdrag} · {krav}", "en": "{uppdrag} · {krav}"},
    "uo_counts_uppdrag": {"sv": "{n} öppna uppdrag ({overdue})", "en": "{n} open mandates ({overdue})"},
    "uo_counts_uppdrag_one": {"sv": "{n} öppet uppdrag ({overdue})", "en": "{n} open mandate ({overdue})"},
    "uo_counts_uppdrag_overdue": {"sv": "{m} förfallna", "en": "{m} overdue"},
    "uo_counts_uppdrag_overdue_one": {"sv": "{m} förfallet", "en": "{m} overdue"},
    "uo_counts_krav": {"sv": "{n} återrapporter att lämna ({overdue})", "en": "{n} reports to submit ({overdue})"},
    "uo_counts_krav_one": {"sv": "{n} återrapport att lämna ({overdue})", "en": "{n} report to submit ({overdue})"},
    "uo_counts_krav_overdue": {"sv": "{m} förfallna", "en": "{m} overdue"},
    "uo_counts_krav_overdue_one": {"sv": "{m} förfallen", "en": "{m} overdue"},
    "uo_open_page": {"sv": "Uppdrag och återrapportering", "en": "Mandates and reporting"},
    "uo_point": {"sv": "p. {p}", "en": "item {p}"},
    "uo_forslag_to": {
        "sv": "(förslag till {organ}; beslutet finns inte bland källorna)",
        "en": "(proposal to {organ}; the decision is not among the sources)",
    },
    "uo_forslag_to_short": {"sv": "(förslag till {organ})", "en": "(proposal to {organ})"},
    "uo_forslag_short": {"sv": "(förslag)", "en": "(proposal)"},
    "uo_notes_title": {"sv": "Anmärkningar till uppdragen", "en": "Notes on the mandates"},
    "uo_table_caption": {
        "sv": "Ett förslag är markerat som förslag: beslutet finns inte bland källorna. Anmärkningen till varje "
        "uppdrag visas när du väljer det nedan, och finns i nedladdningarna och rapporten.",
        "en": "A proposal is marked as one: the decision is not among the sources. Each mandate's note is shown "
        "when you choose it below, and is in the downloads and the report.",
    },
    "uo_sentence_closed": {
        "sv": "uppdraget ”{rubrik}” gavs av {given}; det är inte återrapporterat och har status {status}.",
        "en": "the mandate “{rubrik}” was given by {given}; it is not reported back and its status is {status}.",
    },
    "uo_forslag": {
        "sv": "(förslag; beslutet finns inte bland källorna)",
        "en": "(proposal; the decision is not among the sources)",
    },
    "uo_due_words": {"sv": "”{text}” (källans ord)", "en": "“{text}” (the source's words)"},
    "uo_no_due": {"sv": "inget datum i källan", "en": "no date in the source"},
    "uo_status_givet": {"sv": "givet", "en": "given"},
    "uo_status_pågår": {"sv": "pågår", "en": "in progress"},
    "uo_status_återrapporterat": {"sv": "återrapporterat", "en": "reported back"},
    "uo_status_avslutat": {"sv": "avslutat", "en": "closed"},
    "uo_krav_status_ej_påbörjad": {"sv": "ej påbörjad", "en": "not started"},
    "uo_krav_status_pågår": {"sv": "pågår", "en": "in progress"},
    "uo_krav_status_inlämnad": {"sv": "inlämnad", "en": "submitted"},
    "uo_krav_status_godkänd": {"sv": "godkänd", "en": "approved"},
    "uo_f_organ": {"sv": "Givet av", "en": "Given by"},
    "uo_f_mottagare": {"sv": "Mottagare", "en": "Holder"},
    "uo_f_status": {"sv": "Status", "en": "Status"},
    "uo_f_arende": {"sv": "Ärende", "en": "Case"},
    "uo_f_open": {"sv": "Bara öppna", "en": "Open only"},
    "uo_yes": {"sv": "ja", "en": "yes"},
    "uo_overdue": {"sv": "Förfallen", "en": "Overdue"},
    "uo_none_open": {"sv": "Inga öppna uppdrag i urvalet.", "en": "No open mandates in the selection."},
    "uo_given_by": {"sv": "givet av", "en": "given by"},
    "uo_due": {"sv": "senast", "en": "due"},
    "uo_krav_open": {"sv": "Återrapporter att lämna", "en": "Reports to submit"},
    "uo_open_header": {"sv": "Öppna uppdrag och återrapporter", "en": "Open mandates and reports"},
    "uo_status_caption": {
        "sv": "Uppdragen och deras givare, mottagare och återrapporter står i beslutsdokumenten. Statusen för "
        "öppna uppdrag och krav är appens utgångsläge: källorna säger inte om de är gjorda; en redaktör "
        "uppdaterar den.",
        "en": "The mandates, who gave and holds them and their report-backs are in the decision documents. The "
        "status of open mandates and duties is the app's starting state: the sources do not say whether they "
        "are done; an editor updates it.",
    },
    "uo_all_header": {"sv": "Alla uppdrag", "en": "All mandates"},
    "uo_col_rubrik": {"sv": "Uppdrag", "en": "Mandate"},
    "uo_col_given": {"sv": "Givet av", "en": "Given by"},
    "uo_col_mottagare": {"sv": "Mottagare", "en": "Holder"},
    "uo_col_due": {"sv": "Senast", "en": "Due"},
    "uo_col_reported": {"sv": "Återrapporterat i", "en": "Reported back in"},
    "uo_col_note": {"sv": "Anmärkning", "en": "Note"},
    "uo_choose": {"sv": "Läs ett uppdrag i sin helhet", "en": "Read one mandate in full"},
    "uo_choose_hint": {"sv": "Välj ett uppdrag", "en": "Choose a mandate"},
    "uo_quote": {"sv": "Uppdraget som det står i källan", "en": "The mandate as the source words it"},
    "uo_reported_as": {"sv": "Återrapporterat i {ref}", "en": "Reported back in {ref}"},
    "uo_not_reported": {
        "sv": "Inte återrapporterat enligt källorna.",
        "en": "Not reported back according to the sources.",
    },
    "uo_chain_header": {"sv": "Ett ärendes kedja", "en": "The chain of a case"},
    "uo_chain_choose": {"sv": "Ärende", "en": "Case"},
    "uo_chain_title": {"sv": "Kedjan i ärende {arende}", "en": "The chain of case {arende}"},
    "uo_chain_caption": {
        "sv": "Ärendets beslut och förslag, uppdragen som gavs, deras återrapporter och senaste datum. Fylld "
        "markör: beslut; öppen markör: förslag. Ett budgetuppdrag utan datum visas 1 juli det året. "
        "Statusen för öppna uppdrag är appens utgångsläge.",
        "en": "The case's decisions and proposals, the mandates given, their report-backs and due dates. Filled "
        "marker: decision; open marker: proposal. A budget mandate without a date is shown on 1 July of its "
        "year. The status of open mandates is the app's starting state.",
    },
    "uo_lane_beslut": {"sv": "Beslut och förslag", "en": "Decisions and proposals"},
    "uo_lane_uppdrag": {"sv": "Uppdrag givet", "en": "Mandate given"},
    "uo_lane_aterrapport": {"sv": "Återrapport", "en": "Report-back"},
    "uo_lane_senast": {"sv": "Senast", "en": "Due"},
    "uo_legend_beslut_beslut": {"sv": "Beslut", "en": "Decision"},
    "uo_legend_beslut_förslag": {"sv": "Förslag", "en": "Proposal"},
    "uo_legend_uppdrag_beslut": {"sv": "Uppdrag givet i beslut", "en": "Mandate given in a decision"},
    "uo_legend_uppdrag_förslag": {"sv": "Uppdrag i förslag", "en": "Mandate in a proposal"},
    "uo_legend_aterrapport_beslut": {"sv": "Återrapport, beslut", "en": "Report-back, decision"},
    "uo_legend_aterrapport_förslag": {"sv": "Återrapport, förslag", "en": "Report-back, proposal"},
    "uo_legend_senast_datum": {"sv": "Senast", "en": "Due"},
    "uo_legend_senast_forfallen": {"sv": "Senast – förfallen", "en": "Due – overdue"},
    "uo_event_given": {"sv": "Uppdrag till {mottagare}: {rubrik}", "en": "Mandate to {mottagare}: {rubrik}"},
    "uo_event_reported": {"sv": "Återrapport: {rubrik}", "en": "Report-back: {rubrik}"},
    "uo_event_due": {"sv": "Senast {day}", "en": "Due {day}"},
    "uo_col_event": {"sv": "Händelse", "en": "Event"},
    "uo_col_ref": {"sv": "Organ, datum, §", "en": "Body, date, §"},
    "uo_col_what": {"sv": "Vad", "en": "What"},
    "uo_sentence_reported": {
        "sv": "uppdraget ”{rubrik}” gavs av {given} och återrapporterades i {reported}.",
        "en": "the mandate “{rubrik}” was given by {given} and reported back in {reported}.",
    },
    "uo_sentence_open": {
        "sv": "uppdraget ”{rubrik}” gavs av {given} och är inte återrapporterat (senast: {due}).",
        "en": "the mandate “{rubrik}” was given by {given} and is not reported back (due: {due}).",
    },
    "uo_sentence_none": {
        "sv": "{arende}: inga uppdrag i ärendet, bara dess beslut och förslag.",
        "en": "{arende}: no mandates in this case, only its decisions and proposals.",
    },
    "uo_krav_header": {"sv": "Återrapporteringskrav", "en": "Reporting duties"},
    "uo_krav_caption": {
        "sv": "Vad som ska rapporteras tillbaka för pengarna, per finansieringskälla och år, enligt beslutsdokumenten. "
        "Statusen är appens utgångsläge tills en redaktör uppdaterar den.",
        "en": "What must be reported back for the money, per funding source and year, according to the decision "
        "documents. The status is the app's starting state until an editor updates it.",
    },
    "uo_col_kalla": {"sv": "Källa", "en": "Funding source"},
    "uo_col_year": {"sv": "År", "en": "Year"},
    "uo_col_who": {"sv": "Rapportör → mottagare", "en": "Reporter → recipient"},
    "uo_col_content": {"sv": "Ska innehålla", "en": "Must contain"},
    "uo_col_risk": {"sv": "Risk för återbetalning", "en": "Repayment risk"},
    "uo_col_submitted": {"sv": "Inlämnad", "en": "Submitted"},
    "uo_risk_yes": {"sv": "Ja: ”{quote}” (rad {rad})", "en": "Yes: “{quote}” (line {rad})"},
    "uo_risk_no": {"sv": "Nej", "en": "No"},
    "uo_krav_detail": {
        "sv": "{kalla} {ar}: kravet som det står ({id})",
        "en": "{kalla} {ar}: the duty as written ({id})",
    },
    "uo_report_header": {"sv": "Återrapporter att ladda ner", "en": "Reports to download"},
    "uo_report_none": {"sv": "Ingen återrapport kan göras ännu.", "en": "No report can be made yet."},
    "uo_report_docx": {"sv": "Återrapport (Word)", "en": "Report (Word)"},
    "uo_report_pdf": {"sv": "Återrapport (PDF)", "en": "Report (PDF)"},
    # ---- end of the page texts
    # ---- Uppdrag och återrapportering: the editors' forms (issue 15)
    "upp_form_new": {"sv": "Nytt uppdrag", "en": "New mandate"},
    "upp_form_new_hint": {
        "sv": "Skriv uppdraget som det står i beslutet eller förslaget och ange var det står. Anger du ingen "
        "källa är du själv källan.",
        "en": "Write the mandate as the decision or proposal words it and say where it stands. If you name no "
        "source, you are the source.",
    },
    "upp_form_added": {"sv": "Uppdraget {id} ({rubrik}) är sparat.", "en": "The mandate {id} ({rubrik}) is saved."},
    "upp_form_edit_header": {"sv": "Uppdatera uppdraget {id}", "en": "Update the mandate {id}"},
    "upp_form_version": {
        "sv": "Du redigerar version {version}. Har någon annan sparat uppgifterna under tiden får du se båda "
        "versionerna; inget skrivs över.",
        "en": "You are editing version {version}. If someone else saves these details meanwhile you will see both "
        "versions; nothing is overwritten.",
    },
    "upp_form_report_header": {"sv": "Återrapportering", "en": "Report-back"},
    "upp_form_report_hint": {
        "sv": "Status återrapporterat kräver vem uppdraget återrapporterades till och datum eller texten som "
        "återrapporterar det, och om återrapporten är ett förslag eller ett beslut.",
        "en": "The status reported back needs whom the mandate was reported to and the date or the text that "
        "reports it, and whether the report is a proposal or a decision.",
    },
    "upp_form_updated": {
        "sv": "Uppdraget {id} är sparat ({n} fält ändrade).",
        "en": "The mandate {id} is saved ({n} fields changed).",
    },
    "upp_form_no_source": {"sv": "Ingen: du är källan", "en": "None: you are the source"},
    "upp_krav_header": {"sv": "Uppdatera återrapporteringen {id}", "en": "Update the reporting duty {id}"},
    "upp_krav_hint": {
        "sv": "Lämnas Inlämnad datum tomt när status blir inlämnad eller godkänd sparas dagens datum.",
        "en": "If the submission date is left empty when the status becomes submitted or approved, today's date "
        "is saved.",
    },
    "upp_krav_save": {"sv": "Spara återrapporteringen", "en": "Save the reporting duty"},
    "upp_krav_saved": {
        "sv": "Återrapporteringskravet {id} ({rapportor} till {mottagare}) är sparat: status {status}.",
        "en": "The reporting duty {id} ({rapportor} to {mottagare}) is saved: status {status}.",
    },
    "upp_krav_saved_date": {
        "sv": "Återrapporteringskravet {id} ({rapportor} till {mottagare}) är sparat: status {status}, "
        "inlämnad {datum}.",
        "en": "The reporting duty {id} ({rapportor} to {mottagare}) is saved: status {status}, submitted {datum}.",
    },
    "upp_status_givet": {"sv": "givet", "en": "given"},
    "upp_status_pågår": {"sv": "pågår", "en": "in progress"},
    "upp_status_återrapporterat": {"sv": "återrapporterat", "en": "reported back"},
    "upp_status_avslutat": {"sv": "avslutat", "en": "closed"},
    "upp_krav_status_ej påbörjad": {"sv": "ej påbörjad", "en": "not started"},
    "upp_krav_status_pågår": {"sv": "pågår", "en": "in progress"},
    "upp_krav_status_inlämnad": {"sv": "inlämnad", "en": "submitted"},
    "upp_krav_status_godkänd": {"sv": "godkänd", "en": "approved"},
    "upp_stadium_förslag": {"sv": "förslag", "en": "proposal"},
    "upp_stadium_beslut": {"sv": "beslut", "en": "decision"},
    "field_rubrik": {"sv": "Rubrik", "en": "Title"},
    "field_arende": {"sv": "Ärende", "en": "Case number"},
    "field_givare_organ": {"sv": "Givet av", "en": "Given by"},
    "field_givet_beslut_id": {"sv": "Beslut", "en": "Decision"},
    "field_givet_datum": {"sv": "Givet datum", "en": "Date given"},
    "field_givet_ar": {"sv": "Givet år", "en": "Year given"},
    "field_givet_paragraf": {"sv": "Paragraf", "en": "Paragraph"},
    "field_givet_punkt": {"sv": "Punkt", "en": "Point"},
    "field_givet_stadium": {"sv": "Givet som", "en": "Given as"},
    "field_mottagare": {"sv": "Mottagare", "en": "Recipient"},
    "field_mottagare_namnd_kod": {"sv": "Mottagande nämnd", "en": "Receiving committee"},
    "field_citat": {"sv": "Uppdraget som det står", "en": "The mandate as written"},
    "field_dokument_rad": {"sv": "Rad i dokumentet", "en": "Line in the document"},
    "field_senast": {"sv": "Senast", "en": "Due by"},
    "field_tid_i_kallan": {"sv": "Tid enligt källan", "en": "Time as the source gives it"},
    "field_aterrapport_organ": {"sv": "Återrapporterat till", "en": "Reported back to"},
    "field_aterrapport_datum": {"sv": "Återrapporterat datum", "en": "Date reported back"},
    "field_aterrapport_paragraf": {"sv": "Återrapportens paragraf", "en": "The report's paragraph"},
    "field_aterrapport_punkt": {"sv": "Återrapportens punkt", "en": "The report's point"},
    "field_aterrapport_stadium": {"sv": "Återrapporten är", "en": "The report is"},
    "field_aterrapport_text": {"sv": "Återrapporten som det står", "en": "The report as written"},
    "field_aterrapport_kalla": {"sv": "Återrapportens källa", "en": "The report's source"},
    "field_aterrapport_rad": {"sv": "Återrapportens rad", "en": "The report's line"},
    "field_anmarkning": {"sv": "Anmärkning", "en": "Note"},
    "field_inlamnad_datum": {"sv": "Inlämnad datum", "en": "Date submitted"},
    "upp_field_kalla": {"sv": "Källa", "en": "Source"},
    # ---- end of the forms texts
    # ---- Återrapport: the report document and its command (issue 15)
    "aterrapport_title": {"sv": "Återrapport till {mottagare}", "en": "Report to {mottagare}"},
    "aterrapport_doc_title": {"sv": "{title} {ar}", "en": "{title} {ar}"},
    "aterrapport_stopped_about": {"sv": "Vad som räknas som stoppat", "en": "What counts as stopped"},
    "aterrapport_filters": {"sv": "Finansiering: {kalla}; År: {ar}", "en": "Funding: {kalla}; Year: {ar}"},
    "aterrapport_intro": {
        "sv": "Utkast till återrapport om {kalla} {ar}, gjort {datum} ur Lokal utveckling i Malmö. Granska och "
        "redigera det innan det skickas: siffror ur källdokumenten anges med dokument och rad, och det som är "
        "exempeldata är märkt och ska ersättas med verkliga uppgifter.",
        "en": "Draft report on {kalla} {ar}, made on {datum} from Lokal utveckling i Malmö. Check and edit it "
        "before it is sent: figures from the source documents are given with document and line, and whatever is "
        "example data (exempeldata) is marked and must be replaced with real figures.",
    },
    "aterrapport_duty_title": {"sv": "Vad som ska återrapporteras", "en": "What must be reported"},
    "aterrapport_duty": {
        "sv": "{rapportor} återrapporterar {kalla} {ar} till {mottagare}. Rapporten ska innehålla: {innehall}",
        "en": "{rapportor} reports on {kalla} {ar} to {mottagare}. The report must contain (in Swedish, as "
        "recorded): {innehall}",
    },
    "aterrapport_duty_quote": {
        "sv": "Så står det i källan: ”{citat}” ({source}).",
        "en": "The source says (in Swedish): ”{citat}” ({source}).",
    },
    "aterrapport_due": {"sv": "Senast: {datum}.", "en": "Due: {datum}."},
    "aterrapport_no_date": {"sv": "Inget datum i källan", "en": "No date in the source"},
    "aterrapport_repay": {
        "sv": "Medlen kan behöva betalas tillbaka: ”{citat}” ({source}).",
        "en": "The money may have to be repaid: ”{citat}” ({source}).",
    },
    "aterrapport_no_repay": {
        "sv": "Källan säger inget om att medlen kan behöva betalas tillbaka.",
        "en": "The source says nothing about repaying the money.",
    },
    "aterrapport_status": {"sv": "Återrapportens status: {status}.", "en": "State of the report: {status}."},
    "aterrapport_submitted": {"sv": "{status}, inlämnad {datum}", "en": "{status}, submitted {datum}"},
    "aterrapport_remark": {"sv": "Anmärkning: {text}", "en": "Remark (in Swedish): {text}"},
    "aterrapport_other_duty": {
        "sv": "Dessutom: {rapportor} återrapporterar till {mottagare}. {innehall} Källan: ”{citat}” ({source}). "
        "Status: {status}.",
        "en": "Also: {rapportor} reports to {mottagare} (in Swedish, as recorded): {innehall} The source: "
        "”{citat}” ({source}). State: {status}.",
    },
    "aterrapport_krav_ej_paborjad": {"sv": "ej påbörjad", "en": "not started"},
    "aterrapport_krav_pagar": {"sv": "pågår", "en": "in progress"},
    "aterrapport_krav_inlamnad": {"sv": "inlämnad", "en": "submitted"},
    "aterrapport_krav_godkand": {"sv": "godkänd", "en": "approved"},
    "aterrapport_krav_table": {
        "sv": "Återrapporteringskrav för {kalla} {ar}",
        "en": "Reporting duties for {kalla} {ar}",
    },
    "aterrapport_yes_line": {"sv": "ja ({rad})", "en": "yes ({rad})"},
    "aterrapport_yes": {"sv": "ja", "en": "yes"},
    "aterrapport_no": {"sv": "nej", "en": "no"},
    "aterrapport_col_rapportor": {"sv": "Rapportör", "en": "Reporter"},
    "aterrapport_col_mottagare": {"sv": "Mottagare", "en": "Recipient"},
    "aterrapport_col_senast": {"sv": "Senast", "en": "Due"},
    "aterrapport_col_aterbetalning": {"sv": "Kan behöva betalas tillbaka", "en": "May have to be repaid"},
    "aterrapport_col_status": {"sv": "Status", "en": "Status"},
    "aterrapport_col_kalla": {"sv": "Källa", "en": "Source"},
    "aterrapport_col_as_written": {"sv": "Nämnd (som i källan)", "en": "Committee (as written, in Swedish)"},
    "aterrapport_col_belopp": {"sv": "Belopp", "en": "Amount"},
    "aterrapport_col_id": {"sv": "Id", "en": "Id"},
    "aterrapport_col_insats": {"sv": "Insats", "en": "Measure"},
    "aterrapport_col_namnd": {"sv": "Nämnd", "en": "Committee"},
    "aterrapport_col_omraden": {"sv": "Områden", "en": "Areas"},
    "aterrapport_col_uppfoljningar": {"sv": "Uppföljningar", "en": "Follow-ups"},
    "aterrapport_col_rackvidd": {"sv": "Räckvidd (senast räknad)", "en": "Reach (latest count)"},
    "aterrapport_col_effekt": {"sv": "Effekt (senast bedömd)", "en": "Effect (latest judgement)"},
    "aterrapport_col_underlag": {"sv": "Underlag för bedömningen", "en": "Basis of the judgement"},
    "aterrapport_col_datum": {"sv": "Datum", "en": "Date"},
    "aterrapport_col_anledning": {"sv": "Anledning", "en": "Reason"},
    "aterrapport_col_forslag": {"sv": "Föreslaget", "en": "Proposed"},
    "aterrapport_col_beslut": {"sv": "Beviljat", "en": "Granted"},
    "aterrapport_col_knutet": {"sv": "Knutet till insatser", "en": "Tied to measures"},
    "aterrapport_col_antal": {"sv": "Insatser", "en": "Measures"},
    "aterrapport_col_avbrutna": {"sv": "Varav i avbrutna", "en": "Of which in stopped ones"},
    "aterrapport_col_ej_knutet": {"sv": "Ej knutet", "en": "Not tied"},
    "aterrapport_alloc_forslag": {
        "sv": "Föreslaget per nämnd, som det står i källan",
        "en": "Proposed per committee, as written in the source",
    },
    "aterrapport_alloc_beslut": {
        "sv": "Beviljat per nämnd, som det står i källan",
        "en": "Granted per committee, as written in the source",
    },
    "aterrapport_alloc_blandat": {
        "sv": "Per nämnd, som det står i källorna (förslag och beslut)",
        "en": "Per committee, as written in the sources (proposals and decisions)",
    },
    "aterrapport_sum_rows": {"sv": "Summa av raderna", "en": "Sum of the lines"},
    "aterrapport_declared": {"sv": "Totalbelopp enligt källan", "en": "Total stated in the source"},
    "aterrapport_difference": {"sv": "Skillnad (raderna minus totalbeloppet)", "en": "Difference (lines minus total)"},
    "aterrapport_recon_unexplained": {
        "sv": "Källan förklarar inte skillnaden.",
        "en": "The source does not explain the difference.",
    },
    "aterrapport_stage_title": {"sv": "Stadium: förslag, inte beslut", "en": "Stage: proposal, not decision"},
    "aterrapport_stage_title_beslut": {"sv": "Stadium: beslut", "en": "Stage: decision"},
    "aterrapport_stage_forslag": {
        "sv": "{stage} Beslutet finns inte bland källorna: beloppen per nämnd är förslagets, inte ett beslut.",
        "en": "{stage} The decision is not among the sources: the amounts per committee are the proposal's, not "
        "a decision.",
    },
    "aterrapport_insatser_title": {"sv": "Insatser som använt medlen", "en": "Measures that used the money"},
    "aterrapport_followup_title": {"sv": "Uppföljning av insatserna", "en": "Follow-up of the measures"},
    "aterrapport_sum_insatser": {"sv": "Summa ({n} insatser)", "en": "Total ({n} measures)"},
    "aterrapport_whole_city": {"sv": "hela staden", "en": "whole city"},
    "aterrapport_dated": {"sv": "{value} ({datum})", "en": "{value} ({datum})"},
    "aterrapport_none_yet": {"sv": "ingen uppföljning", "en": "no follow-up"},
    "aterrapport_exempel_title": {"sv": "Exempeldata i återrapporten", "en": "Example data in the report"},
    "aterrapport_exempel_note": {
        "sv": "{n} av {total} insatser, med belopp, status, områden, uppföljningar och stopp, är exempeldata: "
        "genererade för att visa verktyget, inte verkliga uppgifter. De är märkta Exempeldata i tabellerna. "
        "Ersätt dem med förvaltningarnas verkliga uppgifter innan återrapporten skickas.",
        "en": "{n} of {total} measures, with their amounts, status, areas, follow-ups and stops, are example data "
        "(exempeldata): generated to show the tool, not real figures. They are marked as example data in the "
        "tables. Replace them with the departments' real figures before the report is sent.",
    },
    "aterrapport_no_insatser": {
        "sv": "Inga insatser i registret är knutna till {kalla} {ar}.",
        "en": "No measure in the register is tied to {kalla} {ar}.",
    },
    "aterrapport_stopped_title": {"sv": "Stoppade insatser", "en": "Stopped measures"},
    "aterrapport_stopped_scope": {
        "sv": "Stoppade är de avbrutna insatserna, med datum och anledning ur statushistoriken. Avslutade "
        "insatser räknas inte hit: registret har inget planerat slutdatum att jämföra med.",
        "en": "Stopped are the measures that were discontinued (avbrutna), with the date and reason from their "
        "status history. Completed measures are not counted here: the register has no planned end date to "
        "compare with.",
    },
    "aterrapport_stopped_none": {"sv": "Ingen av insatserna har avbrutits.", "en": "None of the measures was stopped."},
    "aterrapport_no_reason": {"sv": "ingen anledning angiven", "en": "no reason given"},
    "aterrapport_untied_title": {
        "sv": "Medel ännu inte knutna till en insats",
        "en": "Money not yet tied to a measure",
    },
    "aterrapport_untied_note_title": {"sv": "Medel utan insats", "en": "Money without a measure"},
    "aterrapport_untied_note": {
        "sv": "Ej knutet är nämndens rad i källan minus beloppen för insatserna som är knutna till raden. Ett "
        "negativt belopp betyder att insatserna tillsammans har fått mer än raden (överåtagande); det visas som "
        "det är. Pengar i avbrutna insatser räknas som knutna men kan behöva omfördelas eller betalas tillbaka.",
        "en": "Not tied is the committee's line in the source minus the amounts of the measures tied to that "
        "line. A negative amount means the measures together were given more than the line (over-commitment); "
        "it is shown as it is. Money in stopped measures counts as tied but may have to be reallocated or repaid.",
    },
    "aterrapport_untied_total": {
        "sv": "Totalt ej knutet: {belopp}.",
        "en": "Not tied in total: {belopp}.",
    },
    "aterrapport_overcommitted": {
        "sv": "Överåtagande: {namnder}.",
        "en": "Over-commitment: {namnder}.",
    },
    "aterrapport_no_overcommitment": {"sv": "Ingen nämnd har överåtagande.", "en": "No committee is over-committed."},
    "aterrapport_source_exempel": {
        "sv": "Genererade av projektets generator för det som källdokumenten inte anger, inte verkliga "
        "uppgifter; ersätts när verkliga data importeras",
        "en": "Generated by the project's generator for what the source documents do not give, not real "
        "figures; replaced when real data are imported",
    },
    "aterrapport_docx_exempel": {
        "sv": "Dokumentet innehåller exempeldata: det som är märkt Exempeldata är genererat för att visa verktyget "
        "och är inte verkliga uppgifter. Avsnitt med exempeldata är märkta ”Innehåller exempeldata”.",
        "en": "This document contains example data (exempeldata): whatever is marked as such was generated to show "
        "the tool and is not real figures. Sections with example data are marked ”Contains example data "
        "(exempeldata)”.",
    },
    "aterrapport_sources_title": {"sv": "Källdokument", "en": "Source documents"},
    "aterrapport_col_titel": {"sv": "Titel", "en": "Title (in Swedish)"},
    "aterrapport_col_dnr": {"sv": "Diarienummer", "en": "Case number"},
    "aterrapport_col_rader": {"sv": "Rader som används", "en": "Lines used"},
    # ---- end of the report texts
    # ---- Indicator provenance per value on the pages (issue 16)
    "badge_real_statistik": {"sv": "Officiell statistik", "en": "Official statistics"},
    "badge_mixed_statistik": {
        "sv": "Officiell statistik och exempeldata",
        "en": "Official statistics and example data",
    },
    "doc_name_statistik": {"sv": "{service}: {resurs}, hämtad {datum}", "en": "{service}: {resurs}, fetched {datum}"},
    "indicator_value_official": {
        "sv": "Officiell: {source}, referensår {year}",
        "en": "Official: {source}, reference year {year}",
    },
    "indicator_value_document": {"sv": "{source}, referensår {year}", "en": "{source}, reference year {year}"},
    "indicator_value_exempel": {"sv": "Exempeldata", "en": "Example data"},
    "indicator_value_both": {"sv": "Området: {area}; Malmö: {city}", "en": "The area: {area}; Malmö: {city}"},
    "col_indicator_source": {"sv": "Värdets källa", "en": "Source of the value"},
    "indicator_sources_official": {"sv": "officiell statistik: {sources}", "en": "official statistics: {sources}"},
    "indicator_sources_exempel": {"sv": "exempeldata ({n} värden)", "en": "example data ({n} values)"},
    "indicator_sources_other": {"sv": "dokument: {sources}", "en": "documents: {sources}"},
    "need_indicator_sources": {
        "sv": "Indikatorvärdena: {n} officiella{sources}, {m} exempeldata.",
        "en": "The indicator values: {n} official{sources}, {m} example data.",
    },
    "need_indicator_sources_list": {"sv": " (källor: {sources})", "en": " (sources: {sources})"},
    "indicator_values_unit": {"sv": "indikatorvärden", "en": "indicator values"},
    "need_caption_presence": {
        "sv": "Ifyllda punkter har områdesteam, romber är kraftsamlande, orange ring = flaggat. Områdesteam och "
        "kraftsamling är exempeldata; kronorna är exempeldata fördelade på verkliga tilldelningar.",
        "en": "Filled points have an area team, diamonds are concentrated effort, orange ring = flagged. Area teams "
        "and concentrated effort are example data; the kronor are example data split over real allocations.",
    },
    "similar_caption_values": {
        "sv": "Varje indikators senaste år ({year}). Indikatorvärdena: {sources}.",
        "en": "Each indicator's latest year ({year}). The indicator values: {sources}.",
    },
    "ins_indicator_source_before": {
        "sv": "Före ({year}): {before}; senaste: {newest}",
        "en": "Before ({year}): {before}; newest: {newest}",
    },
    # ---- end of the provenance texts
    # ---- Coverage and Kolada comparison (issue 16)
    "cov_header": {
        "sv": "Täckning: officiella värden och exempeldata",
        "en": "Coverage: official values and example data",
    },
    "cov_share": {
        "sv": "{ex} av {n} indikatorvärden ({pct}) är exempeldata; {off} är officiell statistik eller hämtade ur ett "
        "dokument.",
        "en": "{ex} of {n} indicator values ({pct}) are example data; {off} are official statistics or taken from a "
        "document.",
    },
    "cov_floor": {
        "sv": "{floor} av exempeldatavärdena ({pct} av alla värden) hör till indikatorer som enligt den deklarerade "
        "kopplingen saknar officiell källa per område (en enkät eller ingen källa): så långt faller andelen "
        "exempeldata efter en full hämtning av officiell statistik. Enkätsvaren kan i stället importeras som fil.",
        "en": "{floor} of the example values ({pct} of all values) belong to indicators that by the declared mapping "
        "have no official source per area (a survey or no source): that is as far as the example-data share falls "
        "after a full refresh of official statistics. Survey answers can be imported as a file instead.",
    },
    "cov_metric_exempel": {
        "sv": "Indikatorvärden som är exempeldata",
        "en": "Indicator values that are example data",
    },
    "cov_metric_exempel_help": {
        "sv": "Andelen av alla indikatorvärden (alla indikatorer, platser och år) som är exempeldata.",
        "en": "The share of all indicator values (every indicator, place and year) that are example data.",
    },
    "cov_metric_official": {"sv": "Officiella värden", "en": "Official values"},
    "cov_metric_official_help": {
        "sv": "Värden från officiell statistik (Malmö stads områdesstatistik, SCB, Kolada) eller ett dokument.",
        "en": "Values from official statistics (Malmö's area statistics, SCB, Kolada) or a document.",
    },
    "cov_metric_floor": {"sv": "Exempeldata efter full hämtning", "en": "Example data after a full refresh"},
    "cov_metric_floor_help": {
        "sv": "Den andel exempeldata som finns kvar när allt med en officiell källa är hämtat: indikatorer från "
        "enkäter eller utan källa per område.",
        "en": "The example-data share left when everything with an official source is fetched: indicators from "
        "surveys or without a source per area.",
    },
    "cov_chart_title": {
        "sv": "Officiella värden per indikator och år (av {n} platser)",
        "en": "Official values per indicator and year (of {n} places)",
    },
    "cov_chart_caption": {
        "sv": "Varje ruta: hur många av de {n} platserna (de 14 statistikområdena och Malmö som helhet) som har ett "
        "officiellt värde det året; resten är exempeldata eller saknas. Tom ruta: indikatorn mättes inte det året.",
        "en": "Each cell: how many of the {n} places (the 14 statistical areas and Malmö as a whole) have an official "
        "value that year; the rest are example data or missing. Empty cell: the indicator was not measured that year.",
    },
    "cov_colorbar": {"sv": "Officiella", "en": "Official"},
    "cov_hover_official": {"sv": "Officiella: {n} av {total}", "en": "Official: {n} of {total}"},
    "cov_hover_exempel": {"sv": "Exempeldata: {n}", "en": "Example data: {n}"},
    "cov_hover_missing": {"sv": "Saknas: {n}", "en": "Missing: {n}"},
    "cov_col_official": {"sv": "Officiella", "en": "Official"},
    "cov_col_exempel": {"sv": "Exempeldata", "en": "Example data"},
    "cov_col_missing": {"sv": "Saknas", "en": "Missing"},
    "cov_sources": {
        "sv": "Indikatorvärdena i databasen och den deklarerade kopplingen till officiella källor",
        "en": "The indicator values in the store and the declared mapping to official sources",
    },
    "cov_select": {"sv": "Indikator per område och år", "en": "Indicator per area and year"},
    "cov_state_officiell": {"sv": "Officiell", "en": "Official"},
    "cov_state_exempeldata": {"sv": "Exempeldata", "en": "Example data"},
    "cov_state_saknas": {"sv": "Saknas", "en": "Missing"},
    "cov_matrix_caption": {
        "sv": "Varje cell: värdets tillstånd för platsen och året. Officiell = officiell statistik eller ett "
        "dokument; Exempeldata = genererat för att visa verktyget, inte verkliga uppgifter; Saknas = inget värde.",
        "en": "Each cell: the state of the value for the place and year. Official = official statistics or a "
        "document; Example data = generated to show the tool, not real figures; Missing = no value.",
    },
    "cmp_header": {
        "sv": "Jämförelse med Stockholm och Göteborg (Kolada)",
        "en": "Comparison with Stockholm and Gothenburg (Kolada)",
    },
    "cmp_none": {
        "sv": "Ingen jämförelse från Kolada är hämtad ännu.",
        "en": "No comparison from Kolada has been fetched yet.",
    },
    "cmp_col_kpi": {"sv": "Nyckeltal", "en": "KPI"},
    "cmp_col_title": {"sv": "Koladas titel", "en": "Kolada's title (in Swedish)"},
    "cmp_col_year": {"sv": "År", "en": "Year"},
    "cmp_col_malmo": {"sv": "Malmö", "en": "Malmö"},
    "cmp_col_stockholm": {"sv": "Stockholm", "en": "Stockholm"},
    "cmp_col_goteborg": {"sv": "Göteborg", "en": "Gothenburg"},
    "cmp_col_mean": {
        "sv": "Medel av de tre storstäderna, oviktat",
        "en": "Mean of the three largest cities, unweighted",
    },
    "cmp_col_unit": {"sv": "Enhet", "en": "Unit"},
    "cmp_col_sakerhet": {"sv": "Nyckeltalets koppling", "en": "The KPI's mapping"},
    "cmp_to_confirm": {"sv": "att bekräfta", "en": "to be confirmed"},
    "cmp_no_year": {"sv": "inget år med alla tre", "en": "no year with all three"},
    "cmp_sources": {"sv": "{attribution}, hämtad {date}", "en": "{attribution}, fetched {date}"},
    "cmp_caption": {
        "sv": "Källa: {attribution}, hämtad {date}. Varje nyckeltals senaste år som alla tre kommunerna har. Medlet är "
        "medel av de tre storstäderna, oviktat (Koladas eget genomsnitt för storstäderna hämtas inte). Koladas värden "
        "är omräknade till indikatorns enhet där kopplingen anger en faktor (t.ex. per 100 000 till per 1 000).",
        "en": "Source: {attribution}, fetched {date}. Each KPI's latest year that all three municipalities have. The "
        "mean is the mean of the three largest cities, unweighted (Kolada's own average for the large cities is not "
        "fetched). Kolada's values are converted to the indicator's unit where the mapping gives a factor (e.g. per "
        "100,000 to per 1,000).",
    },
    "cmp_confirm_note": {
        "sv": "Ett nyckeltal märkt ”att bekräfta” är inte bekräftat som samma mått som indikatorn.",
        "en": "A KPI marked ”to be confirmed” is not confirmed as the same measure as the indicator.",
    },
    # ---- end of the coverage texts
    # ---- Population by age and kronor per child (issue 16)
    "bef_header": {"sv": "Barn och unga i området", "en": "Children and young people in the area"},
    "bef_age_header": {"sv": "Befolkning efter ålder", "en": "Population by age"},
    "bef_col_group": {"sv": "Åldersgrupp", "en": "Age group"},
    "bef_col_area_share": {"sv": "Andel i området", "en": "Share in the area"},
    "bef_col_city_share": {"sv": "Andel i Malmö", "en": "Share in Malmö"},
    "bef_col_area_source": {"sv": "Källa, området", "en": "Source, the area"},
    "bef_col_city_source": {"sv": "Källa, Malmö", "en": "Source, Malmö"},
    "bef_none": {
        "sv": "Ingen befolkning efter ålder finns för området.",
        "en": "There is no population by age for the area.",
    },
    "bef_age_caption": {
        "sv": "Folkmängd efter åldersgrupp år {year}, i området och i hela Malmö; andelen är gruppens del av "
        "de fem åldersgruppernas summa. Källor: {sources}.",
        "en": "Population by age group in {year}, in the area and in the whole of Malmö; the share is the group's "
        "part of the five age groups together. Sources: {sources}.",
    },
    "bef_kronor_header": {"sv": "Kronor per barn och ung", "en": "Kronor per child and young person"},
    "bef_col_malgrupp": {"sv": "Målgrupp", "en": "Target group"},
    "bef_col_population": {"sv": "Befolkning i åldersgruppen", "en": "Population in the age group"},
    "bef_col_per_person": {"sv": "Kronor per person", "en": "Kronor per person"},
    "bef_no_population": {"sv": "ingen befolkning för {year}", "en": "no population for {year}"},
    "bef_kronor_none": {
        "sv": "Området har inga egna beviljade insatser för barn 0–5, barn 6–15 eller unga 16–24.",
        "en": "The area has no granted measures of its own for children 0–5, children 6–15 or young people 16–24.",
    },
    "bef_kronor_caption": {
        "sv": "Områdets egna insatser (inte de för hela staden, inte förslag) per målgrupp och år: året för "
        "insatsens tilldelning, annars dess startår; år summeras aldrig ihop. En insats som når flera områden "
        "räknas med hela sitt belopp i vart och ett av dem. Unga 16–24 delas med folkmängden 16–19 år, den "
        "närmaste åldersgruppen: 20–24 år ingår inte. Källor: insatser {insats_sources}; befolkning "
        "{population_sources}.",
        "en": "The area's own measures (not those for the whole city, not proposals) per target group and year: the "
        "year of the measure's allocation, else its start year; years are never added together. A measure that "
        "reaches several areas counts with its whole amount in each of them. Young people 16–24 are divided by the "
        "population aged 16–19, the nearest age group: ages 20–24 are not included. Sources: measures "
        "{insats_sources}; population {population_sources}.",
    },
    # ---- end of the population texts
    # ---- Stats refresh on the Data page (issue 16)
    "refresh_header": {"sv": "Officiell statistik till indikatorerna", "en": "Official statistics for the indicators"},
    "refresh_intro": {
        "sv": "Hämtar varje indikator som har en officiell källa enligt den deklarerade kopplingen (Datakvalitet "
        "visar den): Malmö stads områdesstatistik per delområde, räknad till de 14 områdena och hela staden, och "
        "Kolada per kommun som jämförelse (Malmö, Stockholm, Göteborg). Först visas vad som skulle ändras; inget "
        "skrivs förrän du bekräftar. Då tas en ögonblicksbild först, och exempeldata ersätts bara där ett "
        "fullständigt officiellt värde finns. Utan nät, vid tidsgräns eller ett svar som inte går ihop ändras inget.",
        "en": "Fetches every indicator that has an official source by the declared mapping (Data quality shows it): "
        "Malmö stad's area statistics per delområde, aggregated to the 14 areas and the city, and Kolada per "
        "municipality for comparison (Malmö, Stockholm, Gothenburg). First you see what would change; nothing is "
        "written until you confirm. Then a snapshot is taken first, and exempeldata is replaced only where a "
        "complete official value exists. Without network, on a timeout or an answer that does not add up, "
        "nothing changes.",
    },
    "refresh_sources": {"sv": "Källor: {ckan} och {kolada}.", "en": "Sources: {ckan} and {kolada}."},
    "refresh_check": {"sv": "Hämta och visa vad som skulle ändras", "en": "Fetch and show what would change"},
    "refresh_starting": {"sv": "Läser kopplingen …", "en": "Reading the mapping …"},
    "refresh_failed": {
        "sv": "Inget har ändrats: {why}",
        "en": "Nothing has changed: {why}",
    },
    "refresh_plan_head": {
        "sv": "**{n} värden skulle ändras.** Per indikator (inget är skrivet än):",
        "en": "**{n} values would change.** Per indicator (nothing is written yet):",
    },
    "refresh_nothing": {
        "sv": "Inga ändringar: de officiella värdena finns redan i databasen.",
        "en": "No changes: the official values are already in the store.",
    },
    "refresh_sure": {
        "sv": "Jag vill spara de {n} ändrade värdena (en ögonblicksbild tas först)",
        "en": "I want to save the {n} changed values (a snapshot is taken first)",
    },
    "refresh_apply": {"sv": "Spara de officiella värdena", "en": "Save the official values"},
    "refresh_done": {
        "sv": "Sparade {n} officiella värden. Ögonblicksbild före: {bild}.",
        "en": "Saved {n} official values. Snapshot before: {bild}.",
    },
    # ---- end of the refresh page texts
    # ---- Effect signal: the insats detail section and the stop candidates page (issue 17)
    "nav_effekt": {"sv": "Vad ger effekt", "en": "What works"},
    "effekt_title": {"sv": "Vad ger effekt", "en": "What works"},
    "effekt_intro": {
        "sv": "Vilka insatser visar en förändring där de pågår, jämfört med liknande områden där de inte pågår – "
        "och vilka är värda att diskutera att avsluta? Sidan visar en signal, aldrig ett bevis: med 14 områden är "
        "underlaget litet, och andra orsaker än insatserna kan ge samma skillnad.",
        "en": "Which measures show a change where they run, compared with similar areas where they do not – and "
        "which are worth discussing stopping? The page shows a signal, never proof: with 14 areas the basis is "
        "small, and causes other than the measures can give the same difference.",
    },
    # The insats detail's section (views.effekt)
    "effekt_header": {"sv": "Effektsignal", "en": "Effect signal"},
    "effekt_no_targets": {
        "sv": "Insatsen har inga målindikatorer (inga indikatorer för dess fokusområden och inga valda), så ingen "
        "effektsignal kan räknas fram.",
        "en": "The measure has no target indicators (none for its focus areas and none chosen), so no effect "
        "signal can be computed.",
    },
    "effekt_line": {
        "sv": "{indikator}: {where} {change} {unit} {years}, i jämförelseområdena ({comparison}) {change_c}; "
        "skillnad {diff} {side}, {level} % intervall {low} … {high}: {verdict}",
        "en": "{indikator}: {where} {change} {unit} {years}, in the comparison areas ({comparison}) {change_c}; "
        "difference {diff} {side}, {level}% interval {low} … {high}: {verdict}",
    },
    "effekt_where_one": {"sv": "i insatsens område", "en": "in the measure's area"},
    "effekt_where_many": {"sv": "i insatsens {n} områden", "en": "in the measure's {n} areas"},
    "effekt_line_none": {"sv": "{indikator}: ingen signal – {skal}", "en": "{indikator}: no signal – {skal}"},
    "effekt_no_reason": {"sv": "ingen orsak angiven", "en": "no reason given"},
    "effekt_side_insats": {"sv": "till insatsens fördel", "en": "in the measure's favour"},
    "effekt_side_jamforelse": {"sv": "till jämförelseområdenas fördel", "en": "in the comparison areas' favour"},
    "effekt_side_none": {"sv": "(ingen skillnad)", "en": "(no difference)"},
    "effekt_unit_points": {"sv": "procentenheter", "en": "percentage points"},
    "effekt_verdict_forbattring": {
        "sv": "tydligt bättre än i jämförelseområdena",
        "en": "clearly better than in the comparison areas",
    },
    "effekt_verdict_forsamring": {
        "sv": "tydligt sämre än i jämförelseområdena",
        "en": "clearly worse than in the comparison areas",
    },
    "effekt_verdict_ingen_tydlig": {"sv": "ingen tydlig skillnad", "en": "no clear difference"},
    "effekt_verdict_underlag_saknas": {"sv": "underlag saknas", "en": "not enough data"},
    "effekt_areas": {
        "sv": "Insatsens områden: {own}. Jämförelseområden (de mest lika områdena utan en jämförbar insats): "
        "{comparison}.",
        "en": "The measure's areas: {own}. Comparison areas (the most similar areas without a comparable "
        "measure): {comparison}.",
    },
    "effekt_caveat": {
        "sv": "Vad signalen säger och inte säger: den jämför förändringen i insatsens områden med förändringen i "
        "de {k} mest lika områdena utan en jämförbar insats (skillnad i skillnader). Intervallet ({level} %) "
        "visar hur stora skillnader som uppstår ändå, mellan områden där ingen insats pågick ({placebo} "
        "placebojämförelser). Med bara 14 områden är underlaget litet, och andra orsaker än insatsen – andra "
        "insatser, konjunkturen, flyttningar – kan ge samma skillnad. {exempel} Signalen är aldrig ett bevis "
        "för effekt, bara ett underlag för samtal.",
        "en": "What the signal does and does not say: it compares the change in the measure's areas with the "
        "change in the {k} most similar areas without a comparable measure (difference in differences). The "
        "interval ({level}%) shows how large differences arise anyway, between areas where no measure ran "
        "({placebo} placebo comparisons). With only 14 areas the basis is small, and causes other than the "
        "measure – other measures, the economy, people moving – can give the same difference. {exempel} The "
        "signal is never proof of effect, only a basis for discussion.",
    },
    "effekt_caveat_exempel": {
        "sv": "Värdena är exempeldata tills officiell statistik är inläst.",
        "en": "The values are example data (exempeldata) until official statistics are loaded.",
    },
    "effekt_caveat_official": {
        "sv": "Värdena är officiell statistik.",
        "en": "The values are official statistics.",
    },
    "effekt_sentence": {
        "sv": "Insatsens målindikatorer ({n}): {parts}.",
        "en": "The measure's target indicators ({n}): {parts}.",
    },
    "effekt_count_forbattring": {
        "sv": "{n} tydligt bättre än jämförelsen",
        "en": "{n} clearly better than the comparison",
    },
    "effekt_count_forsamring": {
        "sv": "{n} tydligt sämre än jämförelsen",
        "en": "{n} clearly worse than the comparison",
    },
    "effekt_count_ingen_tydlig": {"sv": "{n} utan tydlig skillnad", "en": "{n} with no clear difference"},
    "effekt_count_underlag_saknas": {
        "sv": "{n} utan underlag för en signal",
        "en": "{n} without enough data for a signal",
    },
    "effekt_chart_title": {"sv": "Effektsignal: {namn}", "en": "Effect signal: {namn}"},
    "effekt_chart_caption": {
        "sv": "Punkten är skillnaden mot jämförelseområdena, stapeln dess intervall; den streckade linjen är "
        "ingen skillnad. Till höger om den: bättre än jämförelsen (där lägre värden är bättre är tecknet vänt).",
        "en": "The dot is the difference from the comparison areas, the bar its interval; the dashed line is no "
        "difference. Right of it: better than the comparison (where lower values are better the sign is turned).",
    },
    "effekt_axis": {
        "sv": "Skillnad mot jämförelseområdena (+ = till insatsens fördel)",
        "en": "Difference from the comparison areas (+ = in the measure's favour)",
    },
    "effekt_worse_side": {"sv": "← sämre än jämförelsen", "en": "← worse than the comparison"},
    "effekt_better_side": {"sv": "bättre än jämförelsen →", "en": "better than the comparison →"},
    "effekt_legend_forbattring": {"sv": "Tydligt bättre", "en": "Clearly better"},
    "effekt_legend_forsamring": {"sv": "Tydligt sämre", "en": "Clearly worse"},
    "effekt_legend_ingen_tydlig": {"sv": "Ingen tydlig skillnad", "en": "No clear difference"},
    "effekt_hover_insats": {"sv": "Insatsens områden: {v} {unit}", "en": "The measure's areas: {v} {unit}"},
    "effekt_hover_jamforelse": {"sv": "Jämförelseområdena: {v}", "en": "Comparison areas: {v}"},
    "effekt_hover_skillnad": {
        "sv": "Skillnad: {v} (intervall {low} … {high})",
        "en": "Difference: {v} (interval {low} … {high})",
    },
    "effekt_col_unit": {"sv": "Enhet (förändring)", "en": "Unit (change)"},
    "effekt_col_years": {"sv": "År (före–efter)", "en": "Years (before–after)"},
    "effekt_col_areas": {"sv": "Insatsens områden", "en": "The measure's areas"},
    "effekt_col_comparison": {"sv": "Jämförelseområden", "en": "Comparison areas"},
    "effekt_col_change": {"sv": "Förändring, insatsens områden", "en": "Change, the measure's areas"},
    "effekt_col_change_c": {"sv": "Förändring, jämförelseområden", "en": "Change, comparison areas"},
    "effekt_col_diff": {"sv": "Skillnad (+ = till insatsens fördel)", "en": "Difference (+ = in the measure's favour)"},
    "effekt_col_low": {"sv": "Intervall, lägst", "en": "Interval, low"},
    "effekt_col_high": {"sv": "Intervall, högst", "en": "Interval, high"},
    "effekt_col_p": {"sv": "p (placebo)", "en": "p (placebo)"},
    "effekt_col_placebo": {"sv": "Placebojämförelser", "en": "Placebo comparisons"},
    "effekt_col_verdict": {"sv": "Bedömning", "en": "Reading"},
    # The stop candidates (views.stopp, pages/effekt.py)
    "stopp_header": {"sv": "Insatser att diskutera: kan någon avslutas?", "en": "Measures to discuss: could any stop?"},
    "stopp_framing": {
        "sv": "**En lista att diskutera, inget beslut.** Att en insats står här betyder bara att regeln nedan passar "
        "in på den: tiden, en svag effektsignal och uppföljningarna. Det säger inte att insatsen saknar effekt – "
        "underlaget är litet, och märkningen säger om värdena är exempeldata – utan att det är värt att fråga vad "
        "den ger.",
        "en": "**A list to discuss, not a decision.** A measure here only means that the rule below fits it: the "
        "time, a weak effect signal and the follow-ups. It does not say the measure has no effect – the basis is "
        "small, and the badge says whether the values are example data – but that it is worth asking what it gives.",
    },
    "stopp_near_label": {
        "sv": "Nära slutdatum: högst så här många månader kvar",
        "en": "Near its end date: at most this many months left",
    },
    "stopp_long_label": {
        "sv": "Länge igång: minst så här många månader sedan start",
        "en": "Running long: at least this many months since the start",
    },
    "stopp_rule": {
        "sv": "**Regeln:** en insats kommer med när tre saker gäller samtidigt. **1. Tiden:** den är {statuses} och "
        "har passerat sitt slutdatum, har högst {near} månader kvar till det eller startade för minst {long} "
        "månader sedan. **2. En svag effektsignal:** ingen av dess målindikatorer (högst de {max} första) visar en tydlig förbättring mot "
        "jämförelseområdena (de {k} mest lika områdena utan en jämförbar insats, {level} % intervall ur "
        "placebojämförelser) – också när ingen signal gick att räkna fram. **3. Uppföljningarna:** den senaste "
        "uppföljningen som bedömde effekten sa {effects} effekt, eller ingen uppföljning har bedömt den.",
        "en": "**The rule:** a measure is listed when three things hold at once. **1. Time:** it is {statuses} and "
        "is past its end date, has at most {near} months left to it or started at least {long} months ago. "
        "**2. A weak effect signal:** none of its target indicators (at most the first {max}) shows a clear "
        "improvement against the "
        "comparison areas (the {k} most similar areas without a comparable measure, {level}% interval from "
        "placebo comparisons) – also when no signal could be computed. **3. The follow-ups:** the latest "
        "follow-up that judged the effect said {effects} effect, or no follow-up has judged it.",
    },
    "stopp_or": {"sv": " eller ", "en": " or "},
    "stopp_and": {"sv": " och ", "en": " and "},
    "stopp_count": {
        "sv": "**{n}** av {total} insatser är på listan med dessa trösklar.",
        "en": "**{n}** of {total} measures are on the list with these thresholds.",
    },
    "stopp_none": {
        "sv": "Ingen insats uppfyller alla tre villkoren med dessa trösklar.",
        "en": "No measure meets all three conditions with these thresholds.",
    },
    "stopp_why_label": {"sv": "**Varför på listan:**", "en": "**Why it is listed:**"},
    "stopp_why": {"sv": "{time}; {signal}; {followup}.", "en": "{time}; {signal}; {followup}."},
    "stopp_why_signal": {
        "sv": "ingen målindikator visar en tydlig förbättring mot jämförelseområdena",
        "en": "no target indicator shows a clear improvement against the comparison areas",
    },
    "stopp_why_signal_none": {
        "sv": "ingen effektsignal kunde räknas fram",
        "en": "no effect signal could be computed",
    },
    "stopp_open_ended": {"sv": "{start} – (inget slutdatum)", "en": "{start} – (no end date)"},
    "stopp_why_past": {"sv": "slutdatumet {date} har passerat", "en": "its end date {date} has passed"},
    "stopp_why_near": {"sv": "slutar om {n} månader ({date})", "en": "ends in {n} months ({date})"},
    "stopp_why_long": {"sv": "har pågått i {n} månader (sedan {date})", "en": "has run for {n} months (since {date})"},
    "stopp_why_followup": {
        "sv": "senaste uppföljningen bedömde effekten som {effect}",
        "en": "the latest follow-up judged the effect {effect}",
    },
    "stopp_why_followup_none": {
        "sv": "ingen uppföljning har bedömt effekten",
        "en": "no follow-up has judged the effect",
    },
    "stopp_signal_label": {"sv": "**Effektsignal:**", "en": "**Effect signal:**"},
    "stopp_signal": {"sv": "{parts} (målindikatorer: {n})", "en": "{parts} (target indicators: {n})"},
    "stopp_signal_none": {"sv": "inga målindikatorer", "en": "no target indicators"},
    "stopp_followup_label": {"sv": "**Senaste bedömning:**", "en": "**Latest judgement:**"},
    "stopp_followup": {
        "sv": "{date}, effekten bedömd som {effect} (uppföljningar i allt: {n})",
        "en": "{date}, effect judged {effect} (follow-ups in all: {n})",
    },
    "stopp_followup_unjudged": {
        "sv": "ingen uppföljning har bedömt effekten (uppföljningar i allt: {n})",
        "en": "no follow-up has judged the effect (follow-ups in all: {n})",
    },
    "stopp_followup_none": {"sv": "ingen uppföljning ännu", "en": "no follow-up yet"},
    "stopp_basis": {"sv": "Underlag för bedömningen: {basis}", "en": "Basis of the judgement: {basis}"},
    "stopp_no_signal_why": {"sv": "Varför signal saknas: {reasons}", "en": "Why a signal is missing: {reasons}"},
    "stopp_as_table": {"sv": "Listan som tabell och nedladdning", "en": "The list as a table and download"},
    "stopp_exempel": {
        "sv": "Insatser och uppföljningar: verkliga där en källa anges, annars exempeldata; effektsignalerna räknas "
        "ur indikatorvärden som är exempeldata tills officiell statistik är inläst",
        "en": "Measures and follow-ups: real where a source is given, otherwise example data; the effect signals "
        "are computed from indicator values that are example data until official statistics are loaded",
    },
    "stopp_col_why": {"sv": "Varför (tiden)", "en": "Why (time)"},
    "stopp_col_signal": {"sv": "Effektsignal", "en": "Effect signal"},
    "stopp_col_followup": {"sv": "Senaste bedömning", "en": "Latest judgement"},
    "stopp_col_targets": {"sv": "Målindikatorer", "en": "Target indicators"},
    "stopp_col_forbattring": {"sv": "Tydligt bättre", "en": "Clearly better"},
    "stopp_col_forsamring": {"sv": "Tydligt sämre", "en": "Clearly worse"},
    "stopp_col_ingen_tydlig": {"sv": "Ingen tydlig skillnad", "en": "No clear difference"},
    "stopp_col_underlag_saknas": {"sv": "Underlag saknas", "en": "Not enough data"},
    "stopp_col_latest_effect": {"sv": "Senaste effektbedömning", "en": "Latest effect judgement"},
    "stopp_col_on_list": {"sv": "På listan", "en": "On the list"},
    "stopp_signals_header": {"sv": "Effektsignal för varje insats", "en": "Every measure's effect signal"},
    "stopp_signals_intro": {
        "sv": "För varje insats och var och en av dess målindikatorer jämförs förändringen i insatsens områden med "
        "förändringen i de {k} mest lika områdena utan en jämförbar insats, med ett {level} % intervall ur "
        "placebojämförelser mellan områden där ingen insats pågick. Tabellen räknar målindikatorerna per "
        "bedömning; varje insats visar sina i detalj under Insatser.",
        "en": "For each measure and each of its target indicators, the change in the measure's areas is compared "
        "with the change in the {k} most similar areas without a comparable measure, with a {level}% interval "
        "from placebo comparisons between areas where no measure ran. The table counts the target indicators "
        "per reading; each measure shows its own in detail under Measures.",
    },
    "stopp_signals_caption": {
        "sv": "Tydligt bättre eller sämre: hela intervallet ligger över eller under noll. Underlag saknas: till "
        "exempel en insats för hela staden, en som startade efter det senaste året med värden, eller för få "
        "jämförelseområden.",
        "en": "Clearly better or worse: the whole interval lies above or below zero. Not enough data: for example "
        "a measure for the whole city, one that started after the latest year with values, or too few "
        "comparison areas.",
    },
    # ---- end of the effect texts
    # ---- Editor-chosen target indicators (issue 17)
    "table_insats_malindikatorer": {
        "sv": "Insatsernas valda målindikatorer",
        "en": "The measures' chosen target indicators",
    },
    "field_malindikatorer": {"sv": "Målindikatorer", "en": "Target indicators"},
    "form_malindikatorer_tomt": {
        "sv": "(tomt = fokusområdenas indikatorer)",
        "en": "(empty = the indicators of its focus areas)",
    },
    "form_malindikatorer_placeholder": {
        "sv": "Fokusområdenas indikatorer",
        "en": "The indicators of its focus areas",
    },
    "form_malindikatorer_help": {
        "sv": "De indikatorer insatsens effektsignal följer. Väljer du inga används indikatorerna för "
        "insatsens fokusområden. Kontextindikatorer (t.ex. folkmängd) mäter inget fokusområde och kan inte väljas.",
        "en": "The indicators the measure's effect signal follows. If you choose none, the indicators of its "
        "focus areas are used. Context indicators (such as population) measure no focus area and cannot be chosen.",
    },
    # ---- end of the target indicator texts
    # ---- Agenda 2030: dimensions and global goals (issue 17)
    "a2030_header": {"sv": "Agenda 2030: de tre dimensionerna", "en": "Agenda 2030: the three dimensions"},
    "a2030_reason": {
        "sv": "Lokal utveckling utgår från Agenda 2030 i de 14 geografiska statistikområdena ({source}). Här står "
        "området på hållbarhetens tre dimensioner, räknat på samma sätt som behovsindexet, på de indikatorer som "
        "projektets klassning mot FN:s delmål för till varje dimension.",
        "en": "Local development starts from Agenda 2030 in the 14 geographical statistical areas ({source}). Here "
        "the area stands on the three dimensions of sustainability, computed the same way as the need index, on the "
        "indicators the project's classification against the UN targets puts in each dimension.",
    },
    "a2030_none": {
        "sv": "Inga indikatorvärden för området att räkna dimensionerna på.",
        "en": "No indicator values for the area to compute the dimensions from.",
    },
    "a2030_dim_social": {"sv": "Social", "en": "Social"},
    "a2030_dim_ekologisk": {"sv": "Ekologisk", "en": "Ecological"},
    "a2030_dim_ekonomisk": {"sv": "Ekonomisk", "en": "Economic"},
    "a2030_adj_social": {"sv": "social", "en": "social"},
    "a2030_adj_ekologisk": {"sv": "ekologisk", "en": "ecological"},
    "a2030_adj_ekonomisk": {"sv": "ekonomisk", "en": "economic"},
    "a2030_dims_one": {"sv": "{dimension} dimension", "en": "{dimension} dimension"},
    "a2030_dims_many": {"sv": "{first} och {last} dimension", "en": "{first} and {last} dimensions"},
    "a2030_no_indicators": {
        "sv": "{dimension}: inga indikatorer i underlaget än",
        "en": "{dimension}: no indicators in the data yet",
    },
    "a2030_no_indicators_short": {"sv": "Inga indikatorer i underlaget än", "en": "No indicators in the data yet"},
    "a2030_col_dimension": {"sv": "Dimension", "en": "Dimension"},
    "a2030_col_index": {"sv": "Index (0–1, 1 = störst behov)", "en": "Index (0–1, 1 = most need)"},
    "a2030_col_rank": {"sv": "Rang bland de {n} områdena", "en": "Rank among the {n} areas"},
    "a2030_rank_of": {"sv": "{rang} av {n}", "en": "{rang} of {n}"},
    "a2030_col_n": {"sv": "Indikatorer med värde", "en": "Indicators with a value"},
    "a2030_col_weights": {"sv": "Indikatorer och vikter", "en": "Indicators and weights"},
    "a2030_col_goals": {"sv": "Globala mål", "en": "Global goals"},
    "a2030_col_targets": {"sv": "Delmål", "en": "Targets"},
    "a2030_col_weight": {"sv": "Vikt", "en": "Weight"},
    "a2030_col_score": {"sv": "Behovspoäng (0–1)", "en": "Need score (0–1)"},
    "a2030_col_why": {
        "sv": "Varför (projektets klassning)",
        "en": "Why (the project's classification, in Swedish)",
    },
    "a2030_ind_header": {
        "sv": "Indikatorerna i dimensionerna, med globala mål och delmål",
        "en": "The indicators in the dimensions, with global goals and targets",
    },
    "a2030_sentence": {
        "sv": "{namn} på Agenda 2030:s tre dimensioner (index 0–1, 1 = störst behov; rang bland de {n} "
        "områdena): {parts}.",
        "en": "{namn} on the three dimensions of Agenda 2030 (index 0–1, 1 = most need; rank among the {n} "
        "areas): {parts}.",
    },
    "a2030_sentence_part": {
        "sv": "{dimension} {index}, rang {rang} av {n}",
        "en": "{dimension} {index}, rank {rang} of {n}",
    },
    "a2030_sentence_exempel": {
        "sv": "Indikatorvärdena är exempeldata.",
        "en": "The indicator values are example data.",
    },
    "a2030_sentence_mixed": {
        "sv": "En del av indikatorvärdena är exempeldata.",
        "en": "Some of the indicator values are example data.",
    },
    "a2030_rule": {
        "sv": "**Regeln.** Samma som behovsindexets: för varje dimension tas de indikatorer som projektets klassning "
        "mot FN:s delmål för dit, var och en med vikt {weight} och sitt senaste år ({years}). För varje indikator "
        "rangordnas de {n} områdena efter behov (vänt så att högre är sämre där ett högre värde är bättre) och "
        "rangen skalas från 0 (minst behov) till 1 (störst); dimensionens index är medelvärdet över de indikatorer "
        "området har värden för, och rang 1 är störst behov. Social: {social}. Ekonomisk: {ekonomisk}. "
        "{ekologisk}. Klassningen är projektets, inte ett beslut av staden.",
        "en": "**The rule.** The same as the need index's: for each dimension the indicators the project's "
        "classification against the UN targets puts there, each with weight {weight} and its latest year "
        "({years}). For each indicator the {n} areas are ranked by need (turned so that higher is worse where a "
        "higher value is better) and the rank is scaled from 0 (least need) to 1 (most); the dimension's index is "
        "the mean over the indicators the area has values for, and rank 1 is the most need. Social: {social}. "
        "Economic: {ekonomisk}. {ekologisk}. The classification is the project's, not a decision of the city.",
    },
    "a2030_caption": {
        "sv": "Indikatorvärdena: {sources}. Dimensioner, mål och delmål: {klassning}, inte ett beslut av staden. "
        "Målens namn: {mal}.",
        "en": "The indicator values: {sources}. Dimensions, goals and targets: {klassning} (the project's "
        "classification against the UN targets), not a decision of the city. The goals' names: {mal}.",
    },
    "a2030_fig_title": {
        "sv": "Agenda 2030: {namn} på de tre dimensionerna",
        "en": "Agenda 2030: {namn} on the three dimensions",
    },
    "a2030_fig_others": {"sv": "Övriga områden", "en": "Other areas"},
    "a2030_fig_rank": {"sv": "{index} · rang {rang} av {n}", "en": "{index} · rank {rang} of {n}"},
    "a2030_fig_no_indicators": {"sv": "Inga indikatorer i underlaget än", "en": "No indicators in the data yet"},
    "a2030_axis": {"sv": "Index (0 = minst, 1 = störst behov)", "en": "Index (0 = least, 1 = most need)"},
    "karta_colour_agenda2030": {"sv": "Agenda 2030", "en": "Agenda 2030"},
    "a2030_karta_none": {
        "sv": "Inga indikatorvärden att räkna dimensionerna på: kartan visar områdesteamen.",
        "en": "No indicator values to compute the dimensions from: the map shows the area teams.",
    },
    "a2030_karta_dimension": {"sv": "Agenda 2030: dimension", "en": "Agenda 2030: dimension"},
    "a2030_karta_rule": {
        "sv": "{dimension} dimension: index 0–1 räknat som behovsindexet (högre = större behov) på de {k} "
        "indikatorer som projektets klassning mot FN:s delmål för hit, vikt 1 var: {weights}; senaste år {years}.",
        "en": "{dimension} dimension: index 0–1 computed as the need index (higher = more need) on the {k} "
        "indicators the project's classification against the UN targets puts here, weight 1 each: {weights}; "
        "latest year {years}.",
    },
    "a2030_layer_name": {"sv": "Agenda 2030: {dimension} dimension", "en": "Agenda 2030: {dimension} dimension"},
    "a2030_layer_unit": {"sv": "index 0–1", "en": "index 0–1"},
    "a2030_insats_goals_label": {
        "sv": "Globala mål (projektets klassning mot FN:s delmål)",
        "en": "Global goals (the project's classification against the UN targets)",
    },
    "table_globala_mal": {"sv": "FN:s globala mål", "en": "The UN's global goals"},
    "table_indikator_agenda2030": {
        "sv": "Indikatorernas klassning mot Agenda 2030",
        "en": "The indicators' classification against Agenda 2030",
    },
    # ---- end of the Agenda 2030 texts
    # ---- Barn och unga: the map colouring, the children's share, kraftsamlande areas (issue 17)
    "barn_rule": {
        "sv": "Barn och unga: beviljade insatser (inte förslag) för enskilda områden, inte för hela staden, med "
        "målgruppen barn 0–5, barn 6–15 eller unga 16–24 år. En insats i flera områden delas lika mellan dem, "
        "som i kartans kronor per invånare. Året är tilldelningens, annars insatsens startår; varje år för sig, "
        "aldrig summerat över år. Invånare 0–19 år: folkmängd 0–5, 6–15 och 16–19 år det året, annars det "
        "senaste året före; unga 20–24 år kan inte räknas in, för befolkningen finns bara 16–19 år.",
        "en": "Children and young people: granted measures (not proposals) for single areas, not for the whole "
        "city, whose target group is children 0–5, children 6–15 or young people 16–24. A measure in several "
        "areas is split equally between them, as in the map's kronor per inhabitant. The year is the "
        "allocation's, else the measure's start year; each year on its own, never summed over years. "
        "Inhabitants aged 0–19: population 0–5, 6–15 and 16–19 that year, else the latest year before; young "
        "people aged 20–24 cannot be counted, the population has only 16–19.",
    },
    "barn_groups_rule": {
        "sv": "Malmö är de 14 områdena tillsammans. Kraftsamlande är de områden som är kraftsamlande den 31 "
        "december det året (som på kartan). En grupps kronor per invånare är gruppens kronor delade med gruppens "
        "invånare 0–19 år, inte ett medelvärde av områdenas kvoter.",
        "en": "Malmö is the 14 areas together. Concentrated effort means the areas of concentrated effort on 31 "
        "December of that year (as on the map). A group's kronor per inhabitant is the group's kronor divided by "
        "the group's inhabitants aged 0–19, not a mean of the areas' ratios.",
    },
    "barn_group_kraftsamlande": {"sv": "Kraftsamlande områden", "en": "Areas of concentrated effort"},
    "barn_group_ovriga": {"sv": "Övriga områden", "en": "Other areas"},
    "barn_group_malmo": {"sv": "Malmö (de 14 områdena)", "en": "Malmö (the 14 areas)"},
    "barn_axis_per": {"sv": "kr per invånare 0–19 år", "en": "SEK per inhabitant aged 0–19"},
    "barn_hover_kronor": {"sv": "Kronor till barn och unga", "en": "Kronor to children and young people"},
    "barn_hover_population": {"sv": "Invånare 0–19 år", "en": "Inhabitants aged 0–19"},
    "barn_col_alla": {"sv": "Områdets kronor, alla målgrupper", "en": "The area's kronor, all target groups"},
    "barn_col_andel": {"sv": "Barn och ungas andel (%)", "en": "Children and young people's share (%)"},
    "barn_col_population": {"sv": "Invånare 0–19 år", "en": "Inhabitants aged 0–19"},
    "barn_col_population_year": {"sv": "Befolkningsår", "en": "Population year"},
    "barn_col_per": {"sv": "Kr per invånare 0–19, {name}", "en": "SEK per inhabitant 0–19, {name}"},
    "barn_col_per_group": {"sv": "Kr per invånare 0–19 år", "en": "SEK per inhabitant aged 0–19"},
    "barn_col_insats_source": {"sv": "Källa, insatser", "en": "Source, measures"},
    "barn_col_population_source": {"sv": "Källa, befolkning", "en": "Source, population"},
    "barn_col_group": {"sv": "Grupp", "en": "Group"},
    "barn_col_areas": {"sv": "Antal områden", "en": "Number of areas"},
    "barn_col_area_names": {"sv": "Områdena", "en": "The areas"},
    "barn_share_header": {
        "sv": "Barn och ungas andel av områdets kronor",
        "en": "Children and young people's share of the area's kronor",
    },
    "barn_share_title": {
        "sv": "Kronor till barn och unga per invånare 0–19 år: {name}",
        "en": "Kronor to children and young people per inhabitant aged 0–19: {name}",
    },
    "barn_share_none": {
        "sv": "Inget år har kronor till barn och unga i något område.",
        "en": "No year has kronor to children and young people in any area.",
    },
    "barn_share_year": {
        "sv": "{year}: {kronor} till barn och unga, {share}; {per} per invånare 0–19 år "
        "(befolkning {population_year}), mot {malmo} i Malmö, {kraft} i de kraftsamlande områdena och {ovriga} "
        "i övriga områden.",
        "en": "{year}: {kronor} to children and young people, {share}; {per} per inhabitant "
        "aged 0–19 (population {population_year}), against {malmo} in Malmö, {kraft} in the areas of "
        "concentrated effort and {ovriga} in the other areas.",
    },
    "barn_share_year_no_kraft": {
        "sv": "{year}: {kronor} till barn och unga, {share}; {per} per invånare 0–19 år "
        "(befolkning {population_year}), mot {malmo} i Malmö. Inget område var kraftsamlande {year}.",
        "en": "{year}: {kronor} to children and young people, {share}; {per} per inhabitant "
        "aged 0–19 (population {population_year}), against {malmo} in Malmö. No area was an area of "
        "concentrated effort in {year}.",
    },
    "barn_share_of": {"sv": "{share} av områdets kronor", "en": "{share} of the area's kronor"},
    "barn_no_area_kronor": {"sv": "området hade inga egna kronor", "en": "the area had no kronor of its own"},
    "barn_exempel_sentence": {
        "sv": "Insatserna, befolkningen och de kraftsamlande områdena är exempeldata.",
        "en": "The measures, the population and the areas of concentrated effort are example data.",
    },
    "barn_share_caption": {
        "sv": "{rule} {groups} Tabellen Kronor per barn och ung ovan räknar i stället en insats i flera områden "
        "med hela beloppet i vart och ett. Källor: insatser {insats_sources}; befolkning {population_sources}.",
        "en": "{rule} {groups} The table Kronor per child and young person above instead counts a measure in "
        "several areas in full in each. Sources: measures {insats_sources}; population {population_sources}.",
    },
    "barn_kraft_header": {
        "sv": "Kraftsamlande områden och övriga: kronor till barn och unga",
        "en": "Areas of concentrated effort and the others: kronor to children and young people",
    },
    "barn_kraft_title": {
        "sv": "Kronor till barn och unga per invånare 0–19 år, kraftsamlande och övriga områden",
        "en": "Kronor to children and young people per inhabitant aged 0–19, concentrated effort and other areas",
    },
    "barn_kraft_areas": {
        "sv": "Kraftsamlande områden i underlaget: {areas}.",
        "en": "Areas of concentrated effort in the data: {areas}.",
    },
    "barn_kraft_area": {"sv": "{name} (från {start})", "en": "{name} (from {start})"},
    "barn_kraft_area_ended": {
        "sv": "{name} ({start}–{end})",
        "en": "{name} ({start}–{end})",
    },
    "barn_kraft_no_areas": {
        "sv": "Inget område är kraftsamlande i underlaget.",
        "en": "No area is an area of concentrated effort in the data.",
    },
    "barn_kraft_exempel": {
        "sv": "Urvalet av kraftsamlande områden är exempeldata.",
        "en": "The choice of areas of concentrated effort is example data.",
    },
    "barn_kraft_year": {
        "sv": "{year}: de kraftsamlande områdena ({n}) fick {kraft} per invånare 0–19 år, övriga områden {ovriga} "
        "och Malmö som helhet {malmo}.",
        "en": "{year}: the areas of concentrated effort ({n}) received {kraft} per inhabitant aged 0–19, the other "
        "areas {ovriga} and Malmö as a whole {malmo}.",
    },
    "barn_kraft_year_none": {
        "sv": "{year}: inget område var kraftsamlande; Malmö som helhet fick {malmo} per invånare 0–19 år.",
        "en": "{year}: no area was an area of concentrated effort; Malmö as a whole received {malmo} per "
        "inhabitant aged 0–19.",
    },
    "barn_kraft_caption": {
        "sv": "{rule} {groups} Källor: insatser {insats_sources}; befolkning {population_sources}; kraftsamling "
        "{kraft_sources}.",
        "en": "{rule} {groups} Sources: measures {insats_sources}; population {population_sources}; concentrated "
        "effort {kraft_sources}.",
    },
    "karta_colour_barn": {"sv": "Barn och unga", "en": "Children and young people"},
    "barn_map_year": {"sv": "År för barn och unga", "en": "Year for children and young people"},
    "barn_map_name": {
        "sv": "Kronor till barn och unga per invånare 0–19 år",
        "en": "Kronor to children and young people per inhabitant aged 0–19",
    },
    "barn_map_unit": {"sv": "kr/invånare 0–19", "en": "SEK/inhabitant 0–19"},
    "barn_map_rule": {
        "sv": "{rule} Kartan följer filtren i sidopanelen och visar ett år i taget ({year}); invånare: "
        "befolkning {population_year}.",
        "en": "{rule} The map follows the sidebar filters and shows one year at a time ({year}); inhabitants: "
        "population {population_year}.",
    },
    "barn_map_none": {
        "sv": "Inga kronor till barn och unga för filtren i sidopanelen.",
        "en": "No kronor to children and young people for the sidebar filters.",
    },
    # ---- end of the barn och unga texts
    # ---- Effect signal: the analysis's own words (issue 17)
    # ---- end of the effect analysis texts
    # ---- Issue 17 wiring (lead)
    "effekt_capped": {
        "sv": "Insatsen har {n} målindikatorer; effektsignalen räknas för de {max} första i indikatorernas ordning "
        "(regelns gräns). Välj målindikatorer i redigeringen för att bestämma vilka.",
        "en": "The measure has {n} target indicators; the effect signal is computed for the first {max} in the "
        "indicators' order (the rule's limit). Choose target indicators when editing it to decide which.",
    },
    # ---- end of the issue 17 wiring texts
}


# Units of indicators as the store writes them (Swedish) and in English; other units are shown as written.
UNITS = {
    "procent": "percent",
    "antal": "number",
    "per 1 000 invånare": "per 1,000 inhabitants",
    "per 1 000": "per 1,000",  # as fetch_ckan writes a rate per thousand
    "promille": "per mille",
    "kr": "SEK",
    "kronor": "SEK",
    "tkr": "SEK thousand",
    "mnkr": "SEK million",
    "kr/invånare": "SEK/inhabitant",
    "kr per invånare": "SEK per inhabitant",
    "antal personer": "number of persons",
    "personer": "persons",
    "invånare": "inhabitants",
    "andel": "share",
    "år": "years",
}


def unit(enhet: str | None, lang: str = "sv") -> str:
    """An indicator's unit in the language: 'procent' -> 'percent' in English."""
    if not isinstance(enhet, str):
        return ""
    if lang != "en":
        return enhet
    return UNITS.get(enhet) or UNITS.get(enhet.strip().casefold(), enhet)


def t(key: str, lang: str = "sv", **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `values`."""
    try:
        entry = TEXTS[key]
    except KeyError:
        raise KeyError(f"Ingen text med nyckeln {key!r} i lokalutveckling/i18n.py") from None
    text = entry.get(lang) or entry["sv"]
    return text.format(**values) if values else text
