-- Every tilldelning as an import compares it, with the finansieringskällor of the insatser that
-- draw on it (an import may not move a tilldelning away from their källa).
-- Grain: one row per tilldelning. Parameters: none.
with anvand as (
    select
        tilldelning_id,
        list_sort(list(distinct finansiering_kod)) as insats_finansiering,
        list_sort(list(insats_id)) as insatser
    from insatser
    where tilldelning_id is not null
    group by tilldelning_id
)

select
    t.tilldelning_id,
    t.beslut_id,
    t.namnd_kod,
    t.mottagare_text,
    t.finansiering_kod,
    t.ar,
    t.belopp_kr,
    t.dokument_rad,
    t.kalla,
    anvand.insats_finansiering,
    anvand.insatser
from tilldelningar as t
left join anvand on t.tilldelning_id = anvand.tilldelning_id
order by t.tilldelning_id
