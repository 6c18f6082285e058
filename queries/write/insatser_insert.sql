-- Add one or more insatser at version 1 (a form adds one, an import many); each list holds one value
-- per insats, in the same order.
-- Parameters: $insats_id_list, $namn_list, $beskrivning_list, $namnd_kod_list, $finansiering_kod_list,
-- $tilldelning_id_list, $belopp_kr_list, $startdatum_list, $slutdatum_list, $status_list, $typ_list,
-- $malgrupp_list, $hela_staden_list, $kalla_list.
insert into insatser (
    insats_id,
    namn,
    beskrivning,
    namnd_kod,
    finansiering_kod,
    tilldelning_id,
    belopp_kr,
    startdatum,
    slutdatum,
    status,
    typ,
    malgrupp,
    hela_staden,
    kalla,
    version,
    seed_rad
)
select
    unnest(cast($insats_id_list as varchar[])) as insats_id,
    unnest(cast($namn_list as varchar[])) as namn,
    unnest(cast($beskrivning_list as varchar[])) as beskrivning,
    unnest(cast($namnd_kod_list as varchar[])) as namnd_kod,
    unnest(cast($finansiering_kod_list as varchar[])) as finansiering_kod,
    unnest(cast($tilldelning_id_list as varchar[])) as tilldelning_id,
    unnest(cast($belopp_kr_list as bigint[])) as belopp_kr,
    unnest(cast($startdatum_list as date[])) as startdatum,
    unnest(cast($slutdatum_list as date[])) as slutdatum,
    unnest(cast($status_list as varchar[])) as status,
    unnest(cast($typ_list as varchar[])) as typ,
    unnest(cast($malgrupp_list as varchar[])) as malgrupp,
    unnest(cast($hela_staden_list as boolean[])) as hela_staden,
    unnest(cast($kalla_list as varchar[])) as kalla,
    1 as version,
    null as seed_rad
