-- The open store's database name and file (null path for an in-memory store).
-- Grain: one row. Parameters: none.
select
    database_name as namn,
    path
from duckdb_databases()
where database_name = current_database()
