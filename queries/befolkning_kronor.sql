-- Kronor per child or young person in one område: per målgrupp (barn 0–5, barn 6–15, unga 16–24) and year
-- the område's own granted insatser (not city-wide, not föreslagen; an insats in several områden counts in
-- full in each), their kronor, the population of the matching age group that year (unga 16–24: the 16–19
-- group, the nearest there is) and kronor per person (null where the year has no population value).
-- The year is the insats's allocation year (tilldelningar.ar), else its start year (v_insatser.ar).
-- Grain: one row per målgrupp and year. Parameters: $omrade (omrade_kod).
with malgrupper as (
    select
        malgrupp,
        indikator_kod,
        ordning
    from (
        values
        ('barn 0–5', 'folkmangd_0_5', 1),
        ('barn 6–15', 'folkmangd_6_15', 2),
        ('unga 16–24', 'folkmangd_16_19', 3)
    ) as m (malgrupp, indikator_kod, ordning)
),

egna as (
    select
        m.malgrupp,
        m.indikator_kod,
        m.ordning,
        v.ar,
        v.insats_id,
        v.belopp_kr,
        v.kalla
    from v_insatser as v
    inner join insatser as i on v.insats_id = i.insats_id
    inner join malgrupper as m on i.malgrupp = m.malgrupp
    where
        not v.hela_staden
        and v.status <> 'föreslagen'
        and exists (
            select 1
            from insats_omraden as io
            where io.insats_id = v.insats_id and io.omrade_kod = $omrade
        )
),

per_ar as (
    select
        malgrupp,
        indikator_kod,
        ordning,
        ar,
        count(*) as insatser,
        count(*) filter (where kalla = 'exempeldata') as exempel,
        sum(belopp_kr) as kronor,
        string_agg(distinct kalla, ',' order by kalla) as kallor
    from egna
    group by malgrupp, indikator_kod, ordning, ar
)

select
    p.malgrupp,
    p.ar,
    p.insatser,
    p.exempel,
    p.kronor,
    p.kallor,
    p.indikator_kod,
    b.varde as befolkning,
    b.kalla as befolkning_kalla,
    p.kronor / nullif(b.varde, 0) as kronor_per_person
from per_ar as p
left join indikatorvarden as b
    on p.indikator_kod = b.indikator_kod and p.ar = b.ar and b.omrade_kod = $omrade
order by p.ordning, p.ar
