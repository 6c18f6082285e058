-- The newest fetch of each table: its values with the fetch's source, so that a page shows one
-- figure per område, variabel and period and can say where and when it came from.
-- Grain: one row per område or region, variabel and period of the newest hämtning per tjanst and tabell_id.
create or replace view v_statistik_senaste as
with senaste as (
    select
        tjanst,
        tabell_id,
        max(hamtning_id) as hamtning_id
    from statistik_hamtningar
    group by tjanst, tabell_id
)

select
    v.hamtning_id,
    h.tjanst,
    h.tabell_id,
    h.tabell_namn,
    h.url,
    h.hamtad,
    h.referensar,
    h.attribution,
    v.niva,
    v.omrade_kod,
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
inner join senaste as s on v.hamtning_id = s.hamtning_id
inner join statistik_hamtningar as h on v.hamtning_id = h.hamtning_id
