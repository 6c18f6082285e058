-- How many rows of each table that may have its exempeldata removed are exempeldata.
-- Grain: one row per table. Parameters: none.
select
    'insatser' as tabell,
    count(*) as n,
    count(*) filter (where kalla = 'exempeldata') as n_exempeldata
from insatser
union all
select
    'tilldelningar' as tabell,
    count(*) as n,
    count(*) filter (where kalla = 'exempeldata') as n_exempeldata
from tilldelningar
union all
select
    'indikatorer' as tabell,
    count(*) as n,
    count(*) filter (where kalla = 'exempeldata') as n_exempeldata
from indikatorer
union all
select
    'indikatorvarden' as tabell,
    count(*) as n,
    count(*) filter (where kalla = 'exempeldata') as n_exempeldata
from indikatorvarden
union all
select
    'omradesteam' as tabell,
    count(*) as n,
    count(*) filter (where kalla = 'exempeldata') as n_exempeldata
from omradesteam
union all
select
    'kraftsamling' as tabell,
    count(*) as n,
    count(*) filter (where kalla = 'exempeldata') as n_exempeldata
from kraftsamling
union all
select
    'uppfoljningar' as tabell,
    count(*) as n,
    count(*) filter (where kalla = 'exempeldata') as n_exempeldata
from uppfoljningar
