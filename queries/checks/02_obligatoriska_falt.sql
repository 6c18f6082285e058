-- Required fields must not be empty.
-- Grain: one row per empty required field (fil, rad, kolumn, varde, fel).
with required as (
    select 'kallor.csv' as fil, _rad as rad, 'titel' as kolumn, titel as varde from raw_kallor
    union all
    select 'fokusomraden.csv', _rad, 'namn_sv', namn_sv from raw_fokusomraden
    union all
    select 'fokusomraden.csv', _rad, 'farg', farg from raw_fokusomraden
    union all
    select 'namnder.csv', _rad, 'namn', namn from raw_namnder
    union all
    select 'omraden.csv', _rad, 'namn', namn from raw_omraden
    union all
    select 'beslut.csv', _rad, 'organ', organ from raw_beslut
    union all
    select 'beslut.csv', _rad, 'ar', ar from raw_beslut
    union all
    select 'beslut.csv', _rad, 'rubrik', rubrik from raw_beslut
    union all
    select 'tilldelningar.csv', _rad, 'belopp_kr', belopp_kr from raw_tilldelningar
    union all
    select 'tilldelningar.csv', _rad, 'ar', ar from raw_tilldelningar
    union all
    select 'deklarerade_summor.csv', _rad, 'belopp_kr', belopp_kr from raw_deklarerade_summor
    union all
    select 'insatser.csv', _rad, 'namn', namn from raw_insatser
    union all
    select 'insatser.csv', _rad, 'namnd_kod', namnd_kod from raw_insatser
    union all
    select 'insatser.csv', _rad, 'belopp_kr', belopp_kr from raw_insatser
    union all
    select 'insatser.csv', _rad, 'startdatum', startdatum from raw_insatser
    union all
    select 'insatser.csv', _rad, 'status', status from raw_insatser
    union all
    select 'indikatorer.csv', _rad, 'namn_sv', namn_sv from raw_indikatorer
    union all
    select 'indikatorer.csv', _rad, 'enhet', enhet from raw_indikatorer
    union all
    select 'indikatorvarden.csv', _rad, 'varde', varde from raw_indikatorvarden
    union all
    select 'omradesteam.csv', _rad, 'startdatum', startdatum from raw_omradesteam
    union all
    select 'kraftsamling.csv', _rad, 'startdatum', startdatum from raw_kraftsamling
)

select
    fil,
    rad,
    kolumn,
    varde,
    'obligatoriskt fält är tomt' as fel
from required
where coalesce(trim(varde), '') = ''
order by fil, rad
