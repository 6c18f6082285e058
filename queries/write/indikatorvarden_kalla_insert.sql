-- Register an official statistics resource as a source of indicator values (once: nothing happens
-- when it is already a source; `indikatorvarden_kalla_update` keeps its title and date current).
-- Parameters: $kalla_id, $typ, $datum, $organ, $titel.
insert into kallor (kalla_id, typ, datum, organ, arende, titel, seed_rad)
select
    $kalla_id as kalla_id,
    $typ as typ,
    $datum as datum,
    $organ as organ,
    null as arende,
    $titel as titel,
    null as seed_rad
where not exists (
    select 1 from kallor
    where kalla_id = $kalla_id
)
