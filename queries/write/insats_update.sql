-- Save an edited insats if nobody saved it since the editor loaded $expected_version; bumps the
-- version. Returns the new version, or no row when the stored version has moved on (a conflict).
-- Parameters: $insats_id, $expected_version, $namn, $beskrivning, $namnd_kod, $finansiering_kod,
-- $tilldelning_id, $belopp_kr, $startdatum, $slutdatum, $typ, $malgrupp, $hela_staden, $kalla.
update insatser
set
    namn = $namn,
    beskrivning = $beskrivning,
    namnd_kod = $namnd_kod,
    finansiering_kod = $finansiering_kod,
    tilldelning_id = $tilldelning_id,
    belopp_kr = $belopp_kr,
    startdatum = $startdatum,
    slutdatum = $slutdatum,
    typ = $typ,
    malgrupp = $malgrupp,
    hela_staden = $hela_staden,
    kalla = $kalla,
    version = version + 1
where insats_id = $insats_id and version = $expected_version
returning version
