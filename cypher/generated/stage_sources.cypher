// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Source: new nodes of bulk load $load, staged (invisible) until the load is published.
UNWIND $rows AS row
CREATE (n:_Staged {_sid: row.sid})
SET n += row.props, n.id = row.id, n._hash = row.hash, n._key = toLower(normalize(row.id, NFKC)), n._load = $load,
    n._kind = 'sources', n._labels = ['Source']
WITH n, row
RETURN count(*) AS staged
