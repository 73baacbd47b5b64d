// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Task: new nodes of bulk load $load, staged (invisible) until the load is published.
UNWIND $rows AS row
CREATE (n:_Staged {_sid: row.sid})
SET n += row.props, n.id = row.id, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC)), n._load = $load,
    n._kind = 'tasks', n._labels = ['Task']
WITH n, row
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
