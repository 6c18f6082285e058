-- The police areas: known delområden, accepted categories, a year, a known source.
-- Grain: one row per problem (fil, rad, kolumn, varde, fel).
select
    'utsatta_omraden.csv' as fil,
    u._rad as rad,
    'delomrade_kod' as kolumn,
    u.delomrade_kod as varde,
    'okänt delområde, finns inte i omraden.csv' as fel
from raw_utsatta_omraden as u
left join raw_omraden as o on u.delomrade_kod = o.omrade_kod and o.niva = 'delomrade'
where o.omrade_kod is null
union all
select
    'utsatta_omraden.csv',
    _rad,
    'kategori',
    kategori,
    'tillåtna värden: utsatt, särskilt utsatt'
from raw_utsatta_omraden
where kategori not in ('utsatt', 'särskilt utsatt')
union all
select
    'utsatta_omraden.csv',
    _rad,
    'ar',
    ar,
    'ska vara ett årtal'
from raw_utsatta_omraden
where try_cast(ar as integer) is null
union all
select
    'utsatta_omraden.csv',
    u._rad,
    'kalla',
    u.kalla,
    'okänd källa, finns inte i kallor.csv'
from raw_utsatta_omraden as u
left join raw_kallor as k on u.kalla = k.kalla_id
where k.kalla_id is null
