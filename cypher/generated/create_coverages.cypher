// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Coverage: new nodes (the load's plan found no node with these ids), with links and citations.
UNWIND $rows AS row
CREATE (n:Coverage {id: row.id})
SET n += row.props, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
WITH n, row
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
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
RETURN count(*) AS created
