-- Codes must refer to rows that exist (nämnd, område, fokusområde, källa, beslut, tilldelning, insats).
-- Grain: one row per dangling reference (fil, rad, kolumn, varde, fel).
with refs as (
    select 'namnder.csv' as fil, _rad as rad, 'overordnad_kod' as kolumn, overordnad_kod as varde, 'namnd' as mal
    from raw_namnder
    union all
    select 'omraden.csv', _rad, 'overordnad_kod', overordnad_kod, 'omrade' from raw_omraden
    union all
    select 'tilldelningar.csv', _rad, 'beslut_id', beslut_id, 'beslut' from raw_tilldelningar
    union all
    select 'tilldelningar.csv', _rad, 'namnd_kod', namnd_kod, 'namnd' from raw_tilldelningar
    union all
    select 'tilldelningar.csv', _rad, 'finansiering_kod', finansiering_kod, 'finansiering' from raw_tilldelningar
    union all
    select 'deklarerade_summor.csv', _rad, 'beslut_id', beslut_id, 'beslut' from raw_deklarerade_summor
    union all
    select 'deklarerade_summor.csv', _rad, 'finansiering_kod', finansiering_kod, 'finansiering'
    from raw_deklarerade_summor
    union all
    select 'insatser.csv', _rad, 'namnd_kod', namnd_kod, 'namnd' from raw_insatser
    union all
    select 'insatser.csv', _rad, 'finansiering_kod', finansiering_kod, 'finansiering' from raw_insatser
    union all
    select 'insatser.csv', _rad, 'tilldelning_id', tilldelning_id, 'tilldelning' from raw_insatser
    union all
    select 'insats_fokusomraden.csv', _rad, 'insats_id', insats_id, 'insats' from raw_insats_fokusomraden
    union all
    select 'insats_fokusomraden.csv', _rad, 'fokus_kod', fokus_kod, 'fokus' from raw_insats_fokusomraden
    union all
    select 'insats_omraden.csv', _rad, 'insats_id', insats_id, 'insats' from raw_insats_omraden
    union all
    select 'insats_omraden.csv', _rad, 'omrade_kod', omrade_kod, 'omrade' from raw_insats_omraden
    union all
    select 'insats_partner.csv', _rad, 'insats_id', insats_id, 'insats' from raw_insats_partner
    union all
    select 'insats_partner.csv', _rad, 'namnd_kod', namnd_kod, 'namnd' from raw_insats_partner
    union all
    select 'indikatorer.csv', _rad, 'fokus_kod', fokus_kod, 'fokus' from raw_indikatorer
    union all
    select 'indikatorvarden.csv', _rad, 'indikator_kod', indikator_kod, 'indikator' from raw_indikatorvarden
    union all
    select 'indikatorvarden.csv', _rad, 'omrade_kod', omrade_kod, 'omrade' from raw_indikatorvarden
    union all
    select 'omradesteam.csv', _rad, 'omrade_kod', omrade_kod, 'omrade' from raw_omradesteam
    union all
    select 'kraftsamling.csv', _rad, 'omrade_kod', omrade_kod, 'omrade' from raw_kraftsamling
    union all
    select 'beslut.csv', _rad, 'kalla', kalla, 'kalla' from raw_beslut
    union all
    select 'tilldelningar.csv', _rad, 'kalla', kalla, 'kalla' from raw_tilldelningar
    union all
    select 'deklarerade_summor.csv', _rad, 'kalla', kalla, 'kalla' from raw_deklarerade_summor
    union all
    select 'fokusomraden.csv', _rad, 'kalla', kalla, 'kalla' from raw_fokusomraden
    union all
    select 'namnder.csv', _rad, 'kalla', kalla, 'kalla' from raw_namnder
    union all
    select 'omraden.csv', _rad, 'kalla', kalla, 'kalla' from raw_omraden
    union all
    select 'finansieringskallor.csv', _rad, 'kalla', kalla, 'kalla' from raw_finansieringskallor
    union all
    select 'insatser.csv', _rad, 'kalla', kalla, 'kalla' from raw_insatser
    union all
    select 'insats_fokusomraden.csv', _rad, 'kalla', kalla, 'kalla' from raw_insats_fokusomraden
    union all
    select 'insats_omraden.csv', _rad, 'kalla', kalla, 'kalla' from raw_insats_omraden
    union all
    select 'insats_partner.csv', _rad, 'kalla', kalla, 'kalla' from raw_insats_partner
    union all
    select 'indikatorer.csv', _rad, 'kalla', kalla, 'kalla' from raw_indikatorer
    union all
    select 'indikatorvarden.csv', _rad, 'kalla', kalla, 'kalla' from raw_indikatorvarden
    union all
    select 'omradesteam.csv', _rad, 'kalla', kalla, 'kalla' from raw_omradesteam
    union all
    select 'kraftsamling.csv', _rad, 'kalla', kalla, 'kalla' from raw_kraftsamling
),

targets as (
    select 'namnd' as mal, namnd_kod as kod, 'namnder.csv' as malfil from raw_namnder
    union all
    select 'omrade', omrade_kod, 'omraden.csv' from raw_omraden
    union all
    select 'beslut', beslut_id, 'beslut.csv' from raw_beslut
    union all
    select 'finansiering', finansiering_kod, 'finansieringskallor.csv' from raw_finansieringskallor
    union all
    select 'tilldelning', tilldelning_id, 'tilldelningar.csv' from raw_tilldelningar
    union all
    select 'insats', insats_id, 'insatser.csv' from raw_insatser
    union all
    select 'fokus', fokus_kod, 'fokusomraden.csv' from raw_fokusomraden
    union all
    select 'indikator', indikator_kod, 'indikatorer.csv' from raw_indikatorer
    union all
    select 'kalla', kalla_id, 'kallor.csv' from raw_kallor
),

target_files as (
    select distinct
        mal,
        malfil
    from targets
)

select
    refs.fil,
    refs.rad,
    refs.kolumn,
    refs.varde,
    'okänd kod, finns inte i ' || target_files.malfil as fel
from refs
inner join target_files on refs.mal = target_files.mal
left join targets on refs.mal = targets.mal and refs.varde = targets.kod
where coalesce(refs.varde, '') <> '' and targets.kod is null
order by refs.fil, refs.rad
