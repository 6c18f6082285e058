-- The DuckLake store's current snapshot: its id grows with every commit, by any process.
-- Grain: one row. Parameters: none. Runs only on a DuckLake store.
select id
from current_snapshot()
