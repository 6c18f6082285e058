-- The områden of the insatser that run in areas (insatser for hela staden have none), for the effect signal.
-- Grain: one row per insats and område. Parameters: none.
select
    insats_id,
    omrade_kod
from insats_omraden
order by insats_id, omrade_kod
