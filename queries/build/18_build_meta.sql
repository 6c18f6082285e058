-- When the store was built and from which seeds.
-- Grain: one row per build.
create table build_meta (
    seed_hash varchar not null,
    built_at timestamp not null
)
