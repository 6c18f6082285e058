-- Add imported indicator values, one per row in each list.
-- Parameters: $indikator_kod_list, $omrade_kod_list, $ar_list, $varde_list, $kalla_list.
insert into indikatorvarden (indikator_kod, omrade_kod, ar, varde, kalla, seed_rad)
select
    unnest(cast($indikator_kod_list as varchar[])) as indikator_kod,
    unnest(cast($omrade_kod_list as varchar[])) as omrade_kod,
    unnest(cast($ar_list as integer[])) as ar,
    unnest(cast($varde_list as double[])) as varde,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
