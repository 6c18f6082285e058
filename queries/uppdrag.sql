-- Every uppdrag with who gave it, who holds it, the decision or proposal it comes from, its due date
-- and state, the report-back, and whether it is open or overdue on $idag.
-- Grain: one row per uppdrag, ordered by when it was given. `oppet` is true for givet and pågår;
-- `forfallet` is true for an open uppdrag whose due date has passed; `givet_visat` is the date given,
-- or 1 July of the year where the source gives only the year (e.g. a budget), `givet_datum_saknas` says so.
-- Parameters: $idag (date), $oppna (the open statuses: lokalutveckling.domain.UPPDRAG_OPPNA).
select
    u.uppdrag_id,
    u.arende,
    u.rubrik,
    u.givare_organ,
    u.givet_beslut_id,
    u.givet_datum,
    u.givet_ar,
    coalesce(u.givet_datum, make_date(u.givet_ar, 7, 1)) as givet_visat,
    u.givet_datum is null as givet_datum_saknas,
    u.givet_paragraf,
    u.givet_punkt,
    u.givet_stadium,
    u.mottagare,
    u.mottagare_namnd_kod,
    n.kortnamn as mottagare_kortnamn,
    n.kortnamn_en as mottagare_kortnamn_en,
    u.citat,
    u.kalla,
    u.dokument_rad,
    u.senast,
    u.tid_i_kallan,
    u.status,
    list_contains($oppna, u.status) as oppet,
    coalesce(list_contains($oppna, u.status) and u.senast < $idag, false) as forfallet,
    u.aterrapport_organ,
    u.aterrapport_datum,
    u.aterrapport_paragraf,
    u.aterrapport_punkt,
    u.aterrapport_stadium,
    u.aterrapport_text,
    u.aterrapport_kalla,
    u.aterrapport_rad,
    u.anmarkning,
    u.version
from uppdrag as u
left join namnder as n on u.mottagare_namnd_kod = n.namnd_kod
order by givet_visat, u.uppdrag_id
