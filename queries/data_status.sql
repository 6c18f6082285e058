-- How much of each main table is exempeldata, and when the store was built.
-- Grain: one row per table. Parameters: none.
with shares as (
    select 'tilldelningar' as tabell, count(*) as n, count(*) filter (where kalla = 'exempeldata') as n_ex
    from tilldelningar
    union all
    select 'insatser', count(*), count(*) filter (where kalla = 'exempeldata') from insatser
    union all
    select 'indikatorvarden', count(*), count(*) filter (where kalla = 'exempeldata') from indikatorvarden
    union all
    select 'omradesteam', count(*), count(*) filter (where kalla = 'exempeldata') from omradesteam
    union all
    select 'kraftsamling', count(*), count(*) filter (where kalla = 'exempeldata') from kraftsamling
)

select
    shares.tabell,
    shares.n,
    shares.n_ex,
    (select max(built_at) from build_meta) as built_at
from shares
