-- Remove the exempeldata kraftsamling periods.
-- Parameters: none. Returns one row per removed row.
delete from kraftsamling
where kalla = 'exempeldata'
returning omrade_kod
