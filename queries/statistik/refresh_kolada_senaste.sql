-- The newest stored Kolada fetch of each KPI a refresh compares: its values per municipality and year.
-- Grain: one row per KPI (tabell_id), kommun (region_kod) and år. Parameters: $kpier (list of KPI ids).
select
    tabell_id,
    region_kod,
    ar,
    varde
from v_statistik_senaste
where
    tjanst = 'kolada'
    and niva = 'kommun'
    and list_contains($kpier, tabell_id)
order by tabell_id, region_kod, ar
