-- Remove the follow-ups of exempeldata insatser, whoever wrote them (they go with the insatser).
-- Parameters: none. Returns one row per removed row.
delete from uppfoljningar
where
    insats_id in (
        select insats_id from insatser
        where kalla = 'exempeldata'
    )
returning uppfoljning_id
