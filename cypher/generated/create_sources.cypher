// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Source: new nodes (the load's plan found no node with these ids), with links and citations.
UNWIND $rows AS row
CREATE (n:Source {id: row.id})
SET n += row.props, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC))
WITH n, row
RETURN count(*) AS created
