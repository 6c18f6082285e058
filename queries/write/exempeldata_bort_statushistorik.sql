-- Remove the status history of exempeldata insatser (it goes with the insatser).
-- Parameters: none. Returns one row per removed row.
delete from statushistorik
where
    insats_id in (
        select insats_id from insatser
        where kalla = 'exempeldata'
    )
returning insats_id
