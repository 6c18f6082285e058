-- Kronor and number of granted insatser per lead nämnd and primary fokusområde.
-- Grain: one row per nämnd and fokusområde with at least one insats. Proposed insatser are left out.
-- Parameters: $ar, $finansiering, $fokus, $namnder (lists; empty means all).
select
    n.namnd_kod,
    n.namn as namnd,
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
inner join namnder as n on i.namnd_kod = n.namnd_kod
inner join fokusomraden as fo on i.fokus_kod = fo.fokus_kod
where
    i.status <> 'föreslagen'
    and (len($ar) = 0 or list_contains($ar, i.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, i.finansiering_kod))
    and (len($fokus) = 0 or list_contains($fokus, i.fokus_kod))
    and (len($namnder) = 0 or list_contains($namnder, i.namnd_kod))
group by
    n.namnd_kod, n.namn, n.kortnamn, n.ordning, fo.fokus_kod, fo.namn_sv, fo.namn_en, fo.ordning, fo.farg
order by n.ordning, fo.ordning
