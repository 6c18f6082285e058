-- Insatser with their primary fokusområde and the year of their money.
-- Grain: one row per insats. `ar` is the allocation year, else the start year.
create view v_insatser as
select
    i.insats_id,
    i.namn,
    i.namnd_kod,
    i.finansiering_kod,
    i.tilldelning_id,
    i.belopp_kr,
    i.startdatum,
    i.slutdatum,
    i.status,
    i.typ,
    i.hela_staden,
    i.kalla,
    f.fokus_kod,
    coalesce(t.ar, year(i.startdatum)) as ar
from insatser as i
left join insats_fokusomraden as f
    on i.insats_id = f.insats_id and f.primar
left join tilldelningar as t
    on i.tilldelning_id = t.tilldelning_id
