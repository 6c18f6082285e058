-- Add one insats at version 1.
-- Parameters: $insats_id, $namn, $beskrivning, $namnd_kod, $finansiering_kod, $tilldelning_id,
-- $belopp_kr, $startdatum, $slutdatum, $status, $typ, $malgrupp, $hela_staden, $kalla.
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
values (
    $insats_id,
    $namn,
    $beskrivning,
    $namnd_kod,
    $finansiering_kod,
    $tilldelning_id,
    $belopp_kr,
    $startdatum,
    $slutdatum,
    $status,
    $typ,
    $malgrupp,
    $hela_staden,
    $kalla,
    1,
    null
)
