-- The project's classification of the area indicators against Agenda 2030 (issue 17): per indicator with a
-- fokusområde its sustainability dimension (social, ekologisk, ekonomisk), its global goals (`mal`, the
-- numbers separated by ';', the first the main one), the targets (`delmal`, e.g. '4.1', as many and in the
-- same order), one Swedish sentence why, and the source: the project's own classification (kallor row
-- projektet_agenda2030), not a decision of the city. Context indicators (population) have no row.
-- Grain: one row per indikator.
create table indikator_agenda2030 as
select
    indikator_kod,
    dimension,
    mal,
    delmal,
    motivering,
    kalla,
    _rad as seed_rad
from raw_indikator_agenda2030
