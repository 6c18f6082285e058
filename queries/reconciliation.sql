-- Every declared total against the sum of its line items; a difference is shown, never corrected.
-- Grain: one row per declared total. Parameters: none.
with rows_sum as (
    select
        beslut_id,
        finansiering_kod,
        ar,
        sum(belopp_kr) as summa_rader,
        count(*) as n_rader,
        min(dokument_rad) as forsta_rad,
        max(dokument_rad) as sista_rad
    from tilldelningar
    group by beslut_id, finansiering_kod, ar
)

select
    d.summa_id,
    d.beslut_id,
    d.finansiering_kod,
    f.namn as finansieringskalla,
    f.namn_en as finansieringskalla_en,
    d.ar,
    d.belopp_kr as deklarerat_kr,
    coalesce(r.summa_rader, 0) as summa_rader_kr,
    coalesce(r.summa_rader, 0) - d.belopp_kr as differens_kr,
    coalesce(r.n_rader, 0) as n_rader,
    r.forsta_rad,
    r.sista_rad,
    d.text_i_kallan,
    d.dokument_rad,
    d.kalla,
    k.titel as kalla_titel
from deklarerade_summor as d
inner join finansieringskallor as f on d.finansiering_kod = f.finansiering_kod
inner join kallor as k on d.kalla = k.kalla_id
left join rows_sum as r
    on d.beslut_id = r.beslut_id and d.finansiering_kod = r.finansiering_kod and d.ar = r.ar
order by d.ar, f.ordning
