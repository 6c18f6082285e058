-- The målgrupper insatser are aimed at, for the register's filter.
-- Grain: one row per distinct målgrupp, alphabetical. Parameters: none.
select distinct malgrupp
from insatser
where malgrupp is not null
order by malgrupp
