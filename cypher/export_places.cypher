MATCH (n:Place)
RETURN properties(n) AS props, [(n)-[:PART_OF]->(p:Place) | p.id] AS parent, [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
