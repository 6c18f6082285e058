-- Insatser that cannot be tied to a place or a fokusområde: no område and not hela staden, or no
-- primary fokusområde. Grain: one row per insats and problem. Parameters: none.
select
    i.insats_id,
    i.namn,
    i.status,
    i.kalla,
    'utan_omrade' as problem
from insatser as i
where
    not coalesce(i.hela_staden, false)
    and not exists (
        select 1
        from insats_omraden as o
        where o.insats_id = i.insats_id
    )
union all
select
    i.insats_id,
    i.namn,
    i.status,
    i.kalla,
    'utan_fokus' as problem
from insatser as i
where
    not exists (
        select 1
        from insats_fokusomraden as f
        where f.insats_id = i.insats_id and f.primar
    )
order by insats_id, problem
