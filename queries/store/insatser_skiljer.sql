-- The insatser whose row in table $a is not in table $b (version left out: a restore moves it forward).
-- Grain: one row per insats_id. Parameters: $a, $b (possibly qualified names of two insatser tables).
select distinct d.insats_id
from (
    select * exclude (version) from query_table($a)
    except
    select * exclude (version) from query_table($b)
) as d
