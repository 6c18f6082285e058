-- How much of each main table is exempeldata, and when the store was built.
-- Grain: one row per table. Parameters: none.
with shares as (
    select
        'tilldelningar' as tabell,
        count(*) as n,
        count(*) filter (where kalla = 'exempeldata') as n_ex
    from tilldelningar
    union all
    select
        'insatser' as tabell,
        count(*) as n,
        count(*) filter (where kalla = 'exempeldata') as n_ex
    from insatser
    union all
    select
        'indikatorvarden' as tabell,
        count(*) as n,
        count(*) filter (where kalla = 'exempeldata') as n_ex
    from indikatorvarden
    union all
    select
        'omradesteam' as tabell,
        count(*) as n,
        count(*) filter (where kalla = 'exempeldata') as n_ex
    from omradesteam
    union all
    select
        'kraftsamling' as tabell,
        count(*) as n,
        count(*) filter (where kalla = 'exempeldata') as n_ex
    from kraftsamling
),

latest as (
    select max(build_meta.built_at) as built_at
    from build_meta
)

select
    shares.tabell,
    shares.n,
    shares.n_ex,
    latest.built_at
from shares
cross join latest
