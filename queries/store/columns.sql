-- Every column of every table and view of the store, to tell whether a store has what this version of
-- the code reads. Grain: one row per table or view and column. Parameters: none.
select
    table_name as tabell,
    column_name as kolumn
from information_schema.columns
where table_schema = 'main' and table_catalog = current_database()
order by table_name, column_name
