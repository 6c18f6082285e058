-- The indicators with their fokusområde, unit, direction and the years they have values for.
-- Grain: one row per indikator. Parameters: none.
with years as (
    select
        indikator_kod,
        list(distinct ar order by ar) as ar_lista
    from indikatorvarden
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
    i.kalla,
    years.ar_lista
from indikatorer as i
left join fokusomraden as f on i.fokus_kod = f.fokus_kod
left join years on i.indikator_kod = years.indikator_kod
order by f.ordning nulls first, i.ordning
