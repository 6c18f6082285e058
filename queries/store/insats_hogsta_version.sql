-- The highest version any insats has now (a restore moves every restored insats above it).
-- Grain: one row. Parameters: none.
select coalesce(max(version), 0) as version
from insatser
