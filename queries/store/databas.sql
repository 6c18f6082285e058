-- The open store's database name, file (null path for an in-memory store; a DuckLake store's catalog) and
-- type ('duckdb' or 'ducklake').
-- Grain: one row. Parameters: none.
select
    database_name as namn,
    path,
    type as typ
from duckdb_databases()
where database_name = current_database()
