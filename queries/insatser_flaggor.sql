-- Insatser that need attention on $datum: no follow-up in the 365 days up to $datum (granted or
-- running insatser that started before that), or still pågående after their slutdatum.
-- Grain: one row per flagged insats, with both flags and the date of its latest follow-up.
-- Parameters: $datum (date), $ar, $finansiering, $fokus, $namnder (lists; empty means all).
-- data.insatser_flaggor_antal counts this list (the rule lives only here).
with senaste as (
    select
        u.insats_id,
        max(u.datum) as senaste_uppfoljning
    from uppfoljningar as u
    where u.datum <= $datum
    group by u.insats_id
),

flaggade as (
    select
        i.insats_id,
        i.namn,
        i.namnd_kod,
        i.fokus_kod,
        i.status,
        i.belopp_kr,
        i.startdatum,
        i.slutdatum,
        i.kalla,
        s.senaste_uppfoljning,
        coalesce(
            i.status in ('beviljad', 'pågående')
            and i.startdatum <= $datum - 365
            and (s.senaste_uppfoljning is null or s.senaste_uppfoljning <= $datum - 365),
            false
        ) as ingen_uppfoljning_12_man,
        coalesce(i.status = 'pågående' and i.slutdatum < $datum, false) as efter_slutdatum
    from v_insatser as i
    left join senaste as s on i.insats_id = s.insats_id
    where
        (len($ar) = 0 or list_contains($ar, i.ar))
        and (len($finansiering) = 0 or list_contains($finansiering, i.finansiering_kod))
        and (len($fokus) = 0 or list_contains($fokus, i.fokus_kod))
        and (len($namnder) = 0 or list_contains($namnder, i.namnd_kod))
)

select
    f.insats_id,
    f.namn,
    f.namnd_kod,
    n.kortnamn as namnd,
    f.fokus_kod,
    f.status,
    f.belopp_kr,
    f.startdatum,
    f.slutdatum,
    f.senaste_uppfoljning,
    f.ingen_uppfoljning_12_man,
    f.efter_slutdatum,
    f.kalla
from flaggade as f
inner join namnder as n on f.namnd_kod = n.namnd_kod
where f.ingen_uppfoljning_12_man or f.efter_slutdatum
order by f.efter_slutdatum desc, f.senaste_uppfoljning asc nulls first, f.insats_id asc
