-- The editor-chosen target indicators (insats_malindikatorer.csv, issue 17): every field given, each
-- insats and indicator once, known insatser and indicators, no context indicator (fokus_kod empty,
-- such as population: it measures no fokusområde), and a källa.
-- Grain: one row per problem (fil, rad, kolumn, varde, fel). Parameters: none.
with required as (
    select _rad as rad, 'insats_id' as kolumn, insats_id as varde from raw_insats_malindikatorer
    union all
    select _rad, 'indikator_kod', indikator_kod from raw_insats_malindikatorer
    union all
    select _rad, 'kalla', kalla from raw_insats_malindikatorer
),

counted as (
    select
        _rad as rad,
        insats_id || ' ' || indikator_kod as varde,
        count(*) over (partition by insats_id, indikator_kod) as n
    from raw_insats_malindikatorer
)

select 'insats_malindikatorer.csv' as fil, rad, kolumn, varde, 'obligatoriskt fält är tomt' as fel
from required
where coalesce(trim(varde), '') = ''
union all
select
    'insats_malindikatorer.csv',
    rad,
    'insats_id+indikator_kod',
    varde,
    'nyckeln förekommer ' || n || ' gånger, ska vara unik'
from counted
where n > 1
union all
select
    'insats_malindikatorer.csv',
    m._rad,
    'insats_id',
    m.insats_id,
    'okänd kod, finns inte i insatser.csv'
from raw_insats_malindikatorer as m
left join raw_insatser as i on m.insats_id = i.insats_id
where coalesce(m.insats_id, '') <> '' and i.insats_id is null
union all
select
    'insats_malindikatorer.csv',
    m._rad,
    'indikator_kod',
    m.indikator_kod,
    'okänd kod, finns inte i indikatorer.csv'
from raw_insats_malindikatorer as m
left join raw_indikatorer as i on m.indikator_kod = i.indikator_kod
where coalesce(m.indikator_kod, '') <> '' and i.indikator_kod is null
union all
select
    'insats_malindikatorer.csv',
    m._rad,
    'indikator_kod',
    m.indikator_kod,
    'en kontextindikator (utan fokusområde) kan inte vara målindikator'
from raw_insats_malindikatorer as m
inner join raw_indikatorer as i on m.indikator_kod = i.indikator_kod
where coalesce(i.fokus_kod, '') = ''
order by fil, rad
