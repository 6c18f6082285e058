-- The insatser with a row in table $a (one of an insats's own tables, e.g. uppfoljningar) that is not
-- in table $b. Grain: one row per insats_id. Parameters: $a, $b (possibly qualified table names).
select distinct d.insats_id
from (
    select * from query_table($a)
    except
    select * from query_table($b)
) as d
