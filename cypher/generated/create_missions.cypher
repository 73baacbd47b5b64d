// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mission: new nodes (the load's plan found no node with these ids), with links and citations.
UNWIND $rows AS row
CREATE (n:Mission:Actor {id: row.id})
SET n += row.props, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
WITH n, row
CALL (n, row) {
  UNWIND row.led_by AS ref
  MATCH (t:Organization {id: ref})
  CREATE (n)-[:LED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.deployed_in AS ref
  MATCH (t:Place {id: ref})
  CREATE (n)-[:DEPLOYED_IN]->(t)
}
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
RETURN count(*) AS created
