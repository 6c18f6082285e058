-- An insats' primary fokusområde and its secondary ones.
-- Parameters: $insats_id, $fokus_kod, $sekundara_fokus (list), $kalla.
insert into insats_fokusomraden (insats_id, fokus_kod, primar, kalla, seed_rad)
select
    $insats_id as insats_id,
    $fokus_kod as fokus_kod,
    true as primar,
    $kalla as kalla,
    null as seed_rad
union all
select
    $insats_id as insats_id,
    unnest(cast($sekundara_fokus as varchar[])) as fokus_kod,
    false as primar,
    $kalla as kalla,
    null as seed_rad
