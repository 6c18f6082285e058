-- Every fetch of official statistics, newest first, with where it came from and how it was aggregated.
-- Grain: one row per hämtning. Parameters: none.
select
    hamtning_id,
    tjanst,
    tabell_id,
    tabell_namn,
    referensar,
    hamtad,
    n_rader,
    url,
    forfragan,
    regel,
    vikt_tabell_id,
    vikt_url,
    kalla_uppdaterad,
    attribution,
    anvandare
from statistik_hamtningar
order by hamtning_id desc
