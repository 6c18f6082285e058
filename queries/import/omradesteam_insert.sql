-- Add imported omradesteam periods, one per row in each list.
-- Parameters: $omrade_kod_list, $startdatum_list, $slutdatum_list, $kalla_list.
insert into omradesteam (omrade_kod, startdatum, slutdatum, kalla, seed_rad)
select
    unnest(cast($omrade_kod_list as varchar[])) as omrade_kod,
    unnest(cast($startdatum_list as date[])) as startdatum,
    unnest(cast($slutdatum_list as date[])) as slutdatum,
    unnest(cast($kalla_list as varchar[])) as kalla,
    null as seed_rad
