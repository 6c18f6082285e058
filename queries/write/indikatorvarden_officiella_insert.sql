-- Add official values for områden and years the store has no value for, one per row in each list
-- (a row that exists is left to the update).
-- Parameters: $indikator_kod_list, $omrade_kod_list, $ar_list, $varde_list, $kalla_list.
insert into indikatorvarden (indikator_kod, omrade_kod, ar, varde, kalla, seed_rad)
select
    u.indikator_kod,
    u.omrade_kod,
    u.ar,
    u.varde,
    u.kalla,
    null as seed_rad
from (
    select
        unnest(cast($indikator_kod_list as varchar[])) as indikator_kod,
        unnest(cast($omrade_kod_list as varchar[])) as omrade_kod,
        unnest(cast($ar_list as integer[])) as ar,
        unnest(cast($varde_list as double[])) as varde,
        unnest(cast($kalla_list as varchar[])) as kalla
) as u
where not exists (
    select 1 from indikatorvarden as v
    where v.indikator_kod = u.indikator_kod and v.omrade_kod = u.omrade_kod and v.ar = u.ar
)
