-- The tables of an attached database and their columns in order, to compare a snapshot's structure
-- with the store's before restoring it.
-- Grain: one row per table and column. Parameters: $databas.
select
    c.table_name as tabell,
    c.column_name as kolumn,
    c.data_type as datatyp,
    c.column_index as ordning
from duckdb_columns() as c
inner join duckdb_tables() as t
    on c.database_name = t.database_name and c.schema_name = t.schema_name and c.table_name = t.table_name
where c.database_name = $databas and c.schema_name = 'main'
order by c.table_name, c.column_index
