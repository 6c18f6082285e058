-- Remove the exempeldata tilldelningar (refused while insatser draw on them).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from tilldelningar
where kalla = 'exempeldata'
