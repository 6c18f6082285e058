-- Save an edited uppdrag that nobody saved since it was read at $expected_version: every field is set
-- (the stored values merged with the editor's changes) and the version bumped; no row changes when
-- the version moved on (the caller reads the version back: a conflict). Grain: no rows.
-- Parameters: $uppdrag_id, $expected_version, $arende, $rubrik, $givare_organ, $givet_beslut_id,
-- $givet_datum, $givet_ar, $givet_paragraf, $givet_punkt, $givet_stadium, $mottagare, $mottagare_namnd_kod,
-- $citat, $kalla, $dokument_rad, $senast, $tid_i_kallan, $status, $aterrapport_organ, $aterrapport_datum,
-- $aterrapport_paragraf, $aterrapport_punkt, $aterrapport_stadium, $aterrapport_text, $aterrapport_kalla,
-- $aterrapport_rad, $anmarkning.
update uppdrag
set
    arende = cast($arende as varchar),
    rubrik = cast($rubrik as varchar),
    givare_organ = cast($givare_organ as varchar),
    givet_beslut_id = cast($givet_beslut_id as varchar),
    givet_datum = cast($givet_datum as date),
    givet_ar = cast($givet_ar as integer),
    givet_paragraf = cast($givet_paragraf as varchar),
    givet_punkt = cast($givet_punkt as integer),
    givet_stadium = cast($givet_stadium as varchar),
    mottagare = cast($mottagare as varchar),
    mottagare_namnd_kod = cast($mottagare_namnd_kod as varchar),
    citat = cast($citat as varchar),
    kalla = cast($kalla as varchar),
    dokument_rad = cast($dokument_rad as integer),
    senast = cast($senast as date),
    tid_i_kallan = cast($tid_i_kallan as varchar),
    status = cast($status as varchar),
    aterrapport_organ = cast($aterrapport_organ as varchar),
    aterrapport_datum = cast($aterrapport_datum as date),
    aterrapport_paragraf = cast($aterrapport_paragraf as varchar),
    aterrapport_punkt = cast($aterrapport_punkt as integer),
    aterrapport_stadium = cast($aterrapport_stadium as varchar),
    aterrapport_text = cast($aterrapport_text as varchar),
    aterrapport_kalla = cast($aterrapport_kalla as varchar),
    aterrapport_rad = cast($aterrapport_rad as integer),
    anmarkning = cast($anmarkning as varchar),
    version = version + 1
where uppdrag_id = $uppdrag_id and version = $expected_version
