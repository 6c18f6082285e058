-- Allocations: beslut x nämnd x finansieringskälla x år x belopp, with the recipient as written.
-- Grain: one row per line of an allocation table in a source document.
create table tilldelningar as
select
    tilldelning_id,
    beslut_id,
    namnd_kod,
    mottagare_text,
    finansiering_kod,
    try_cast(ar as integer) as ar,
    try_cast(belopp_kr as bigint) as belopp_kr,
    kalla,
    try_cast(nullif(dokument_rad, '') as integer) as dokument_rad,
    _rad as seed_rad
from raw_tilldelningar
