-- Add one follow-up of an insats.
-- Parameters: $uppfoljning_id, $insats_id, $datum, $vem, $vad, $rackvidd, $effekt, $underlag, $kalla.
insert into uppfoljningar (uppfoljning_id, insats_id, datum, vem, vad, rackvidd, effekt, underlag, kalla, seed_rad)
values ($uppfoljning_id, $insats_id, $datum, $vem, $vad, $rackvidd, $effekt, $underlag, $kalla, null)
