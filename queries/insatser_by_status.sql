-- Number of insatser and their kronor per lifecycle status, in lifecycle order.
-- Grain: one row per status with at least one insats.
-- Parameters: $ar, $finansiering, $fokus, $namnder (lists; empty means all).
select
    i.status,
    count(*) as n_insatser,
    sum(i.belopp_kr) as belopp_kr,
    count(*) filter (where i.kalla = 'exempeldata') as n_exempeldata
from v_insatser as i
where
    (len($ar) = 0 or list_contains($ar, i.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, i.finansiering_kod))
    and (len($fokus) = 0 or list_contains($fokus, i.fokus_kod))
    and (len($namnder) = 0 or list_contains($namnder, i.namnd_kod))
group by i.status
order by
    list_position(
        ['föreslagen', 'beviljad', 'pågående', 'avslutad', 'avbruten', 'permanentad'], i.status
    )
