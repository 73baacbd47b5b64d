// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mandate: new nodes of bulk load $load, staged (invisible) until the load is published.
UNWIND $rows AS row
CREATE (n:_Staged {_sid: row.sid})
SET n += row.props, n.id = row.id, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC)), n._load = $load,
    n._kind = 'mandates', n._labels = ['Mandate']
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
  UNWIND row.staged_issued_by AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:ISSUED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.staged_renews AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:RENEWS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_authorizes AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:AUTHORIZES]->(t)
}
CALL (n, row) {
  UNWIND row.staged_supports AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:SUPPORTS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_tasks AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:ASSIGNS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_places AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:APPLIES_TO]->(t)
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
