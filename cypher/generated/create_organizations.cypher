// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Organization: new nodes (the load's plan found no node with these ids), with links and citations.
UNWIND $rows AS row
CREATE (n:Organization:Actor {id: row.id})
SET n += row.props, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
WITH n, row
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
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
RETURN count(*) AS created
