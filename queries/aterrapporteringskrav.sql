-- Every återrapporteringskrav with its funding source, the decision that sets it, the report's state and
-- whether it is open or overdue on $idag.
-- Grain: one row per krav, ordered by year and funding source. `oppet` is true until the report is
-- submitted (ej påbörjad, pågår); `forfallet` is true for an open krav whose due date has passed; a krav
-- without a due date (the sources give none) is open but never overdue.
-- Parameters: $idag (date), $oppna (the open statuses: lokalutveckling.domain.KRAV_OPPNA).
select
    r.krav_id,
    r.finansiering_kod,
    f.namn as finansieringskalla,
    f.namn_en as finansieringskalla_en,
    f.kortnamn as finansieringskalla_kort,
    f.kortnamn_en as finansieringskalla_kort_en,
    f.engangs,
    r.beslut_id,
    b.organ as beslut_organ,
    b.datum as beslut_datum,
    b.stadium as beslut_stadium,
    b.arende,
    r.ar,
    r.rapportor,
    r.rapportor_namnd_kod,
    r.mottagare,
    r.innehall,
    r.citat,
    r.kalla,
    r.dokument_rad,
    r.senast,
    r.aterbetalning,
    r.aterbetalning_citat,
    r.aterbetalning_rad,
    r.status,
    list_contains($oppna, r.status) as oppet,
    coalesce(list_contains($oppna, r.status) and r.senast < $idag, false) as forfallet,
    r.inlamnad_datum,
    r.anmarkning,
    r.version
from aterrapporteringskrav as r
inner join finansieringskallor as f on r.finansiering_kod = f.finansiering_kod
left join beslut as b on r.beslut_id = b.beslut_id
order by r.ar, f.ordning, r.krav_id
