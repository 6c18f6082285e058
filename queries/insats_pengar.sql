-- Where an insats' money comes from: its allocation line, the decision or proposal, and the documents.
-- Grain: at most one row (none when the insats has no allocation yet). Parameters: $insats_id.
select
    i.insats_id,
    i.belopp_kr,
    t.tilldelning_id,
    t.belopp_kr as tilldelning_kr,
    t.ar,
    t.mottagare_text,
    t.kalla as tilldelning_kalla,
    t.dokument_rad as tilldelning_rad,
    fk.kortnamn as finansiering_sv,
    fk.kortnamn_en as finansiering_en,
    fk.engangs,
    fk.aterrapportering,
    b.beslut_id,
    b.organ,
    b.datum,
    b.paragraf,
    b.stadium,
    b.rubrik,
    b.kalla as beslut_kalla,
    b.dokument_rad as beslut_rad,
    k.titel as beslut_dokument
from insatser as i
inner join tilldelningar as t on i.tilldelning_id = t.tilldelning_id
left join finansieringskallor as fk on t.finansiering_kod = fk.finansiering_kod
left join beslut as b on t.beslut_id = b.beslut_id
left join kallor as k on b.kalla = k.kalla_id
where i.insats_id = $insats_id
