-- Remove the partners of exempeldata insatser (they go with the insatser).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from insats_partner
where
    insats_id in (
        select insats_id from insatser
        where kalla = 'exempeldata'
    )
