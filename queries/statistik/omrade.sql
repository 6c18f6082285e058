-- Official statistics fetched from Malmö stad's open data for one statistikområde beside Malmö as a whole:
-- each variable of the newest fetch of each table, in its newest year with a row for the area.
-- Grain: one row per table and variable. Parameters: $omrade.
with omradets as (
    select
        tjanst,
        tabell_id,
        variabel,
        max(ar) as ar
    from v_statistik_senaste
    where niva = 'statistikomrade' and omrade_kod = $omrade and berakning <> 'hämtad (vikt)'
    group by tjanst, tabell_id, variabel
)

select
    s.tjanst,
    s.tabell_id,
    s.tabell_namn,
    s.variabel,
    coalesce(s.variabel_namn, s.variabel) as variabel_namn,
    s.ar,
    s.varde,
    s.enhet,
    s.komplett,
    s.anmarkning,
    stad.varde as stadens_varde,
    stad.komplett as stadens_komplett,
    s.hamtad,
    s.url,
    s.attribution
from v_statistik_senaste as s
inner join omradets as o
    on
        s.tjanst = o.tjanst
        and s.tabell_id = o.tabell_id
        and s.variabel = o.variabel
        and s.ar = o.ar
left join v_statistik_senaste as stad
    on
        s.tjanst = stad.tjanst
        and s.tabell_id = stad.tabell_id
        and s.variabel = stad.variabel
        and s.period = stad.period
        and stad.niva = 'stad'
where s.niva = 'statistikomrade' and s.omrade_kod = $omrade and s.berakning <> 'hämtad (vikt)'
order by s.tabell_namn, s.tabell_id, variabel_namn
