// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Task: new nodes (the load's plan found no node with these ids), with links and citations.
UNWIND $rows AS row
CREATE (n:Task {id: row.id})
SET n += row.props, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
WITH n, row
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
RETURN count(*) AS created
