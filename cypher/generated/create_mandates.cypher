// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mandate: new nodes (the load's plan found no node with these ids), with links and citations.
UNWIND $rows AS row
CREATE (n:Mandate {id: row.id})
SET n += row.props, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
WITH n, row
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
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
RETURN count(*) AS created
