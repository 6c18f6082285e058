-- One område's population by age group (0–5, 6–15, 16–19, 20–64, 65+) in its newest year with age groups,
-- beside Malmö's (omrade_kod '0') in the same year: counts, each group's share of the five together, sources.
-- Grain: one row per age-group indicator with a value for the område. Parameters: $omrade (omrade_kod).
with grupper as (
    select
        indikator_kod,
        namn_sv,
        namn_en,
        ordning
    from indikatorer
    where
        indikator_kod in (
            'folkmangd_0_5', 'folkmangd_6_15', 'folkmangd_16_19', 'folkmangd_20_64', 'folkmangd_65'
        )
),

senaste as (
    select max(v.ar) as ar
    from indikatorvarden as v
    inner join grupper as g on v.indikator_kod = g.indikator_kod
    where v.omrade_kod = $omrade
)

select
    g.indikator_kod,
    g.namn_sv,
    g.namn_en,
    senaste.ar,
    area.varde,
    area.varde / sum(area.varde) over () as andel,
    area.kalla,
    city.varde as stadens_varde,
    city.varde / sum(city.varde) over () as stadens_andel,
    city.kalla as stadens_kalla
from grupper as g
cross join senaste
inner join indikatorvarden as area
    on g.indikator_kod = area.indikator_kod and senaste.ar = area.ar and area.omrade_kod = $omrade
left join indikatorvarden as city
    on g.indikator_kod = city.indikator_kod and senaste.ar = city.ar and city.omrade_kod = '0'
order by g.ordning
