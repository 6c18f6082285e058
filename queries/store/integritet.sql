-- The rules the store keeps at every commit, for both backends (DuckLake holds no key or check
-- constraints): unique keys of accounts, audit rows and fetches, known roles and levels, and each value
-- row naming an area or a region. A write whose transaction breaks one is not saved.
-- Grain: one row per broken rule and value. Parameters: none.
select
    'anvandare' as tabell,
    anvandarnamn as varde,
    'användarnamnet finns redan' as fel
from anvandare
group by anvandarnamn
having count(*) > 1
union all
select
    'anvandare' as tabell,
    roll as varde,
    'okänd roll' as fel
from anvandare
where roll not in ('redaktor', 'admin')
union all
select
    'audit' as tabell,
    cast(audit_id as varchar) as varde,
    'audit_id finns redan' as fel
from audit
group by audit_id
having count(*) > 1
union all
select
    'statistik_hamtningar' as tabell,
    cast(hamtning_id as varchar) as varde,
    'hamtning_id finns redan' as fel
from statistik_hamtningar
group by hamtning_id
having count(*) > 1
union all
select
    'statistik_hamtningar' as tabell,
    tjanst as varde,
    'okänd tjänst' as fel
from statistik_hamtningar
where tjanst not in ('ckan', 'scb', 'kolada')
union all
select
    'statistik_varden' as tabell,
    niva as varde,
    'okänd nivå' as fel
from statistik_varden
where niva not in ('delomrade', 'statistikomrade', 'stad', 'kommun', 'lan', 'riket', 'region')
union all
select
    'statistik_varden' as tabell,
    coalesce(omrade_kod, region_kod, 'inget') as varde,
    'ett värde ska ha antingen område eller region' as fel
from statistik_varden
where (omrade_kod is null) = (region_kod is null)
