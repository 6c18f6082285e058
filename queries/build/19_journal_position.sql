-- Which journal generation the store belongs to and the number of the last journal entry it holds
-- (see lokalutveckling/journal.py). Grain: one row; empty generation until the journal is started.
create table journal_position (
    generation varchar,
    n bigint not null
);

insert into journal_position (generation, n)
values (null, 0)
