-- Audit log of every change made after the build: who, when, what, old and new value.
-- Grain: one row per changed field.
create table audit (
    audit_id bigint not null,
    tid timestamp not null,
    anvandare varchar not null,
    handling varchar not null,
    tabell varchar not null,
    rad_id varchar not null,
    falt varchar,
    gammalt_varde varchar,
    nytt_varde varchar,
    kommentar varchar
)
