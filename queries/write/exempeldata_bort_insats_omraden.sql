-- Remove the områden of exempeldata insatser (they go with the insatser).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from insats_omraden
where
    insats_id in (
        select insats_id from insatser
        where kalla = 'exempeldata'
    )
