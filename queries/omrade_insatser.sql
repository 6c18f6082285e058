-- The insatser that run in one område, and those for the whole city, with their primary fokusområde.
-- Grain: one row per insats. Parameters: $omrade (omrade_kod).
select
    i.insats_id,
    i.namn,
    i.status,
    n.kortnamn as namnd,
    i.fokus_kod,
    fo.namn_sv as fokus_sv,
    fo.namn_en as fokus_en,
    i.belopp_kr,
    i.startdatum,
    i.slutdatum,
    i.hela_staden,
    i.kalla
from v_insatser as i
inner join namnder as n on i.namnd_kod = n.namnd_kod
left join fokusomraden as fo on i.fokus_kod = fo.fokus_kod
where
    i.hela_staden
    or exists (
        select 1
        from insats_omraden as io
        where io.insats_id = i.insats_id and io.omrade_kod = $omrade
    )
order by i.hela_staden, i.startdatum, i.insats_id
