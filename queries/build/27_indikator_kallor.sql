-- The declared mapping of the area indicators to official sources (issue 16): per indicator and role
-- (`omrade` = where the area values come from, `jamforelse` = a municipality-level comparison) the
-- service (ckan, kolada, scb, enkat, saknas), the resource by name, KPI id or table id, the value
-- column, how delområden are aggregated (summa, befolkningsviktad with the population resource
-- `vikt_resurs`), the source's unit and the factor to the store's unit (null = 1), the expected
-- years, how sure the identifier is, the survey that would hold a survey-based indicator, and where
-- the mapping is documented (the seed's `kalla`, a web address, is `kalla_url` here: a `kalla` column in
-- the store names a row of `kallor`, and exports and the exempeldata share count those).
-- Grain: one row per indikator, roll and tjänst.
create table indikator_kallor as
select
    indikator_kod,
    roll,
    tjanst,
    nullif(resurs, '') as resurs,
    nullif(variabel, '') as variabel,
    nullif(aggregering, '') as aggregering,
    nullif(vikt_resurs, '') as vikt_resurs,
    nullif(enhet, '') as enhet,
    try_cast(nullif(faktor, '') as double) as faktor,
    try_cast(nullif(ar_fran, '') as integer) as ar_fran,
    try_cast(nullif(ar_till, '') as integer) as ar_till,
    sakerhet,
    nullif(enkat, '') as enkat,
    nullif(anmarkning, '') as anmarkning,
    nullif(kalla, '') as kalla_url,
    _rad as seed_rad
from raw_indikator_kallor
