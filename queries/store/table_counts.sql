-- Row count per table in the store.
-- Grain: one row per table. Parameters: none.
select
    table_name,
    estimated_size as n_rader
from duckdb_tables()
where schema_name = 'main'
order by table_name
