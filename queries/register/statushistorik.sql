-- The status moves of one insats in the order they happened, with the receiving nämnd's name.
-- Grain: one row per move. Parameters: $insats_id.
select
    h.datum,
    h.fran_status,
    h.till_status,
    h.anledning,
    h.mottagande_namnd_kod,
    n.namn as mottagande_namnd,
    h.permanent_belopp_kr,
    h.anvandare,
    h.tid,
    h.kalla
from statushistorik as h
left join namnder as n on h.mottagande_namnd_kod = n.namnd_kod
where h.insats_id = $insats_id
order by
    h.datum asc,
    list_position(['föreslagen', 'beviljad', 'pågående', 'avslutad', 'avbruten', 'permanentad'], h.till_status) asc
