-- Each indicator's newest value for one område, beside Malmö's value in the same year, each with its source.
-- Grain: one row per indikator with a value for the område. Parameters: $omrade (omrade_kod).
with latest as (
    select
        indikator_kod,
        max(ar) as ar
    from indikatorvarden
    where omrade_kod = $omrade
    group by indikator_kod
)

select
    i.indikator_kod,
    i.namn_sv,
    i.namn_en,
    i.enhet,
    i.fokus_kod,
    f.namn_sv as fokus_sv,
    f.namn_en as fokus_en,
    i.hogre_ar_battre,
    latest.ar,
    area.varde,
    city.varde as stadens_varde,
    area.kalla,
    city.kalla as stadens_kalla
from latest
inner join indikatorer as i on latest.indikator_kod = i.indikator_kod
left join fokusomraden as f on i.fokus_kod = f.fokus_kod
inner join indikatorvarden as area
    on latest.indikator_kod = area.indikator_kod and latest.ar = area.ar and area.omrade_kod = $omrade
left join indikatorvarden as city
    on latest.indikator_kod = city.indikator_kod and latest.ar = city.ar and city.omrade_kod = '0'
order by f.ordning nulls first, i.ordning
