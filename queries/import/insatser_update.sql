-- Save imported changes to insatser that nobody saved since the preview read them at the version in
-- $version_list; bumps each version. Returns the ids saved (fewer than given means a conflict).
-- Parameters: as insatser_insert.sql (without $status_list), plus $version_list and $status_list.
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
returning i.insats_id
