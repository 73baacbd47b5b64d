// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Agreement: links of nodes bulk load $load staged to nodes it staged later.
UNWIND $rows AS row
MATCH (n:_Staged {_sid: row.sid})
CALL (n, row) {
  UNWIND row.staged_parties AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:PARTY]->(t)
}
RETURN count(*) AS linked
