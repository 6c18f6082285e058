-- Multiply the default data by $factor: insatser (with their fokusområden, områden and partners),
-- allocation lines and indicator values get copies with new ids. Used by benchmarks only.
-- Parameters: $factor (integer).
begin transaction;
create temp table copies as select range as k from range(1, $factor);
insert into tilldelningar
select t.tilldelning_id || '-x' || c.k, t.beslut_id, t.namnd_kod, t.mottagare_text, t.finansiering_kod, t.ar,
       t.belopp_kr, t.kalla, t.dokument_rad, null
from tilldelningar as t cross join copies as c;
insert into insatser
select i.insats_id || '-x' || c.k, i.namn, i.beskrivning, i.namnd_kod, i.finansiering_kod,
       case when i.tilldelning_id is null then null else i.tilldelning_id || '-x' || c.k end,
       i.belopp_kr, i.startdatum, i.slutdatum, i.status, i.typ, i.malgrupp, i.hela_staden, i.kalla, null
from insatser as i cross join copies as c where i.insats_id not like '%-x%';
insert into insats_fokusomraden
select f.insats_id || '-x' || c.k, f.fokus_kod, f.primar, f.kalla, null
from insats_fokusomraden as f cross join copies as c;
insert into insats_omraden
select o.insats_id || '-x' || c.k, o.omrade_kod, o.kalla, null from insats_omraden as o cross join copies as c;
insert into insats_partner
select p.insats_id || '-x' || c.k, p.partner_typ, p.namnd_kod, p.partner_namn, p.kalla, null
from insats_partner as p cross join copies as c;
insert into indikatorer
select i.indikator_kod || '_x' || c.k, i.namn_sv || ' (kopia ' || c.k || ')', i.namn_en, i.enhet, i.fokus_kod,
       i.hogre_ar_battre, i.ordning + 100 * c.k, i.kalla, null
from indikatorer as i cross join copies as c;
insert into indikatorvarden
select v.indikator_kod || '_x' || c.k, v.omrade_kod, v.ar, v.varde, v.kalla, null
from indikatorvarden as v cross join copies as c;
commit;
