-- Remove the exempeldata kraftsamling periods.
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from kraftsamling
where kalla = 'exempeldata'
