// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Coverage: links of nodes bulk load $load staged to nodes it staged later.
UNWIND $rows AS row
MATCH (n:_Staged {_sid: row.sid})
CALL (n, row) {
  UNWIND row.staged_actor AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:BY]->(t)
}
CALL (n, row) {
  UNWIND row.staged_task AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:OF_TASK]->(t)
}
CALL (n, row) {
  UNWIND row.staged_place AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:IN]->(t)
}
CALL (n, row) {
  UNWIND row.staged_mandate AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:UNDER]->(t)
}
RETURN count(*) AS linked
