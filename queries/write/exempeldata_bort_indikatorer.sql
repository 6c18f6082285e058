-- Remove the exempeldata indikatorer (after their values).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from indikatorer
where kalla = 'exempeldata'
