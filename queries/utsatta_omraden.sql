-- The police's utsatta områden with the delområden that approximate them and the containing area.
-- Grain: one row per police area and delområde. Parameters: none.
select
    u.utsatt_id,
    u.namn,
    u.kategori,
    u.ar,
    u.delomrade_kod,
    d.namn as delomrade,
    s.omrade_kod,
    s.namn as omrade,
    u.avgransning,
    k.titel as kalla_titel
from utsatta_omraden as u
inner join omraden as d on u.delomrade_kod = d.omrade_kod
inner join omraden as s on d.overordnad_kod = s.omrade_kod
inner join kallor as k on u.kalla = k.kalla_id
order by u.kategori, u.utsatt_id, d.ordning
