-- Bring an official statistics source up to date after a later refresh: its title (which names the
-- day it was fetched), date, type and organ. Parameters: $kalla_id, $typ, $datum, $organ, $titel.
update kallor
set
    typ = $typ,
    datum = $datum,
    organ = $organ,
    titel = $titel
where kalla_id = $kalla_id
