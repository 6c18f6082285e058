-- Uppdrag (mandates): who gave whom what to do (quoted, with document and line), by when, its state,
-- and the decision or proposal that reported it back. Grain: one row per uppdrag.
-- `givet_stadium` and `aterrapport_stadium` say whether the source holds a beslut or only a förslag;
-- `senast` is null where the source gives no date (`tid_i_kallan` keeps its wording, e.g. "hösten
-- 2024"); `version` counts saved edits (from 1), so that an edit based on an older version is refused.
create table uppdrag as
select
    uppdrag_id,
    arende,
    rubrik,
    givare_organ,
    nullif(givet_beslut_id, '') as givet_beslut_id,
    try_cast(nullif(givet_datum, '') as date) as givet_datum,
    try_cast(givet_ar as integer) as givet_ar,
    nullif(givet_paragraf, '') as givet_paragraf,
    try_cast(nullif(givet_punkt, '') as integer) as givet_punkt,
    givet_stadium,
    mottagare,
    nullif(mottagare_namnd_kod, '') as mottagare_namnd_kod,
    citat,
    kalla,
    try_cast(nullif(dokument_rad, '') as integer) as dokument_rad,
    try_cast(nullif(senast, '') as date) as senast,
    nullif(tid_i_kallan, '') as tid_i_kallan,
    status,
    nullif(aterrapport_organ, '') as aterrapport_organ,
    try_cast(nullif(aterrapport_datum, '') as date) as aterrapport_datum,
    nullif(aterrapport_paragraf, '') as aterrapport_paragraf,
    try_cast(nullif(aterrapport_punkt, '') as integer) as aterrapport_punkt,
    nullif(aterrapport_stadium, '') as aterrapport_stadium,
    nullif(aterrapport_text, '') as aterrapport_text,
    nullif(aterrapport_kalla, '') as aterrapport_kalla,
    try_cast(nullif(aterrapport_rad, '') as integer) as aterrapport_rad,
    nullif(anmarkning, '') as anmarkning,
    cast(1 as integer) as version,
    _rad as seed_rad
from raw_uppdrag
