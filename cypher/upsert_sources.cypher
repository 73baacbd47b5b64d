// Sources: reports, resolutions, decisions and datasets that facts cite.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n = row.props, n.id = row.id
