-- Multiply the default data by $factor: insatser (with their fokusområden, områden and partners),
-- allocation lines and indicator values get copies with new ids. Used by benchmarks only.
-- `x.* replace (...)` keeps every other column as it is, so new columns need no change here.
-- Parameters: $factor (integer).
begin transaction;
create temp table copies as select range as k from range(1, $factor);
insert into tilldelningar
select t.* replace (t.tilldelning_id || '-x' || c.k as tilldelning_id, null as seed_rad)
from tilldelningar as t cross join copies as c;
insert into insatser
select i.* replace (
    i.insats_id || '-x' || c.k as insats_id,
    case when i.tilldelning_id is null then null else i.tilldelning_id || '-x' || c.k end as tilldelning_id,
    null as seed_rad
)
from insatser as i cross join copies as c where i.insats_id not like '%-x%';
insert into insats_fokusomraden
select f.* replace (f.insats_id || '-x' || c.k as insats_id, null as seed_rad)
from insats_fokusomraden as f cross join copies as c;
insert into insats_omraden
select o.* replace (o.insats_id || '-x' || c.k as insats_id, null as seed_rad)
from insats_omraden as o cross join copies as c;
insert into insats_partner
select p.* replace (p.insats_id || '-x' || c.k as insats_id, null as seed_rad)
from insats_partner as p cross join copies as c;
insert into indikatorer
select i.* replace (
    i.indikator_kod || '_x' || c.k as indikator_kod,
    i.namn_sv || ' (kopia ' || c.k || ')' as namn_sv,
    i.ordning + 100 * c.k as ordning,
    null as seed_rad
)
from indikatorer as i cross join copies as c;
insert into indikatorvarden
select v.* replace (v.indikator_kod || '_x' || c.k as indikator_kod, null as seed_rad)
from indikatorvarden as v cross join copies as c;
commit;
