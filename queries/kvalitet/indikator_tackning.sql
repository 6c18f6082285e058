-- Coverage of the indicators: for every indicator, the 14 statistikområden and Malmö as a whole ('0'),
-- and every year the indicator was measured (some place has a value that year), what the value is:
-- 'officiell' (official statistics, kalla ckan:/scb:/kolada:, or a document), 'exempeldata', or
-- 'saknas' (no value). `har_officiell_kalla`: the declared mapping names an official source for the
-- area values (roll 'omrade', tjanst neither 'enkat' nor 'saknas'), so a full refresh can replace them.
-- Grain: one row per indikator, område and year. Parameters: none.
with measured as (
    select distinct
        indikator_kod,
        ar
    from indikatorvarden
    where varde is not null
),

mapped as (
    select distinct indikator_kod
    from indikator_kallor
    where roll = 'omrade' and tjanst not in ('enkat', 'saknas')
)

select
    i.indikator_kod,
    i.namn_sv as indikator,
    i.namn_en as indikator_en,
    i.ordning,
    o.omrade_kod,
    o.namn as omrade,
    o.ordning as omrade_ordning,
    m.ar,
    v.kalla,
    case
        when v.varde is null then 'saknas'
        when v.kalla = 'exempeldata' then 'exempeldata'
        else 'officiell'
    end as tillstand,
    p.indikator_kod is not null as har_officiell_kalla
from measured as m
inner join indikatorer as i on m.indikator_kod = i.indikator_kod
cross join omraden as o
left join indikatorvarden as v
    on m.indikator_kod = v.indikator_kod and o.omrade_kod = v.omrade_kod and m.ar = v.ar
left join mapped as p on m.indikator_kod = p.indikator_kod
where o.niva in ('statistikomrade', 'kommun')
order by i.ordning, o.ordning, m.ar
