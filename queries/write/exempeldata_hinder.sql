-- Rows that are not removed with the exempeldata of $tabell but refer to it, so that removing it
-- would leave them dangling: insatser drawing on an exempeldata tilldelning, real indicator values
-- of an exempeldata indikator.
-- Grain: one row per referring row. Parameters: $tabell.
select
    'insatser' as tabell,
    i.insats_id as rad_id,
    'tilldelning_id' as kolumn,
    i.tilldelning_id as varde
from insatser as i
inner join tilldelningar as t on i.tilldelning_id = t.tilldelning_id
where $tabell = 'tilldelningar' and t.kalla = 'exempeldata'
union all
select
    'indikatorvarden' as tabell,
    v.indikator_kod || ', område ' || v.omrade_kod || ', ' || v.ar as rad_id,
    'indikator_kod' as kolumn,
    v.indikator_kod as varde
from indikatorvarden as v
inner join indikatorer as k on v.indikator_kod = k.indikator_kod
where $tabell = 'indikatorer' and k.kalla = 'exempeldata' and v.kalla <> 'exempeldata'
order by tabell, rad_id
