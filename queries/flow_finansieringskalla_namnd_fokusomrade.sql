-- Kronor of granted insatser from funding source to lead nämnd to primary fokusområde.
-- Grain: one row per finansieringskälla, nämnd and fokusområde.
-- Parameters: $ar, $finansiering, $fokus, $namnder (lists; empty means all).
select
    f.finansiering_kod,
    f.namn as finansieringskalla,
    f.namn_en as finansieringskalla_en,
    f.ordning as kalla_ordning,
    f.farg as kalla_farg,
    n.namnd_kod,
    n.kortnamn,
    n.ordning as namnd_ordning,
    fo.fokus_kod,
    fo.namn_sv as fokus_sv,
    fo.namn_en as fokus_en,
    fo.ordning as fokus_ordning,
    fo.farg,
    sum(i.belopp_kr) as belopp_kr,
    count(*) as n_insatser,
    count(*) filter (where i.kalla = 'exempeldata') as n_exempeldata
from v_insatser as i
inner join finansieringskallor as f on i.finansiering_kod = f.finansiering_kod
inner join namnder as n on i.namnd_kod = n.namnd_kod
inner join fokusomraden as fo on i.fokus_kod = fo.fokus_kod
where
    i.status <> 'föreslagen'
    and (len($ar) = 0 or list_contains($ar, i.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, i.finansiering_kod))
    and (len($fokus) = 0 or list_contains($fokus, i.fokus_kod))
    and (len($namnder) = 0 or list_contains($namnder, i.namnd_kod))
group by
    f.finansiering_kod, f.namn, f.namn_en, f.ordning, f.farg, n.namnd_kod, n.kortnamn, n.ordning,
    fo.fokus_kod, fo.namn_sv, fo.namn_en, fo.ordning, fo.farg
order by f.ordning, n.ordning, fo.ordning
