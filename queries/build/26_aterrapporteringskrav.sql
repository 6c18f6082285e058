-- Återrapporteringskrav: what must be reported back for a funding source's money of a year, by whom,
-- to whom, with what content, by when, whether the money may have to be repaid, and the state of
-- the report. Grain: one row per krav. `senast` is null until an editor sets it where the source gives
-- no date; `inlamnad_datum` is the day the report was submitted; `version` counts saved edits.
create table aterrapporteringskrav as
select
    krav_id,
    finansiering_kod,
    nullif(beslut_id, '') as beslut_id,
    try_cast(ar as integer) as ar,
    rapportor,
    nullif(rapportor_namnd_kod, '') as rapportor_namnd_kod,
    mottagare,
    innehall,
    citat,
    kalla,
    try_cast(nullif(dokument_rad, '') as integer) as dokument_rad,
    try_cast(nullif(senast, '') as date) as senast,
    try_cast(aterbetalning as boolean) as aterbetalning,
    nullif(aterbetalning_citat, '') as aterbetalning_citat,
    try_cast(nullif(aterbetalning_rad, '') as integer) as aterbetalning_rad,
    status,
    try_cast(nullif(inlamnad_datum, '') as date) as inlamnad_datum,
    nullif(anmarkning, '') as anmarkning,
    cast(1 as integer) as version,
    _rad as seed_rad
from raw_aterrapporteringskrav
