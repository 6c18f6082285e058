-- Register an imported file as a source (once: nothing happens when the name is already a source),
-- so that its rows name a document like the seeds' rows do.
-- Parameters: $kalla_id, $datum, $titel.
insert into kallor (kalla_id, typ, datum, organ, arende, titel, seed_rad)
select
    $kalla_id as kalla_id,
    'importfil' as typ,
    $datum as datum,
    null as organ,
    null as arende,
    $titel as titel,
    null as seed_rad
where not exists (
    select 1 from kallor
    where kalla_id = $kalla_id
)
