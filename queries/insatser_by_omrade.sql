-- Granted insatser and their kronor per statistikområde, for the filters. An insats that runs in several
-- areas counts in each, with its kronor split evenly between them; hela staden insatser are left out
-- (see insatser_hela_staden). Population is the newest folkmängd value.
-- Grain: one row per statistikområde. Parameters: $ar, $finansiering, $fokus, $namnder (lists; empty means all).
with granted as (
    select
        i.insats_id,
        i.belopp_kr,
        i.kalla
    from v_insatser as i
    where
        i.status <> 'föreslagen'
        and not i.hela_staden
        and (len($ar) = 0 or list_contains($ar, i.ar))
        and (len($finansiering) = 0 or list_contains($finansiering, i.finansiering_kod))
        and (len($fokus) = 0 or list_contains($fokus, i.fokus_kod))
        and (len($namnder) = 0 or list_contains($namnder, i.namnd_kod))
),

shares as (
    select
        io.omrade_kod,
        g.insats_id,
        g.kalla,
        g.belopp_kr / count(*) over (partition by g.insats_id) as andel_kr
    from insats_omraden as io
    inner join granted as g on io.insats_id = g.insats_id
),

population as (
    select
        omrade_kod,
        arg_max(varde, ar) as folkmangd,
        max(ar) as folkmangd_ar
    from indikatorvarden
    where indikator_kod = 'folkmangd'
    group by omrade_kod
)

select
    o.omrade_kod,
    o.namn,
    count(shares.insats_id) as n_insatser,
    coalesce(sum(shares.andel_kr), 0) as kronor,
    population.folkmangd,
    population.folkmangd_ar,
    coalesce(sum(shares.andel_kr), 0) / population.folkmangd as kronor_per_invanare,
    string_agg(distinct shares.kalla, ', ') as kallor
from omraden as o
left join shares on o.omrade_kod = shares.omrade_kod
left join population on o.omrade_kod = population.omrade_kod
where o.niva = 'statistikomrade'
group by o.omrade_kod, o.namn, o.ordning, population.folkmangd, population.folkmangd_ar
order by o.ordning
