// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Every record of bulk load $load is staged: from here on an interrupted load is published, not removed.
MATCH (m:_Load {id: $load})
SET m.state = 'staged', m.staged = $staged
