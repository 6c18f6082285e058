-- The police's utsatta and särskilt utsatta områden, approximated by whole delområden.
-- Grain: one row per police area and delområde; `avgransning` says how rough the approximation is.
create table utsatta_omraden as
select
    utsatt_id,
    namn,
    kategori,
    try_cast(ar as integer) as ar,
    delomrade_kod,
    avgransning,
    kalla,
    _rad as seed_rad
from raw_utsatta_omraden
