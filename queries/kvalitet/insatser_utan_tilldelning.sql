-- Granted, running or finished insatser without an allocation line: their money cannot be traced to
-- a decision. Grain: one row per insats. Parameters: none.
select
    i.insats_id,
    i.namn,
    i.status,
    i.namnd_kod,
    i.finansiering_kod,
    i.belopp_kr,
    i.kalla
from insatser as i
where i.tilldelning_id is null and i.status <> 'föreslagen'
order by i.insats_id
