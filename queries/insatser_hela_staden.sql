-- Granted insatser for the whole city (not tied to areas), for the filters.
-- Grain: one row. Parameters: $ar, $finansiering, $fokus, $namnder (lists; empty means all).
select
    count(*) as n_insatser,
    coalesce(sum(i.belopp_kr), 0) as kronor
from v_insatser as i
where
    i.status <> 'föreslagen'
    and i.hela_staden
    and (len($ar) = 0 or list_contains($ar, i.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, i.finansiering_kod))
    and (len($fokus) = 0 or list_contains($fokus, i.fokus_kod))
    and (len($namnder) = 0 or list_contains($namnder, i.namnd_kod))
