-- The target indicators an editor chose for an insats (issue 17): where an insats has any, they
-- replace the indicators of its fokusområden in its effect signal. `kalla` is the user who chose
-- them (or exempeldata). The seed holds only its header row: choices are made in the app.
-- Grain: one row per insats and indikator. Parameters: none.
create table insats_malindikatorer as
select
    insats_id,
    indikator_kod,
    kalla,
    _rad as seed_rad
from raw_insats_malindikatorer
