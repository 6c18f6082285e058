-- Every insats as the stop-candidate list shows it: name, leading nämnd (short names in both languages),
-- status, period, whether it is for hela staden, its primary fokusområde and its source.
-- Grain: one row per insats, by insats_id. Parameters: none.
select
    i.insats_id,
    i.namn,
    i.namnd_kod,
    n.kortnamn as namnd,
    n.kortnamn_en as namnd_en,
    i.status,
    i.startdatum,
    i.slutdatum,
    i.hela_staden,
    i.fokus_kod,
    i.kalla
from v_insatser as i
inner join namnder as n on i.namnd_kod = n.namnd_kod
order by i.insats_id
