// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mission: links of nodes bulk load $load staged to nodes it staged later.
UNWIND $rows AS row
MATCH (n:_Staged {_sid: row.sid})
CALL (n, row) {
  UNWIND row.staged_led_by AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:LED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.staged_deployed_in AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:DEPLOYED_IN]->(t)
}
RETURN count(*) AS linked
