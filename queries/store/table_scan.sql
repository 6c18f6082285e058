-- Read every value of one table (DuckDB verifies each block's checksum as it reads it).
-- Grain: one row. Parameters: $tabell (a table name from store/tables).
select
    count(*) as n,
    sum(hash(columns(*))) as kontroll
from query_table($tabell)
