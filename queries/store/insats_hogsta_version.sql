-- The highest version any edited row has now: insatser, uppdrag and återrapporteringskrav (a restore
-- moves every restored row above it). Grain: one row. Parameters: none.
select
    greatest(
        (select coalesce(max(version), 0) from insatser),
        (select coalesce(max(version), 0) from uppdrag),
        (select coalesce(max(version), 0) from aterrapporteringskrav)
    ) as version
