-- Follow-ups: a unique id, required fields, a date and a whole number where expected, a known insats
-- and source, an accepted effect, and a date neither in the future nor before the insats started.
-- Grain: one row per problem (fil, rad, kolumn, varde, fel).
with counted as (
    select
        _rad,
        uppfoljning_id,
        count(*) over (partition by uppfoljning_id) as n
    from raw_uppfoljningar
),

required as (
    select _rad as rad, 'uppfoljning_id' as kolumn, uppfoljning_id as varde from raw_uppfoljningar
    union all
    select _rad, 'insats_id', insats_id from raw_uppfoljningar
    union all
    select _rad, 'datum', datum from raw_uppfoljningar
    union all
    select _rad, 'vem', vem from raw_uppfoljningar
    union all
    select _rad, 'vad', vad from raw_uppfoljningar
    union all
    select _rad, 'effekt', effekt from raw_uppfoljningar
    union all
    select _rad, 'kalla', kalla from raw_uppfoljningar
)

select
    'uppfoljningar.csv' as fil,
    _rad as rad,
    'uppfoljning_id' as kolumn,
    uppfoljning_id as varde,
    'nyckeln förekommer ' || n || ' gånger, ska vara unik' as fel
from counted
where n > 1
union all
select 'uppfoljningar.csv', rad, kolumn, varde, 'obligatoriskt fält är tomt'
from required
where coalesce(trim(varde), '') = ''
union all
select 'uppfoljningar.csv', _rad, 'datum', datum, 'ska vara ett datum ÅÅÅÅ-MM-DD'
from raw_uppfoljningar
where coalesce(datum, '') <> '' and try_cast(datum as date) is null
union all
select 'uppfoljningar.csv', _rad, 'rackvidd', rackvidd, 'ska vara ett heltal, 0 eller mer'
from raw_uppfoljningar
where coalesce(rackvidd, '') <> '' and coalesce(try_cast(rackvidd as integer), -1) < 0
union all
select 'uppfoljningar.csv', _rad, 'effekt', effekt, 'otillåtet värde; tillåtna: ingen, oklar, viss, tydlig'
from raw_uppfoljningar
where coalesce(effekt, '') <> '' and effekt not in ('ingen', 'oklar', 'viss', 'tydlig')
union all
select 'uppfoljningar.csv', u._rad, 'insats_id', u.insats_id, 'okänd kod, finns inte i insatser.csv'
from raw_uppfoljningar as u
left join raw_insatser as i on u.insats_id = i.insats_id
where coalesce(u.insats_id, '') <> '' and i.insats_id is null
union all
select 'uppfoljningar.csv', u._rad, 'kalla', u.kalla, 'okänd kod, finns inte i kallor.csv'
from raw_uppfoljningar as u
left join raw_kallor as k on u.kalla = k.kalla_id
where coalesce(u.kalla, '') <> '' and k.kalla_id is null
union all
select 'uppfoljningar.csv', seed_rad, 'datum', cast(datum as varchar), 'datum ligger i framtiden'
from uppfoljningar
where datum > current_date
union all
select
    'uppfoljningar.csv',
    u.seed_rad,
    'datum',
    cast(u.datum as varchar),
    'datum ligger före insatsens startdatum ' || cast(i.startdatum as varchar)
from uppfoljningar as u
inner join insatser as i on u.insats_id = i.insats_id
where u.datum < i.startdatum
order by rad
