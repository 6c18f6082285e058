-- Official statistics fetched with `python -m lokalutveckling stats`: one row per fetch.
-- Grain: one row per hämtning. Starts empty (no seed); `if not exists` lets the command add the table to
-- a store built before it existed. `regel` says in words how values were aggregated to the 14 areas,
-- `forfragan` holds the JSON body of a POST (SCB), `vikt_*` the population resource used as weights.
create table if not exists statistik_hamtningar (
    hamtning_id bigint not null,
    tjanst varchar not null,
    url varchar not null,
    forfragan varchar,
    tabell_id varchar not null,
    tabell_namn varchar,
    referensar integer,
    hamtad timestamp not null,
    n_rader integer not null,
    regel varchar not null,
    vikt_tabell_id varchar,
    vikt_url varchar,
    kalla_uppdaterad varchar,
    attribution varchar not null,
    anvandare varchar not null
)
