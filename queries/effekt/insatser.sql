-- Every insats with its period, status, målgrupp and primary fokusområde, for the effect signal.
-- Grain: one row per insats. Parameters: none.
select
    i.insats_id,
    i.namn,
    i.status,
    i.startdatum,
    i.slutdatum,
    i.hela_staden,
    i.malgrupp,
    f.fokus_kod as primar_fokus,
    i.kalla
from insatser as i
left join insats_fokusomraden as f
    on i.insats_id = f.insats_id and f.primar
order by i.insats_id
