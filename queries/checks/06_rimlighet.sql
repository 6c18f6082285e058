-- Amounts are not negative, periods end after they start, each insats has one primary fokusområde,
-- a partner names either a nämnd or an organisation, a share lies between 0 and 100.
-- Grain: one row per finding (fil, rad, kolumn, varde, fel).
with primaries as (
    select
        i.insats_id,
        i.seed_rad,
        count(f.fokus_kod) filter (where f.primar) as n_primar
    from insatser as i
    left join insats_fokusomraden as f on i.insats_id = f.insats_id
    group by i.insats_id, i.seed_rad
)

select
    'tilldelningar.csv' as fil,
    seed_rad as rad,
    'belopp_kr' as kolumn,
    cast(belopp_kr as varchar) as varde,
    'belopp får inte vara negativt' as fel
from tilldelningar
where belopp_kr < 0
union all
select 'deklarerade_summor.csv', seed_rad, 'belopp_kr', cast(belopp_kr as varchar), 'belopp får inte vara negativt'
from deklarerade_summor
where belopp_kr < 0
union all
select 'insatser.csv', seed_rad, 'belopp_kr', cast(belopp_kr as varchar), 'belopp får inte vara negativt'
from insatser
where belopp_kr < 0
union all
select
    'insatser.csv',
    seed_rad,
    'slutdatum',
    cast(slutdatum as varchar),
    'slutdatum ligger före startdatum ' || cast(startdatum as varchar)
from insatser
where slutdatum < startdatum
union all
select
    'omradesteam.csv',
    seed_rad,
    'slutdatum',
    cast(slutdatum as varchar),
    'slutdatum ligger före startdatum ' || cast(startdatum as varchar)
from omradesteam
where slutdatum < startdatum
union all
select
    'kraftsamling.csv',
    seed_rad,
    'slutdatum',
    cast(slutdatum as varchar),
    'slutdatum ligger före startdatum ' || cast(startdatum as varchar)
from kraftsamling
where slutdatum < startdatum
union all
select
    'insats_fokusomraden.csv',
    null,
    'primar',
    insats_id,
    'insats ' || insats_id || ' (insatser.csv rad ' || seed_rad || ') har ' || n_primar
    || ' primära fokusområden, ska ha exakt ett'
from primaries
where n_primar <> 1
union all
select
    'insats_partner.csv',
    seed_rad,
    'namnd_kod/partner_namn',
    coalesce(namnd_kod, partner_namn),
    'en partner av typen namnd anger namnd_kod, en extern anger partner_namn'
from insats_partner
where
    (partner_typ = 'namnd' and namnd_kod is null)
    or (partner_typ = 'extern' and partner_namn is null)
union all
select
    'indikatorvarden.csv',
    v.seed_rad,
    'varde',
    cast(v.varde as varchar),
    'en andel i procent ska ligga mellan 0 och 100'
from indikatorvarden as v
inner join indikatorer as i on v.indikator_kod = i.indikator_kod
where i.enhet = 'procent' and (v.varde < 0 or v.varde > 100)
