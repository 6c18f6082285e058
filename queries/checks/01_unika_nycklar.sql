-- Keys must be unique in every seed file.
-- Grain: one row per duplicated key row (fil, rad, kolumn, varde, fel).
with keyed as (
    select 'kallor.csv' as fil, _rad as rad, 'kalla_id' as kolumn, kalla_id as varde from raw_kallor
    union all
    select 'fokusomraden.csv', _rad, 'fokus_kod', fokus_kod from raw_fokusomraden
    union all
    select 'namnder.csv', _rad, 'namnd_kod', namnd_kod from raw_namnder
    union all
    select 'omraden.csv', _rad, 'omrade_kod', omrade_kod from raw_omraden
    union all
    select 'finansieringskallor.csv', _rad, 'finansiering_kod', finansiering_kod from raw_finansieringskallor
    union all
    select 'beslut.csv', _rad, 'beslut_id', beslut_id from raw_beslut
    union all
    select 'tilldelningar.csv', _rad, 'tilldelning_id', tilldelning_id from raw_tilldelningar
    union all
    select 'deklarerade_summor.csv', _rad, 'summa_id', summa_id from raw_deklarerade_summor
    union all
    select 'insatser.csv', _rad, 'insats_id', insats_id from raw_insatser
    union all
    select 'insats_fokusomraden.csv', _rad, 'insats_id+fokus_kod', insats_id || ' ' || fokus_kod
    from raw_insats_fokusomraden
    union all
    select 'insats_omraden.csv', _rad, 'insats_id+omrade_kod', insats_id || ' ' || omrade_kod
    from raw_insats_omraden
    union all
    select 'indikatorer.csv', _rad, 'indikator_kod', indikator_kod from raw_indikatorer
    union all
    select 'indikatorvarden.csv', _rad, 'indikator_kod+omrade_kod+ar', indikator_kod || ' ' || omrade_kod || ' ' || ar
    from raw_indikatorvarden
    union all
    select 'omradesteam.csv', _rad, 'omrade_kod+startdatum', omrade_kod || ' ' || startdatum from raw_omradesteam
    union all
    select 'kraftsamling.csv', _rad, 'omrade_kod+startdatum', omrade_kod || ' ' || startdatum from raw_kraftsamling
),

counted as (
    select
        fil,
        rad,
        kolumn,
        varde,
        count(*) over (partition by fil, varde) as n
    from keyed
)

select
    fil,
    rad,
    kolumn,
    varde,
    'nyckeln förekommer ' || n || ' gånger, ska vara unik' as fel
from counted
where n > 1
order by fil, rad
