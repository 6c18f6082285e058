-- The codes and names an import may refer to: nämnder, finansieringskällor, fokusområden, områden
-- (city, statistikområden and delområden with the area containing them), indikatorer (with unit),
-- beslut and tilldelningar (with the finansieringskälla of each).
-- Grain: one row per kind and code. Parameters: none.
select
    'namnd' as slag,
    namnd_kod as kod,
    namn,
    kortnamn,
    null as namn_en,
    null as niva,
    null as overordnad_kod,
    null as enhet,
    null as finansiering_kod
from namnder
union all
select
    'finansiering' as slag,
    finansiering_kod as kod,
    namn,
    kortnamn,
    namn_en,
    null as niva,
    null as overordnad_kod,
    null as enhet,
    null as finansiering_kod
from finansieringskallor
union all
select
    'fokus' as slag,
    fokus_kod as kod,
    namn_sv as namn,
    null as kortnamn,
    namn_en,
    null as niva,
    null as overordnad_kod,
    null as enhet,
    null as finansiering_kod
from fokusomraden
union all
select
    'omrade' as slag,
    omrade_kod as kod,
    namn,
    null as kortnamn,
    null as namn_en,
    niva,
    overordnad_kod,
    null as enhet,
    null as finansiering_kod
from omraden
union all
select
    'indikator' as slag,
    indikator_kod as kod,
    namn_sv as namn,
    null as kortnamn,
    namn_en,
    null as niva,
    null as overordnad_kod,
    enhet,
    null as finansiering_kod
from indikatorer
union all
select
    'beslut' as slag,
    beslut_id as kod,
    rubrik as namn,
    null as kortnamn,
    null as namn_en,
    null as niva,
    null as overordnad_kod,
    null as enhet,
    null as finansiering_kod
from beslut
union all
select
    'tilldelning' as slag,
    tilldelning_id as kod,
    mottagare_text as namn,
    null as kortnamn,
    null as namn_en,
    null as niva,
    null as overordnad_kod,
    null as enhet,
    finansiering_kod
from tilldelningar
union all
select
    'kalla' as slag,
    kalla_id as kod,
    titel as namn,
    null as kortnamn,
    null as namn_en,
    null as niva,
    null as overordnad_kod,
    null as enhet,
    null as finansiering_kod
from kallor
