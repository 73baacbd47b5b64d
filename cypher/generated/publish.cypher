// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Publish bulk load $load: every node it staged takes its real labels (one transaction, all at once).
MATCH (n:_Staged)
WHERE n._load = $load
WITH n, n._kind AS kind
SET n:$(n._labels)
REMOVE n:_Staged, n._sid, n._kind, n._labels
RETURN kind, count(*) AS published
