// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Bulk loads whose staged nodes are still in the graph.
MATCH (n:_Staged)
RETURN n._load AS load, count(*) AS records
ORDER BY load
