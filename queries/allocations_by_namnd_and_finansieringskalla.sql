-- Money in the decision documents for each nämnd (recipient line as in the document), per year, stage
-- (beslut or förslag, by which organ and when) and funding source: amounts of different years and
-- stages are kept apart, so that no figure adds a proposal to a decision or one year to another.
-- Grain: one row per nämnd, year, decision and finansieringskälla.
-- Parameters: $ar, $finansiering, $namnder (lists; empty means all).
select
    n.namnd_kod,
    n.namn as namnd,
    n.kortnamn,
    n.ordning as namnd_ordning,
    t.ar,
    b.stadium,
    b.beslut_id,
    b.organ,
    b.datum,
    b.paragraf,
    b.planerat_organ,
    b.planerat_datum,
    f.finansiering_kod,
    f.namn as finansieringskalla,
    f.namn_en as finansieringskalla_en,
    f.kortnamn as kalla_kortnamn,
    f.kortnamn_en as kalla_kortnamn_en,
    f.ordning as kalla_ordning,
    f.farg as kalla_farg,
    sum(t.belopp_kr) as belopp_kr,
    count(*) as n_tilldelningar,
    count(*) filter (where t.kalla = 'exempeldata') as n_exempeldata,
    string_agg(distinct t.kalla, ', ' order by t.kalla) as kallor,
    string_agg(distinct cast(t.dokument_rad as varchar), ', ' order by cast(t.dokument_rad as varchar)) as rader
from tilldelningar as t
inner join namnder as n on t.namnd_kod = n.namnd_kod
inner join finansieringskallor as f on t.finansiering_kod = f.finansiering_kod
inner join beslut as b on t.beslut_id = b.beslut_id
where
    (len($ar) = 0 or list_contains($ar, t.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, t.finansiering_kod))
    and (len($namnder) = 0 or list_contains($namnder, t.namnd_kod))
group by
    n.namnd_kod,
    n.namn,
    n.kortnamn,
    n.ordning,
    t.ar,
    b.stadium,
    b.beslut_id,
    b.organ,
    b.datum,
    b.paragraf,
    b.planerat_organ,
    b.planerat_datum,
    f.finansiering_kod,
    f.namn,
    f.namn_en,
    f.kortnamn,
    f.kortnamn_en,
    f.ordning,
    f.farg
order by n.ordning, t.ar, b.stadium, f.ordning
