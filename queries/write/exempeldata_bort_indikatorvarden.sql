-- Remove the exempeldata indicator values.
-- Parameters: none. Returns one row per removed row.
delete from indikatorvarden
where kalla = 'exempeldata'
returning indikator_kod
