// Task nodes by id, with the mandates that assign them and their coverage facts.
UNWIND $ids AS id
MATCH (n:Task {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(m:Mandate)-[:ASSIGNS]->(n) | m.id] AS mandates,
       [(c:Coverage)-[:OF_TASK]->(n) | c.id] AS coverages
