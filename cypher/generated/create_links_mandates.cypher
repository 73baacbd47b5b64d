// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mandate: links of new nodes to nodes created with or after them.
UNWIND $rows AS row
MATCH (n:Mandate {id: row.id})
CALL (n, row) {
  UNWIND row.issued_by AS ref
  MATCH (t:Organization {id: ref})
  CREATE (n)-[:ISSUED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.renews AS ref
  MATCH (t:Mandate {id: ref})
  CREATE (n)-[:RENEWS]->(t)
}
CALL (n, row) {
  UNWIND row.authorizes AS ref
  MATCH (t:Mission {id: ref})
  CREATE (n)-[:AUTHORIZES]->(t)
}
CALL (n, row) {
  UNWIND row.supports AS ref
  MATCH (t:Actor {id: ref})
  CREATE (n)-[:SUPPORTS]->(t)
}
CALL (n, row) {
  UNWIND row.tasks AS ref
  MATCH (t:Task {id: ref})
  CREATE (n)-[:ASSIGNS]->(t)
}
CALL (n, row) {
  UNWIND row.places AS ref
  MATCH (t:Place {id: ref})
  CREATE (n)-[:APPLIES_TO]->(t)
}
RETURN count(*) AS linked
