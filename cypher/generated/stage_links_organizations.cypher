// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Organization: links of nodes bulk load $load staged to nodes it staged later.
UNWIND $rows AS row
MATCH (n:_Staged {_sid: row.sid})
CALL (n, row) {
  UNWIND row.staged_part_of AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:PART_OF]->(t)
}
CALL (n, row) {
  UNWIND row.staged_country AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:GOVERNS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_contributes_to AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:CONTRIBUTES_TO]->(t)
}
RETURN count(*) AS linked
