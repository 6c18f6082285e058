-- Remove the exempeldata områdesteam periods.
-- Parameters: none. Returns one row per removed row.
delete from omradesteam
where kalla = 'exempeldata'
returning omrade_kod
