-- How many insatser need attention on $datum, per flag: no follow-up in the 365 days up to $datum
-- (granted or running insatser that started before that), or still pågående after their slutdatum.
-- Grain: one row. Parameters: $datum (date), $ar, $kallor, $fokus, $namnder (lists; empty means all).
-- The same rule lists the insatser in insatser_flaggor.sql; a test keeps the two in step.
with senaste as (
    select
        u.insats_id,
        max(u.datum) as senaste_uppfoljning
    from uppfoljningar as u
    where u.datum <= $datum
    group by u.insats_id
),

flaggade as (
    select
        i.insats_id,
        coalesce(
            i.status in ('beviljad', 'pågående')
            and i.startdatum <= $datum - 365
            and (s.senaste_uppfoljning is null or s.senaste_uppfoljning <= $datum - 365),
            false
        ) as ingen_uppfoljning_12_man,
        coalesce(i.status = 'pågående' and i.slutdatum < $datum, false) as efter_slutdatum
    from v_insatser as i
    left join senaste as s on i.insats_id = s.insats_id
    where
        (len($ar) = 0 or list_contains($ar, i.ar))
        and (len($kallor) = 0 or list_contains($kallor, i.finansiering_kod))
        and (len($fokus) = 0 or list_contains($fokus, i.fokus_kod))
        and (len($namnder) = 0 or list_contains($namnder, i.namnd_kod))
)

select
    count(*) filter (where ingen_uppfoljning_12_man) as n_ingen_uppfoljning_12_man,
    count(*) filter (where efter_slutdatum) as n_efter_slutdatum,
    count(*) filter (where ingen_uppfoljning_12_man or efter_slutdatum) as n_flaggade
from flaggade
