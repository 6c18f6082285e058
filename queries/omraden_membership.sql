-- Which statistikområde each delområde belongs to, with both names, for dissolving boundaries.
-- Grain: one row per delområde. Parameters: none.
select
    d.omrade_kod as delomrade_kod,
    d.namn as delomrade,
    s.omrade_kod,
    s.namn
from omraden as d
inner join omraden as s on d.overordnad_kod = s.omrade_kod
where d.niva = 'delomrade' and s.niva = 'statistikomrade'
order by s.ordning, d.ordning
