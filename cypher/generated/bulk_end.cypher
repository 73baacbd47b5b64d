// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Bulk load $load is published whole: its marker goes.
MATCH (m:_Load {id: $load})
DELETE m
