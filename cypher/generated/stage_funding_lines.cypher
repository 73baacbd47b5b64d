// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// FundingLine: new nodes of bulk load $load, staged (invisible) until the load is published.
UNWIND $rows AS row
CREATE (n:_Staged {_sid: row.sid})
SET n += row.props, n.id = row.id, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC)), n._load = $load,
    n._kind = 'funding_lines', n._labels = ['FundingLine']
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
  UNWIND row.staged_funders AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:FUNDED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.staged_recipient AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:FUNDS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_pays_for AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:PAYS_FOR]->(t)
}
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
CALL (n, row) {
  UNWIND row.staged_cites AS c
  MATCH (s:_Staged {_sid: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}
RETURN count(*) AS staged
