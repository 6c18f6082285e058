-- Partners of an insats: other nämnder (by code) or external organisations (by name).
-- Grain: one row per insats and partner.
create table insats_partner as
select
    insats_id,
    partner_typ,
    nullif(namnd_kod, '') as namnd_kod,
    nullif(partner_namn, '') as partner_namn,
    kalla,
    _rad as seed_rad
from raw_insats_partner
