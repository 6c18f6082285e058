-- Fields with a fixed set of values must use one of them.
-- Grain: one row per value outside its set (fil, rad, kolumn, varde, fel).
with checked as (
    select
        'insatser.csv' as fil,
        _rad as rad,
        'status' as kolumn,
        status as varde,
        'föreslagen, beviljad, pågående, avslutad, avbruten, permanentad' as tillatna
    from raw_insatser
    union all
    select 'insatser.csv', _rad, 'typ', typ, 'pilot, förstudie, utökning, ny' from raw_insatser
    union all
    select 'omraden.csv', _rad, 'niva', niva, 'kommun, statistikomrade, delomrade' from raw_omraden
    union all
    select 'beslut.csv', _rad, 'stadium', stadium, 'förslag, beslut' from raw_beslut
    union all
    select 'beslut.csv', _rad, 'organ', organ, 'Delmos, Stadskontoret, KSAU, KS, KF' from raw_beslut
    union all
    select 'insats_partner.csv', _rad, 'partner_typ', partner_typ, 'namnd, extern' from raw_insats_partner
    union all
    select 'kallor.csv', _rad, 'typ', typ, 'tjänsteskrivelse, protokollsutdrag, indelning, lista, exempeldata, import'
    from raw_kallor
)

select
    fil,
    rad,
    kolumn,
    varde,
    'otillåtet värde; tillåtna: ' || tillatna as fel
from checked
where not list_contains(string_split(tillatna, ', '), varde)
order by fil, rad
