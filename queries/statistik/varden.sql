-- The stored values of one fetch, areas in the store's order, then regions, variables and periods.
-- Grain: one row per område or region, variabel and period. Parameters: $hamtning_id.
select
    v.niva,
    v.omrade_kod,
    o.namn as omrade_namn,
    v.region_kod,
    v.variabel,
    v.variabel_namn,
    v.period,
    v.ar,
    v.varde,
    v.enhet,
    v.komplett,
    v.berakning,
    v.anmarkning
from statistik_varden as v
left join omraden as o on v.omrade_kod = o.omrade_kod
where v.hamtning_id = $hamtning_id
order by
    case v.niva when 'delomrade' then 3 when 'statistikomrade' then 2 when 'stad' then 1 else 4 end,
    o.ordning,
    v.region_kod,
    v.variabel,
    v.period
