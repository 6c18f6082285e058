-- Status moves of insatser (one from a form, many from an import), one per row in each list, all by
-- one user at one time.
-- Parameters: $insats_id_list, $datum_list, $fran_status_list, $till_status_list, $anledning_list,
-- $mottagande_namnd_kod_list, $permanent_belopp_kr_list, $kalla_list, $anvandare, $tid (UTC).
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
    unnest(cast($mottagande_namnd_kod_list as varchar[])) as mottagande_namnd_kod,
    unnest(cast($permanent_belopp_kr_list as bigint[])) as permanent_belopp_kr,
    $anvandare as anvandare,
    $tid as tid,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
