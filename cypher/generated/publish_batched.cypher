// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Publish bulk load $load in batches (a load too large to publish in one transaction).
MATCH (n:_Staged)
WHERE n._load = $load
CALL (n) {
  SET n:$(n._labels)
  REMOVE n:_Staged, n._sid, n._kind, n._labels
} IN TRANSACTIONS OF 10000 ROWS
