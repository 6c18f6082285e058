-- Every delområde with its statistikområde, its stadsdel (till 2013) and stadsområde: the names people use
-- for areas (lokalutveckling/area_names.py builds its index from this and the police areas).
-- Grain: one row per delområde, in the areas' order. Parameters: none.
select
    d.omrade_kod as delomrade_kod,
    d.namn as delomrade,
    s.omrade_kod,
    s.namn as omrade,
    sd.stadsdel,
    sd.stadsomrade,
    sd.sakerhet
from omraden as d
inner join omraden as s on d.overordnad_kod = s.omrade_kod
left join stadsdelar as sd on d.omrade_kod = sd.delomrade_kod
where d.niva = 'delomrade' and s.niva = 'statistikomrade'
order by s.ordning, d.ordning
