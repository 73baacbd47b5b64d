MATCH (n:Organization)
RETURN properties(n) AS props,
       [(n)-[:PART_OF]->(o:Organization) | o.id] AS part_of,
       [(n)-[:GOVERNS]->(p:Place) | p.id] AS country,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
