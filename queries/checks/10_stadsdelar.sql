-- Stadsdelar: every delområde has exactly one stadsdel, every row a known delområde, one of the 10 stadsdelar,
-- the stadsområde that stadsdel lies in, a known certainty and a known source.
-- Grain: one row per problem (fil, rad, kolumn, varde, fel).
with per_delomrade as (
    select
        o.omrade_kod,
        o._rad,
        count(s.delomrade_kod) as n
    from raw_omraden as o
    left join raw_stadsdelar as s on o.omrade_kod = s.delomrade_kod
    where o.niva = 'delomrade'
    group by o.omrade_kod, o._rad
),

allowed (stadsdel, stadsomrade) as (
    values
    ('Centrum', 'Norr'),
    ('Kirseberg', 'Norr'),
    ('Södra Innerstaden', 'Innerstaden'),
    ('Västra Innerstaden', 'Innerstaden'),
    ('Limhamn-Bunkeflo', 'Väster'),
    ('Hyllie', 'Väster'),
    ('Fosie', 'Söder'),
    ('Oxie', 'Söder'),
    ('Rosengård', 'Öster'),
    ('Husie', 'Öster')
)

select
    'omraden.csv' as fil,
    p._rad as rad,
    'omrade_kod' as kolumn,
    p.omrade_kod as varde,
    'delområdet ska ha exakt en rad i stadsdelar.csv, har ' || p.n as fel
from per_delomrade as p
where p.n <> 1
union all
select
    'stadsdelar.csv',
    s._rad,
    'delomrade_kod',
    s.delomrade_kod,
    'okänt delområde, finns inte i omraden.csv'
from raw_stadsdelar as s
left join raw_omraden as o on s.delomrade_kod = o.omrade_kod and o.niva = 'delomrade'
where o.omrade_kod is null
union all
select
    'stadsdelar.csv',
    s._rad,
    'stadsdel',
    s.stadsdel || ' / ' || s.stadsomrade,
    'okänd stadsdel eller fel stadsområde för stadsdelen'
from raw_stadsdelar as s
left join allowed as a on s.stadsdel = a.stadsdel and s.stadsomrade = a.stadsomrade
where a.stadsdel is null
union all
select
    'stadsdelar.csv',
    _rad,
    'sakerhet',
    sakerhet,
    'tillåtna värden: säker, osäker'
from raw_stadsdelar
where sakerhet not in ('säker', 'osäker')
union all
select
    'stadsdelar.csv',
    s._rad,
    'kalla',
    s.kalla,
    'okänd källa, finns inte i kallor.csv'
from raw_stadsdelar as s
left join raw_kallor as k on s.kalla = k.kalla_id
where k.kalla_id is null
