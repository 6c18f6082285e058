-- Uppdrag and återrapporteringskrav: unique ids, required fields, dates and numbers readable, values
-- from their sets, and codes that exist (beslut, nämnd, finansieringskälla, källa).
-- Grain: one row per problem (fil, rad, kolumn, varde, fel).
with counted as (
    select
        'uppdrag.csv' as fil,
        _rad as rad,
        'uppdrag_id' as kolumn,
        uppdrag_id as varde,
        count(*) over (partition by uppdrag_id) as n
    from raw_uppdrag
    union all
    select
        'aterrapporteringskrav.csv',
        _rad,
        'krav_id',
        krav_id,
        count(*) over (partition by krav_id)
    from raw_aterrapporteringskrav
),

required as (
    select 'uppdrag.csv' as fil, _rad as rad, 'uppdrag_id' as kolumn, uppdrag_id as varde from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'rubrik', rubrik from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'givare_organ', givare_organ from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'givet_ar', givet_ar from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'mottagare', mottagare from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'citat', citat from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'kalla', kalla from raw_uppdrag
    union all
    select 'aterrapporteringskrav.csv', _rad, 'finansiering_kod', finansiering_kod from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'ar', ar from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'rapportor', rapportor from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'mottagare', mottagare from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'innehall', innehall from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'kalla', kalla from raw_aterrapporteringskrav
),

typed as (
    select 'uppdrag.csv' as fil, _rad as rad, 'givet_datum' as kolumn, givet_datum as varde, 'date' as typ
    from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'givet_ar', givet_ar, 'integer' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'givet_punkt', givet_punkt, 'integer' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'dokument_rad', dokument_rad, 'integer' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'senast', senast, 'date' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'aterrapport_datum', aterrapport_datum, 'date' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'aterrapport_punkt', aterrapport_punkt, 'integer' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'aterrapport_rad', aterrapport_rad, 'integer' from raw_uppdrag
    union all
    select 'aterrapporteringskrav.csv', _rad, 'ar', ar, 'integer' from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'dokument_rad', dokument_rad, 'integer' from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'senast', senast, 'date' from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'aterbetalning', aterbetalning, 'boolean'
    from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'aterbetalning_rad', aterbetalning_rad, 'integer'
    from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'inlamnad_datum', inlamnad_datum, 'date' from raw_aterrapporteringskrav
),

allowed as (
    select
        'uppdrag.csv' as fil,
        _rad as rad,
        'status' as kolumn,
        status as varde,
        'givet, pågår, återrapporterat, avslutat' as tillatna
    from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'givet_stadium', givet_stadium, 'förslag, beslut' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'aterrapport_stadium', aterrapport_stadium, 'förslag, beslut'
    from raw_uppdrag
    where coalesce(aterrapport_stadium, '') <> ''
    union all
    select 'aterrapporteringskrav.csv', _rad, 'status', status, 'ej påbörjad, pågår, inlämnad, godkänd'
    from raw_aterrapporteringskrav
),

refs as (
    select 'uppdrag.csv' as fil, _rad as rad, 'givet_beslut_id' as kolumn, givet_beslut_id as varde, 'beslut' as mal
    from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'mottagare_namnd_kod', mottagare_namnd_kod, 'namnd' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'kalla', kalla, 'kalla' from raw_uppdrag
    union all
    select 'uppdrag.csv', _rad, 'aterrapport_kalla', aterrapport_kalla, 'kalla' from raw_uppdrag
    union all
    select 'aterrapporteringskrav.csv', _rad, 'finansiering_kod', finansiering_kod, 'finansiering'
    from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'beslut_id', beslut_id, 'beslut' from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'rapportor_namnd_kod', rapportor_namnd_kod, 'namnd'
    from raw_aterrapporteringskrav
    union all
    select 'aterrapporteringskrav.csv', _rad, 'kalla', kalla, 'kalla' from raw_aterrapporteringskrav
),

known as (
    select 'beslut' as mal, beslut_id as kod, 'beslut.csv' as i_fil from raw_beslut
    union all
    select 'namnd', namnd_kod, 'namnder.csv' from raw_namnder
    union all
    select 'finansiering', finansiering_kod, 'finansieringskallor.csv' from raw_finansieringskallor
    union all
    select 'kalla', kalla_id, 'kallor.csv' from raw_kallor
),

files as (
    select
        'beslut' as mal,
        'beslut.csv' as i_fil
    union all
    select 'namnd', 'namnder.csv'
    union all
    select 'finansiering', 'finansieringskallor.csv'
    union all
    select 'kalla', 'kallor.csv'
)

select
    fil,
    rad,
    kolumn,
    varde,
    'nyckeln förekommer ' || n || ' gånger, ska vara unik' as fel
from counted
where n > 1
union all
select fil, rad, kolumn, varde, 'obligatoriskt fält är tomt'
from required
where coalesce(trim(varde), '') = ''
union all
select
    fil,
    rad,
    kolumn,
    varde,
    case typ
        when 'date' then 'ska vara ett datum ÅÅÅÅ-MM-DD'
        when 'integer' then 'ska vara ett heltal'
        else 'ska vara true eller false'
    end
from typed
where
    coalesce(trim(varde), '') <> ''
    and case typ
        when 'date' then try_cast(varde as date) is null
        when 'integer' then try_cast(varde as integer) is null
        else try_cast(varde as boolean) is null
    end
union all
select fil, rad, kolumn, varde, 'otillåtet värde; tillåtna: ' || tillatna
from allowed
where not list_contains(string_split(tillatna, ', '), coalesce(varde, ''))
union all
select r.fil, r.rad, r.kolumn, r.varde, 'okänd kod, finns inte i ' || f.i_fil
from refs as r
inner join files as f on r.mal = f.mal
left join known as k on r.mal = k.mal and r.varde = k.kod
where coalesce(r.varde, '') <> '' and k.kod is null
order by fil, rad
