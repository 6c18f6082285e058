-- Every indicator's source and the years and sources of its values: who says so, and for when.
-- Grain: one row per indicator. Parameters: none.
select
    i.indikator_kod,
    i.namn_sv as indikator,
    i.namn_en as indikator_en,
    i.enhet,
    i.kalla as definition_kalla,
    min(v.ar) as forsta_ar,
    max(v.ar) as senaste_ar,
    count(v.varde) as n_varden,
    string_agg(distinct v.kalla, ', ' order by v.kalla) as vardenas_kallor
from indikatorer as i
left join indikatorvarden as v on i.indikator_kod = v.indikator_kod
group by i.indikator_kod, i.namn_sv, i.namn_en, i.enhet, i.kalla, i.ordning
order by i.ordning
