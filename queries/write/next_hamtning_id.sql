-- The id of the next fetch: one more than the highest (the command writes one fetch at a time).
-- Grain: one row. Parameters: none.
select coalesce(max(hamtning_id), 0) + 1 as hamtning_id
from statistik_hamtningar
