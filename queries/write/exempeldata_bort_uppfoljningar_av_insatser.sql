-- Remove the follow-ups of exempeldata insatser, whoever wrote them (they go with the insatser).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from uppfoljningar
where
    insats_id in (
        select insats_id from insatser
        where kalla = 'exempeldata'
    )
