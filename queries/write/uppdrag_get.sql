-- One uppdrag as an editor loads it: every stored field and its version.
-- Grain: one row (none for an unknown id). Parameters: $uppdrag_id.
select
    uppdrag_id,
    arende,
    rubrik,
    givare_organ,
    givet_beslut_id,
    givet_datum,
    givet_ar,
    givet_paragraf,
    givet_punkt,
    givet_stadium,
    mottagare,
    mottagare_namnd_kod,
    citat,
    kalla,
    dokument_rad,
    senast,
    tid_i_kallan,
    status,
    aterrapport_organ,
    aterrapport_datum,
    aterrapport_paragraf,
    aterrapport_punkt,
    aterrapport_stadium,
    aterrapport_text,
    aterrapport_kalla,
    aterrapport_rad,
    anmarkning,
    version
from uppdrag
where uppdrag_id = $uppdrag_id
