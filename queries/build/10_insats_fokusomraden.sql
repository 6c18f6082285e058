-- The fokusområden of each insats: exactly one primary, any number of secondary.
-- Grain: one row per insats and fokusområde.
create table insats_fokusomraden as
select
    insats_id,
    fokus_kod,
    try_cast(primar as boolean) as primar,
    kalla,
    _rad as seed_rad
from raw_insats_fokusomraden
