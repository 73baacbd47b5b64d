MATCH (n:Mission)
RETURN properties(n) AS props,
       [(n)-[:LED_BY]->(o:Organization) | o.id] AS led_by,
       [(n)-[:DEPLOYED_IN]->(p:Place) | p.id] AS deployed_in,
       [(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}] AS cites
ORDER BY n.id
