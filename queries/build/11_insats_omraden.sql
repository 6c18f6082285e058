-- The områden an insats runs in; insatser for hela staden have no rows here.
-- Grain: one row per insats and område.
create table insats_omraden as
select
    insats_id,
    omrade_kod,
    kalla,
    _rad as seed_rad
from raw_insats_omraden
