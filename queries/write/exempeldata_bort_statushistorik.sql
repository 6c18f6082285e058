-- Remove the status history of exempeldata insatser (it goes with the insatser).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from statushistorik
where
    insats_id in (
        select insats_id from insatser
        where kalla = 'exempeldata'
    )
