-- How many rows one table has (a restore records it before and after).
-- Grain: one row. Parameters: $tabell (a name from databas_kolumner, possibly qualified).
select count(*) as n
from query_table($tabell)
