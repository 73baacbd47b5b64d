MATCH (n:Coverage)
RETURN properties(n) AS props,
       [(n)-[:BY]->(a:Actor) | a.id] AS actor,
       [(n)-[:OF_TASK]->(t:Task) | t.id] AS task,
       [(n)-[:IN]->(p:Place) | p.id] AS place,
       [(n)-[:UNDER]->(m:Mandate) | m.id] AS mandate,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
