-- Money in the decision documents per year and stage (beslut or förslag), for the headline: amounts of
-- different years and stages are never added up into one figure.
-- Grain: one row per year, stadium and decision (a year can hold several decisions).
-- Parameters: $ar (list of years), $finansiering (list of finansiering_kod), $namnder (list of namnd_kod);
-- an empty list means all.
select
    t.ar,
    b.stadium,
    b.beslut_id,
    b.organ,
    b.datum,
    b.paragraf,
    b.planerat_organ,
    b.planerat_datum,
    b.kalla,
    b.dokument_rad,
    sum(t.belopp_kr) as belopp_kr,
    string_agg(distinct f.kortnamn, ', ' order by f.kortnamn) as finansiering_sv,
    string_agg(distinct f.kortnamn_en, ', ' order by f.kortnamn_en) as finansiering_en
from tilldelningar as t
inner join beslut as b on t.beslut_id = b.beslut_id
inner join finansieringskallor as f on t.finansiering_kod = f.finansiering_kod
where
    (len($ar) = 0 or list_contains($ar, t.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, t.finansiering_kod))
    and (len($namnder) = 0 or list_contains($namnder, t.namnd_kod))
group by
    t.ar,
    b.stadium,
    b.beslut_id,
    b.organ,
    b.datum,
    b.paragraf,
    b.planerat_organ,
    b.planerat_datum,
    b.kalla,
    b.dokument_rad
order by t.ar, b.stadium, b.beslut_id
