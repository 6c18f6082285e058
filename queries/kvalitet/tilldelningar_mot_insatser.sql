-- Each allocation line against the insatser that draw on it: lines with no insats, and lines whose
-- insatser add up to another amount (nämnd and källa by their Swedish and English short names).
-- Grain: one row per allocation line that does not match.
-- Parameters: none.
with used as (
    select
        tilldelning_id,
        count(*) as n_insatser,
        sum(belopp_kr) as insatser_kr
    from insatser
    where tilldelning_id is not null and status <> 'föreslagen'
    group by tilldelning_id
)

select
    t.tilldelning_id,
    t.ar,
    n.kortnamn as namnd,
    n.kortnamn_en as namnd_en,
    f.kortnamn as finansieringskalla,
    f.kortnamn_en as finansieringskalla_en,
    t.belopp_kr as tilldelat_kr,
    coalesce(u.n_insatser, 0) as n_insatser,
    coalesce(u.insatser_kr, 0) as insatser_kr,
    coalesce(u.insatser_kr, 0) - t.belopp_kr as differens_kr,
    t.kalla,
    t.dokument_rad
from tilldelningar as t
inner join namnder as n on t.namnd_kod = n.namnd_kod
inner join finansieringskallor as f on t.finansiering_kod = f.finansiering_kod
left join used as u on t.tilldelning_id = u.tilldelning_id
where coalesce(u.insatser_kr, 0) <> t.belopp_kr
order by t.ar, n.ordning, f.ordning
