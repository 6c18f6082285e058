-- Indicator values missing for an area in a year the indicator was measured (some area has a value
-- that year), for the 14 statistikområden and the city. Indicators measured only some years (such as
-- election turnout) are not reported for the years between.
-- Grain: one row per indikator, område and year that is missing. Parameters: none.
with measured as (
    select distinct
        indikator_kod,
        ar
    from indikatorvarden
    where varde is not null
),

expected as (
    select
        m.indikator_kod,
        o.omrade_kod,
        o.namn as omrade,
        o.ordning,
        m.ar
    from measured as m
    cross join omraden as o
    where o.niva in ('statistikomrade', 'kommun')
)

select
    e.indikator_kod,
    i.namn_sv as indikator,
    i.namn_en as indikator_en,
    e.omrade_kod,
    e.omrade,
    e.ar
from expected as e
inner join indikatorer as i on e.indikator_kod = i.indikator_kod
left join indikatorvarden as v
    on e.indikator_kod = v.indikator_kod and e.omrade_kod = v.omrade_kod and e.ar = v.ar
where v.varde is null
order by i.ordning, e.ordning, e.ar
