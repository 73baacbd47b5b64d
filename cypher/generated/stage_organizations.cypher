// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Organization: new nodes of bulk load $load, staged (invisible) until the load is published.
UNWIND $rows AS row
CREATE (n:_Staged {_sid: row.sid})
SET n += row.props, n.id = row.id, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC)), n._load = $load,
    n._kind = 'organizations', n._labels = ['Organization', 'Actor']
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
  UNWIND row.staged_part_of AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:PART_OF]->(t)
}
CALL (n, row) {
  UNWIND row.staged_country AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:GOVERNS]->(t)
}
CALL (n, row) {
  UNWIND row.staged_contributes_to AS ref
  MATCH (t:_Staged {_sid: ref})
  CREATE (n)-[:CONTRIBUTES_TO]->(t)
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
