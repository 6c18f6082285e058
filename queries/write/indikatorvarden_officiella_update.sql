-- Replace exempeldata (or an earlier official value) with an official value, one per row in each list;
-- a value from any other source (a document, an imported file) is never overwritten here.
-- Parameters: $indikator_kod_list, $omrade_kod_list, $ar_list, $varde_list, $kalla_list.
update indikatorvarden as v
set
    varde = u.varde,
    kalla = u.kalla
from (
    select
        unnest(cast($indikator_kod_list as varchar[])) as indikator_kod,
        unnest(cast($omrade_kod_list as varchar[])) as omrade_kod,
        unnest(cast($ar_list as integer[])) as ar,
        unnest(cast($varde_list as double[])) as varde,
        unnest(cast($kalla_list as varchar[])) as kalla
) as u
where
    v.indikator_kod = u.indikator_kod
    and v.omrade_kod = u.omrade_kod
    and v.ar = u.ar
    and (v.kalla = 'exempeldata' or v.kalla like 'ckan:%')
