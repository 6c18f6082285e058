-- For each of the 14 statistikområden: is an områdesteam or kraftsamling active on a date.
-- Grain: one row per statistikområde. Parameters: $datum (date).
with team as (
    select
        omrade_kod,
        min(startdatum) as team_start,
        bool_or(startdatum <= $datum and (slutdatum is null or slutdatum >= $datum)) as har_team,
        string_agg(distinct kalla, ', ') as team_kalla
    from omradesteam
    group by omrade_kod
),

kraft as (
    select
        omrade_kod,
        bool_or(startdatum <= $datum and (slutdatum is null or slutdatum >= $datum)) as kraftsamlande,
        string_agg(distinct kalla, ', ') as kraft_kalla
    from kraftsamling
    group by omrade_kod
)

select
    o.omrade_kod,
    o.namn,
    o.ordning,
    team.team_start,
    coalesce(team.har_team, false) as har_team,
    team.team_kalla,
    coalesce(kraft.kraftsamlande, false) as kraftsamlande,
    kraft.kraft_kalla
from omraden as o
left join team on o.omrade_kod = team.omrade_kod
left join kraft on o.omrade_kod = kraft.omrade_kod
where o.niva = 'statistikomrade'
order by o.ordning
