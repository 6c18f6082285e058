-- Remove the exempeldata indicator values.
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from indikatorvarden
where kalla = 'exempeldata'
