-- Remove the exempeldata insatser (after their fokusområden, områden, partners, history, follow-ups).
-- Parameters: none. The caller counts the rows before and after (DuckLake has no RETURNING).
delete from insatser
where kalla = 'exempeldata'
