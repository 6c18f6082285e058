-- Save an edited återrapporteringskrav that nobody saved since it was read at $expected_version: its
-- status, due date, submission date and note (the stored values merged with the editor's changes),
-- and bump the version; nothing changes when the version moved on (the caller reads it back: a
-- conflict). Grain: no rows. Parameters: $krav_id, $expected_version, $status, $senast, $inlamnad_datum,
-- $anmarkning.
update aterrapporteringskrav
set
    status = cast($status as varchar),
    senast = cast($senast as date),
    inlamnad_datum = cast($inlamnad_datum as date),
    anmarkning = cast($anmarkning as varchar),
    version = version + 1
where krav_id = $krav_id and version = $expected_version
