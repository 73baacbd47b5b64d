// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Remove what bulk load $load staged (never published: nothing a reader sees changes).
MATCH (n:_Staged)
WHERE n._load = $load
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
