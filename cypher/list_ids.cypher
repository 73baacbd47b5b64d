// Template for root connections: the ids of one label matching a compiled filter, sorted, and their count.
// The label, where and order slots are filled only by graph/query.py from identifiers in graph/schema.py;
// every value from a request is a parameter ($p0, $p1, ...).
MATCH (n:{label})
WHERE {where}
WITH n ORDER BY {order}
WITH collect(n.id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS page
