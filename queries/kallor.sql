-- The sources the store cites, with how many rows cite each.
-- Grain: one row per källa. Parameters: none.
with cites as (
    select kalla from beslut
    union all
    select kalla from tilldelningar
    union all
    select kalla from insatser
    union all
    select kalla from indikatorvarden
    union all
    select kalla from omradesteam
    union all
    select kalla from kraftsamling
)

select
    k.kalla_id,
    k.typ,
    k.datum,
    k.organ,
    k.arende,
    k.titel,
    count(c.kalla) as n_rader
from kallor as k
left join cites as c on k.kalla_id = c.kalla
group by k.kalla_id, k.typ, k.datum, k.organ, k.arende, k.titel
order by k.typ = 'exempeldata', k.datum nulls last, k.kalla_id
