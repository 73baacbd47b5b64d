// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// FundingLine: new nodes (the load's plan found no node with these ids), with links and citations.
UNWIND $rows AS row
CREATE (n:FundingLine {id: row.id})
SET n += row.props, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
WITH n, row
CALL (n, row) {
  UNWIND row.funders AS ref
  MATCH (t:Organization {id: ref})
  CREATE (n)-[:FUNDED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.recipient AS ref
  MATCH (t:Actor {id: ref})
  CREATE (n)-[:FUNDS]->(t)
}
CALL (n, row) {
  UNWIND row.pays_for AS ref
  MATCH (t:Coverage {id: ref})
  CREATE (n)-[:PAYS_FOR]->(t)
}
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
RETURN count(*) AS created
