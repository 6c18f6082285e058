-- Save edited insatser (a form saves one, an import many) that nobody saved since they were read at
-- the version in $version_list; bumps each version; an insats whose version moved on is not changed (the
-- caller reads the versions back, write/insatser_versioner: a conflict). Grain: no rows. Each list holds
-- one value per insats, in the same order.
-- Parameters: $insats_id_list, $version_list, $namn_list, $beskrivning_list, $namnd_kod_list,
-- $finansiering_kod_list, $tilldelning_id_list, $belopp_kr_list, $startdatum_list, $slutdatum_list,
-- $status_list, $typ_list, $malgrupp_list, $hela_staden_list, $kalla_list.
update insatser as i
set
    namn = u.namn,
    beskrivning = u.beskrivning,
    namnd_kod = u.namnd_kod,
    finansiering_kod = u.finansiering_kod,
    tilldelning_id = u.tilldelning_id,
    belopp_kr = u.belopp_kr,
    startdatum = u.startdatum,
    slutdatum = u.slutdatum,
    status = u.status,
    typ = u.typ,
    malgrupp = u.malgrupp,
    hela_staden = u.hela_staden,
    kalla = u.kalla,
    version = i.version + 1
from (
    select
        unnest(cast($insats_id_list as varchar[])) as insats_id,
        unnest(cast($version_list as integer[])) as expected_version,
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
        unnest(cast($kalla_list as varchar[])) as kalla
) as u
where i.insats_id = u.insats_id and i.version = u.expected_version
