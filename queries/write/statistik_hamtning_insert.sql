-- Record one fetch: service, address, table or resource, reference year, time (UTC), row count, rule.
-- Parameters: $hamtning_id, $tjanst, $url, $forfragan, $tabell_id, $tabell_namn, $referensar, $hamtad,
-- $n_rader, $regel, $vikt_tabell_id, $vikt_url, $kalla_uppdaterad, $attribution, $anvandare.
insert into statistik_hamtningar (
    hamtning_id, tjanst, url, forfragan, tabell_id, tabell_namn, referensar, hamtad, n_rader, regel,
    vikt_tabell_id, vikt_url, kalla_uppdaterad, attribution, anvandare
)
values (
    $hamtning_id, $tjanst, $url, $forfragan, $tabell_id, $tabell_namn, $referensar, $hamtad, $n_rader, $regel,
    $vikt_tabell_id, $vikt_url, $kalla_uppdaterad, $attribution, $anvandare
)
