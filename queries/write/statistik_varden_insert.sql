-- Store the values of one fetch in one statement: each $v_ parameter is a list with one item per row
-- (all of the same length), zipped back into rows by unnest.
-- Parameters: $hamtning_id, $v_niva, $v_omrade_kod, $v_region_kod, $v_variabel, $v_variabel_namn,
-- $v_period, $v_ar, $v_varde, $v_enhet, $v_komplett, $v_berakning, $v_anmarkning.
insert into statistik_varden (
    hamtning_id, niva, omrade_kod, region_kod, variabel, variabel_namn, period, ar, varde, enhet, komplett,
    berakning, anmarkning
)
select
    $hamtning_id as hamtning_id,
    unnest($v_niva) as niva,
    unnest($v_omrade_kod) as omrade_kod,
    unnest($v_region_kod) as region_kod,
    unnest($v_variabel) as variabel,
    unnest($v_variabel_namn) as variabel_namn,
    unnest($v_period) as period,
    unnest($v_ar) as ar,
    unnest($v_varde) as varde,
    unnest($v_enhet) as enhet,
    unnest($v_komplett) as komplett,
    unnest($v_berakning) as berakning,
    unnest($v_anmarkning) as anmarkning
