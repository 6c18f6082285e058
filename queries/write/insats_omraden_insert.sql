-- The områden an insats runs in.
-- Parameters: $insats_id, $omraden (list of omrade_kod), $kalla.
insert into insats_omraden (insats_id, omrade_kod, kalla, seed_rad)
select
    $insats_id as insats_id,
    unnest(cast($omraden as varchar[])) as omrade_kod,
    $kalla as kalla,
    null as seed_rad
