-- Remove the exempeldata tilldelningar (refused while insatser draw on them).
-- Parameters: none. Returns one row per removed row.
delete from tilldelningar
where kalla = 'exempeldata'
returning tilldelning_id
