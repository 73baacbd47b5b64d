// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Coverage: new nodes of bulk load $load, staged (invisible) until the load is published.
UNWIND $rows AS row
CREATE (n:_Staged {_sid: row.sid})
SET n += row.props, n.id = row.id, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC)), n._load = $load,
    n._kind = 'coverages', n._labels = ['Coverage']
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
  UNWIND row.staged_actor AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:BY]->(t)
}
CALL (n, row) {
  UNWIND row.staged_task AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:OF_TASK]->(t)
}
CALL (n, row) {
  UNWIND row.staged_place AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:IN]->(t)
}
CALL (n, row) {
  UNWIND row.staged_mandate AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:UNDER]->(t)
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
