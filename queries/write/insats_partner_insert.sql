-- An insats' partners: other nämnder by code, external organisations by name.
-- Parameters: $insats_id, $partner_namnder (list of namnd_kod), $partner_externa (list of names), $kalla.
insert into insats_partner (insats_id, partner_typ, namnd_kod, partner_namn, kalla, seed_rad)
select
    $insats_id as insats_id,
    'namnd' as partner_typ,
    unnest(cast($partner_namnder as varchar[])) as namnd_kod,
    null as partner_namn,
    $kalla as kalla,
    null as seed_rad
union all
select
    $insats_id as insats_id,
    'extern' as partner_typ,
    null as namnd_kod,
    unnest(cast($partner_externa as varchar[])) as partner_namn,
    $kalla as kalla,
    null as seed_rad
