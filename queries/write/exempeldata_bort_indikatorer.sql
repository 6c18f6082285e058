-- Remove the exempeldata indikatorer (after their values).
-- Parameters: none. Returns one row per removed row.
delete from indikatorer
where kalla = 'exempeldata'
returning indikator_kod
