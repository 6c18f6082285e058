-- The sources the store cites, with how many rows of the store cite each: every table with a källa
-- (kalla) column, from decisions to the area division and the police's list (a table added with a
-- kalla column belongs here too; tests/test_reader_text.py counts them all from the store's catalogue).
-- Grain: one row per källa. Parameters: none.
with cites as (
    select kalla from beslut
    union all
    select kalla from tilldelningar
    union all
    select kalla from deklarerade_summor
    union all
    select kalla from finansieringskallor
    union all
    select kalla from namnder
    union all
    select kalla from fokusomraden
    union all
    select kalla from insatser
    union all
    select kalla from insats_fokusomraden
    union all
    select kalla from insats_omraden
    union all
    select kalla from insats_partner
    union all
    select kalla from insats_malindikatorer
    union all
    select kalla from statushistorik
    union all
    select kalla from uppfoljningar
    union all
    select kalla from indikatorer
    union all
    select kalla from indikatorvarden
    union all
    select kalla from globala_mal
    union all
    select kalla from indikator_agenda2030
    union all
    select kalla from omraden
    union all
    select kalla from omradesteam
    union all
    select kalla from kraftsamling
    union all
    select kalla from stadsdelar
    union all
    select kalla from utsatta_omraden
    union all
    select kalla from uppdrag
    union all
    select kalla from aterrapporteringskrav
)

select
    k.kalla_id,
    k.typ,
    k.datum,
    k.organ,
    k.arende,
    k.titel,
    count(c.kalla) as n_rader
from kallor as k
left join cites as c on k.kalla_id = c.kalla
group by k.kalla_id, k.typ, k.datum, k.organ, k.arende, k.titel
order by k.typ = 'exempeldata', k.datum nulls last, k.kalla_id
