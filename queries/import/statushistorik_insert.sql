-- Status moves recorded by an import, one per row in each list, all by one user at one time.
-- Parameters: $insats_id_list, $datum_list, $fran_status_list, $till_status_list, $anledning_list,
-- $kalla_list, $anvandare, $tid (UTC).
insert into statushistorik (
    insats_id,
    datum,
    fran_status,
    till_status,
    anledning,
    mottagande_namnd_kod,
    permanent_belopp_kr,
    anvandare,
    tid,
    kalla,
    seed_rad
)
select
    unnest(cast($insats_id_list as varchar[])) as insats_id,
    unnest(cast($datum_list as date[])) as datum,
    unnest(cast($fran_status_list as varchar[])) as fran_status,
    unnest(cast($till_status_list as varchar[])) as till_status,
    unnest(cast($anledning_list as varchar[])) as anledning,
    null as mottagande_namnd_kod,
    null as permanent_belopp_kr,
    $anvandare as anvandare,
    $tid as tid,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
