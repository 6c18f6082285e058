-- Status history: required fields, dates and amounts readable, known insats, nämnd and source, only
-- allowed moves in an unbroken chain that ends in the insats' current status, a reason for every
-- avbruten, a receiving nämnd and amount for every permanentad, no date in the future.
-- Grain: one row per problem (fil, rad, kolumn, varde, fel).
with moves as (
    select
        fran,
        till
    from (
        values
        ('', 'föreslagen'),
        ('', 'beviljad'),
        ('', 'pågående'),
        ('föreslagen', 'beviljad'),
        ('föreslagen', 'avbruten'),
        ('beviljad', 'pågående'),
        ('beviljad', 'avbruten'),
        ('pågående', 'avslutad'),
        ('pågående', 'avbruten'),
        ('pågående', 'permanentad')
    ) as m (fran, till)
),

counted as (
    select
        _rad,
        insats_id,
        till_status,
        count(*) over (partition by insats_id, till_status) as n
    from raw_statushistorik
),

required as (
    select _rad as rad, 'insats_id' as kolumn, insats_id as varde from raw_statushistorik
    union all
    select _rad, 'datum', datum from raw_statushistorik
    union all
    select _rad, 'till_status', till_status from raw_statushistorik
    union all
    select _rad, 'kalla', kalla from raw_statushistorik
),

chain as (
    select
        insats_id,
        seed_rad,
        datum,
        fran_status,
        till_status,
        lag(till_status) over w as foregaende,
        row_number() over w as nr,
        count(*) over (partition by insats_id) as antal
    from statushistorik
    window w as (
        partition by insats_id
        order by
            datum,
            list_position(['föreslagen', 'beviljad', 'pågående', 'avslutad', 'avbruten', 'permanentad'], till_status)
    )
)

select
    'statushistorik.csv' as fil,
    _rad as rad,
    'insats_id+till_status' as kolumn,
    insats_id || ' ' || till_status as varde,
    'nyckeln förekommer ' || n || ' gånger, ska vara unik' as fel
from counted
where n > 1
union all
select 'statushistorik.csv', rad, kolumn, varde, 'obligatoriskt fält är tomt'
from required
where coalesce(trim(varde), '') = ''
union all
select 'statushistorik.csv', _rad, 'datum', datum, 'ska vara ett datum ÅÅÅÅ-MM-DD'
from raw_statushistorik
where coalesce(datum, '') <> '' and try_cast(datum as date) is null
union all
select 'statushistorik.csv', _rad, 'tid', tid, 'ska vara en tidpunkt ÅÅÅÅ-MM-DD TT:MM:SS'
from raw_statushistorik
where coalesce(tid, '') <> '' and try_cast(tid as timestamp) is null
union all
select
    'statushistorik.csv',
    _rad,
    'permanent_belopp_kr',
    permanent_belopp_kr,
    'ska vara ett belopp i hela kronor, 0 eller mer, utan mellanslag'
from raw_statushistorik
where coalesce(permanent_belopp_kr, '') <> '' and coalesce(try_cast(permanent_belopp_kr as bigint), -1) < 0
union all
select
    'statushistorik.csv',
    _rad,
    'till_status',
    till_status,
    'otillåtet värde; tillåtna: föreslagen, beviljad, pågående, avslutad, avbruten, permanentad'
from raw_statushistorik
where
    coalesce(till_status, '') <> ''
    and till_status not in ('föreslagen', 'beviljad', 'pågående', 'avslutad', 'avbruten', 'permanentad')
union all
select
    'statushistorik.csv',
    h._rad,
    'fran_status/till_status',
    coalesce(nullif(h.fran_status, ''), '(ny)') || ' → ' || h.till_status,
    'statusbytet är inte tillåtet'
from raw_statushistorik as h
left join moves on coalesce(h.fran_status, '') = moves.fran and h.till_status = moves.till
where coalesce(h.till_status, '') <> '' and moves.till is null
union all
select 'statushistorik.csv', h._rad, 'insats_id', h.insats_id, 'okänd kod, finns inte i insatser.csv'
from raw_statushistorik as h
left join raw_insatser as i on h.insats_id = i.insats_id
where coalesce(h.insats_id, '') <> '' and i.insats_id is null
union all
select
    'statushistorik.csv',
    h._rad,
    'mottagande_namnd_kod',
    h.mottagande_namnd_kod,
    'okänd kod, finns inte i namnder.csv'
from raw_statushistorik as h
left join raw_namnder as n on h.mottagande_namnd_kod = n.namnd_kod
where coalesce(h.mottagande_namnd_kod, '') <> '' and n.namnd_kod is null
union all
select 'statushistorik.csv', h._rad, 'kalla', h.kalla, 'okänd kod, finns inte i kallor.csv'
from raw_statushistorik as h
left join raw_kallor as k on h.kalla = k.kalla_id
where coalesce(h.kalla, '') <> '' and k.kalla_id is null
union all
select 'statushistorik.csv', seed_rad, 'anledning', anledning, 'en avbruten insats ska ha en anledning'
from statushistorik
where till_status = 'avbruten' and coalesce(trim(anledning), '') = ''
union all
select
    'statushistorik.csv',
    seed_rad,
    'mottagande_namnd_kod/permanent_belopp_kr',
    coalesce(mottagande_namnd_kod, cast(permanent_belopp_kr as varchar)),
    'en permanentad insats ska ha mottagande nämnd och belopp'
from statushistorik
where till_status = 'permanentad' and (mottagande_namnd_kod is null or permanent_belopp_kr is null)
union all
select 'statushistorik.csv', seed_rad, 'datum', cast(datum as varchar), 'datum ligger i framtiden'
from statushistorik
where datum > current_date
union all
select
    'statushistorik.csv',
    seed_rad,
    'fran_status',
    fran_status,
    'bryter kedjan: föregående status för ' || insats_id || ' är ' || coalesce(foregaende, '(ingen)')
from chain
where fran_status is distinct from foregaende
union all
select
    'statushistorik.csv',
    c.seed_rad,
    'till_status',
    c.till_status,
    'senaste status för ' || c.insats_id || ' ska vara insatsens status ' || i.status || ' (insatser.csv rad '
    || i.seed_rad || ')'
from chain as c
inner join insatser as i on c.insats_id = i.insats_id
where c.nr = c.antal and c.till_status <> i.status
order by rad
