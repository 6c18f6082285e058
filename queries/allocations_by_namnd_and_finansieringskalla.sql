-- Money allocated by decision to each nämnd (recipient line as in the document), per funding source.
-- Grain: one row per nämnd and finansieringskälla.
-- Parameters: $ar, $kallor, $namnder (lists; empty means all).
select
    n.namnd_kod,
    n.namn as namnd,
    n.kortnamn,
    n.ordning as namnd_ordning,
    f.finansiering_kod,
    f.namn as finansieringskalla,
    f.namn_en as finansieringskalla_en,
    f.ordning as kalla_ordning,
    f.farg as kalla_farg,
    sum(t.belopp_kr) as belopp_kr,
    count(*) as n_tilldelningar,
    count(*) filter (where t.kalla = 'exempeldata') as n_exempeldata,
    string_agg(distinct t.kalla, ', ' order by t.kalla) as kallor
from tilldelningar as t
inner join namnder as n on t.namnd_kod = n.namnd_kod
inner join finansieringskallor as f on t.finansiering_kod = f.finansiering_kod
where
    (len($ar) = 0 or list_contains($ar, t.ar))
    and (len($kallor) = 0 or list_contains($kallor, t.finansiering_kod))
    and (len($namnder) = 0 or list_contains($namnder, t.namnd_kod))
group by n.namnd_kod, n.namn, n.kortnamn, n.ordning, f.finansiering_kod, f.namn, f.namn_en, f.ordning, f.farg
order by n.ordning, f.ordning
