-- FN:s 17 globala mål för hållbar utveckling (Agenda 2030): the goal's number, its Swedish name as the
-- Government and Globala målen write it, its English name as the UN writes it, and the source (kallor).
-- Grain: one row per goal (mal 1–17).
create table globala_mal as
select
    try_cast(mal as integer) as mal,
    namn_sv,
    namn_en,
    kalla,
    _rad as seed_rad
from raw_globala_mal
