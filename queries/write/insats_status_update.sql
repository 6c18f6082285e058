-- Move an insats to a new status (with its slutdatum) if nobody saved it since $expected_version;
-- bumps the version. Returns the new version, or no row when the stored version has moved on.
-- Parameters: $insats_id, $expected_version, $status, $slutdatum.
update insatser
set
    status = $status,
    slutdatum = $slutdatum,
    version = version + 1
where insats_id = $insats_id and version = $expected_version
returning version
