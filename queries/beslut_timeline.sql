-- The chain of decisions and proposals, with source document and the money each one allocates.
-- Grain: one row per beslut. `datum_visat` is the date, or 1 July where the source gives only the year.
-- Parameters: $ar (years of the decision), $finansiering, $namnder (lists; empty means all): with a källa or
-- nämnd chosen, only decisions that allocate money from that källa or to that nämnd.
with pengar as (
    select
        beslut_id,
        sum(belopp_kr) as belopp_kr
    from tilldelningar
    group by beslut_id
)

select
    b.beslut_id,
    b.arende,
    b.organ,
    b.datum,
    b.ar,
    coalesce(b.datum, make_date(b.ar, 7, 1)) as datum_visat,
    b.datum is null as datum_saknas,
    b.paragraf,
    b.stadium,
    b.handling,
    b.rubrik,
    b.planerat_organ,
    b.planerat_datum,
    b.anmarkning,
    b.kalla,
    b.dokument_rad,
    k.typ as kalla_typ,
    k.organ as kalla_organ,
    k.titel as kalla_titel,
    k.datum as kalla_datum,
    pengar.belopp_kr
from beslut as b
inner join kallor as k on b.kalla = k.kalla_id
left join pengar on b.beslut_id = pengar.beslut_id
where
    (len($ar) = 0 or list_contains($ar, b.ar))
    and (len($finansiering) = 0 or exists (
        select 1 from tilldelningar as t
        where t.beslut_id = b.beslut_id and list_contains($finansiering, t.finansiering_kod)
    ))
    and (len($namnder) = 0 or exists (
        select 1 from tilldelningar as t
        where t.beslut_id = b.beslut_id and list_contains($namnder, t.namnd_kod)
    ))
order by datum_visat, b.beslut_id
