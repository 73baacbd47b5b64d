// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Coverage: links of new nodes to nodes created with or after them.
UNWIND $rows AS row
MATCH (n:Coverage {id: row.id})
CALL (n, row) {
  UNWIND row.actor AS ref
  MATCH (t:Actor {id: ref})
  CREATE (n)-[:BY]->(t)
}
CALL (n, row) {
  UNWIND row.task AS ref
  MATCH (t:Task {id: ref})
  CREATE (n)-[:OF_TASK]->(t)
}
CALL (n, row) {
  UNWIND row.place AS ref
  MATCH (t:Place {id: ref})
  CREATE (n)-[:IN]->(t)
}
CALL (n, row) {
  UNWIND row.mandate AS ref
  MATCH (t:Mandate {id: ref})
  CREATE (n)-[:UNDER]->(t)
}
RETURN count(*) AS linked
