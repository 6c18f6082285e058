-- The journal generation of the store and the number of its last journal entry.
-- Grain: one row. Parameters: none.
select
    generation,
    n
from journal_position
