-- Allocation lines exactly as written in their source documents, with the document line.
-- Grain: one row per allocation line. Parameters: $ar, $finansiering, $namnder (lists; empty means all).
select
    t.tilldelning_id,
    t.beslut_id,
    t.ar,
    f.namn as finansieringskalla,
    t.mottagare_text,
    n.kortnamn,
    t.belopp_kr,
    b.organ,
    b.stadium,
    b.datum as beslut_datum,
    b.planerat_organ,
    b.planerat_datum,
    t.kalla,
    t.dokument_rad,
    k.typ as kalla_typ,
    k.datum as kalla_datum,
    k.titel as kalla_titel
from tilldelningar as t
inner join finansieringskallor as f on t.finansiering_kod = f.finansiering_kod
inner join namnder as n on t.namnd_kod = n.namnd_kod
inner join beslut as b on t.beslut_id = b.beslut_id
inner join kallor as k on t.kalla = k.kalla_id
where
    (len($ar) = 0 or list_contains($ar, t.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, t.finansiering_kod))
    and (len($namnder) = 0 or list_contains($namnder, t.namnd_kod))
order by t.ar, f.ordning, t.dokument_rad
