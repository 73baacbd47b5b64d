// Mandate nodes by id, with their links and renewals.
UNWIND $ids AS id
MATCH (n:Mandate {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites,
       [(n)-[:ISSUED_BY]->(o:Organization) | o.id] AS issued_by,
       [(n)-[:RENEWS]->(m:Mandate) | m.id] AS renews,
       [(m:Mandate)-[:RENEWS]->(n) | m.id] AS renewed_by,
       [(n)-[:AUTHORIZES]->(m:Mission) | m.id] AS authorizes,
       [(n)-[:ASSIGNS]->(t:Task) | t.id] AS tasks,
       [(n)-[:APPLIES_TO]->(p:Place) | p.id] AS places,
       [(c:Coverage)-[:UNDER]->(n) | c.id] AS coverages
