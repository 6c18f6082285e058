-- The insats' target indicators (an editor's chosen ones, else those of its fokusområden) in its areas
-- (every area for hela staden): the value the year before it started, the newest value, and Malmö's newest
-- value for comparison, each with its source.
-- Grain: one row per indikator and område. Parameters: $insats_id.
with insats as (
    select
        insats_id,
        hela_staden,
        year(startdatum) - 1 as ar_fore
    from insatser
    where insats_id = $insats_id
),

areas as (
    select o.omrade_kod
    from omraden as o
    cross join insats
    where
        o.niva = 'statistikomrade'
        and (
            insats.hela_staden
            or o.omrade_kod in (
                select io.omrade_kod
                from insats_omraden as io
                where io.insats_id = $insats_id
            )
        )
),

chosen as (
    select m.indikator_kod
    from insats_malindikatorer as m
    where m.insats_id = $insats_id
),

indicators as (
    select distinct
        i.indikator_kod,
        i.namn_sv,
        i.namn_en,
        i.enhet,
        i.hogre_ar_battre,
        i.ordning
    from indikatorer as i
    where
        i.indikator_kod in (select c.indikator_kod from chosen as c)
        or (
            not exists (select 1 from chosen)
            and i.fokus_kod in (
                select f.fokus_kod
                from insats_fokusomraden as f
                where f.insats_id = $insats_id
            )
        )
),

newest as (
    select
        indikator_kod,
        max(ar) as ar
    from indikatorvarden
    group by indikator_kod
)

select
    ind.indikator_kod,
    ind.namn_sv,
    ind.namn_en,
    ind.enhet,
    ind.hogre_ar_battre,
    o.omrade_kod,
    o.namn as omrade,
    insats.ar_fore,
    fore.varde as varde_fore,
    fore.kalla as kalla_fore,
    newest.ar as ar_senast,
    senast.varde as varde_senast,
    senast.kalla as kalla_senast,
    stad.varde as stad_senast,
    stad.kalla as stad_kalla
from indicators as ind
cross join areas as a
cross join insats
inner join omraden as o on a.omrade_kod = o.omrade_kod
inner join newest on ind.indikator_kod = newest.indikator_kod
left join indikatorvarden as fore
    on ind.indikator_kod = fore.indikator_kod and a.omrade_kod = fore.omrade_kod and insats.ar_fore = fore.ar
left join indikatorvarden as senast
    on ind.indikator_kod = senast.indikator_kod and a.omrade_kod = senast.omrade_kod and newest.ar = senast.ar
left join indikatorvarden as stad
    on ind.indikator_kod = stad.indikator_kod and stad.omrade_kod = '0' and newest.ar = stad.ar
order by ind.ordning, o.ordning
