-- Numbers, dates and yes/no fields must be readable as such.
-- Grain: one row per unreadable value (fil, rad, kolumn, varde, fel).
with typed as (
    select 'kallor.csv' as fil, _rad as rad, 'datum' as kolumn, datum as varde, 'date' as typ from raw_kallor
    union all
    select 'fokusomraden.csv', _rad, 'ordning', ordning, 'integer' from raw_fokusomraden
    union all
    select 'namnder.csv', _rad, 'ordning', ordning, 'integer' from raw_namnder
    union all
    select 'omraden.csv', _rad, 'ordning', ordning, 'integer' from raw_omraden
    union all
    select 'finansieringskallor.csv', _rad, 'engangs', engangs, 'boolean' from raw_finansieringskallor
    union all
    select 'finansieringskallor.csv', _rad, 'aterrapportering', aterrapportering, 'boolean'
    from raw_finansieringskallor
    union all
    select 'beslut.csv', _rad, 'datum', datum, 'date' from raw_beslut
    union all
    select 'beslut.csv', _rad, 'ar', ar, 'integer' from raw_beslut
    union all
    select 'beslut.csv', _rad, 'planerat_datum', planerat_datum, 'date' from raw_beslut
    union all
    select 'beslut.csv', _rad, 'dokument_rad', dokument_rad, 'integer' from raw_beslut
    union all
    select 'tilldelningar.csv', _rad, 'ar', ar, 'integer' from raw_tilldelningar
    union all
    select 'tilldelningar.csv', _rad, 'belopp_kr', belopp_kr, 'kronor' from raw_tilldelningar
    union all
    select 'tilldelningar.csv', _rad, 'dokument_rad', dokument_rad, 'integer' from raw_tilldelningar
    union all
    select 'deklarerade_summor.csv', _rad, 'ar', ar, 'integer' from raw_deklarerade_summor
    union all
    select 'deklarerade_summor.csv', _rad, 'belopp_kr', belopp_kr, 'kronor' from raw_deklarerade_summor
    union all
    select 'insatser.csv', _rad, 'belopp_kr', belopp_kr, 'kronor' from raw_insatser
    union all
    select 'insatser.csv', _rad, 'startdatum', startdatum, 'date' from raw_insatser
    union all
    select 'insatser.csv', _rad, 'slutdatum', slutdatum, 'date' from raw_insatser
    union all
    select 'insatser.csv', _rad, 'hela_staden', hela_staden, 'boolean' from raw_insatser
    union all
    select 'insats_fokusomraden.csv', _rad, 'primar', primar, 'boolean' from raw_insats_fokusomraden
    union all
    select 'indikatorer.csv', _rad, 'hogre_ar_battre', hogre_ar_battre, 'boolean' from raw_indikatorer
    union all
    select 'indikatorer.csv', _rad, 'ordning', ordning, 'integer' from raw_indikatorer
    union all
    select 'indikatorvarden.csv', _rad, 'ar', ar, 'integer' from raw_indikatorvarden
    union all
    select 'indikatorvarden.csv', _rad, 'varde', varde, 'double' from raw_indikatorvarden
    union all
    select 'omradesteam.csv', _rad, 'startdatum', startdatum, 'date' from raw_omradesteam
    union all
    select 'omradesteam.csv', _rad, 'slutdatum', slutdatum, 'date' from raw_omradesteam
    union all
    select 'kraftsamling.csv', _rad, 'startdatum', startdatum, 'date' from raw_kraftsamling
    union all
    select 'kraftsamling.csv', _rad, 'slutdatum', slutdatum, 'date' from raw_kraftsamling
)

select
    fil,
    rad,
    kolumn,
    varde,
    case typ
        when 'date' then 'ska vara ett datum ÅÅÅÅ-MM-DD'
        when 'integer' then 'ska vara ett heltal'
        when 'kronor' then 'ska vara ett belopp i hela kronor utan mellanslag, t.ex. 1300000'
        when 'boolean' then 'ska vara true eller false'
        else 'ska vara ett tal med punkt som decimaltecken'
    end as fel
from typed
where
    coalesce(trim(varde), '') <> ''
    and case typ
        when 'date' then try_cast(varde as date) is null
        when 'integer' then try_cast(varde as integer) is null
        when 'kronor' then try_cast(varde as bigint) is null
        when 'boolean' then try_cast(varde as boolean) is null
        else try_cast(varde as double) is null
    end
order by fil, rad
