-- Record a finished build.
-- Parameters: $seed_hash (text), $built_at (timestamp, UTC).
insert into build_meta (seed_hash, built_at)
values ($seed_hash, $built_at)
