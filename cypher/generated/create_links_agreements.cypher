// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Agreement: links of new nodes to nodes created with or after them.
UNWIND $rows AS row
MATCH (n:Agreement {id: row.id})
CALL (n, row) {
  UNWIND row.parties AS ref
  MATCH (t:Actor {id: ref})
  CREATE (n)-[:PARTY]->(t)
}
RETURN count(*) AS linked
