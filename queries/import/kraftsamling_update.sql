-- Save imported changes to kraftsamling periods (end date and source), keyed by område and startdatum.
-- Parameters: $omrade_kod_list, $startdatum_list, $slutdatum_list, $kalla_list.
update kraftsamling as p
set
    slutdatum = u.slutdatum,
    kalla = u.kalla
from (
    select
        unnest(cast($omrade_kod_list as varchar[])) as omrade_kod,
        unnest(cast($startdatum_list as date[])) as startdatum,
        unnest(cast($slutdatum_list as date[])) as slutdatum,
        unnest(cast($kalla_list as varchar[])) as kalla
) as u
where p.omrade_kod = u.omrade_kod and p.startdatum = u.startdatum
