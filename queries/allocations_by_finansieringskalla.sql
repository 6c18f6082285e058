-- Money allocated by decision (tilldelningar), per funding source, for the chosen filters.
-- Grain: one row per finansieringskälla with any allocation in the filter.
-- Parameters: $ar (list of years), $finansiering (list of finansiering_kod), $namnder (list of namnd_kod);
-- an empty list means all.
select
    f.finansiering_kod,
    f.namn,
    f.namn_en,
    f.kortnamn,
    f.kortnamn_en,
    f.ordning,
    f.farg,
    sum(t.belopp_kr) as belopp_kr,
    count(*) as n_tilldelningar,
    count(*) filter (where t.kalla = 'exempeldata') as n_exempeldata,
    string_agg(distinct t.kalla, ', ' order by t.kalla) as kallor
from tilldelningar as t
inner join finansieringskallor as f on t.finansiering_kod = f.finansiering_kod
where
    (len($ar) = 0 or list_contains($ar, t.ar))
    and (len($finansiering) = 0 or list_contains($finansiering, t.finansiering_kod))
    and (len($namnder) = 0 or list_contains($namnder, t.namnd_kod))
group by f.finansiering_kod, f.namn, f.namn_en, f.kortnamn, f.kortnamn_en, f.ordning, f.farg
order by f.ordning
