-- The highest audit_id in an audit table (the store's or an attached snapshot's).
-- Grain: one row. Parameters: $tabell (a possibly qualified table name).
select coalesce(max(audit_id), 0) as audit_id
from query_table($tabell)
