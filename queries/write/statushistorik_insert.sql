-- Record one status move of an insats.
-- Parameters: $insats_id, $datum, $fran_status, $till_status, $anledning, $mottagande_namnd_kod,
-- $permanent_belopp_kr, $anvandare, $tid (UTC), $kalla.
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
values (
    $insats_id,
    $datum,
    $fran_status,
    $till_status,
    $anledning,
    $mottagande_namnd_kod,
    $permanent_belopp_kr,
    $anvandare,
    $tid,
    $kalla,
    null
)
