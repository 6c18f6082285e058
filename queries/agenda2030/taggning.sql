-- The project's classification of the indicators against Agenda 2030 (issue 17), with each indicator's names,
-- unit, fokusområde and direction: dimension, mal (goal numbers, ';'), delmal (targets, ';'), motivering, kalla.
-- Grain: one row per classified indikator, in the indicators' order. Parameters: none.
select
    i.indikator_kod,
    i.namn_sv,
    i.namn_en,
    i.enhet,
    i.fokus_kod,
    f.namn_sv as fokus_sv,
    f.namn_en as fokus_en,
    i.hogre_ar_battre,
    a.dimension,
    a.mal,
    a.delmal,
    a.motivering,
    a.kalla
from indikator_agenda2030 as a
inner join indikatorer as i on a.indikator_kod = i.indikator_kod
left join fokusomraden as f on i.fokus_kod = f.fokus_kod
order by i.ordning
