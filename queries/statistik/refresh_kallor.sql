-- The declared sources of the area indicators, for `stats refresh`: each mapping row with the
-- indicator's name and unit in the store, in the indicators' order, the area source first.
-- Grain: one row per indikator, roll and tjänst. Parameters: none.
select
    k.indikator_kod,
    i.namn_sv,
    i.enhet as indikator_enhet,
    k.roll,
    k.tjanst,
    k.resurs,
    k.variabel,
    k.aggregering,
    k.vikt_resurs,
    k.enhet,
    k.faktor,
    k.ar_fran,
    k.ar_till,
    k.sakerhet,
    k.enkat,
    k.anmarkning
from indikator_kallor as k
inner join indikatorer as i on k.indikator_kod = i.indikator_kod
order by i.ordning asc, k.roll desc, k.tjanst asc
