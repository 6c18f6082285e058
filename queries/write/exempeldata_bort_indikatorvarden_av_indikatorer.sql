-- Remove the values of exempeldata indikatorer (all exempeldata, else the removal is refused).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from indikatorvarden
where
    indikator_kod in (
        select indikator_kod from indikatorer
        where kalla = 'exempeldata'
    )
