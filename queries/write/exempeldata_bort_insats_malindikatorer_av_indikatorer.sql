-- Remove the choices of exempeldata indikatorer as target indicators (they go with the indikatorer;
-- the insatser then fall back on the indicators of their fokusområden).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from insats_malindikatorer
where
    indikator_kod in (
        select indikator_kod from indikatorer
        where kalla = 'exempeldata'
    )
