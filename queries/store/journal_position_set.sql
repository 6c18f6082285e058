-- Record the journal generation and the last journal entry the store holds.
-- Parameters: $generation (text), $n (integer).
update journal_position
set
    generation = $generation,
    n = $n
