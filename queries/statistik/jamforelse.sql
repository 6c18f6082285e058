-- The Kolada comparisons beside the indicators: every indicator whose declared mapping names a
-- municipality-level Kolada KPI (roll 'jamforelse'); once the KPI is fetched (hamtad not null) its title and
-- the newest fetch's values for Malmö (1280), Stockholm (0180) and Göteborg (1480) in the newest year
-- all three have (null when they share no year), as Kolada gives them: the mapping's `faktor` (null = 1)
-- turns them into the indicator's unit where they are shown. Grain: one row per indikator and KPI.
-- Parameters: none.
with kpi_values as (
    select
        tabell_id,
        region_kod,
        ar,
        max(varde) as varde
    from v_statistik_senaste
    where
        tjanst = 'kolada'
        and niva = 'kommun'
        and region_kod in ('1280', '0180', '1480')
        and varde is not null
    group by tabell_id, region_kod, ar
),

shared_years as (
    select
        tabell_id,
        max(ar) as ar
    from (
        select
            tabell_id,
            ar
        from kpi_values
        group by tabell_id, ar
        having count(distinct region_kod) = 3
    ) as complete_years
    group by tabell_id
),

fetches as (
    select
        tabell_id,
        max(tabell_namn) as kpi_titel,
        max(hamtad) as hamtad,
        max(attribution) as attribution,
        max(url) as url
    from v_statistik_senaste
    where tjanst = 'kolada'
    group by tabell_id
)

select
    k.indikator_kod,
    i.namn_sv as indikator,
    i.namn_en as indikator_en,
    i.enhet,
    k.resurs as kpi,
    f.kpi_titel,
    k.enhet as kolada_enhet,
    coalesce(k.faktor, 1) as faktor,
    k.sakerhet,
    y.ar,
    malmo.varde as malmo,
    stockholm.varde as stockholm,
    goteborg.varde as goteborg,
    f.hamtad,
    f.attribution,
    f.url
from indikator_kallor as k
inner join indikatorer as i on k.indikator_kod = i.indikator_kod
left join fetches as f on k.resurs = f.tabell_id
left join shared_years as y on k.resurs = y.tabell_id
left join kpi_values as malmo on y.tabell_id = malmo.tabell_id and y.ar = malmo.ar and malmo.region_kod = '1280'
left join kpi_values as stockholm
    on y.tabell_id = stockholm.tabell_id and y.ar = stockholm.ar and stockholm.region_kod = '0180'
left join kpi_values as goteborg
    on y.tabell_id = goteborg.tabell_id and y.ar = goteborg.ar and goteborg.region_kod = '1480'
where k.roll = 'jamforelse' and k.tjanst = 'kolada'
order by i.ordning, k.resurs
