-- Remove the chosen target indicators of exempeldata insatser (they go with the insatser).
-- Parameters: none. Returns one row per removed row.
delete from insats_malindikatorer
where
    insats_id in (
        select insats_id from insatser
        where kalla = 'exempeldata'
    )
returning insats_id
