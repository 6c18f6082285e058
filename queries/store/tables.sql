-- Every table of the store, for reading each of them whole (a check for damaged blocks).
-- Grain: one row per table. Parameters: none.
select table_name as tabell
from duckdb_tables()
where schema_name = 'main' and database_name = current_database()
order by table_name
