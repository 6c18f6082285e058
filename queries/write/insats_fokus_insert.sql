-- Fokusområden of insatser (from a form or an import): one value per row in each list, the primary
-- one flagged. Parameters: $insats_id_list, $fokus_kod_list, $primar_list, $kalla_list.
insert into insats_fokusomraden (insats_id, fokus_kod, primar, kalla, seed_rad)
select
    unnest(cast($insats_id_list as varchar[])) as insats_id,
    unnest(cast($fokus_kod_list as varchar[])) as fokus_kod,
    unnest(cast($primar_list as boolean[])) as primar,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
