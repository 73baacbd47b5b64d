// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Organization: links of new nodes to nodes created with or after them.
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
CALL (n, row) {
  UNWIND row.part_of AS ref
  MATCH (t:Organization {id: ref})
  CREATE (n)-[:PART_OF]->(t)
}
CALL (n, row) {
  UNWIND row.country AS ref
  MATCH (t:Place {id: ref})
  CREATE (n)-[:GOVERNS]->(t)
}
CALL (n, row) {
  UNWIND row.contributes_to AS ref
  MATCH (t:Mission {id: ref})
  CREATE (n)-[:CONTRIBUTES_TO]->(t)
}
RETURN count(*) AS linked
