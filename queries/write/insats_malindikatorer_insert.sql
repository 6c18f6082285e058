-- Target indicators an editor chose for an insats: one value per row in each list; `kalla` is the
-- user who chose them. Parameters: $insats_id_list, $indikator_kod_list, $kalla_list.
insert into insats_malindikatorer (insats_id, indikator_kod, kalla, seed_rad)
select
    unnest(cast($insats_id_list as varchar[])) as insats_id,
    unnest(cast($indikator_kod_list as varchar[])) as indikator_kod,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
