-- The indicators' declared sources (indikator_kallor.csv): one row per indikator, roll and tjänst and
-- one `omrade` row per indicator, every indicator covered, known codes, values from their sets, the
-- fields each service needs, numbers and years readable, Kolada only as a comparison.
-- Grain: one row per problem (fil, rad, kolumn, varde, fel).
with counted as (
    select
        _rad as rad,
        'indikator_kod+roll+tjanst' as kolumn,
        indikator_kod || ' ' || roll || ' ' || tjanst as varde,
        count(*) over (partition by indikator_kod, roll, tjanst) as n
    from raw_indikator_kallor
),

area_rows as (
    select
        _rad as rad,
        indikator_kod as varde,
        count(*) over (partition by indikator_kod) as n
    from raw_indikator_kallor
    where roll = 'omrade'
),

required as (
    select _rad as rad, 'indikator_kod' as kolumn, indikator_kod as varde from raw_indikator_kallor
    union all
    select _rad, 'roll', roll from raw_indikator_kallor
    union all
    select _rad, 'tjanst', tjanst from raw_indikator_kallor
    union all
    select _rad, 'sakerhet', sakerhet from raw_indikator_kallor
    union all
    select _rad, 'resurs', resurs from raw_indikator_kallor
    where tjanst in ('ckan', 'kolada', 'scb')
    union all
    select _rad, 'aggregering', aggregering from raw_indikator_kallor
    where tjanst = 'ckan'
    union all
    select _rad, 'vikt_resurs', vikt_resurs from raw_indikator_kallor
    where aggregering = 'befolkningsviktad'
    union all
    select _rad, 'enkat', enkat from raw_indikator_kallor
    where tjanst = 'enkat'
    union all
    select _rad, 'kalla', kalla from raw_indikator_kallor
    where sakerhet = 'verifierad'
),

typed as (
    select _rad as rad, 'faktor' as kolumn, faktor as varde, 'double' as typ from raw_indikator_kallor
    union all
    select _rad, 'ar_fran', ar_fran, 'integer' from raw_indikator_kallor
    union all
    select _rad, 'ar_till', ar_till, 'integer' from raw_indikator_kallor
),

allowed as (
    select _rad as rad, 'roll' as kolumn, roll as varde, 'omrade, jamforelse' as tillatna
    from raw_indikator_kallor
    union all
    select _rad, 'tjanst', tjanst, 'ckan, kolada, scb, enkat, saknas' from raw_indikator_kallor
    union all
    select _rad, 'aggregering', aggregering, 'summa, befolkningsviktad' from raw_indikator_kallor
    where coalesce(aggregering, '') <> ''
    union all
    select _rad, 'sakerhet', sakerhet, 'verifierad, att bekräfta' from raw_indikator_kallor
),

other as (
    select
        _rad as rad,
        'roll' as kolumn,
        roll as varde,
        'Kolada har bara värden per kommun: roll ska vara jamforelse' as fel
    from raw_indikator_kallor
    where tjanst = 'kolada' and roll <> 'jamforelse'
    union all
    select _rad, 'resurs', resurs, 'ett Kolada-id är N och fem siffror, t.ex. N01951'
    from raw_indikator_kallor
    where tjanst = 'kolada' and not regexp_full_match(coalesce(resurs, ''), 'N[0-9]{5}')
    union all
    select _rad, 'faktor', faktor, 'ska vara större än 0'
    from raw_indikator_kallor
    where try_cast(nullif(faktor, '') as double) <= 0
    union all
    select _rad, 'ar_till', ar_till, 'ska vara samma år som ar_fran eller senare'
    from raw_indikator_kallor
    where try_cast(nullif(ar_till, '') as integer) < try_cast(nullif(ar_fran, '') as integer)
    union all
    select _rad, 'vikt_resurs', vikt_resurs, 'bara en befolkningsviktad källa har en vikt'
    from raw_indikator_kallor
    where coalesce(vikt_resurs, '') <> '' and coalesce(aggregering, '') <> 'befolkningsviktad'
)

select
    'indikator_kallor.csv' as fil,
    rad,
    kolumn,
    varde,
    'nyckeln förekommer ' || n || ' gånger, ska vara unik' as fel
from counted
where n > 1
union all
select
    'indikator_kallor.csv',
    rad,
    'roll',
    varde,
    'indikatorn har ' || n || ' rader med roll omrade, ska ha en'
from area_rows
where n > 1
union all
select
    'indikator_kallor.csv',
    null,
    'indikator_kod',
    i.indikator_kod,
    'indikatorn i indikatorer.csv har ingen rad i indikator_kallor.csv'
from raw_indikatorer as i
left join raw_indikator_kallor as k on i.indikator_kod = k.indikator_kod
where k.indikator_kod is null
union all
select 'indikator_kallor.csv', rad, kolumn, varde, 'obligatoriskt fält är tomt'
from required
where coalesce(trim(varde), '') = ''
union all
select
    'indikator_kallor.csv',
    rad,
    kolumn,
    varde,
    case typ when 'integer' then 'ska vara ett heltal' else 'ska vara ett tal med punkt, t.ex. 0.01' end
from typed
where
    coalesce(trim(varde), '') <> ''
    and case typ
        when 'integer' then try_cast(varde as integer) is null
        else try_cast(varde as double) is null
    end
union all
select 'indikator_kallor.csv', rad, kolumn, varde, 'otillåtet värde; tillåtna: ' || tillatna
from allowed
where not list_contains(string_split(tillatna, ', '), coalesce(varde, ''))
union all
select 'indikator_kallor.csv', k._rad, 'indikator_kod', k.indikator_kod, 'okänd kod, finns inte i indikatorer.csv'
from raw_indikator_kallor as k
left join raw_indikatorer as i on k.indikator_kod = i.indikator_kod
where coalesce(k.indikator_kod, '') <> '' and i.indikator_kod is null
union all
select 'indikator_kallor.csv', rad, kolumn, varde, fel
from other
order by fil, rad
