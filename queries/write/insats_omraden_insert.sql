-- Områden of insatser (from a form or an import): one value per row in each list.
-- Parameters: $insats_id_list, $omrade_kod_list, $kalla_list.
insert into insats_omraden (insats_id, omrade_kod, kalla, seed_rad)
select
    unnest(cast($insats_id_list as varchar[])) as insats_id,
    unnest(cast($omrade_kod_list as varchar[])) as omrade_kod,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
