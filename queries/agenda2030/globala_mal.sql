-- FN:s 17 globala mål (Agenda 2030): number, Swedish and English name, source.
-- Grain: one row per goal, by number. Parameters: none.
select
    mal,
    namn_sv,
    namn_en,
    kalla
from globala_mal
order by mal
