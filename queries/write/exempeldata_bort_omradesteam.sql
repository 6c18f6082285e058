-- Remove the exempeldata områdesteam periods.
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from omradesteam
where kalla = 'exempeldata'
