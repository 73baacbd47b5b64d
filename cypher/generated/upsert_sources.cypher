// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Source: properties replaced by the latest version, keyed by id; citations (CITES, by locator) accumulate.
UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'new' WHEN old._hash = row.hash THEN 'unchanged' ELSE 'updated' END AS change
CALL (row, change) {
  WITH row, change WHERE change <> 'unchanged'
  MERGE (n:Source {id: row.id})
  SET n = row.props, n.id = row.id, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
  WITH n, row
  RETURN count(*) AS written
}
RETURN row.id AS id, change
