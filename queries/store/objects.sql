-- Every view and table of the open store, views first: what replacing a DuckLake store's tables drops.
-- Grain: one row per view or table. Parameters: none.
select
    'view' as typ,
    view_name as namn
from duckdb_views()
where schema_name = 'main' and database_name = current_database() and not internal
union all
select
    'table' as typ,
    table_name as namn
from duckdb_tables()
where schema_name = 'main' and database_name = current_database()
order by typ desc, namn asc
