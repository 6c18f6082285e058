-- Partners of insatser (from a form or an import): a nämnd by code or an external organisation by
-- name, one per row. Parameters: $insats_id_list, $partner_typ_list, $namnd_kod_list, $partner_namn_list,
-- $kalla_list.
insert into insats_partner (insats_id, partner_typ, namnd_kod, partner_namn, kalla, seed_rad)
select
    unnest(cast($insats_id_list as varchar[])) as insats_id,
    unnest(cast($partner_typ_list as varchar[])) as partner_typ,
    unnest(cast($namnd_kod_list as varchar[])) as namnd_kod,
    unnest(cast($partner_namn_list as varchar[])) as partner_namn,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
