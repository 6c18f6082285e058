-- Every status move of an insats: when, from and to which status, why, and for a permanentad
-- insats which nämnd takes it into its budget with how much.
-- Grain: one row per insats and move. `fran_status` is null for the row that created the insats;
-- `anvandare` and `tid` (UTC) are null for moves that came with the seeds.
create table statushistorik as
select
    insats_id,
    try_cast(datum as date) as datum,
    nullif(fran_status, '') as fran_status,
    till_status,
    nullif(anledning, '') as anledning,
    nullif(mottagande_namnd_kod, '') as mottagande_namnd_kod,
    try_cast(nullif(permanent_belopp_kr, '') as bigint) as permanent_belopp_kr,
    nullif(anvandare, '') as anvandare,
    try_cast(nullif(tid, '') as timestamp) as tid,
    kalla,
    _rad as seed_rad
from raw_statushistorik
