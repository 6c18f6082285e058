-- The beslut an uppdrag may name as the decision (or proposal) that gave it, for validation.
-- Grain: one row per beslut. Parameters: none.
select beslut_id
from beslut
order by beslut_id
