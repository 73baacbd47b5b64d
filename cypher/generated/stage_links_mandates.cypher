// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mandate: links of nodes bulk load $load staged to nodes it staged later.
UNWIND $rows AS row
MATCH (n:_Staged {_sid: row.sid})
CALL (n, row) {
  UNWIND row.staged_issued_by AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:ISSUED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.staged_renews AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:RENEWS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_authorizes AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:AUTHORIZES]->(t)
}
CALL (n, row) {
  UNWIND row.staged_supports AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:SUPPORTS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_tasks AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:ASSIGNS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_places AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:APPLIES_TO]->(t)
}
RETURN count(*) AS linked
