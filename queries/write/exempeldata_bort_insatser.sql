-- Remove the exempeldata insatser (after their fokusområden, områden, partners, history, follow-ups).
-- Parameters: none. Returns one row per removed row.
delete from insatser
where kalla = 'exempeldata'
returning insats_id
