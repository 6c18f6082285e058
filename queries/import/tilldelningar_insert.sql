-- Add imported tilldelningar, one per row in each list.
-- Parameters: $tilldelning_id_list, $beslut_id_list, $namnd_kod_list, $mottagare_text_list,
-- $finansiering_kod_list, $ar_list, $belopp_kr_list, $dokument_rad_list, $kalla_list.
insert into tilldelningar (
    tilldelning_id,
    beslut_id,
    namnd_kod,
    mottagare_text,
    finansiering_kod,
    ar,
    belopp_kr,
    kalla,
    dokument_rad,
    seed_rad
)
select
    unnest(cast($tilldelning_id_list as varchar[])) as tilldelning_id,
    unnest(cast($beslut_id_list as varchar[])) as beslut_id,
    unnest(cast($namnd_kod_list as varchar[])) as namnd_kod,
    unnest(cast($mottagare_text_list as varchar[])) as mottagare_text,
    unnest(cast($finansiering_kod_list as varchar[])) as finansiering_kod,
    unnest(cast($ar_list as integer[])) as ar,
    unnest(cast($belopp_kr_list as bigint[])) as belopp_kr,
    unnest(cast($kalla_list as varchar[])) as kalla,
    unnest(cast($dokument_rad_list as integer[])) as dokument_rad,
    null as seed_rad
