// Source nodes by id (for batched loaders), with how many facts cite each.
UNWIND $ids AS id
MATCH (n:Source {id: id})
RETURN n.id AS id, properties(n) AS props, COUNT { (n)<-[:CITES]-() } AS cited_by_count
