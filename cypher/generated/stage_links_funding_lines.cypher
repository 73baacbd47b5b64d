// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// FundingLine: links of nodes bulk load $load staged to nodes it staged later.
UNWIND $rows AS row
MATCH (n:_Staged {_sid: row.sid})
CALL (n, row) {
  UNWIND row.staged_funders AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:FUNDED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.staged_recipient AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:FUNDS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_pays_for AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:PAYS_FOR]->(t)
}
RETURN count(*) AS linked
