-- The values of each fetch: as fetched (per delområde, kommun or other region) and as aggregated to
-- the 14 statistikområden and the whole city (område 0).
-- Grain: one row per hämtning, område or region, variabel and period. `omrade_kod` is one of the
-- store's områden (niva delomrade, statistikomrade, stad); `region_kod` an SCB/Kolada region code
-- (kommun 1280, län, riket, DeSO/RegSO). `komplett` is false when a value is missing or an aggregate
-- lacks delområden: such an aggregate has no value (null) and `anmarkning` names what is missing.
create table if not exists statistik_varden (
    hamtning_id bigint not null,
    niva varchar not null,
    omrade_kod varchar,
    region_kod varchar,
    variabel varchar not null,
    variabel_namn varchar,
    period varchar not null,
    ar integer not null,
    varde double,
    enhet varchar,
    komplett boolean not null,
    berakning varchar not null,
    anmarkning varchar
)
