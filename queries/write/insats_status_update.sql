-- Move an insats to a new status (with its slutdatum) if nobody saved it since $expected_version;
-- bumps the version; nothing changes when the stored version has moved on (the caller reads the
-- version back: a conflict). Grain: no rows.
-- Parameters: $insats_id, $expected_version, $status, $slutdatum.
update insatser
set
    status = $status,
    slutdatum = $slutdatum,
    version = version + 1
where insats_id = $insats_id and version = $expected_version
