-- Every row of one table of the store, for the full export and for comparing stores.
-- Grain: one row per row of $tabell. Parameters: $tabell (a name from databas_kolumner).
select *
from query_table($tabell)
