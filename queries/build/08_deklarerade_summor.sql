-- Totals as declared in the source documents, to be reconciled against their line items.
-- Grain: one row per beslut, finansieringskälla and år.
create table deklarerade_summor as
select
    summa_id,
    beslut_id,
    finansiering_kod,
    try_cast(ar as integer) as ar,
    try_cast(belopp_kr as bigint) as belopp_kr,
    text_i_kallan,
    kalla,
    try_cast(nullif(dokument_rad, '') as integer) as dokument_rad,
    _rad as seed_rad
from raw_deklarerade_summor
