-- Barn och unga per statistikområde and year: the kronor of the granted area-level insatser whose målgrupp
-- is barn 0–5, barn 6–15 or unga 16–24 (not föreslagen, not hela staden), an insats in several områden split
-- evenly between them as on Karta's kronor layer (insatser_by_omrade); all the område's area-level kronor
-- that year by the same rule and the children's share of them; the number of the children's insatser (an
-- insats in several områden counts once in each) and how many are exempeldata, with their ids; the
-- population 0–19 (folkmangd_0_5 + folkmangd_6_15 + folkmangd_16_19: unga 16–24 can only be matched to
-- 16–19) of that year, else of the newest earlier year with all three groups (befolkning_ar), and kronor per
-- inhabitant 0–19; whether the område is kraftsamlande on 31 December of the year (as Karta's outlines).
-- The year is the insats's allocation year, else its start year (v_insatser.ar); the years are those with
-- such kronor in some område for the filters, and every statistikområde has a row in each of them.
-- Grain: one row per statistikområde and year. Parameters: $ar, $finansiering, $fokus, $namnder (lists;
-- empty means all).
with granted as (
    select
        v.insats_id,
        v.ar,
        v.belopp_kr,
        v.kalla,
        coalesce(i.malgrupp in ('barn 0–5', 'barn 6–15', 'unga 16–24'), false) as barn
    from v_insatser as v
    inner join insatser as i on v.insats_id = i.insats_id
    where
        v.status <> 'föreslagen'
        and not v.hela_staden
        and (len($ar) = 0 or list_contains($ar, v.ar))
        and (len($finansiering) = 0 or list_contains($finansiering, v.finansiering_kod))
        and (len($fokus) = 0 or list_contains($fokus, v.fokus_kod))
        and (len($namnder) = 0 or list_contains($namnder, v.namnd_kod))
),

shares as (
    select
        io.omrade_kod,
        g.insats_id,
        g.ar,
        g.barn,
        g.kalla,
        g.belopp_kr / count(*) over (partition by g.insats_id) as andel_kr
    from insats_omraden as io
    inner join granted as g on io.insats_id = g.insats_id
),

years as (
    select distinct ar
    from shares
    where barn and andel_kr > 0
),

grid as (
    select
        o.omrade_kod,
        o.namn,
        o.ordning,
        years.ar
    from omraden as o
    cross join years
    where o.niva = 'statistikomrade'
),

per_area as (
    select
        omrade_kod,
        ar,
        coalesce(sum(andel_kr) filter (where barn), 0) as barn_kronor,
        sum(andel_kr) as alla_kronor,
        count(*) filter (where barn) as barn_insatser,
        count(*) filter (where barn and kalla = 'exempeldata') as barn_exempel,
        list(insats_id order by insats_id) filter (where barn) as barn_insats_ids,
        list(insats_id order by insats_id) filter (where barn and kalla = 'exempeldata') as barn_exempel_ids,
        string_agg(distinct kalla, ', ' order by kalla) filter (where barn) as kallor
    from shares
    group by omrade_kod, ar
),

population as (
    select
        omrade_kod,
        ar,
        sum(varde) as befolkning,
        string_agg(distinct kalla, ', ' order by kalla) as kalla
    from indikatorvarden
    where indikator_kod in ('folkmangd_0_5', 'folkmangd_6_15', 'folkmangd_16_19')
    group by omrade_kod, ar
    having count(distinct indikator_kod) = 3
),

population_year as (
    select
        grid.omrade_kod,
        grid.ar,
        max(population.ar) as befolkning_ar
    from grid
    inner join population
        on grid.omrade_kod = population.omrade_kod and grid.ar >= population.ar
    group by grid.omrade_kod, grid.ar
),

kraft as (
    select
        grid.omrade_kod,
        grid.ar,
        bool_or(
            k.startdatum <= make_date(grid.ar, 12, 31)
            and (k.slutdatum is null or k.slutdatum >= make_date(grid.ar, 12, 31))
        ) as kraftsamlande,
        string_agg(distinct k.kalla, ', ' order by k.kalla) as kraft_kalla
    from grid
    inner join kraftsamling as k on grid.omrade_kod = k.omrade_kod
    group by grid.omrade_kod, grid.ar
)

select
    grid.omrade_kod,
    grid.namn,
    grid.ordning,
    grid.ar,
    coalesce(per_area.barn_kronor, 0) as barn_kronor,
    coalesce(per_area.alla_kronor, 0) as alla_kronor,
    coalesce(per_area.barn_kronor, 0) / nullif(per_area.alla_kronor, 0) as barn_andel,
    coalesce(per_area.barn_insatser, 0) as barn_insatser,
    coalesce(per_area.barn_exempel, 0) as barn_exempel,
    coalesce(per_area.barn_insats_ids, []) as barn_insats_ids,
    coalesce(per_area.barn_exempel_ids, []) as barn_exempel_ids,
    per_area.kallor,
    population.befolkning as befolkning_0_19,
    population_year.befolkning_ar,
    population.kalla as befolkning_kalla,
    coalesce(per_area.barn_kronor, 0) / nullif(population.befolkning, 0) as kronor_per_barn,
    coalesce(kraft.kraftsamlande, false) as kraftsamlande,
    kraft.kraft_kalla
from grid
left join per_area on grid.omrade_kod = per_area.omrade_kod and grid.ar = per_area.ar
left join population_year on grid.omrade_kod = population_year.omrade_kod and grid.ar = population_year.ar
left join population
    on population_year.omrade_kod = population.omrade_kod and population_year.befolkning_ar = population.ar
left join kraft on grid.omrade_kod = kraft.omrade_kod and grid.ar = kraft.ar
order by grid.ar, grid.ordning
