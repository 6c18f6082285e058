-- Remove the exempeldata follow-ups.
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from uppfoljningar
where kalla = 'exempeldata'
