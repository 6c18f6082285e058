-- Remove the values of exempeldata indikatorer (all exempeldata, else the removal is refused).
-- Parameters: none. Returns one row per removed row.
delete from indikatorvarden
where
    indikator_kod in (
        select indikator_kod from indikatorer
        where kalla = 'exempeldata'
    )
returning indikator_kod
