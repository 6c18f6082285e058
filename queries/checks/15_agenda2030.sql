-- Agenda 2030 (issue 17): the 17 global goals (globala_mal.csv: numbers 1–17, each once, named in both
-- languages, a known source) and the project's classification of the indicators (indikator_agenda2030.csv):
-- every indicator with a fokusområde tagged exactly once and no context indicator, a known code, the dimension
-- one of social, ekologisk, ekonomisk, goals 1–17 only, one target per goal in the same order and of that
-- goal ('4.1' under 4), a sentence why, a known source.
-- Grain: one row per problem (fil, rad, kolumn, varde, fel).
with goals as (
    select
        _rad as rad,
        mal,
        try_cast(mal as integer) as nummer,
        count(*) over (partition by mal) as n
    from raw_globala_mal
),

tags as (
    select
        _rad as rad,
        indikator_kod,
        string_split(coalesce(mal, ''), ';') as mal_lista,
        string_split(coalesce(delmal, ''), ';') as delmal_lista,
        count(*) over (partition by indikator_kod) as n
    from raw_indikator_agenda2030
),

tag_goals as (
    select
        rad,
        trim(unnest(mal_lista)) as mal,
        generate_subscripts(mal_lista, 1) as plats
    from tags
),

tag_targets as (
    select
        rad,
        trim(unnest(delmal_lista)) as delmal,
        generate_subscripts(delmal_lista, 1) as plats
    from tags
),

required as (
    select
        'globala_mal.csv' as fil,
        _rad as rad,
        'namn_sv' as kolumn,
        namn_sv as varde
    from raw_globala_mal
    union all
    select 'globala_mal.csv', _rad, 'namn_en', namn_en from raw_globala_mal
    union all
    select 'globala_mal.csv', _rad, 'kalla', kalla from raw_globala_mal
    union all
    select 'indikator_agenda2030.csv', _rad, 'mal', mal from raw_indikator_agenda2030
    union all
    select 'indikator_agenda2030.csv', _rad, 'delmal', delmal from raw_indikator_agenda2030
    union all
    select 'indikator_agenda2030.csv', _rad, 'motivering', motivering from raw_indikator_agenda2030
    union all
    select 'indikator_agenda2030.csv', _rad, 'kalla', kalla from raw_indikator_agenda2030
),

sources as (
    select
        'globala_mal.csv' as fil,
        _rad as rad,
        kalla
    from raw_globala_mal
    union all
    select 'indikator_agenda2030.csv', _rad, kalla from raw_indikator_agenda2030
)

select
    'globala_mal.csv' as fil,
    rad,
    'mal' as kolumn,
    mal as varde,
    'ett globalt mål är ett heltal 1–17' as fel
from goals
where nummer is null or nummer not between 1 and 17
union all
select 'globala_mal.csv', rad, 'mal', mal, 'målet förekommer ' || n || ' gånger, ska vara unikt'
from goals
where n > 1
union all
select 'globala_mal.csv', null, 'mal', cast(s.nummer as varchar), 'målet saknas: alla 17 globala mål ska finnas'
from range(1, 18) as s (nummer)
left join goals as g on s.nummer = g.nummer
where g.nummer is null
union all
select fil, rad, kolumn, varde, 'obligatoriskt fält är tomt'
from required
where coalesce(trim(varde), '') = ''
union all
select s.fil, s.rad, 'kalla', s.kalla, 'okänd källa, finns inte i kallor.csv'
from sources as s
left join raw_kallor as k on s.kalla = k.kalla_id
where coalesce(s.kalla, '') <> '' and k.kalla_id is null
union all
select
    'indikator_agenda2030.csv',
    rad,
    'indikator_kod',
    indikator_kod,
    'indikatorn är klassad ' || n || ' gånger, ska vara en gång'
from tags
where n > 1
union all
select 'indikator_agenda2030.csv', t.rad, 'indikator_kod', t.indikator_kod, 'okänd kod, finns inte i indikatorer.csv'
from tags as t
left join raw_indikatorer as i on t.indikator_kod = i.indikator_kod
where i.indikator_kod is null
union all
select
    'indikator_agenda2030.csv',
    t.rad,
    'indikator_kod',
    t.indikator_kod,
    'en kontextindikator (utan fokusområde, t.ex. befolkning) klassas inte'
from tags as t
inner join raw_indikatorer as i on t.indikator_kod = i.indikator_kod
where coalesce(i.fokus_kod, '') = ''
union all
select
    'indikator_agenda2030.csv',
    null,
    'indikator_kod',
    i.indikator_kod,
    'indikatorn har ett fokusområde men ingen rad i indikator_agenda2030.csv'
from raw_indikatorer as i
left join raw_indikator_agenda2030 as a on i.indikator_kod = a.indikator_kod
where coalesce(i.fokus_kod, '') <> '' and a.indikator_kod is null
union all
select
    'indikator_agenda2030.csv',
    _rad,
    'dimension',
    dimension,
    'otillåtet värde; tillåtna: social, ekologisk, ekonomisk'
from raw_indikator_agenda2030
where coalesce(dimension, '') not in ('social', 'ekologisk', 'ekonomisk')
union all
select 'indikator_agenda2030.csv', g.rad, 'mal', g.mal, 'ett globalt mål är ett heltal 1–17 som finns i globala_mal.csv'
from tag_goals as g
left join raw_globala_mal as m on try_cast(g.mal as integer) = try_cast(m.mal as integer)
where g.mal <> '' and (try_cast(g.mal as integer) not between 1 and 17 or m.mal is null)
union all
select
    'indikator_agenda2030.csv',
    rad,
    'delmal',
    array_to_string(delmal_lista, ';'),
    'ett delmål per mål och i samma ordning: ' || len(mal_lista) || ' mål, ' || len(delmal_lista) || ' delmål'
from tags
where len(mal_lista) <> len(delmal_lista)
union all
select
    'indikator_agenda2030.csv',
    d.rad,
    'delmal',
    d.delmal,
    'ett delmål skrivs mål.nummer eller mål.bokstav, t.ex. 4.1 eller 10.a, under sitt mål ('
    || coalesce(g.mal, '–')
    || ')'
from tag_targets as d
left join tag_goals as g on d.rad = g.rad and d.plats = g.plats
where
    d.delmal <> ''
    and (
        not regexp_full_match(d.delmal, '[0-9]{1,2}\.([0-9]{1,2}|[a-z])')
        or split_part(d.delmal, '.', 1) <> coalesce(g.mal, '')
    )
order by fil, rad
