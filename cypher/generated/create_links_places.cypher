// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Place: links of new nodes to nodes created with or after them.
UNWIND $rows AS row
MATCH (n:Place {id: row.id})
CALL (n, row) {
  UNWIND row.parent AS ref
  MATCH (t:Place {id: ref})
  CREATE (n)-[:PART_OF]->(t)
}
RETURN count(*) AS linked
