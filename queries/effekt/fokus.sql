-- The fokusområden of every insats, the primary one marked, for the effect signal.
-- Grain: one row per insats and fokusområde. Parameters: none.
select
    insats_id,
    fokus_kod,
    primar
from insats_fokusomraden
order by insats_id asc, primar desc, fokus_kod asc
