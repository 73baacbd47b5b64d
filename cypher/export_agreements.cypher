MATCH (n:Agreement)
RETURN properties(n) AS props, [(n)-[:PARTY]->(a:Actor) | a.id] AS parties, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
