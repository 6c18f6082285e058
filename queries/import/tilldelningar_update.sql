-- Save imported changes to tilldelningar, one per row in each list.
-- Parameters: as tilldelningar_insert.sql.
update tilldelningar as t
set
    beslut_id = u.beslut_id,
    namnd_kod = u.namnd_kod,
    mottagare_text = u.mottagare_text,
    finansiering_kod = u.finansiering_kod,
    ar = u.ar,
    belopp_kr = u.belopp_kr,
    kalla = u.kalla,
    dokument_rad = u.dokument_rad
from (
    select
        unnest(cast($tilldelning_id_list as varchar[])) as tilldelning_id,
        unnest(cast($beslut_id_list as varchar[])) as beslut_id,
        unnest(cast($namnd_kod_list as varchar[])) as namnd_kod,
        unnest(cast($mottagare_text_list as varchar[])) as mottagare_text,
        unnest(cast($finansiering_kod_list as varchar[])) as finansiering_kod,
        unnest(cast($ar_list as integer[])) as ar,
        unnest(cast($belopp_kr_list as bigint[])) as belopp_kr,
        unnest(cast($kalla_list as varchar[])) as kalla,
        unnest(cast($dokument_rad_list as integer[])) as dokument_rad
) as u
where t.tilldelning_id = u.tilldelning_id
