MATCH (n:Mandate)
RETURN properties(n) AS props,
       [(n)-[:ISSUED_BY]->(o:Organization) | o.id] AS issued_by,
       [(n)-[:RENEWS]->(m:Mandate) | m.id] AS renews,
       [(n)-[:AUTHORIZES]->(m:Mission) | m.id] AS authorizes,
       [(n)-[:ASSIGNS]->(t:Task) | t.id] AS tasks,
       [(n)-[:APPLIES_TO]->(p:Place) | p.id] AS places,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
