-- Remove the exempeldata follow-ups.
-- Parameters: none. Returns one row per removed row.
delete from uppfoljningar
where kalla = 'exempeldata'
returning uppfoljning_id
