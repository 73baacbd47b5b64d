// Upsert coverages: properties replaced by the latest bundle; citations (CITES, keyed by locator) accumulate.
UNWIND $rows AS row
MERGE (n:Coverage {id: row.id})
SET n = row.props, n.id = row.id
WITH n, row
CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  MERGE (n)-[r:CITES {locator: c.locator}]->(s)
  SET r.quote = c.quote
}
